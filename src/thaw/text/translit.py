"""Transliteration of one word, written in any script, to lower-case ASCII words.

Each script gets the treatment its writing system needs:

* **Latin, Cyrillic, Greek, Armenian, Georgian**: rigour's transliteration
  (``Шевченко → shevchenko``, BGN-like spellings), diacritics removed.
* **Arabic, Persian, Urdu, Hebrew** (abjads): ICU's transliteration; the result is
  flagged *abjad* because short vowels are not written, so the matcher compares
  such words on their consonants. The Arabic article ``ال`` is split off and
  dropped, ``الله`` is *allah*, and ``عبد`` compounds (``عبدالرحمن``) are
  split. A word written with a letter only Persian has (``پ چ ژ گ ک ی``) reads
  ``ض ظ ذ`` as *z*, as Persian does (``رضا`` is *Reza*).
* **Chinese** (Han): one pinyin syllable per character; organisation vocabulary
  (``有限公司``, ``技术``, ``银行`` …) is recognised first and translated, see
  :data:`thaw.text.vocab.CJK_ORG_WORDS`.
* **Japanese** kana: romaji (ICU); kanji as Han.
* **Korean** (Hangul): one romanised syllable per character, then folded towards
  the McCune-Reischauer-like spellings used on the lists (``eo→o``, ``eu→u``,
  initial ``g/d/b→k/t/p``, final ``g/b/d→k/p/t`` as the Revised Romanization
  reads them), so ``김정은`` gives ``kim jong un`` and ``박`` ``pak``.
* **Devanagari, Bengali** and other Indic scripts: ICU, with the inherent final
  vowel dropped (``मोहम्मद → mohammad``, not ``mohammada``).
* Anything else: ICU's ``Any-Latin``; what still is not ASCII is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

import icu
from rigour._core import codepoint_script, maybe_ascii

ABJAD_SCRIPTS: Final = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
INDIC_SCRIPTS: Final = frozenset(
    {
        "Devanagari",
        "Bengali",
        "Gurmukhi",
        "Gujarati",
        "Oriya",
        "Tamil",
        "Telugu",
        "Kannada",
        "Malayalam",
        "Sinhala",
    }
)
RIGOUR_SCRIPTS: Final = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian"})
CJK_SCRIPTS: Final = frozenset({"Han", "Hiragana", "Katakana"})

_NON_ALNUM: Final = re.compile(r"[^a-z0-9]+")
_KOREAN_FOLD: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"eo", "o"),
        (r"eu", "u"),
        (r"^g", "k"),
        (r"^d", "t"),
        (r"^b", "p"),
        (r"^r(?=[aeiou])", "r"),
        (r"ae", "e"),
        # a final ㄱ, ㅂ, ㄷ is read k, p, t (박 → bak, not bag)
        (r"(?<!n)g$", "k"),
        (r"b$", "p"),
        (r"d$", "t"),
    )
)


@lru_cache(maxsize=8)
def _icu(ident: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(ident)


def word_script(word: str) -> str:
    """The script of the first letter of ``word`` that is not Latin (else Latin)."""
    if word.isascii():
        return "Latin"
    for ch in word:
        if ch.isalpha() and ord(ch) > 0x24F:
            script = codepoint_script(ord(ch))
            if script and script not in ("Common", "Inherited", "Latin"):
                return script
    return "Latin"


def _ascii_words(text: str) -> list[str]:
    text = text.lower().replace("'", "").replace("ʿ", "").replace("ʾ", "")
    return [w for w in _NON_ALNUM.split(text) if w]


#: Letters only Persian (and Urdu) write: a word with one is read the Persian way.
_PERSIAN_LETTERS: Final = frozenset("پچژگکی")
#: Letters Arabic reads d, dh, z and Persian z (ضیایی is Ziaei, رضا Reza).
_PERSIAN_Z: Final = str.maketrans({"ض": "ز", "ظ": "ز", "ذ": "ز"})


def _arabic(word: str) -> list[str]:
    parts: list[str] = []
    if word == "عبد":
        return ["abd"]
    if word in ("الله", "لله"):
        return ["allah"]
    if not _PERSIAN_LETTERS.isdisjoint(word):
        word = word.translate(_PERSIAN_Z)
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if word.startswith("عبد") and len(word) > 4:
        rest = word[3:]
        if rest.startswith("ال"):
            rest = rest[2:]
        return ["abd", *_arabic(rest)] if rest not in ("له", "لله") else ["abdallah"]
    out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
    parts.extend(_ascii_words(out))
    return parts


def _korean(word: str) -> list[str]:
    out: list[str] = []
    for ch in word:
        if not ch.isalpha():
            continue
        syl = maybe_ascii(ch).lower()
        if not syl.isascii():
            continue
        for pattern, repl in _KOREAN_FOLD:
            syl = pattern.sub(repl, syl)
        out.extend(_ascii_words(syl))
    return out


def _indic(word: str) -> list[str]:
    out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
    words = _ascii_words(out)
    last = word[-1] if word else ""
    # schwa deletion: a word ending in a bare consonant letter loses its final 'a'
    if words and unicodedata.category(last) == "Lo" and words[-1].endswith("a"):
        words[-1] = words[-1][:-1] or words[-1]
    return words


def _cjk(word: str) -> list[str]:
    out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
    return _ascii_words(out)


def _without_marks(word: str) -> str:
    """``word`` decomposed (NFKD) without its combining marks (``é`` → ``e``)."""
    return "".join([c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)])


@lru_cache(maxsize=100_000)
def transliterate_word(word: str) -> tuple[tuple[str, ...], bool]:
    """Transliterate one word to lower-case ASCII words.

    Returns the words and whether the source was written in an abjad (vowels
    missing). A word may give several (a Chinese word one per syllable) or none
    (a script nobody can romanise, such as Khmer without ICU support).
    """
    if word.isascii():
        # (rigour's transliteration leaves ASCII as it is, at the cost of a run of
        # its ICU rules: a tenth of the analysis of a new Latin-script name)
        return tuple(_ascii_words(word)), False
    script = word_script(word)
    if script == "Latin":
        # accented Latin letters: their letters without the marks are what rigour's
        # Latin-ASCII gives (checked on every Latin letter and 2,550 words of the
        # lists and bench files) at a thirtieth of its cost; others (ø, ß, ı) go on
        plain = _without_marks(word)
        if plain.isascii():
            return tuple(_ascii_words(plain)), False
    if script in RIGOUR_SCRIPTS:
        latin = maybe_ascii(word)
        if not latin.isascii():
            from normality import ascii_text  # rarely needed; slow to import

            latin = ascii_text(latin) or ""
        return tuple(_ascii_words(latin)), False
    if script in ABJAD_SCRIPTS:
        if script == "Arabic":
            return tuple(_arabic(word)), True
        out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
        return tuple(_ascii_words(out)), True
    if script == "Hangul":
        return tuple(_korean(word)), False
    if script in INDIC_SCRIPTS:
        return tuple(_indic(word)), False
    if script in CJK_SCRIPTS:
        return tuple(_cjk(word)), False
    out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
    return tuple(_ascii_words(out)), False
