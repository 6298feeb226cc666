"""Chinese names in Latin letters, read syllable by syllable.

A Chinese name is a family name of one syllable (rarely two) and a given name
of one or two, each syllable a character with a small, published set of Latin
spellings (pinyin, Wade–Giles, Taiwan's MPS II and Tongyong, Hong Kong's
Cantonese: :func:`thaw.text.chinese.spellings_by_system`). Compared letter by
letter, two different syllables are often nearer than two spellings of one:
*ming* and *ling*, *xuan* and *xian*, *tang* and *zhang* differ in a letter or
two, while *Hsiang* and *Xiang* (both 祥) differ in two. One character
different is another name, and another person (*Zhang Xiaoling* is not *ZHANG
Xiaoming*).

:func:`~thaw.text.han_syllables.chinese_syllables` cuts a word into the
syllables it may spell, each with the Mandarin readings (toneless pinyin) it
may stand for in any of those systems (:mod:`thaw.text.han_syllables`'s
table); :func:`other_syllables` tells two words apart when they cut into as
many syllables but no reading of one agrees with a reading of the other
syllable for syllable;
:func:`~thaw.text.han_syllables.reads_as_chinese_name` tells a name in Latin
letters written as Chinese names are: two to four words, each one or two
syllables, the first or last of one (a family name); name analysis asks it
too (a person's name so written ends in a syllable, not a legal form).

The spelling feature (:class:`thaw.match.features.SpellingFeature`) asks
:func:`rare_reading` of the characters that spell a listed word alone: a
common family name's spelling (*Lee*, *Su*) that the character has only in
a reading of a dialect or of Japanese names (子 *lee* in Hokkien, 周 *su*
in Japanese), not as Mandarin and Cantonese read it nor as a family name.

A listed name that writes the given name otherwise is judged as a Latin one
would be (``tests/match/test_han_latin.py``): initials that are the given
syllables' initials are evidence (林俊杰 *JJ Lin*, as *J. J. Smith* is of
*John James Smith*); a Western given name (*Elaine Chao* for 趙小蘭) is none
for or against, so such a name rests on its family name, which alone is no
match.

The shape feature (:class:`thaw.match.features.NameShapeFeature`) asks three
questions of an alignment here: :func:`other_syllable_pair` (a pair of words
that spell other syllables), :func:`part_of_name` (two words of a name of
three syllables, one of a given name's left over) and :func:`crossed_family`
(a family name in characters aligned with a listed given name, and
crosswise).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import OSA

from thaw.match.korean import korean_readings
from thaw.match.names import Alignment
from thaw.text import AnalyzedName
from thaw.text.chinese import (
    HAN,
    han_spellings,
    mandarin_readings,
    spellings_by_system,
    taiwan_given_spellings,
)
from thaw.text.han_names import common_surnames, written_as_chinese
from thaw.text.han_surnames import surname_spellings
from thaw.text.han_syllables import (
    LONGEST_SYLLABLE,
    MAX_SYLLABLES,
    chinese_syllables,
    one_syllable,
    reads_as_chinese_name,
    syllable_inventory,
)
from thaw.text.japanese import character_readings, kanji_edges, reading_forms
from thaw.text.korean import hanja_spellings

#: The most letters a word may differ from the reading of the Chinese
#: characters it is aligned with and still be taken for a spelling of them
#: when no reading agrees: a dialect writes a final or a vowel otherwise
#: (*Min* for 明 *ming*, *Gung* for 赓 *geng*); more than that, and no
#: reading in common, is another syllable (*Ling* for 仑 *lun*).
SPELLING_LETTERS: Final = 1


def _in_pinyin(word: str, most: int) -> bool:
    """Whether ``word`` cuts into at most ``most`` syllables of pinyin itself."""
    pinyin = syllable_inventory()[1]
    if not word:
        return True
    return most > 0 and any(
        word[:n] in pinyin and _in_pinyin(word[n:], most - 1)
        for n in range(1, min(LONGEST_SYLLABLE, len(word)) + 1)
    )


def _consonants(word: str) -> str:
    return _VOWELS.sub("", word)


_VOWELS: Final = re.compile("[aeiouv]")


def other_syllables(a: str, b: str, most: int = MAX_SYLLABLES) -> bool:
    """Whether the words ``a`` and ``b`` (lower-case ASCII) spell different
    Chinese syllables: each cuts into at most ``most`` syllables
    (:func:`chinese_syllables`),
    some cut of one has as many syllables as some cut of the other, and no two
    such cuts agree syllable for syllable (a reading in common). Words of no
    equal count of syllables are not told apart here (*Jinpng*, a letter
    dropped, is a slip of the pen rather than another name). Words whose
    consonants agree and only a vowel differs are told apart only when both
    are pinyin itself (*Bingxian*, *Bingxuan*), whose vowels are written as
    said: in other systems, and in names that only look Chinese, a vowel is
    as often a spelling (*Jensen*, *Jansen*)."""
    if a == b:
        return False
    cuts_a, cuts_b = chinese_syllables(a, most), chinese_syllables(b, most)
    counted = False
    for x in cuts_a:
        for y in cuts_b:
            if len(x) != len(y):
                continue
            counted = True
            if all(rx & ry for rx, ry in zip(x, y, strict=True)):
                return False
    if counted and _consonants(a) == _consonants(b):
        return _in_pinyin(a, most) and _in_pinyin(b, most)
    return counted


def chinese_words(name: AnalyzedName) -> tuple[str, ...] | None:
    """The words of ``name`` (its informative tokens, lower-case) when it is
    written in Latin letters as a Chinese name is (:func:`reads_as_chinese_name`),
    else ``None``."""
    tokens = name.informative
    if not 2 <= len(tokens) <= 4 or not name.original.isascii():
        return None
    words = tuple(t.raw.lower() for t in tokens)
    return words if reads_as_chinese_name(words) else None


def _characters(name: AnalyzedName) -> tuple[str, ...] | None:
    """The Chinese characters of ``name``, one per informative token, when it
    is a name written in them and read in pinyin a syllable a token; else
    ``None``."""
    tokens = name.informative
    if not tokens or not all(HAN.fullmatch(t.script_form) and t.raw.isalpha() for t in tokens):
        return None
    return tuple(t.script_form for t in tokens)


def _read_characters(written: str, reading: AnalyzedName) -> tuple[str, ...] | None:
    """The characters of ``written``, a name in Chinese characters, when
    ``reading`` is another Mandarin reading of it, a word per character (陈江和
    read *chen jiang hu*, a polyphone read otherwise); else ``None`` (a
    Korean or Japanese reading of the characters is no Chinese name: 金泳三
    read *Kim Yong Sam*)."""
    chars = tuple(written.replace(" ", ""))
    tokens = reading.informative
    if len(chars) != len(tokens) or not all(HAN.fullmatch(ch) for ch in chars):
        return None
    mandarin = all(t.raw in mandarin_readings(ch) for t, ch in zip(tokens, chars, strict=True))
    return chars if mandarin else None


def _spelt_by(chars: tuple[str, ...], word: str) -> bool:
    """Whether ``word`` is written as ``chars`` are spelt in some system, a
    character at a time (:func:`thaw.text.chinese.han_spellings`, and a family
    name's own spellings: :func:`thaw.text.han_surnames.surname_spellings`)."""
    if not chars:
        return not word
    spelt = {*han_spellings(chars[0]), *surname_spellings(chars[0])}
    return any(word.startswith(sp) and _spelt_by(chars[1:], word[len(sp) :]) for sp in spelt if sp)


def other_syllable_pair(
    written: str, query: AnalyzedName, listed: AnalyzedName, alignment: Alignment
) -> tuple[str, str] | None:
    """The first aligned pair of words, query's then listed, that spell other
    Chinese syllables (:func:`other_syllables`), when the listed name is
    written as a Chinese name in Latin letters (:func:`chinese_words`) and the
    query too, or in Chinese characters read in pinyin (then only a listed
    word that no spelling of the query's characters writes:
    :func:`_spelt_by`, and not a common family name, which Chinese writes
    first and whose dialect spellings are more than the tables hold: 黄 is
    *Ong* in Malaysia); ``None`` otherwise. A word in characters also spells
    other syllables when it is more than :data:`SPELLING_LETTERS` letters from
    the listed word and no syllable of the listed word stands for the
    character's own reading (:func:`other_reading`: 仑 *lun* is not *Ling*,
    though both may spell *lin* in some system); a name in characters read
    with its syllables run together is compared so too
    (:func:`_other_run_together`). The query is ``written`` so;
    another Mandarin reading of a name in characters, a word per character
    (陈江和 read *chen jiang hu*), is compared as the characters are, and any
    other reading of a name in another script (a Korean or Japanese one) is
    not compared at all: it is no spelling anyone typed. Two names
    that both read as Korean are left to the Korean comparison, which
    already aligns them syllable by syllable (:mod:`thaw.match.korean`)."""
    if all(pair.sim >= 1.0 for pair in alignment.pairs):
        return None
    r_words = chinese_words(listed)
    if r_words is None:
        return None
    chars = _characters(query) or _read_characters(written, query)
    if chars is None and not written.isascii():
        return _other_run_together(written, query, r_words, alignment)
    q_words = chinese_words(query) if chars is None else tuple(t.raw for t in query.informative)
    if q_words is None:
        return None
    if korean_readings(query) is not None and korean_readings(listed) is not None:
        return None
    # (a common family name has dialect spellings beyond the tables: 黄 *Ong*)
    common_family = chars is not None and chars[0] in common_surnames()
    for pair in alignment.pairs:
        if pair.sim >= 1.0 or (common_family and 0 in pair.query):
            continue
        a = "".join(q_words[i] for i in pair.query)
        b = "".join(r_words[j] for j in pair.result)
        most = max(MAX_SYLLABLES, len(pair.query), len(pair.result))
        if chars is None:
            if other_syllables(a, b, most):
                return a, b
            continue
        written_chars = tuple(chars[i] for i in pair.query)
        other = other_syllables(a, b, most) or (
            other_reading(written_chars, b) and OSA.distance(a, b) > SPELLING_LETTERS
        )
        if other and not _spelt_by(written_chars, b):
            return a, b
    return None


def _other_run_together(
    written: str, query: AnalyzedName, r_words: tuple[str, ...], alignment: Alignment
) -> tuple[str, str] | None:
    """The query's one word and the listed words it aligns with, when the
    query is a name written in Chinese characters as one word (江錫民) read
    as one word, its syllables run together (``jiangsimin``, as
    :func:`thaw.text.chinese.han_variants` reads a name of three characters
    to meet spellings no table gives), and the listed words spell other
    syllables than the characters read (:func:`other_reading`; 錫 is not
    *Ze*), written in the name's order or with the last word (a family name
    written last) first, more than :data:`SPELLING_LETTERS` letters from the
    reading, and no spelling of the characters writes them
    (:func:`_spelt_by`); ``None`` otherwise. Compared letter by letter, the
    run-together reading lets one syllable differ (*jiangsimin* ~ *Jiang
    Zemin*), which is another name. A common family name's first character
    is left out, with the word that spells it: its dialect spellings are more
    than the tables hold (黄 *Ong*)."""
    word = written.strip()
    if len(query.informative) != 1 or len(word) < 2:
        return None
    chars = tuple(word)
    if not all(HAN.fullmatch(ch) for ch in chars):
        return None
    family = chars[0] in common_surnames()
    own = chars[1:] if family else chars
    reading = query.informative[0].raw
    for pair in alignment.pairs:
        if pair.sim >= 1.0 or pair.query != (0,):
            continue
        words = [r_words[j] for j in pair.result]
        if family and len(words) < 2:
            continue
        orders = [words, words[-1:] + words[:-1]] if len(words) > 1 else [words]
        if all(
            OSA.distance(reading, "".join(order)) > SPELLING_LETTERS
            and other_reading(own, rest := "".join(order[family:]))
            and not _spelt_by(own, rest)
            for order in orders
        ):
            return reading, " ".join(words)
    return None


def other_reading(chars: tuple[str, ...], word: str) -> bool:
    """Whether ``word`` (lower-case ASCII) spells other syllables than the
    Chinese characters ``chars`` read: it cuts into as many syllables as there
    are characters (:func:`chinese_syllables`), and in no such cut does each
    syllable stand for a Mandarin reading of its character
    (:func:`thaw.text.chinese.mandarin_readings`). A character is read as
    itself, not as every syllable its pinyin could spell in another system:
    仑 is *lun*, which Cantonese also writes 鄰 (*lin*) with, and *Ling* (令)
    may stand for *lin* too; 仑 and 令 are still other syllables. A word of no
    such cut is not told apart (a spelling no table gives: 侯友宜 *Hou
    Yu-ih*). Whether a spelling of the characters writes ``word`` is
    :func:`_spelt_by`'s question."""
    readings = tuple(frozenset(mandarin_readings(ch)) for ch in chars)
    if not all(readings):
        return False
    cuts = [cut for cut in chinese_syllables(word, len(chars)) if len(cut) == len(chars)]
    if not cuts:
        return False
    return not any(all(r & c for r, c in zip(readings, cut, strict=True)) for cut in cuts)


def part_of_name(query: AnalyzedName, listed: AnalyzedName, alignment: Alignment) -> bool:
    """Whether one of two names written in Latin letters as Chinese names are
    (:func:`chinese_words`), or both as Korean names
    (:func:`thaw.match.korean.korean_readings`), is three words of one
    syllable each, a family name and a given name of two syllables written
    apart (*LI, Kai Shou*; *KIM, Kwang Yon*), of which a syllable of the given
    name is left unaligned while every word of the other name aligned (*Li
    Kai*, *Kim Kwang*): the other name holds half of a given name, which is
    another person's given name. The query may also be written in Chinese
    characters, a syllable each (明 张 against *MING SUAN ZHANG*). A given name
    written without its family name (*Jong Un* against *KIM Jong Un*) is no
    such half, unless the query has a family name of its own: written in
    characters as a Chinese name is, or in words of characters as a
    customer file's first and last name columns write it (华 江 against *PAO,
    Hua Chiang*: 江 is the family name)."""
    n_q, n_r = len(query.informative), len(listed.informative)
    q_used, r_used = len(alignment.query_used), len(alignment.result_used)
    if not (
        (n_r == 3 and r_used == 2 and q_used == n_q) or (n_q == 3 and q_used == 2 and r_used == n_r)
    ):
        return False
    q_syl = _syllables_per_word(query)
    r_syl = _syllables_per_word(listed)
    if q_syl is None or r_syl is None:
        return False
    sides = (
        (listed, r_syl, alignment.result_used, alignment.query_used, len(q_syl)),
        (query, q_syl, alignment.query_used, alignment.result_used, len(r_syl)),
    )
    for name, syllables, used, other_used, other_len in sides:
        if len(syllables) != 3 or not all(syllables) or len(other_used) != other_len:
            continue
        left = [i for i in range(3) if i not in used]
        if len(left) == 1 and (left[0] != _family_position(name) or _own_family(query)):
            return True
    return False


def _own_family(query: AnalyzedName) -> bool:
    """Whether the query, written in Chinese characters, has a family name of
    its own: written as a Chinese name is
    (:func:`thaw.text.han_names.written_as_chinese`), or in two words or more."""
    if _characters(query) is None:
        return False
    written = query.original.strip()
    return len(written.split()) > 1 or written_as_chinese(written)


def _family_position(name: AnalyzedName) -> int:
    """Where the family name of a name of three words stands: the word before
    a comma (:func:`_family_before_comma`), else the one word written in
    capitals in a name that writes the others otherwise (*Chun Sik CHOE*),
    else the first word."""
    if _family_before_comma(name):
        return 0
    words = _WORDS.findall(name.original)
    if len(words) == len(name.informative):
        upper = [i for i, w in enumerate(words) if w.isupper() and len(w) > 1]
        if len(upper) == 1 and not all(w.isupper() for w in words):
            return upper[0]
    return 0


def _family_before_comma(name: AnalyzedName) -> bool:
    """Whether ``name`` is written *FAMILY, Given names*, one word before a
    comma, as the lists write a name to say which word is the family name
    (capitals say less: 'Jin TIESAN' writes the given name so)."""
    head, comma, _ = name.original.partition(",")
    return bool(comma) and len(_WORDS.findall(head)) == 1


def crossed_family(
    written: str, query: AnalyzedName, listed: AnalyzedName, alignment: Alignment
) -> bool:
    """Whether the query, written in Chinese characters as a Chinese name is
    (:func:`thaw.text.han_names.written_as_chinese`: its family name first),
    and a listed name in Latin letters written *FAMILY, Given names*
    (:func:`_family_before_comma`) align crosswise: the query's family
    name with a listed given name, and the listed family name with the
    query's given name (董貞 *Dong Zhen* against *CHEN, Dong*). The same two
    syllables the other way round are another person's name."""
    if written.isascii() or not listed.original.isascii() or "," not in listed.original:
        return False
    if _characters(query) is None or not written_as_chinese(written.strip()):
        return False
    if not _family_before_comma(listed):
        return False
    family = 0
    own = [p for p in alignment.pairs if 0 in p.query]
    theirs = [p for p in alignment.pairs if family in p.result]
    return (
        len(own) == 1
        and len(theirs) == 1
        and family not in own[0].result
        and 0 not in theirs[0].query
    )


_WORDS: Final = re.compile(r"[A-Za-z]+")


def _syllables_per_word(name: AnalyzedName) -> tuple[bool, ...] | None:
    """Per word of ``name``, whether it may be one syllable, when ``name`` is
    written in Chinese characters (a syllable a word), in Latin letters as a
    Chinese name (:func:`chinese_words`) or reads as a Korean name; ``None``
    otherwise."""
    if _characters(name) is not None:
        return tuple(True for _ in name.informative)
    korean = korean_readings(name)
    if korean is not None:
        return tuple(any(len(cut) == 1 for cut in word) for word in korean)
    words = chinese_words(name)
    return None if words is None else tuple(one_syllable(w) for w in words)


#: The romanisations whose spellings of a character are its usual ones: the
#: Mandarin systems and Cantonese (:func:`thaw.text.chinese.spellings_by_system`;
#: not Hokkien, whose colloquial readings are many: 子 *chi*, *chu*, *ji*, *li*).
USUAL_SYSTEMS: Final = frozenset(
    {"pinyin", "wade-giles", "gwoyeu", "mps2", "tongyong", "cantonese"}
)


@lru_cache(maxsize=1)
def family_spellings() -> frozenset[str]:
    """Every spelling of the commonest Chinese family names
    (:func:`thaw.text.han_names.common_surnames`), as family names and in
    the usual systems: *lee*, *li*, *su*, *chan*, *tan* …."""
    out: set[str] = set()
    for ch in common_surnames():
        out.update(surname_spellings(ch))
        out.update(
            sp
            for system, spelt in spellings_by_system(ch)
            if system in USUAL_SYSTEMS
            for sp in spelt
        )
    return frozenset(out)


@lru_cache(maxsize=4096)
def _usual_spellings(ch: str) -> frozenset[str]:
    """``ch``'s spellings in :data:`USUAL_SYSTEMS` and as a family name."""
    usual = {
        sp for system, spelt in spellings_by_system(ch) if system in USUAL_SYSTEMS for sp in spelt
    }
    return frozenset(usual) | frozenset(surname_spellings(ch))


#: The romanisations of the southern Chinese languages, which Singapore,
#: Malaysia and Hong Kong mix in one name (*Kwek Hong Png*, *Lee Hsien Loong*).
SOUTHERN_SYSTEMS: Final = frozenset({"hokkien", "cantonese"})


@lru_cache(maxsize=4096)
def _southern(ch: str) -> frozenset[str]:
    """``ch``'s Hokkien and Cantonese spellings and its spellings as a family
    name."""
    spelt = {
        sp for system, sps in spellings_by_system(ch) if system in SOUTHERN_SYSTEMS for sp in sps
    }
    return frozenset(spelt) | frozenset(surname_spellings(ch))


@lru_cache(maxsize=4096)
def _korean(ch: str) -> frozenset[str]:
    """``ch``'s spellings read the Korean way (:func:`thaw.text.korean.hanja_spellings`:
    會 *hoi*, 成 *song*, 姜 *kang*) and as a family name."""
    return frozenset(hanja_spellings(ch)) | frozenset(surname_spellings(ch))


@lru_cache(maxsize=4096)
def _taiwanese(ch: str) -> frozenset[str]:
    """``ch``'s Wade–Giles spellings, as Taiwan writes its people's names,
    with its nasal finals merged (:func:`thaw.text.chinese.taiwan_given_spellings`:
    成 *chen*), and its spellings as a family name."""
    wade = dict(spellings_by_system(ch)).get("wade-giles", ())
    return frozenset((*wade, *taiwan_given_spellings(ch), *surname_spellings(ch)))


#: The readings a whole name may be spelt in that are none of a character's
#: usual ones (:data:`USUAL_SYSTEMS`): a name of Singapore, Malaysia or Hong
#: Kong in its southern languages, a Korean name written in Chinese characters
#: (李會昌 *Lee Hoi-chang*, 張成澤 *Jang Song Thaek*) in Korean, a Taiwanese
#: name in Wade–Giles as its Mandarin says it (周天成 *Chou Tien-chen*).
WHOLE_NAME_READINGS: Final = (_southern, _korean, _taiwanese)


@lru_cache(maxsize=4096)
def _japanese(chars: str) -> frozenset[str]:
    """The spellings of ``chars`` (one character, or the characters a listed
    word spells together) read as Japanese names read them: a character's
    readings in names (:func:`thaw.text.japanese.character_readings`), as the
    lists write them, voiced too after a name's first character
    (:func:`thaw.text.japanese.reading_forms`: 王 *oh*, 貞 *sada*, 田 *da*);
    several characters as :func:`thaw.text.japanese.kanji_edges` spells them
    whole (a dictionary name: 五十六 *isoroku*)."""
    if len(chars) == 1:
        readings = character_readings(chars)
        return frozenset(
            form for r in readings for v in (False, True) for form in reading_forms(r, voiced=v)
        )
    whole = (
        sp
        for start, end, spelt in kanji_edges(chars)
        if (start, end) == (0, len(chars))
        for sp in spelt
    )
    return frozenset(whole)


def _read_in_japanese(chars: str, spelt: str, edges: Sequence[tuple[str, str]]) -> bool:
    """Whether a name is spelt as a Japanese name is read throughout
    (:func:`_japanese`): ``chars`` as ``spelt``, and every other character
    (of ``edges``) too, one of them in a reading no usual spelling of it
    gives (:func:`_usual_spellings`: 王貞治 *Sadaharu Oh*, 貞 *sada*). A
    Japanese reading of a character is often a Chinese one as well (斌 *bin*),
    so only such a reading says the name is read in Japanese: 周斌 *Su Bin*
    mixes 周's Japanese *su* with 斌's Mandarin *bin*."""
    others = [(other, sp) for other, sp in edges if other != chars]
    return (
        spelt in _japanese(chars)
        and all(sp in _japanese(other) for other, sp in others)
        and any(sp not in _usual_spellings(other) for other, sp in others)
    )


def rare_reading(
    runs: Sequence[tuple[str, str, tuple[tuple[str, str], ...]]],
) -> tuple[str, str] | None:
    """The first character of ``runs`` (each ``(characters, listed words,
    (character, spelling) pairs)``, :func:`thaw.match.spelling.spelled_parts`)
    that spells a listed word alone with a common family name's spelling
    (:func:`family_spellings`) that is none of its usual ones
    (:func:`_usual_spellings`): 子 spelling *Li*, 周 spelling *Su*; as
    ``(character, listed word)``. A spelling is rare only in a name whose
    other characters are not all spelt in the same reading too
    (:data:`WHOLE_NAME_READINGS`: *Tan Wee Kiong* is 陈蔚强 spelt in Hokkien
    throughout, *Lee Hoi-chang* 李會昌 in Korean; or in Japanese,
    :func:`_read_in_japanese`: *Sadaharu Oh* 王貞治; *Hao Li Chen* mixes
    Mandarin's *hao* and *chen* with Hokkien's *li* for 子). ``None`` when there is
    none: a character spelt so is read as few read it, and the listed word is
    the usual spelling of another family's name."""
    common = family_spellings()
    edges = [part for _chars, _words, parts in runs for part in parts]
    for chars, words, parts in runs:
        if len(chars) != 1 or len(parts) != 1 or " " in words or not HAN.search(chars):
            continue
        spelt = parts[0][1]
        if spelt not in common or spelt in _usual_spellings(chars):
            continue
        if any(
            spelt in reading(chars)
            and all(sp in reading(other) for other, sp in edges if other != chars)
            for reading in WHOLE_NAME_READINGS
        ) or _read_in_japanese(chars, spelt, edges):
            continue
        return chars, words
    return None
