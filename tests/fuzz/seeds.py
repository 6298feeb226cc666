"""Seeds cut from the real publications in ``../shared/data`` for the long fuzz run.

The committed fixtures hold a handful of records each. Real publications exercise
far more of each reader (every remark form, alias kind, date style), but a whole
publication takes a second or more to load, too slow for thousands of mutants. So
each real publication is cut to its first :data:`RECORDS` records *at a record
boundary* and closed properly, so that the clean cut is itself a valid publication:

* XML: the record elements after the first ``RECORDS`` are removed from the tree and
  the document is written out again (closing elements intact; OFAC's
  ``Record_Count`` set to the number kept);
* CSV and TSV: the header rows and the first ``RECORDS`` records (found with the csv
  module, so a quoted line break stays inside its record), plus OFAC's Ctrl-Z
  end-of-file byte where the original has one; OFAC's companion files keep the rows
  of the listings kept;
* FollowTheMoney JSON lines: the first ``RECORDS`` lines.

:func:`real_seeds` writes them under a folder and returns, per fuzz target, the cut
seed and the full publication (the harness mutates the full one for a share of the
mutants). Formats with no real publication in the shared data keep their fixture.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
RECORDS = 300
"""Records kept in a cut seed."""


@dataclass(frozen=True, slots=True)
class Real:
    """A real publication for a fuzz target and how to cut it."""

    path: str
    """Relative to ``../shared/data``."""
    kind: str  # "xml", "csv", "ofac csv" or "lines"
    records: tuple[str, ...] = ()
    """XML: the local names of the record elements."""
    header: int = 1
    """CSV: rows before the first record."""
    delimiter: str = ","
    companions: tuple[str, ...] = ()


REAL: dict[str, Real] = {
    "us_ofac_sdn csv": Real(
        "lists/us_ofac/2021-07-07/sdn.csv",
        "ofac csv",
        header=0,
        companions=("add.csv", "alt.csv", "sdn_comments.csv"),
    ),
    "us_ofac_cons csv": Real(
        "lists/us_ofac/2025-12-19/cons_prim.csv",
        "ofac csv",
        header=0,
        companions=("cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
    ),
    # the consolidated list in the legacy XML format of SDN.XML (same reader)
    "us_ofac_sdn xml": Real("lists/us_ofac/2025-03-28/consolidated.xml", "xml", ("sdnEntry",)),
    "un_sc xml": Real("lists/un_sc/2026-02-27/consolidated.xml", "xml", ("INDIVIDUAL", "ENTITY")),
    "ca_sema xml": Real("lists/ca_gac/2025-05-25/sema-lema.xml", "xml", ("record",)),
    "uk_ofsi csv": Real("lists/uk_hmt_ofsi/2020-04-27/sanctionsconlist.csv", "csv", header=2),
    "us_trade_csl csv": Real("lists/us_trade_csl/2023-11-30/csl.csv", "csv"),
    "us_bis_dpl tsv": Real("lists/us_bis/2023-11-30/dpl.txt", "csv", delimiter="\t"),
    "ftm jsonl": Real("ftm/zala.ftm.json", "lines"),
}


@dataclass(frozen=True, slots=True)
class Seeds:
    """A target's real seeds: the cut publication and the full one (each a main file
    and its companions, in folders of their own)."""

    cut: tuple[Path, tuple[Path, ...]]
    full: tuple[Path, tuple[Path, ...]]


def real_seeds(folder: Path, records: int = RECORDS) -> dict[str, Seeds]:
    """Cut every available real publication of :data:`REAL` into ``folder``."""
    out: dict[str, Seeds] = {}
    for name, real in REAL.items():
        source = SHARED / real.path
        companions = tuple(source.parent / c for c in real.companions)
        if not source.is_file() or not all(c.is_file() for c in companions):
            continue
        target = folder / name.replace(" ", "_")
        target.mkdir(parents=True, exist_ok=True)
        cut = target / source.name
        cut_companions = cut_publication(real, source, companions, cut, records)
        out[name] = Seeds((cut, cut_companions), (source, companions))
    return out


def cut_publication(
    real: Real, source: Path, companions: tuple[Path, ...], out: Path, records: int
) -> tuple[Path, ...]:
    """Write the first ``records`` records of ``source`` to ``out`` (and the matching
    rows of its companions beside it); return the companions written."""
    data = source.read_bytes()
    if real.kind == "xml":
        out.write_bytes(cut_xml(data, real.records, records))
        return ()
    if real.kind == "lines":
        out.write_bytes(b"".join(data.splitlines(keepends=True)[:records]))
        return ()
    kept, ids = cut_csv(data, real.header, records, real.delimiter)
    out.write_bytes(kept)
    written = []
    for companion in companions:
        rows, _ = cut_csv(companion.read_bytes(), 0, None, ",", keep_ids=ids)
        (out.parent / companion.name).write_bytes(rows)
        written.append(out.parent / companion.name)
    return tuple(written)


def cut_xml(data: bytes, tags: tuple[str, ...], records: int) -> bytes:
    """The document with only its first ``records`` elements of each of ``tags``."""
    parser = etree.XMLParser(huge_tree=True, remove_blank_text=False)
    root = etree.fromstring(data, parser)
    for tag in tags:
        found = root.findall(f".//{{*}}{tag}") or root.findall(f".//{tag}")
        for el in found[records:]:
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
    for count in root.iter("{*}Record_Count"):
        count.text = str(min(records, len(root.findall(".//{*}sdnEntry"))))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def cut_csv(
    data: bytes,
    header: int,
    records: int | None,
    delimiter: str,
    keep_ids: set[str] | None = None,
) -> tuple[bytes, set[str]]:
    """The header rows and the first ``records`` records of a CSV (or, with
    ``keep_ids``, every record whose first field is one of them), cut at record
    boundaries, with the Ctrl-Z end-of-file byte kept; and the first fields of the
    records kept."""
    trailer = b"\x1a" if data.endswith(b"\x1a") else b""
    body = data[: len(data) - len(trailer)]
    text = body.decode("latin-1")  # byte for byte: the cut is made on the original bytes
    lines = list(io.StringIO(text, newline=""))  # the lines the csv module reads
    reader = csv.reader(iter(lines), delimiter=delimiter)
    out: list[str] = []
    ids: set[str] = set()
    consumed = 0
    for n, row in enumerate(reader):
        start, consumed = consumed, reader.line_num
        raw = "".join(lines[start:consumed])
        if n < header:
            out.append(raw)
            continue
        key = row[0].strip() if row else ""
        if keep_ids is not None:
            if key in keep_ids:
                out.append(raw)
            continue
        if records is not None and len(ids) >= records and key not in ids:
            break
        out.append(raw)
        ids.add(key)
    return "".join(out).encode("latin-1") + trailer, ids
