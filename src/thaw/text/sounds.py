"""The sounds of a name word as transcriptions write them: a word in Chinese
characters or Hangul as the Latin sounds its syllables stand for
(:func:`cjk_sounds`), a Latin word as the sounds of its spelling
(:func:`latin_sounds`), each sound with its syllable and how a transcription
may leave it unwritten; and the **onset key** of either (:func:`onset_key`),
the consonants that begin its syllables, which a transcription keeps when it
drops or adds the rest, so that retrieval (:mod:`thaw.index.candidates`) finds
*Ersan* for 厄森 and *Knatchbull* for 내치불. :mod:`thaw.match.transcription`
aligns the sounds to score such a pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Final

from thaw.text.analyze import AnalyzedName
from thaw.text.chinese import MIDDLE_DOT, han_words
from thaw.text.korean import is_foreign_hangul, is_hangul_syllable, is_korean_name

#: The sounds: vowels ``a e i o u``, the Korean vowel ㅓ ``3`` (English *u*,
#: schwa), the glides ``y w``, and consonants: the Latin letters as English
#: reads them (``j`` as in *John*), ``C`` for *ch*, ``S`` for *sh*, ``N`` for
#: *ng*, ``T`` for *ts* (capitals, so that spelling rules never read them as
#: letters).
VOWELS: Final = frozenset("aeiou3")
GLIDES: Final = frozenset("yw")


@dataclass(frozen=True, slots=True)
class Sound:
    """One sound of a word: its letter (see :data:`VOWELS`), the syllable it
    belongs to (an index into the word), and how it may be left unexplained
    (a key of :data:`DROP`)."""

    letter: str
    syllable: int
    drop: str


# -- Chinese characters -------------------------------------------------------

#: Pinyin initials as the sounds they transcribe (*x* is *sh* and *s*, *q*
#: *ch*, *zh* *j*, *c* *ts*, *r* *r* and *l* by class).
_PINYIN_INITIALS: Final = (
    ("zh", "j"), ("ch", "C"), ("sh", "S"), ("b", "b"), ("p", "p"), ("m", "m"), ("f", "f"),
    ("d", "d"), ("t", "t"), ("n", "n"), ("l", "l"), ("g", "g"), ("k", "k"), ("h", "h"),
    ("j", "j"), ("q", "C"), ("x", "S"), ("r", "r"), ("z", "z"), ("c", "T"), ("s", "s"),
    ("y", "y"), ("w", "w"),
)  # fmt: skip
#: Pinyin finals as the sounds they write in transcriptions (Xinhua's columns:
#: *ai* and *ei* write *e*, *ao*, *ou* and *uo* write *o*: 罗 *ro*; another
#: medial *i* or *u* is a glide; ``*`` marks a weak glide, one the Latin name
#: may lack).
_PINYIN_FINALS: Final = (
    ("iang", "*yaN"), ("iong", "*yoN"), ("uang", "*waN"), ("ang", "aN"), ("eng", "eN"),
    ("ing", "iN"), ("ong", "oN"), ("ian", "*yan"), ("uan", "*wan"), ("iao", "*yo"),
    ("uai", "*we"), ("ai", "e"), ("ei", "e"), ("ao", "o"), ("ou", "o"), ("uo", "o"),
    ("ia", "*ya"), ("ie", "*ye"), ("iu", "*yu"), ("ua", "*wa"), ("ui", "*wi"), ("ue", "*ye"),
    ("ve", "*ye"), ("an", "an"), ("en", "en"), ("in", "in"), ("un", "un"), ("vn", "in"),
    ("er", "er"), ("a", "a"), ("o", "o"), ("e", "e"), ("i", "i"), ("u", "u"), ("v", "u"),
)  # fmt: skip
#: The characters of the tables' consonant column (a consonant no vowel
#: follows, written with a syllable of its own: 斯 *s*, 克 *k*, 尔 *r*), whose
#: vowel is no sound of the name; simplified and traditional forms.
CONSONANT_COLUMN: Final = frozenset("布不普德特格克夫姆尔爾斯兹茲茨什赫弗")


@lru_cache(maxsize=4096)
def _pinyin_sounds(syllable: str) -> tuple[tuple[str, str], ...]:
    """The sounds of one pinyin syllable: ``(letter, drop kind)`` pairs."""
    out: list[tuple[str, str]] = []
    rest = syllable
    found = ""
    for initial, sound in _PINYIN_INITIALS:
        if rest.startswith(initial):
            found, rest = initial, rest[len(initial) :]
            if (initial == "y" and rest[:1] in ("i", "u")) or (initial == "w" and rest[:1] == "u"):
                break  # yi, yu, yin, wu: the vowel itself
            out.append((sound, "glide" if sound in GLIDES else "onset"))
            break
    if found in ("j", "q", "x", "y") and rest.startswith("u"):
        rest = "v" + rest[1:]  # ju, qu, xu, yu: ü
    for final, sounds in _PINYIN_FINALS:
        if rest == final:
            weak = sounds.startswith("*")
            for k, letter in enumerate(sounds.lstrip("*")):
                if k == 0 and weak:
                    out.append((letter, "glide"))
                elif letter in "nN":
                    out.append((letter, "nasal"))
                elif letter == "r":
                    out.append((letter, "coda_liquid"))
                else:
                    out.append((letter, "vowel"))
            break
    else:
        out += [(ch, "vowel" if ch in VOWELS else "onset") for ch in rest]
    return tuple(out)


def han_sounds(word: str) -> tuple[Sound, ...]:
    """The sounds of a word in Chinese characters, one syllable per character
    (by its pinyin, :func:`thaw.text.chinese.han_words`), the vowel of a
    consonant-column character (:data:`CONSONANT_COLUMN`) weak; empty when a
    character has no single reading."""
    syllables = han_words(word)
    if len(syllables) != len(word):
        return ()
    out: list[Sound] = []
    for k, (ch, syllable) in enumerate(zip(word, syllables, strict=True)):
        for letter, drop in _pinyin_sounds(syllable):
            if ch in CONSONANT_COLUMN and letter in VOWELS:
                drop = "weak"
            out.append(Sound(letter, k, drop))
    return tuple(out)


# -- Hangul -------------------------------------------------------------------

#: Initial consonants (choseong order) as the loanword orthography uses them:
#: ㄲ ㄸ ㅃ ㅉ write the plain or tense sounds, ㅇ nothing.
_HANGUL_INITIALS: Final = ("g", "k", "n", "d", "t", "r", "m", "b", "p", "s", "s", "", "j", "T",
                           "C", "k", "t", "p", "h")  # fmt: skip
#: Vowels (jungseong order): ㅓ is ``3``, the vowel English *u* and unstressed
#: syllables are written with; a medial *y* or *w* is a glide.
_HANGUL_VOWELS: Final = ("a", "e", "ya", "ye", "3", "e", "y3", "ye", "o", "wa", "we", "we",
                         "yo", "u", "w3", "we", "wi", "yu", "u", "ui", "i")  # fmt: skip
#: Final consonants (jongseong order, 0 for none): the loanword orthography
#: writes a final *t*, *s* and *ch* all with ㅅ.
_HANGUL_FINALS: Final = tuple(
    "" if f == "-" else f for f in "- k k k n n n t l k m l l l p l m p p t t N t t k t p t".split()
)
_EU: Final = 18
_I: Final = 20
_CH_J: Final = frozenset({12, 14})  # ㅈ ㅊ
_RIEUL_INITIAL: Final = 5
_RIEUL_FINAL: Final = 8


def hangul_sounds(word: str) -> tuple[Sound, ...]:
    """The sounds of a word in Hangul by the loanword orthography read
    backwards: ㅡ after a consonant, in a syllable with no final, is an
    epenthetic vowel (weak), and so is ㅣ after ㅈ and ㅊ (치 for *tch*) with
    no final; ㄹㄹ across syllables is one *l* (릴리 *Lili*); empty for a word
    with a character that is no Hangul syllable."""
    out: list[Sound] = []
    last_final = 0
    for k, ch in enumerate(word):
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return ()
        initial, vowel, final = code // 588, (code % 588) // 28, code % 28
        letter = _HANGUL_INITIALS[initial]
        if letter and not (initial == _RIEUL_INITIAL and last_final == _RIEUL_FINAL):
            out.append(Sound(letter, k, "h" if letter == "h" else "onset"))
        weak = not final and (
            (vowel == _EU and letter) or (vowel == _I and initial in _CH_J and k > 0)
        )
        for m, v in enumerate(_HANGUL_VOWELS[vowel]):
            drop = "weak" if weak else ("glide" if v in GLIDES and m == 0 else "vowel")
            out.append(Sound(v, k, drop))
        if final:
            f = _HANGUL_FINALS[final]
            out.append(Sound(f, k, "nasal" if f in "nmN" else "coda"))
        last_final = final
    return tuple(out)


@lru_cache(maxsize=4096)
def cjk_sounds(word: str) -> tuple[Sound, ...]:
    """The sounds of a word written in Hangul or in Chinese characters."""
    if word and "\uac00" <= word[0] <= "\ud7a3":
        return hangul_sounds(word)
    return han_sounds(word)


# -- Latin --------------------------------------------------------------------

#: Spelling rules read in order, each a regular expression on the lower-case
#: word and its sounds: silent letters first, then digraphs as one sound.
_SPELLING: Final = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"^(?:kn|gn|pn)", "n"),
        (r"^wr", "r"),
        (r"^ps", "s"),
        (r"(.)\1", r"\1"),
        (r"^x", "z"),
        (r"x", "ks"),
        (r"qu", "kw"),
        (r"q", "k"),
        (r"tch", "C"),
        (r"sch", "S"),
        (r"(?:sh|ch(?=[ae]s?$))", "S"),
        (r"ch", "C"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"(?<=[^aeiouy])e$", ""),  # silent final e (Candace, Denise)
        (r"ph", "f"),
        (r"th", "t"),
        (r"dg", "j"),
        (r"zh", "j"),
        (r"(?:tz|ts)", "T"),
        (r"ng(?![aeiouy])", "N"),
        (r"gh(?![aeiouy])", ""),
        (r"(?<![aeiou])y(?![aeiou])", "i"),
        (r"y$", "i"),
        (r"w(?![aeiou])", "u"),
        (r"(.)\1", r"\1"),
    )
)
_LATIN_WORD: Final = re.compile(r"^[a-z]+$")


@lru_cache(maxsize=8192)
def latin_sounds(word: str) -> tuple[Sound, ...]:
    """The sounds of a Latin-script word by its spelling (:data:`_SPELLING`),
    each consonant marked as an onset (a vowel or glide follows) or a coda;
    every sound is its own syllable index. Empty for a word that is not
    lower-case ASCII letters."""
    if not _LATIN_WORD.match(word):
        return ()
    spelt = word
    for pattern, replacement in _SPELLING:
        spelt = pattern.sub(replacement, spelt)
    out: list[Sound] = []
    for k, letter in enumerate(spelt):
        nxt = spelt[k + 1] if k + 1 < len(spelt) else ""
        if letter in VOWELS:
            drop = "digraph" if k and spelt[k - 1] in VOWELS else "vowel"
        elif letter == "h":
            drop = "h"
        elif letter in GLIDES:
            drop = "glide"
        elif nxt and (nxt in VOWELS or nxt in GLIDES):
            drop = "onset"
        else:
            drop = "coda_liquid" if letter in "lr" else "coda"
        out.append(Sound(letter, k, drop))
    return tuple(out)


# -- A listed name -------------------------------------------------------------

_WORD_BREAK: Final = re.compile(f"[\\s{MIDDLE_DOT[1:-1]}]+")
_DOTS: Final = re.compile(MIDDLE_DOT)


def korean_shaped(word: str) -> bool:
    """Whether a Hangul word is shaped as a Korean name rather than a
    transcription: two syllables that Chinese characters read (a Korean given
    name: 배신, 명훈), or three beginning with a common surname (김정은). Its
    readings compare it; sounds that merely agree would join it with other
    people's names (명훈 and *Mingjun*)."""
    if not word or not is_hangul_syllable(word[0]):
        return False
    return (len(word) == 2 and not is_foreign_hangul(word)) or is_korean_name(word)


