"""Text screening of what the dev half of the fourth blind set (issue 11) showed
missing: a name written as the list spells it in one of its names but scoring
best against another, and two parties publishing one name. A small fixture
list; the blind set itself on the real lists is at the end (``realdata``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Name, Record
from thaw.screen.text.mentions import Mention, find_mentions
from thaw.screen.text.translated import _place


def test_a_name_written_as_another_of_the_listing_s_names() -> None:
    """*Сергей Шойгу* scores best against the listing's Cyrillic *Серхей
    Кужухетович Шойху* (one letter apart), which does not cover it word for
    word; the listing's *Sergei SHOIGU*, read as Russian writes it, does."""
    shoigu = Record(
        "au_dfat",
        "shoigu",
        "Person",
        names=[
            Name("Sergei Kuzhugetovich SHOIGU", "primary"),
            Name("Серхей Кужухетович Шойху", "original"),
        ],
        programs=["TEST"],
    )
    screener = text_screener([shoigu, listing("us_ofac_sdn", "x", "Person", "IVANOV, Petr")])
    found = found_mentions(screener.screen_text("Министр обороны Сергей Шойгу провёл совещание."))
    assert found == {"au_dfat:shoigu": ["Сергей Шойгу"]}


def test_a_name_two_parties_publish_is_the_one_written_so() -> None:
    """Two banks score alike on *ALFA-BANK JSC* (a name-only score is capped;
    the Belarusian bank publishes *ЗАО "АЛЬФА-БАНК"*, Alfa-Bank CJSC): the one
    that publishes the name as written is reported."""
    screener = text_screener(
        [
            listing(
                "ca_sema", "alfa-by", "Organization", "Alfa-Bank ZAO (Belarus)", 'ЗАО "АЛЬФА-БАНК"'
            ),
            listing("uk_ofsi", "alfa", "Organization", "ALFA-BANK JSC"),
        ]
    )
    found = found_mentions(screener.screen_text("/BNF/ ALFA-BANK JSC MOSCOW /REF/ INV 22-0917"))
    assert found == {"uk_ofsi:alfa": ["ALFA-BANK JSC"]}


def test_an_organisation_transcribed_in_chinese_prose() -> None:
    """Chinese prose writes a foreign organisation's name in characters read for
    their sound, with no dot or space around (哈马斯表示 …: *Hamas* said);
    characters ending as a transcription does (斯 writes *s*) are tried as the
    name of an organisation two authorities list. A country so written
    (俄罗斯) is none."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "hamas", "Organization", "HAMAS"),
            listing("au_dfat", "hamas", "Organization", "Hamas"),
            listing("us_ofac_sdn", "ros", "Organization", "ELOS"),
            listing("au_dfat", "ros", "Organization", "Elos"),
        ]
    )
    found = found_mentions(screener.screen_text("哈马斯表示愿意在开罗继续谈判。"))
    assert found.keys() == {"us_ofac_sdn:hamas", "au_dfat:hamas"}
    assert found["au_dfat:hamas"] == ["哈马斯"]
    assert found_mentions(screener.screen_text("俄罗斯表示愿意继续谈判。")) == {}


def test_a_translated_name_declined_in_russian_and_ukrainian() -> None:
    """A company's name translated word for word and declined (*Национальной
    иранской нефтяной компании*, *Національна іранська нафтова компанія*): its
    generic words in any case, and a country's adjective (*иранской*,
    *іранська*: Iranian) read from its stem."""
    screener = text_screener(
        [listing("us_ofac_sdn", "nioc", "Organization", "NATIONAL IRANIAN OIL COMPANY")]
    )
    for text, mention in [
        (
            "Экспорт Национальной иранской нефтяной компании вырос.",
            "Национальной иранской нефтяной компании",
        ),
        (
            "Національна іранська нафтова компанія збільшила експорт.",
            "Національна іранська нафтова компанія",
        ),
    ]:
        assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:nioc": [mention]}
    assert found_mentions(screener.screen_text("Национальной сирийской нефтяной компании.")) == {}


MEANING_LISTINGS = [
    listing("us_ofac_sdn", "isil", "Organization", "ISLAMIC STATE OF IRAQ AND THE LEVANT"),
    listing(
        "un_sc", "isil", "Organization", "ISLAMIC STATE IN IRAQ AND THE LEVANT", "ISLAMIC STATE"
    ),
    listing("au_dfat", "hizballah", "Organization", "Hizballah", "Party of God"),
    listing("us_ofac_sdn", "pkk", "Organization", "KURDISTAN WORKERS' PARTY"),
]


@pytest.mark.parametrize(
    ("text", "key", "mention"),
    [
        ("L'État islamique a revendiqué l'attentat.", "un_sc:isil", "L'État islamique"),
        ("El Estado Islámico reivindicó el ataque.", "un_sc:isil", "Estado Islámico"),
        ("Боевики «Исламского государства» атаковали.", "un_sc:isil", "Исламского государства"),
        ("تبنى تنظيم الدولة الإسلامية الهجوم.", "un_sc:isil", "الدولة الإسلامية"),
        ("伊斯兰国宣称对袭击负责。", "un_sc:isil", "伊斯兰国"),
        ("イスラム国が犯行声明を出した。", "un_sc:isil", "イスラム国"),
        ("ארגון המדינה האסלאמית לקח אחריות.", "un_sc:isil", "המדינה האסלאמית"),
        ("真主党发表声明。", "au_dfat:hizballah", "真主党"),
        (
            "Le Parti des travailleurs du Kurdistan a annoncé sa dissolution.",
            "us_ofac_sdn:pkk",
            "Parti des travailleurs du Kurdistan",
        ),
    ],
)
def test_a_name_translated_by_meaning(text: str, key: str, mention: str) -> None:
    """Armed groups and parties that other languages name by what their name
    means (*État islamique*, 伊斯兰国, イスラム国: Islamic State; 真主党: Party of
    God, Hizballah): the words of such names are read in English, and two of
    them name the party under the strict rules of a window of prose."""
    found = found_mentions(text_screener(MEANING_LISTINGS).screen_text(text))
    assert found.get(key) == [mention], found


def test_words_of_meaning_that_name_no_party() -> None:
    """A country's state department, a country's communist party, an Islamic
    development bank: words of the table that make no listed name."""
    screener = text_screener(MEANING_LISTINGS)
    for text in [
        "美国国务院发表声明。",
        "中国共产党召开会议。",
        "La Banque islamique de développement a financé le projet.",
        "La révolution islamique de 1979.",
    ]:
        assert found_mentions(screener.screen_text(text)) == {}, text


ISLAMIC_JIHADS = [
    listing("au_dfat", "pij", "Organization", "Palestinian Islamic Jihad"),
    listing("au_dfat", "hizballah", "Organization", "Hizballah", "Islamic Jihad"),
]


def test_a_country_s_adjective_in_hebrew_and_arabic() -> None:
    """A Hebrew or Arabic adjective of a country, with its article (הפלסטיני,
    الإيرانية: Palestinian, Iranian), is that country's in a translated name."""
    screener = text_screener(ISLAMIC_JIHADS)
    text = "הג'יהאד האסלאמי הפלסטיני קיבל אחריות על הירי מג'נין."
    assert found_mentions(screener.screen_text(text)) == {
        "au_dfat:pij": ["הג'יהאד האסלאמי הפלסטיני"]
    }
    assert _place("الإيرانية", lambda word: word == "iranian") == ("Iranian", "Iran")
    assert _place("השלישי", lambda word: True) == ()  # (the third: no country)


