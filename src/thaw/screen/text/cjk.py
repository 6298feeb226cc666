"""Finding listed parties named in Korean, Chinese and Japanese prose.

The word-by-word search of :mod:`thaw.screen.text.mentions` cannot find a name in
these languages: Chinese and Japanese write no spaces between words, Korean
attaches its particles to the word before (푸틴은, 푸틴의), and a foreign name
written in Hangul, Chinese characters or katakana only *reads* like its Latin
listing (블라디미르 → *bladimir* ~ *Vladimir*), so neither "every word is in the
index" nor "every word equals a word of the name" holds. This module proposes
the places where such a name can stand, by the way each language writes foreign
names, and leaves the decision to the name matcher:

* **Korean** (:func:`_korean`): two or three consecutive words in Hangul, the
  last one without its particle (``은 는 이 가 을 를 의 에 …``): 블라디미르 푸틴
  대통령은 → 블라디미르 푸틴 (and 푸틴 대통령, which no listed name reads like).
* **Korean names** (:func:`_korean_names`): one Hangul word of three
  syllables that begins with a Korean surname (김정은 국무위원장은 → 김정은),
  kept only when it meets the listed name almost exactly
  (:data:`KOREAN_NAME_SCORE`).
* **Chinese** (:func:`_chinese`): a foreign name is written with a middle dot
  between its parts (弗拉基米尔·普京); the characters before the first dot and
  after the last one run into the surrounding words (俄罗斯总统弗拉基米尔·普京表示),
  so every split of a few characters on either side is tried.
* **Chinese names** (:func:`_chinese_names`): a Chinese name is written with
  no dot and no space, the surname first, usually three characters
  (习近平表示 → 习近平); every three characters of a run of Chinese characters
  whose surname and given name (read in pinyin, the given name joined:
  *xi*, *jinping*) are both words of some listed name
  (the ``known`` check of the caller, an index look-up) are screened, and kept
  only when they meet the listed name almost exactly
  (:data:`CHINESE_NAME_SCORE`).
* **Korean names in Chinese characters** (:func:`_hanja_korean_names`):
  Chinese prose writes a Korean's name in the characters of its hanja
  (金正恩); three characters whose Korean reading (김정은) begins with a Korean
  surname and is all words of listed names are screened as that reading, and
  kept only when it meets the listed name almost exactly
  (:data:`KOREAN_NAME_SCORE`).
* **Japanese** (:func:`_japanese`): a foreign name is written in katakana, its
  parts joined by ``・`` or ``＝`` (ウラジーミル・プーチン); katakana is
  delimited from the kanji and hiragana around it by the script itself.
* **Organisations in katakana or Hangul** (:func:`_katakana_words`,
  :func:`_hangul_words`): a foreign organisation's name is one undotted
  katakana word (ガスプロムバンク) or one Hangul word (스베르방크는, its particle
  aside), looked up by the caller's ``single`` as a listed organisation's
  whole name; a country's name (モスクワ is a city; 러시아) is none.
* **Organisations transcribed in Chinese characters**
  (:func:`_transcribed_words`): Chinese writes a foreign organisation's name
  by sound and runs it into the words around (哈马斯表示 → 哈马斯, *Hamas*);
  three to five characters ending in one that writes a consonant alone (斯
  *s*, 夫 *f*) are looked up as ``single`` looks up a katakana word.
* **Vessels** (:func:`_vessel_names`): Korean, Chinese and Japanese write a
  vessel's name with its number and a counter after it (례성강1호, 청봉호,
  三马2号) or its number alone (ジソン6); the name before them, two to four
  syllables or characters (a katakana word whole), and its number are looked
  up by the caller's ``vessel`` as a listed vessel of that very number
  (:data:`VESSEL_READING_SCORE`).
* **A surname alone** (:func:`_titled_surnames`): news names a foreign leader
  by the surname beside a title (ラブロフ外相, 푸틴 대통령, 总统马杜罗) or, in
  Chinese, as a transcribed word alone (拉夫罗夫与王毅); looked up by the
  caller's ``surname``, which names the person whose surname it reads as best
  only when more authorities list them than any other who bears it.

Each place is screened at name screening's threshold
(:data:`thaw.screen.text.screener.READING_THRESHOLD`; a Korean name at
:data:`KOREAN_NAME_SCORE`, a Chinese one at :data:`CHINESE_NAME_SCORE`), and
a hit counts only when every word of the place reads like a word of the
matched name (:func:`reads_like`, a looser
:func:`thaw.screen.text.screener.words_cover`: a reading is not a spelling), so
a title (대통령, 总统), a country or a verb glued to the name never passes: its
reading is no word of the name. Of overlapping places the best hit is kept,
except that a longer place whose hit scores within :data:`LONGER_MARGIN` of
a shorter one's wins: the characters the shorter one leaves out belong to the
name (拉姆赞·卡德罗夫 *Kadyrov*, not 拉姆赞·卡德罗 *Kadyro*, which reads
almost as well).
Later mentions of the same surname as written (普京, 푸틴) are short references
to the party.

Text without a Hangul, Han or kana character costs one regular-expression search.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from thaw.screen.text.mentions import Hit, Mention
from thaw.sources import territories
from thaw.text import analyze_name
from thaw.text.chinese import HAN_CHARACTER, MIDDLE_DOT, foreign_reading
from thaw.text.korean import KOREAN_SURNAMES, hangul_spellings, korean_reading

CJKLookup = Callable[[str], Sequence[Hit]]
"""``lookup(name)`` → hits for a name written in Hangul, Chinese characters or
kana that reach the reading threshold and read like it, best first."""
Known = Callable[[str], bool]
"""``known(token)``: whether a token (an analysed name's folded word) is a word of
some listed name."""

_ANY: Final = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]")

_HANGUL_WORD: Final = re.compile("[\uac00-\ud7a3]+")
#: Korean particles and endings that attach to the last word of a name, longest first.
_PARTICLES: Final = tuple(
    sorted(
        """은 는 이 가 을 를 의 에 와 과 도 로 만 께 으로 에게 에서 께서 한테 까지 부터
        이다 이며 이고 이라고 라고 이는 에겐 와의 과의 에게서 으로부터 로부터 측은 측이
        측의 씨 씨는 씨가 씨의""".split(),
        key=len,
        reverse=True,
    )
)
_KOREAN_WORDS: Final = (2, 3)
#: Particles that end a noun phrase and that no name ends in (unlike 은, 이, 가,
#: 도, 로 …: 김정은, 세르게이, 파블로): a word carrying one ends the name,
#: so no name runs on past it (러시아의 세르게이 …: *Russia's* Sergei).
_CLOSING_PARTICLES: Final = tuple(
    "의 을 를 는 에서 에게 으로 부터 까지 께서 한테 이다 이며 이고 와의 과의 에게서".split()
)

#: The score a Korean name in Hangul must reach: read syllable by syllable, it
#: meets its listing almost exactly (김정은 ~ KIM Jong Un 0.95); a common word
#: that begins with a surname's syllable does not.
KOREAN_NAME_SCORE: Final = 0.9

_HAN_RUN: Final = HAN_CHARACTER
_DOT: Final = MIDDLE_DOT
_DOTTED_HAN: Final = re.compile(f"{_HAN_RUN}+(?:{_DOT}{_HAN_RUN}+)+")
#: How many characters before the first dot, and after the last, a name may take.
_LEFT: Final = range(2, 7)
_RIGHT: Final = range(1, 5)
#: How many characters the middle part of a name of three parts may take.
_MIDDLE: Final = 4
_DOT_RE: Final = re.compile(_DOT)

#: The score a Chinese name written without dots must reach: read in pinyin it
#: meets its listing almost exactly (习近平 ~ XI Jinping 0.95), where three
#: characters of prose that read like a listed name by chance rarely do.
CHINESE_NAME_SCORE: Final = 0.9
_HAN_RUN_RE: Final = re.compile(f"{HAN_CHARACTER}{{3,}}")
#: The length of a Chinese name looked for in prose: a surname of one character
#: and a given name of two (a given name of one says too little in prose).
_CHINESE_NAME: Final = 3

#: How much less a longer place's hit may score than an overlapping shorter
#: one's and still be kept instead (:func:`_prefer`): a name's last character
#: changes its reading by a letter or two (0.859 and 0.844 for *Kadyrov*).
LONGER_MARGIN: Final = 0.05

_DOTTED_KATAKANA: Final = re.compile("[\u30a1-\u30fa\u30fc]+(?:[・＝=][\u30a1-\u30fa\u30fc]+)+")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any Hangul, Chinese character or kana."""
    return _ANY.search(text) is not None


def _strip_particle(word: str) -> str:
    """A Korean word without the particle attached to it, keeping two syllables."""
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _closed(word: str) -> bool:
    """Whether a Hangul word is a noun with a closing particle attached (북한의)."""
    return any(word.endswith(p) and len(word) > len(p) for p in _CLOSING_PARTICLES)


def _korean(text: str) -> Iterator[list[tuple[int, int]]]:
    """Places of two or three consecutive Hangul words (the last one without its
    particle), as alternatives: each a list of ``(start, end)``, one per place.
    No place runs past a word that ends in a closing particle
    (:data:`_CLOSING_PARTICLES`), nor ends with one."""
    words = [(m.start(), m.end()) for m in _HANGUL_WORD.finditer(text)]
    closed = [_closed(text[a:b]) for a, b in words]
    for i in range(len(words)):
        places: list[tuple[int, int]] = []
        for size in _KOREAN_WORDS:
            j = i + size - 1
            if j >= len(words) or closed[j - 1]:
                break  # (a particle inside the place ends the name before it)
            if any(text[words[k][1] : words[k + 1][0]] != " " for k in range(i, j)):
                break
            start, end = words[i][0], words[j][1]
            if not closed[j]:  # (a name never ends in a closing particle either)
                places.append((start, end))
            bare = _strip_particle(text[words[j][0] : end])
            if words[j][0] + len(bare) < end:  # 푸틴은; but 세르게이 may end in 이
                places.append((start, words[j][0] + len(bare)))
        if places:
            yield places


def _korean_names(text: str) -> Iterator[list[tuple[int, int]]]:
    """Korean names in Hangul: a word of three syllables (its particle taken off)
    that begins with a common Korean surname (김정은, 최룡해의)."""
    for m in _HANGUL_WORD.finditer(text):
        word = m.group()
        if word[0] in KOREAN_SURNAMES and 3 in (len(word), len(_strip_particle(word))):
            # (a name may end in a particle's syllable: 김정은)
            yield [(m.start(), m.start() + 3)]


def _chinese(text: str) -> Iterator[list[tuple[int, int]]]:
    """Splits around each middle dot between Chinese characters, as alternatives:
    a few characters before the dot and after it, and, where the characters
    between two dots are few, a name of three parts (穆罕默德·本·萨勒曼)."""
    for m in _DOTTED_HAN.finditer(text):
        bounds = [m.start()] + [d.end() for d in _DOT_RE.finditer(text, m.start(), m.end())]
        segments = [
            (a, b - 1 if i + 1 < len(bounds) else m.end())
            for i, (a, b) in enumerate(zip(bounds, [*bounds[1:], m.end() + 1], strict=True))
        ]
        for i in range(len(segments) - 1):
            (a, dot), (b, c) = segments[i], segments[i + 1]
            places = [
                (dot - left, b + right)
                for left in _LEFT
                if left <= dot - a
                for right in _RIGHT
                if right <= c - b
            ]
            if i + 2 < len(segments) and c - b <= _MIDDLE:
                d, e = segments[i + 2]
                places += [
                    (dot - left, d + right)
                    for left in _LEFT
                    if left <= dot - a
                    for right in _RIGHT
                    if right <= e - d
                ]
            if places:
                yield places


def _chinese_names(text: str, known: Known) -> Iterator[list[tuple[int, int]]]:
    """Chinese names of three characters in runs of Chinese characters (习近平表示
    → 习近平): each three characters whose first character's pinyin and the
    joined pinyin of the other two are words of listed names (``known``), the
    cheap test that keeps most of the text from being screened."""
    for m in _HAN_RUN_RE.finditer(text):
        for start in range(m.start(), m.end() - _CHINESE_NAME + 1):
            window = text[start : start + _CHINESE_NAME]
            tokens = analyze_name(window).tokens
            if len(tokens) != _CHINESE_NAME or not known(tokens[0].text):
                continue
            given = next((c for a, b, c in analyze_name(window).compounds if (a, b) == (1, 3)), "")
            if given and known(given):
                yield [(start, start + _CHINESE_NAME)]


def _hanja_korean_names(text: str, known: Known) -> Iterator[tuple[int, int, str]]:
    """Korean names written in Chinese characters, as Chinese prose writes them
    (金正恩视察了 → 金正恩, read 김정은): each three characters of a run of Chinese
    characters whose Korean reading begins with a Korean surname and whose words
    (*kim jong un*) are all words of listed names (``known``); with the reading,
    which is what is screened (the Mandarin reading, *jin zhengen*, is no
    spelling of the listed name; or each syllable some spelling of which is:
    :func:`_known_syllable`)."""
    for m in _HAN_RUN_RE.finditer(text):
        for start in range(m.start(), m.end() - _CHINESE_NAME + 1):
            window = text[start : start + _CHINESE_NAME]
            reading = korean_reading(window)
            if len(reading) != _CHINESE_NAME or reading[0] not in KOREAN_SURNAMES:
                continue
            words = analyze_name(reading).texts
            if len(words) < 2:
                continue
            if all(known(w) for w in words) or all(_known_syllable(s, known) for s in reading):
                yield start, start + _CHINESE_NAME, reading


def _known_syllable(syllable: str, known: Known) -> bool:
    """Whether some Latin spelling of a Hangul syllable, as names are written
    (:func:`thaw.text.korean.hangul_spellings`), is a word of listed names: the
    reading's own spelling may not be the lists' (최룡해 reads *choe lyong he*;
    OFAC writes CHOE Ryong Hae, 룡 *ryong* and 해 *hae*, as North Korean names
    are romanised)."""
    return any(known(spelling) for spelling in hangul_spellings(syllable))


def _japanese(text: str) -> Iterator[list[tuple[int, int]]]:
    """Each dotted name in katakana."""
    for m in _DOTTED_KATAKANA.finditer(text):
        yield [m.span()]


_NAME_DOTS: Final = "・＝="
_HANGUL_ORGANISATION: Final = 2
"""The fewest syllables of a Hangul word read as an organisation's name."""
_KATAKANA_WORD: Final = re.compile("[\u30a1-\u30fa\u30fc]{3,}")
"""A word in katakana, undotted, of three kana or more (ハマス, ガスプロムバンク)."""


def _katakana_words(text: str) -> Iterator[tuple[int, int]]:
    """Each katakana word that is not part of a dotted name: a foreign
    organisation's name is one word (ガスプロムバンク, ロスネフチ)."""
    for m in _KATAKANA_WORD.finditer(text):
        start, end = m.span()
        before, after = text[max(0, start - 1) : start], text[end : end + 1]
        if not (before and before in _NAME_DOTS) and not (after and after in _NAME_DOTS):
            yield start, end


def _hangul_words(text: str) -> Iterator[tuple[int, int]]:
    """Each Hangul word of two syllables or more, without its particle: Korean
    writes a foreign organisation's name as one word (스베르방크는 → 스베르방크)."""
    for m in _HANGUL_WORD.finditer(text):
        word = _strip_particle(m.group())
        if len(word) >= _HANGUL_ORGANISATION:
            yield m.start(), m.start() + len(word)


#: How many characters a foreign organisation's name transcribed in Chinese
#: characters may take (哈马斯 *Hamas*, 塔利班 *Taliban*).
_TRANSCRIBED: Final = range(3, 6)


def _transcribed_words(text: str) -> Iterator[tuple[int, int]]:
    """Every three to five characters of a run of Chinese characters that end
    as a transcribed foreign word does, in a character that writes a consonant
    alone (:func:`thaw.text.chinese.foreign_reading`: 斯 in 哈马斯 *hamas*):
    Chinese prose writes a foreign organisation's name so, with no dot or space
    to set it off from the words around (哈马斯表示 → 哈马斯), so each such span
    ending there is tried."""
    for m in _HAN_RUN_RE.finditer(text):
        run = m.group()
        for end in range(_TRANSCRIBED.start, len(run) + 1):
            for size in _TRANSCRIBED:
                if size <= end and foreign_reading(run[end - size : end]):
                    yield m.start() + end - size, m.start() + end


VESSEL_COUNTERS: Final = "호号號"
"""The counter Korean (호) and Chinese and Japanese (号, 號) write after a
vessel's name and number (례성강1호, 三马2号): *number*."""
_VESSEL: Final = re.compile(
    "(?<![\uac00-\ud7a3])(?P<name>[\uac00-\ud7a3]{2,5}?)(?P<number>[0-9]{0,3})(?P<counter>호)"
    "|(?P<kana>[\u30a1-\u30fa\u30fc]{2,})(?P<knumber>[0-9]{1,3})"
    f"|(?P<han>{HAN_CHARACTER}{{2,}}?)(?P<hnumber>[0-9]{{0,3}})(?P<hcounter>[号號])"
)
"""A vessel's name and its number or counter: a Korean word and its 호 (with
a number or without), a katakana word and its number, Chinese characters and
号 or 號 (with a number or without)."""
_VESSEL_NAME: Final = range(2, 5)
"""How many syllables or characters before a vessel's number or counter are
its name (청봉, 례성강, 三马): the words before them run into it."""
#: The score a vessel's name read from Hangul, Chinese characters or kana must
#: reach: a short name of a few syllables, read, meets its listing almost
#: exactly (례성강 1 ~ RYE SONG GANG 1 0.90, 三马 2 ~ SAM MA 2 0.95).
VESSEL_READING_SCORE: Final = 0.9


def _vessel_names(text: str) -> Iterator[list[tuple[int, str]]]:
    """Each place a vessel's name stands in Korean, Chinese or Japanese prose:
    a run of Hangul, Chinese characters or katakana followed by a number, a
    vessel's counter (:data:`VESSEL_COUNTERS`) or both (례성강1호, 청봉호,
    三马2号, ジソン6). Yields, for each, the candidate names to look up, the
    longest first, each as its start and the name read with its number
    (*례성강 1*): a Korean or katakana word whole, Chinese characters whole
    when they are few, else their last two to four (the words before run into
    them: 朝鲜货轮三马2号)."""
    for m in _VESSEL.finditer(text):
        group = next(g for g in ("name", "kana", "han") if m.group(g) is not None)
        number = m.group({"name": "number", "kana": "knumber", "han": "hnumber"}[group])
        run, start, end = m.group(group), m.start(group), m.end(group)
        suffix = f" {int(number)}" if number else ""
        if group != "han" or len(run) <= _VESSEL_NAME.stop - 1:
            # a Korean or katakana word, Chinese characters set off by a quote,
            # a space or kana (“三马2号”): the name whole
            yield [(start, run + suffix)]
            continue
        yield [
            (end - size, run[len(run) - size :] + suffix)
            for size in reversed(_VESSEL_NAME)
            if size <= len(run)
        ]


TITLES_AFTER: Final = tuple(
    sorted(
        """大統領 首相 外相 国防相 総書記 委員長 議長 最高指導者 氏 总统 总理 外长 防长 主席
        总书记 委员长 议长 部长 대통령 총리 외무장관 외교장관 국방장관 장관 위원장 총비서
        국무위원장""".split(),
        key=len,
        reverse=True,
    )
)
"""Titles that Japanese, Chinese and Korean news put right after a foreign
leader's surname, which then stands alone (ラブロフ外相, 拉夫罗夫外长, 푸틴
대통령)."""
TITLES_BEFORE: Final = tuple(
    sorted("总统 总理 外长 防长 主席 总书记 委员长 议长 部长".split(), key=len, reverse=True)
)
"""Titles that Chinese news puts right before a surname (总统马杜罗)."""
_SURNAME_CHARACTERS: Final = range(2, 6)
"""How many Chinese characters a foreign surname written alone may take."""


def _titled_surnames(text: str) -> Iterator[list[tuple[int, int]]]:
    """The places where a surname may stand alone beside a title
    (:data:`TITLES_AFTER`, :data:`TITLES_BEFORE`): the katakana word or
    Hangul word (one space between) right before a title, or two to five
    Chinese characters right before or after one, longest first."""
    for title in TITLES_AFTER:
        for m in re.finditer(re.escape(title), text):
            at = m.start()
            before = text[:at]
            if (kana := _KATAKANA_BEFORE.search(before)) is not None:
                yield [kana.span()]
            elif (hangul := _HANGUL_BEFORE.search(before)) is not None:
                yield [hangul.span(1)]
            elif (han := _HAN_BEFORE.search(before)) is not None:
                run_start = han.start()
                yield [(at - n, at) for n in reversed(_SURNAME_CHARACTERS) if at - n >= run_start]
    for title in TITLES_BEFORE:
        for m in re.finditer(re.escape(title), text):
            at = m.end()
            han = _HAN_AFTER.match(text, at)
            if han is not None:
                yield [(at, at + n) for n in reversed(_SURNAME_CHARACTERS) if at + n <= han.end()]


_KATAKANA_BEFORE: Final = re.compile("[\u30a1-\u30fa\u30fc]{2,}$")
_HANGUL_BEFORE: Final = re.compile("([\uac00-\ud7a3]{2,}) $")
_HAN_BEFORE: Final = re.compile(f"{_HAN_RUN}{{2,}}$")
_HAN_AFTER: Final = re.compile(f"{_HAN_RUN}{{2,}}")


def find_cjk_mentions(
    text: str,
    lookup: CJKLookup,
    known: Known | None = None,
    single: CJKLookup | None = None,
    surname: CJKLookup | None = None,
    vessel: CJKLookup | None = None,
) -> list[Mention]:
    """Mentions of listed parties in the Korean, Chinese and Japanese parts of
    ``text`` (see the module docs), in text order, with their short references.
    Chinese names written without dots are looked for only with ``known``; a
    katakana or Hangul word as an organisation's whole name only with ``single``
    (``single(word)``: the organisations the word's reading names whole), as
    are a few Chinese characters that read as a transcribed foreign word
    (:func:`_transcribed_words`); a surname beside a title only with
    ``surname`` (``surname(word)``: the one well-known person it names,
    :func:`_titled_surnames`); a vessel's name before its number or counter
    only with ``vessel`` (``vessel(name)``: the listed vessels of that name and
    number, :func:`_vessel_names`)."""
    if not has_cjk(text):
        return []
    found: list[Mention] = []
    if vessel is not None:
        for named in _vessel_names(text):
            for at, name in named:
                hits = vessel(name)
                if hits and hits[0].score >= VESSEL_READING_SCORE:
                    stop = at + len(name.split(" ")[0])
                    found.append(Mention(at, stop, text[at:stop], hits[0]))
                    break
    if surname is not None:
        titled = [*_titled_surnames(text), *([span] for span in _transcribed_words(text))]
        for spans in titled:
            for start, end in spans:
                if territories.lookup(text[start:end]) is not None:
                    break  # a country before a title (伊朗总统: Iran's president)
                if hits := surname(text[start:end]):
                    found.append(Mention(start, end, text[start:end], hits[0]))
                    break
    if single is not None:
        words = (*_katakana_words(text), *_hangul_words(text), *_transcribed_words(text))
        for start, end in words:
            word = text[start:end]
            if territories.lookup(word) is None and (hits := single(word)):
                found.append(Mention(start, end, word, hits[0]))
    finders: list[tuple[Callable[[str], Iterator[list[tuple[int, int]]]], float]] = [
        (_korean, 0.0),
        (_korean_names, KOREAN_NAME_SCORE),
        (_chinese, 0.0),
        (_japanese, 0.0),
    ]
    if known is not None:
        finders.append((lambda t: _chinese_names(t, known), CHINESE_NAME_SCORE))
    for finder, floor in finders:
        for places in finder(text):
            candidates: list[Mention] = []
            for start, end in places:
                hits = lookup(text[start:end])
                if hits and hits[0].score >= floor:
                    candidates.append(Mention(start, end, text[start:end], hits[0]))
            found.extend(_prefer(candidates)[:1])
    if known is not None:
        for start, end, reading in _hanja_korean_names(text, known):
            hits = lookup(reading)
            if hits and hits[0].score >= KOREAN_NAME_SCORE:
                found.append(Mention(start, end, text[start:end], hits[0]))
    kept = _prefer(found)
    kept.extend(_short_references(text, kept))
    return sorted(kept, key=lambda m: m.start)


def _prefer(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping ``mentions``, those to keep: the best hit first, unless a
    longer place overlapping it scores within :data:`LONGER_MARGIN` of it, which
    then replaces it (and every shorter place it overlaps that scores so close;
    the margin counts from the best score a place replaced, so that a chain of
    ever longer places cannot drift further from it). The kept mentions do not
    overlap; the best-scoring one comes first."""
    kept: list[tuple[Mention, float]] = []  # (mention, the best score it stands for)
    for mention in sorted(mentions, key=lambda m: (-m.hit.score, m.start)):
        span = mention.end - mention.start
        overlapping = [
            i for i, (k, _) in enumerate(kept) if mention.start < k.end and k.start < mention.end
        ]
        if not overlapping:
            kept.append((mention, mention.hit.score))
        elif all(
            span > kept[i][0].end - kept[i][0].start
            and kept[i][1] - mention.hit.score <= LONGER_MARGIN
            for i in overlapping
        ):
            top = max(kept[i][1] for i in overlapping)
            kept[overlapping[0]] = (mention, top)
            for i in reversed(overlapping[1:]):
                del kept[i]
    return [m for m, _ in kept]


_SURNAME_SPLIT: Final = re.compile(f"{_DOT}|[＝= ]")


def _short_references(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later occurrences of a mention's last word as written (普京, 푸틴, プーチン),
    standing alone (not inside a longer Hangul or katakana word)."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for mention in list(mentions):
        surname = _SURNAME_SPLIT.split(mention.text)[-1]
        if len(surname) < 2 or surname == mention.text:
            continue
        at = text.find(surname, mention.end)
        while at >= 0:
            end = at + len(surname)
            before = text[at - 1 : at]
            if not _glued(before, surname[0]) and all(end <= s or at >= e for s, e in taken):
                out.append(Mention(at, end, surname, mention.hit, short=True))
                taken.append((at, end))
            at = text.find(surname, end)
    return out


def _glued(before: str, first: str) -> bool:
    """Whether the character before a surname makes it part of a longer word of the
    same script (Hangul or katakana; Chinese has no word boundaries to check)."""
    if not before:
        return False
    for script in ("\uac00-\ud7a3", "\u30a1-\u30fa\u30fc"):
        pattern = f"[{script}]"
        if re.match(pattern, before) and re.match(pattern, first):
            return True
    return False