def query_words(query: AnalyzedName) -> list[tuple[str, tuple[int, ...]]]:
    """The words of a query name written in Chinese characters or Hangul, each
    with the positions of its syllables among the query's informative tokens
    (a character without a token of its own, such as a dropped 氏, is left
    out of its word). A name in Chinese characters written in several words
    apart, without a middle dot (桂芝 秀兰 孙, as customer files write Chinese
    and Japanese names), is no transcription: it has no words to compare so
    (Chinese writes a foreign name as one word, or its parts joined by a
    middle dot). The words of a Hangul name are all returned; those shaped as
    a Korean name are not compared (:func:`transcribed_best`)."""
    original = query.original
    if (
        len(original.split()) > 1
        and not _DOTS.search(original)
        and not is_hangul_syllable(original.strip()[:1])
    ):
        return []
    tokens = query.informative
    at = 0
    out: list[tuple[str, tuple[int, ...]]] = []
    for word in _WORD_BREAK.split(original):
        run: list[int] = []
        for ch in word:
            if at < len(tokens) and tokens[at].script_form == ch:
                run.append(at)
                at += 1
        if run:
            out.append(("".join(tokens[i].script_form for i in run), tuple(run)))
    return out


# -- Onset keys ---------------------------------------------------------------

#: The onset consonants as the key writes them: one letter per class of sounds
#: the transcriptions write alike (*l* and *r*; *t* and *d*; *k* and *g*; *p*,
#: *b*, *f* and *v*; every sibilant and affricate), *m* and *n* apart.
_ONSET_CLASS: Final = str.maketrans(
    {"r": "l", "d": "t", "g": "k", "b": "p", "f": "p", "v": "p", "z": "s", "S": "s",
     "C": "s", "T": "s", "j": "s", "x": "s", "q": "k", "c": "k", "N": "n"}
)  # fmt: skip
#: The key's mark for a syllable that begins with a vowel or a glide.
NO_ONSET: Final = "-"


