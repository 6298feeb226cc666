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

_LABELLED = re.compile(
    r"(?<=\S)\s+(?=[A-Z][A-Za-z]{1,9}:\s*\S*\d)"
    r"|(?<=[\d)])\s+(?=(?:[A-Z][A-Za-z]*\s+){1,3}[A-Z][A-Za-z]{1,9}:\s*\S*\d)"
    r"|(?<=[\d)])\s+(?=(?:[A-Z][A-Za-z]*\s+){1,3}(?:Number|No\.?)\s+\S*\d)"
)
"""Where a second labelled number starts (*OGRNIP: 3215… TIN: 0411…*,
*RU07586894 Tax Identification Number: 1657032272*, *7725039953 (Russia)
Government Gazette Number 09317135*): a label of one word, or of several
after a number."""

_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_SEMICOLON = re.compile(r";\s+|\s+/\s+")
"""Numbers listed with a semicolon or a spaced slash between them (*Tax ID
No. 7718989383 (Russia); Registration Number 1147746803049 (Russia)*)."""
_LIST_DOT = re.compile(r"(?<=\d)\.\s+(?=\S*\d)")
"""Numbers listed with a dot between them (*712895726. 753173718*)."""

_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")

_ISSUED = re.compile(r"\s+\(?((?:issued|expir\w*|valid|dated|date of)\b.*)$", re.IGNORECASE)
"""Where a remark of issue or validity starts (*12345 issued 2010*)."""

_REMARK_START = re.compile(
    r"\(?(?:issued|expir\w*|valid|dated|date of|place of|revoked)\b", re.IGNORECASE
)
"""A sentence or a part of a field that is a remark of issue or validity,
whatever digits its dates hold (*Issued on 10 Feb 2005*, *expires 2019*)."""

_SENTENCE = re.compile(r"(?<=[0-9)])\.\s+(?=[A-Za-z(])")
"""Where a sentence of a field ends: a full stop after the number or its
bracketed remark, before a word (*00085243. Issued 17 Nov 1997*, *D 000763
(Afghan). Issued on 9 Jan 1997*); a label's dot (*no. 0608109*) or a
month's (*Jan. 2016*) is followed by a digit."""

_GLUED_LABEL = re.compile(r"(?:number|no|nr|n°|num)[.:]+(?=[A-Za-z0-9(])", re.IGNORECASE)
"""A label written onto its number (*no.A1037434*, *number:F50859*)."""

_DASHES = frozenset("-–—")

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


def _pieces(tail: str) -> list[str]:
    """The remarks of the tail of a field after its number: each remark in
    brackets, and the words between them (*(Expired 25 Jan. 2016) (US)*,
    *Expired 25 Jan. 2016 (US)* → *Expired 25 Jan. 2016*, *US*); a bracket
    within a bracket stays in its remark, a bracket that never closes holds
    the rest. One walk of the characters."""
    pieces: list[str] = []
    depth = start = 0
    for i, c in enumerate(tail):
        if c == "(":
            if depth == 0:
                pieces.append(tail[start:i])
                start = i + 1
            depth += 1
        elif c == ")":
            if depth <= 1:
                pieces.append(tail[start:i])
                start = i + 1
            depth = max(0, depth - 1)
    pieces.append(tail[start:])
    return [piece for p in pieces if (piece := p.strip(" ,;"))]


def _commas(text: str) -> list[str]:
    """``text`` cut at each ", " outside brackets (*04711809 (Tunisian
    National Identity Card number, issued on 13.11.2003)* is one part); a
    closing bracket with none open is no bracket. One walk of the characters."""
    parts: list[str] = []
    depth = start = 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0 and text.startswith(", ", i):
            parts.append(text[start:i])
            start = i + 2
    parts.append(text[start:])
    return parts


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
    if text.endswith(")."):
        text = text[:-1]  # the full stop of a field that ends in a remark
    if not text:
        return []
    sentences = _SENTENCE.split(text)
    if len(sentences) == 1:
        return _read_field(text)
    # each sentence that is no remark of issue or validity holds its numbers;
    # the others are remarks of the number before them
    found: list[Published] = []
    before: list[str] = []  # remarks before the first number
    for sentence in sentences:
        remark = sentence.rstrip(". ")
        if _holds_number(sentence):
            read = _read_field(sentence)
            if before and read:
                first = read[0]
                said = "; ".join([*before, *([first.remark] if first.remark else [])])
                read[0] = dataclasses.replace(first, remark=said)
                before = []
            found.extend(read)
        elif found:
            last = found[-1]
            found[-1] = dataclasses.replace(
                last, remark="; ".join(r for r in (last.remark, remark) if r)
            )
        elif remark:
            before.append(remark)
    return found or [Published(text)]


def _holds_number(text: str) -> bool:
    """Whether ``text``, a sentence of a field, holds a number: it is no remark
    of issue or validity (*Issued in Al-Amana, Yemen on 7 Jan 1996*), and a
    part of it between commas holds a digit and is none either (*German
    national identification number, issued on 22.4.2010* holds none)."""
    return _REMARK_START.match(text) is None and any(
        _has_digit(p) and not _REMARK_START.match(p) for p in text.split(", ")
    )


