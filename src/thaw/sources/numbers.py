"""Identifier numbers as a listing publishes them: the number, and its remark.

Authorities write remarks into the field that holds a document's number: what
the document is (*CAR diplomatic passport no. D00000898*, *TIN: 780245503097*,
*German travel document ("Reiseausweis") A 0139243*), where or when it was
issued (*381110042 (Expired 25 Jan. 2016)*, *3811964 (Delaware)*,
*E382464, TH, Jan 2007*), or several numbers at once (*712895726. 753173718*,
*OR801168 and Kuwaiti National ID No. 281020505755*, *OGRNIP:
321547600026521 TIN: 041104686952*). An analyst types the number alone
(``--id-number 381110042``), and the matcher compares numbers whole
(:func:`thaw.index.entry.normalize_id`), so each reader's identifiers pass
through :func:`published_identifiers` when a publication is opened
(:meth:`thaw.sources.Job.open`): the number is kept as the identifier's
``number`` and the remark joins its ``note``; a field that holds several
numbers becomes one identifier each; a field that holds no number at all (*issued
in Sarajevo, Bosnia-Herzegovina*) becomes a remark of the listing.

What stays a number: a short capital prefix (*HRA 734821*, *SE 012820*), a
series and number spaced (*96 03 464086*, *8208 555627*), a check digit in
brackets (*K357514(4)*), a Myanmar registration card with its township
(*12/SAKHANA(N)020199*, *5/KALATA (NAING) 127084*) and anything the rules below
do not recognise: they only cut words a reader can tell are not the number.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from thaw.model import Identifier, Record
from thaw.sources.common import identifier_kind

_LABEL_END = re.compile(
    r"(?:^|\()(?:number|numbers|no|nr|n°|num|#)\.?:?$|:$",
    re.IGNORECASE,
)
"""A word that ends a prefix with a label of the number after it (*passport
number*, *no.*, *No.:*, *TIN:*): asked of the prefix's last word alone, as no
label spans a space, so that a field of many words reads in linear time."""

_BARE_LABEL = re.compile(r"(?:number|no|nr|n°|num|#)\.?", re.IGNORECASE)
"""A label that says nothing but "number", left out of the remark."""

_INNER_LABEL = re.compile(r"\s+(?:No|Nr|N°)\.?:?\s+(?=\S*\d)", re.IGNORECASE)
"""A label between a series and its number (*8208 No. 555627*)."""

_LABELLED = re.compile(r"(?<=\S)\s+(?=[A-Z][A-Za-z]{1,9}:\s*\S*\d)")
"""Where a second labelled number starts (*OGRNIP: 3215… TIN: 0411…*)."""

_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_LIST_DOT = re.compile(r"(?<=\d)\.\s+(?=\S*\d)")
"""Numbers listed with a dot between them (*712895726. 753173718*)."""

_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")

_ISSUED = re.compile(r"\s+\(?((?:issued|expir\w*|valid|dated|date of)\b.*)$", re.IGNORECASE)
"""Where a remark of issue or validity starts (*12345 issued 2010*)."""

_LOWER_WORD = re.compile(r"[a-z]{2}")


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _balanced(text: str) -> bool:
    return text.count("(") == text.count(")")


def _trailing_remark(text: str, end: int) -> tuple[int, str] | None:
    """``(end, remark)`` where ``text[:end]`` ends in a remark in brackets
    after a space, holding a word (*(Expired 25 Jan. 2016)*, *(Delaware)*,
    *(US)*): the remark, and where the number before it ends; else ``None``.
    A bracketed digit or letter is part of the number (*K357514(4)*,
    *IT022428/2014(G)*). (Found from the closing bracket back, and by
    position rather than by cutting ``text``, so that a long field, with no
    closing bracket or with many remarks, reads in linear time: a regular
    expression searched from every bracket backtracks quadratically.)"""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ")":
        return None
    opening = text.rfind("(", 0, end - 1)
    if opening < 1 or not text[opening - 1].isspace():
        return None
    inside = text[opening + 1 : end - 1]
    if ")" in inside or _TWO_LETTERS.search(inside) is None:
        return None
    while opening > 0 and text[opening - 1].isspace():
        opening -= 1
    return opening, inside.strip()


def _prose(token: str) -> bool:
    """A word of the remark around a number: it holds two lower-case letters
    (*diplomatic*, *Delaware*, *(tazkira)*) or is in brackets."""
    return _LOWER_WORD.search(token) is not None or token.startswith(("(", "“", '"'))


@dataclasses.dataclass(frozen=True, slots=True)
class Published:
    """One number read out of a published identifier field: the ``number``,
    the ``remark`` cut from around it (``None`` when there was none), and the
    ``label`` that a prefix gave it (*TIN:*, *Kuwaiti National ID No.*), which
    may name another kind than the field's."""

    number: str
    remark: str | None = None
    label: str | None = None


