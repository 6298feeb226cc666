"""Every real publication we hold, planned and read, against the counts in MANIFEST.md.

Each machine-readable publication under the shared ``lists`` folder is planned
(format detected from content, companion files attached) and read once; its record
count must equal the count the manifest gives under that list's counting rule
(written beside each row below). The manifest row must carry the same number, so the
table cannot drift from it silently.

Not counted, but checked: the partial ``_samples/`` excerpts must parse; the
human-readable ``.odt`` edition and auxiliary OFAC files without their ``sdn.csv``
must be refused with a clear message. The OFAC ``sdn.csv`` history archive and its
index are imported as a series by ``thaw update`` and tested there.

A new file in the folder fails :func:`test_every_file_is_classified` until it gets
a row here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thaw.model import SCHEMATA
from thaw.sources import SourceError, plan

pytestmark = pytest.mark.realdata


class Row:
    """One publication: the source it must be read as, its count, its in-file date
    (``None`` where the format carries none) and its companion files."""

    def __init__(
        self, source: str, count: int, published: str | None, companions: tuple[str, ...] = ()
    ) -> None:
        self.source = source
        self.count = count
        self.published = published
        self.companions = companions


OFAC_SET = ("add.csv", "alt.csv", "sdn_comments.csv")
CONS_SET = ("cons_add.csv", "cons_alt.csv", "cons_comments.csv")

PUBLICATIONS: dict[str, Row] = {
    # AU DFAT: distinct base Reference numbers (suffixed alias rows 2a, 2b… fold into 2)
    "au_dfat/2024-11-11/regulation8_consolidated.xlsx": Row("au_dfat", 3062, "2024-11-11"),
    # Canada SEMA: <record> elements
    "ca_gac/2025-05-25/sema-lema.xml": Row("ca_sema", 4759, None),
    # OFSI legacy CSV: distinct Group IDs (one listing per group, many name rows)
    "uk_hmt_ofsi/2014-04-02/sanctionsconlist.csv": Row("uk_ofsi", 2297, "2014-04-02"),
    # OFSI legacy CSV: distinct Group IDs
    "uk_hmt_ofsi/2018-04-13/sanctionsconlist.csv": Row("uk_ofsi", 2106, "2018-04-13"),
    # OFSI legacy CSV: distinct Group IDs
    "uk_hmt_ofsi/2020-04-27/sanctionsconlist.csv": Row("uk_ofsi", 2114, "2020-04-27"),
    # OFSI 2022 XLSX: distinct Group IDs
    "uk_hmt_ofsi/2023-06-05/ConList.xlsx": Row("uk_ofsi", 3993, "2023-06-05"),
    # OFSI 2022 XLSX: distinct Group IDs
    "uk_hmt_ofsi/2025-04-10/ConList.xlsx": Row("uk_ofsi", 4686, "2025-04-10"),
    # OFSI 2022 XLSX: distinct Group IDs
    "uk_hmt_ofsi/2025-04-14/ConList.xlsx": Row("uk_ofsi", 4688, "2025-04-14"),
    # UN SC: individuals + entities (693 + 405)
    "un_sc/2018-06-07/consolidated.xml": Row("un_sc", 1098, "2018-06-07"),
    # UN SC: individuals + entities (695 + 405)
    "un_sc/2018-06-21/consolidated.xml": Row("un_sc", 1100, "2018-06-21"),
    # UN SC: individuals + entities (701 + 397)
    "un_sc/2018-08-24/consolidated.xml": Row("un_sc", 1098, "2018-08-24"),
    # UN SC: individuals + entities (703 + 390)
    "un_sc/2018-10-29/consolidated.xml": Row("un_sc", 1093, "2018-10-29"),
    # UN SC: individuals + entities (703 + 253)
    "un_sc/2022-10-21/consolidated.xml": Row("un_sc", 956, "2022-10-21"),
    # UN SC: individuals + entities (701 + 254)
    "un_sc/2023-03-27/consolidated.xml": Row("un_sc", 955, "2023-03-27"),
    # UN SC: individuals + entities (684 + 193)
    "un_sc/2025-04-19/consolidated.xml": Row("un_sc", 877, "2025-04-19"),
    # UN SC: individuals + entities (730 + 273)
    "un_sc/2026-02-27/consolidated.xml": Row("un_sc", 1003, "2026-02-27"),
    # BIS DPL: denied-person rows
    "us_bis/2019-06-29/dpl.txt": Row("us_bis_dpl", 546, None),
    # BIS DPL: denied-person rows
    "us_bis/2022-09-07/dpl.txt": Row("us_bis_dpl", 581, None),
    # BIS DPL: denied-person rows
    "us_bis/2023-11-30/dpl.txt": Row("us_bis_dpl", 665, None),
    # OFAC consolidated CSV: primary rows (distinct ent_num); cons_comments.csv is empty
    "us_ofac/2018-04-06/cons_prim.csv": Row("us_ofac_cons", 639, None, CONS_SET),
    # OFAC consolidated legacy XML: <sdnEntry> elements
    "us_ofac/2018-04-06/consolidated.xml": Row("us_ofac_cons", 639, "2018-04-06"),
    # OFAC SDN CSV: SDN records (rows of sdn.csv)
    "us_ofac/2019-01-04/sdn.csv": Row("us_ofac_sdn", 7379, None, OFAC_SET),
    # OFAC consolidated legacy XML: <sdnEntry> elements
    "us_ofac/2020-03-17/consolidated.xml": Row("us_ofac_cons", 375, "2020-03-17"),
    # OFAC SDN CSV: SDN records
    "us_ofac/2021-07-07/sdn.csv": Row("us_ofac_sdn", 8976, None, OFAC_SET),
    # OFAC SDN CSV: SDN records
    "us_ofac/2021-08-18/sdn.csv": Row("us_ofac_sdn", 9083, None),
    # OFAC SDN CSV: SDN records
    "us_ofac/2022-02-26/sdn.csv": Row("us_ofac_sdn", 9218, None),
    # OFAC SDN CSV: SDN records
    "us_ofac/2022-02-28/sdn.csv": Row("us_ofac_sdn", 9222, None),
    # OFAC SDN CSV: SDN records
    "us_ofac/2022-12-28/sdn.csv": Row("us_ofac_sdn", 11430, None),
    # OFAC SDN CSV: SDN records
    "us_ofac/2023-12-28/sdn.csv": Row("us_ofac_sdn", 13821, None),
    # OFAC SDN CSV: SDN records
    "us_ofac/2024-05-03/sdn.csv": Row("us_ofac_sdn", 14965, None),
    # OFAC consolidated Enhanced XML (zipped): entities on the Consolidated List
    "us_ofac/2025-01-10/CONS_ENHANCED.ZIP": Row("us_ofac_cons", 443, "2025-01-10"),
    # OFAC consolidated legacy XML: <sdnEntry> elements
    "us_ofac/2025-03-28/consolidated.xml": Row("us_ofac_cons", 443, "2025-03-28"),
    # OFAC consolidated CSV: primary rows (distinct ent_num)
    "us_ofac/2025-12-19/cons_prim.csv": Row("us_ofac_cons", 442, None, CONS_SET),
    # CSL: one record per row, i.e. per listing on one source list (the reader's
    # documented count; 14048 distinct _id, as a party may be on several lists)
    "us_trade_csl/2022-05-16/consolidated.csv.gz": Row("us_trade_csl", 14160, None),
    # CSL (trimmed test copy): rows, the header repeated inside the data not counted
    "us_trade_csl/2023-11-30/csl.csv": Row("us_trade_csl", 4227, None),
}

SAMPLES: dict[str, Row] = {
    # partial excerpt: the first 7 sanctionEntity of the 2020-04-15 EU file
    "_samples/eu_fsf/2020-04-15/sample_eu_sanctions.xml": Row("eu_fsf", 7, "2020-04-15"),
    # partial excerpt: 17 sdnEntry (its header Record_Count still says 7449)
    "_samples/us_ofac/2019-03-11/sdn.xml.zip": Row("us_ofac_sdn", 17, "2019-03-11"),
}

COMPANIONS: dict[str, str] = {
    # auxiliary file → its primary file, beside it (read with it, never alone)
    f"us_ofac/{date}/{name}": f"us_ofac/{date}/{primary}"
    for date, names, primary in (
        ("2018-04-06", CONS_SET, "cons_prim.csv"),
        ("2019-01-04", OFAC_SET, "sdn.csv"),
        ("2021-07-07", OFAC_SET, "sdn.csv"),
        ("2025-12-19", CONS_SET, "cons_prim.csv"),
    )
    for name in names
}

ORPHANS: dict[str, str] = {
    # auxiliary files whose primary file is absent: refused, naming the primary file
    f"us_ofac/2025-12-24/{name}": "sdn.csv"
    for name in OFAC_SET
}

DOCUMENTS = ("uk_fcdo/2023-01-14/UK_Sanctions_List.odt",)
"""Human-readable editions: refused with a message saying so."""

SERIES = (
    "us_ofac/2021-08-18_to_2024-05-03/sdn_csv_history.tar.xz",
    "us_ofac/2021-08-18_to_2024-05-03/sdn_csv_history_index.csv",
)
"""The OFAC sdn.csv history archive and its index: imported as a series by ``thaw
update`` (tested with the update package), not read as one publication."""


def manifest_row(lists_dir: Path, rel: str) -> str:
    """The MANIFEST.md table row describing ``rel``."""
    for line in (lists_dir / "MANIFEST.md").read_text(encoding="utf-8").splitlines():
        if f"| {rel} |" in line:
            return line
    raise AssertionError(f"{rel} has no row in MANIFEST.md")


def read_and_check(lists_dir: Path, rel: str, row: Row) -> None:
    path = lists_dir / rel
    jobs = plan([path])
    assert len(jobs) == 1, f"{rel}: planned as {len(jobs)} jobs"
    [job] = jobs
    assert job.reader.source == row.source, f"{rel}: read as {job.reader.source}"
    assert sorted(p.name for p in job.companions.values()) == sorted(row.companions)
    publication = job.open()
    records = list(publication.records)
    ids = [r.source_id for r in records]
    assert len(records) == row.count, f"{rel}: {len(records)} records, manifest {row.count}"
    assert len(set(ids)) == len(ids), f"{rel}: duplicate listing ids"
    assert publication.info.published == row.published
    for record in records:
        assert record.source == row.source
        assert record.schema in SCHEMATA, f"{record.key}: schema {record.schema!r}"
        assert record.names, f"{record.key} has no name"
        if row.source.startswith("us_ofac"):  # OFAC's readers put the primary name first
            assert record.names[0].kind == "primary", f"{record.key}: {record.names[0]}"


def test_every_file_is_classified(lists_dir: Path) -> None:
    """Every file of the folder has a row here (and every row a file)."""
    held = {
        p.relative_to(lists_dir).as_posix()
        for p in lists_dir.rglob("*")
        if p.is_file() and p.name != "MANIFEST.md"
    }
    rows = [*PUBLICATIONS, *SAMPLES, *COMPANIONS, *ORPHANS, *DOCUMENTS, *SERIES]
    assert len(rows) == len(set(rows))
    assert held - set(rows) == set(), "files with no row in this test"
    assert set(rows) - held == set(), "rows for files that are not there"


@pytest.mark.parametrize("rel", sorted(PUBLICATIONS))
def test_publication_count(lists_dir: Path, rel: str) -> None:
    """Plan and read the publication; its count is the manifest's."""
    row = PUBLICATIONS[rel]
    line = manifest_row(lists_dir, rel)
    assert re.search(rf"\| {row.count} ", line) or re.search(rf"/ {row.count} ", line), (
        f"MANIFEST.md row of {rel} does not give {row.count}: {line[:300]}"
    )
    read_and_check(lists_dir, rel, row)


