"""OFAC readers on the real publications in the shared data (MANIFEST.md counts)."""

from __future__ import annotations

import csv
import re
import tarfile
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, plan
from thaw.sources.ofac_csv import OfacSdnCsvReader
from thaw.store import LoadError, Store, load

pytestmark = pytest.mark.realdata

# Companion files and archives of many versions are not publications on their own.
_NOT_PUBLICATIONS = {
    "add.csv",
    "alt.csv",
    "sdn_comments.csv",
    "cons_add.csv",
    "cons_alt.csv",
    "cons_comments.csv",
    "sdn_csv_history.tar.xz",
    "sdn_csv_history_index.csv",
}
_COUNT = re.compile(
    r"\| ((?:_samples/)?us_ofac/[^ |]+) \|[^|]*\|[^|]*\| "
    r"(\d+) (?:SDN records|primary rows|sdnEntry|entities)"
)


def _manifest(lists_dir: Path) -> dict[str, int]:
    """Record counts of the OFAC publications in MANIFEST.md, by relative path."""
    text = (lists_dir / "MANIFEST.md").read_text(encoding="utf-8")
    return {path: int(count) for path, count in _COUNT.findall(text)}


def _publications(lists_dir: Path) -> list[Path]:
    files = [*lists_dir.glob("us_ofac/**/*"), *lists_dir.glob("_samples/us_ofac/**/*")]
    return sorted(p for p in files if p.is_file() and p.name.lower() not in _NOT_PUBLICATIONS)


def _read(path: Path) -> dict[str, Record]:
    [job] = plan([path])
    return {r.source_id: r for r in job.open().records}


def test_every_publication_parses_with_the_manifest_count(lists_dir: Path) -> None:
    """Every OFAC publication held is read once, by
    ``tests/sources/test_all_publications.py`` (its ``PUBLICATIONS`` and ``SAMPLES``:
    the manifest's count, distinct ids, a primary name first), which is not repeated
    here; this test makes sure none is left out there and that its counts are
    MANIFEST.md's, then pins the counts the acceptance criteria name."""
    from tests.sources.test_all_publications import PUBLICATIONS, SAMPLES

    read_there = {**PUBLICATIONS, **SAMPLES}
    expected = _manifest(lists_dir)
    publications = _publications(lists_dir)
    assert len(publications) >= 14
    seen: dict[str, int] = {}
    for path in publications:
        rel = path.relative_to(lists_dir).as_posix()
        [job] = plan([path])
        assert job.reader.source in ("us_ofac_sdn", "us_ofac_cons"), rel
        assert rel in read_there, f"{rel} is not read by test_all_publications"
        assert read_there[rel].source == job.reader.source, rel
        assert rel in expected, f"{rel} is not in MANIFEST.md"
        assert read_there[rel].count == expected[rel], rel
        seen[rel] = read_there[rel].count
    # the counts the acceptance criteria name
    assert seen["us_ofac/2024-05-03/sdn.csv"] == 14965
    assert seen["us_ofac/2021-07-07/sdn.csv"] == 8976
    assert seen["us_ofac/2018-04-06/consolidated.xml"] == 639
    assert seen["us_ofac/2020-03-17/consolidated.xml"] == 375
    assert seen["us_ofac/2025-03-28/consolidated.xml"] == 443
    assert seen["us_ofac/2025-01-10/CONS_ENHANCED.ZIP"] == 443
    assert seen["us_ofac/2018-04-06/cons_prim.csv"] == 639
    assert seen["us_ofac/2025-12-19/cons_prim.csv"] == 442
    assert seen["_samples/us_ofac/2019-03-11/sdn.xml.zip"] == 17


def test_sources_formats_and_dates(lists_dir: Path) -> None:
    ofac = lists_dir / "us_ofac"
    cases = {
        "2018-04-06/consolidated.xml": ("us_ofac_cons", "xml", "2018-04-06"),
        "2025-03-28/consolidated.xml": ("us_ofac_cons", "xml", "2025-03-28"),
        "2025-01-10/CONS_ENHANCED.ZIP": ("us_ofac_cons", "enhanced_xml", "2025-01-10"),
        "2025-12-19/cons_prim.csv": ("us_ofac_cons", "csv", None),
        "2019-01-04/sdn.csv": ("us_ofac_sdn", "csv", None),
    }
    for rel, (source, fmt, published) in cases.items():
        [job] = plan([ofac / rel])
        pub = job.open()
        list(pub.records)
        assert (pub.info.source, pub.info.format, pub.info.published) == (source, fmt, published)
    [job] = plan([lists_dir / "_samples/us_ofac/2019-03-11/sdn.xml.zip"])
    pub = job.open()
    assert len(list(pub.records)) == 17
    assert (pub.info.published, pub.info.declared_count) == ("2019-03-11", 7449)


def test_an_excerpt_declaring_the_full_record_count_is_refused(
    lists_dir: Path, store: Store
) -> None:
    """The shared 2019 excerpt keeps the full list's Record_Count (7,449) for its 17
    entries: loading it is refused, and accepted with --force."""
    [job] = plan([lists_dir / "_samples/us_ofac/2019-03-11/sdn.xml.zip"])
    with pytest.raises(LoadError, match="declares 7449 records and holds 17"):
        load(store, job)
    assert store.active_publications() == {}
    assert load(store, job, force=True).status == "loaded"


def test_companions_without_sdn_csv_are_refused(lists_dir: Path) -> None:
    folder = lists_dir / "us_ofac" / "2025-12-24"
    files = sorted(folder.iterdir())
    assert {p.name for p in files} == {"add.csv", "alt.csv", "sdn_comments.csv"}
    message = r"auxiliary file of us_ofac_sdn.*sdn\.csv, which is absent"
    with pytest.raises(SourceError, match=message):
        plan(files)
    for path in files:
        with pytest.raises(SourceError, match=r"sdn\.csv"):
            plan([path])


