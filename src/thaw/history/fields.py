"""Field-level comparison of two versions of one listing.

:func:`record_changes` says what changed between two :class:`~thaw.model.Record`
versions in terms an analyst reads: ``alias added``, ``address changed``,
``programme added``. Multi-valued fields are compared as multisets of readable
values; where exactly one value left and one arrived in a field, the pair is
reported as one ``changed`` item.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from thaw.model import Address, Identifier, Link, Name, Record

NAME_FIELDS: dict[str, str] = {
    "primary": "name",
    "alias": "alias",
    "weak": "weak_alias",
    "former": "former_name",
    "original": "original_name",
}
"""Name kind → the field key used in change reports."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field-level change: ``change`` is ``added``, ``removed`` or ``changed``;
    ``old``/``new`` are readable renderings of the values (``None`` where absent)."""

    field: str
    change: str
    old: str | None = None
    new: str | None = None

    def describe(self) -> str:
        """A one-line description: ``alias added: X``, ``address changed: A → B``."""
        label = self.field.replace("_", " ")
        if self.change == "added":
            return f"{label} added: {self.new}"
        if self.change == "removed":
            return f"{label} removed: {self.old}"
        return f"{label} changed: {self.old} → {self.new}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"field": self.field, "change": self.change, "old": self.old, "new": self.new}


def _name(name: Name) -> str:
    extra = ", ".join(x for x in (name.lang, name.script) if x)
    return f"{name.value} ({extra})" if extra else name.value


def _identifier(ident: Identifier) -> str:
    text = f"{ident.label or ident.kind}: {ident.number}"
    if ident.country:
        text += f" ({ident.country})"
    if ident.note:
        text += f"; {ident.note}"
    return text


def _address(address: Address) -> str:
    return f"{address.full} [{address.country}]" if address.country else address.full


def _link(link: Link) -> str:
    target = f"{link.source}:{link.source_id}" if link.source_id else ""
    if link.name:
        target = f"{target} {link.name}".strip()
    return f"{link.relation}: {target}"


_LISTS: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("birth_dates", "birth_date", str),
    ("birth_estimates", "birth_estimate", str),
    ("birth_places", "birth_place", str),
    ("nationalities", "nationality", str),
    ("citizenships", "citizenship", str),
    ("countries", "country", str),
    ("titles", "title", str),
    ("positions", "position", str),
    ("identifiers", "identifier", _identifier),
    ("addresses", "address", _address),
    ("programs", "programme", str),
    ("remarks", "remark", str),
    ("links", "link", _link),
)
_SCALARS: tuple[tuple[str, str], ...] = (
    ("schema", "schema"),
    ("gender", "gender"),
    ("listed_on", "listed_on"),
)


def _diff_values(key: str, old: Iterable[str], new: Iterable[str]) -> list[FieldChange]:
    before, after = Counter(old), Counter(new)
    gone = list((before - after).elements())
    came = list((after - before).elements())
    if len(gone) == 1 and len(came) == 1:
        return [FieldChange(key, "changed", gone[0], came[0])]
    return [FieldChange(key, "removed", v, None) for v in gone] + [
        FieldChange(key, "added", None, v) for v in came
    ]


def record_changes(old: Record, new: Record) -> list[FieldChange]:
    """The field-level changes from ``old`` to ``new`` (empty if they are equal)."""
    out: list[FieldChange] = []
    for attr, key in _SCALARS:
        a, b = getattr(old, attr), getattr(new, attr)
        if a != b:
            if a is None:
                out.append(FieldChange(key, "added", None, str(b)))
            elif b is None:
                out.append(FieldChange(key, "removed", str(a), None))
            else:
                out.append(FieldChange(key, "changed", str(a), str(b)))
    for kind, key in NAME_FIELDS.items():
        out += _diff_values(
            key,
            (_name(n) for n in old.names if n.kind == kind),
            (_name(n) for n in new.names if n.kind == kind),
        )
    for attr, key, render in _LISTS:
        out += _diff_values(key, map(render, getattr(old, attr)), map(render, getattr(new, attr)))
    for k in sorted(set(old.extra) | set(new.extra)):
        a, b = old.extra.get(k), new.extra.get(k)
        if a == b:
            continue
        if a is None:
            out.append(FieldChange(f"extra.{k}", "added", None, b))
        elif b is None:
            out.append(FieldChange(f"extra.{k}", "removed", a, None))
        else:
            out.append(FieldChange(f"extra.{k}", "changed", a, b))
    if not out and old.to_json() != new.to_json():
        # A difference no readable field shows (e.g. a name part or an address city):
        # still report that the listing changed.
        out.append(FieldChange("details", "changed", None, None))
    return out
