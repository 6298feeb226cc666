"""The country a word beside a name in prose says the named body is of.

Prose says whose ministry, bank or army it means with a country's adjective
or name next to the body's name: before it in English, Russian, German or
Turkish (*the Iraqi Ministry of Defence*, *Russia's Ministry of Defence*), a
nisba adjective after it in Arabic (*وزارة الدفاع العراقية*). A listed body of
another country (the DPRK's Ministry of National Defence, Syria's MINISTRY OF
DEFENCE) is not the one meant, however well the words align
(:meth:`thaw.screen.text.TextScreener`)."""

from __future__ import annotations

import re
from typing import Final

from rigour.territories.territory import Territory

from thaw.screen.text.places import is_city
from thaw.sources import territories

COUNTRY_WORD_LETTERS: Final = 4
"""The fewest letters of a country word read before a name: shorter capitalised
words are codes and function words as often (*US*, *In*, *To*)."""

_BEFORE: Final = re.compile(
    r"(?<![\w'’-])(?:([^\W\d_]+)[ \t]+)?([^\W\d_][\w-]*?)(?:['’]s?)?[ \t]+$"
)
"""The word right before a name (a possessive's *'s* aside: *Russia's*), and
the word before it (*North Korean*)."""
_AFTER: Final = re.compile(r"[ \t]+([\u0600-\u06ff]+)")
"""The word right after a name written in Arabic letters."""
_BRACKETED: Final = re.compile(r"[ \t]*\(([^()\n]{3,40})\)")
"""Words in brackets right after a name (*Al-Haramain Foundation (Pakistan)*)."""


def country_beside(text: str, start: int, end: int) -> tuple[str, ...]:
    """The country (an ISO code) that a country's name in brackets right after
    ``text[start:end]`` names (a branch's: *Al-Haramain Foundation (Pakistan)*),
    or the word right before it when capitalised (*Iraqi*, *Russia's*, *North Korean*; not a city,
    whose country a body of another may have a branch in), or the Arabic
    nisba right after a name in Arabic letters (*العراقية*:
    :func:`nisba_country`); empty when that word
    names none."""
    bracketed = _BRACKETED.match(text, end)
    if bracketed is not None and (territory := territories.lookup(bracketed.group(1))):
        return (territory.code,)
    before = _BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        first, word = before.groups()
        for words in (f"{first} {word}" if first else "", word):
            if words[:1].isupper() and len(word) >= COUNTRY_WORD_LETTERS and not is_city(word):
                territory = territories.lookup(words)
                if territory is not None:
                    return (territory.code,)
    if "\u0600" <= text[start : start + 1] <= "\u06ff":
        after = _AFTER.match(text, end)
        if after is not None:
            territory = nisba_country(after.group(1))
            if territory is not None:
                return (territory.code,)
    return ()


_ARTICLES: Final = ("ال", "ה")
"""The Arabic and Hebrew definite articles, joined to an adjective (الإيرانية,
הפלסטיני)."""
_NISBA: Final = ("يين", "يون", "ية", "ي", "ی", "יים", "יות", "ית", "י")
"""Endings that make an Arabic, Persian or Hebrew adjective of a country's name
(*إيران-ية*, *ایران-ی*, *פלסטינ-י*), longest first."""
_NISBA_RESTORES: Final = ("", "ا", "يا", "ה", "יה")
"""What the adjective may have taken off the name (*روسي-ا*, *سور-يا*, *רוס-יה*)."""
_FINAL_FORMS: Final = str.maketrans("כמנפצ", "ךםןףץ")
"""Hebrew letters and their forms at the end of a word (*פלסטינ-י* ← *פלסטין*)."""


def nisba_country(word: str) -> Territory | None:
    """The country whose Arabic, Persian or Hebrew adjective ``word`` is, with
    or without the article (الإيرانية, ایرانی, הפלסטיני: Iran, Palestine), or
    ``None``."""
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= _NISBA_STEM:
            word = word[len(article) :]
            break
    for ending in _NISBA:
        if word.endswith(ending) and len(word) - len(ending) >= _NISBA_STEM:
            stem = word[: -len(ending)]
            stem = stem[:-1] + stem[-1].translate(_FINAL_FORMS)
            for restore in _NISBA_RESTORES:
                for name in (stem + restore, "ال" + stem + restore):
                    if (territory := territories.lookup(name)) is not None:
                        return territory
            return None
    return None


_NISBA_STEM: Final = 3
"""The fewest letters of a country's name left when its adjective's article and
ending are taken off."""
