"""Webhook delivery against real HTTP receivers on 127.0.0.1: signatures, retries
with backoff, de-duplication, independent endpoints, and ``kill -9`` of the
delivering process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.monitor.receiver import Receiver
from thaw.monitor import webhooks
from thaw.monitor.webhooks import (
    WebhookError,
    backoff,
    check_url,
    deliver_due,
    sign,
    verify_signature,
)
from thaw.store.portfolios import Changes, Delivery, PortfolioStore

SECRET = "s3cret"


def _events(ps: PortfolioStore, n: int, name: str = "p", start: int = 0) -> list[str]:
    try:
        pid = ps.portfolio(name).id
    except ValueError:
        pid = ps.create_portfolio(name, 0.7, None)
    events = [
        (
            f"evt_{name}_{i}",
            "new_hit",
            f"r{i}",
            {"id": f"evt_{name}_{i}", "type": "new_hit", "row_id": f"r{i}"},
        )
        for i in range(start, start + n)
    ]
    return ps.apply(pid, name, Changes(events=events))


def _drain(ps: PortfolioStore, rounds: int = 200, **kw: object) -> None:
    for _ in range(rounds):
        deliver_due(ps, base_delay=0.01, timeout=2.0, **kw)  # type: ignore[arg-type]
        if ps.pending_count() == 0:
            return
        time.sleep(0.02)


def test_signature_and_replay_window() -> None:
    body = b'{"id": "evt_1"}'
    ts = int(time.time())
    signature = sign(SECRET, ts, body)
    assert verify_signature(SECRET, str(ts), body, signature)
    assert not verify_signature(SECRET, str(ts), body + b" ", signature)
    assert not verify_signature("other", str(ts), body, signature)
    assert not verify_signature(SECRET, str(ts - 3600), body, sign(SECRET, ts - 3600, body))
    assert not verify_signature(SECRET, "yesterday", body, signature)


def test_backoff_doubles_up_to_an_hour_and_covers_a_day() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [30.0, 60.0, 120.0]
    assert backoff(30) == 3600.0
    total, attempts = 0.0, 0
    while total < 24 * 3600:
        attempts += 1
        total += backoff(attempts)
    assert attempts < 40  # a day of retries is a few dozen attempts, not thousands


def test_urls_are_checked() -> None:
    assert check_url("https://example.org/hook")
    for bad in ("ftp://x/y", "file:///etc/passwd", "http://", "javascript:alert(1)"):
        with pytest.raises(WebhookError):
            check_url(bad)


def test_receiver_down_for_the_first_attempts_gets_each_event_once(tmp_path: Path) -> None:
    with Receiver(SECRET, fail_first=5) as receiver, PortfolioStore(tmp_path) as ps:
        ps.add_webhook(receiver.url, SECRET, None)
        ids = _events(ps, 12)
        _drain(ps)
        assert ps.pending_count() == 0
        assert sorted(receiver.unique) == sorted(ids)
        assert receiver.bad_signatures == 0
        log = ps.attempts(limit=1000)
        assert sum(a.outcome == "retry" for a in log) >= 1
        assert sum(a.outcome == "delivered" for a in log) == 12
        assert all(a.status_code == 503 for a in log if a.outcome == "retry")


def test_a_failing_endpoint_does_not_block_the_others(tmp_path: Path) -> None:
    with Receiver(SECRET) as good, PortfolioStore(tmp_path) as ps:
        dead = Receiver(SECRET)
        dead_url = dead.url
        dead.server.server_close()  # nothing listens on that port any more
        ps.create_portfolio("p", 0.7, None)
        ps.add_webhook(dead_url, SECRET, None)
        ps.add_webhook(good.url, SECRET, "p")
        ids = _events(ps, 5)
        began = time.perf_counter()
        result = deliver_due(ps, base_delay=60.0, timeout=2.0)
        assert time.perf_counter() - began < 5
        assert sorted(good.unique) == sorted(ids)
        assert result.delivered == 5
        # the dead endpoint was tried once, its other deliveries wait for the next attempt
        assert result.retried == 1 and result.skipped == 4
        assert ps.pending_count() == 5
        again = deliver_due(ps, base_delay=60.0, timeout=2.0)
        assert (again.delivered, again.retried, again.skipped) == (0, 0, 0)  # all held back


def test_webhook_of_another_portfolio_gets_nothing(tmp_path: Path) -> None:
    with Receiver(SECRET) as receiver, PortfolioStore(tmp_path) as ps:
        ps.create_portfolio("other", 0.7, None)
        ps.add_webhook(receiver.url, SECRET, "other")
        _events(ps, 3)
        _drain(ps)
        assert receiver.unique == {}


def test_gives_up_after_the_configured_time(tmp_path: Path) -> None:
    with PortfolioStore(tmp_path) as ps:
        ps.add_webhook("http://127.0.0.1:9/nothing", SECRET, None)
        _events(ps, 1)
        deliver_due(ps, base_delay=0.01, give_up_after=timedelta(seconds=0), timeout=1.0)
        assert ps.outbox_status() == {"failed": 1}
        assert ps.attempts()[-1].outcome == "failed"


DELIVER = """
import sys, time
from pathlib import Path
from thaw.monitor import webhooks
from thaw.store.portfolios import PortfolioStore

