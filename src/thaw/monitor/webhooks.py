"""Webhook delivery: signed JSON POSTs from the persisted outbox, at least once.

Every event recorded for a portfolio is put in the outbox once per webhook of that
portfolio (or of every portfolio) in the same transaction that records the event
(:meth:`thaw.store.portfolios.PortfolioStore.apply`), so nothing is lost when a
process dies: :func:`deliver_due` sends what is due, and whatever was not
acknowledged is sent again later.

The request
-----------
``POST`` to the endpoint's URL, body the event's JSON object (UTF-8), headers

``Content-Type: application/json``
``X-Thaw-Event-Id``    the event id (stable: receivers de-duplicate by it);
``X-Thaw-Event-Type``  ``new_hit``, ``hit_amended``, ``hit_removed``, ``row_changed``
                       or ``ownership_hit``;
``X-Thaw-Timestamp``   Unix time of this attempt, in seconds;
``X-Thaw-Signature``   ``sha256=`` + hex HMAC-SHA256 with the webhook's secret over
                       ``<timestamp>.<body>``.

A receiver checks the signature (:func:`verify_signature` does it) and refuses a
timestamp older than a few minutes, so a captured request cannot be replayed.
Any 2xx answer acknowledges the event. Anything else (an error status, a refused
connection, a timeout) is retried with exponential backoff (:func:`backoff`: 30 s,
1 min, 2 min … capped at one hour) until the event is older than
:data:`GIVE_UP_AFTER` (48 hours), then marked ``failed``. Endpoints are independent:
one that fails is skipped for the rest of a pass and does not delay the others,
and screening never waits for delivery. While an endpoint fails, its other
deliveries wait with the one that was tried, so a long outage costs one attempt
per backoff step, not one per queued event.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from thaw.store.portfolios import Delivery, PortfolioStore

SIGNATURE_HEADER = "X-Thaw-Signature"
TIMESTAMP_HEADER = "X-Thaw-Timestamp"
EVENT_ID_HEADER = "X-Thaw-Event-Id"
EVENT_TYPE_HEADER = "X-Thaw-Event-Type"

BASE_DELAY = 30.0
"""Seconds before the first retry; each further one waits twice as long."""
MAX_DELAY = 3600.0
"""The longest wait between two attempts."""
GIVE_UP_AFTER = timedelta(hours=48)
"""An event not delivered this long after it was recorded is marked ``failed``."""
TIMEOUT = 10.0
"""Seconds an endpoint has to answer."""
REPLAY_TOLERANCE = 300
"""Seconds a receiver should accept a timestamp for (:func:`verify_signature`)."""


class WebhookError(ValueError):
    """A webhook that cannot be registered (bad URL, empty secret)."""


def check_url(url: str) -> str:
    """``url`` if it is an ``http(s)`` URL with a host; :class:`WebhookError` if not."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError(f"not an http(s) URL: {url!r}")
    return url


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    *,
    now: float | None = None,
    tolerance: int = REPLAY_TOLERANCE,
) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - ts) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, ts, body), signature)


def backoff(attempts: int, base: float = BASE_DELAY, cap: float = MAX_DELAY) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt."""
    return float(min(cap, base * 2 ** max(0, attempts - 1)))


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of one POST."""

    ok: bool
    status: int | None
    error: str | None
    ms: float


def post(delivery: Delivery, timeout: float = TIMEOUT) -> Result:
    """Send one delivery (see the module docs for the request)."""
    body = delivery.body.encode("utf-8")
    ts = int(time.time())
    request = urllib.request.Request(
        delivery.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "thaw-monitor",
            EVENT_ID_HEADER: delivery.event_id,
            EVENT_TYPE_HEADER: delivery.event_type,
            TIMESTAMP_HEADER: str(ts),
            SIGNATURE_HEADER: sign(delivery.secret, ts, body),
        },
    )
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (checked scheme)
            status = int(response.status)
            response.read(65536)
    except urllib.error.HTTPError as exc:
        return Result(False, exc.code, f"HTTP {exc.code}", _ms(began))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return Result(False, None, f"{type(exc).__name__}: {reason}", _ms(began))
    ok = 200 <= status < 300
    return Result(ok, status, None if ok else f"HTTP {status}", _ms(began))


def _ms(began: float) -> float:
    return (time.perf_counter() - began) * 1000.0


