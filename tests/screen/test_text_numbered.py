"""Text screening of what text11's report left on the seventh blind set's dev
half: names of capitals and digits, a surname after a title followed by a
place, Chinese organisation names translated word for word. Small fixture lists."""

from __future__ import annotations

from tests.screen.text_lists import found_mentions, listing, text_screener


def test_a_name_of_capitals_and_digits_names_the_organisation_listed_so() -> None:
    """*MS-13*, *M23*, *17N*: an armed group or gang named by a number is found
    as a word of prose when a list publishes that very name (its letters and
    digits); a code no list publishes (*F-16*, *COVID-19*) and a person or
    vessel of that name (a vessel is found after a vessel word) are not."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "ms", "Organization", "MARA SALVATRUCHA", "MS-13"),
            listing("un_sc", "m23", "Organization", "MARCH 23 MOVEMENT", "M23"),
            listing("us_ofac_sdn", "n17", "Organization", "REVOLUTIONARY ORGANIZATION", "17N"),
            listing("us_ofac_sdn", "f16", "Vessel", "F-16"),
        ]
    )
    for text, key in (
        ("El juzgado procesó a tres miembros de la MS-13 por extorsión.", "us_ofac_sdn:ms"),
        ("Fighting between the army and M23 resumed near Goma.", "un_sc:m23"),
        ("The 17N cell claimed the bombing in 1975.", "us_ofac_sdn:n17"),
    ):
        assert set(found_mentions(screener.screen_text(text))) == {key}, text
    for text in (
        "An F-16 flew over the base.",
        "COVID-19 closed the port in 2020.",
        "The ms-13 of the list is in lower case.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_a_surname_after_a_title_may_be_followed_by_a_place() -> None:
    """A surname after a title that a place's name follows (*Cumhurbaşkanı
    Putin Ankara'ya geldi*: President Putin came to Ankara; *President Putin
    Moscow time*) still names the well-known bearer; a capitalised word that
    is no place (*President Putin Ivanovich*) still makes it a full name."""
    screener = text_screener(
        [
            listing(x, "putin", "Person", "Vladimir Vladimirovich PUTIN")
            for x in ("uk_ofsi", "au_dfat")
        ]
    )
    for text in (
        "Cumhurbaşkanı Putin Ankara'ya geldi.",
        "Президент Путин Москве ничего не сказал.",
    ):
        assert "uk_ofsi:putin" in found_mentions(screener.screen_text(text)), text
    assert found_mentions(screener.screen_text("Minister Putin Ivanovich resigned.")) == {}
    found = found_mentions(screener.screen_text("Mr Ivanov President Putin Ankara'da."))
    assert "uk_ofsi:putin" in found


def test_a_chinese_name_of_generic_words_after_its_country() -> None:
    """A Chinese organisation name of generic words alone, written after the
    country it belongs to (俄罗斯联合造船集团: Russia, united, shipbuilding,
    group; 朝鲜侦察总局: North Korea, reconnaissance, general, bureau), names
    the organisation listed under those words in English (集团 also as
    *corporation*); the same words without a country before them, or two
    generic words alone (俄罗斯石油公司 is no OIL COMPANY), name none."""
    screener = text_screener(
        [
            *(
                listing(x, "usc", "Organization", "UNITED SHIPBUILDING CORPORATION")
                for x in ("uk_ofsi", "us_ofac_sdn")
            ),
            *(
                listing(x, "rgb", "Organization", "RECONNAISSANCE GENERAL BUREAU")
                for x in ("un_sc", "us_ofac_sdn")
            ),
            listing("us_ofac_sdn", "oil", "Organization", "OIL COMPANY"),
        ]
    )
    found = found_mentions(screener.screen_text("俄罗斯联合造船集团在北德文斯克举行了下水仪式。"))
    assert set(found) == {"uk_ofsi:usc", "us_ofac_sdn:usc"}
    found = found_mentions(screener.screen_text("朝鲜侦察总局被指控策划了网络攻击。"))
    assert set(found) == {"un_sc:rgb", "us_ofac_sdn:rgb"}
    assert found_mentions(screener.screen_text("联合造船集团在北德文斯克举行了仪式。")) == {}
    assert found_mentions(screener.screen_text("俄罗斯石油公司的股价上涨。")) == {}


def test_a_core_name_before_a_continent_and_a_legal_form_name_analysis_does_not_know() -> None:
    """GARANTEX EUROPE OÜ (a continent, not a country; an Estonian legal form
    that name analysis reads as one letter) is named by its core name
    *garantex*, in a chat message too (all lower case: a word two authorities
    list it by); a name whose other word is no place (GARANTEX TRADING
    PARTNERS OÜ) is not."""
    screener = text_screener(
        [
            *(
                listing(x, "gx", "Organization", "GARANTEX EUROPE OÜ")
                for x in ("uk_ofsi", "us_ofac_sdn")
            ),
            *(
                listing(x, "sx", "Organization", "SIMPLEX PARTNERS OÜ")
                for x in ("uk_ofsi", "us_ofac_sdn")
            ),
        ]
    )
    found = found_mentions(screener.screen_text("can we still cash out via garantex or is it dead"))
    assert set(found) == {"uk_ofsi:gx", "us_ofac_sdn:gx"}
    assert found_mentions(screener.screen_text("can we still pay via simplex or is it dead")) == {}


def test_a_title_before_a_word_of_a_name_that_does_not_mark_its_surname() -> None:
    """A name published all in capitals with no comma (ABDUL GHANI BARADAR
    ABDUL AHMAD TURK, as Arabic and Pashto names are; nor does its alias
    *Mullah Baradar Akhund*, in title case) does not say which word is the
    surname: after a title (*Mullah*, a Pashto and Persian one) any of
    its words not known as a given name is (*Mullah Baradar*); a given name
    after a title (*President Ghani*) names nobody."""
    screener = text_screener(
        [
            listing(
                x, "bar", "Person", "ABDUL GHANI BARADAR ABDUL AHMAD TURK", "Mullah Baradar Akhund"
            )
            for x in ("uk_ofsi", "au_dfat")
        ]
    )
    found = found_mentions(screener.screen_text("The delegation met Mullah Baradar in Doha."))
    assert set(found) == {"uk_ofsi:bar", "au_dfat:bar"}
    assert found_mentions(screener.screen_text("President Ghani left Kabul.")) == {}


def test_a_surname_whose_words_are_reported_names_the_well_known_bearer() -> None:
    """A surname alone before a verb of speech or after *according to*
    (*Матвиенко заявила*, *по словам Силуанова*, *Lavrov said*) is a person's,
    as after a title: the one person two authorities or more list under it. A
    surname after a given name (*Sergei Lavrov said*) is a full name's; a
    surname alone with no such cue (*Lavrov arrived*) names nobody; a Latin
    word that name analysis folds into a listed one (*Baker*, BAQER) is not
    the surname the list spells, and a given name's child in a kunya (ABU
    BAQER) is no surname."""
    screener = text_screener(
        [
            *(
                listing(
                    x,
                    "mat",
                    "Person",
                    "Valentina Ivanovna MATVIYENKO",
                    "МАТВИЕНКО Валентина Ивановна",
                )
                for x in ("uk_ofsi", "au_dfat")
            ),
            *(
                listing(x, "sil", "Person", "Anton SILUANOV", "СИЛУАНОВ Антон")
                for x in ("uk_ofsi", "au_dfat")
            ),
            *(
                listing(x, "lav", "Person", "Sergei LAVROV", "ЛАВРОВ Сергей")
                for x in ("uk_ofsi", "au_dfat")
            ),
            *(
                listing(x, "lava", "Person", "Maria LAVROVA", "ЛАВРОВА Мария")
                for x in ("uk_ofsi", "us_ofac_sdn", "ca_sema")
            ),
            *(
                listing(x, "zol", "Person", "Mohammad BAQER ZOLQADR", "ABU BAQER")
                for x in ("uk_ofsi", "au_dfat")
            ),
        ]
    )
    for text, key in (
        ("Матвиенко заявила, что закон примут.", "uk_ofsi:mat"),
        ("По словам Силуанова, бюджет выдержит.", "uk_ofsi:sil"),
        ("Lavrov said the talks would go on.", "uk_ofsi:lav"),
    ):
        assert set(found_mentions(screener.screen_text(text))) == {
            key,
            key.replace("uk_ofsi", "au_dfat"),
        }, text
    found = found_mentions(screener.screen_text("По словам Лаврова, переговоры продолжатся."))
    assert set(found) == {"uk_ofsi:lav", "au_dfat:lav"}  # Lavrov's words, not LAVROVA's
    for text in ("Lavrov arrived in Minsk.", "Baker said the bread was late.", "Mr Baker left."):
        assert found_mentions(screener.screen_text(text)) == {}, text