def test_a_longer_name_found_another_way_replaces_a_shorter_one() -> None:
    """A mention found another way (a name translated, read in Chinese …) that
    holds a shorter mention found word by word, and more, replaces it: the
    Palestinian Islamic Jihad whose first words are another group's alias
    *Islamic Jihad*; one that only overlaps a word-by-word mention is dropped."""
    screener = text_screener(ISLAMIC_JIHADS)
    text = "Funds went to the Islamic Jihad (Palestinian wing) in Gaza."
    start, end = text.index("Islamic"), text.index(" wing")
    pij = screener._lookup_keyed("Palestinian Islamic Jihad", None, ())

    def mentions(at: int) -> list[tuple[str, str]]:
        found = find_mentions(
            text,
            screener._lookup_keyed,
            screener._known,
            screener._single_keyed,
            lambda _: [Mention(at, end, text[at:end], pij[0])],
        )
        return [(p.key, m.text) for p in found for m in p.mentions]

    assert mentions(start) == [(pij[0].key, "Islamic Jihad (Palestinian")]
    assert [text for _, text in mentions(start + len("Islamic "))] == ["Islamic Jihad"]


SURNAME_LISTINGS = [
    listing("us_ofac_sdn", "lavrov", "Person", "LAVROV, Sergei Viktorovich"),
    listing("au_dfat", "lavrov", "Person", "Sergei Viktorovich LAVROV"),
    listing("us_trade_csl", "v-lavrov", "Person", "Vladimir Viktorovich Lavrov"),
    listing("us_ofac_sdn", "putin", "Person", "PUTIN, Vladimir Vladimirovich"),
    listing("uk_ofsi", "putin", "Person", "Vladimir Vladimirovich PUTIN"),
    listing("us_ofac_sdn", "a-lukashenko", "Person", "LUKASHENKO, Aleksandr Grigoryevich"),
    listing("au_dfat", "a-lukashenko", "Person", "Aleksandr Grigoryevich LUKASHENKO"),
    listing("us_ofac_sdn", "v-lukashenko", "Person", "LUKASHENKO, Viktor Aleksandrovich"),
    listing("au_dfat", "v-lukashenko", "Person", "Viktor Aleksandrovich LUKASHENKO"),
    listing("us_ofac_sdn", "shor", "Person", "SHOR, Ilan Mironovich"),
    listing("uk_ofsi", "shor", "Person", "Ilan Mironovich SHOR"),
]