@pytest.mark.parametrize("rel", sorted(SAMPLES))
def test_sample_parses(lists_dir: Path, rel: str) -> None:
    """The partial excerpts parse completely (their counts are the excerpt's)."""
    read_and_check(lists_dir, rel, SAMPLES[rel])


def test_companions_are_attached_and_refused_alone(lists_dir: Path) -> None:
    """Auxiliary files are picked up beside their primary file (given or not) and,
    given alone, refused with a pointer to the primary file beside them."""
    for rel, primary in COMPANIONS.items():
        [job] = plan([lists_dir / primary])
        assert lists_dir / rel in job.files
        [job] = plan([lists_dir / primary, lists_dir / rel], siblings=False)
        assert job.companions and lists_dir / rel in job.files
        with pytest.raises(SourceError) as err:
            plan([lists_dir / rel])
        message = str(err.value)
        assert "auxiliary file" in message, message
        assert str(lists_dir / primary) in message, message


@pytest.mark.parametrize("rel", sorted(ORPHANS))
def test_orphan_auxiliary_refused(lists_dir: Path, rel: str) -> None:
    """An auxiliary file without its primary: refused, naming the primary file."""
    with pytest.raises(SourceError) as err:
        plan([lists_dir / rel])
    message = str(err.value)
    assert rel.rsplit("/", 1)[-1] in message
    assert f"primary file {ORPHANS[rel]}, which is absent" in message, message


@pytest.mark.parametrize("rel", DOCUMENTS)
def test_document_refused(lists_dir: Path, rel: str) -> None:
    """The human-readable edition is refused, and the message says why and what to
    load instead."""
    with pytest.raises(SourceError) as err:
        for job in plan([lists_dir / rel]):
            list(job.open().records)
    message = str(err.value)
    assert str(lists_dir / rel) in message
    assert "human-readable" in message and "machine-readable" in message, message


@pytest.mark.parametrize("rel", SERIES)
def test_series_files(lists_dir: Path, rel: str) -> None:
    assert (lists_dir / rel).is_file()
    pytest.skip("sdn.csv history series: imported by thaw update (tests/update)")