def _read_field(text: str) -> list[Published]:
    parts = _split(text)
    if len(parts) > 1:
        found = [read for part in parts for read in read_numbers(part)]
        return found or [Published(text)]
    return _read_one(text)


def _split(text: str) -> list[str]:
    """``text`` cut where a second number starts: *and*, a labelled number, a
    listing dot; only when every part holds a digit."""
    for pattern in (_SEMICOLON, _AND, _LABELLED, _LIST_DOT):
        parts = pattern.split(text)
        if (
            len(parts) > 1
            and all(_has_digit(p) and _balanced(p) for p in parts)
            and not any(_REMARK_START.match(p) for p in parts[1:])
        ):
            return parts
    # a kind of identifier named in capitals before a number, after a first
    # number (*OGRN 1023901012189 TIN 3906036812*, *INN - 18311 OGRN - 10618*)
    tokens = text.split(" ")
    digit = next((i for i, t in enumerate(tokens) if _has_digit(t)), len(tokens))
    cuts: list[int] = []
    for i in range(digit + 1, len(tokens) - 1):
        token = tokens[i]
        if _kind_word(token.rstrip(":")) and (
            _has_digit(tokens[i + 1]) or tokens[i + 1] in _DASHES
        ):
            cuts.append(i)
        elif token.endswith(":") and _has_digit(tokens[i + 1]):
            # a label of several words (RU07586894 Tax Identification Number: 1657032272)
            start = i
            while start - 1 > max(digit, cuts[-1] if cuts else 0) and tokens[start - 1].isalpha():
                start -= 1
            cuts.append(start)
    if cuts:
        bounds = [0, *cuts, len(tokens)]
        parts = [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        if all(_has_digit(p) and _balanced(p) for p in parts) and not any(
            _REMARK_START.match(p) for p in parts[1:]
        ):
            return parts
    return [text]


def _kind_word(token: str) -> bool:
    """Whether ``token`` is the name of a kind of identifier in capitals
    (*OGRN*, *INN*, *TIN*, *VAT*): a label, never a number's part."""
    return (
        1 < len(token) <= 6
        and token.isalpha()
        and token.isupper()
        and identifier_kind(token.lower()) != "other"
    )


def _read_one(text: str) -> list[Published]:
    if not _has_digit(text):
        # a number of letters only (a call sign UHNY, a crypto address) is kept;
        # words with no number are a remark, not an identifier
        return [] if _LOWER_WORD.search(text) else [Published(text)]
    label: str | None = None
    after: list[str] = []  # the remarks after the number, in their order
    number = text
    commas = _commas(number)
    if len(commas) > 1:
        # the first part that holds a digit and is no remark of issue is the
        # number's (*issued 21/04/2009, expires 2019, no. 103-00653129-22*)
        at = next(
            (i for i, p in enumerate(commas) if _has_digit(p) and not _REMARK_START.match(p)),
            0 if _has_digit(commas[0]) else None,
        )
        if at is not None:
            number = commas[at]
            before = [p for p in commas[:at] if p]
            tail = ", ".join(commas[at + 1 :]).rstrip(" )")
            after.extend([*before, tail] if tail else before)
    if (
        (m := _ISSUED.search(number))
        and _has_digit(number[: m.start()])
        and _balanced(number[: m.start()])  # (not inside a remark in brackets)
    ):
        after[:0] = _pieces(number[m.start() :])
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
    elif (
        last < len(tokens) - 2
        and tokens[last + 1] in _DASHES
        and all(_prose(t) or _kind_word(t) for t in tokens[last + 2 :])
    ):
        # a label after the number, past a dash (9709056472 - Russia INN)
        after.insert(0, " ".join(tokens[last + 2 :]))
        tokens = tokens[: last + 1]
    # before the number: the words up to a label, or up to the last word of prose
    first = min(i for i, t in enumerate(tokens) if _has_digit(t))
    if (glued := _GLUED_LABEL.match(tokens[first])) is not None:
        tokens[first : first + 1] = [glued[0], tokens[first][glued.end() :]]
        first += 1
    cut = 0
    for i in range(first):
        token = tokens[i]
        if (
            _LABEL_END.search(token)
            or token in _DASHES
            or (token[-1] in _DASHES and token[:-1].isalpha())
            or _kind_word(token)
        ):
            cut = i + 1
    # (and the words of prose after a label: Trade Register Number: District
    # Court of Würzburg HRB 13359)
    cut = max(cut, max((i + 1 for i in range(cut, first) if _prose(tokens[i])), default=0))
    if cut:
        label = " ".join(tokens[:cut]).rstrip(":-–— ").strip()
        tokens = tokens[cut:]
    number = " ".join(tokens)
    if "(" not in number:
        number = _INNER_LABEL.sub(" ", number)
    number = number.strip(" ,;:").removesuffix(".")
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
