"""What a person's listing that publishes no nationality still says about
it: a passport or national identity number, the state they are a citizen
of (``documented_nationality``); the very same place of birth
(``Features.birth_places``). Every name is invented."""

from __future__ import annotations

from tests.profiles.profile_fixtures import person
from thaw.model import Identifier, Record
from thaw.profiles import features_of, link
from thaw.profiles.evidence import documented_nationality
from thaw.profiles.features import place_key

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


def _born(record: Record, *places: str) -> Record:
    record.birth_places = list(places)
    return record


AU = person(
    "au_dfat", "60001", "Yahya Al-Qutaybi", dob=["1977"], nationality=["ye"],
    programs=["2140 (Yemen)"],
)  # fmt: skip
OFAC = person("us_ofac_sdn", "60002", "AL-QUTAYBI, Yahya", dob=["1977"], programs=["SDGT"])


def test_the_very_same_place_of_birth_links_a_year_of_birth() -> None:
    """Issue 11 §5 (Yusuf AL-MADANI, Amir ABDULLAH, SAIDULLAH JAN, Safia
    FARKASH): OFAC publishes no nationality, only a place of birth, the very
    one the other authorities give ("Muhatta Directorate, Hajjah Province,
    Yemen"), under a programme other than theirs. With the same name and
    birth year, the place says what an agreeing nationality would: OFAC's
    listing joins the party's profile, where it had stood alone."""
    place = "Muhatta Directorate, Hajjah Province, Yemen"
    au, ofac = _born(AU, place), _born(OFAC, place)
    assert _clusters(au, ofac) == [["au_dfat:60001", "us_ofac_sdn:60002"]]
    edge = link([features_of(au), features_of(ofac)]).edges[0]
    assert edge.evidence["nationality"] == "agree by place of birth"


def test_another_place_or_a_country_alone_links_nothing() -> None:
    """Another town is no agreement, and a country alone says no more than
    the nationality that the other side publishes and this one does not."""
    au = _born(AU, "Muhatta Directorate, Hajjah Province, Yemen")
    assert _clusters(au, _born(OFAC, "Sana'a, Yemen")) == [
        ["au_dfat:60001"],
        ["us_ofac_sdn:60002"],
    ]
    assert _clusters(_born(AU, "Yemen"), _born(OFAC, "Yemen")) == [
        ["au_dfat:60001"],
        ["us_ofac_sdn:60002"],
    ]


def test_place_key() -> None:
    """A place's words, case folded; a country alone is no key."""
    assert place_key("Moscow, Russia") == "moscow russia"
    assert place_key("Giyan District, Paktika Province") == "giyan district paktika province"
    assert place_key("Yemen") == ""
    assert place_key("Democratic Republic of the Congo") == ""
