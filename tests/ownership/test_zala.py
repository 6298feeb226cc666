"""The zala fixture (real OpenSanctions data) against the real lists, checked by hand.

``../shared/data/ftm/zala.ftm.json`` holds 14 ownership, 3 directorship and 4
family links around LLC CST (ZALA Aero Group), the Izhevsk drone maker. Against
the newest real publications in ../shared (OFAC SDN of 2024-05-03, OFSI of
2025-04-14; no EU list), on 2026-06-01:

* LLC CST is itself listed by OFAC and the UK (found by its INN 1841015504); its
  current owners are A. V. Zakharov (51 %, since 2015) and Kalashnikov Concern
  (49 %, and "subsidiary of" without a figure from the UK list), both listed, so it
  would stay blocked by ownership if its own listing were lifted; the 50 % and 48 %
  stakes of Zakharov and the 1 % and 2 % of others have ended and are not counted.
* The non-profit "Association of Unmanned Systems" is controlled under the UK
  test: Zakharov (UK-listed) is its executive director; under the US rule control
  alone does not block (OFAC urges caution).
* LLC "SPS" (Zakharov 75 % until 2022-11-22), the Perm LLC CST (100 % until
  2019-08-02), ZALA AERO JSC (a stake of unknown size, 2024-03-22 to 2024-06-24),
  Izhtelecom and Bespilotnye Sistemy (ended long ago) are not blocked today, and
  were blocked (or undetermined) while those stakes lasted.
* "RTC" is not the OFAC-listed "RTK" (another INN): a namesake is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED, copy_home
from thaw.ownership import Analysis, analyse
from thaw.store import Store
from thaw.store.ownership import load_ownership

pytestmark = pytest.mark.realdata

ZALA = SHARED / "ftm" / "zala.ftm.json"
CST = "ftm:NK-abdzbEBkqyT29GyREbiURZ"
PERM_CST = "ftm:ru-inn-5920040846"
ASSOCIATION = "ftm:NK-SiYwWfxwLVrVeFswsvAvsm"
ZALA_AERO = "ftm:NK-cPks3aTbes8k4aCerfBAzN"
SPS = "ftm:NK-9Xa4Kg7Y7nfccE7VcZt6Q6"
IZHTELECOM = "ftm:NK-56Edov9bas9puzaChH5pBy"
BESPILOTNYE = "ftm:NK-cWSvGMvufNH5KwEV88FwTA"
RTC = "ftm:NK-ERScv7cLkkvZ3ejz7xiToj"
TRANSKOMPLEKT = "ftm:NK-DSxJ9ZzHxBBMyEMnnTBhai"
ZAKHAROV = "ftm:NK-aU5ybkbRFJucf8YMwsJvDw"
IZHMASH = "ftm:NK-nR5AXM9AVPq4pQaSPSaVam"
ABASHKIN = "ftm:NK-mCEmxFfuhfdjpC8gsxH74o"


@pytest.fixture(scope="module")
def home(real_profiles_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real lists with their profiles (the analysis reads them: from a home
    without, its first run built them, 35 CPU-s) and the zala links."""
    if not ZALA.is_file():
        pytest.skip(f"{ZALA} not found")
    target = copy_home(real_profiles_home, tmp_path_factory.mktemp("zala") / "home")
    with Store(target) as store:
        result = load_ownership(store, ZALA)
    assert result.status == "loaded"
    assert result.publication.link_count == 21
    return target


def _analysis(home: Path, as_of: str) -> Analysis:
    with Store(home) as store:
        return analyse(store, as_of=as_of)


@pytest.fixture(scope="module")
def today(home: Path) -> Analysis:
    return _analysis(home, "2026-06-01")


def _status(analysis: Analysis, key: str) -> dict[str, str]:
    node = analysis.og.node(key)
    assert node is not None, key
    return analysis.statuses(node.index)


def _explain(analysis: Analysis, key: str) -> dict[str, object]:
    node = analysis.og.node(key)
    assert node is not None, key
    return analysis.explain(node.index).to_dict()


def test_parties_resolve_by_identifier_first(today: Analysis) -> None:
    cst = today.og.node(CST)
    assert cst is not None and cst.resolution is not None
    assert cst.resolution.method == "identifier"
    assert "1841015504" in cst.resolution.evidence
    assert {x.key for x in cst.resolution.listings} >= {"us_ofac_sdn:45928", "uk_ofsi:15734"}
    zakharov = today.og.node(ZAKHAROV)
    assert zakharov is not None and zakharov.resolution is not None
    assert zakharov.resolution.method == "identifier"
    assert "us_ofac_sdn:45937" in {x.key for x in zakharov.resolution.listings}
    izhmash = today.og.node(IZHMASH)
    assert izhmash is not None and izhmash.resolution is not None
    assert "us_ofac_sdn:16911" in {x.key for x in izhmash.resolution.listings}
    # the Perm LLC CST is another company, not merged with the listed one
    perm = today.og.node(PERM_CST)
    assert perm is not None and perm.index != cst.index and perm.resolution is None
    # OFAC's "LLC RTK" has another INN than this "RTC": refused as a namesake
    rtc = today.og.node(RTC)
    assert rtc is not None and rtc.resolution is None
    abashkin = today.og.node(ABASHKIN)
    assert abashkin is not None and abashkin.resolution is None


