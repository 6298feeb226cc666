"""Organisations that prose names by the words their listed name writes before
its legal form, when those words are a trade's and a place's only.

OFAC lists the Venezuelan bank as BANCO DE VENEZUELA SA BANCO UNIVERSAL: its name
is *Banco de Venezuela*, then its legal form (*SA*), then what kind of bank the
law says it is (*banco universal*). A newspaper writes *Banco de Venezuela*, a
window of generic words and a country that name screening, which wants the
name's one distinctive word (*universal*), neither proposes nor scores. Such a
window names the listed organisation when the words of a listed name before its
legal form are exactly the window's (particles aside: *de*, *of*) and words follow
that legal form; the caller keeps it only when one party's listings publish it.
A generic window that is a listed name's whole name (*Bank of Russia*) is name
screening's, and one that merely begins a name (*Banco Central de Venezuela* is
not *Banco de Venezuela*) is nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from thaw.index import Entry
from thaw.text import Token

PLACE_TRADE_ROLES = frozenset({"generic", "location"})
"""The roles of every informative word of such a window: a trade's generic words
(*banco*, *bank*) and a place (*Venezuela*), at least one of each."""

SKIPPED_ROLES = frozenset({"particle", "stop"})
"""Roles left out when the window and the listed name are compared (*de*, *of*,
*the*)."""


def place_and_trade(tokens: Sequence[Token]) -> tuple[str, ...] | None:
    """The compared words of a window that holds only generic words and a place,
    at least one of each (``bank venezuela`` for *Banco de Venezuela*), else
    ``None``."""
    words = [t for t in tokens if t.role not in SKIPPED_ROLES]
    roles = {t.role for t in words}
    if roles != PLACE_TRADE_ROLES:
        return None
    return tuple(t.text for t in words)


def before_form(tokens: Sequence[Token]) -> tuple[str, ...] | None:
    """The compared words of a listed name before its first legal form, when
    they are :func:`place_and_trade` and informative words follow the legal
    form (BANCO DE VENEZUELA SA BANCO UNIVERSAL: ``bank venezuela``), else
    ``None``."""
    at = next((i for i, t in enumerate(tokens) if t.role == "legal_form"), None)
    if not at:
        return None
    if not any(t.role not in SKIPPED_ROLES | {"legal_form"} for t in tokens[at + 1 :]):
        return None
    return place_and_trade(tokens[:at])


class FormPrefixes:
    """Each listed organisation name's :func:`before_form` words, with the
    listing key and the name as published."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.names: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for entry in entries:
            for name, kind in entry.names:
                key = before_form(name.tokens) if kind != "weak" else None
                if key is not None:
                    listed = (f"{entry.source}:{entry.source_id}", name.original)
                    self.names.setdefault(key, []).append(listed)

    def __call__(self, tokens: Sequence[Token]) -> list[tuple[str, str]]:
        """The listings (key, published name) that a window of ``tokens`` names
        by the words before their legal form."""
        key = place_and_trade(tokens)
        return [] if key is None else self.names.get(key, [])