def test_companions_are_joined(lists_dir: Path) -> None:
    folder = lists_dir / "us_ofac" / "2021-07-07"
    [job] = plan([folder / "sdn.csv"])
    assert set(job.companions) == {"add", "alt", "comments"}
    records = {r.source_id: r for r in job.open().records}
    strong = [r for r in records.values() if any(n.kind in ("alias", "former") for n in r.names)]
    assert len(strong) == 4139  # alt.csv: 11,910 aliases of 4,139 listings
    # add.csv: 13,837 rows, 2,397 of them entirely empty (-0-)
    assert sum(len(r.addresses) for r in records.values()) == 13837 - 2397
    # sdn_comments.csv continues the remark of 12300 mid-name
    links = {link.name for link in records["12300"].links}
    assert "DESARROLLO MINERO RESPONSABLE C.I. S.A.S." in links
    assert "R D I S.A" in links or "R D I S.A." in links


def test_dmitriev_and_rdif_load_into_the_store(lists_dir: Path, store: Store) -> None:
    [job] = plan([lists_dir / "us_ofac" / "2024-05-03" / "sdn.csv"])
    result = load(store, job)
    assert result.status == "loaded"
    assert (result.publication.published, result.publication.date_basis) == ("2024-05-03", "folder")
    assert result.publication.record_count == 14965

    dmitriev = store.get("us_ofac_sdn", "34336")
    assert dmitriev is not None
    assert dmitriev.schema == "Person"
    assert dmitriev.caption == "DMITRIEV, Kirill Aleksandrovich"
    assert dmitriev.names[0].parts == {"last": "DMITRIEV", "first": "Kirill Aleksandrovich"}
    assert dmitriev.birth_dates == ["1975-04-12"]
    assert dmitriev.birth_places == ["Kyiv, Ukraine"]
    assert dmitriev.nationalities == ["ru"]
    assert dmitriev.gender == "male"
    [tax] = dmitriev.identifiers
    assert (tax.kind, tax.number, tax.country) == ("tax_id", "773013083324", "ru")
    assert dmitriev.programs == ["RUSSIA-EO14024"]
    assert dmitriev.remarks == []

    rdif = store.get("us_ofac_sdn", "34036")
    assert rdif is not None
    assert rdif.schema == "Organization"
    assert [(n.value, n.kind) for n in rdif.names] == [
        ("RUSSIAN DIRECT INVESTMENT FUND", "primary"),
        ("RDIF", "weak"),
    ]
    assert rdif.programs == ["RUSSIA-EO14024"]
    assert rdif.extra["website"] == "www.rdif.ru; www.investinrussia.com"
    assert rdif.extra["organization_established_date"] == "2011-06-01"
    assert rdif.extra["target_type"] == "Government Entity"

    # "Linked To:" names resolve to listings of the same publication
    popova = store.get("us_ofac_sdn", "38166")
    assert popova is not None
    targets = {(link.name, link.source, link.source_id) for link in popova.links}
    assert ("DMITRIEV, Kirill Aleksandrovich", "us_ofac_sdn", "34336") in targets
    assert ("LLC VEB VENTURES", "us_ofac_sdn", "35004") in targets
    records = list(store.active_records("us_ofac_sdn"))
    linked = [lk for r in records for lk in r.links if lk.relation == "linked_to"]
    resolved = [lk for lk in linked if lk.source_id is not None]
    assert len(linked) > 6000 and len(resolved) / len(linked) > 0.98


def test_csv_and_xml_of_the_same_day_agree(lists_dir: Path) -> None:
    folder = lists_dir / "us_ofac" / "2018-04-06"
    xml, csv_ = _read(folder / "consolidated.xml"), _read(folder / "cons_prim.csv")
    assert set(xml) == set(csv_)
    same = 0
    for sid, a in xml.items():
        b = csv_[sid]
        if (
            (a.schema, a.birth_dates, a.nationalities, a.gender, sorted(a.programs))
            == (b.schema, b.birth_dates, b.nationalities, b.gender, sorted(b.programs))
            and {(n.kind, n.value.replace('"', "'")) for n in a.names}
            == {(n.kind, n.value) for n in b.names}
            and {(i.kind, i.number, i.country) for i in a.identifiers}
            == {(i.kind, i.number, i.country) for i in b.identifiers}
        ):
            same += 1
    assert same / len(xml) > 0.99


def test_history_archive_samples(lists_dir: Path, tmp_path: Path) -> None:
    """A sample of the 308 historical sdn.csv versions parses with the indexed counts
    (the whole archive: ``python benchmarks/ofac_readers.py --history``)."""
    base = lists_dir / "us_ofac" / "2021-08-18_to_2024-05-03"
    with open(base / "sdn_csv_history_index.csv", newline="", encoding="utf-8") as fh:
        index = {row["member"]: int(row["sdn_records"]) for row in csv.DictReader(fh)}
    assert len(index) == 308
    wanted = set(sorted(index)[:3])
    checked = 0
    with tarfile.open(base / "sdn_csv_history.tar.xz", "r:xz") as tf:
        for member in tf:
            if member.name not in wanted:
                continue
            data = tf.extractfile(member)
            assert data is not None
            path = tmp_path / "sdn.csv"
            path.write_bytes(data.read())
            records = list(OfacSdnCsvReader().read(path, {}).records)
            assert len(records) == index[member.name], member.name
            checked += 1
            if checked == len(wanted):
                break
    assert checked == len(wanted)
