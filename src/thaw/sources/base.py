"""The contract every official-format reader fulfils, and the tools they share.

A reader is a subclass of :class:`Reader` living in its own module of
:mod:`thaw.sources`. It declares the fixed ``source`` name it produces, the ``format``
it reads, how to recognise a file of that format from its name and first bytes
(:meth:`Reader.sniff`), and which companion files may complete a publication (the OFAC
CSV set: ``sdn.csv`` plus ``add.csv``, ``alt.csv``, ``sdn_comments.csv``).
:meth:`Reader.read` streams :class:`~thaw.model.Record` objects.

Readers never trust their input: malformed content raises :class:`SourceError`
naming the file, the line or element, and the reason. XML is parsed only through
:func:`iter_xml`, which refuses DTDs and entity declarations (billion laughs, XXE)
and never touches the network; JSON only through :func:`json_loads`, which refuses
nesting past Python's recursion limit as malformed JSON.
"""

from __future__ import annotations

import abc
import codecs
import gzip
import io
import json
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, ClassVar, cast

from lxml import etree

from thaw.model import PublicationInfo, Record

HEAD_BYTES = 65536
"""How many (decompressed) bytes :meth:`Reader.sniff` gets to recognise a format."""


class SourceError(Exception):
    """A publication could not be read. The message names file, location and reason."""

    def __init__(self, file: str | Path, reason: str, location: str | None = None) -> None:
        self.file = str(file)
        self.reason = reason
        self.location = location
        where = f"{self.file}:{location}" if location else self.file
        super().__init__(f"{where}: {reason}")


@dataclass(slots=True)
class Publication:
    """A publication being read: what is known about it, and its records.

    ``records`` is a one-shot iterator; the store drains it completely before it
    activates anything, so a reader may raise :class:`SourceError` at any point.
    """

    info: PublicationInfo
    records: Iterator[Record]
    files: list[Path] = field(default_factory=list)


READING_VERSION = 4
"""The version of what the readers read through the shared helpers of
:mod:`thaw.sources.common` (each reader's :attr:`Reader.version` by default).
1: a birth year published as an estimate ("circa 1975") was read as that year
alone; 2: it is also named as an estimate
(:attr:`thaw.model.Record.birth_estimates`); 3: an identifier number published
with a remark ("381110042 (Expired 25 Jan. 2016)") is read as the number, the
remark in its note (:mod:`thaw.sources.numbers`); 4: one reader of identifier
fields for every source (OFSI's free-text documents and business registration
numbers too), which reads sentences (*00085243. Issued 17 Nov 1997*), labels
before a dash or in capitals (*TIN - 1841015504*, *OGRN 1027700000151*) and
each remark in brackets after one of issue (*381110042 (Expired 25 Jan. 2016)
(US)*)."""


class Reader(abc.ABC):
    """Base class of the per-format readers; subclasses are registered automatically.

    Subclasses set the class attributes and implement :meth:`sniff` and :meth:`read`.
    """

    source: ClassVar[str]
    """The fixed source name produced, e.g. ``"us_ofac_sdn"``."""
    format: ClassVar[str]
    """The encoding read, e.g. ``"csv"``, ``"xml"``, ``"advanced_xml"``."""
    companions: ClassVar[Mapping[str, str]] = {}
    """Role → lower-case file name of auxiliary files that complete a publication."""
    priority: ClassVar[int] = 0
    """When several readers sniff a file positively, the highest priority wins."""
    max_bytes: ClassVar[int | None] = 256 << 20
    """Largest file accepted (on disk): the largest official list file is about 20 MB,
    so anything beyond this is not one, and is refused before it is read into memory.
    ``None`` for formats of any size that are streamed (FollowTheMoney)."""

    version: ClassVar[int] = READING_VERSION
    """The version of what this reader reads out of a publication. The store keeps
    the version each publication was read with, and loading the same files again
    under another version re-reads them (:func:`thaw.store.load`): the stored
    listings take the new reading in place, recorded as a re-read, not as changes
    by the authority. Raise it (here for one reader, :data:`READING_VERSION` for
    what the shared helpers read) whenever a change makes a reader read something
    else out of the same files."""

    registry: ClassVar[list[type[Reader]]] = []

    def __init_subclass__(cls, **kwargs: object) -> None:
        # Abstract intermediate classes are registered too (Python computes
        # ``__abstractmethods__`` only after this hook); :func:`thaw.sources.readers`
        # filters them out.
        super().__init_subclass__(**kwargs)
        Reader.registry.append(cls)

    @classmethod
    @abc.abstractmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        """Whether a file called ``name`` (lower case, inner name for archives) whose
        decompressed content starts with ``head`` is of this format."""

    @abc.abstractmethod
    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        """Read the publication whose main file is ``path``.

        ``companions`` maps the roles of :attr:`companions` to the files found
        beside it (any subset, possibly empty).
        """


