"""Programme catalogue: classification by table and rules, counts from the store."""

from __future__ import annotations

import pytest

from tests.history.history_fixtures import add, rec
from thaw.catalogue import authority_of, build, classify, known_programmes, normalise_code, themes
from thaw.store import Store


@pytest.mark.parametrize(
    ("authority", "code", "country", "theme"),
    [
        ("us", "RUSSIA-EO14024", "ru", "russia"),
        ("us", "UKRAINE-EO13660", "ua", "russia"),
        ("us", "UKRAINE-EO13661", "ru", "russia"),
        ("us", "UKRAINE-EO13662", "ru", "russia"),
        ("us", "CAATSA - RUSSIA", "ru", "russia"),
        ("us", "caatsa  -  russia", "ru", "russia"),
        ("us", "RUSSIA-EO99999", "ru", "russia"),  # unknown code: rules
        ("us", "SDGT", None, "terrorism"),
        ("us", "DPRK3", "kp", "dprk"),
        ("us", "IRAN-HR", "ir", "human-rights"),
        ("uk", "Russia", "ru", "russia"),
        ("uk", "Ukraine (Sovereignty)", "ua", "russia"),
        ("uk", "ISIL (Da'esh) and Al-Qaida", None, "isil-al-qaida"),
        ("eu", "RUS", "ru", "russia"),
        ("eu", "UKR", "ua", "russia"),
        ("ca", "Russia / Russie", "ru", "russia"),
        ("ca", "Ukraine", "ua", "russia"),
        ("au", "Autonomous (Russia)", "ru", "russia"),
        ("au", "Autonomous (Ukraine)", "ua", "russia"),
        ("au", "Autonomous (Thematic \u2013 Cyber)  ", None, "cyber"),
        ("au", "1267/1989/2253 (ISIL (Da'esh) and Al-Qaida)", None, "isil-al-qaida"),
        ("un", "Al-Qaida", None, "isil-al-qaida"),
        ("un", "1267", None, "isil-al-qaida"),
        ("un", "DPRK", "kp", "dprk"),
        ("un", "SouthSudan", "ss", "south-sudan"),
        ("ch", "Ukraine", "ua", "russia"),
        ("ca", "Syria / Syrie", "sy", "syria"),
    ],
)
def test_classify(authority: str, code: str, country: str | None, theme: str) -> None:
    p = classify(authority, code)
    assert p.country == country
    assert theme in p.themes, p


def test_exceptions_and_unknowns() -> None:
    assert classify("uk", "Ukraine (Misappropriation)").themes == ("ukraine",)
    assert "sudan" not in classify("ca", "South Sudan / Soudan du sud").themes
    assert classify("ca", "South Sudan / Soudan du sud").country == "ss"
    assert classify("un", "Sudan").country == "sd"
    unknown = classify("us", "SOMETHING-NEW")
    assert unknown.themes == ("other",) and not unknown.known
    assert classify("us", "").label == "(no programme)"
    assert classify("us", "RUSSIA-EO14024").known
    assert "russia" in themes() and "other" in themes()
    assert all(p.authority == "un" for p in known_programmes("un"))
    assert normalise_code(" Autonomous (Thematic \u2013 Cyber) ") == "AUTONOMOUS (THEMATIC - CYBER)"


def test_authority_of() -> None:
    assert authority_of("us_ofac_sdn") == "us"
    assert authority_of("us_trade_csl") == "us"
    assert authority_of("uk_fcdo") == "uk"
    assert authority_of("jp_mof") == "jp"


def test_build_counts(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        "2024-01-01",
        [
            rec("us_ofac_sdn", "1", "A", ["RUSSIA-EO14024"]),
            rec(
                "us_ofac_sdn",
                "2",
                "B",
                ["RUSSIA-EO14024", "UKRAINE-EO13662"],
                schema="Organization",
            ),
            rec("us_ofac_sdn", "3", "C", ["SDGT"]),
        ],
    )
    add(store, "us_trade_csl", "2024-01-01", [rec("us_trade_csl", "x", "A", ["russia-eo14024"])])
    add(store, "us_bis_dpl", "2024-01-01", [rec("us_bis_dpl", "d1", "D")])
    add(store, "uk_ofsi", "2024-01-01", [rec("uk_ofsi", "9", "A", ["Russia"])])
    entries = {(e.programme.authority, e.programme.code): e for e in build(store)}
    russia = entries[("us", "RUSSIA-EO14024")]
    assert russia.total == 3
    assert russia.sources == {"us_ofac_sdn": 2, "us_trade_csl": 1}
    assert russia.by_schema == {"Person": 2, "Organization": 1}
    assert entries[("us", "")].programme.themes == ("export-control",)
    assert entries[("uk", "Russia")].programme.country == "ru"
    only = build(store, "uk_ofsi")
    assert [e.programme.code for e in only] == ["Russia"]
    data = russia.to_dict()
    assert data["listings"] == 3 and data["themes"] == ["russia"]


def test_list_codes() -> None:
    assert classify("us", "SDN").list_code and classify("us", "SDN").themes == ("list-code",)
    assert classify("us", "EL").list_code and "export-control" in classify("us", "EL").themes
    assert not classify("us", "RUSSIA-EO14024").list_code
    assert classify("eu", "SDN").country == "sd"  # the EU's Sudan regime code
