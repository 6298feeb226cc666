"""The record model's serialisation: :meth:`Record.to_dict` is ``dataclasses.asdict``
without the empty fields (the stored form and content hash depend on it), it
shares nothing with the record, and :meth:`Record.from_dict` inverts it."""

from __future__ import annotations

import dataclasses
from typing import Any

from thaw.model import Address, Identifier, Link, Name, Record


def _record() -> Record:
    record = Record("us_ofac_sdn", "36092", "Person", programs=["RUSSIA-EO14024"])
    record.add_name("DMITRIEV, Kirill Aleksandrovich", "primary", parts={"last": "DMITRIEV"})
    record.add_name("Дмитриев Кирилл", "original", lang="ru")
    record.birth_dates = ["1975-04-12"]
    record.identifiers = [Identifier("passport", "123", country="ru")]
    record.addresses = [Address("Moscow, Russia", country="ru", city="Moscow")]
    record.links = [Link("linked_to", name="RUSSIAN DIRECT INVESTMENT FUND")]
    record.extra = {"title": "CEO"}
    record.gender = ""
    return record


def _asdict_without_empties(record: Record) -> dict[str, Any]:
    data = dataclasses.asdict(record)
    return {k: v for k, v in data.items() if v not in (None, [], {}, "")}


def test_to_dict_is_asdict_without_empty_fields() -> None:
    record = _record()
    data = record.to_dict()
    assert data == _asdict_without_empties(record)
    assert "gender" not in data and "citizenships" not in data and "listed_on" not in data
    assert data["names"][1] == {
        "value": "Дмитриев Кирилл",
        "kind": "original",
        "lang": "ru",
        "script": None,
        "parts": None,
    }
    assert Record("un_sc", "QDi.1").to_dict() == {
        "source": "un_sc",
        "source_id": "QDi.1",
        "schema": "LegalEntity",
    }


def test_to_dict_shares_nothing_with_the_record() -> None:
    record = _record()
    data = record.to_dict()
    data["programs"].append("UKRAINE-EO13660")
    data["names"][0]["parts"]["first"] = "Kirill"
    data["extra"]["title"] = "changed"
    assert record.programs == ["RUSSIA-EO14024"]
    assert record.names[0].parts == {"last": "DMITRIEV"}
    assert record.extra == {"title": "CEO"}


def test_from_dict_inverts_to_dict() -> None:
    record = _record()
    record.gender = None  # "" is dropped by to_dict, so it comes back as the default
    again = Record.from_dict(record.to_dict())
    assert again == record
    assert isinstance(again.names[0], Name) and again.content_hash() == record.content_hash()
