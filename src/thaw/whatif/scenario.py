"""Relief scenarios: which (authority, programme) pairs are lifted.

A scenario is a list of :class:`Lift` items, each written ``SCOPE:WHAT``:

``us:RUSSIA-EO14024``
    one programme code of one authority (codes compare case-insensitively, ignoring
    spacing and dash style; for bilingual codes such as Canada's
    ``Russia / Russie`` the first part also matches);
``us:russia`` / ``*:russia``
    a whole theme (see :func:`thaw.catalogue.themes`) of one or every authority;
``us:*``
    everything one authority lists.

``SCOPE`` is an authority key (``us``, ``uk``, ``eu``, ``un``, ``ca``, ``au``, ``ch``),
``*`` or a source name (``us_ofac_sdn``) to restrict a lift to one list. A
lower-case ``WHAT`` that is a theme key is read as the theme; anything else as a
programme code. ``us:theme:iran`` and ``us:program:IRAN`` say it explicitly (the
theme ``iran`` covers ``IRAN``, ``IFSR``, ``IRGC``, ``IRAN-HR`` …; the code only
itself).

A listing is lifted only when *every* programme it is listed under is lifted; a
listing naming no programme is lifted only by an authority-wide lift. Codes that
name a list rather than a programme (the Consolidated Screening List's ``SDN``,
``SSI`` … before the programmes) follow the real programmes; a listing with only a
list code (BIS ``DPL``, ``EL``) is decided on it: ``us:DPL``,
``us:export-control`` or ``us:*``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from thaw.catalogue import AUTHORITIES, SOURCE_AUTHORITY, classify, normalise_code, themes


class ScenarioError(ValueError):
    """A lift could not be understood; the message says why and how to write it."""


@dataclass(frozen=True, slots=True)
class Lift:
    """One lifted item: ``kind`` is ``program``, ``theme`` or ``all``; ``scope`` an
    authority key, a source name or ``*``; ``value`` the normalised code or theme."""

    scope: str
    kind: str
    value: str
    text: str

    @classmethod
    def parse(cls, text: str) -> Lift:
        """Read ``SCOPE:WHAT`` (see the module docs)."""
        raw = text.strip()
        scope, sep, what = raw.partition(":")
        scope = scope.strip().lower()
        what = what.strip()
        if not sep or not scope or not what:
            raise ScenarioError(
                f"cannot read lift {text!r}: write AUTHORITY:PROGRAMME (us:RUSSIA-EO14024), "
                "AUTHORITY:THEME (us:russia, *:russia) or AUTHORITY:* (us:*)"
            )
        if scope != "*" and scope not in AUTHORITIES and scope not in SOURCE_AUTHORITY:
            if "_" not in scope:
                known = ", ".join(["*", *AUTHORITIES])
                raise ScenarioError(f"unknown authority {scope!r} in {text!r}; known: {known}")
        head, sep2, tail = what.partition(":")
        if sep2 and head.lower() in ("theme", "program", "programme"):
            kind = "theme" if head.lower() == "theme" else "program"
            what = tail.strip()
            if not what:
                raise ScenarioError(f"empty {kind} in {text!r}")
        elif what == "*":
            return cls(scope, "all", "*", raw)
        elif what == what.lower() and what in themes():
            kind = "theme"
        else:
            kind = "program"
        if kind == "theme":
            if what.lower() not in themes():
                raise ScenarioError(
                    f"unknown theme {what!r} in {text!r}; themes: {', '.join(themes())}"
                )
            return cls(scope, "theme", what.lower(), raw)
        return cls(scope, "program", normalise_code(what), raw)

    def applies_to(self, authority: str, source: str) -> bool:
        """Whether this lift's scope covers a listing of ``source`` (of ``authority``)."""
        return self.scope in ("*", authority, source)

    def matches(self, authority: str, source: str, code: str) -> bool:
        """Whether this lift lifts programme ``code`` of a listing of ``source``."""
        if not self.applies_to(authority, source):
            return False
        if self.kind == "all":
            return True
        if self.kind == "theme":
            return self.value in classify(authority, code).themes
        if not code:
            return False
        norm = normalise_code(code)
        return norm == self.value or normalise_code(code.split(" / ", 1)[0]) == self.value


@dataclass(frozen=True, slots=True)
class Scenario:
    """A set of lifts; see the module docs for the rules."""

    lifts: tuple[Lift, ...]

    @classmethod
    def parse(cls, texts: Iterable[str]) -> Scenario:
        """A scenario from ``--lift`` texts (at least one)."""
        lifts = tuple(Lift.parse(t) for t in texts)
        if not lifts:
            raise ScenarioError(
                "a scenario needs at least one lift (e.g. --lift us:RUSSIA-EO14024)"
            )
        return cls(lifts)

    def lifted(self, authority: str, source: str, code: str) -> bool:
        """Whether programme ``code`` of a listing of ``source`` is lifted."""
        return any(lift.matches(authority, source, code) for lift in self.lifts)

    def split(
        self, authority: str, source: str, programs: Sequence[str]
    ) -> tuple[list[str], list[str]]:
        """``(lifted, remaining)`` programmes of a listing.

        A listing with no programme is treated as having the single code ``""``.
        List codes (:attr:`thaw.catalogue.Programme.list_code`: ``SDN``, ``SSI`` …)
        follow the listing's real programmes: lifted with them when all are lifted,
        remaining otherwise; only a listing with nothing but list codes is decided
        on those.
        """
        codes = list(dict.fromkeys(programs)) or [""]
        markers = [c for c in codes if c and classify(authority, c).list_code]
        real = [c for c in codes if c not in markers]
        if not real:
            real, markers = markers, []
        lifted = [c for c in real if self.lifted(authority, source, c)]
        remaining = [c for c in real if c not in lifted]
        if remaining:
            remaining = [c for c in codes if c in remaining or c in markers]
        else:
            lifted = [c for c in codes if c in lifted or c in markers]
        return lifted, remaining

    def describe(self) -> list[str]:
        """The lifts as written."""
        return [lift.text for lift in self.lifts]

    def check_programmes(self, codes_of: Callable[[str], Iterable[str]]) -> None:
        """Refuse a programme lift that names no programme its authority has.

        ``codes_of(authority)`` gives the programme codes known for an authority
        (the catalogue's and those of the loaded lists). A misspelt code
        (``us:RUSIA-EO14024``) would otherwise lift nothing, silently; the
        :class:`ScenarioError` names the nearest known codes.
        """
        for lift in self.lifts:
            if lift.kind != "program":
                continue
            if lift.scope == "*":
                authorities: Sequence[str] = list(AUTHORITIES)
            else:
                authorities = [SOURCE_AUTHORITY.get(lift.scope, lift.scope)]
            known: dict[str, str] = {}
            for authority in authorities:
                for code in codes_of(authority):
                    for form in (code, code.split(" / ", 1)[0]):
                        known.setdefault(normalise_code(form), f"{authority}:{form}")
            if lift.value in known:
                continue
            near = difflib.get_close_matches(lift.value, list(known), n=3, cutoff=0.6)
            hint = (
                "nearest known: " + ", ".join(known[n] for n in near)
                if near
                else "see thaw programs for the known programmes"
            )
            raise ScenarioError(f"unknown programme in {lift.text!r}; {hint}")
