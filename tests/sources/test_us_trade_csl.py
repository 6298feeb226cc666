"""US Consolidated Screening List: one record per listing on one source list, both
``ids`` layouts, gzip, a repeated header, a truncated last row, errors, the real files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from thaw.model import Identifier, Link, Record
from thaw.sources import Job, SourceError, detect
from thaw.sources.us_trade_csl import TradeCslReader, apply_ids, label_side, list_code
from thaw.store import Store, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "us_trade_csl"
CSV_2022 = FIXTURES / "consolidated.csv"  # the 2022 layout of the ids column
CSV_2023 = FIXTURES / "csl.csv"  # the 2023 layout, header repeated, last row cut short


def read(path: Path) -> tuple[list[str], dict[str, Record]]:
    pub = TradeCslReader().read(path, {})
    recs = {r.source_id: r for r in pub.records}
    assert pub.info.published is None  # no date in the file
    return pub.info.notes, recs


def test_helpers() -> None:
    assert list_code("Specially Designated Nationals (SDN) - Treasury Department") == "SDN"
    assert list_code("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury") == "NS-MBS"
    assert list_code("Military End User (MEU) List - Bureau of Industry and Security") == "MEU"
    assert list_code("Some New List") == "SOME-NEW-LIST"
    assert label_side(["RU", "773013083324", "Tax ID No."]) == "last"
    assert label_side(["Tax ID No.", "773013083324", "RU"]) == "first"
    assert label_side(["Male", "Gender"]) == "last"
    assert label_side(["Gender", "Male"]) == "first"
    assert label_side(["foo", "bar"]) is None
    record = Record("us_trade_csl", "x", "Person")
    apply_ids(record, "Male, Gender; JO, 2014-08-30, 2009-08-31, K475336, Passport")
    assert record.gender == "male"
    assert record.identifiers == [
        Identifier("passport", "K475336", "jo", "Passport", "issued 2009-08-31; expires 2014-08-30")
    ]


def test_listings() -> None:
    assert detect(CSV_2022) is TradeCslReader
    notes, recs = read(CSV_2022)
    assert list(recs) == [
        "SDN-34336", "SDN-34036", "SDN-18741", "SSI-18741", "CAP-15268", "CAP-15268~2",
        "EL-3f1a9f2bd1a0e5a7c0b52c1a6c0e0d6b2d7f9e11",
        "DPL-deb7a1d5743a85c354ca1a2c7f2664e2104b32d7", "SDN-9001", "NS-MBS-9002",
    ]  # fmt: skip
    assert notes == ["line 7: CAP-15268 is listed again; kept as CAP-15268~2"]

    kirill = recs["SDN-34336"]
    assert kirill.schema == "Person" and kirill.caption == "DMITRIEV, Kirill Aleksandrovich"
    assert [(n.value, n.kind) for n in kirill.names][1] == ("DMITRIYEV, Kirill", "alias")
    assert kirill.programs == ["SDN", "RUSSIA-EO14024"]
    assert kirill.birth_dates == ["1975-04-12"] and kirill.nationalities == ["ru"]
    assert kirill.gender == "male"
    assert kirill.identifiers == [Identifier("tax_id", "773013083324", "ru", "Tax ID No.")]
    assert kirill.extra["list"] == "Specially Designated Nationals (SDN) - Treasury Department"

    # the same OFAC entry on two lists: two listings
    assert recs["SDN-18741"].programs == ["SDN", "UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert recs["SSI-18741"].programs == ["SSI", "UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert recs["SDN-18741"].extra["executive_order_13662_directive_determination"] == (
        "Subject to Directive 2"
    )
    entity_list = recs["EL-3f1a9f2bd1a0e5a7c0b52c1a6c0e0d6b2d7f9e11"]
    assert entity_list.schema == "LegalEntity" and entity_list.listed_on == "2019-05-14"
    assert entity_list.extra["license_policy"] == "Presumption of denial."
    vessel = recs["SDN-9001"]
    assert vessel.schema == "Vessel"
    assert [(i.kind, i.number) for i in vessel.identifiers] == [
        ("call_sign", "9HXX9"),
        ("imo", "9000001"),
    ]
    assert Link("linked_to", name="EXAMPLE SHIPPING LINES") in vessel.links
    # "circa 1958; 1960 to 1962": the estimate as published, the range's years
    assert recs["NS-MBS-9002"].birth_dates == ["1958", "1960", "1961", "1962"]
    assert recs["NS-MBS-9002"].birth_estimates == ["1958"]


def test_gzip_and_store(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "2022-05-16" / "consolidated.csv.gz"
    path.parent.mkdir()
    path.write_bytes(gzip.compress(CSV_2022.read_bytes()))
    assert detect(path) is TradeCslReader
    assert [r.to_dict() for r in read(path)[1].values()] == [
        r.to_dict() for r in read(CSV_2022)[1].values()
    ]
    result = load(store, Job(TradeCslReader, path))
    assert result.publication.record_count == 10
    assert result.publication.published == "2022-05-16"  # from the folder


def test_2023_layout() -> None:
    notes, recs = read(CSV_2023)
    assert notes == [
        "line 2: the header is repeated; skipped",
        "line 5: the last row is cut short by the end of the file; kept with the fields present",
    ]
    assert list(recs) == ["SDN-34336", "SDN-9003", "SDN-11476"]
    assert recs["SDN-34336"].identifiers == [
        Identifier("tax_id", "773013083324", "ru", "Tax ID No.")
    ]
    assert recs["SDN-34336"].gender == "male"
    exchange = recs["SDN-9003"]
    assert exchange.identifiers == [
        Identifier("registration", "200004646G", "sg", "Registration ID", "dated 2000-05-29")
    ]
    assert exchange.extra["secondary_sanctions_risk"].startswith("section 1(b) of Executive")
    cut = recs["SDN-11476"]
    assert cut.caption == "BERMUDEZ SUAZA, Pedro Antonio"
    assert cut.addresses[-1].full.endswith("la Cuspide departament")


# -- bad input ---------------------------------------------------------------------------


def test_broken_row(tmp_path: Path) -> None:
    lines = CSV_2022.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit('","', 2)[0] + '"'  # two fields short, mid-file
    path = tmp_path / "consolidated.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="27 fields, the header has 29") as err:
        list(TradeCslReader().read(path, {}).records)
    assert err.value.location == "line 4"
    lines[3] = lines[3][:-1]  # an unbalanced quote swallows the next line: still located
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="the header has 29") as err:
        list(TradeCslReader().read(path, {}).records)
    assert err.value.location == "line 4"
    path.write_text("_id,source,entity_number,type,programs\n1,2,3,4,5\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no name column") as err:
        TradeCslReader().read(path, {})
    assert err.value.location == "line 1"


def test_wrong_encoding_and_truncated_gzip(tmp_path: Path) -> None:
    data = CSV_2022.read_bytes().replace(b"Kyiv", b"Ky\xefv")  # a Windows-1252 byte
    path = tmp_path / "consolidated.csv"
    path.write_bytes(data)
    with pytest.raises(SourceError, match="not valid utf-8") as err:
        TradeCslReader().read(path, {})
    assert err.value.location == "line 2"
    packed = gzip.compress(CSV_2022.read_bytes())
    gz = tmp_path / "consolidated.csv.gz"
    gz.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(SourceError, match="truncated") as err:
        TradeCslReader().read(gz, {})
    assert err.value.location and err.value.location.startswith("byte ")


# -- the real publications ---------------------------------------------------------------


@pytest.mark.realdata
def test_real_2022(lists_dir: Path) -> None:
    path = lists_dir / "us_trade_csl" / "2022-05-16" / "consolidated.csv.gz"
    assert detect(path) is TradeCslReader
    notes, recs = read(path)
    # MANIFEST.md: 14160 records (14048 distinct _id); one record per listing on one list
    assert len(recs) == 14160
    listing_ids = {sid[len(r.programs[0]) + 1 :].split("~")[0] for sid, r in recs.items()}
    assert len(listing_ids) == 14048
    assert len({r.programs[0] for r in recs.values()}) == 13
    assert sum(r.programs[0] == "SDN" for r in recs.values()) == 10026
    assert sum(r.programs[0] == "EL" for r in recs.values()) == 2001
    assert notes == ["line 1980: CAP-15268 is listed again; kept as CAP-15268~2"]
    kirill = recs["SDN-34336"]
    assert kirill.caption == "DMITRIEV, Kirill Aleksandrovich"
    assert kirill.birth_dates == ["1975-04-12"]
    assert any(r.caption == "RUSSIAN DIRECT INVESTMENT FUND" for r in recs.values())


@pytest.mark.realdata
def test_real_2023(lists_dir: Path) -> None:
    path = lists_dir / "us_trade_csl" / "2023-11-30" / "csl.csv"
    notes, recs = read(path)
    assert len(recs) == 4227  # MANIFEST.md
    assert notes[0] == "line 2: the header is repeated; skipped"
    assert "cut short" in notes[-1]
    assert len({r.programs[0] for r in recs.values()}) == 13
    # this trimmed copy has RDIF's management company, not the fund itself
    assert any("RUSSIAN DIRECT INVESTMENT FUND" in r.caption for r in recs.values())
    assert sum(len(r.identifiers) for r in recs.values()) > 1500