#: The vowel classes of the fine onset key: front and open vowels (*a*, *e*,
#: *i*: Chinese 森 *sen* writes *san*, Korean 내 *nae* writes *na*) and back
#: ones (*o*, *u*); ``3`` (Korean ㅓ) writes any (:func:`cjk_onset_keys`
#: reads it as each).
_VOWEL_CLASS: Final = str.maketrans({"e": "a", "i": "a", "o": "u"})
_ANY_VOWEL: Final = "3"


def onset_key(sounds: tuple[Sound, ...], cjk: bool, vowels: bool = False) -> str:
    """The onset key of a word's sounds (:func:`cjk_sounds` when ``cjk``, else
    :func:`latin_sounds`): :data:`NO_ONSET` when its first syllable begins
    with a vowel, then the class (:data:`_ONSET_CLASS`) of each consonant
    that begins a syllable.

    A syllable is what a transcription writes with one character: on the
    Latin side a run of vowels, its onset the consonant right before it (a
    consonant before another consonant is a coda, or part of a cluster,
    which transcriptions drop or write apart); on the Chinese or Korean side
    a character, except one whose vowel is weak (斯 *s*, 트 *t*: it writes a
    Latin coda, not a syllable), its onset its initial consonant, or in Hangul
    the final consonant of the syllable before when it has none (석일
    *Seogil*). *h* and the glides count as no onset (Latin *h* and *y* are
    written either way), and a syllable without one is only marked first
    (two vowels of a Latin word may be two syllables: *Mohammadian*,
    穆罕默迪恩). So *Ersan* and 厄森 both give ``-s``, *Candace* and 坎迪斯
    ``kt``, *Knatchbull* and 내치불 ``np``. Empty for a word of no syllable.

    With ``vowels``, the **fine** key: each onset followed by the class of its
    syllable's vowel (:data:`_VOWEL_CLASS`: *a*, *e* or *i*, *o* or *u*),
    ``-asa`` for *Ersan* and 厄森 (``nu`` for *Noble* and 노블)."""
    out: list[str] = []
    if cjk:
        by_syllable: dict[int, list[Sound]] = {}
        for s in sounds:
            by_syllable.setdefault(s.syllable, []).append(s)
        carried = ""
        for run in by_syllable.values():
            first, last = run[0], run[-1]
            if any(s.drop == "weak" for s in run):
                carried = ""
                continue
            letter = first.letter if first.drop == "onset" and first.letter != "h" else carried
            if letter or not out:
                out.append(letter.translate(_ONSET_CLASS) if letter else NO_ONSET)
                if vowels:
                    vowel = next((x.letter for x in run if x.letter in VOWELS), _ANY_VOWEL)
                    out.append(vowel.translate(_VOWEL_CLASS))
            carried = last.letter if last.drop == "coda" and last.letter != "h" else ""
        return "".join(out)
    previous: Sound | None = None
    for s in sounds:
        if s.letter in VOWELS and s.drop != "digraph":
            if previous is not None and previous.drop == "onset":
                out.append(previous.letter.translate(_ONSET_CLASS))
            elif out:
                previous = s
                continue
            else:
                out.append(NO_ONSET)
            if vowels:
                out.append(s.letter.translate(_VOWEL_CLASS))
        previous = s
    return "".join(out)


