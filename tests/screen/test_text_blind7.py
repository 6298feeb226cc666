"""Text screening of what the dev half of the seventh blind set (issue 11)
showed. A small fixture list; the blind set itself on the real lists is at the
end (``realdata``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Name, Record


def test_a_city_of_two_words_is_no_vessel_without_a_vessel_word() -> None:
    """*Velikiy Novgorod* and *Yong Xin* are cities (the gazetteer's, not the
    territory names'): without a vessel word before them they name no vessel
    of that name, as a city's lone word names none; after one (*the tanker
    Velikiy Novgorod*) they do. A party a list publishes by the city's very name
    (a company SANTA MARTA) is still named by it."""
    screener = text_screener(
        [
            *(listing(x, "vn", "Vessel", "Velikiy Novgorod") for x in ("ca_sema", "us_ofac_sdn")),
            *(listing(x, "yx", "Vessel", "YONG XIN") for x in ("uk_ofsi", "us_ofac_sdn")),
            listing("us_ofac_sdn", "sm", "Organization", "SANTA MARTA"),
        ]
    )
    for text in (
        "The delegation flew from Velikiy Novgorod to Lisbon.",
        "Trucks left Yong Xin for the port on Monday.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    found = found_mentions(
        screener.screen_text("The tanker Velikiy Novgorod anchored off Rostock.")
    )
    assert set(found) == {"ca_sema:vn", "us_ofac_sdn:vn"}
    found = found_mentions(screener.screen_text("The payment to Santa Marta was blocked."))
    assert set(found) == {"us_ofac_sdn:sm"}


def test_a_word_of_a_city_the_territories_do_not_know_is_not_screened_alone() -> None:
    """*Khums* of *Al Khums* (a Libyan port the gazetteer knows, the territory
    names not) is a word of a city's name, not a listed company whose name is
    that word; the company's own name, standing alone, is still found."""
    screener = text_screener(
        [listing(x, "kh", "Organization", "KHUMS") for x in ("uk_ofsi", "au_dfat")]
    )
    assert found_mentions(screener.screen_text("Trucks reached Al Khums on Monday.")) == {}
    found = found_mentions(screener.screen_text("The payment went to Khums in Tripoli."))
    assert set(found) == {"uk_ofsi:kh", "au_dfat:kh"}