@dataclass(slots=True)
class Pass:
    """What one delivery pass did."""

    delivered: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    endpoints_failing: set[int] = field(default_factory=set)

    def to_dict(self) -> dict[str, int]:
        return {
            "delivered": self.delivered,
            "retried": self.retried,
            "failed": self.failed,
            "skipped": self.skipped,
        }


def deliver_due(
    portfolios: PortfolioStore,
    *,
    base_delay: float = BASE_DELAY,
    give_up_after: timedelta = GIVE_UP_AFTER,
    timeout: float = TIMEOUT,
    send: Callable[[Delivery, float], Result] = post,
    limit: int = 500,
) -> Pass:
    """One pass over the outbox: send every due delivery, endpoints in parallel
    (each endpoint's events in order; after a failure the rest of that endpoint's
    deliveries wait for their next attempt), and record every attempt. The pass
    holds the outbox's delivery lock (:meth:`PortfolioStore.delivery_lock`), so
    that concurrent deliverers take turns instead of sending a delivery twice."""
    with portfolios.delivery_lock():
        return _pass(portfolios, base_delay, give_up_after, timeout, send, limit)


def _pass(
    portfolios: PortfolioStore,
    base_delay: float,
    give_up_after: timedelta,
    timeout: float,
    send: Callable[[Delivery, float], Result],
    limit: int,
) -> Pass:
    """One delivery pass (:func:`deliver_due`), under the delivery lock."""
    now = datetime.now(UTC)
    due = portfolios.due(now.isoformat(timespec="microseconds"), limit)
    by_hook: dict[int, list[Delivery]] = {}
    for delivery in due:
        by_hook.setdefault(delivery.webhook_id, []).append(delivery)
    outcome = Pass()

    def run(items: list[Delivery]) -> list[tuple[Delivery, Result | None]]:
        done: list[tuple[Delivery, Result | None]] = []
        failing = False
        for item in items:
            if failing:
                done.append((item, None))
                continue
            result = send(item, timeout)
            done.append((item, result))
            failing = not result.ok
        return done

    if not by_hook:
        return outcome
    with ThreadPoolExecutor(max_workers=min(8, len(by_hook))) as pool:
        batches = list(pool.map(run, by_hook.values()))
    for batch in batches:
        held_until: str | None = None
        for delivery, result in batch:
            if result is None:
                outcome.skipped += 1
                continue
            if result.ok:
                outcome.delivered += 1
                portfolios.record_attempt(
                    delivery,
                    outcome="delivered",
                    status_code=result.status,
                    error=None,
                    duration_ms=result.ms,
                    next_attempt_at=None,
                )
                continue
            outcome.endpoints_failing.add(delivery.webhook_id)
            created = datetime.fromisoformat(delivery.created_at)
            wait = backoff(delivery.attempts + 1, base_delay)
            later = datetime.now(UTC) + timedelta(seconds=wait)
            if later - created > give_up_after:
                outcome.failed += 1
                portfolios.record_attempt(
                    delivery,
                    outcome="failed",
                    status_code=result.status,
                    error=result.error,
                    duration_ms=result.ms,
                    next_attempt_at=None,
                )
            else:
                outcome.retried += 1
                held_until = later.isoformat(timespec="microseconds")
                portfolios.record_attempt(
                    delivery,
                    outcome="retry",
                    status_code=result.status,
                    error=result.error,
                    duration_ms=result.ms,
                    next_attempt_at=held_until,
                )
        if held_until is not None:
            # the endpoint is failing: its other deliveries wait as long as the one tried
            portfolios.postpone(batch[0][0].webhook_id, held_until)
    return outcome


def deliver_loop(
    portfolios: PortfolioStore,
    *,
    until_empty: bool = False,
    poll: float = 5.0,
    base_delay: float = BASE_DELAY,
    give_up_after: timedelta = GIVE_UP_AFTER,
    timeout: float = TIMEOUT,
    on_pass: Callable[[Pass], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Deliver continuously: a pass, then sleep until the next delivery is due
    (at most ``poll`` seconds, so new events go out promptly). ``until_empty``
    returns once nothing is pending."""
    while not should_stop():
        result = deliver_due(
            portfolios, base_delay=base_delay, give_up_after=give_up_after, timeout=timeout
        )
        if on_pass is not None and (result.delivered or result.retried or result.failed):
            on_pass(result)
        if until_empty and portfolios.pending_count() == 0:
            return
        nxt = portfolios.next_due()
        wait = poll
        if nxt is not None:
            delta = (datetime.fromisoformat(nxt) - datetime.now(UTC)).total_seconds()
            wait = max(0.05, min(poll, delta))
        time.sleep(wait)
