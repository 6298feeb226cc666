"""A well-known organisation's one-word name as another language spells it.

Prose in German, Spanish, French or Turkish writes a foreign organisation's name
the way its own spelling renders the sound: *Hisbollah* (German *s* for the
*z* of *Hizbollah*), *Hezbolá* (Spanish drops the final *h* and one *l*),
*Shebab*, *Chabab*, *Şebab* (French and Turkish for *al-Shabaab*); a Korean
or Japanese transcription read back into Latin letters does the same
(헤즈볼라 *hezbola*). No list publishes those spellings, so the word is in
no listed name and name screening does not even retrieve the party.

:func:`sound_key` reduces a Latin word to how it sounds, spelling conventions
aside: the letters of one sound in different languages' spelling as one
(*sch*, *sh*, *ch*, *ş*; *z* and *s*; *kh* and *h*; *w* and *v*; *y* and *i*),
every vowel as one vowel (a transcription writes the unstressed ones as it
hears them), a doubled letter once and a final *h* dropped.
:class:`SoundAlikes` keeps, for each key, the one-word names of listed
organisations that at least :data:`AUTHORITIES` authorities publish (a
well-known party: what a newspaper names in its own spelling), and answers a
word of prose with the listed spelling it sounds like, when the two are also
alike as written: they differ in one way only (:func:`one_difference`: the
spelling of consonants or the vowels, not both: *Rostock* is no *Rostec*) and
are close letter by letter (:data:`SIMILARITY`: the key forgets vowels, so
*Homes* has the key of *Hamas* but is no spelling of it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from rapidfuzz import fuzz

from thaw.index import Entry
from thaw.screen.text.mentions import _HACEK, PARTICLES
from thaw.text import analyze_name

AUTHORITIES: Final = 2
"""The fewest authorities (OFAC, DFAT, OFSI, the UN …) that must list a one-word
name for a spelling that only sounds like it to name the party."""

SIMILARITY: Final = 0.75
"""How alike (:func:`rapidfuzz.fuzz.ratio`, 0–1) the word as written and the
listed word, both folded to plain lower-case letters, must be (*hisbollah* ~
*hizbollah* 0.89, *shebab* ~ *shabaab* 0.77; *homes* ~ *hamas* 0.6 is not)."""

MIN_LETTERS: Final = 5
"""The fewest letters of a word (and of the listed word) read by its sound: a
shorter word sounds like too many others."""

MAX_WORDS: Final = 3
"""The most written words (particles aside) of a listed name read for its one
informative word: a legal form or two beside it (*Rosneft PJSC*, *OAO
Gazprom*). Longer names are not analysed word by word, which keeps building
the table cheap."""

SCHEMATA: Final = frozenset({"Organization", "Company"})
"""What a one-word name read by its sound may name: an organisation, never a
person (a surname alone proves nothing) nor a vessel (named after a vessel word,
as written)."""

_NOT_INFORMATIVE: Final = frozenset({"stop", "particle", "honorific", "legal_form"})

_LETTER_SOUNDS: Final = (
    ("tsch", "C"),
    ("dsch", "j"),
    ("dzh", "j"),
    ("dj", "j"),
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("qu", "k"),
    ("q", "k"),
    ("c", "k"),
    ("z", "s"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
)
"""Spellings of one sound in the languages around, as one letter (capitals for
the sounds English writes with two letters, so no later rule reads them)."""
_SOUNDS: Final = re.compile("|".join(spelling for spelling, _ in _LETTER_SOUNDS))
_SOUND_OF: Final = dict(_LETTER_SOUNDS)
_VOWELS: Final = str.maketrans("eiou", "aaaa")
_DOUBLED: Final = re.compile(r"(.)\1+")
_PLAIN: Final = re.compile("[a-z]+")


def plain(word: str) -> str:
    """``word`` in plain lower-case Latin letters (``Şebab`` → ``shebab``,
    ``Hezbolá`` → ``hezbola``), or ``""`` when it has letters of another script."""
    lower = word.lower().translate(_HACEK)
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c)
    )
    letters = folded.replace("-", "").replace("'", "").replace("’", "")
    return letters if _PLAIN.fullmatch(letters) else ""


def _sounds(letters: str) -> str:
    """Plain letters with each sound's spellings as one (:data:`_LETTER_SOUNDS`),
    a doubled letter once and a final *h* after a vowel dropped; vowels kept."""
    sounds = _SOUNDS.sub(lambda m: _SOUND_OF[m.group()], letters)
    if len(sounds) > 1 and sounds.endswith("h") and sounds[-2] in "aeiou":
        sounds = sounds[:-1]
    return _DOUBLED.sub(r"\1", sounds)


def sound_key(word: str) -> str:
    """How a Latin word sounds, its language's spelling aside (see the module
    docs): ``Hisbollah``, ``Hezbolá``, ``HIZBALLAH`` → ``hasbala``; ``Shebab``,
    ``Chabab``, ``Al-Shabaab``'s ``Shabaab`` → ``Sabab``. ``""`` for a word in
    another script."""
    letters = plain(word)
    if not letters:
        return ""
    return _DOUBLED.sub(r"\1", _sounds(letters).translate(_VOWELS))


def _consonants(letters: str) -> str:
    return _DOUBLED.sub(r"\1", "".join(c for c in letters if c not in "aeiouy"))


def one_difference(word: str, listed: str) -> bool:
    """Whether two words of one :func:`sound_key` differ in one way only: in how
    their consonants are spelt, vowels alike (*Hisbollah*, *Hizbollah*;
    *Chabab*, *Shabab*), or in their vowels, consonants written alike
    (*Shebab*, *Shabaab*). Both at once is another word (*Rostock*, *Rostec*)."""
    a, b = plain(word), plain(listed)
    return _sounds(a) == _sounds(b) or _consonants(a) == _consonants(b)


def one_word(name: str) -> str | None:
    """The one written word of a listed name that is informative (legal forms,
    articles and particles aside: ``Al-Shabaab`` → ``Shabaab``; ``HIZBALLAH``,
    which analyses as *hizb* and *allah*), or ``None`` when it has more
    (``ALFA-BANK``, ``MAHAN AIR``)."""
    written = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in PARTICLES]
    if len(written) > MAX_WORDS:
        return None  # (a long name has more than one informative word)
    words = [
        w for w in written if any(t.role not in _NOT_INFORMATIVE for t in analyze_name(w).tokens)
    ]
    return words[0] if len(words) == 1 else None


class SoundAlikes:
    """The one-word names of well-known listed organisations by their sound key
    (see the module docs), built from the index's entries."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        words: dict[str, dict[str, set[str]]] = {}
        for entry in entries:
            if entry.schema not in SCHEMATA:
                continue
            authority = entry.source.split("_", 1)[0]
            for name, kind in entry.names:
                if kind == "weak":
                    continue  # (a name the authority says is too broad alone)
                word = one_word(name.original)
                if word is None or len(plain(word)) < MIN_LETTERS:
                    continue
                key = sound_key(word)
                if key:
                    words.setdefault(key, {}).setdefault(word, set()).add(authority)
        self.words: dict[str, tuple[str, ...]] = {}
        for key, spellings in words.items():
            if len(set().union(*spellings.values())) >= AUTHORITIES:
                self.words[key] = tuple(spellings)

    def __call__(self, word: str) -> str | None:
        """The listed spelling that ``word`` (a Latin word of prose, or a
        reading) sounds like and is written like, else ``None``."""
        letters = plain(word)
        if len(letters) < MIN_LETTERS:
            return None
        spellings = self.words.get(sound_key(word))
        if not spellings:
            return None
        if any(plain(s) == letters for s in spellings):
            return None  # (a word as listed needs no sound: name screening has it)
        alike = [s for s in spellings if one_difference(word, s)]
        if not alike:
            return None
        best = max(alike, key=lambda s: fuzz.ratio(letters, plain(s)))
        return best if fuzz.ratio(letters, plain(best)) >= SIMILARITY * 100 else None
