"""The Latin spellings of names written in Chinese characters or Hangul, per
language, for the matcher's spelling comparison (:mod:`thaw.match.spelling`)
and for candidate retrieval (:mod:`thaw.index.candidates`).

Each language gives, for one word of the original, its **edges**:
``(start, end, spellings)``, the characters ``word[start:end]`` may be
written as any of ``spellings`` (lower-case ASCII letters) by a romanisation
system or a customary spelling of names. Korean (:func:`thaw.text.korean.hangul_spellings`)
and Chinese (:func:`thaw.text.chinese.han_edges`: :func:`~thaw.text.chinese.han_spellings`,
and a family name's spellings for a word's first character) give one edge per
character; Japanese (:func:`thaw.text.japanese.kanji_edges`) also gives
edges over several characters, for names a dictionary reads as a whole. A
name in Chinese characters alone may be Chinese, Japanese or a Korean name
written in hanja (金正恩 *Kim Jong Un*: each character read as Korean reads
it, :func:`thaw.text.korean.hanja_reading`, then spelt as Hangul is, for a
word written as Korean names are: :func:`thaw.text.korean.hanja_edges`), so
all three are tried (:func:`languages`). Korean also gives an edge over two
syllables whose sounds change each other (:func:`thaw.text.korean.hangul_edges`:
원룡 *Wollyong*).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from thaw.text.analyze import AnalyzedName, Token
from thaw.text.chinese import cjk_script
from thaw.text.japanese import standard_characters

#: One edge of a word: its characters ``[start, end)`` and their spellings.
Edge = tuple[int, int, tuple[str, ...]]
#: A language's edges of one word of characters.
EdgesOf = Callable[[str], Sequence[Edge]]


@lru_cache(maxsize=1)
def _languages() -> tuple[dict[str, tuple[EdgesOf, ...]], frozenset[EdgesOf]]:
    """Each script's languages, and those whose names put a family name of
    one character first, spelt apart (:func:`run_bounds`)."""
    from thaw.text import chinese, japanese, korean, practical

    han: EdgesOf = chinese.han_edges
    kanji: EdgesOf = japanese.kanji_edges
    hanja: EdgesOf = korean.hanja_edges
    scripts: dict[str, tuple[EdgesOf, ...]] = {
        "Hangul": (korean.hangul_edges,),
        "Han": (han, kanji, hanja),
        "Kana": (kanji,),
        "Cyrillic": (practical.cyrillic_edges,),
        "Armenian": (practical.armenian_edges,),
        "Georgian": (practical.georgian_edges,),
        "Greek": (practical.greek_edges,),
    }
    return scripts, frozenset({han, hanja})


def languages(script: str, words: int = 1) -> tuple[EdgesOf, ...]:
    """The languages whose spellings a name of ``script``
    (:func:`spelling_script`) written in ``words`` words is tried in: Korean
    for Hangul; Chinese, Japanese and Korean hanja for Chinese characters
    (hanja only for a name written as one word, as Korean names in hanja are:
    a name written apart, 铁 金, is Chinese or Japanese); Japanese for a name
    with kana; the Latin spellings of the sounds of Cyrillic, Armenian,
    Georgian and Greek letters (:mod:`thaw.text.practical`) for those scripts."""
    found = _languages()[0].get(script, ())
    return found[:2] if script == "Han" and words > 1 else found


@lru_cache(maxsize=16)
def spells_syllables(language: EdgesOf) -> bool:
    """Whether ``language`` writes a name a syllable per character (Chinese,
    Korean, Japanese), so that a Latin word of one syllable is written by one
    of its edges; not the spellings of Cyrillic, Armenian, Georgian and Greek
    letters (:mod:`thaw.text.practical`), whose letters are sounds."""
    from thaw.text import practical

    return language not in (
        practical.cyrillic_edges,
        practical.armenian_edges,
        practical.georgian_edges,
        practical.greek_edges,
    )


@lru_cache(maxsize=16)
def spells_morae(language: EdgesOf) -> bool:
    """Whether ``language`` writes a name a mora per character (Japanese), so
    that a Latin word of one vowel run may take two of them, its vowels two
    morae (土井 *Doi*, *do-i*; 今井 *Imai*, *ima-i*)."""
    from thaw.text import japanese

    return language is japanese.kanji_edges


def run_bounds(
    language: EdgesOf, words: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The stretches of a name's characters (its ``words``) that one run of
    ``language`` may span: its words, and for Chinese and Korean hanja a word
    of two or three characters also cut after the first, the family name,
    which no Latin word writes together with the given name (韓偉 is not
    *Kani*, 马云 not *Marwan*)."""
    if language not in _languages()[1]:
        return words
    out: list[tuple[int, int]] = []
    for start, end in words:
        if 2 <= end - start <= 3:
            out += [(start, start + 1), (start + 1, end)]
        else:
            out.append((start, end))
    return tuple(out)