home, pause_after, marker = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
sent = []


def pausing_post(delivery, timeout):
    result = webhooks.post(delivery, timeout)
    sent.append(result.ok)
    if pause_after and sum(sent) == pause_after:  # the parent test kills this process
        marker.write_text("sent")  # here: these were sent, their attempts not recorded
        time.sleep(120)
    return result


with PortfolioStore(home) as ps:  # (deliver_loop's passes, with the pausing sender)
    while ps.pending_count():
        webhooks.deliver_due(ps, base_delay=0.05, timeout=2.0, send=pausing_post)
        time.sleep(0.05)
"""


def _deliver(
    home: Path, pause_after: int = 0, marker: Path | None = None
) -> subprocess.Popen[bytes]:
    marker = marker or home / "marker"
    cmd = [sys.executable, "-c", DELIVER, str(home), str(pause_after), str(marker)]
    return subprocess.Popen(cmd)


def test_kill_9_during_delivery_loses_nothing(tmp_path: Path) -> None:
    with Receiver(SECRET, fail_first=3) as receiver, PortfolioStore(tmp_path) as ps:
        ps.add_webhook(receiver.url, SECRET, None)
        ids = _events(ps, 60)
        for attempt in range(3):  # killed after 5 more deliveries each time
            marker = tmp_path / f"sent-{attempt}"
            proc = _deliver(tmp_path, 5, marker)
            deadline = time.monotonic() + 60
            while not marker.exists():
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.02)
            os.kill(proc.pid, signal.SIGKILL)
            assert proc.wait() == -signal.SIGKILL
            assert 0 < len(receiver.unique) < len(ids)  # killed in the middle
        assert _deliver(tmp_path).wait(timeout=120) == 0
        assert ps.pending_count() == 0
        assert sorted(receiver.unique) == sorted(ids)
        # at least once: the deliveries a kill left unrecorded were sent again, and
        # the receiver told them apart by their id
        assert len(receiver.received) > len(ids)
        assert ps.outbox_status() == {"delivered": 60}


def test_receiver_down_then_up_gets_each_event_once(tmp_path: Path) -> None:
    """Nothing listens on the endpoint's port for the first attempts (connection
    refused), then a receiver starts there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hook"
    with PortfolioStore(tmp_path) as ps:
        ps.add_webhook(url, SECRET, None)
        ids = _events(ps, 8)
        for _ in range(3):  # down: each pass tries once, the others wait with it
            result = deliver_due(ps, base_delay=0.01, timeout=2.0)
            assert (result.delivered, result.retried) == (0, 1)
            time.sleep(0.05)
        refused = ps.attempts(limit=100)
        assert len(refused) == 3
        assert all(a.status_code is None and a.outcome == "retry" for a in refused)
        assert all("refused" in (a.error or "").lower() for a in refused)
        with Receiver(SECRET, port=port) as receiver:
            _drain(ps)
            assert ps.pending_count() == 0
            assert sorted(receiver.unique) == sorted(ids)
            assert len(receiver.received) == len(ids)


def test_concurrent_deliverers_take_turns_and_send_each_delivery_once(tmp_path: Path) -> None:
    """Two deliverers on one outbox (``thaw serve``'s and a ``thaw webhooks
    deliver`` beside it): each pass holds the delivery lock, so no due delivery
    is sent by both."""
    import threading

    def slow_post(delivery: Delivery, timeout: float) -> webhooks.Result:
        time.sleep(0.01)  # a pass lasts long enough for the other to start meanwhile
        return webhooks.post(delivery, timeout)

    with Receiver(SECRET) as receiver, PortfolioStore(tmp_path) as ps:
        ps.add_webhook(receiver.url, SECRET, None)
        ids = _events(ps, 40)
        start = threading.Barrier(2)

        def deliver() -> None:
            with PortfolioStore(tmp_path) as own:
                start.wait()
                webhooks.deliver_due(own, timeout=2.0, send=slow_post)

        threads = [threading.Thread(target=deliver) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert ps.pending_count() == 0
        assert sorted(e["id"] for e in receiver.received) == sorted(ids)  # none twice
