"""Canada Consolidated Autonomous Sanctions List, ``sema-lema.xml`` (source ``ca_sema``).

Global Affairs Canada publishes the listings under the Special Economic Measures Act
(SEMA) and the Justice for Victims of Corrupt Foreign Officials Act (JVCFOA) as one flat
XML file::

    <data-set>
      <record>
        <Country>Russia / Russie</Country>            regime, English / French
        <LastName>DMITRIEV</LastName>                 persons …
        <GivenName>Kirill Alexandrovich</GivenName>
        <EntityOrShip>…</EntityOrShip>                … or entities and ships
        <TitleOrShip>Dr.</TitleOrShip>                a person's title or a ship type
        <ShipIMONumber>9144782</ShipIMONumber>
        <DateOfBirthOrShipBuildDate>1975-04-12</DateOfBirthOrShipBuildDate>
        <Aliases>Кирилл Александрович Дмитриев</Aliases>
        <Schedule>1, Part 1</Schedule>
        <Item>476</Item>
        <DateOfListing>2022-02-24</DateOfListing>
      </record>
    </data-set>

The file carries no publication date: the loader takes ``--date`` or the folder name.

Identifiers
-----------
The list has no identifier of its own; a listing is the item number within a schedule
(part) of one regime's regulations. ``source_id`` is therefore
``<regime>/<schedule>/<item>``, e.g. ``russia/s1p1/476`` for Russia, Schedule 1, Part 1,
item 476 (``venezuela/45`` where no schedule is published). The regime key is the
English part of ``Country`` in lower case with non-alphanumerics collapsed to ``-``, or
the acronym in parentheses when there is one (``jvcfor``). These keys are stable as long
as Canada does not renumber items, which it does not do for existing listings.

Aliases
-------
``Aliases`` is free text. It is split on ``;``, on ``,`` and ``" or "`` (except inside
names: a comma piece starting in lower case, or consisting only of a legal form such
as ``АО`` or ``LLC``, stays with its neighbour), and after language labels such as
``Russian:`` (which also set the alias language). One-word pieces of a person's aliases
("Alexei, Aleksei") are given names only and are kept as ``weak`` names; a Russian-style
"Surname, Given Patronymic" is put back in reading order.

Aliases inside the name
-----------------------
About fifty entity names carry their aliases in a parenthesis, e.g. ``KORSAR Ltd. (also
known as Korus Consulting Cis Limited Liability Company)``. A parenthesis is split off
only when it opens with an alias marker (:func:`split_name`): ``also known as``,
``a.k.a.``, ``aka``, ``also spelled``, ``aussi`` / ``également connu sous le nom de``
give ``alias`` names; ``formerly known as``, ``previously known as``, ``f.k.a.``,
``anciennement`` (``connu sous le nom de``) give ``former`` names. The primary name is the
text before the parenthesis. Any other parenthesis (an acronym ``(MEC)``, a place
``(Kolomna)``, a translation, a legal form, a transliteration ``DIKIY (DIKY)``) stays
part of the name. The parenthesis may be nested or left unclosed (then it runs to the
end); its content is split on ``;``, on ``,`` (not before a legal form such as ``JSC``)
and at the last `` or `` / `` and `` before a name of two words or more ("Zlatmash and
Zlatoust Factory of Specialized Arms Steels LLC"), except where the alias is only the
primary name with ``&`` written ``and``. A line break after a hyphen is joined
(``Almaz-\nAntey`` → ``Almaz-Antey``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from lxml import etree

from thaw.model import Identifier, NameKind, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, read_head
from thaw.sources.common import add_estimates, clean, estimated_years, parse_date, parse_dates

__all__ = ["CanadaSemaReader", "split_aliases", "split_name", "regime_key", "schedule_key"]

_SHIP_WORDS = ("tanker", "cargo", "carrier", "vessel", "ro-ro", "fso", "bulk", "container")

_LANG_LABELS = {
    "belarusian": "bel",
    "belarussian": "bel",
    "russian": "rus",
    "ukrainian": "ukr",
    "arabic": "ara",
    "persian": "fas",
    "farsi": "fas",
    "chinese": "zho",
    "hebrew": "heb",
    "armenian": "hye",
}
_LANG_SPLIT = re.compile(r"\b(" + "|".join(_LANG_LABELS) + r")\s*:", re.IGNORECASE)
_LEGAL_FORMS = {
    "ао", "ооо", "пао", "оао", "зао", "сао", "нао", "фгуп", "фгбу", "гуп", "муп", "ано",
    "мк", "нп", "llc", "jsc", "pjsc", "ojsc", "cjsc", "fsue", "ao", "oao", "ooo", "pao",
    "zao", "ltd", "ltd.", "inc", "inc.", "co", "co.", "plc", "gmbh", "sa", "s.a.",
}  # fmt: skip
# Legal forms that end an alias in a name's parenthesis ("Afanasyev Technomac, JSC").
_NAME_LEGAL_FORMS = _LEGAL_FORMS | {"sc", "pc", "fsue", "ltd", "limited", "oao", "pao"}
# Markers opening a parenthesis of aliases in a name, and the kind of name they give.
_MARKERS: tuple[tuple[str, NameKind], ...] = (
    (r"also\s+known\s+as", "alias"),
    (r"a\.?\s?k\.?\s?a\.?", "alias"),
    (r"also\s+spelled(?:\s+as)?", "alias"),
    (r"(?:aussi|également|egalement)\s+connue?s?\s+sous\s+le\s+nom\s+de", "alias"),
    (r"formerly(?:\s+known\s+as)?", "former"),
    (r"previously\s+known\s+as", "former"),
    (r"f\.?\s?k\.?\s?a\.?", "former"),
    (r"anciennement(?:\s+connue?s?\s+sous\s+le\s+nom\s+de)?", "former"),
)
_MARKER = re.compile(
    r"(?:^|(?<=[;,(]))\s*(" + "|".join(f"(?:{m})" for m, _ in _MARKERS) + r")(?=[\s:]|$)\s*:?\s*",
    re.IGNORECASE,
)
_PATRONYMIC = re.compile(r"(вич|вна|ична|ич|оглы|кызы)$", re.IGNORECASE)


def regime_key(country: str) -> str:
    """The short key of a ``Country`` value: ``"Russia / Russie"`` → ``"russia"``,
    ``"Justice for Victims … (JVCFOR) / …"`` → ``"jvcfor"``."""
    english = country.split(" / ", 1)[0].strip()
    if m := re.search(r"\(([A-Z]{3,})\)", english):
        english = m[1]
    else:
        english = re.sub(r"\(.*?\)", "", english)
    return re.sub(r"[^0-9a-z]+", "-", english.lower()).strip("-")


def schedule_key(schedule: str | None) -> str:
    """A compact schedule key: ``"1, Part 1.1"`` → ``"s1p1.1"``, ``"Part 2"`` → ``"p2"``,
    ``"1.1"`` → ``"s1.1"``; empty when no schedule is published."""
    text = clean(schedule)
    if not text:
        return ""
    text = text.lower().replace(" ", "")
    m = re.fullmatch(r"(?:schedule)?([0-9.]+)?,?(?:part([0-9.]+))?", text)
    if m and (m[1] or m[2]):
        return (f"s{m[1]}" if m[1] else "") + (f"p{m[2]}" if m[2] else "")
    return re.sub(r"[^0-9a-z.]+", "-", text).strip("-")


def _is_legal_form(piece: str) -> bool:
    return piece.strip(" .\"'«»“”").lower() in _LEGAL_FORMS or piece.strip().lower() in _LEGAL_FORMS


def _split_commas(text: str) -> list[str]:
    pieces = [p.strip() for p in text.split(",")]
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if out and (piece[0].islower() or _is_legal_form(piece)):
            out[-1] = f"{out[-1]}, {piece}"
        elif out and _is_legal_form(out[-1]) and "," not in out[-1]:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _is_acronym(token: str) -> bool:
    word = token.strip("\"'«»“”()")
    return any(c.isdigit() for c in word) or (word.isupper() and len(word) <= 6)


def _words(text: str) -> list[str]:
    return text.split()


def _join_alternatives(segments: list[list[str]]) -> list[str]:
    """Resolve ``" or "`` between comma-split segments: a one-word side is a variant of
    the neighbouring word ("Katsiaryna or Katerina Smuschkovich", "Алексей Александров
    or Фролов"), a shared-stem pair is a variant inside one name ("Aleksandr Evgenyevich
    or Evgenievich Kon'kov"); anything else separates two names."""
    out: list[str] = []
    skip_first = False
    for i, pieces in enumerate(segments):
        pieces = list(pieces)
        if skip_first and pieces:
            pieces = pieces[1:]
        skip_first = False
        if i + 1 < len(segments) and pieces and segments[i + 1]:
            left, right = pieces[-1], segments[i + 1][0]
            lw, rw = _words(left), _words(right)
            if len(lw) == 1 and len(rw) >= 2 and not _is_acronym(lw[0]):
                pieces[-1] = " ".join([lw[0], *rw[1:]])
            elif len(rw) == 1 and len(lw) >= 2 and not _is_acronym(rw[0]):
                out.extend(pieces)
                out.append(" ".join([*lw[:-1], rw[0]]))
                skip_first = True
                continue
            elif len(lw) >= 2 and len(rw) >= 2 and lw[-1][:3].lower() == rw[0][:3].lower():
                pieces[-1] = " ".join([*lw, *rw[1:]])
                out.extend(pieces)
                out.append(" ".join([*lw[:-1], *rw]))
                skip_first = True
                continue
        out.extend(pieces)
    return out


def _expand_list(pieces: list[str]) -> list[str]:
    """Within one comma list: "Sergei, Serhii SHERBAKOV" → both with the surname; the last
    piece "A B C and D E F" of a list names two (three words or more on each side)."""
    out: list[str] = []
    for i, piece in enumerate(pieces):
        words = _words(piece)
        following = _words(pieces[i + 1]) if i + 1 < len(pieces) else []
        if (
            len(words) == 1
            and len(following) >= 2
            and following[-1].isupper()
            and not _is_acronym(words[0])
        ):
            out.append(f"{words[0]} {following[-1]}")
            continue
        if len(pieces) > 1 and i == len(pieces) - 1 and " and " in piece:
            left, right = piece.rsplit(" and ", 1)
            if len(_words(left)) >= 3 and len(_words(right)) >= 3:
                out.extend([left, right])
                continue
        out.append(piece)
    return out


def _tidy(alias: str) -> str:
    alias = alias.strip(" ,;:/").removesuffix(" AKA").strip(" ,;:/")
    if alias.startswith("(") and ")" not in alias:
        alias = alias[1:]
    if alias.endswith("("):
        alias = alias[:-1]
    alias = alias.strip()
    if alias.endswith(")") and "(" not in alias:
        alias = alias[:-1]
    return alias.strip(" ,;:/")


def split_aliases(text: str | None) -> list[tuple[str, str | None]]:
    """Split Canada's free-text ``Aliases`` into ``(alias, language)`` pairs.

    ``"Mikalay Lukashenka, Belarusian: Мікалай Лукашэнка; Russian: Николай Лукашенко"``
    gives the Latin alias (no language), the Belarusian and the Russian one.
    """
    value = clean(text)
    if not value:
        return []
    value = value.replace("\u202f", " ").replace("\xa0", " ")
    chunks: list[tuple[str, str | None]] = []
    lang: str | None = None
    pos = 0
    for m in _LANG_SPLIT.finditer(value):
        chunks.append((value[pos : m.start()], lang))
        lang = _LANG_LABELS[m[1].lower()]
        pos = m.end()
    chunks.append((value[pos:], lang))

    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for chunk, chunk_lang in chunks:
        for part in chunk.split(";"):
            part = part.strip(" ,")
            reordered = _reorder_surname_first(part)
            if reordered != part:
                aliases = [reordered]
            else:
                segments = [
                    _expand_list(_split_commas(seg)) for seg in re.split(r",?\s+or\s+", part)
                ]
                aliases = _join_alternatives(segments)
            for alias in aliases:
                for name in re.split(r"\s+/\s+", alias):
                    if len(_words(name)) < 2 and name != alias:
                        name = alias  # "A / B" splits only between whole names
                    name = _tidy(name)
                    if name and name.lower() not in seen:
                        seen.add(name.lower())
                        out.append((name, chunk_lang))
    return out


# Words that, before " and ", join two nouns of one name ("Research and Production …").
_GENERIC_WORDS = {
    "research", "science", "scientific", "production", "design", "engineering", "trade",
    "trading", "life", "investment", "industry", "industrial", "development", "technology",
    "technologies", "oil", "gas", "construction", "education", "health", "security",
}  # fmt: skip


def _closing(text: str, start: int) -> int:
    """Index of the parenthesis closing the one opened at ``start`` (nested ones
    counted), or ``len(text)`` when it is never closed."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def _split_name_commas(text: str) -> list[str]:
    """Split on commas, keeping a trailing legal form ("Afanasyev Technomac, JSC", also
    before `` and `` / `` or ``) and pieces in lower case with their neighbour."""
    out: list[str] = []
    for piece in (p.strip() for p in text.split(",")):
        if not piece:
            continue
        bare = piece.strip(" .\"'«»“”").lower()
        form, *rest = re.split(r"\s+(?:and|or)\s+", piece, maxsplit=1)
        if out and (piece[0].islower() or bare in _NAME_LEGAL_FORMS):
            out[-1] = f"{out[-1]}, {piece}"
        elif out and rest and form.strip(" .").lower() in _NAME_LEGAL_FORMS:
            out[-1] = f"{out[-1]}, {form}"  # "Beta Works, JSC or Beta Zavod"
            out.append(rest[0])
        else:
            out.append(piece)
    return out


def _split_conjunction(piece: str, primary: str) -> list[str]:
    """Split a piece at its last `` and `` / `` or `` when that separates two names:
    the right side has two words or more and starts in upper case, the left side does
    not end in a phrase like "Center of Automation", in a generic word like "Research"
    ("Research and Production Complex") or in an adjective ("Technological and
    Industrial"), and the piece is not the primary name with ``&`` written ``and``."""
    matches = list(re.finditer(r"\s+(?:and|or)\s+", piece))
    m = matches[-1] if matches else None
    if m is None or piece.replace(" and ", " & ").lower() == primary.lower():
        return [piece]
    left, right = piece[: m.start()].strip(), piece[m.end() :].strip()
    lw, rw = left.split(), right.split()
    if len(rw) < 2 or not right[0].isupper() and right[0] not in "«“‘\"'":
        return [piece]
    if len(lw) >= 2 and lw[-2][0].islower():
        return [piece]
    last = lw[-1].lower() if lw else ""
    if last in _GENERIC_WORDS or re.search(r"[a-z](?:al|ic|ive)$", last):
        return [piece]
    return [*_split_conjunction(left, primary), right]


def _parse_aliases(content: str, primary: str) -> list[tuple[str, NameKind]]:
    """The names in one alias parenthesis (marker included) with their kinds."""
    out: list[tuple[str, NameKind]] = []
    marks = list(_MARKER.finditer(content))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(content)
        kind = next(k for pat, k in _MARKERS if re.fullmatch(pat, m[1], re.IGNORECASE))
        for part in content[m.end() : end].split(";"):
            for piece in _split_name_commas(part.strip(" ,;")):
                for name in _split_conjunction(piece, primary):
                    name = _tidy(name)
                    if name and name.lower() not in {n.lower() for n, _ in out}:
                        out.append((name, kind))
    return out


def split_name(text: str) -> tuple[str, list[tuple[str, NameKind]]]:
    """Split the aliases out of a name field: ``"KORSAR Ltd. (also known as Korus
    Consulting Cis Limited Liability Company)"`` → ``("KORSAR Ltd.", [("Korus Consulting
    Cis Limited Liability Company", "alias")])``.

    Only a parenthesis opening with an alias marker (see the module documentation) is
    split off; the name is returned unchanged otherwise, or when nothing would be left.
    """
    name = " ".join(re.sub(r"(?<=\w)-\s*\n\s*(?=\w)", "-", text).split())
    kept: list[str] = []
    aliases: list[tuple[str, NameKind]] = []
    spans: list[str] = []
    pos = 0
    while (start := name.find("(", pos)) >= 0:
        end = _closing(name, start)
        content = name[start + 1 : end]
        if _MARKER.match(content):
            kept.append(name[pos:start])
            spans.append(content)
        else:
            kept.append(name[pos : end + 1])
        pos = end + 1
    kept.append(name[pos:])
    primary = " ".join("".join(kept).split()).strip(" ,;")
    if not spans or not primary:
        return name, []
    for content in spans:
        for alias, kind in _parse_aliases(content, primary):
            if alias.lower() != primary.lower() and alias not in (a for a, _ in aliases):
                aliases.append((alias, kind))
    return primary, aliases


def _text(el: etree._Element, tag: str) -> str | None:
    child = el.find(tag)
    return clean(child.text) if child is not None else None


class CanadaSemaReader(Reader):
    """Reader of Canada's consolidated autonomous sanctions list (SEMA / JVCFOA)."""

    source: ClassVar[str] = "ca_sema"
    format: ClassVar[str] = "xml"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return b"<data-set" in head and (b"<DateOfListing>" in head or b"<Schedule>" in head)

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        head = read_head(path)
        if not head.strip():
            raise SourceError(path, "file is empty", "line 1")
        if b"<data-set" not in head:
            raise SourceError(path, "not a Canadian sanctions list (no <data-set>)", "line 1")
        info = PublicationInfo(self.source, self.format, None)
        return Publication(info, self._records(path))

    def _records(self, path: Path) -> Iterator[Record]:
        seen: dict[str, int] = {}
        for _, el in iter_xml(path, tag="record"):
            line = el.sourceline if isinstance(el.sourceline, int) else 0
            record = self._record(path, el, line)
            if record.source_id in seen:
                first = seen[record.source_id]
                raise SourceError(
                    path,
                    f"listing {record.source_id!r} appears twice (first at line {first})",
                    f"line {line}",
                )
            seen[record.source_id] = line
            el.clear()
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
            yield record

    def _record(self, path: Path, el: etree._Element, line: int) -> Record:
        where = f"line {line}"
        country = _text(el, "Country")
        item = _text(el, "Item")
        if not country or not item:
            raise SourceError(path, "<record> without Country or Item", where)
        schedule = _text(el, "Schedule")
        key = "/".join(k for k in (regime_key(country), schedule_key(schedule), item) if k)

        last, last_aliases = _name_field(el, "LastName")
        given, given_aliases = _name_field(el, "GivenName")
        entity, entity_aliases = _name_field(el, "EntityOrShip")
        title = _text(el, "TitleOrShip")
        imo = _text(el, "ShipIMONumber")
        dated = _text(el, "DateOfBirthOrShipBuildDate")
        if entity:
            vessel = bool(imo) or any(w in (title or "").lower() for w in _SHIP_WORDS)
            record = Record(self.source, key, "Vessel" if vessel else "Organization")
            record.add_name(entity, "primary")
            for alias, alias_kind in entity_aliases:
                record.add_name(alias, alias_kind)
        elif last or given:
            record = Record(self.source, key, "Person")
            parts = {k: v for k, v in (("first", given), ("last", last)) if v}
            record.add_name(" ".join(parts.values()), "primary", parts=parts)
            for alias, alias_kind in given_aliases:
                record.add_name(" ".join(p for p in (alias, last) if p), alias_kind)
            for alias, alias_kind in last_aliases:
                record.add_name(" ".join(p for p in (given, alias) if p), alias_kind)
        else:
            raise SourceError(path, f"listing {key} has no name", where)

        record.programs.append(country)
        record.listed_on = parse_date(_text(el, "DateOfListing"))
        record.extra["item"] = item
        if schedule:
            record.extra["schedule"] = schedule

        if record.schema == "Person":
            if title:
                record.titles.append(title)
            if dated:
                dates: list[str] = []
                for part in re.split(r"\s+or\s+", dated, flags=re.IGNORECASE):
                    dates.extend(d for d in parse_dates(part) if d not in dates)
                record.birth_dates = dates
                add_estimates(record, estimated_years(dated))
                if not dates:
                    record.extra["date_of_birth"] = dated
        else:
            if title:
                record.extra["vessel_type" if record.schema == "Vessel" else "title"] = title
            if dated:
                record.extra["build_date" if record.schema == "Vessel" else "date"] = dated
        if imo:
            record.identifiers.append(Identifier("imo", imo, label="IMO number"))

        for alias, lang in split_aliases(_text(el, "Aliases")):
            kind: NameKind = "alias"
            if record.schema == "Person" and len(alias.split()) == 1:
                kind = "weak"
            if alias != record.caption:
                record.add_name(alias, kind, lang=lang)
        return record


def _name_field(el: etree._Element, tag: str) -> tuple[str | None, list[tuple[str, NameKind]]]:
    """A name field's primary text and the aliases it carries in a parenthesis."""
    child = el.find(tag)
    if child is None or clean(child.text) is None:
        return None, []
    return split_name(child.text or "")


def _reorder_surname_first(alias: str) -> str:
    """``"Баранов, Олег Анатольевич"`` (surname, given names) → given names first."""
    if alias.count(",") != 1:
        return alias
    surname, given = (p.strip() for p in alias.split(",", 1))
    tokens = given.split()
    if len(surname.split()) == 1 and len(tokens) == 2 and _PATRONYMIC.search(tokens[-1]):
        return f"{given} {surname}"
    return alias