def spells_whole(language: EdgesOf, chars: str) -> bool:
    """Whether one run of ``language`` may spell the whole of ``chars``, a
    name written as one word, as one word of a longer Latin name: not
    Japanese for a name written as Chinese names are
    (:func:`thaw.text.han_names.written_as_chinese`: a common Chinese family
    name and a given name, 黄岩, 李子宸), which is a family name and a given
    name, not one Japanese word of a name (黄岩 is not the *ko-gan* of
    *Alexander Kogan*, 李子宸 not the *i-go-shin* of *Igor Igoshin*). Such a
    name may still spell a Latin name of one word whole (高輪 *Takanawa*, a
    surname alone), and its parts are spelt apart (石川遼 *Ishikawa Ryo*):
    :func:`thaw.match.spelling.spans`."""
    from thaw.text import japanese
    from thaw.text.han_names import written_as_chinese

    return language is not japanese.kanji_edges or not written_as_chinese(chars)


def spells_in_part(language: EdgesOf, chars: str) -> bool:
    """Whether ``language`` may spell ``chars``, a name written as one word,
    as a part of a longer Latin name (a listed word left unspelt): not Korean
    hanja for two characters written as Chinese names are
    (:func:`thaw.text.han_names.written_as_chinese`), which are a Chinese
    name unless the whole Korean name reads them (崔賢 *Choe Hyon*, 張勉
    *Chang Myon*), as :func:`thaw.text.chinese.han_variants` reads them: 黎晶
    is not the *Yo Jong* of *Kim Yo Jong*."""
    if len(chars) != 2 or language is not _languages()[0]["Han"][2]:
        return True
    from thaw.text.han_names import written_as_chinese

    return not written_as_chinese(chars)


#: A name written in kana (with or without kanji) and nothing else but the
#: marks that part its words.
_KANA_NAME: Final = re.compile(
    r"^(?=.*[\u3040-\u30ff])[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆\s・･=＝]+$"
)


def spelling_script(name: str) -> str:
    """``Hangul`` or ``Han`` for a name written in Hangul or in Chinese
    characters (:func:`thaw.text.chinese.cjk_script`), ``Kana`` for a
    Japanese name written with kana (つかこうへい, 小泉ひろみ), else empty: the
    names :mod:`thaw.match.spelling` compares."""
    if name.isascii():
        return ""
    script = cjk_script(name)
    if script:
        return script
    return "Kana" if _KANA_NAME.match(name.strip()) else ""


@lru_cache(maxsize=4096)
def query_spelling_script(name: str) -> str:
    """:func:`spelling_script` of a *query*: also ``Cyrillic`` for a name
    that may be a foreign name transcribed into Cyrillic, ``Armenian``,
    ``Georgian`` or ``Greek`` for a name in those letters
    (:func:`thaw.text.practical.sound_script`: Уотчетт *Watchett*,
    Делькруа *Delcroix*, ბაიდენი *Biden*), compared with Latin listed names
    by the Latin spellings its letters may stand for (:data:`SOUND_SCRIPTS`).
    (Only a query: a listed name in these scripts has its authority's Latin
    names beside it.) Remembered: the matcher asks for each listing."""
    script = spelling_script(name)
    if script or name.isascii():
        return script
    from thaw.text.practical import sound_script

    return sound_script(name)


#: The scripts whose words are spelt by their sounds, each word whole
#: (:mod:`thaw.text.practical`), not a syllable per character.
SOUND_SCRIPTS: Final = frozenset({"Cyrillic", "Armenian", "Georgian", "Greek"})


#: What parts the words of a name written in Cyrillic: spaces and hyphens
#: (*Диас-Канель*, which analysis reads as two words).
_CYRILLIC_MARKS: Final = re.compile(r"[\s\-\u2010\u2011\u2013]+")


