"""Text screening: organisation names translated word for word
(:mod:`thaw.screen.text.translated`)."""

from __future__ import annotations

import pytest

from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.screen.text import TextScreener
from thaw.screen.text.translated import _compound, _hangul_parts, _place


def _known(word: str) -> bool:
    return word in {"iranian", "korean", "russian"}


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("ایران", ("Iranian", "Iran")),  # the name, in Persian: the adjective first
        ("伊朗", ("Iranian", "Iran")),
        ("iranienne", ("Iranian", "Iran")),  # French adjective
        ("Iranische", ("Iranian", "Iran")),  # German adjective
        ("Chile", ("Chile",)),  # no listed word is the adjective: the name
        ("Oil", ()),
    ],
)
def test_places(word: str, english: tuple[str, ...]) -> None:
    assert _place(word, _known) == english


def test_compounds_and_korean_words() -> None:
    assert _compound("Ölgesellschaft") == ("oil company",)
    assert _compound("Rekordgewinne") == ()
    assert _compound("Zentralbank") == ("central bank",)
    assert _hangul_parts("조선광업개발무역회사") == (
        ["korea", "mining", "development", "trading", "company"],
        "",
    )
    assert _hangul_parts("고려항공") == (["air"], "고려")
    assert _hangul_parts("삼성전자") == ([], "삼성전자")


@pytest.fixture(scope="module")
def screener() -> TextScreener:
    return text_screener(
        [
            listing("us_ofac_sdn", "1", "Organization", "NATIONAL IRANIAN OIL COMPANY", "NIOC"),
            listing("us_ofac_sdn", "2", "Organization", "AIR KORYO"),
            listing("un_sc", "3", "Organization", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),
            listing("us_ofac_sdn", "4", "Organization", "MAHAN AIR"),
            listing("us_ofac_sdn", "5", "Organization", "NATIONAL OIL CORPORATION OF KENYA"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "key", "mention"),
    [
        ("شرکت ملی نفت ایران قرارداد تازه‌ای امضا کرد.", "us_ofac_sdn:1", "شرکت ملی نفت ایران"),
        ("伊朗国家石油公司向中国出口的原油有所增加。", "us_ofac_sdn:1", "伊朗国家石油公司"),
        (
            "Die Nationale Iranische Ölgesellschaft hat ihre Exporte gesteigert.",
            "us_ofac_sdn:1",
            "Nationale Iranische Ölgesellschaft",
        ),
        (
            "La Compagnie nationale iranienne du pétrole a réduit ses exportations.",
            "us_ofac_sdn:1",
            "Compagnie nationale iranienne du pétrole",
        ),
        ("고려항공 여객기가 평양에서 출발했다.", "us_ofac_sdn:2", "고려항공"),
        ("조선광업개발무역회사는 무기 수출에 관여했다.", "un_sc:3", "조선광업개발무역회사"),
        ("هواپیمای ماهان ایر از تهران به دمشق پرواز کرد.", "us_ofac_sdn:4", "ماهان ایر"),
        # a country the listed name gives as "of Kenya", the prose as an adjective
        ("شرکت ملی نفت کنیا", "us_ofac_sdn:5", "شرکت ملی نفت کنیا"),
    ],
)
def test_translated_names(screener: TextScreener, text: str, key: str, mention: str) -> None:
    result = screener.screen_text(text)
    assert found_mentions(result) == {key: [mention]}
    if not text.startswith("هواپیمای"):  # (Mahan Air: a loan word, no translation)
        assert result.parties[0].hit.explanation.startswith("read in English as ")


@pytest.mark.parametrize(
    "text",
    [
        # the same generic words, another country: no listed company has them all
        "La Empresa Nacional del Petróleo de Chile anunció inversiones.",
        "Die staatliche Ölgesellschaft Norwegens meldete Rekordgewinne.",
        "شرکت ملی نفت نروژ",  # Norway's national oil company
        "부산은행과 롯데그룹이 새로운 협약을 체결했다.",
        "中国工商银行与比亚迪在深圳签署合作协议。",
        "The national oil company of Iran is state-owned.",
    ],
)
def test_no_company_from_generic_words_alone(screener: TextScreener, text: str) -> None:
    assert screener.screen_text(text).parties == ()


def test_an_arabic_word_without_the_article_is_a_common_noun() -> None:
    screener = text_screener(
        [
            listing("un_sc", "9", "Organization", "AL-QAIDA", "القاعدة"),
            listing("us_ofac_sdn", "10", "Organization", "AL QA'IDA", "القاعدة"),
        ]
    )
    found = found_mentions(screener.screen_text("أعلن تنظيم القاعدة مسؤوليته عن الهجوم."))
    assert set(found) == {"un_sc:9", "us_ofac_sdn:10"}
    # قاعدة عسكرية, *a military base*
    assert screener.screen_text("هاجم المسلحون قاعدة عسكرية في الجنوب.").parties == ()


def test_a_korean_name_before_a_generic_word() -> None:
    screener = text_screener([listing("us_ofac_sdn", "11", "Organization", "LAZARUS GROUP")])
    found = found_mentions(screener.screen_text("라자루스 그룹이 암호화폐 거래소를 해킹했다."))
    assert found == {"us_ofac_sdn:11": ["라자루스 그룹"]}
    # a particle closes the name: 라자루스와 그룹 is *Lazarus and a group*
    assert screener.screen_text("라자루스와 그룹이 만났다.").parties == ()


def test_a_name_in_a_hyphenated_compound() -> None:
    records = [
        listing("us_ofac_sdn", "12", "Organization", "SBERBANK"),
        listing("uk_ofsi", "13", "Organization", "Sberbank"),
        listing("us_ofac_sdn", "14", "Organization", "ROLLS"),
    ]
    screener = text_screener(records)
    found = found_mentions(screener.screen_text("Der Sberbank-Chef traf sich mit Investoren."))
    assert set(found) == {"us_ofac_sdn:12", "uk_ofsi:13"}
    # one authority's name in a compound is no mention
    assert screener.screen_text("A Rolls-Royce was parked outside.").parties == ()
