"""The ownership readers: FtM, GLEIF RR-CDF CSV, PSC snapshot and the plain CSV."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from thaw.sources.ownership import OwnershipLink, SourceError, detect
from thaw.sources.ownership.ftm import FtmOwnershipReader
from thaw.sources.ownership.gleif import GleifRelationshipReader
from thaw.sources.ownership.psc import PscSnapshotReader, nature
from thaw.sources.ownership.table import OwnershipCsvReader

HERE = FIXTURES / "ownership"
FTM = HERE / "mini.ftm.json"
GLEIF = HERE / "20260401-0800-gleif-goldencopy-rr-golden-copy.csv"
PSC = HERE / "psc-snapshot-2026-04-01.txt"
KYC = HERE / "kyc.csv"


def _read(path: Path) -> tuple[list[OwnershipLink], list[str], str | None]:
    pub = detect(path)().read(path)
    links = list(pub.links)
    return links, pub.notes, pub.published


@pytest.mark.parametrize(
    ("path", "reader"),
    [
        (FTM, FtmOwnershipReader),
        (GLEIF, GleifRelationshipReader),
        (PSC, PscSnapshotReader),
        (KYC, OwnershipCsvReader),
    ],
)
def test_detect(path: Path, reader: type) -> None:
    assert detect(path) is reader


def test_detect_refuses_other_content(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("name,country\nIvan,RU\n")
    with pytest.raises(SourceError, match="not a recognised ownership format"):
        detect(path)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(SourceError, match="empty"):
        detect(empty)


def test_ftm_relationships() -> None:
    links, notes, published = _read(FTM)
    assert published == "2026-03-02"
    by_id = {x.link_id: x for x in links}
    assert set(by_id) == {"o-1", "o-2", "o-3", "d-1", "f-1"}
    o1 = by_id["o-1"]
    assert (o1.owner.key, o1.asset.key, o1.kind) == ("ftm:p-ivanov", "ftm:c-alpha", "ownership")
    assert (o1.share_min, o1.share_max, o1.start, o1.end) == (60.0, 60.0, "2019-01-01", None)
    assert o1.owner.identifiers == (("inn", "771234567890"),)
    assert o1.owner.schema == "Person" and o1.owner.country == "ru"
    assert set(o1.asset.identifiers) == {("inn", "7701234567"), ("ogrn", "1027700000001")}
    assert o1.asset.aliases == ("OOO Alfa Treiding",)
    assert o1.origin == "ext_ru_egrul"
    o2 = by_id["o-2"]
    assert o2.share_min is None and o2.role == "subsidiary of"  # unknown size, not 0 %
    assert by_id["o-3"].end == "2020-12-31"
    assert by_id["d-1"].kind == "director" and by_id["d-1"].role == "General director"
    f1 = by_id["f-1"]
    assert f1.kind == "family" and f1.asset.key == "ftm:p-petrova" and f1.role == "spouse"


def test_ftm_refuses_a_relationship_without_its_parties(tmp_path: Path) -> None:
    path = tmp_path / "bad.ftm.json"
    path.write_text(
        FTM.read_text()
        + '{"id": "o-9", "schema": "Ownership", "properties": {"owner": ["p-ivanov"]}}\n'
    )
    with pytest.raises(SourceError, match="line 10.*lacks its owner or asset|lacks"):
        list(FtmOwnershipReader().read(path).links)


def test_gleif_relationship_records() -> None:
    links, notes, published = _read(GLEIF)
    assert published == "2026-04-01"
    assert len(links) == 3  # the ultimate-parent record repeats the chain: skipped
    assert any("IS_ULTIMATELY_CONSOLIDATED_BY" in n for n in notes)
    first = links[0]
    assert first.owner.key == "lei:5493001KJTIIGC8Y1R12"  # the end node is the parent
    assert first.asset.key == "lei:2138002A7UVHJKLQZZ41"
    assert first.kind == "consolidation"
    assert (first.share_min, first.start, first.end) == (75.0, "2017-12-06", None)
    second = links[1]
    assert second.share_min is None  # no quantifier: unknown size
    branch = links[2]
    assert branch.kind == "branch" and branch.ended and branch.end == "2022-01-01"


def test_gleif_refuses_an_invalid_lei(tmp_path: Path) -> None:
    text = GLEIF.read_text().replace("529900T8BM49AURSDO55", "529900T8BM49AURSDO56")
    path = tmp_path / "rr.csv"
    path.write_text(text)
    with pytest.raises(SourceError, match="line 4: invalid LEI"):
        list(GleifRelationshipReader().read(path).links)


def test_gleif_reads_gzip(tmp_path: Path) -> None:
    path = tmp_path / "rr.csv.gz"
    path.write_bytes(gzip.compress(GLEIF.read_bytes()))
    assert len(list(GleifRelationshipReader().read(path).links)) == 3


def test_psc_snapshot() -> None:
    links, notes, published = _read(PSC)
    assert published == "2026-04-01"
    kinds = [(x.owner.key, x.kind, x.share_min, x.share_max, x.min_exclusive) for x in links]
    assert kinds == [
        ("gb-psc-person:mr ivan ivanov|1970-05", "ownership", 50.0, 75.0, True),
        ("gb-psc-person:mr ivan ivanov|1970-05", "voting", 50.0, 75.0, True),
        ("gb-psc-person:mr ivan ivanov|1970-05", "control", None, None, False),
        ("gb-coh:07654321", "ownership", 25.0, 50.0, True),
        ("gb-psc-person:ms anna petrova|1980-01", "influence", None, None, False),
    ]
    assert links[0].asset.key == "gb-coh:01234567"
    assert links[0].share_text == "more than 50 % and less than 75 % of shares"
    assert links[0].owner.country == "ru"
    assert links[3].end == "2021-06-30"  # ceased
    assert links[4].share_text == "significant influence or control (trust)"
    assert any("persons-with-significant-control-statement" in n for n in notes)
    assert any("super-secure" in n for n in notes)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ownership-of-shares-75-to-100-percent-as-firm", ("ownership", 75.0, 100.0, False)),
        (
            "voting-rights-25-to-50-percent-limited-liability-partnership",
            ("voting", 25.0, 50.0, True),
        ),
        ("right-to-share-surplus-assets-50-to-75-percent", ("ownership", 50.0, 75.0, True)),
        ("right-to-appoint-and-remove-members", ("control", None, None, False)),
        ("something-new", None),
    ],
)
def test_psc_natures(value: str, expected: tuple[object, ...] | None) -> None:
    got = nature(value)
    assert (got[:4] if got else None) == expected


def test_psc_refuses_a_bad_company_number(tmp_path: Path) -> None:
    path = tmp_path / "psc.txt"
    path.write_text(PSC.read_text().replace('"01234567"', '"12"', 1))
    with pytest.raises(SourceError, match="line 1: company number"):
        list(PscSnapshotReader().read(path).links)


def test_plain_csv() -> None:
    links, _, published = _read(KYC)
    assert published is None  # a firm's own file: --date or the folder gives the date
    assert len(links) == 6
    first = links[0]
    assert (first.owner.key, first.owner.name, first.asset.key) == (
        "kyc:X1",
        "Ivan Ivanov",
        "kyc:A1",
    )
    assert (first.share_min, first.origin, first.owner.country) == (
        35.0,
        "client questionnaire 2025",
        "ru",
    )
    assert first.owner.identifiers == (("inn", "771234567890"),)
    control = links[4]
    assert control.kind == "control" and control.share_min is None
    assert links[5].end == "2015-12-31"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("X1,Ivan,A1,Alpha,150,ownership,,,s", "line 2: percentage '150' is outside 0..100"),
        ("X1,Ivan,A1,Alpha,half,ownership,,,s", "line 2: percentage 'half' is not a number"),
        ("X1,Ivan,A1,Alpha,10,owner,,,s", "line 2: kind 'owner' is not one of"),
        ("X1,Ivan,A1,Alpha,10,ownership,yesterday,,s", "line 2: start 'yesterday' is not a date"),
        ("X1,Ivan,X1,Ivan,10,ownership,,,s", "line 2: 'X1' cannot own itself"),
        (",Ivan,A1,Alpha,10,ownership,,,s", "line 2: owner_id is empty"),
        (
            "X1,Ivan,A1,Alpha,10,ownership,2020-01-02,2020-01-01,s",
            "line 2: end 2020-01-01 is before",
        ),
    ],
)
def test_plain_csv_refuses_bad_rows(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "kyc.csv"
    path.write_text(
        "owner_id,owner_name,asset_id,asset_name,percentage,kind,start,end,source\n" + row + "\n"
    )
    with pytest.raises(SourceError, match=message):
        list(OwnershipCsvReader().read(path).links)


def test_plain_csv_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "kyc.csv"
    path.write_bytes(
        b"owner_id,owner_name,asset_id,asset_name,percentage\nX1,Iv\xe1n,A1,Alpha,10\n"
    )
    with pytest.raises(SourceError, match="not UTF-8"):
        list(OwnershipCsvReader().read(path).links)


def test_psc_snapshot_refuses_json_nested_too_deeply(tmp_path: Path) -> None:
    """A line nested past Python's recursion limit is malformed JSON with its
    line, not a RecursionError."""
    path = tmp_path / "psc-snapshot.txt"
    first = PSC.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(first + "\n" + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="line 2: invalid JSON: nested too deeply"):
        list(PscSnapshotReader().read(path).links)