@dataclass(frozen=True, slots=True)
class Written:
    """A name written in characters, as :mod:`thaw.match.spelling` compares
    it: its ``chars`` (spaces and word marks left out), its ``words`` as
    ``(start, end)`` positions among them (split where the name as written is),
    and for each character the ``owners``: the positions of the name's
    informative tokens it belongs to (one per character for Chinese
    characters and Hangul, whose tokens are syllables; a Japanese word in kana
    is read into one token or several, and each of its characters belongs to
    all of them)."""

    chars: str
    words: tuple[tuple[int, int], ...]
    owners: tuple[tuple[int, ...], ...]


_MARKS: Final = re.compile(r"[\s·・‧･=＝]+")


def query_chars(query: AnalyzedName) -> Written | None:
    """The name as :class:`Written` characters, or ``None`` when it is no
    name :func:`spelling_script` knows or when a token of it has no
    character of its own (a Latin word in it)."""
    tokens = query.informative
    if not tokens:
        return None
    original = query.original
    # (an iteration mark is the character it repeats, a variant form its
    # standard character, as analysis reads them: 佐々木 is 佐佐木, 髙橋 高橋)
    parts = [w for w in _MARKS.split(standard_characters(original)) if w]
    owners: tuple[tuple[int, ...], ...]
    if all(len(t.script_form) == 1 for t in tokens):
        chars = "".join(t.script_form for t in tokens)
        owners = tuple((i,) for i in range(len(tokens)))
    elif (
        not any(t.script_form for t in tokens) and query_spelling_script(original) in SOUND_SCRIPTS
    ):
        return _sound_chars(original, tokens)
    elif not any(t.script_form for t in tokens) and spelling_script(original) == "Kana":
        chars = "".join(parts)
        if len(parts) == len(tokens):  # (each word read as one token)
            owners = tuple((k,) for k, w in enumerate(parts) for _ in w)
        else:
            owners = (tuple(range(len(tokens))),) * len(chars)
        return Written(chars, _words(parts), owners)
    else:
        return None
    words: list[tuple[int, int]] = []
    at = 0
    for word in parts:
        start = at
        for ch in word:
            if at < len(chars) and chars[at] == ch:
                at += 1
        if at > start:
            words.append((start, at))
    return Written(chars, tuple(words), owners) if at == len(chars) else None


def _sound_chars(original: str, tokens: tuple[Token, ...]) -> Written | None:
    """A name in Cyrillic, Armenian, Georgian or Greek letters as
    :class:`Written` letters: each word whose reading is the next informative
    token's (a stop word, which has none, is left out), its letters owned by
    that token; ``None`` when the words and tokens do not so pair up."""
    from thaw.text.translit import transliterate_word

    parts: list[str] = []
    at = 0
    for word in _CYRILLIC_MARKS.split(original):
        if not word:
            continue
        reading = "".join(transliterate_word(word)[0])
        if at < len(tokens) and reading and tokens[at].raw == reading:
            parts.append(word.lower())
            at += 1
    if at != len(tokens):
        return None
    owners = tuple((k,) for k, w in enumerate(parts) for _ in w)
    return Written("".join(parts), _words(parts), owners)


