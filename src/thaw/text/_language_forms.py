"""One given name in the forms of several languages, from rigour's name corpus (dev tool).

Used by :mod:`thaw.text._make_symbols` when it regenerates the symbol table.

rigour's person-name corpus groups the spellings of a name by Wikidata
given-name item, and Wikidata keeps one item per *language form*: *Petro*
(Ukrainian, ``Q15898089``) and *Pyotr* (Russian, ``Q1225705``) are two items,
as are *Oleksandr* and *Aleksandr*, *Nadiia* and *Nadezhda*, *Fedir* and
*Fyodor*. So the tagger gives *Petro* and *Pyotr* no symbol in common, though
a Ukrainian named Петро is written *Pyotr* in every Russian document.

Each item also lists the name in other scripts, and that is where the two
forms meet: the *Petro* item lists петро and пётр, the *Pyotr* item lists
пётр and петро. This module links two Latin words when **each one's own
spelling in Cyrillic, Greek or Georgian is among the other's forms**:

* a word's *own* spellings are the native-script forms of its items that
  read as the word itself (петро reads *petro*; пётр *pyotr*), compared
  with *j* and *y* as *i*, a run of *i* once and an initial *ye* as *e*
  (:func:`same_spelling`), so that a nickname or another name listed in the
  item (саша in *Aleksandr*'s) is never a word's own spelling; a word that
  no form so writes may be written by a form with ``г`` read as *h*, as
  Ukrainian and Belarusian read it (Рыгор *Ryhor*, Сяргей *Siarhei*);
* the link must hold **both ways**: петро is a form of *Pyotr*'s item and
  пётр of *Petro*'s. A translation between languages whose speakers do not
  use it as their own name fails it: the *Ivan* items list иван, the *John*
  items джон, and neither lists the other's; the *Jan* items list ян, which
  no *Ivan* item does. *Peter* is no *Petro* (the *Petro* item knows no
  петер), *Aleksandr* no *Aleksandra*, *Yuriy* no *Yuliy*;
* Georgian forms are compared without the nominative *-i* Georgian adds to a
  name ending in a consonant (გრიგოლი is Grigol's გრიგოლ).

The line drawn is the corpus's: a link says that the name's speakers write
it so in the other language's script. Forms that no item lists both ways
stay apart even where they are one name by origin (Georgian *Nikoloz*, whose
item knows николоз but not николай, and *Nikolai*).

Linked words form small groups (the largest, the forms of Yevgeny across
Russian, Ukrainian and Belarusian spellings, has 19 words); each group is
given one symbol, ``NAME:~`` and its first word (``NAME:~aleksei`` for
*Aleksei*, *Oleksii*, *Aliaksei* …), which the matcher treats as any shared
given-name symbol; alone, it makes no known given name in prose
(:func:`thaw.text.symbols.known_given_name`). About 2,000 pairs of words are
linked that shared no symbol before, 2,138 words in 728 groups; most are
given names, some surnames (*Holub* ~ *Golub*, *Tarasau* ~ *Tarasov*).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from thaw.text.symbols import GROUP_PREFIX
from thaw.text.translit import transliterate_word, word_script

__all__ = ["GROUP_PREFIX", "group_symbols", "language_links", "parse_corpus", "same_spelling"]

#: The scripts whose forms in an item are read for a word's own spelling:
#: those of the languages whose forms of a name differ in their words, not only
#: their letters (Russian, Ukrainian, Belarusian, Serbian; Greek; Georgian).
NATIVE_SCRIPTS: Final = frozenset({"Cyrillic", "Greek", "Georgian"})
_LATIN_WORD: Final = re.compile(r"^[a-z]{2,}$")
_GEORGIAN_VOWELS: Final = frozenset("აეიოუ")


def _folded(word: str) -> str:
    word = word.replace("j", "y")
    word = re.sub(r"^y(?=e)", "", word)
    return re.sub(r"i+", "i", word.replace("y", "i"))


def same_spelling(reading: str, word: str) -> bool:
    """Whether ``reading`` (of a native-script form) writes ``word``, up to
    the spellings of the same letters: *j*, *y* and *i* (``nadiya``,
    ``nadiia``; ``iosip``, ``yosyp``), and an initial *ye* for *e*
    (``evgeniy``, ``yevgeniy``)."""
    return _folded(reading) == _folded(word)


def parse_corpus(corpus: str) -> dict[str, list[str]]:
    """rigour's person-name corpus (``form, form, … => Q123`` lines) as
    ``item → forms``."""
    items: dict[str, list[str]] = {}
    for line in corpus.splitlines():
        forms, sep, item = line.strip().rpartition(" => ")
        if sep:
            items[item] = forms.split(", ")
    return items


def _reading(form: str) -> str:
    words, _abjad = transliterate_word(form)
    return words[0] if len(words) == 1 else ""


def _own_spellings(word: str, forms: Iterable[str]) -> frozenset[str]:
    """The forms among ``forms`` (those of ``word``'s items) that write
    ``word``: those that read as it (:func:`same_spelling`); when none does,
    those with a Cyrillic ``г`` read as *h*, as Ukrainian and Belarusian write
    it (Рыгор *Ryhor*, Сяргей *Siarhei*). Not both: *Harrison* is written
    Харрисон, and the ``г`` of its other form Гаррисон is Russian's rendering
    of a foreign *h*, which also writes another name, *Garrison*."""
    readings = {f: _reading(f) for f in forms}
    own = frozenset(f for f, r in readings.items() if same_spelling(r, word))
    if own or "h" not in word:
        return own
    return frozenset(
        f
        for f, r in readings.items()
        if "г" in f.casefold() and same_spelling(r.replace("g", "h"), word)
    )


def _form_key(form: str) -> str:
    """``form`` as forms of two items are compared: a Georgian form without
    the nominative *-i* that Georgian adds to a name ending in a consonant
    (გრიგოლი, the nominative of Grigol, is გრიგოლ)."""
    if len(form) > 3 and form[-1] == "ი" and form[-2] not in _GEORGIAN_VOWELS:
        return form[:-1]
    return form


def _native_forms(items: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Each item's single-word forms in :data:`NATIVE_SCRIPTS`, as written."""
    return {
        item: frozenset(
            f
            for f in forms
            if not f.isascii() and " " not in f and word_script(f) in NATIVE_SCRIPTS
        )
        for item, forms in items.items()
    }


def language_links(items: dict[str, list[str]]) -> set[tuple[str, str]]:
    """The pairs ``(a, b)``, ``a < b``, of Latin words in no common item whose
    own native spellings are each among the other's forms (see the module's
    docs; forms compared by :func:`_form_key`)."""
    native = _native_forms(items)
    word_items: dict[str, set[str]] = defaultdict(set)
    words_of: dict[str, set[str]] = defaultdict(set)
    for item, forms in items.items():
        for form in forms:
            if _LATIN_WORD.match(form):
                word_items[form].add(item)
                words_of[item].add(form)
    items_with: dict[str, set[str]] = defaultdict(set)
    for item, forms_ in native.items():
        for form in forms_:
            items_with[_form_key(form)].add(item)
    forms_of: dict[str, frozenset[str]] = {}
    own: dict[str, frozenset[str]] = {}
    for word, its in word_items.items():
        mine = {f for i in its for f in native[i]}
        forms_of[word] = frozenset(_form_key(f) for f in mine)
        own[word] = frozenset(_form_key(f) for f in _own_spellings(word, mine))
    links: set[tuple[str, str]] = set()
    for a, mine_ in own.items():
        others = {b for form in mine_ for item in items_with[form] for b in words_of[item]}
        for b in others:
            if b > a and not word_items[a] & word_items[b] and own[b] & forms_of[a]:
                links.add((a, b))
    return links


def group_symbols(links: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each word of ``links`` with the symbol of its group (the words joined
    by links, directly or through others): :data:`GROUP_PREFIX` and the
    group's first word."""
    parent: dict[str, str] = {}

    def root(word: str) -> str:
        parent.setdefault(word, word)
        while parent[word] != word:
            parent[word] = parent[parent[word]]
            word = parent[word]
        return word

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for word in parent:
        groups[root(word)].append(word)
    return {
        word: frozenset({GROUP_PREFIX + min(members)})
        for members in groups.values()
        for word in members
    }
