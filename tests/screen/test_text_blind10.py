"""Text screening of what the dev halves of the blind sets showed after the
tenth (issue 11, text15). A small fixture list; the tenth blind set itself on
the real lists is at the end (``realdata``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener


def test_an_arabic_word_with_an_indefinite_ending_names_nobody() -> None:
    """Arabic writes the indefinite ending (tanwin) on common words
    (صادراً *issued*), never on a name: such a word is not the listed
    SADRA its consonants spell; the name written as a name is."""
    screener = text_screener(
        [
            listing(x, "sadra", "Organization", "IRAN MARINE INDUSTRIAL COMPANY", "SADRA")
            for x in ("us_ofac_sdn", "uk_ofsi")
        ]
    )
    text = "رفض البنك اعتماداً مستندياً صادراً عن بنك في طهران."
    assert found_mentions(screener.screen_text(text)) == {}
    found = found_mentions(screener.screen_text("فرضت الولايات المتحدة عقوبات على صدرا."))
    assert set(found) == {"us_ofac_sdn:sadra", "uk_ofsi:sadra"}


def test_an_ordinal_opens_an_organisations_name() -> None:
    """Prose decides which of its phrases name an organisation: an ordinal
    before an organisation's head word (*the Second Economic Committee*) is
    the number the lists read it as there, not a word of a person's name. An
    ordinal before other words names nothing."""
    screener = text_screener(
        [
            listing(x, "sec", "Organization", "SECOND ECONOMIC COMMITTEE")
            for x in ("un_sc", "uk_ofsi")
        ]
    )
    text = "The bank processed payments in which the Second Economic Committee held an interest."
    found = found_mentions(screener.screen_text(text))
    assert found == {
        "un_sc:sec": ["Second Economic Committee"],
        "uk_ofsi:sec": ["Second Economic Committee"],
    }
    for text in ("The Second World War ended.", "Second, the bank said it had no link to Tehran."):
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_a_polish_surname_in_ko_declined_as_a_noun_in_a() -> None:
    """Polish declines a surname in *-ko* as a feminine noun in *-a* (*z
    Romanem Gołowczenką*): its oblique case is the
    nominative with the case ending in place of the *-o*."""
    screener = text_screener(
        [
            listing(x, "gol", "Person", "Roman Aleksandrovich GOLOVCHENKO")
            for x in ("ca_sema", "uk_ofsi")
        ]
    )
    text = "Premier przyjechał do Mińska na rozmowy z Romanem Gołowczenką."
    found = found_mentions(screener.screen_text(text))
    assert found == {
        "ca_sema:gol": ["Romanem Gołowczenką"],
        "uk_ofsi:gol": ["Romanem Gołowczenką"],
    }


def test_a_vessel_named_after_a_person_is_the_person_in_prose() -> None:
    """A vessel named after a person (MAKSIM GORKY) is, in prose that writes
    the name as a person's, the person (*the writer Maxim Gorky*); a vessel
    word, an article, its number or capitals make it the vessel."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "gorky", "Vessel", "MAKSIM GORKY"),
            listing("us_ofac_sdn", "paek", "Vessel", "PAEK MA"),
        ]
    )
    text = "The city was called Gorky after the writer Maxim Gorky, whose house is a museum."
    assert found_mentions(screener.screen_text(text)) == {}
    for text, mention in (
        ("The tanker Maksim Gorky sailed from Jose.", "Maksim Gorky"),
        ("MAKSIM GORKY (IMO 9590008) sailed from Jose.", "MAKSIM GORKY"),
    ):
        assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:gorky": [mention]}
    found = found_mentions(screener.screen_text("AIS data showed the Paek Ma off Nampo."))
    assert found == {"us_ofac_sdn:paek": ["Paek Ma"]}


