"""What the linker reads of a listing: names written in another script than
Latin, websites."""

from __future__ import annotations

import math

from thaw.model import Name, Record
from thaw.profiles import features_of
from thaw.profiles.evidence import (
    COMMON_DF,
    REFERENCE_SIZE,
    SCRIPT_LISTINGS,
    Context,
    compare,
    corpus_stats,
)
from thaw.profiles.features import Features, analyze, own_name, websites_of

_SURNAMES = "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ"


def _arabic(n: int, given: str = "محمد") -> list[Features]:
    """``n`` persons, each named "Person" in Latin letters and, in Arabic
    letters, ``given`` and a surname of its own."""
    out = []
    for i in range(n):
        surname = _SURNAMES[i % 28] + _SURNAMES[i // 28 % 28] + _SURNAMES[i // 784 % 28] + "ي"
        names = [Name("Person", "primary"), Name(f"{given} {surname}", "alias")]
        out.append(features_of(Record("au_dfat", str(i), "Person", names=names)))
    return out


def test_a_token_many_names_in_arabic_letters_hold_is_common() -> None:
    """محمد, read ``mhmd``, which no Latin name writes, held by every listing
    that writes its name in Arabic letters: common, as Muhammad is."""
    listings = _arabic(SCRIPT_LISTINGS)
    stats = corpus_stats(listings)
    assert "mhmd" in stats.common
    assert stats.context().idf("mhmd") <= math.log(REFERENCE_SIZE / COMMON_DF)
    # a surname fewer than one in a hundred hold is not, nor a token Latin names write
    assert "person" not in stats.common
    rare = {t for t, count in stats.df.items() if count < SCRIPT_LISTINGS / 100}
    assert rare and not rare & stats.common


def test_a_script_few_listings_write_says_nothing() -> None:
    # فراس (Firas), a name analysis does not know as common, held by every
    # listing of a script too few write
    assert "fras" not in corpus_stats(_arabic(SCRIPT_LISTINGS - 1, "فراس")).common
    assert "fras" in corpus_stats(_arabic(SCRIPT_LISTINGS, "فراس")).common
    # محمد is common whatever the script's count, as Muhammad is
    assert "mhmd" in corpus_stats(_arabic(SCRIPT_LISTINGS - 1)).common


def test_a_persons_names_compared_by_two_tokens_rather_than_one_rarer() -> None:
    """UN's and the UK's WALIJAN, also written ولی جان, born 1968, Afghan:
    the Latin name is one word, rarer than the two common Persian ones, but
    only the two-word name can link a person."""

    def walijan(source: str, source_id: str) -> Features:
        names = [Name("WALIJAN", "primary"), Name("ولی جان", "original")]
        record = Record(
            source,
            source_id,
            "Person",
            names=names,
            birth_dates=["1968"],
            nationalities=["af"],
            programs=["TEST"],
        )
        return features_of(record)

    a, b = walijan("un_sc", "TAi.095"), walijan("uk_ofsi", "7538")
    stats = corpus_stats([a, b])
    ctx = Context({**stats.df, "vli": 500}, stats.n, common=stats.common)
    edge = compare(a, b, ctx)
    assert edge is not None and edge.kind == "name_dob"
    assert edge.evidence["names"] == ["ولی جان", "ولی جان"]


def test_a_page_name_is_no_website() -> None:
    """The UK's and Australia's Lazurit write "www.cdb-lazurit.ru/index.html":
    one web domain, not a second one ``index.html`` that other listings'
    pages share (National Iranian Tanker Company's, Jinhua Hairun's)."""
    record = Record(
        "uk_ofsi", "1", "Organization", remarks=["Website: www.cdb-lazurit.ru/index.html"]
    )
    assert websites_of(record) == ("cdb-lazurit.ru",)


def test_a_legal_form_cut_short_is_a_legal_form() -> None:
    """Australia writes a Russian company's legal form cut short at the end of
    its name ("... Joint Stock"); read whole, it is no part of the name, and the
    name is the others' "... Joint Stock Company"."""
    cut = analyze("Korund Design Bureau Joint Stock", "primary", "Organization")
    whole = analyze("KORUND DESIGN BUREAU JOINT STOCK COMPANY", "primary", "Organization")
    assert cut.tokens == whole.tokens
    assert "joint" not in cut.tokens


def test_a_place_in_parentheses_is_no_name() -> None:
    """Issue 11: "(HONG KONG)" in a firm's name says where it is. Read as a name
    of its own, it joined a DPRK front ("Leader (Hong Kong) International"),
    China Unicom (Hong Kong) and two other Hong Kong firms in one profile."""
    from thaw.profiles.evidence import compare
    from thaw.profiles.features import name_variants

    assert name_variants("LEADER (HONG KONG) INTERNATIONAL") == [
        "LEADER (HONG KONG) INTERNATIONAL",
        "LEADER INTERNATIONAL",
    ]

    def firm(source: str, source_id: str, name: str) -> Features:
        return features_of(
            Record(source, source_id, "Organization", names=[Name(name)], countries=["cn"])
        )

    leader = firm("au_dfat", "2570", "Leader (Hong Kong) International")
    unicom = firm("us_ofac_cons", "30924", "CHINA UNICOM (HONG KONG) LIMITED")
    assert compare(leader, unicom, corpus_stats([leader, unicom]).context()) is None


def test_own_name_drops_the_fathers_name_only() -> None:
    """ "son of" (or "s/o") gives the father's name; Arabic *bin* and
    Mauritanian *Ould* are part of the name."""
    assert own_name("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),") == (
        "Akhter Mohmad"
    )
    assert own_name("Abdul Haq s/o M. Anwar Khan") == "Abdul Haq"
    assert own_name("Mahfouz Ould al-Walid") == "Mahfouz Ould al-Walid"
    assert own_name("Osama bin Laden") == "Osama bin Laden"
    assert own_name("Son of Man") == "Son of Man"