# -- opening files ---------------------------------------------------------------------


def _zip_member(zf: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    members = [m for m in zf.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX")]
    if not members:
        raise SourceError(path, "zip archive is empty")
    if len(members) > 1:
        # XLSX/ODS are zips too; callers that want those open them with their library.
        members.sort(key=lambda m: m.file_size, reverse=True)
    return members[0]


def is_office_zip(path: Path) -> bool:
    """Whether ``path`` is an OOXML (xlsx/docx) or ODF (ods/odt) package."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, NotImplementedError, OSError):
        return False
    return "[Content_Types].xml" in names or "mimetype" in names


MAX_DECOMPRESSED = 512 << 20
"""Refuse a compressed publication that inflates beyond this (a decompression bomb);
the largest official list is about a fifth of it."""


class _Bounded(io.RawIOBase):
    """A decompressing stream that stops at :data:`MAX_DECOMPRESSED` bytes."""

    def __init__(
        self, raw: IO[bytes], path: Path, closing: tuple[IO[bytes] | zipfile.ZipFile, ...]
    ) -> None:
        super().__init__()
        self._raw = raw
        self._path = path
        self._closing = closing
        self._total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        self._total += len(data)
        if self._total > MAX_DECOMPRESSED:
            raise SourceError(
                self._path,
                f"decompresses to more than {MAX_DECOMPRESSED >> 20} MiB; refused "
                "(a decompression bomb?)",
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            for item in (self._raw, *self._closing):
                item.close()
        super().close()


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for reading bytes, transparently decompressing ``.gz`` and
    single-file ``.zip`` archives (office packages are returned as they are).

    Decompressed content is limited to :data:`MAX_DECOMPRESSED` bytes: reading past
    it raises :class:`SourceError`."""
    try:
        with open(path, "rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise SourceError(path, f"cannot open: {exc.strerror or exc}") from exc
    if magic[:2] == b"\x1f\x8b":
        stream = cast(IO[bytes], gzip.open(path, "rb"))
        return cast(IO[bytes], io.BufferedReader(_Bounded(stream, path, ())))
    if magic == b"PK\x03\x04" and not is_office_zip(path):
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, NotImplementedError) as exc:
            raise SourceError(path, f"corrupt zip archive: {exc}") from exc
        try:
            member = zf.open(_zip_member(zf, path))
        except (zipfile.BadZipFile, NotImplementedError, SourceError, OSError) as exc:
            zf.close()
            if isinstance(exc, SourceError):
                raise
            raise SourceError(path, f"corrupt zip archive: {exc}") from exc
        return cast(IO[bytes], io.BufferedReader(_Bounded(member, path, (zf,))))
    return open(path, "rb")


def inner_name(path: Path) -> str:
    """The lower-case name of the content: the member name for a single-file zip,
    the name without ``.gz`` for gzip, else the file name."""
    name = path.name.lower()
    try:
        with open(path, "rb") as fh:
            magic = fh.read(4)
    except OSError:
        return name
    if magic[:2] == b"\x1f\x8b" and name.endswith(".gz"):
        return name[:-3]
    if magic == b"PK\x03\x04" and not is_office_zip(path):
        try:
            with zipfile.ZipFile(path) as zf:
                return Path(_zip_member(zf, path).filename).name.lower()
        except (zipfile.BadZipFile, NotImplementedError, SourceError):
            return name
    return name


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` decompressed bytes of ``path`` (empty on a corrupt archive)."""
    try:
        with open_binary(path) as fh:
            return fh.read(size)
    except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError, SourceError):
        return b""


def read_text(path: Path, encodings: tuple[str, ...] = ("utf-8-sig", "cp1252")) -> str:
    """Decode a whole (decompressed) file, trying ``encodings`` in order.

    The OFAC legacy files end with a Ctrl-Z (0x1A) byte, which is dropped.
    """
    with open_binary(path) as fh:
        try:
            data = fh.read()
        except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError) as exc:
            raise SourceError(path, f"cannot read (truncated or corrupt?): {exc}") from exc
    data = data.rstrip(b"\x1a")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            last = exc
    raise SourceError(path, f"not valid {' or '.join(encodings)} text at byte {last.start}")


# -- hardened XML ----------------------------------------------------------------------

_FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_PROLOG_ITEMS = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
"""Whitespace, processing instructions and comments: all that may precede a DOCTYPE."""
PROLOG_LIMIT = 1 << 24
"""How far (decompressed bytes) the prolog is followed looking for the root element."""


def wide_encoding(head: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when ``head`` looks like text in that encoding
    (a byte-order mark, or mostly-ASCII text whose NUL bytes fall at regular
    positions), else ``None``."""
    for bom in _WIDE_BOMS:
        if head.startswith(bom):
            return "UTF-32" if len(bom) == 4 else "UTF-16"
    sample = head[:256]
    quarter = len(sample) // 4
    if quarter < 4:
        return None
    zeros = [sample[i : quarter * 4 : 4].count(0) for i in range(4)]
    full = sum(1 for z in zeros if z >= 0.9 * quarter)
    empty = sum(1 for z in zeros if z <= 0.1 * quarter)
    if full == 3 and empty == 1:
        return "UTF-32"
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    if min(even, odd) <= 0.1 * 2 * quarter and max(even, odd) >= 0.7 * 2 * quarter:
        return "UTF-16"
    return None


def _prolog_declaration(data: bytes, complete: bool) -> tuple[str | None, bool]:
    """Follow the prolog of ``data``: ``(declaration, decided)``.

    ``declaration`` is the markup declaration found before the root element
    (``"<!DOCTYPE"``), if any; ``decided`` is false when ``data`` ends inside the
    prolog and more of the file is needed (never when ``complete``).
    """
    pos = 3 if data.startswith(codecs.BOM_UTF8) else 0
    pos = _PROLOG_ITEMS.match(data, pos).end()  # type: ignore[union-attr]
    rest = data[pos : pos + 16]
    if not complete and (len(rest) < 10 or rest.startswith((b"<?", b"<!--"))):
        return None, False
    if rest.startswith(b"<!") and not rest.startswith(b"<!--"):
        return rest.split()[0].decode("ascii", "replace")[:10], True
    return None, True


def check_xml_head(path: Path, head: bytes) -> None:
    """Refuse XML that declares a DTD or entities: no official list does, and such
    declarations are how billion-laughs and external-entity (XXE) attacks work.

    ``head`` is the start of the (decompressed) file. A declaration anywhere in it is
    refused, as is XML in UTF-16 or UTF-32, which no official list uses and in which
    the markers would hide.
    """
    upper = head.upper()
    for marker in _FORBIDDEN_XML:
        if marker in upper:
            raise SourceError(
                path, f"XML declares {marker.decode()[2:]}; refused (possible entity attack)"
            )
    wide = wide_encoding(head)
    if wide:
        raise SourceError(
            path, f"XML encoded in {wide}; refused (the official lists are published in UTF-8)"
        )


def check_xml_prolog(path: Path, head: bytes | None = None) -> None:
    """:func:`check_xml_head`, then follow the prolog past the head if it is longer
    (a DOCTYPE may hide behind megabytes of comments) up to :data:`PROLOG_LIMIT`."""
    head = read_head(path) if head is None else head
    check_xml_head(path, head)
    declaration, decided = _prolog_declaration(head, len(head) < HEAD_BYTES)
    if not decided:
        with open_binary(path) as fh:
            data = fh.read(HEAD_BYTES)
            while not decided:
                chunk = fh.read(len(data))  # doubling: the prolog is rescanned O(n) times
                data += chunk
                declaration, decided = _prolog_declaration(data, not chunk)
                if not decided and len(data) >= PROLOG_LIMIT:
                    raise SourceError(
                        path, f"no XML root element in the first {PROLOG_LIMIT >> 20} MiB; refused"
                    )
    if declaration:
        what = declaration.lstrip("<!").upper() or "a markup declaration"
        raise SourceError(path, f"XML declares {what}; refused (possible entity attack)")


_POSITION = re.compile(r",? line \d+, column \d+$")
_XML_HINTS = (
    ("Premature end of data", "the file ends early: truncated?"),
    ("EndTag: '</' not found", "the file ends early: truncated?"),
    ("Extra content at the end", "content after the root element"),
    ("Document is empty", "no XML content"),
    ("Start tag expected", "not XML"),
    ("Invalid bytes in character encoding", "the file is not in the encoding it declares"),
    ("Input is not proper UTF-8", "the file is not in the encoding it declares"),
)


def xml_syntax_error(path: Path | str, exc: etree.XMLSyntaxError) -> SourceError:
    """A :class:`SourceError` for an lxml syntax error: the parser's message (naming
    the element where it has one) with the column and a hint, located at the line."""
    message = _POSITION.sub("", str(exc.msg or exc)).strip()
    line, column = exc.position if exc.position else (exc.lineno, None)
    notes = [f"column {column}"] if column else []
    notes += [hint for needle, hint in _XML_HINTS if needle in message][:1]
    if notes:
        message = f"{message} ({'; '.join(notes)})"
    return SourceError(path, f"malformed XML: {message}", f"line {line}" if line else None)


def json_loads(text: str | bytes) -> Any:
    """``json.loads`` for text from outside: JSON nested past Python's recursion
    limit (``[[[…]]]`` a hundred thousand deep) is a :class:`json.JSONDecodeError`
    ("nested too deeply"), as any other malformed JSON is, rather than a
    ``RecursionError`` that its callers would not expect; so is an integer of more
    digits than Python converts (4,300: a plain ``ValueError`` from ``json``)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", "", 0) from None
    except json.JSONDecodeError:
        raise
    except ValueError:
        raise json.JSONDecodeError("a number too long", "", 0) from None


def iter_xml(
    path: Path, tag: str | tuple[str, ...] | None = None, events: tuple[str, ...] = ("end",)
) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs from an XML file with a hardened parser.

    No DTD is loaded, no entity is resolved, the network is never used and
    DOCTYPE/ENTITY declarations are refused outright (:func:`check_xml_prolog`).
    Syntax errors (a truncated file) become :class:`SourceError` with the line
    (and column). Callers should ``clear()`` elements they are done with to keep memory flat.
    """
    check_xml_prolog(path)
    with open_binary(path) as fh:
        parser = etree.iterparse(
            fh,
            events=events,
            tag=tag,
            load_dtd=False,
            no_network=True,
            resolve_entities=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        try:
            yield from parser
        except etree.XMLSyntaxError as exc:
            raise xml_syntax_error(path, exc) from exc
        except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError) as exc:
            raise SourceError(path, f"cannot read (truncated or corrupt?): {exc}") from exc


def local(tag: object) -> str:
    """An element's tag without its namespace."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def text_io(path: Path, encodings: tuple[str, ...] = ("utf-8-sig", "cp1252")) -> io.StringIO:
    """The decoded file as a text stream (for :mod:`csv`)."""
    return io.StringIO(read_text(path, encodings), newline="")