def test_a_bare_surname_names_a_very_well_known_person() -> None:
    """Prose names a very well-known person by the surname alone, with no
    title or verb of speech beside it (*the assets of Kuzmichev*, *Решетников с
    ним согласился*): the one person three authorities or more list under it.
    A surname only two authorities list, or a word opening a sentence, names
    nobody."""
    screener = text_screener(
        [
            *(
                listing(x, "kuz", "Person", "Alexey Viktorovich KUZMICHEV")
                for x in ("us_ofac_sdn", "uk_ofsi", "au_dfat")
            ),
            *(
                listing(x, "resh", "Person", "Maxim Gennadyevich RESHETNIKOV")
                for x in ("uk_ofsi", "au_dfat", "ca_sema")
            ),
            *(listing(x, "petr", "Person", "Ivan PETROVSKY") for x in ("us_ofac_sdn", "uk_ofsi")),
        ]
    )
    found = found_mentions(screener.screen_text("The assets of Kuzmichev are frozen."))
    assert set(found) == {"us_ofac_sdn:kuz", "uk_ofsi:kuz", "au_dfat:kuz"}
    found = found_mentions(screener.screen_text("Бюджет выдержит; Решетников с ним согласился."))
    assert set(found) == {"uk_ofsi:resh", "au_dfat:resh", "ca_sema:resh"}
    for text in ("The assets of Petrovsky are frozen.", "Kuzmichev? The court will decide."):
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_a_persian_z_written_with_an_arabic_letter() -> None:
    """Persian reads Arabic ض, ظ and ذ as *z*, and the Latin spellings of
    Persian names write them so (مستضعفان *Mostazafan*), where Arabic reads
    *d* and *dh*: the word meets the listed name as Persian reads it."""
    screener = text_screener(
        [
            listing(x, "irmf", "Organization", "BONYAD MOSTAZAFAN")
            for x in ("us_ofac_sdn", "uk_ofsi")
        ]
    )
    text = "رئیس بنیاد مستضعفان در مراسمی در تهران سخنرانی کرد."
    found = found_mentions(screener.screen_text(text))
    assert found == {
        "us_ofac_sdn:irmf": ["بنیاد مستضعفان"],
        "uk_ofsi:irmf": ["بنیاد مستضعفان"],
    }


def test_a_name_of_words_read_as_trades_named_as_listed() -> None:
    """Name analysis reads some foreign words as the trades they translate
    (*Sarmayeh*, Persian for capital: *investment*): a window of such words is
    no trade and legal form when a list publishes it as written (SARMAYEH
    BANK); the English words name nothing."""
    screener = text_screener(
        [listing(x, "sar", "Organization", "SARMAYEH BANK") for x in ("us_ofac_sdn", "uk_ofsi")]
    )
    text = "Tarama uyarısı: akreditifte görünen SARMAYEH BANK adı OFAC listesiyle eşleşti."
    found = found_mentions(screener.screen_text(text))
    assert found == {"us_ofac_sdn:sar": ["SARMAYEH BANK"], "uk_ofsi:sar": ["SARMAYEH BANK"]}
    assert found_mentions(screener.screen_text("The Investment Bank of Tehran said.")) == {}


def test_a_banks_name_without_its_country_in_its_own_order() -> None:
    """Prose drops the country that ends a bank's name (*Bank Melli*: BANK
    MELLI IRAN); the window in that name's word order names it, not a
    subsidiary whose name holds the same words in another order (MELLI BANK
    PLC), which its own order still names."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "plc", "Organization", "MELLI BANK PLC"),
            *(
                listing(x, "bmi", "Organization", "BANK MELLI IRAN")
                for x in ("us_ofac_sdn", "uk_ofsi")
            ),
        ]
    )
    found = found_mentions(screener.screen_text("In Tehran Bank Melli opened a branch."))
    assert set(found) == {"us_ofac_sdn:bmi", "uk_ofsi:bmi"}
    found = found_mentions(screener.screen_text("The Melli Bank in London closed."))
    assert set(found) == {"us_ofac_sdn:plc"}


@pytest.mark.realdata
def test_tenth_blind_set(real_profiles_home: Path) -> None:
    """The tenth blind set (106 sentences in seventeen languages, written and
    committed before it was first screened) on the real lists: first screened
    92 of its 122 parties found and 3 extra on an engineer's loaded home; 98
    and 1 there after the fixes of this file (the lists as the suite loads
    them may differ by a few: the ninth set's extras were 6 there, 10 here)."""
    report = _blind_set(real_profiles_home, "sentences_blind10.json", 106)
    figures = (report["found"], report["extra"])
    assert report["found"] >= 94, figures
    assert report["extra"] <= 5, figures
