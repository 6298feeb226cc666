"""Text screening of what the dev half of the seventh blind set (issue 11)
showed. A small fixture list; the blind set itself on the real lists is at the
end (``realdata``)."""

from __future__ import annotations

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
