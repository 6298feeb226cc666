"""The e-mail digest against a local SMTP sink on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import socket
from email import message_from_bytes
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller  # (a dev dependency: never skipped)

from thaw.monitor.digest import SmtpSettings, send_digest
from thaw.store.portfolios import Changes, PortfolioStore


class Sink:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:  # noqa: N802
        self.messages.append(envelope)
        return "250 OK"


def test_digest_is_sent_to_a_local_smtp_sink(tmp_path: Path) -> None:
    sink = Sink()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with PortfolioStore(tmp_path) as ps:
            settings = SmtpSettings("127.0.0.1", port, sender="thaw@example.org")
            assert send_digest(ps, settings, ["team@example.org"]) == 0  # nothing yet
            pid = ps.create_portfolio("p", 0.7, None)
            payload = {
                "type": "hit_removed",
                "listing": {"source": "us_ofac_sdn", "source_id": "34336", "caption": "DMITRIEV"},
                "score": 0.99,
                "cause": {
                    "kind": "publication",
                    "source": "us_ofac_sdn",
                    "published": "2024-01-01",
                },
                "still_listed": True,
                "party": {"listed_by": [{"authority": "UK HM Treasury (OFSI)"}]},
            }
            ps.apply(pid, "p", Changes(events=[("evt_1", "hit_removed", "c-001", payload)]))
            assert send_digest(ps, settings, ["team@example.org"], portfolio="p") == 1
        assert len(sink.messages) == 1
        envelope = sink.messages[0]
        assert envelope.rcpt_tos == ["team@example.org"]
        message = message_from_bytes(envelope.content)
        body = message.get_payload()
        assert "1 monitoring event(s) for p" in message["Subject"]
        assert "p/c-001: us_ofac_sdn:34336 DMITRIEV" in body
        assert "still listed by UK HM Treasury (OFSI)" in body and "evt_1" in body
    finally:
        controller.stop()
