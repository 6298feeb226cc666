"""``thaw serve`` delivers the monitor's webhook outbox itself
(``thaw.api.runtime.WebhookDeliverer``, ``THAW_DELIVER_WEBHOOKS``): one worker,
elected by a lock file, against a real receiver on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.api.conftest import copy_home
from tests.monitor.receiver import Receiver
from thaw.api.runtime import Runtime, WebhookDeliverer
from thaw.api.settings import Settings
from thaw.store.portfolios import Changes, PortfolioStore

SECRET = "s3cret"


def _outbox(home: Path, url: str, n: int) -> list[str]:
    """A portfolio with ``n`` events waiting for the webhook at ``url``."""
    with PortfolioStore(home) as ps:
        ps.add_webhook(url, SECRET, None)
        pid = ps.create_portfolio("p", 0.7, None)
        events = [
            (f"evt_{i}", "new_hit", f"r{i}", {"id": f"evt_{i}", "type": "new_hit"})
            for i in range(n)
        ]
        return ps.apply(pid, "p", Changes(events=events))


def _wait(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_one_worker_delivers_the_outbox_and_each_event_once(tmp_path: Path) -> None:
    with Receiver(SECRET) as receiver:
        ids = _outbox(tmp_path, receiver.url, 25)
        workers = [WebhookDeliverer(tmp_path, None, poll=0.1, retry=0.2) for _ in range(2)]
        try:
            _wait(lambda: len(receiver.unique) == len(ids))
            # the other worker stays out while the elected one lives
            time.sleep(0.5)
            assert sum(w.delivering.is_set() for w in workers) == 1
        finally:
            for worker in workers:
                worker.stop()
        assert sorted(e["id"] for e in receiver.received) == sorted(ids)
        with PortfolioStore(tmp_path) as ps:
            assert ps.pending_count() == 0


def test_a_new_event_goes_out_while_the_server_runs(tmp_path: Path) -> None:
    with Receiver(SECRET) as receiver:
        first = _outbox(tmp_path, receiver.url, 1)
        worker = WebhookDeliverer(tmp_path, None, poll=0.1, retry=0.2)
        try:
            _wait(lambda: len(receiver.unique) == 1)
            with PortfolioStore(tmp_path) as ps:
                pid = ps.portfolio("p").id
                later = ps.apply(
                    pid, "p", Changes(events=[("evt_x", "new_hit", "rx", {"id": "evt_x"})])
                )
            _wait(lambda: len(receiver.unique) == 2)
        finally:
            worker.stop()
        assert sorted(receiver.unique) == sorted(first + later)


def test_a_home_without_monitoring_gets_no_monitor_store(tmp_path: Path) -> None:
    worker = WebhookDeliverer(tmp_path, None, poll=0.1, retry=0.05)
    try:
        time.sleep(0.3)
        assert not worker.delivering.is_set()
        assert not PortfolioStore.exists(tmp_path)
    finally:
        worker.stop()
        worker.join(5)


@pytest.mark.parametrize("value, on", [(None, True), ("0", False), ("1", True)])
def test_the_setting(monkeypatch: pytest.MonkeyPatch, value: str | None, on: bool) -> None:
    if value is None:
        monkeypatch.delenv("THAW_DELIVER_WEBHOOKS", raising=False)
    else:
        monkeypatch.setenv("THAW_DELIVER_WEBHOOKS", value)
    assert Settings.from_env().deliver_webhooks is on


@pytest.mark.parametrize("on", [True, False])
def test_the_runtime_starts_it_as_set(base_home: Path, tmp_path: Path, on: bool) -> None:
    home = copy_home(base_home, tmp_path / "home")
    settings = {"home": home, "reload_every": 3600, "deliver_webhooks": on}
    rt = Runtime.start(Settings.model_validate(settings))
    try:
        assert (rt.deliverer is not None) is on
    finally:
        rt.close()
