"""Text screening of what the dev halves of the blind sets showed after the
eleventh (issue 11, text16). A small fixture list; the eleventh blind set
itself on the real lists is at the end (``realdata``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Record


def _listed(
    sid: str, schema: str, *names: str, by: tuple[str, ...] = ("us_ofac_sdn",)
) -> list[Record]:
    """The listing of ``names`` by each authority of ``by``."""
    return [listing(source, sid, schema, *names) for source in by]


THREE = ("us_ofac_sdn", "uk_ofsi", "au_dfat")


def test_two_bare_surnames_joined_by_and() -> None:
    """Two surnames joined by *and* (*Голикова и Хуснуллин*) name no party
    together: each is a bare surname, and the first names its very well-known
    person though it opens the sentence, a name beside a name. Two words
    that are no surnames of such persons name nobody."""
    screener = text_screener(
        [
            *_listed("gol", "Person", "Tatyana Alekseyevna GOLIKOVA", by=THREE),
            *_listed("khu", "Person", "Marat Shakirzyanovich KHUSNULLIN", by=THREE),
        ]
    )
    text = "Голикова и Хуснуллин провели совещание о восстановлении Мариуполя."
    found = found_mentions(screener.screen_text(text))
    assert found == {
        **{f"{x}:gol": ["Голикова"] for x in THREE},
        **{f"{x}:khu": ["Хуснуллин"] for x in THREE},
    }
    for text in ("Смирнов и Хуснуллина нет.", "Россия и Китай подписали соглашение."):
        assert "us_ofac_sdn:gol" not in found_mentions(screener.screen_text(text)), text


def test_an_article_in_capitals_after_an_article_opens_a_name() -> None:
    """Articles do not stack, nor follow a vessel word: *AN* in capitals
    after *the* (*the AN SAN 1*) or *the tanker* opens the vessel's name the
    lists write in capitals; opening a sentence it may be the article."""
    screener = text_screener(
        [listing(x, "ansan", "Vessel", "AN SAN 1", "ANSAN-1") for x in ("us_ofac_sdn", "uk_ofsi")]
    )
    for text in (
        "The AN SAN 1 was seen loading coal at Nampo.",
        "Satellite images show the tanker AN SAN 1 off Nampo.",
    ):
        found = found_mentions(screener.screen_text(text))
        assert found == {"us_ofac_sdn:ansan": ["AN SAN 1"], "uk_ofsi:ansan": ["AN SAN 1"]}, text


def test_one_name_word_and_organization_is_named_by_the_word() -> None:
    """A listed name of one name word and *organization* ('NDRANGHETA
    ORGANIZATION) is named by that word alone, as one of a name word and a
    country is; a name word before another generic word (TBC BANK) is not."""
    screener = text_screener(
        [
            *_listed("ndr", "Organization", "'NDRANGHETA ORGANIZATION"),
            *_listed("tbc", "Organization", "TBC BANK"),
        ]
    )
    text = "La Fiscalía vinculó a la 'Ndrangheta con un cargamento de cocaína."
    assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:ndr": ["Ndrangheta"]}
    assert found_mentions(screener.screen_text("The fund bought shares of TBC in May.")) == {}


def test_a_declined_common_word_is_no_stem_a_list_spells() -> None:
    """A common word declined (Ukrainian *Ради*, of *Рада*, a council) is
    that word, not a stem of it a list spells as a name (*Радь*: RAAD, an
    alias of the REAL IRA); a declined name that is also a common word keeps
    its name."""
    screener = text_screener(
        [
            *_listed("rira", "Organization", "REAL IRA", "RAAD", by=("us_ofac_sdn", "au_dfat")),
            *_listed("gaz", "Organization", "GAZPROM", by=("us_ofac_sdn", "uk_ofsi")),
        ]
    )
    text = "Колокольцев опинився в новому санкційному списку Ради національної безпеки."
    assert found_mentions(screener.screen_text(text)) == {}
    found = found_mentions(screener.screen_text("Акции Газпрома упали на бирже."))
    assert set(found) == {"us_ofac_sdn:gaz", "uk_ofsi:gaz"}


def test_vietnamese_names_its_head_word_first() -> None:
    """Vietnamese writes an organisation's head word first and its generic
    words in two syllables (*Ngân hàng Quốc tế Ilsim*, Ilsim International
    Bank); translated, they name the listed bank; an unlisted bank of the
    same words names nothing."""
    screener = text_screener(
        [
            *_listed("ilsim", "Organization", "ILSIM INTERNATIONAL BANK"),
            *_listed("kara", "Organization", "KARAFARIN BANK"),
        ]
    )
    text = "Ngân hàng Quốc tế Ilsim của Triều Tiên bị Hội đồng Bảo an trừng phạt."
    found = found_mentions(screener.screen_text(text))
    assert found == {"us_ofac_sdn:ilsim": ["Ngân hàng Quốc tế Ilsim"]}
    text = "Bộ Tài chính Mỹ đã trừng phạt Ngân hàng Karafarin của Iran."
    assert found_mentions(screener.screen_text(text)) == {
        "us_ofac_sdn:kara": ["Ngân hàng Karafarin"]
    }
    text = "Ngân hàng Phát triển Việt Nam ký thỏa thuận với Ngân hàng Quốc tế Việt Nam."
    assert found_mentions(screener.screen_text(text)) == {}


def test_hindi_does_not_say_a_medial_inherent_vowel() -> None:
    """Hindi does not say the inherent *a* inside a word before a syllable
    with a vowel sign (खालसा *khālsā*, not *khālasā*), and the lists spell
    names as said (KHALSA): the Devanagari word is read so; a Hindi sentence
    of common words names nobody."""
    screener = text_screener(
        _listed("bk", "Organization", "Babbar Khalsa", by=("au_dfat", "uk_ofsi"))
    )
    text = "बब्बर खालसा के दो सदस्य पंजाब पुलिस ने पकड़े।"
    found = found_mentions(screener.screen_text(text))
    assert found == {"au_dfat:bk": ["बब्बर खालसा"], "uk_ofsi:bk": ["बब्बर खालसा"]}
    text = "दिल्ली में आज आज़ादी और क़िस्मत पर एक नाटक हुआ।"
    assert found_mentions(screener.screen_text(text)) == {}


def test_a_persian_p_before_h_is_two_letters() -> None:
    """Persian سپه is *s-p-h*, not *s-f*: a *p* before a *h* is two letters
    (the *h* at the end perhaps the vowel ه writes), and the word names the
    listed Bank Sepah beside its generic word; the word alone names nothing."""
    screener = text_screener(
        _listed("sepah", "Organization", "Bank Sepah", by=("us_ofac_sdn", "ca_sema"))
    )
    text = "بانک انصار در بانک سپه ادغام شد."
    found = found_mentions(screener.screen_text(text))
    assert found == {"us_ofac_sdn:sepah": ["بانک سپه"], "ca_sema:sepah": ["بانک سپه"]}


@pytest.mark.realdata
def test_eleventh_blind_set(real_profiles_home: Path) -> None:
    """The eleventh blind set (108 sentences in seventeen languages, written
    and committed before it was first screened) on the real lists: first
    screened 69 of its 119 parties found and 7 extra on an engineer's loaded
    home; 79 and 6 there after the fixes of this file (the lists as the suite
    loads them may differ by a few)."""
    report = _blind_set(real_profiles_home, "sentences_blind11.json", 108)
    figures = (report["found"], report["extra"])
    assert report["found"] >= 75, figures
    assert report["extra"] <= 8, figures
