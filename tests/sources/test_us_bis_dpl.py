"""BIS Denied Persons List: one record per row, stable name-derived identifiers,
repeated rows, errors, the three real copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from thaw.model import Address
from thaw.sources import Job, SourceError, detect
from thaw.sources.us_bis_dpl import BisDplReader, listing_ids
from thaw.store import LoadError, Store, load

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "us_bis_dpl" / "dpl.txt"


def test_rows() -> None:
    assert detect(FIXTURE) is BisDplReader
    pub = BisDplReader().read(FIXTURE, {})
    assert pub.info.published is None and pub.info.format == "tsv"
    recs = list(pub.records)
    assert len(recs) == 6
    ids = [r.source_id for r in recs]
    assert len(set(ids)) == 6
    assert pub.info.notes == [f"line 6: same name and address as an earlier row; kept as {ids[4]}"]
    assert ids[4] == f"{ids[3]}-2"
    # a name with one row: the bare name hash; two addresses of one name: distinct
    assert len(ids[0]) == 12 and ids[1].startswith(ids[1][:12] + "-") and ids[1] != ids[2]
    ash = recs[0]
    assert ash.caption == "I. ASH" and ash.schema == "LegalEntity" and ash.programs == ["DPL"]
    assert ash.listed_on == "2003-06-19"  # 06/19/2003, month first
    assert ash.extra["expiration_date"] == "2056-06-29"
    assert ash.extra["last_update"] == "2007-01-31"
    assert ash.extra["fr_citation"].startswith("68 F.R. 38290")
    assert ash.addresses == [
        Address(
            "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, "
            "2113 NORTH HIGHWAY 175, SEAGOVILLE, TX, 75159, US",
            "us",
            city="SEAGOVILLE",
            region="TX",
            postal_code="75159",
            street="UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI "
            "SEAGOVILLE, 2113 NORTH HIGHWAY 175",
        )
    ]
    assert ash.countries == ["us"]


def test_identifiers_are_stable() -> None:
    row = {"Name": "JOHN  DOE", "Street_Address": "1 MAIN ST", "Effective_Date": "01/01/2020"}
    renewed = dict(row, Street_Address="2 OTHER ST", Effective_Date="06/01/2021")
    ((first, _),) = listing_ids([row])
    ((second, _),) = listing_ids([renewed])
    assert first == second  # an order renewal or a corrected address: the same listing
    assert listing_ids([{"Name": "john doe"}])[0][0] == first  # case and spacing


def test_load_needs_a_date(store: Store, tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no publication date"):
        load(store, Job(BisDplReader, FIXTURE))
    result = load(store, Job(BisDplReader, FIXTURE), date="2023-11-30")
    assert result.publication.record_count == 6 and result.publication.date_basis == "given"


def test_bad_input(tmp_path: Path) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "dpl.txt"
    path.write_text("\n".join([*lines[:3], lines[3].rsplit("\t", 1)[0], *lines[4:]]), "utf-8")
    with pytest.raises(SourceError, match="11 fields, the header has 12") as err:
        list(BisDplReader().read(path, {}).records)
    assert err.value.location == "line 4"
    path.write_text('"Name"\t"Street_Address"\t"City"\n"X"\t"Y"\t"Z"\n', "utf-8")
    with pytest.raises(SourceError, match="not a Denied Persons List header") as err:
        BisDplReader().read(path, {})
    assert err.value.location == "line 1"
    path.write_text("\n".join([lines[0], lines[1].replace('" I. ASH"', '""')]), "utf-8")
    with pytest.raises(SourceError, match="no Name") as err:
        list(BisDplReader().read(path, {}).records)
    assert err.value.location == "line 2"
    path.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(SourceError, match="UTF-16") as err:
        BisDplReader().read(path, {})
    assert err.value.location == "line 1"
    path.write_bytes(b"")
    with pytest.raises(SourceError) as err:
        BisDplReader().read(path, {})
    assert err.value.location == "line 1"


@pytest.mark.realdata
@pytest.mark.parametrize(("folder", "count"), [("2019-06-29", 546), ("2022-09-07", 581),
                                               ("2023-11-30", 665)])  # fmt: skip
def test_real_copies(lists_dir: Path, folder: str, count: int) -> None:
    path = lists_dir / "us_bis" / folder / "dpl.txt"
    assert detect(path) is BisDplReader
    recs = list(BisDplReader().read(path, {}).records)
    assert len(recs) == count  # MANIFEST.md: one record per row
    assert len({r.source_id for r in recs}) == count
    assert all(r.names and r.listed_on for r in recs)


@pytest.mark.realdata
def test_real_identifiers_carry_over(lists_dir: Path) -> None:
    ids = [
        {r.source_id for r in BisDplReader().read(lists_dir / "us_bis" / d / "dpl.txt", {}).records}
        for d in ("2019-06-29", "2022-09-07")
    ]
    assert len(ids[0] & ids[1]) == 411
