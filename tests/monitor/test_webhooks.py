"""Webhook delivery against real HTTP receivers on 127.0.0.1: signatures, retries
with backoff, de-duplication, independent endpoints, and ``kill -9`` of the
delivering process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.monitor.receiver import Receiver
from thaw.monitor.webhooks import (
    WebhookError,
    backoff,
    check_url,
    deliver_due,
    sign,
    verify_signature,
)
from thaw.store.portfolios import Changes, PortfolioStore

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
import sys
from pathlib import Path
from thaw.monitor.webhooks import deliver_loop
from thaw.store.portfolios import PortfolioStore
with PortfolioStore(Path(sys.argv[1])) as ps:
    deliver_loop(ps, until_empty=True, poll=0.05, base_delay=0.05, timeout=2.0)
"""


def test_kill_9_during_delivery_loses_nothing(tmp_path: Path) -> None:
    with Receiver(SECRET, fail_first=3) as receiver, PortfolioStore(tmp_path) as ps:
        ps.add_webhook(receiver.url, SECRET, None)
        ids = _events(ps, 60)
        env = dict(os.environ)
        for attempt in range(3):
            proc = subprocess.Popen([sys.executable, "-c", DELIVER, str(tmp_path)], env=env)
            time.sleep(0.4 + 0.2 * attempt)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        done = subprocess.run([sys.executable, "-c", DELIVER, str(tmp_path)], env=env, timeout=120)
        assert done.returncode == 0
        assert ps.pending_count() == 0
        assert sorted(receiver.unique) == sorted(ids)
        # at least once: a duplicate can only be an event delivered again after a kill
        assert len(receiver.received) >= len(ids)
