"""A compared word as the name writes it, for explanations.

The matcher compares a word by its reading in Latin letters (كمال as *kmal*,
its consonants and the long vowel the script writes), which an analyst who
does not read the script cannot check, and which is not what either name
shows. :func:`as_written` finds the word of a name that a token was read from,
so that a sentence about a pair of words names them as written: 'كمال' and
'Djamel', not 'kmal' and 'djamel'.
"""

from __future__ import annotations

from typing import Final

from thaw.text import Token
from thaw.text.translit import transliterate_word

#: Punctuation that clings to a written word and is no part of it ("HASSAN,").
_CLINGING: Final = ",.;:()\"'«»“”‘’"


def as_written(token: Token, name: str) -> str:
    """The word of ``name`` that ``token`` was read from, as written; the
    token's reading when no word of the name reads so (a word the analysis
    joined or split: a compound, a prefix written apart)."""
    reading = token.raw or token.text
    for word in name.split():
        bare = word.strip(_CLINGING)
        if bare and reading in transliterate_word(bare)[0]:
            return bare
    return reading
