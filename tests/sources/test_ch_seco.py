"""The Swiss SECO sanctions list reader: names, identities, places, history, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, detect, plan
from thaw.sources.ch_seco import SwissSecoReader
from thaw.store import Store, load

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ch_seco" / "swiss-sanctions-list.xml"


def read(path: Path) -> dict[str, Record]:
    pub = SwissSecoReader().read(path, {})
    return {r.source_id: r for r in pub.records}


def test_detection_and_publication() -> None:
    assert detect(FIXTURE) is SwissSecoReader
    pub = SwissSecoReader().read(FIXTURE, {})
    records = list(pub.records)
    assert pub.info.published == "2024-03-15"
    assert [r.source_id for r in records] == ["41357", "41380", "1140", "70001", "80100"]
    # the de-listed target stays in the file for history; it is not a listing
    assert pub.info.notes == ["1 de-listed targets kept in the file for history were skipped"]


def test_individual_with_spelling_variants() -> None:
    kirill = read(FIXTURE)["41357"]
    assert kirill.schema == "Person" and kirill.gender == "male"
    assert kirill.caption == "Dmitriev Kirill Aleksandrovich"
    assert kirill.names[0].parts == {
        "last": "Dmitriev",
        "first": "Kirill",
        "patronymic": "Aleksandrovich",
    }
    assert [(n.value, n.kind, n.lang, n.script) for n in kirill.names[1:]] == [
        ("Дмитриев Кирилл Александрович", "original", "rus", "Cyrl"),
        ("Dmitriev Kirill", "alias", None, None),
        ("Dmitriev Kyrylo", "alias", None, "Latn"),
    ]
    assert kirill.birth_dates == ["1975-04-12"]
    assert kirill.birth_places == ["Kyiv, Ukraine"]
    assert kirill.nationalities == ["ru"]
    assert kirill.programs == ["Russia"] and kirill.extra == {"sanctions_set": "Annex 8"}
    assert kirill.listed_on == "2022-02-28"
    assert kirill.remarks == [
        "Chief Executive Officer of the Russian Direct Investment Fund.",
        "Gender: Male",
    ]
    assert [(lk.relation, lk.source, lk.source_id) for lk in kirill.links] == [
        ("related_to", "ch_seco", "41380")
    ]


def test_entity_ignores_copies_inside_modifications() -> None:
    rdif = read(FIXTURE)["41380"]
    assert rdif.schema == "Organization"
    assert [(n.value, n.kind) for n in rdif.names] == [
        ("Russian Direct Investment Fund", "primary"),
        ("Российский фонд прямых инвестиций", "original"),
        ("RDIF", "alias"),
        ("РФПИ", "original"),
    ]
    assert "OLD COPY SHOULD NOT APPEAR" not in rdif.all_names()
    (address,) = rdif.addresses
    assert address.full == "Presnenskaya Embankment 8, bld. 1, 123112, Moscow, Russia"
    assert (address.country, address.city, address.postal_code) == ("ru", "Moscow", "123112")
    assert [(i.kind, i.number) for i in rdif.identifiers] == [("registration", "1117799004333")]
    assert rdif.listed_on == "2022-02-28"


def test_un_listing_with_several_identities() -> None:
    zidane = read(FIXTURE)["1140"]
    assert zidane.programs == ["ISIL (Da'esh) and Al-Qaida"]
    assert [(lk.relation, lk.source, lk.source_id) for lk in zidane.links] == [
        ("un_reference", "un_sc", "QDi.001")
    ]
    assert [(n.value, n.kind) for n in zidane.names] == [
        ("Mohammed Salahaldin Abd El Halim Zidane", "primary"),
        ("Sayf-Al Adl", "alias"),
        ("سيف العدل", "original"),
        ("Seif al Adel", "weak"),
        ("Muhamad Ibrahim Makkawi", "alias"),  # primary name of a second identity
    ]
    assert zidane.birth_dates == ["1963-04-11", "1960-04-11", "1960"]
    assert zidane.birth_places == ["Monufia Governorate, Egypt"]
    assert zidane.listed_on == "2001-01-25"


def test_titles_former_names_documents_and_partial_dates() -> None:
    colonel = read(FIXTURE)["70001"]
    assert colonel.caption == "Obraztsov Pavel Sergeyevich"  # the title is not a name part
    assert colonel.titles == ["Colonel"]
    assert ("Obraztsov-Ivanov Pavel", "former") in [(n.value, n.kind) for n in colonel.names]
    # a Cyrillic spelling of only some parts is not mixed with Latin ones
    assert all(n.script != "Cyrl" for n in colonel.names)
    assert colonel.birth_dates == ["1961-07"]
    passport, card = colonel.identifiers
    assert (passport.kind, passport.number, passport.country) == ("passport", "750000001", "ru")
    assert passport.note == "issued 2015-06-01; expires 2025-06-01"
    assert (card.kind, card.number, card.note) == (
        "national_id",
        "6010 000002",
        "internal passport",
    )
    assert colonel.addresses[0].full == "Rostov-on-Don, Rostov Oblast, Russia"
    assert "Address Rostov-on-Don, Rostov Oblast, Russia: as at listing" in colonel.remarks


def test_vessel() -> None:
    ship = read(FIXTURE)["80100"]
    assert ship.schema == "Vessel"
    assert [(n.value, n.kind) for n in ship.names] == [
        ("NORTHERN EXAMPLE", "primary"),
        ("SOUTHERN EXAMPLE", "former"),
    ]
    assert [(i.kind, i.number) for i in ship.identifiers] == [("imo", "9999993")]
    assert ship.programs == ["Russia"] and ship.extra["sanctions_set"] == "Annex 15"


def test_places_declared_after_their_targets(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    start = text.index("  <place ssid=")
    end = text.index("  <target ")
    places = text[start:end]
    moved = text[:start] + text[end:].replace(
        "</swiss-sanctions-list>", places + "</swiss-sanctions-list>"
    )
    path = tmp_path / "list.xml"
    path.write_text(moved, encoding="utf-8")
    late = read(path)
    assert list(late) == ["41357", "41380", "1140", "70001", "80100"]
    assert {k: r.to_dict() for k, r in late.items()} == {
        k: r.to_dict() for k, r in read(FIXTURE).items()
    }


def test_loads_into_store(store: Store) -> None:
    result = load(store, plan([FIXTURE])[0])
    assert (result.publication.published, result.publication.record_count) == ("2024-03-15", 5)
    assert result.notes == ("1 de-listed targets kept in the file for history were skipped",)


def test_bad_input(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    path = tmp_path / "list.xml"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(SourceError, match=r"list\.xml:line \d+: malformed XML"):
        list(SwissSecoReader().read(path, {}).records)

    path.write_text(text.replace('<target ssid="70001">', "<target>"), encoding="utf-8")
    with pytest.raises(SourceError, match="without ssid") as err:
        list(SwissSecoReader().read(path, {}).records)
    assert err.value.location and err.value.location.startswith("line ")

    path.write_text(text.replace('<target ssid="70001">', '<target ssid="1140">'), encoding="utf-8")
    with pytest.raises(SourceError, match="target ssid 1140 appears twice"):
        list(SwissSecoReader().read(path, {}).records)

    path.write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        SwissSecoReader().read(path, {})
    path.write_bytes(b'<?xml version="1.0"?><data-set/>')
    with pytest.raises(SourceError, match="not a SECO sanctions list"):
        SwissSecoReader().read(path, {})


def test_target_in_several_sanctions_sets(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "<sanctions-set-id>13</sanctions-set-id>",
        "<sanctions-set-id>13</sanctions-set-id>\n    <sanctions-set-id>21</sanctions-set-id>",
    )
    path = tmp_path / "list.xml"
    path.write_text(text, encoding="utf-8")
    ship = read(path)["80100"]
    assert ship.programs == ["Russia", "ISIL (Da'esh) and Al-Qaida"]
    assert ship.extra["sanctions_set"] == "Annex 15; Annex 2"
