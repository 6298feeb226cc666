"""Text screening of what the dev halves of the blind sets showed after the
ninth (issue 11, text14). A small fixture list; the ninth blind set itself on
the real lists is at the end (``realdata``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener


def test_a_roman_numeral_ends_a_vessels_name() -> None:
    """The lists read a Roman numeral in a vessel's name as its number
    (BICENTENARIO XVI: *bicentenario 16*); prose writes the numeral, with or
    without a vessel word before the name. A numeral no listed name holds
    (*King Charles III*) joins nothing."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "b16", "Vessel", "BICENTENARIO XVI"),
            listing("us_ofac_sdn", "b1", "Vessel", "BICENTENARIO I"),
        ]
    )
    for text in (
        "The tanker Bicentenario XVI sailed for Havana.",
        "O navio-tanque venezuelano Bicentenario XVI descarregou em Cuba.",
        "BICENTENARIO XVI ARRIVED MATANZAS 04.02",
    ):
        assert set(found_mentions(screener.screen_text(text))) == {"us_ofac_sdn:b16"}, text
    assert found_mentions(screener.screen_text("King Charles III visited Caracas.")) == {}


def test_one_word_and_its_legal_form_name_the_company_listed_so() -> None:
    """A word alone proves little (*Rahat* is an Israeli city); written with
    the legal form the listing publishes it with (RAHAT LTD.) it is that
    company's whole name. The city alone, or the word with another
    organisation word, names nothing."""
    screener = text_screener(
        [listing(x, "rahat", "Organization", "RAHAT LTD.") for x in ("un_sc", "us_ofac_sdn")]
    )
    found = found_mentions(screener.screen_text("Rahat Ltd., a hawala in Kandahar, moved funds."))
    assert found == {"un_sc:rahat": ["Rahat Ltd"], "us_ofac_sdn:rahat": ["Rahat Ltd"]}
    for text in (
        "Police in the Israeli city of Rahat were not involved.",
        "The Rahat Foundation is unrelated.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_a_surname_after_a_senator_or_a_deputy() -> None:
    """*Senator*, *депутат*, *senatore*, *poseł* are titles a surname follows
    alone as *President* and *генерал* are, in Russian declined too: the one
    person two authorities or more list under it. A surname many listed
    persons share (*Senator Wong*) names nobody."""
    screener = text_screener(
        [
            *(
                listing(x, "kond", "Person", "Aleksey Nikolayevich KONDRATENKO")
                for x in ("uk_ofsi", "us_ofac_sdn")
            ),
            *(
                listing(x, "khas", "Person", "Murat KHASANOV", "Мурат Хасанов")
                for x in ("uk_ofsi", "au_dfat")
            ),
            *(
                listing("us_ofac_sdn", f"wong{i}", "Person", f"WONG, {given}")
                for i, given in enumerate(("Kam Chung", "Wai Lun", "Ah Man", "Siu Kei"))
            ),
        ]
    )
    found = found_mentions(screener.screen_text("Il senatore Kondratenko ha visitato Sebastopoli."))
    assert found == {"uk_ofsi:kond": ["Kondratenko"], "us_ofac_sdn:kond": ["Kondratenko"]}
    found = found_mentions(screener.screen_text("Слова депутата Хасанова прозвучали в Думе."))
    assert set(found) == {"uk_ofsi:khas", "au_dfat:khas"}
    assert found_mentions(screener.screen_text("Senator Wong said in Canberra.")) == {}


@pytest.mark.realdata
def test_ninth_blind_set(real_profiles_home: Path) -> None:
    """The ninth blind set (126 sentences in seventeen languages, written and
    committed before it was first screened) on the real lists: first screened
    111 of its 155 parties found and 11 extra on an engineer's loaded home;
    115 of 158 and 8 once its labels were corrected; now 118 and 8 there, and
    119 and 12 on the lists as the suite loads them."""
    report = _blind_set(real_profiles_home, "sentences_blind9.json", 126)
    figures = (report["found"], report["extra"])
    assert report["found"] >= 119, figures
    assert report["extra"] <= 12, figures
