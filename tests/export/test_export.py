"""Export of the active records: FollowTheMoney round trip, thaw JSON, CSV, the CLI."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from followthemoney import model, registry
from typer.testing import CliRunner

from thaw.cli import app
from thaw.export import ExportError, entity_id, export, record_entities
from thaw.model import Address, Identifier, Link, Name, Record
from thaw.sources import detect, plan
from thaw.sources.ftm import FtmReader, estimate_note
from thaw.store import Store, load


def sample_records() -> dict[str, list[Record]]:
    dmitriev = Record(
        source="us_ofac_sdn",
        source_id="27711",
        schema="Person",
        names=[
            Name(
                "DMITRIEV, Kirill Aleksandrovich",
                "primary",
                parts={"first": "Kirill", "patronymic": "Aleksandrovich", "last": "DMITRIEV"},
            ),
            Name("DMITRIEV, Kirill", "alias"),
            Name("Kirill", "weak"),
            Name("Дмитриев Кирилл Александрович", "original", lang="rus", script="Cyrl"),
        ],
        birth_dates=["1975-04-12", "1973"],
        birth_estimates=["1973"],
        birth_places=["Kiev, Ukraine"],
        nationalities=["ru"],
        citizenships=["ru", "su"],
        countries=["ru"],
        gender="male",
        titles=["Chief Executive Officer"],
        positions=["CEO of the Russian Direct Investment Fund"],
        identifiers=[
            Identifier("passport", "722704676", country="ru", label="Passport"),
            Identifier("tax_id", "770304616183", label="Tax ID No.", country="ru"),
            Identifier("national_id", "4500112233"),
            Identifier(
                "crypto",
                "0x901bb9583b24d97e995513c6778dc6888ab6870e",
                label="Digital Currency Address - ETH",
            ),
            Identifier("driving_license", "DL-77", country="ru", note="issued 2010"),
        ],
        addresses=[Address("Presnenskaya nab. 8, Moscow, Russia", country="ru", city="Moscow")],
        programs=["RUSSIA-EO14024"],
        listed_on="2022-02-28",
        remarks=["Linked To: RUSSIAN DIRECT INVESTMENT FUND."],
        links=[
            Link("linked_to", "us_ofac_sdn", "27712"),
            Link("linked_to", name="SOME UNKNOWN COMPANY"),
        ],
        extra={
            "source_url": "https://ofac.treasury.gov/",
            "website": "https://rdif.ru",
            "sdn_type": "individual",
        },
    )
    rdif = Record(
        source="us_ofac_sdn",
        source_id="27712",
        schema="Organization",
        names=[
            Name("RUSSIAN DIRECT INVESTMENT FUND"),
            Name("RDIF", "alias"),
            Name("RFPI", "former"),
        ],
        countries=["ru"],
        identifiers=[
            Identifier("registration", "1117746689840"),
            Identifier("swift", "RDIFRUMM"),
            Identifier("lei", "253400CYGJVSP2BHZX42"),
        ],
        addresses=[Address("Moscow, Russia")],
        programs=["RUSSIA-EO14024", "CYBER2"],
        listed_on="2022-02-28",
    )
    vessel = Record(
        source="uk_ofsi",
        source_id="RUS/1234 a",
        schema="Vessel",
        names=[Name("SEA STAR"), Name("OCEAN GLORY", "former")],
        countries=["ru"],
        identifiers=[
            Identifier("imo", "9133381"),
            Identifier("mmsi", "273456789"),
            Identifier("call_sign", "UBCD7"),
        ],
        programs=["Russia"],
        links=[Link("vessel_owner", "us_ofac_sdn", "27712")],
    )
    plane = Record(
        source="uk_ofsi",
        source_id="RUS/9",
        schema="Aircraft",
        names=[Name("RA-96017")],
        identifiers=[
            Identifier("aircraft_tail", "RA-96017"),
            Identifier("aircraft_serial", "74393202017"),
        ],
        links=[Link("un_reference", "un_sc", "QDe.001")],
    )
    entity = Record(
        source="uk_ofsi",
        source_id="RUS/10",
        schema="LegalEntity",
        names=[Name("ACME SHELL LTD")],
        identifiers=[Identifier("passport", "X1")],
    )
    return {"us_ofac_sdn": [dmitriev, rdif], "uk_ofsi": [vessel, plane, entity]}


def fill(store: Store) -> dict[str, list[Record]]:
    data = sample_records()
    for i, (source, records) in enumerate(sorted(data.items())):
        store.add_publication(
            source=source,
            format="test",
            published=f"2024-05-0{i + 1}",
            date_basis="given",
            sha256=f"sha-{source}",
            files=["x"],
            records=records,
            activate=True,
        )
    return data


def expected_after_round_trip(record: Record) -> Record:
    """What the ftm reader gives back for ``record`` (the documented losses applied)."""
    eid = entity_id(record.source, record.source_id)
    names = [
        Name(n.value, "alias" if n.kind == "original" else n.kind, parts=n.parts)
        for n in record.names
    ]
    links = [
        Link(link.relation, "ftm", entity_id(link.source or record.source, link.source_id), None)
        for link in record.links
        if link.source_id
    ]
    schema = model.get("Airplane" if record.schema == "Aircraft" else record.schema)
    assert schema is not None
    extra = {k: v for k, v in record.extra.items() if k in schema.properties}
    if "source_url" in record.extra:
        extra["source_url"] = record.extra["source_url"]
    extra["datasets"] = record.source
    return replace(
        record,
        source="ftm",
        source_id=eid,
        names=names,
        links=links,
        extra=dict(sorted(extra.items())),
    )


def comparable(record: Record) -> dict[str, object]:
    data = record.to_dict()
    for key in ("identifiers", "names"):
        data[key] = sorted(json.dumps(i, sort_keys=True) for i in data.get(key, []))
    data["links"] = sorted((link["relation"], link["source_id"]) for link in data.get("links", []))
    return data


def test_ftm_round_trip(store: Store, tmp_path: Path) -> None:
    data = fill(store)
    out = tmp_path / "export.ftm.json"
    with open(out, "w", encoding="utf-8") as fh:
        result = export(store, fh, "ftm")
    assert result.records == 5 and result.by_source == {"uk_ofsi": 3, "us_ofac_sdn": 2}
    assert result.entities is not None and result.entities > 5

    # valid FollowTheMoney: known schemata, valid ids and references, clean values
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [e["id"] for e in lines]
    assert len(ids) == len(set(ids))
    for entity in lines:
        proxy = model.get_proxy(entity, cleaned=False)
        assert proxy.id is not None and registry.entity.REGEX.match(proxy.id)
        for prop, values in entity["properties"].items():
            ptype = proxy.schema.properties[prop].type
            for value in values:
                assert ptype.clean(value) is not None, (entity["id"], prop, value)
    by_id = {e["id"]: e for e in lines}
    assert by_id["us-ofac-sdn-27711"]["schema"] == "Person"
    # FtM cannot say "circa": the year as published, and a note that says so
    person = by_id["us-ofac-sdn-27711"]["properties"]
    assert person["birthDate"] == ["1975-04-12", "1973"]
    assert person["notes"][-1] == estimate_note("1973")
    assert "circa 1973" in estimate_note("1973")
    assert by_id["uk-ofsi-RUS-1234-a"]["schema"] == "Vessel"
    assert by_id["uk-ofsi-RUS-9"]["schema"] == "Airplane"
    sanction = by_id["us-ofac-sdn-27712-sanction"]
    assert sanction["schema"] == "Sanction"
    assert sanction["properties"] == {
        "entity": ["us-ofac-sdn-27712"],
        "program": ["RUSSIA-EO14024", "CYBER2"],
        "listingDate": ["2022-02-28"],
    }

    # read back: everything but the documented losses survives
    assert detect(out) is FtmReader
    pub = plan([out])[0].open()
    back = {r.source_id: r for r in pub.records}
    assert pub.info.published == "2024-05-02"
    known = {entity_id(r.source, r.source_id) for rs in data.values() for r in rs}
    for records in data.values():
        for record in records:
            expected = expected_after_round_trip(record)
            got = back[expected.source_id]
            for link in got.links:  # names of linked listings are filled in from the file
                assert link.name is None or link.source_id in known
            got = replace(got, links=[replace(link, name=None) for link in got.links])
            assert comparable(got) == comparable(expected), record.key


def test_round_trip_through_the_store(store: Store, tmp_path: Path) -> None:
    fill(store)
    out = tmp_path / "all.json"
    with open(out, "w", encoding="utf-8") as fh:
        export(store, fh, "ftm", ["us_ofac_sdn"])
    with Store(tmp_path / "other") as other:
        result = load(other, plan([out])[0])
        assert result.status == "loaded"
        assert result.publication.source == "ftm"
        assert result.publication.published == "2024-05-02"
        assert result.publication.date_basis == "in-file"
        assert result.publication.record_count == 2
        rec = other.get("ftm", "us-ofac-sdn-27711")
        assert rec is not None and rec.listed_on == "2022-02-28"
        # re-exporting an ftm-sourced store keeps the ids
        buf = io.StringIO()
        export(other, buf, "ftm")
        ids = {json.loads(line)["id"] for line in buf.getvalue().splitlines()}
        assert {"us-ofac-sdn-27711", "us-ofac-sdn-27712"} <= ids


def test_json_and_csv(store: Store) -> None:
    data = fill(store)
    buf = io.StringIO()
    result = export(store, buf, "json", ["uk_ofsi"])
    assert result.records == 3
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert rows[0]["published"] == "2024-05-01"
    restored = [Record.from_dict({k: v for k, v in r.items() if k != "published"}) for r in rows]
    assert {r.key for r in restored} == {r.key for r in data["uk_ofsi"]}
    assert all(r in data["uk_ofsi"] for r in restored)

    buf = io.StringIO()
    export(store, buf, "csv")
    table = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(table) == 5
    dmitriev = next(r for r in table if r["source_id"] == "27711")
    assert dmitriev["name"] == "DMITRIEV, Kirill Aleksandrovich"
    assert "Дмитриев Кирилл Александрович" in dmitriev["aliases"]
    assert "passport:722704676" in dmitriev["identifiers"]
    assert dmitriev["programs"] == "RUSSIA-EO14024"
    assert dmitriev["birth_dates"] == "1975-04-12; 1973"
    assert dmitriev["birth_estimates"] == "1973"


def test_errors(store: Store) -> None:
    fill(store)
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, io.StringIO(), "xml")
    with pytest.raises(ExportError, match="no active publication for un_sc"):
        export(store, io.StringIO(), "ftm", ["un_sc"])


def test_entity_ids() -> None:
    assert entity_id("us_ofac_sdn", "36") == "us-ofac-sdn-36"
    assert entity_id("un_sc", "QDi.001") == "un-sc-QDi.001"
    assert entity_id("ftm", "NK-abc") == "NK-abc"
    assert entity_id("au_dfat", "12a / b") == "au-dfat-12a-b"
    assert registry.entity.REGEX.match(entity_id("x", "___"))
    record = Record(source="eu_fsf", source_id="13", names=[Name("X")])
    [only] = record_entities(record)
    assert only["schema"] == "LegalEntity" and only["target"] is True


def test_cli_export(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        fill(store)
    out = tmp_path / "out.ftm.json"
    runner = CliRunner()
    args = ["export", "--format", "ftm", "--output", str(out), "--home", str(home)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert len(out.read_text().splitlines()) > 5
    assert not (tmp_path / "out.ftm.json.part").exists()
    res = runner.invoke(app, ["export", "-f", "csv", "-s", "uk_ofsi", "--home", str(home)])
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].startswith("source,source_id,schema,name")
    res = runner.invoke(app, ["export", "--source", "nope", "--home", str(home)])
    assert res.exit_code == 1
    res = runner.invoke(app, ["export", "--format", "xls", "--home", str(home)])
    assert res.exit_code == 1
