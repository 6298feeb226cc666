"""An e-mail digest of monitoring events through a configured SMTP server.

:func:`send_digest` puts the events recorded since a time (of one portfolio, or of
all) into one plain-text message, one line per event with the row, the listing,
the score, the causing publication and, for ``hit_removed``, who still lists the
party, and sends it with :mod:`smtplib` (STARTTLS and login when asked). Nothing
is sent when there is no event.
"""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from thaw.store.portfolios import PortfolioStore, StoredEvent


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to send: host, port, sender, STARTTLS and optional login."""

    host: str
    port: int = 25
    sender: str = "thaw@localhost"
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0


def describe(event: StoredEvent) -> str:
    """One line for an event."""
    p = event.payload
    listing = p.get("listing") or {}
    cause = p.get("cause") or {}
    when = (
        f"{cause.get('source')} {str(cause.get('published', ''))[:10]}"
        if cause.get("kind") == "publication"
        else str(cause.get("kind", ""))
    )
    score = p.get("score")
    text = (
        f"{event.type:12} {event.portfolio}/{event.row_id}: "
        f"{listing.get('source', '')}:{listing.get('source_id', '')} {listing.get('caption', '')}"
        f"{'' if score is None else f' (score {score:.2f})'} [{when}]"
    )
    if event.type == "hit_removed" and "still_listed" in p:
        by = ", ".join(x["authority"] for x in (p.get("party") or {}).get("listed_by", []))
        text += f"; still listed by {by}" if p["still_listed"] else "; no other listing"
    return text


def build_digest(
    events: Sequence[StoredEvent], sender: str, recipients: Sequence[str]
) -> EmailMessage:
    """The digest message for ``events``."""
    message = EmailMessage()
    portfolios = sorted({e.portfolio for e in events})
    message["Subject"] = f"thaw: {len(events)} monitoring event(s) for {', '.join(portfolios)}"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    counts: dict[str, int] = {}
    for e in events:
        counts[e.type] = counts.get(e.type, 0) + 1
    lines = [", ".join(f"{n} {t}" for t, n in sorted(counts.items())), ""]
    lines += [describe(e) for e in events]
    lines += ["", "Event ids: " + " ".join(e.id for e in events)]
    message.set_content("\n".join(lines) + "\n")
    return message


def send_digest(
    portfolios: PortfolioStore,
    smtp: SmtpSettings,
    recipients: Sequence[str],
    *,
    since: str | None = None,
    portfolio: str | None = None,
) -> int:
    """Send the digest of the events recorded since ``since`` (ISO date or time);
    returns how many events it held (0: nothing was sent)."""
    if not recipients:
        raise ValueError("a digest needs at least one recipient")
    events = portfolios.events(portfolio, since)
    if not events:
        return 0
    message = build_digest(events, smtp.sender, recipients)
    with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
        if smtp.starttls:
            client.starttls()
        if smtp.username:
            client.login(smtp.username, smtp.password or "")
        client.send_message(message)
    return len(events)