def test_cst_listed_and_owned_by_listed_parties(today: Analysis) -> None:
    assert _status(today, CST) == {"us": "listed", "eu": "no_list", "uk": "listed"}
    data = _explain(today, CST)
    us = data["authorities"]["us"]  # type: ignore[index]
    assert us["summary"] == "listed: listed by OFAC, programme RUSSIA-EO14024"
    also = [n for n in us["notes"] if n.startswith("also owned")]
    assert also == [
        "also owned or controlled by listed or blocked parties (caught under the rule even "
        "without its own listing): 51 % by Aleksandr Vyacheslavovich Zakharov + 49 % by JSC "
        "NPO IZHMASH"
    ]
    assert any("urges caution" in n for n in us["notes"])  # Zakharov is also its "leader"
    assert data["authorities"]["eu"]["status"] == "no_list"  # type: ignore[index]
    owners = {(o["owner"]["name"], o["kind"], o["share"]) for o in data["owners"]}  # type: ignore[attr-defined]
    assert ("Aleksandr Vyacheslavovich Zakharov", "ownership", "51 %") in owners
    assert ("JSC NPO IZHMASH", "ownership", "49 %") in owners
    izhmash = next(o for o in data["owners"] if o["owner"]["name"] == "JSC NPO IZHMASH")  # type: ignore[attr-defined]
    roles = {s["role"] for s in izhmash["sources"]}
    assert "subsidiary of" in roles  # the UK list's link without a figure, kept as evidence
    ended = sorted((x["share"], x["why"]) for x in data["not_in_force"])  # type: ignore[attr-defined]
    assert ended == [
        ("1 %", "ended on 2023-03-02"),
        ("2 %", "ended on 2023-12-21"),
        ("48 %", "ended on 2023-12-21"),
        ("50 %", "ended on 2023-03-02"),
    ]


def test_association_controlled_by_director_under_uk_rule(today: Analysis) -> None:
    assert _status(today, ASSOCIATION) == {"us": "not_blocked", "eu": "no_list", "uk": "blocked"}
    data = _explain(today, ASSOCIATION)
    uk = data["authorities"]["uk"]  # type: ignore[index]
    assert uk["summary"] == (
        "blocked under the UK ownership and control test: owned or controlled by Aleksandr "
        "Vyacheslavovich Zakharov (listed by the UK, programme Russia): director "
        "(Исполнительный директор)"
    )
    us = data["authorities"]["us"]  # type: ignore[index]
    assert us["summary"] == "not blocked under the US 50 % rule: no blocked owner"
    assert any("urges caution" in n for n in us["notes"])


@pytest.mark.parametrize(
    ("key", "why"),
    [
        (SPS, "ended on 2022-11-22"),
        (PERM_CST, "ended on 2019-08-02"),
        (ZALA_AERO, "ended on 2024-06-24"),
        (IZHTELECOM, "ended on 2012-06-30"),
        (BESPILOTNYE, "ended on 2005-11-03"),
        (RTC, "ended on 2023-10-22"),
    ],
)
def test_companies_whose_listed_owner_left(today: Analysis, key: str, why: str) -> None:
    assert _status(today, key) == {"us": "not_blocked", "eu": "no_list", "uk": "not_blocked"}
    data = _explain(today, key)
    assert [x["why"] for x in data["not_in_force"]] == [why]  # type: ignore[attr-defined]
    assert data["authorities"]["uk"]["summary"] == (  # type: ignore[index]
        "not blocked under the UK ownership and control test: no designated owner above 50 %"
    )


def test_transkomplekt_has_no_owner(today: Analysis) -> None:
    assert _status(today, TRANSKOMPLEKT) == {
        "us": "not_blocked",
        "eu": "no_list",
        "uk": "not_blocked",
    }
    assert not list(today.exposed())[1:]  # only the association is exposed by ownership
    assert [n.keys[0] for n, _ in today.exposed()] == [ASSOCIATION]


def test_earlier_days(home: Path) -> None:
    past = _analysis(home, "2021-06-01")
    assert _status(past, SPS) == {"us": "blocked", "eu": "no_list", "uk": "blocked"}
    summary = _explain(past, SPS)["authorities"]["us"]["summary"]  # type: ignore[index]
    assert summary == (
        "blocked under the US 50 % rule: 75 % held by Aleksandr Vyacheslavovich Zakharov "
        "(listed by OFAC, programme RUSSIA-EO14024)"
    )
    assert _status(_analysis(home, "2018-01-01"), PERM_CST)["uk"] == "blocked"
    during = _analysis(home, "2024-05-01")
    assert _status(during, ZALA_AERO) == {
        "us": "undetermined",
        "eu": "no_list",
        "uk": "undetermined",
    }
    text = _explain(during, ZALA_AERO)["authorities"]["us"]["summary"]  # type: ignore[index]
    assert (
        "the stake of unknown size held by Aleksandr Vyacheslavovich Zakharov were a majority"
        in text
    )