@pytest.mark.parametrize(
    ("text", "key", "mention"),
    [
        ("ロシアのラブロフ外相は記者会見で述べた。", "au_dfat:lavrov", "ラブロフ"),
        ("俄罗斯外长拉夫罗夫抵达北京。", "au_dfat:lavrov", "拉夫罗夫"),
        ("拉夫罗夫与王毅在北京举行会谈。", "au_dfat:lavrov", "拉夫罗夫"),
        ("푸틴 대통령은 연설에서 말했다.", "uk_ofsi:putin", "푸틴"),
        ("プーチン大統領は演説で述べた。", "uk_ofsi:putin", "プーチン"),
    ],
)
def test_a_surname_alone_in_cjk_news(text: str, key: str, mention: str) -> None:
    """Korean, Chinese and Japanese news name a foreign leader by the surname
    alone, beside a title (ラブロフ外相, 푸틴 대통령) or, in Chinese, as a
    transcribed word (拉夫罗夫与王毅 …): the person whose surname it reads as
    best, if more authorities list them than any other who bears it (Sergei
    LAVROV, not Vladimir Lavrov whom one lists)."""
    found = found_mentions(text_screener(SURNAME_LISTINGS).screen_text(text))
    ofac = "us_ofac_sdn:" + key.split(":")[1]  # the same person's other listing
    assert found == {key: [mention], ofac: [mention]}


def test_a_surname_two_well_known_persons_bear_names_neither() -> None:
    """Two Lukashenkos listed by as many authorities: 卢卡申科总统 names
    neither; nor does a title beside a surname no listed person bears, a given
    name or a country (伊朗总统: Iran's president, not *Ilan* SHOR)."""
    screener = text_screener(SURNAME_LISTINGS)
    for text in [
        "卢卡申科总统会见了代表团。",
        "ジョンソン首相は述べた。",
        "王毅外长表示。",
        "伊朗总统莱希和外长阿卜杜拉希扬。",
        "イラン大統領は述べた。",
    ]:
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_a_russian_or_belarusian_name_as_polish_spells_it() -> None:
    """Polish writes a soft *e* as *ie* and *-ий* as *-ij* (*Biełaruśkalij*):
    read as English spells them (*Belaruskali*)."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "bk", "Organization", "BELARUSKALI OAO"),
            listing("uk_ofsi", "bk", "Organization", 'OPEN JOINT STOCK COMPANY "BELARUSKALI"'),
        ]
    )
    text = "Białoruski koncern Biełaruśkalij eksportuje nawozy przez rosyjskie porty."
    found = found_mentions(screener.screen_text(text))
    assert found == {"us_ofac_sdn:bk": ["Biełaruśkalij"], "uk_ofsi:bk": ["Biełaruśkalij"]}


def test_a_plural_that_sounds_like_a_group_s_name() -> None:
    """*Les Shebabs*: a plural no list spells whose singular sounds like a
    well-known group's one-word name (AL-SHABAAB) names it."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "shabaab", "Organization", "AL-SHABAAB"),
            listing("un_sc", "shabaab", "Organization", "AL-SHABAAB"),
        ]
    )
    found = found_mentions(screener.screen_text("Les Shebabs ont revendiqué l'attentat."))
    assert found == {"us_ofac_sdn:shabaab": ["Shebabs"], "un_sc:shabaab": ["Shebabs"]}


@pytest.mark.realdata
def test_fourth_blind_set(real_profiles_home: Path) -> None:
    """The fourth blind set (88 sentences in fifteen languages, written and
    committed before it was first screened) on the real lists: first screened
    52 of its 76 parties found and 4 extra (2 in the dev half: the Belarusian
    Alfa-Bank for the Russian one, ISLAMIC JIHAD GROUP for the Palestinian
    Islamic Jihad); now 63 on a store loaded with ``thaw update``, and no extra
    in the dev half."""
    report = _blind_set(real_profiles_home, "sentences_blind4.json", 80)
    assert report["found"] >= 60, report["misses"]
    assert report["extra"] <= 2


def test_an_organisation_by_its_core_name() -> None:
    """*Belavia* for BELAVIA BELARUSIAN AIRLINES: a listed name's first word,
    the rest a country's adjective and a generic word, names it alone, when no
    other listed name holds the word (*Port* names no PORT OF SEVASTOPOL). A
    US export list that does not say what the party is (``LegalEntity``) is
    read as the organisation another listing of it says it is."""
    screener = text_screener(
        [
            listing("us_bis_dpl", "belavia", "LegalEntity", "BELAVIA BELARUSIAN AIRLINES"),
            listing(
                "us_ofac_sdn",
                "belavia",
                "Organization",
                "OPEN JOINT STOCK COMPANY BELAVIA BELARUSIAN AIRLINES",
            ),
            listing("us_ofac_sdn", "port", "Organization", "PORT UKRAINE"),
            listing("uk_ofsi", "port", "Organization", "PORT"),
        ]
    )
    text = "Il presidente ha inaugurato a Minsk il nuovo terminal di Belavia."
    assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:belavia": ["Belavia"]}
    assert found_mentions(screener.screen_text("They met at the Port in Odesa.")).keys() <= {
        "uk_ofsi:port"
    }