def test_a_cyrillic_acronym_is_no_latin_acronym_of_a_party_of_another_script() -> None:
    """*СБУ* (Ukraine's security service) read letter by letter is SBU, which
    the lists publish for SHAHID BEHESHTI UNIVERSITY of Iran; *МИД* (a
    foreign ministry) is MID, North Korea's Munitions Industry Department. A
    Cyrillic acronym is one a Cyrillic-writing country's press coins: it names
    by a Latin acronym only a party of such a country, or of none the lists
    give (*ФСБ*, FSB, the Federal Security Service), or one a list publishes
    in Cyrillic."""
    screener = text_screener(
        [
            *(
                Record(
                    x,
                    "sbu",
                    "Organization",
                    [Name("SHAHID BEHESHTI UNIVERSITY"), Name("SBU")],
                    countries=["ir"],
                    programs=["TEST"],
                )
                for x in ("uk_ofsi", "au_dfat")
            ),
            *(
                Record(
                    x,
                    "mid",
                    "Organization",
                    [Name("MUNITIONS INDUSTRY DEPARTMENT"), Name("MID")],
                    countries=["kp"],
                    programs=["TEST"],
                )
                for x in ("uk_ofsi", "un_sc")
            ),
            *(
                listing(x, "fsb", "Organization", "FEDERAL SECURITY SERVICE", "FSB")
                for x in ("uk_ofsi", "us_ofac_sdn")
            ),
        ]
    )
    for text in (
        "Представитель СБУ заявил об этом журналистам.",
        "СБУ повідомила про підозру.",
        "Заявление МИД было опубликовано вечером.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    found = found_mentions(screener.screen_text("Сотрудники ФСБ задержали двоих."))
    assert set(found) == {"uk_ofsi:fsb", "us_ofac_sdn:fsb"}
    found = found_mentions(screener.screen_text("A spokesman for SBU denied the report."))
    assert set(found) == {"uk_ofsi:sbu", "au_dfat:sbu"}


def test_a_name_word_after_a_lower_case_arabic_article() -> None:
    """English and French prose write the Arabic article of a name in lower
    case, joined by a hyphen to the capitalised word (*Maher al-Assad*,
    *Hurras al-Din*, *Khatam al-Anbiya*, *Deir ez-Zor*): the word is a name's,
    as the capital after the hyphen shows, not a lower-case word ending the
    run; a lower-case word with a hyphen (*al-based*) still is one."""
    screener = text_screener(
        [
            *(listing(x, "maher", "Person", "Maher AL-ASSAD") for x in ("uk_ofsi", "us_ofac_sdn")),
            *(
                listing(x, "hd", "Organization", "Hurras al-Din")
                for x in ("au_dfat", "us_ofac_sdn")
            ),
        ]
    )
    found = found_mentions(screener.screen_text("Officials met Maher al-Assad in Damascus."))
    assert found == {"uk_ofsi:maher": ["Maher al-Assad"], "us_ofac_sdn:maher": ["Maher al-Assad"]}
    found = found_mentions(screener.screen_text("Hurras al-Din fighters were killed near Idlib."))
    assert set(found) == {"au_dfat:hd", "us_ofac_sdn:hd"}
    assert found_mentions(screener.screen_text("Officials met Maher in Damascus.")) == {}


def test_a_party_found_in_text_carries_its_listings_birth_estimates() -> None:
    """Name screening's hits carry the birth years a listing publishes as an
    estimate (``circa 1961``); so does a party found in text, for the listing
    its words matched and for the other listings of its profile, which they did
    not (JSON: ``birth_estimates``, absent where there are none)."""
    from thaw.index import CandidateIndex, entry_from_record
    from thaw.profiles.screening import PartyScreener
    from thaw.screen.text import TextScreener

    records = [
        Record(
            "us_ofac_sdn",
            "1",
            "Person",
            [Name("Arkadiy Ivanovich ZELENSKOVSKY")],
            birth_estimates=["1961"],
            programs=["TEST"],
        ),
        Record(
            "uk_ofsi",
            "2",
            "Person",
            [Name("Arkady ZELENSKOVSKIY-BRODT")],
            birth_estimates=["1962"],
            programs=["TEST"],
        ),
    ]
    index = CandidateIndex.build(entry_from_record(r) for r in records)
    profile_of = {("us_ofac_sdn", "1"): "p-z", ("uk_ofsi", "2"): "p-z"}
    screener = TextScreener(PartyScreener(index=index, profile_of=profile_of))
    result = screener.screen_text("The bank wired funds to Arkadiy Ivanovich Zelenskovsky.")
    (party,) = result.parties
    listings = {(x["source"], x["found_by"]): x for x in party.to_dict()["listings"]}
    assert listings["us_ofac_sdn", "name"]["birth_estimates"] == ["1961"]
    assert listings["uk_ofsi", "party"]["birth_estimates"] == ["1962"]


def test_a_ukrainian_name_in_o_declined() -> None:
    """Ukrainian declines a man's name ending in *-о* as a hard stem (*Дмитро*:
    *Дмитра*, *Дмитру*, *Дмитром*; *Шевченко*: *Шевченка*): the dictionary form of
    such a word may end in *-о*, so that *Дмитру Уткіну* is Dmytro UTKIN."""
    screener = text_screener(
        [
            listing(x, "utkin", "Person", "Dmitriy UTKIN", "Dmytro UTKIN")
            for x in ("uk_ofsi", "au_dfat")
        ]
    )
    for text in (
        "СБУ повідомила про підозру Дмитру Уткіну.",
        "Суд заочно заарештував Дмитра Уткіна.",
    ):
        found = found_mentions(screener.screen_text(text))
        assert set(found) == {"uk_ofsi:utkin", "au_dfat:utkin"}, text


def test_a_surname_after_a_title_names_the_well_known_bearer() -> None:
    """A surname alone after a title (*President Putin*, *Minister Lavrov*,
    *генерал-полковник Дворников*, declined: *с министром Лавровым*) names the
    one person two authorities or more list under it (not a namesake one list
    holds); a surname of many listed names (*Ivanov*), a title before a full
    name's first word, or a title before a company's word (*General Motors*)
    names nobody by this rule."""
    screener = text_screener(
        [
            *(
                listing(x, "putin", "Person", "Vladimir Vladimirovich PUTIN")
                for x in ("uk_ofsi", "au_dfat")
            ),
            listing("us_ofac_sdn", "iputin", "Person", "Igor Alexandrovich PUTIN"),
            *(listing(x, "lavrov", "Person", "Sergei LAVROV") for x in ("uk_ofsi", "au_dfat")),
            *(
                listing(x, "dvornikov", "Person", "Alexander DVORNIKOV")
                for x in ("uk_ofsi", "ca_sema")
            ),
            listing("us_ofac_sdn", "motors", "Person", "Ali MOTORS"),
        ]
    )
    for text, key in (
        ("President Putin arrived in Minsk on Monday.", "uk_ofsi:putin"),
        ("Mr. Lavrov declined to comment.", "uk_ofsi:lavrov"),
        ("Встреча с министром Лавровым прошла в Москве.", "au_dfat:lavrov"),
        ("Генерал-полковник Дворников выступил на совещании.", "ca_sema:dvornikov"),
    ):
        found = found_mentions(screener.screen_text(text))
        assert key in found, text
        assert "us_ofac_sdn:iputin" not in found, text
    assert found_mentions(screener.screen_text("General Motors reported a profit.")) == {}
    assert found_mentions(screener.screen_text("Putin arrived in Minsk on Monday.")) == {}


def test_a_given_name_and_patronymic_name_no_one() -> None:
    """*Viktor Anatolyevich* (how Russian addresses anyone politely) is no
    listed Victor Anatolyevich POLYAKOV: a given name and a patronymic without
    a surname name nobody, in Latin or Cyrillic letters, declined too; with the
    surname they name him."""
    screener = text_screener(
        [
            listing(x, "pol", "Person", "Victor Anatolyevich POLYAKOV")
            for x in ("uk_ofsi", "au_dfat")
        ]
    )
    for text in (
        "The claimant, Viktor Anatolyevich Smirnov-Lebedev, appealed.",
        "«Спасибо, Виктор Анатольевич», — сказал ведущий.",
        "Мы поблагодарили Виктора Анатольевича за помощь.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    found = found_mentions(screener.screen_text("Victor Anatolyevich Polyakov appealed."))
    assert set(found) == {"uk_ofsi:pol", "au_dfat:pol"}


@pytest.mark.realdata
def test_a_patronymic_in_another_spelling(real_profiles_home: Path) -> None:
    """A patronymic spelt with *y* where the list writes *i* or *ij*
    (*Anatolyevich*, OFAC's *Anatolijevitch*) is the same patronymic: on the
    real lists *Viktor Anatolyevich Bout* names BOUT, Viktor Anatolijevitch
    (and no other Viktor Anatolyevich)."""
    from thaw.profiles.screening import PartyScreener
    from thaw.screen.text import TextScreener

    screener = TextScreener(PartyScreener(real_profiles_home))
    result = screener.screen_text("The claimant, Viktor Anatolyevich Bout, appealed.")
    assert [p.hit.name for p in result.parties] == ["BOUT, Viktor Anatolijevitch"]


@pytest.mark.realdata
def test_seventh_blind_set(real_profiles_home: Path) -> None:
    """The seventh blind set (94 sentences in fifteen languages, written and
    committed before it was first screened) on the real lists: first screened
    71 of its 100 parties found and 7 extra (the dev half's *Совет Федерации*
    was the listed Federation Council the labels then missed, now expected:
    101 parties); then 78 of 101 and 4 extra on the newest publications (78
    and 5, all in the held half, on a store of every publication); now 84 and
    4 (84 and 5 on every publication: names of capitals and digits, Chinese
    generic words after a country, surnames after a title or a speech cue)."""
    report = _blind_set(real_profiles_home, "sentences_blind7.json", 94)
    figures = (report["found"], report["extra"])
    assert report["found"] >= 84, figures
    assert report["extra"] <= 4, figures


def test_a_word_before_a_building_or_street_names_that_place() -> None:
    """*Al-Aqsa Mosque*, *Azadi Hotel*, *Rashid Street* are places named
    after a word: the word before a building's or street's noun is no listed
    organisation's one-word name (Al-Aqsa Foundation); alone it still is."""
    screener = text_screener(
        [
            listing(x, "aqsa", "Organization", "Al-Aqsa Foundation", "AL-AQSA")
            for x in ("us_ofac_sdn", "un_sc")
        ]
    )
    for text in (
        "Worshippers gathered at the Al-Aqsa Mosque in Jerusalem.",
        "Worshippers gathered at the al-Aqsa mosque in Jerusalem.",
        "Police closed the gates of al-Aqsa Mosque on Friday.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    found = found_mentions(screener.screen_text("The donations went to Al-Aqsa in Yemen."))
    assert set(found) == {"us_ofac_sdn:aqsa", "un_sc:aqsa"}