def read_numbers(text: str) -> list[Published]:
    """The numbers a published identifier field holds, each with its remark
    (see the module's documentation); an empty list when it holds no number
    (*issued in Sarajevo*), the field unchanged when nothing can be cut."""
    text = " ".join(text.split())
    if not text:
        return []
    parts = _split(text)
    if len(parts) > 1:
        found = [read for part in parts for read in read_numbers(part)]
        return found or [Published(text)]
    return _read_one(text)


def _split(text: str) -> list[str]:
    """``text`` cut where a second number starts: *and*, a labelled number, a
    listing dot; only when every part holds a digit."""
    for pattern in (_AND, _LABELLED, _LIST_DOT):
        parts = pattern.split(text)
        if len(parts) > 1 and all(_has_digit(p) and _balanced(p) for p in parts):
            return parts
    return [text]


def _read_one(text: str) -> list[Published]:
    if not _has_digit(text):
        # a number of letters only (a call sign UHNY, a crypto address) is kept;
        # words with no number are a remark, not an identifier
        return [] if " " in text and _LOWER_WORD.search(text) else [Published(text)]
    label: str | None = None
    after: list[str] = []  # the remarks after the number, in their order
    number = text
    head, comma, tail = number.partition(", ")
    if comma and _has_digit(head):
        number = head
        after.append(tail.rstrip(" )"))
    if (m := _ISSUED.search(number)) and _has_digit(number[: m.start()]):
        after.insert(0, m[1].rstrip(" )"))
        number = number[: m.start()]
    # (a remark is cut only with a digit before it: the number of *Passport
    # (Expired 2010)* is no number)
    first_digit = next(i for i, c in enumerate(number) if c.isdigit())
    end, trailing = len(number), []
    while (bracket := _trailing_remark(number, end)) is not None and bracket[0] > first_digit:
        end, words = bracket
        trailing.append(words)
    after[:0] = reversed(trailing)
    number = number[:end]
    # words of prose after the last token with a digit (A7800002 Border Crossing)
    tokens = number.split(" ")
    last = max(i for i, t in enumerate(tokens) if _has_digit(t))
    if last < len(tokens) - 1 and all(_prose(t) for t in tokens[last + 1 :]):
        after.insert(0, " ".join(tokens[last + 1 :]))
        tokens = tokens[: last + 1]
    # before the number: the words up to a label, or up to the last word of prose
    first = min(i for i, t in enumerate(tokens) if _has_digit(t))
    cut = 0
    for i in range(first):
        if _LABEL_END.search(tokens[i]):
            cut = i + 1
    if cut == 0:
        cut = max((i + 1 for i in range(first) if _prose(tokens[i])), default=0)
    if cut:
        label = " ".join(tokens[:cut]).rstrip(":").strip()
        tokens = tokens[cut:]
    number = " ".join(tokens)
    if "(" not in number:
        number = _INNER_LABEL.sub(" ", number)
    number = number.strip(" ,;")
    if not number or number == text or not _balanced(number):
        return [Published(text)]
    said = [label] if label and not _BARE_LABEL.fullmatch(label) else []
    remark = "; ".join(r for r in said + after if r) or None
    return [Published(number, remark, label)]


def published_identifiers(record: Record) -> Record:
    """``record`` with each identifier read as :func:`read_numbers` reads its
    number: the remark joins the identifier's ``note``, a field of several
    numbers becomes several identifiers (a number whose label names a kind
    takes that kind: *Kuwaiti National ID No.* a ``national_id``), and a field
    with no number becomes a remark of the listing. The record is changed in
    place and returned."""
    if not record.identifiers:
        return record
    identifiers: list[Identifier] = []
    changed = False
    for identifier in record.identifiers:
        read = read_numbers(identifier.number)
        if len(read) == 1 and read[0].number == identifier.number:
            identifiers.append(identifier)
            continue
        changed = True
        if not read:
            what = identifier.label or identifier.kind.replace("_", " ")
            record.remarks.append(f"{what}: {identifier.number}")
            continue
        for one in read:
            kind = identifier.kind
            if len(read) > 1 and one.label:
                kind = identifier_kind(one.label.lower())
                kind = identifier.kind if kind == "other" else kind
            note = "; ".join(n for n in (one.remark, identifier.note) if n) or None
            new = dataclasses.replace(identifier, kind=kind, number=one.number, note=note)
            if new not in identifiers:
                identifiers.append(new)
    if changed:
        record.identifiers = identifiers
    return record


def published_records(records: Iterator[Record]) -> Iterator[Record]:
    """``records`` with their identifiers read as published
    (:func:`published_identifiers`)."""
    try:
        for record in records:
            yield published_identifiers(record)
    finally:
        close = getattr(records, "close", None)
        if callable(close):
            close()
