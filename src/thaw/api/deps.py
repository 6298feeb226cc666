"""Helpers shared by the routers: the current snapshot, the store of this thread,
and writing the audit record of a request."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import HTTPException, Request

from thaw.api.auth import Principal
from thaw.api.engine import Scope, Snapshot
from thaw.api.runtime import Runtime, runtime
from thaw.store.state import AuditRecord


def snapshot(request: Request, *, screening: bool = False) -> Snapshot:
    """The lists this request is answered from (503 while the first load runs;
    see :func:`current_snapshot` for ``screening``)."""
    return current_snapshot(runtime(request), screening=screening)


def current_snapshot(rt: Runtime, *, screening: bool = False) -> Snapshot:
    """The lists a new request is answered from (503 while the first load runs);
    the request keeps it to the end, whatever is installed meanwhile.

    A ``screening`` request (a name, a file, a text, a match or a search) is
    refused with 503 while the store holds no listing: "no hits" against no lists
    is the most dangerous answer a screening service can give."""
    snap = rt.engine.current()
    if snap is None:
        raise HTTPException(503, "the lists are still loading", headers={"Retry-After": "5"})
    if screening and not len(snap.screener):
        raise HTTPException(
            503,
            "no lists are loaded: screening would find nothing, whatever the name "
            "(load them first: thaw update or thaw load FILE on the service's store)",
        )
    return snap


def dataset_scope(snap: Snapshot, name: str) -> Scope:
    """The ``{dataset}`` of a path (404 for an unknown name)."""
    scope = snap.scope(name)
    if scope is None:
        raise HTTPException(404, f"no such dataset: {name!r} (see /catalog)")
    return scope


def audit_record(
    rt: Runtime,
    principal: Principal,
    action: str,
    query: Any,
    *,
    snap: Snapshot | None = None,
    scope: Scope | None = None,
    algorithm: str | None = None,
    threshold: float | None = None,
    results: Any = None,
) -> AuditRecord | None:
    """The audit record of a request (``None`` with ``THAW_AUDIT=0``)."""
    if not rt.settings.audit:
        return None
    return AuditRecord(
        action=action,
        query=query,
        key_id=principal.key_id,
        key_name=principal.name,
        dataset=scope.name if scope else None,
        publications=snap.publications_used(scope or Scope("default")) if snap else {},
        algorithm=algorithm,
        threshold=threshold,
        results=results if results is not None else [],
    )


def audit(rt: Runtime, principal: Principal, action: str, query: Any, **kw: Any) -> None:
    """Record a request in the audit trail (:func:`audit_record`) and wait until it
    is committed. A request whose record cannot be written fails (503)."""
    record = audit_record(rt, principal, action, query, **kw)
    if record is None:
        return
    try:
        rt.audit.write(record)
    except Exception as exc:
        raise HTTPException(503, "the audit trail cannot be written; try again") from exc


async def audit_async(
    rt: Runtime, principal: Principal, action: str, query: Any, **kw: Any
) -> None:
    """:func:`audit` for ``async`` routes. With ``THAW_AUDIT_COMMIT=after`` the
    record is queued and committed within 10 ms, after the answer (503 while the
    trail cannot be written); otherwise (the default) it is committed before the
    answer: with SQLite at the loop's next turn, or with the next group while the
    event loop serves other requests (:class:`~thaw.api.runtime.AuditWriter`)."""
    record = audit_record(rt, principal, action, query, **kw)
    if record is None:
        return
    if rt.audit.deferred:  # the answer does not wait for the commit
        try:
            rt.audit.record_async(record)
        except Exception as exc:
            raise HTTPException(503, "the audit trail cannot be written; try again") from exc
        return
    try:
        if rt.audit.in_loop:  # committed now, or by a later try of the lock, or failed
            await rt.audit.submit_async(record)
        else:  # a writer thread, which a stuck database could hold up
            async with asyncio.timeout(30):
                await rt.audit.submit_async(record)
    except Exception as exc:
        raise HTTPException(503, "the audit trail cannot be written; try again") from exc


def check_when_param(value: str | None, name: str) -> None:
    """Refuse (400) a date parameter (``since``, ``until``) that is no date or time,
    with what is accepted: a word such as ``yesterday`` would otherwise compare as a
    string and answer a question that was not asked (an empty list, or everything)."""
    from thaw.history.diff import check_when

    if value is not None:
        try:
            check_when(value, name)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc
