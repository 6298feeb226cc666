"""Ukrainian and Belarusian names in Latin letters, read in their Russian form.

The same East Slavic name is written in nearly the same Cyrillic letters in
Russian, Ukrainian and Belarusian, but each language romanises them its own
way, and the lists mix the three: Canada and the UK write a Belarusian official
as Belarus romanises him (*Aliaksandr Ryhoravich LUKASHENKA*, *Uladzimir*,
*Dzmitry*), OFAC often as Russian does (*Alexander Grigoryevich LUKASHENKO*,
*Vladimir*, *Dmitry*); Ukrainians of occupied regions appear both as
*Hryhoriy*, *Serhiy Mykolaiovych* and as *Grigory*, *Sergei Nikolaevich*. A
matcher that compares letters meets *Hryhoriy* and *Grigory* as two names.

The differences are regular, because they come from the letters:

* ``г`` is *h* in Ukrainian and Belarusian, *g* in Russian (*Hryhoriy*
  *Grigory*, *Ihar* *Igor*, *Hlib* *Gleb*, *Yauhen* *Yevgeny*);
* Belarusian writes the soft ``д`` and ``т`` of Russian as ``дз`` and ``ц``
  (*Dzmitry* *Dmitry*, *Tatsiana* *Tatiana*, *Kanstantsin* *Konstantin*), and
  the ``в`` after a vowel as ``ў`` (*Uladzislau* *Vladislav*, *Yauhen*), and an
  initial ``В`` before a consonant as ``У`` (*Uladzimir* *Vladimir*);
* Ukrainian writes Russian's *Nik-* of Nicholas and Nikita as ``Мик-``
  (*Mykola* *Nikolai*, *Mykyta* *Nikita*), and its patronymics end in
  *-ovych*, *-ivna* where Russian's end in *-ovich*, *-ovna* (*Serhiyovych*
  *Sergeyevich*, *Mykolaiovych* *Nikolaevich*); Belarusian's in *-avich*,
  *-avna* (*Ryhoravich*).

:func:`east_slavic_variant` rewrites a name so, for name analysis to offer
as another reading (:func:`thaw.text.analyze.name_variants`); the matcher's
spelling similarity takes care of the vowels (*Dmytro* *Dmitry*). It reads
only names that show an East Slavic patronymic or surname ending, so that an
*h* of other languages (*Hassan*, *Hans*) is never read as *g* (the Belarusian
*-ou*, *-au* of *Zubkou*, *Tarasau* only beside another sign of the
romanisation: *Siarhei Zubkou*, not the Greek *Andreas Pavlou*).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

#: The endings of East Slavic patronymics and surnames, one of which a word
#: of a name must end in for the name to be read (Ukrainian -ovych, -ivna,
#: -enko, -chuk, -skyi; Belarusian -avich, -enka, -onak; Russian -ovich,
#: -ovna, -ov, -ev, -sky), lower case.
_SLAVIC_ENDINGS: Final = (
    "ovych", "evych", "yovych", "ivna", "yivna", "ovna", "evna", "avich", "avna", "auna",
    "ovich", "evich", "ych", "enko", "enka", "chuk", "chyk", "iuk", "yuk", "onak", "ionak",
    "enak", "skyi", "skyy", "skiy", "sky", "ski", "ska", "skaya", "ov", "ova", "ev", "eva",
    "iev", "ieva", "yov", "yova",
)  # fmt: skip
#: A word of a name (letters, digits and underscores, as ``\w`` reads ASCII).
_WORD: Final = re.compile(r"\w+")


def _slavic_word(name: str) -> bool:
    """Whether a word of ``name`` (ASCII) ends in an East Slavic ending
    (:data:`_SLAVIC_ENDINGS`): a few string comparisons per word, where one
    regular expression trying the 37 endings at every letter of the name cost
    four times as much, for every name in Latin letters screened."""
    return any(word.endswith(_SLAVIC_ENDINGS) for word in _WORD.findall(name.lower()))


#: The Belarusian surname endings -оў, -аў, the Russian -ов (*Zubkou*, *Tarasau*:
#: Russian *Zubkov*, *Tarasov*), after a consonant other than *h* in a word of
#: five letters or more (not French *Moreau*, nor the pinyin *zhou*). Greek
#: genitive surnames end so too (*Pavlou*, *Kyprianou*), so a name is read for
#: this ending only when another of its words shows a letter of
#: :data:`_MARKED` (*Siarhei Zubkou*, *Ihar Tarasau*; not *Andreas Pavlou*).
_BELARUSIAN_OV: Final = re.compile(r"(?<=[a-z]{2}[bcdfgklmnprstvz])[oa]u$", re.IGNORECASE)
#: A letter that, in a name romanised from Ukrainian or Belarusian, differs
#: from the Russian romanisation of the same Cyrillic letter: a bare *h*
#: (not of *kh*, *zh*, *sh*, *ch*), *dz*, *ts* before *i*, *u* after a vowel
#: before a consonant or at the end, *Ulad-*, *Myk-*, and the patronymic
#: endings.
_MARKED: Final = re.compile(
    r"(?<![kzscKZSC])[hH]|dz|ts(?=i)|(?<=[aeo])u(?![aeiouy])|\bul(?=ad)|\bmyk"
    r"|(?:ovych|ivna|avich|avna|auna)\b",
    re.IGNORECASE,
)
#: The rewrites, in order, as (pattern, replacement); the patterns are
#: matched on the lower-case name.
_REWRITES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    # Belarusian ў: the u after a vowel before a consonant or the end is v
    # (first: the patronymic -auna is -avna)
    (re.compile(r"(?<=[aeo])u(?![aeiouy])"), "v"),
    # patronymics: a Ukrainian -(i)yovych, -aiovych after a vowel is Russian
    # -(y)evich (Serhiyovych Sergeyevich, Mykolaiovych Nikolaevich)
    (re.compile(r"(?:iy|i|y)ovych\b"), "evich"),
    (re.compile(r"(?:iy|i|y)ivna\b"), "evna"),
    (re.compile(r"ych\b"), "ich"),
    (re.compile(r"ivna\b"), "ovna"),
    (re.compile(r"avich\b"), "ovich"),
    (re.compile(r"avna\b"), "ovna"),
    # the h of г (not the h of kh, zh, sh, ch)
    (re.compile(r"(?<![kzsc])h"), "g"),
    # Belarusian дз, ц for the soft д, т of Russian (not the dzh of дж)
    (re.compile(r"dz(?!h)"), "d"),
    (re.compile(r"ts(?=i)"), "t"),
    # Belarusian initial У for В (Уладзімір Vladimir), Ukrainian Мик- for Ник-
    (re.compile(r"\bul(?=ad)"), "vl"),
    (re.compile(r"\bmyk"), "nik"),
)


def _belarusian_ov(name: str) -> bool:
    """Whether a word of ``name`` ends in Belarusian *-ou*, *-au*
    (:data:`_BELARUSIAN_OV`) and another word shows a letter of
    :data:`_MARKED`."""
    words = name.split()
    return any(
        _BELARUSIAN_OV.search(word)
        and any(_MARKED.search(other) for j, other in enumerate(words) if j != i)
        for i, word in enumerate(words)
    )


@lru_cache(maxsize=4096)
def east_slavic_variant(name: str) -> str | None:
    """``name``, a name in Latin letters romanised from Ukrainian or
    Belarusian, in the letters Russian romanisation writes for the same
    Cyrillic (lower case): *Hryhoriy Mykolaiovych KOVALENKO* →
    ``grygoriy nikolaevich kovalenko``, *Uladzislau Ryhoravich* →
    ``vladislav rygorovich``. ``None`` for a name with no East Slavic
    patronymic or surname ending, and for one with none of the letters that
    differ (a Russian romanisation: *Sergei Ivanovich PETROV*)."""
    if not name.isascii() or not (_slavic_word(name) or _belarusian_ov(name)):
        return None
    if not _MARKED.search(name):
        return None
    text = name.lower()
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text if text != name.lower() else None
