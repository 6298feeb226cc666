"""The FollowTheMoney reader: mapping, folding of auxiliary entities, errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, detect, plan
from thaw.sources.ftm import FtmReader, thaw_country
from thaw.store import LoadError, Store, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ftm"
ENTITIES = FIXTURES / "entities.ftm.json"
CUSTOM = FIXTURES / "custom.ftm.json"


def read(path: Path) -> dict[str, Record]:
    pub = plan([path])[0].open()
    return {r.source_id: r for r in pub.records}


def test_detects_ftm_files_and_nothing_else(tmp_path: Path) -> None:
    assert detect(ENTITIES) is FtmReader
    assert detect(CUSTOM) is FtmReader
    other = tmp_path / "consolidated.json"
    other.write_text('{"results": [{"name": "X"}]}\n')
    assert not FtmReader.sniff("consolidated.json", other.read_bytes())
    csv = b"ent_num,SDN_Name\n1,X\n"
    assert not FtmReader.sniff("sdn.csv", csv)
    unknown_schema = b'{"id": "x", "schema": "Unicorn", "properties": {}}\n'
    assert not FtmReader.sniff("x.json", unknown_schema)


def test_person_with_folded_sanctions_addresses_and_documents() -> None:
    rec = read(ENTITIES)["NK-dmitriev"]
    assert rec.source == "ftm" and rec.schema == "Person"
    assert rec.caption == "Kirill Aleksandrovich DMITRIEV"
    primary = rec.names[0]
    assert primary.parts == {"first": "Kirill", "patronymic": "Aleksandrovich", "last": "DMITRIEV"}
    kinds = {(n.value, n.kind) for n in rec.names}
    assert ("Кирилл Александрович Дмитриев", "alias") in kinds
    assert ("Kirill", "weak") in kinds
    assert rec.birth_dates == ["1975-04-12"]
    assert rec.birth_places == ["Kyiv, Ukraine"]
    assert rec.nationalities == ["ru"]
    assert rec.citizenships == ["ru", "su"]  # FtM's historic "suhh" is thaw's "su"
    assert rec.gender == "male"
    assert rec.positions == ["Chief Executive Officer of RDIF"]
    assert rec.titles == ["Mr"]
    # programmes from both Sanction entities; listing date from listingDate first
    assert rec.programs == ["US-RUS14024", "Russia"]
    assert rec.listed_on == "2022-02-28"
    assert "Chief executive of RDIF" in rec.remarks
    assert "Designated under EO 14024." in rec.remarks
    # the passport property and the Passport entity are one identifier, completed
    passports = [i for i in rec.identifiers if i.kind == "passport"]
    assert len(passports) == 1 and passports[0].country == "ru"
    assert any(i.kind == "tax_id" and i.label == "INN" for i in rec.identifiers)
    [address] = rec.addresses
    assert address.city == "Moscow" and address.country == "ru" and address.postal_code == "123317"
    assert rec.extra["source_url"].startswith("https://ofac.treasury.gov/")
    assert rec.extra["datasets"] == "us_ofac_sdn; gb_hmt_sanctions"
    assert "modifiedAt" not in rec.extra
    [family] = rec.links
    assert (family.relation, family.source_id) == ("family", "NK-dmitriev-wife")
    assert family.name == "Natalya POPOVA"


def test_organisation_vessel_aircraft() -> None:
    records = read(ENTITIES)
    rdif = records["NK-rdif"]
    assert rdif.schema == "Organization"  # Company is an Organization
    assert {(i.kind, i.number) for i in rdif.identifiers} >= {
        ("tax_id", "7703413614"),
        ("registration", "1167746691303"),
        ("lei", "253400CYGJVSP2BHZX42"),
        ("swift", "RDIFRUMM"),
    }
    assert [n.value for n in rdif.names if n.kind == "former"] == ["RFPI"]
    assert rdif.countries == ["ru"]
    assert rdif.addresses[0].full.startswith("Presnenskaya")
    assert rdif.links[0].relation == "owned_by" and rdif.links[0].source_id == "NK-dmitriev"

    vessel = records["NK-vessel"]
    assert vessel.schema == "Vessel"
    assert {i.kind for i in vessel.identifiers} == {"imo", "mmsi", "call_sign"}
    assert vessel.countries == ["ru"]  # the flag
    assert vessel.extra["type"] == "Crude Oil Tanker"
    assert vessel.links[0].relation == "vessel_owner"
    assert vessel.links[0].name == "RUSSIAN DIRECT INVESTMENT FUND"

    plane = records["NK-plane"]
    assert plane.schema == "Aircraft"
    assert {(i.kind, i.number) for i in plane.identifiers} == {
        ("aircraft_tail", "RA-96017"),
        ("aircraft_serial", "74393202017"),
    }


def test_nested_entities_wallets_positions_and_fragments() -> None:
    records = read(ENTITIES)
    petrov = records["NK-person-2"]
    assert petrov.programs == ["UKRAINE-EO13660"]  # from the nested Sanction
    assert petrov.listed_on == "2014-03-17"
    assert petrov.birth_dates == ["1960-01", "1961"]
    assert ("crypto", "0x901bb9583b24d97e995513c6778dc6888ab6870e") in {
        (i.kind, i.number) for i in petrov.identifiers
    }
    assert petrov.positions == ["Member of the State Duma"]  # Occupancy → Position
    merged = records["NK-org-frag"]  # two lines, one listing
    assert {n.value for n in merged.names} == {"GOLDEN HORN TRADING", "ALTIN BOYNUZ"}
    assert merged.identifiers[0].number == "123456"


def test_non_targets_and_other_schemata_are_not_listings() -> None:
    pub = plan([ENTITIES])[0].open()
    ids = {r.source_id for r in pub.records}
    assert ids == {"NK-dmitriev", "NK-rdif", "NK-vessel", "NK-plane", "NK-person-2", "NK-org-frag"}
    assert pub.info.published == "2025-06-02"  # newest last_seen
    assert any("target=false" in note for note in pub.info.notes)


def test_custom_dataset_needs_a_date(store: Store) -> None:
    [job] = plan([CUSTOM])
    with pytest.raises(LoadError, match="no publication date"):
        load(store, job)
    result = load(store, job, date="2025-01-31")
    assert result.status == "loaded"
    assert result.publication.record_count == 2
    doe = store.get("ftm", "acme-2")
    assert doe is not None and doe.caption == "John DOE"
    assert doe.names[0].parts == {"first": "John", "last": "DOE"}
    assert doe.programs == ["INTERNAL-WATCH"]


def test_loads_opensanctions_style_file(store: Store) -> None:
    result = load(store, plan([ENTITIES])[0])
    assert result.status == "loaded"
    assert result.publication.published == "2025-06-02"
    assert result.publication.date_basis == "in-file"
    assert result.publication.record_count == 6


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"schema": "Person", "properties": {}}', "no id"),
        ('{"id": "x", "properties": {}}', "no schema"),
        ('{"id": "x", "schema": "Person", "properties": []}', "properties is not an object"),
        (
            '{"id": "x", "schema": "Person", "properties": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "invalid JSON: nested too deeply",
        ),
    ],
)
def test_bad_line_names_its_line(tmp_path: Path, store: Store, line: str, reason: str) -> None:
    path = tmp_path / "bad.ftm.json"
    good = CUSTOM.read_text().splitlines()
    path.write_text("\n".join([good[0], "", line, good[1]]) + "\n")
    with pytest.raises(SourceError) as info:
        list(plan([path])[0].open().records)
    assert info.value.location == "line 3"
    assert reason in info.value.reason
    with pytest.raises(LoadError, match="line 3"):
        load(store, plan([path])[0], date="2025-01-01")
    assert store.active_publications() == {}


def test_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    packed = tmp_path / "entities.ftm.json.gz"
    packed.write_bytes(gzip.compress(ENTITIES.read_bytes()))
    assert detect(packed) is FtmReader
    assert len(read(packed)) == 6
    truncated = tmp_path / "cut.ftm.json.gz"
    truncated.write_bytes(packed.read_bytes()[:-200])
    with pytest.raises(SourceError, match="truncated"):
        list(plan([truncated])[0].open().records)


def test_long_first_line_is_still_recognised() -> None:
    entity = {"id": "x", "schema": "Person", "properties": {"name": ["A"], "notes": ["n" * 70000]}}
    head = json.dumps(entity).encode()[:65536]
    assert FtmReader.sniff("x.json", head)


def test_country_conversion() -> None:
    assert thaw_country("suhh") == "su"
    assert thaw_country("gb-sct") == "gb"
    assert thaw_country("RU") == "ru"
    assert thaw_country("zz") is None
    assert thaw_country("Russia") is None


def test_nested_export_without_back_references(tmp_path: Path) -> None:
    """OpenSanctions' nested form: adjacent entities inside the reverse properties."""
    entity = {
        "id": "p1",
        "schema": "Person",
        "properties": {
            "name": ["Anna NESTED"],
            "sanctions": [
                {
                    "id": "s1",
                    "schema": "Sanction",
                    "properties": {"program": ["EU-RUS"], "startDate": ["2022-02-23"]},
                }
            ],
            "addressEntity": [
                {
                    "id": "a1",
                    "schema": "Address",
                    "properties": {"full": ["1 Main St, Riga"], "country": ["lv"]},
                }
            ],
            "ownershipOwner": [
                {
                    "id": "o1",
                    "schema": "Ownership",
                    "properties": {
                        "asset": [
                            {"id": "c1", "schema": "Company", "properties": {"name": ["ASSET CO"]}}
                        ]
                    },
                }
            ],
        },
    }
    path = tmp_path / "targets.nested.json"
    path.write_text(json.dumps(entity) + "\n")
    records = read(path)
    anna = records["p1"]
    assert anna.programs == ["EU-RUS"] and anna.listed_on == "2022-02-23"
    assert anna.addresses[0].country == "lv"
    company = records["c1"]
    assert [(link.relation, link.source_id, link.name) for link in company.links] == [
        ("owned_by", "p1", "Anna NESTED")
    ]
