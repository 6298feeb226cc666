"""A person's passport or national identity number says what state they are
a citizen of, where a listing publishes no nationality
(``documented_nationality``). Every name is invented."""

from __future__ import annotations

from tests.profiles.profile_fixtures import person
from thaw.model import Identifier, Record
from thaw.profiles import features_of, link
from thaw.profiles.evidence import documented_nationality

UK = person(
    "uk_ofsi", "50001", "Nizar QARDOUH", dob=["1971"], nationality=["sy"], programs=["Syria"]
)


def _ofac(*ids: Identifier, nationality: list[str] | None = None) -> Record:
    return person(
        "us_ofac_sdn", "50002", "QARDOUH, Nizar", dob=["1971-08-26"], ids=list(ids),
        nationality=nationality, programs=["SDGT", "IRGC"],
    )  # fmt: skip


def _clusters(*records: Record) -> list[list[str]]:
    return link([features_of(r) for r in records]).clusters


def test_a_passport_of_the_others_nationality_links_a_year_of_birth() -> None:
    """Issue 11 §5 (Issam SHAMMOUT): the UK lists a Syrian, born 1971, under
    its Syria regime; OFAC lists him under its terrorism and Iran
    programmes, born 1971-08-26, with a Syrian passport and no nationality.
    A year and a name short of rare needed the nationalities to agree, and
    the regimes differ: two profiles of one party."""
    syrian = _ofac(Identifier("passport", "6300001", "sy"))
    assert _clusters(UK, syrian) == [["uk_ofsi:50001", "us_ofac_sdn:50002"]]
    edge = link([features_of(UK), features_of(syrian)]).edges[0]
    assert edge.kind == "name_dob"
    assert edge.evidence["nationality"] == "agree by document"


def test_a_document_of_another_state_or_none_links_nothing() -> None:
    """A passport of another state is no agreement (nor a conflict: many
    hold two), and without a document nothing changes."""
    assert _clusters(UK, _ofac(Identifier("passport", "6300001", "lb"))) == [
        ["uk_ofsi:50001"],
        ["us_ofac_sdn:50002"],
    ]
    assert _clusters(UK, _ofac()) == [["uk_ofsi:50001"], ["us_ofac_sdn:50002"]]


def test_documented_nationality_only_stands_in_for_a_missing_one() -> None:
    """A published nationality is the listing's own account: a document of
    another state does not replace it, and a tax number says nothing."""
    uk = features_of(UK)
    assert documented_nationality(uk, features_of(_ofac(Identifier("national_id", "1", "sy"))))
    assert not documented_nationality(uk, features_of(_ofac(Identifier("tax_id", "1", "sy"))))
    lebanese = _ofac(Identifier("passport", "6300001", "sy"), nationality=["lb"])
    assert not documented_nationality(uk, features_of(lebanese))
