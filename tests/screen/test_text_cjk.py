"""Text screening of Korean, Chinese and Japanese prose: foreign names written in
Hangul, Chinese characters and katakana found with offsets into the original
text, titles, countries and unlisted names not reported (fixture list), and the
sentence set of benchmarks/text_sentences.py in those languages (real lists)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.screen.text_lists import _person
from thaw.index import entry_from_record
from thaw.screen import Screener
from thaw.screen.text import TextScreener
from thaw.screen.text.cjk import find_cjk_mentions, has_cjk
from thaw.screen.text.mentions import Hit, tokenize


@pytest.fixture(scope="module")
def text_screener() -> TextScreener:
    records = [
        _person("test", "putin", "Vladimir Vladimirovich PUTIN"),
        _person("test", "lukashenko", "Aleksandr Grigoryevich LUKASHENKO"),
        _person("test", "lavrov", "Sergey Viktorovich LAVROV"),
        _person("test", "kadyrov", "Ramzan Akhmatovich KADYROV"),
        _person("test", "rebrov", "Ilya Vasilevich REBROV"),  # reads like 라브로프 alone
        _person("test", "kim", "KIM CHOL SAM"),
        _person("test", "xi", "XI Jinping"),
        _person("test", "zhao", "Guangzong ZHAO"),
        _person("test", "wang", "WANG Wei"),  # two characters: not looked for
    ]
    return TextScreener(Screener.from_entries(entry_from_record(r) for r in records))


def _spans(screener: TextScreener, text: str) -> list[tuple[str, int, int, str, bool]]:
    """Every mention as (listing, start, end, words, short reference)."""
    result = screener.screen_text(text)
    out = []
    for party in result.parties:
        for m in party.mentions:
            assert text[m.start : m.end] == m.text
            out.append((party.hit.listings[0].source_id, m.start, m.end, m.text, m.short_reference))
    return sorted(out, key=lambda s: s[1])


def test_korean_prose(text_screener: TextScreener) -> None:
    text = "블라디미르 푸틴 대통령은 모스크바에서 회견을 열었다. 푸틴은 미국을 비판했다."
    assert _spans(text_screener, text) == [
        ("putin", 0, 8, "블라디미르 푸틴", False),
        ("putin", 30, 32, "푸틴", True),  # its particle 은 is not part of the mention
    ]
    # the particle of the last word comes off; the first words of a sentence
    # carry theirs (러시아의: Russia's) and are not part of the name
    text = "러시아의 세르게이 라브로프가 벨라루스의 알렉산드르 루카셴코와 만났다."
    assert [s[:4] for s in _spans(text_screener, text)] == [
        ("lavrov", 5, 14, "세르게이 라브로프"),
        ("lukashenko", 22, 32, "알렉산드르 루카셴코"),
    ]


def test_korean_names_in_hangul(text_screener: TextScreener) -> None:
    # one word of three syllables beginning with a surname; 김정은 ends in the
    # syllable of the particle 은, 김정은은 carries it
    text = "북한의 김철삼 대표는 정부와 함께 박물관을 찾았다. 김철삼은 연설했다."
    assert _spans(text_screener, text) == [
        ("kim", 4, 7, "김철삼", False),
        ("kim", 29, 32, "김철삼", False),
    ]
    assert _spans(text_screener, "김철수 대표와 이사회는 서울에서 만났다.") == []


def test_chinese_prose(text_screener: TextScreener) -> None:
    # no spaces: the name is found by its middle dot, and the words glued to it
    # (俄罗斯总统 "Russia's president", 表示 "said") are left out
    text = "俄罗斯总统弗拉基米尔·普京表示，普京将访问北京。"
    assert _spans(text_screener, text) == [
        ("putin", 5, 13, "弗拉基米尔·普京", False),
        ("putin", 16, 18, "普京", True),
    ]
    text = "白俄罗斯总统亚历山大·卢卡申科和车臣领导人拉姆赞·卡德罗夫在明斯克会面。"
    assert [s[:4] for s in _spans(text_screener, text)] == [
        ("lukashenko", 6, 15, "亚历山大·卢卡申科"),
        ("kadyrov", 21, 29, "拉姆赞·卡德罗夫"),
    ]


def test_chinese_names_without_dots(text_screener: TextScreener) -> None:
    # a Chinese name is three characters glued to the words around it
    # (表示 "said", 会见了 "met"); read in pinyin with its given name joined
    text = "习近平表示，中国将继续扩大开放。赵光宗会见了记者。"
    assert _spans(text_screener, text) == [
        ("xi", 0, 3, "习近平", False),
        ("zhao", 16, 19, "赵光宗", False),
    ]
    # a name of two characters, and three characters whose reading is no
    # listed name (xi jindai), are not reported
    assert _spans(text_screener, "王伟表示，北京的天气很好。") == []
    assert _spans(text_screener, "习近代史的学生表示满意。") == []


def test_japanese_prose(text_screener: TextScreener) -> None:
    text = "ロシアのウラジーミル・プーチン大統領は語った。プーチン氏は北京を訪れる。"
    assert _spans(text_screener, text) == [
        ("putin", 4, 15, "ウラジーミル・プーチン", False),
        ("putin", 23, 27, "プーチン", True),
    ]


def test_titles_countries_and_unlisted_names_are_not_reported(
    text_screener: TextScreener,
) -> None:
    for text in (
        "미국 재무부와 한국 정부는 서울에서 회의를 열었다. 라브로프 장관은 불참했다.",
        "도널드 트럼프 대통령과 에마뉘엘 마크롱 대통령이 파리에서 만났다.",
        "美国总统唐纳德·特朗普和法国总统埃马纽埃尔·马克龙在巴黎会面。",
        "ドナルド・トランプ前大統領はワシントンで演説した。",
        "中华人民共和国外交部发言人在北京表示，美国应当停止制裁。",
    ):
        assert _spans(text_screener, text) == [], text


def test_korean_places_end_at_a_closing_particle() -> None:
    looked: list[str] = []

    def lookup(name: str) -> list[Hit]:
        looked.append(name)
        return []

    find_cjk_mentions("북한의 김철삼 대표는 평양에서 연설했다", lookup)
    # 북한의 (North Korea's), 대표는 and 평양에서 (in Pyongyang) end a noun
    # phrase: no place runs past them, nor ends with their particle (the last
    # word of a place loses it); 김철삼 is a Korean name of three syllables
    assert looked == ["김철삼 대표", "김철삼"]


class _Scored:
    """A hit of a given score (what the matcher would return)."""

    def __init__(self, score: float) -> None:
        self.score = score
        self.key = "test:kadyrov"
        self.schema = "Person"


@pytest.mark.parametrize(
    "text",
    [
        "车臣领导人拉姆赞·卡德罗夫在明斯克会面。",  # Chinese
        "チェチェン共和国の首長拉姆赞・卡德罗夫は語った。",  # Japanese, its own dot
    ],
)
def test_a_longer_place_that_scores_almost_as_well_is_kept(text: str) -> None:
    """Issue 11: 拉姆赞·卡德罗 (0.844) briefly beat 拉姆赞·卡德罗夫 (0.859): of two
    overlapping places whose hits score within a small margin, the longer one is
    the mention, wherever the shorter one's score lies."""
    full = "拉姆赞·卡德罗夫" if "·" in text else "拉姆赞・卡德罗夫"

    def lookup(scores: dict[str, float]) -> Callable[[str], list[Hit]]:
        return lambda name: [_Scored(scores[name])] if name in scores else []

    for shorter, longer in [(0.86, 0.85), (0.85, 0.86), (0.9, 0.86)]:
        scores = {full[:-1]: shorter, full: longer, full[1:]: shorter}
        [mention] = find_cjk_mentions(text, lookup(scores))
        assert mention.text == full, (shorter, longer)
    # a shorter place that reads far better is still the one kept
    [mention] = find_cjk_mentions(text, lookup({full[:-1]: 0.95, full: 0.85}))
    assert mention.text == full[:-1]