def _words(parts: list[str]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    at = 0
    for word in parts:
        out.append((at, at + len(word)))
        at += len(word)
    return tuple(out)


def run_spellings(
    word: str,
    language: EdgesOf,
    longest: int,
    most: int,
    keep: Callable[[str], bool] | None = None,
    cuts: Sequence[int] = (),
    width: int | None = None,
    whole: bool = False,
    same: Callable[[str], str] | None = None,
) -> list[tuple[int, int, list[str]]]:
    """Each run of at most ``longest`` characters of ``word`` with the
    spellings of the whole run (its edges' spellings joined, every way
    through it), for looking up listed words that a run may write
    (*Jaemyung*, *Sakamoto*): ``(start, end, spellings)``. The runs from one
    start are walked depth first, a joined spelling extended only if
    ``keep`` accepts it (a vocabulary's prefixes: most joins of a
    character's many readings begin no word), at most ``most`` spellings
    from one start; no run crosses a position of ``cuts``
    (:func:`run_bounds`). With ``width``, a run of several edges joins only
    the first ``width`` spellings of each, the usual ones (the languages give
    them most usual first), as their joins multiply; a run of one edge has
    all its spellings, which cost a lookup each (黃少澤 *Wong Sio Chak*: *sio*
    is the fifteenth spelling of 少, a Macau one). With ``whole``, only the
    run of the whole word, as a word spelt by its sounds is spelt
    (:func:`spells_syllables`: Σιράκ *Chirac*, not *Sir*), likeliest
    spellings first (:func:`_whole_spellings`), and with ``same`` (what a
    complete spelling is looked up as: a folding) its spellings that ``same``
    makes one are listed and charged to ``most`` once, and a joined spelling
    reached again by other edges (*w-i*, *wi*) is not extended again: the
    budget goes to spellings that may find another word (Уилан: *wilan*,
    *willan*, *wilann* are one lookup, and *Whelan* is reached).
    (A list, not a generator: compiled, a generator's every step is a call.)"""
    out: list[tuple[int, int, list[str]]] = []
    edges: dict[int, list[tuple[int, tuple[str, ...], tuple[str, ...]]]] = {}
    for start, end, spellings in language(word):
        edges.setdefault(start, []).append((end, spellings, spellings[:width]))
    if whole:
        texts = _whole_spellings(len(word), edges, most, keep, same)
        return [(0, len(word), texts)] if texts else []
    for start in range(len(word)):
        limit = min([c for c in cuts if c > start], default=len(word))
        found: dict[int, list[str]] = {}
        budget = most
        stack: list[tuple[int, str]] = [(start, "")]
        while stack and budget > 0:
            at, joined = stack.pop()
            children: list[tuple[int, str]] = []
            for end, every, usual in edges.get(at, ()):
                if end - start > longest or end > limit or not every:
                    continue
                # a run that stops at ``end`` grows no further where no edge
                # starts there within the bounds: not asked of ``keep``
                grows = end < limit and end - start < longest and end in edges
                texts = found.setdefault(end, [])
                spellings = every if at == start else usual
                budget -= len(spellings)  # (the budget is checked between runs)
                if not grows:
                    texts.extend([joined + spelling for spelling in spellings])
                    continue
                for k, spelling in enumerate(spellings):
                    text = joined + spelling
                    texts.append(text)
                    if (width is None or k < width) and (keep is None or keep(text)):
                        children.append((end, text))
            stack.extend(reversed(children))  # the first spellings first
        for end, texts in sorted(found.items()):
            out.append((start, end, list(dict.fromkeys(texts))))
    return out


def _whole_spellings(
    length: int,
    edges: dict[int, list[tuple[int, tuple[str, ...], tuple[str, ...]]]],
    most: int,
    keep: Callable[[str], bool] | None,
    same: Callable[[str], str] | None,
) -> list[str]:
    """The spellings of a whole word of ``length`` letters by its ``edges``
    (``start``: ``(end, spellings, usual spellings)``), at most ``most`` steps
    (a joined spelling extended or a complete one listed), the likeliest first:
    those that spell fewer of the word's letters other than by their first
    spelling, then those whose letters' spellings come earlier. So each
    letter's every spelling is tried, the others spelt as usual, before two
    letters are spelt otherwise, and the budget is not spent on the spellings
    of the last letters alone, as a walk depth first spends it (Σιράκ: the
    seventh spelling of σ, *ch*, and the second of κ, *c*, spell *Chirac*).
    A joined spelling is extended only if ``keep`` accepts it; with ``same``,
    the complete spellings that ``same`` makes one are listed once, and a
    joined spelling reached again by other edges is not extended again."""
    out: list[str] = []
    listed: set[str] = set()
    grown: set[tuple[int, str]] = set()
    # (letters spelt otherwise, the sum of their spellings' ranks, the next
    # letter's position negated: of two alike, the longer first; the order of
    # reaching; the position; the joined spelling)
    heap: list[tuple[int, int, int, int, int, str]] = [(0, 0, 0, 0, 0, "")]
    reached = 0
    budget = most
    while heap:
        otherwise, ranks, _deeper, _order, at, joined = heapq.heappop(heap)
        if at == length:
            out.append(joined)
            continue
        if budget <= 0:
            continue  # (the complete spellings reached are still listed)
        for end, every, usual in edges.get(at, ()):
            if end > length or (end < length and end not in edges):
                continue
            for k, spelling in enumerate(every if at == 0 else usual):
                text = joined + spelling
                if end == length:
                    looked_up = text if same is None else same(text)
                    if looked_up in listed:
                        continue  # (a lookup made already costs nothing)
                    listed.add(looked_up)
                else:
                    if same is not None:
                        if (end, text) in grown:
                            continue
                        grown.add((end, text))
                    if keep is not None and not keep(text):
                        continue
                reached += 1
                budget -= 1
                entry = (otherwise + (k > 0), ranks + k, -end, reached, end, text)
                heapq.heappush(heap, entry)
    return out