def cjk_onset_keys(word: str, limit: int, vowels: bool = False) -> list[str]:
    """The onset keys (:func:`onset_key`, fine with ``vowels``) a word in
    Chinese characters or Hangul may have, at most ``limit``, the plain one
    first: a character of the consonant column (普 *pu*, 斯 *si*) or a Korean
    syllable with an epenthetic vowel (지 *ji*) writes a Latin coda as often
    as a syllable of its own (馬普拉 *Mapula*), so the keys reading some of
    them as syllables follow, fewest first; in a fine key, Korean ㅓ stands
    for each vowel class."""
    sounds = cjk_sounds(word)
    if not sounds:
        return []
    weak = sorted({s.syllable for s in sounds if s.drop == "weak"})
    keys = [onset_key(sounds, True, vowels)]
    for size in range(1, len(weak) + 1):
        for chosen in combinations(weak, size):
            read = tuple(
                Sound(s.letter, s.syllable, "vowel")
                if s.syllable in chosen and s.drop == "weak"
                else s
                for s in sounds
            )
            keys.append(onset_key(read, True, vowels))
    out: list[str] = []
    for key in dict.fromkeys(keys):
        spelt = [""]
        for ch in key:
            options = "au" if ch == _ANY_VOWEL else ch
            spelt = [k + o for k in spelt for o in options][:limit]
        out.extend(spelt)
    return list(dict.fromkeys(out))[:limit]