def test_cjk_prose_is_not_screened_word_by_word() -> None:
    # its words are found by screen.text.cjk; the Latin words around them are
    # still tokens
    toks = tokenize("블라디미르 푸틴 대통령은 习近平表示 Vladimir Putin ウラジーミル")
    assert [t.text for t in toks] == ["Vladimir", "Putin"]


def test_latin_text_is_not_searched() -> None:
    def lookup(name: str) -> list[Hit]:
        raise AssertionError(name)

    assert not has_cjk("Vladimir Putin met Алишер Усманов in Dubai.")
    assert find_cjk_mentions("Vladimir Putin met Алишер Усманов in Dubai.", lookup) == []


@pytest.mark.realdata
def test_sentence_set_on_real_lists(real_home: Path) -> None:
    """benchmarks/text_sentences.py's Korean, Chinese and Japanese sentences on the
    real lists: every listed person found, nothing else reported."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from text_sentences import evaluate

    path = FIXTURES / "texts" / "sentences_cjk.json"
    sentences = json.loads(path.read_text(encoding="utf-8"))["sentences"]
    assert {s["lang"] for s in sentences} == {"ko", "zh", "ja"}
    report = evaluate(TextScreener(Screener(real_home)), sentences)
    assert report["misses"] == [] and report["extras"] == []
    assert report["found"] == report["expected"] >= 14
