"""Turn a name, written in any script, into comparison tokens.

:func:`analyze_name` runs this pipeline (all of it cached per ``(name, schema)``):

1. **Unicode normalisation**: NFKC, case folding.
2. **Legal forms** (organisations, and a trailing one on any name): rigour's
   organisation-type database recognises ``ООО``, ``OOO``, ``Limited Liability
   Company``, ``GmbH``, ``Aktiengesellschaft``, ``S.A.R.L.``, ``Sp. z o.o.`` … in
   many languages and scripts; each becomes one ``legal_form`` token holding the
   *generic* class (``llc``, ``jsc``, ``lp`` …) so that ``OOO`` and ``LLC`` agree.
   Spelt-out single letters (``O.O.O.``, ``L.L.C.``) are recognised too, except
   at the end of a person's name, where they are initials (*Lukashenko A.G.*).
3. **Words** are split at spaces, punctuation and hyphens; apostrophes are removed
   (``Qa'ida → qaida``, ``CHO'NG → chong``).
4. **Transliteration** per word and script (:mod:`thaw.text.translit`). Chinese
   and Japanese organisation vocabulary and Russian abbreviations such as ``НК``
   (oil company) are translated to their English generic words first.
5. **Arabic name structure**: the article (``al-``, ``el-``, ``ad-`` …) is dropped,
   ``bin/ibn/ben`` become the particle ``bin``, ``Abdel/Abdul/Abd al`` become
   ``abd`` and compounds are split (``Abdulrahman → abd rahman``,
   ``Sirajuddin → siraj din``, ``Hizbullah → hizb allah``), so the joined and the
   separated spellings compare equal.
6. **Numbers**: ordinals and number words in many languages (``1st``, ``First``,
   ``Forty``, ``XXIII``) via rigour's ordinal table; Roman numerals in
   organisation and vessel names.
7. **Roles and weights**: each word gets a role (``name``, ``patronymic``,
   ``initial``, ``particle``, ``honorific``, ``stop``, ``legal_form``,
   ``generic``, ``location``, ``number``) and a weight. Honorifics (``Mr``,
   ``Dr``, ``Sheikh``, ``Mullah`` …) and stop words weigh nothing; legal forms
   0.1; generic organisation words (company, trading, group, international,
   bank, technology …, in several languages: :data:`~thaw.text.vocab.GENERIC_WORDS`)
   0.35; country names in organisation names 0.6; very common name parts
   (Muhammad, Ali, Kim, Smith …) 0.6, read from an abjad too (محمد: the same
   name weighs the same in any script). Rarity in the lists themselves is applied
   at match time from a :class:`~thaw.text.stats.TokenStats`.
8. **Folding** (:func:`thaw.text.fold.fold_token`) of romanisation variants and
   the consonant skeletons used for vowel-insensitive comparison; for personal
   names, rigour's given-name symbols (``Aleksandr`` and ``Alexander`` share one
   Wikidata name item; ``Ben`` is a nickname of ``Benjamin``), read from the
   per-word table of :mod:`thaw.text.symbols` (the tagger's answers, computed
   offline, so that analysis never builds the tagger itself).

The token ``text`` is the folded canonical form: ``Dmitriyev`` and ``Dmitrijev``
both give ``dmitriev``; ``ООО``, ``OOO`` and ``LLC`` give ``llc``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from thaw.text import vocab
from thaw.text._rigour import extract_org_types, ordinals_dict, person_name_prefixes_list
from thaw.text.chinese import HAN, han_variants, single_syllable
from thaw.text.fold import abjad_key, fold_token, fold_word, skeleton
from thaw.text.han_names import written_as_chinese
from thaw.text.han_syllables import chinese_syllables, one_syllable, reads_as_chinese_name
from thaw.text.japanese import (
    complete_reading,
    japanese_reading,
    katakana_readings,
    standard_characters,
)
from thaw.text.khmer import khmer_variant
from thaw.text.korean import (
    SSI,
    hangul_variants,
    korean_rr,
    reads_as_korean_name,
    without_ssi,
)
from thaw.text.slavic import east_slavic_variant
from thaw.text.somali import somali_reading
from thaw.text.symbols import known_given_name, script_symbols, word_symbols
from thaw.text.thai import thai_spellings
from thaw.text.translit import (
    CJK_SCRIPTS,
    GERESH,
    PERSIAN_LETTERS,
    PERSIAN_Z,
    arabic_script_variants,
    armenian_variant,
    cyrillic_variant,
    foreign_readings,
    greek_variant,
    hebrew_variant,
    transliterate_word,
    word_script,
)
from thaw.text.wadegiles import pinyin_reading

PERSON: Final = "Person"
ORG_SCHEMATA: Final = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})
THING_SCHEMATA: Final = frozenset({"Vessel", "Aircraft"})

#: A name this long may have been cut by a fixed-width field (SWIFT lines are 35
#: characters): its last word may then be a prefix of the listed word.
TRUNCATION_LENGTH: Final = 30

_LEGAL_MARK: Final = "\ue000"
_LEGAL_SEP: Final = "\ue001"
#: rigour's ``Normalize.CASEFOLD`` flag (its value is checked by the tests; importing
#: ``rigour.text`` for it would cost a twentieth of a second at start-up).
_CASEFOLD: Final = 4
_APOSTROPHES: Final = frozenset("'’ʼʻ`´")
_PATRONYMIC: Final = re.compile(
    r"(?:[aeiouy]?vich|[aeiouy]?vna|ichna|ogl[uy]|oglu|kyzy|kizi|qizi|uly|uulu|zade|zadeh)$"
)
_ABD: Final = re.compile(r"^abd(?:(?:ou|[aeiou])l|(?:ou|[aeiou])(?=([dnrstz])\1))?-?([a-z]+)$")
_ABD_ALONE: Final = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdil"})
_ALLAH_REST: Final = frozenset({"lah", "la", "llah", "allah", "ullah", "ulla", "alla"})
_DIN_SUFFIX: Final = re.compile(
    r"^([a-z]{3,})(?:[aeiou]d)(?:din|dine|deen|dinn)$"
    r"|^([a-z]{3,}?)(?:uddin|eddine|eddin|addin|iddin|uddeen)$"
)
#: *X al-Din* written joined with one *d* (*Ezzedine*, *Salahudin*,
#: *Nureldine*, *Jallaloudine*), split only when the word is no name that
#: rigour's corpus knows as a whole (*Claudine*, *Geraldine*) and *X* ends in
#: a consonant, and not *Zain al-Abidin* (whose last word is *Abidin*, not
#: *Din*).
_DIN_JOINED: Final = re.compile(r"^([a-z]{3,}?)(?:[ea]l|ou|[aeiu])(?<!abi)d?(?:din|dine|deen)$")
#: *al-Din* written as one word after the name it completes (*Nor Eldin*).
_EL_DIN: Final = frozenset({"eldin", "eldine", "eldeen", "aldin", "aldeen"})
_ALLAH_SUFFIX: Final = re.compile(r"^([a-z]{3,}?)(?:ullah|ollah|allah|ulla|ulah|olah|alah)$")
_DIN_ENDS: Final = ("din", "dine", "deen", "dinn")
#: The Arabic article written joined to the word it determines (*Elsseid*,
#: *Alshawa*, *Elhassan*, *Binalshibh*: as-Sayyid, al-Shawa, al-Hassan, bin
#: al-Shibh): an optional filiation particle, the article (its consonant
#: assimilated to a doubled sun letter or not), and a word of three letters
#: or more beginning with a consonant. Split only in an Arabic name
#: (:func:`_arabic_context`), and only where the whole word is no name
#: rigour's corpus knows (*Alberto*, *Elvira*).
_JOINED_ARTICLE: Final = re.compile(r"^(b[ie]n)?[ae]l([bcdfghjklmnpqrstvwxz])(\2?)([a-z]{2,})$")
#: Words that make a Latin-script name an Arabic one, for
#: :data:`_JOINED_ARTICLE`: the particles of Arabic names and the commonest
#: Arabic given names (their usual spellings, folded as written).
_ARABIC_MARKERS: Final = frozenset(
    {
        "bin", "ben", "ibn", "bint", "abu", "abou", "abd", "abdul", "abdel", "al", "el",
        "ould", "muhammad", "mohammad", "mohammed", "mohamed", "muhammed", "mohamad",
        "ahmad", "ahmed", "ali", "hassan", "hasan", "hussein", "husain", "hussain",
        "omar", "umar", "abdallah", "abdullah", "ibrahim", "ismail", "yusuf", "youssef",
        "khalid", "khaled", "mustafa", "mahmoud", "salem", "saleh", "salih", "said",
        "saeed", "sayed", "moussa", "musa", "amer", "sharif", "kamal", "hamza", "hamdan",
        "nasser", "nasir", "jamal", "karim", "tariq", "walid", "faisal", "fahad", "saad",
        "osman", "othman", "yasin", "yassin", "yahya", "yahia", "abbas", "khalil",
        "rashid", "majid", "hamid", "hamad", "mansour", "mansur", "abdulaziz", "aziz",
    }
)  # fmt: skip
_ALLAH_ENDS: Final = ("ullah", "ollah", "allah", "ulla", "ulah", "olah", "alah")
#: The word *Allah* that ends a theophoric name, as analysis writes it when it
#: splits the name (``Shafiqullah`` → *shafiq allah*, اسدالله → *asd allah*).
ALLAH: Final = "allah"
#: The spellings of that word written apart (*Shafiq Ullah*, *Asad Ollah*):
#: the only words it is compared with (:func:`thaw.match.names.token_similarity`).
#: Not *Alla*, a Russian given name.
ALLAH_SPELLINGS: Final = frozenset(
    {"allah", "ullah", "ollah", "ulla", "olla", "ulah", "olah", "alah", "llah", "lah"}
)
#: The word *Din* that ends a name *X al-Din* (*Siraj-uddin*, *Salah ad-Din*),
#: as analysis writes it when it splits the name, or written apart.
DIN: Final = "din"
#: The spellings of that word, joined to its article or not (*Nasir Uddin*,
#: *Salah Eddine*; صلاح الدين ``dyn``): the only words it is compared with,
#: as for :data:`ALLAH` (:func:`thaw.match.names.token_similarity`). Not
#: *Dina*, *Dino*, *Dean* or the Vietnamese *Dinh*, names of their own.
DIN_SPELLINGS: Final = frozenset(
    {
        "din", "dyn", "deen", "dine", "dinn", "uddin", "udin", "uddeen", "eddine", "eddin",
        "edin", "iddin", "addin", "aldin", "eldin", "eldine", "aldeen", "eldeen", "aldyn",
    }
)  # fmt: skip
_ROMAN: Final = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES: Final = {"i": 1, "v": 5, "x": 10}


_NO_SYMBOLS: Final[frozenset[str]] = frozenset()
"""The one empty frozenset shared by every token without symbols and every name
without compounds (each ``frozenset()`` is a new 216-byte object otherwise)."""


@dataclass(frozen=True, slots=True)
class Token:
    """One comparison token.

    ``text`` is the canonical Latin ASCII form (folded romanisation, or the
    canonical code of a legal form / generic word); ``role`` is one of ``name``
    (an ordinary name part), ``patronymic``, ``initial``, ``particle`` (bin, van,
    de), ``number``, ``location``, ``legal_form`` (LLC, JSC, GmbH …), ``generic``
    (company, trading, group …), ``honorific`` (Mr, Dr, Sheikh …) or ``stop``;
    ``weight`` is the informativeness of the token in [0, 1] before rarity.
    ``raw`` is the ASCII word as written (before folding), ``skeleton`` its
    consonants, ``abjad`` whether it was transliterated from a script without
    short vowels, ``symbols`` rigour's name-symbol ids (given-name equivalence
    classes and nicknames) and ``optional`` whether the part may be omitted
    without contradiction (patronymics). ``script_form`` keeps the original
    character of a Chinese or Korean syllable (two such syllables agree only
    when they are the same character); ``after_bin`` marks a name following a
    filiation particle (``bin``, ``ibn``): the father's name. ``other_script``
    marks a token read from a script other than Latin whose ``symbols`` come
    from the name item of the word as written (``박`` shares one with *Park*),
    which retrieval follows to the Latin spellings of that name.
    """

    text: str
    role: str = "name"
    weight: float = 1.0
    raw: str = ""
    skeleton: str = ""
    abjad: bool = False
    symbols: frozenset[str] = _NO_SYMBOLS
    optional: bool = False
    script_form: str = ""
    after_bin: bool = False
    other_script: bool = False

    @property
    def key(self) -> str:
        """The key compared when a side was written in an abjad (see :func:`abjad_key`)."""
        return abjad_key(self.raw or self.text)

    def __hash__(self) -> int:
        # the value the dataclass would generate (the hash of all fields in
        # order), written out so that the compiled build computes it natively:
        # retrieval hashes every query token to find its cached postings
        return hash(
            (
                self.text,
                self.role,
                self.weight,
                self.raw,
                self.skeleton,
                self.abjad,
                self.symbols,
                self.optional,
                self.script_form,
                self.after_bin,
                self.other_script,
            )
        )


@dataclass(frozen=True, slots=True)
class AnalyzedName:
    """A name ready for comparison: the original text and its tokens in order.

    ``schema`` is the schema the name was analysed for (``None``: unknown);
    ``truncated`` is true for names long enough to have been cut off by a
    fixed-width field. ``active`` holds the tokens with weight (the ones
    alignment looks at; ``informative`` computes them when not precomputed) and
    ``compounds`` the runs of two or three adjacent active tokens as
    ``(start, end, folded concatenation)``, precomputed for compound matching
    (and, in a name written "SURNAME, Given names", of the last given name and
    the surname, whose ``end`` wraps past the last token: :func:`run_indices`),
    with ``compound_initials`` the first letters of those concatenations.
    """

    original: str
    tokens: tuple[Token, ...]
    schema: str | None = None
    truncated: bool = False
    active: tuple[Token, ...] | None = None
    compounds: tuple[tuple[int, int, str], ...] = ()
    compound_initials: frozenset[str] = _NO_SYMBOLS

    @property
    def texts(self) -> tuple[str, ...]:
        """The token texts, in order."""
        return tuple(t.text for t in self.tokens)

    @property
    def key(self) -> str:
        """All token texts joined by spaces: a normalised form of the name."""
        return " ".join(self.texts)

    @property
    def informative(self) -> tuple[Token, ...]:
        """Tokens that carry weight in comparisons."""
        if self.active is not None:
            return self.active
        return tuple(t for t in self.tokens if t.weight > 0)


def compound_runs(
    active: tuple[Token, ...], hangul: bool | None = None
) -> tuple[tuple[int, int, str], ...]:
    """Runs of 2-3 adjacent tokens that may be one word written apart
    (``abdul rahman``, ``hua wei``), with their folded concatenation (folded
    without :func:`fold_token`'s cache, as concatenations of words mostly are
    unique, but for a name written in Chinese characters or Hangul, whose
    syllables' concatenations recur from name to name: 소영 ``soyong``, 明 華
    ``minghua``; a third to two thirds of them in the bench files' names).

    A run of Hangul syllables is given twice: as read for the lists
    (McCune–Reischauer, 병일 ``pyongil``) and in the Revised Romanization that
    South Korean given names are written in, joined (``byeongil``,
    :func:`~thaw.text.korean.korean_rr`). ``hangul``: whether any token is
    a Hangul syllable, when the caller knows (else it is looked up)."""
    out: list[tuple[int, int, str]] = []
    n = len(active)
    if hangul is None:
        hangul = any(t.script_form and korean_rr(t.script_form) for t in active)
    fold = fold_token if hangul or any(t.script_form for t in active) else fold_word
    for start in range(n - 1):
        if active[start].role in ("number", "stop"):
            continue
        for size in (2, 3):
            end = start + size
            if end > n or active[end - 1].role in ("number", "stop"):
                break
            run = active[start:end]
            joined = fold("".join(t.raw for t in run))
            out.append((start, end, joined))
            if hangul:
                rr = fold("".join(korean_rr(t.script_form) or t.raw for t in run))
                if rr != joined:
                    out.append((start, end, rr))
    return tuple(out)


def _said_order_run(active: tuple[Token, ...]) -> tuple[tuple[int, int, str], ...]:
    """For a name written "SURNAME, Given names", the run of its last given
    name and its surname, adjacent as the name is said (``HIENG, Hing Bun``:
    *Bun* and *Hieng*, which *Hing Bunhieng* writes as one word), as
    ``(n - 1, n + 1, joined)``: a run past the last token wraps round to the
    first (:func:`run_indices`). Empty unless both are name words."""
    last, first = active[-1], active[0]
    if last.role != "name" or first.role != "name" or last.script_form or first.script_form:
        return ()
    n = len(active)
    return ((n - 1, n + 1, fold_word(last.raw + first.raw)),)


def run_indices(start: int, end: int, n: int) -> tuple[int, ...]:
    """The positions of the tokens of the compound run ``(start, end)`` of a
    name of ``n`` tokens (:func:`compound_runs`; a run ending past the last
    token wraps round to the first: :func:`_said_order_run`)."""
    if end <= n:
        return tuple(range(start, end))
    return tuple(i % n for i in range(start, end))


# --- reference data -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, forms in ordinals_dict().items():
        for form in forms:
            key = " ".join(w for w in re.split(r"[^a-z0-9]+", form.lower()) if w)
            if key and key.isascii():
                table.setdefault(key, number)
    for n in range(0, 101):
        table.setdefault(str(n), n)
    return table


@lru_cache(maxsize=1)
def _person_prefixes() -> frozenset[str]:
    out: set[str] = set()
    for p in person_name_prefixes_list():
        words = re.split(r"[^a-z]+", p.lower())
        if len([w for w in words if w]) == 1:
            out.add(fold_token(words[0] if words[0] else [w for w in words if w][0]))
    return frozenset(out)


@lru_cache(maxsize=1)
def _person_prefix_words() -> frozenset[str]:
    """rigour's one-word person-name prefixes (*Mr*, *Herr*, *The*), and the
    spellings of *Hajj* (:data:`_HAJ_SPELLINGS`), lower case as written, not
    folded: name analysis drops a first word only when it
    writes one of them, because folding makes other names of them (the
    Hokkien family name *Teh*, 鄭, folds to *te*, as *The* does; the Hmong
    and Taiwanese *Her* as *Herr*)."""
    out: set[str] = set(_HAJ_SPELLINGS)
    for p in person_name_prefixes_list():
        words = [w for w in re.split(r"[^a-z]+", p.lower()) if w]
        if len(words) == 1:
            out.add(words[0])
    return frozenset(out)


#: The Latin spellings of the title *Hajj* (حاج, which name analysis drops
#: from a name in the Arabic script: :data:`thaw.text.vocab.ABJAD_HONORIFICS`)
#: that no fold tells from a name (*Haj* folds to *hai*, as the Chinese and
#: Vietnamese given name *Hai* does), dropped as a first word as written
#: (:func:`_person_prefix_words`): حاج احمد میرزایی is *Haj Ahmad Mirzaei*.
_HAJ_SPELLINGS: Final = ("haj", "hajj", "hadj")


@lru_cache(maxsize=1)
def _locations() -> frozenset[str]:
    from rigour.territories import get_territories

    out: set[str] = set()
    for terr in get_territories():
        for name in (terr.name, terr.full_name):
            if not name:
                continue
            words = [w for w in re.split(r"[^a-z]+", name.lower()) if w]
            for w in words:
                if len(w) > 3 and w not in (
                    "republic",
                    "islands",
                    "island",
                    "state",
                    "states",
                    "democratic",
                    "people",
                    "peoples",
                    "kingdom",
                    "united",
                    "federal",
                    "federation",
                    "saint",
                ):
                    out.add(fold_token(w))
    return frozenset(out)


# --- segmentation ---------------------------------------------------------------------


# a legal form is a word of its own: not inside a word joined by an apostrophe
# ("AL-SA'ADI", "JAMA'AT"; a quote before or after it is no join: "'JSC' X"),
# nor after a mark already placed (a form found twice is replaced once)
_APOS_CLASS = "[" + re.escape("".join(sorted(_APOSTROPHES))) + "]"
_NOT_AFTER_WORD = r"(?<![\w" + _LEGAL_MARK + _LEGAL_SEP + r"])(?<!\w" + _APOS_CLASS + ")"
_NOT_BEFORE_WORD = r"(?!\w)(?!" + _APOS_CLASS + r"\w)"


_SPELT_LETTERS: Final = re.compile(r"(?:\w[.\s]+){1,3}\w\.?")
"""Single letters apart, spelt with dots or spaces (``a.g.``, ``e. v.``, ``a g``)."""


def _mark_legal_forms(text: str, person: bool) -> str:
    found = extract_org_types(text, _CASEFOLD, 0, True)  # contract: thaw.text._rigour
    if person and found:
        words = _ASCII_WORD.findall(text.lower())
        if reads_as_korean_name(words) or reads_as_chinese_name(tuple(words)):
            # a person's Korean or Chinese name ends in a syllable, not a
            # legal form (Moon Jae-in, Kim Yu-na, Jong Tae-se: no In, NA,
            # SE; Ng Kwan Yu, Li Sa: no YU, SA)
            return text
    for matched, generic in sorted(found, key=lambda m: -len(m[0])):
        if not matched or not generic or set(matched) <= set("ivx"):
            continue
        if person and _SPELT_LETTERS.fullmatch(matched):
            # a person's name ends in initials, not in a spelt-out legal form:
            # *Lukashenko A.G.*, *Prigozhin E.V.* (no AG, no e.V.)
            continue
        surface = "".join(c for c in matched if c.isalnum())
        # an apostrophe joins letters into one word: "AL-SA'ADI" holds no "SA"
        pattern = re.compile(_NOT_AFTER_WORD + re.escape(matched) + _NOT_BEFORE_WORD)
        if surface == matched:
            # nor one word glued to another by a hyphen: "EP-ABC" is an
            # aircraft's registration, "AO-Bank" one name, no *EP* or *AO*
            pattern = re.compile(
                _NOT_AFTER_WORD + r"(?<!\w-)" + re.escape(matched) + r"(?!-\w)" + _NOT_BEFORE_WORD
            )
        if person:
            # (nor, ending a person's name, the second half of a hyphenated
            # name: *Sandra Ng Kwan-yu*, *James Soong Chu-yu*, *Arthit
            # Kamlang-ek* hold no YU, no EK)
            pattern = re.compile(_NOT_AFTER_WORD + r"(?<!\w-)" + re.escape(matched) + r"\W*$")
        text = pattern.sub(f" {_LEGAL_MARK}{generic.lower()}{_LEGAL_SEP}{surface} ", text)
    return text


_ASCII_WORD: Final = re.compile(r"[A-Za-z0-9]+")


def _split_words(text: str) -> list[str]:
    if text.isascii():
        # ASCII: letters and digits are the word characters; apostrophes
        # (' and `) are dropped inside words, everything else separates
        if "'" in text or "`" in text:
            text = text.replace("'", "").replace("`", "")
        return _ASCII_WORD.findall(text)
    words: list[str] = []
    buf: list[str] = []
    prev = ""
    for ch in text:
        if (ch in _APOSTROPHES or ch == GERESH) and "\u05d0" <= prev <= "\u05ea":
            # (a geresh after a Hebrew letter is part of the word: ג׳ is j)
            buf.append(GERESH)
            prev = ch
            continue
        prev = ch
        if ch in _APOSTROPHES or ch == "\u200c":
            # (the zero-width non-joiner joins the parts of a Persian word:
            # احمدی‌نژاد is one word, Ahmadinejad; a ه before it writes the
            # vowel e, not h: خامنه‌ای is Khamenei)
            if ch == "\u200c" and buf and buf[-1] == "ه":
                buf.pop()
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "LMN" or ch == _LEGAL_MARK or ch == _LEGAL_SEP:
            buf.append(ch)
        elif buf:
            words.append("".join(buf))
            buf = []
    if buf:
        words.append("".join(buf))
    return words


class _Word:
    """An ASCII word on its way to becoming a token.

    (A plain class, not a dataclass: compiled, its constructor is a native call,
    where a dataclass's generated ``__init__`` runs as Python, a few words a name.)"""

    __slots__ = ("ascii", "abjad", "hint", "surface", "script_form", "symbols", "titled")

    def __init__(
        self,
        ascii: str,
        abjad: bool = False,
        hint: str | None = None,
        surface: str = "",
        script_form: str = "",
        symbols: frozenset[str] = _NO_SYMBOLS,
        titled: bool = True,
    ) -> None:
        self.ascii = ascii
        self.abjad = abjad
        self.hint = hint  # legal / generic / number, when already known
        self.surface = surface  # the word as written, when ascii is a code (legal forms)
        self.script_form = script_form  # the original syllable, for Chinese and Korean
        self.symbols = symbols  # name items of the word as written
        self.titled = titled  # written in a script whose titles thaw knows (vocab.TITLE_SCRIPTS)


def _syllables(word: str) -> list[_Word]:
    """Chinese characters and Hangul syllables: one word per character, keeping the
    character (two syllables agree only when they are the same character; an
    iteration mark is the character it repeats, a variant form of a Japanese
    name its standard character: :func:`standard_characters`)."""
    out: list[_Word] = []
    for ch in standard_characters(word):
        latin = transliterate_word(ch)[0]
        if len(latin) == 1 and word_script(ch) in ("Han", "Hangul"):
            out.append(_Word(latin[0], script_form=ch, symbols=_syllable_symbols(ch, latin[0])))
        else:
            out.extend(_Word(w) for w in latin)
    return out


def _syllable_symbols(ch: str, reading: str) -> frozenset[str]:
    """The name items of one Chinese character or Hangul syllable that its own
    reading shares (박 and *pak* → the item of *Park, Pak, Bak*): a character is
    read differently across languages (성 is *Seong* in Korean and, as 成,
    *Cheng* in Chinese), and only the items of this reading apply. A reading of
    one letter (이 → *i*) has no items of its own: the character's are kept."""
    symbols = script_symbols(ch)
    if symbols and len(reading) > 1:
        symbols = symbols & word_symbols(reading)
    return symbols


def _cjk_words(word: str) -> list[_Word]:
    out: list[_Word] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            out.extend(_syllables("".join(pending)))
            pending.clear()

    i = 0
    longest = max(len(k) for k in vocab.CJK_ORG_WORDS)
    while i < len(word):
        for size in range(min(longest, len(word) - i), 1, -1):
            meaning = vocab.CJK_ORG_WORDS.get(word[i : i + size])
            if meaning is not None:
                flush()
                for m in meaning:
                    if m.startswith("legal:"):
                        out.append(_Word(m[6:], hint="legal"))
                    else:
                        out.append(_Word(m, hint="generic"))
                i += size
                break
        else:
            pending.append(word[i])
            i += 1
    flush()
    return out


#: The Chinese clan-name suffix *shì*.
_SHI: Final = "氏"


#: Latin letters that look like Cyrillic ones, as typed inside Cyrillic words
#: (the Latin *I* for the Ukrainian and Belarusian і).
_LATIN_LOOKALIKES: Final = str.maketrans("AaBCcEeHIiKMOoPpTXxYy", "АаВСсЕеНІіКМОоРрТХхУу")
_HAS_ASCII_LETTER: Final = re.compile("[A-Za-z]")


def _words(text: str, org_context: bool, persons: bool = False) -> list[_Word]:
    """The words of ``text`` on their way to tokens (``persons``: the name may
    be a person's, whose Chinese surname may carry the suffix 氏)."""
    out: list[_Word] = []
    for word in _split_words(text):
        if word.startswith(_LEGAL_MARK):
            code, _, surface = word[1:].partition(_LEGAL_SEP)
            out.append(_Word(code, hint="legal", surface=surface))
            continue
        if org_context and word in vocab.ORG_ABBREVIATIONS:
            out.extend(
                _Word(g[6:], hint="legal", surface=word)
                if g.startswith("legal:")
                else _Word(g, hint="generic")
                for g in vocab.ORG_ABBREVIATIONS[word]
            )
            continue
        if word.isascii() and word.isalnum() and (word.islower() or word.isdigit()):
            # (what transliteration reads a lower-case ASCII word as: the word
            # itself, the usual word of a name in Latin script)
            out.append(_Word(word))
            continue
        titled = True
        if not word.isascii():  # (an ASCII word is Latin script)
            script = word_script(word)
            if script == "Cyrillic" and _HAS_ASCII_LETTER.search(word):
                # Latin letters typed for their Cyrillic look-alikes (Iгор,
                # Xомяков in the lists): read as the letters they stand for
                word = word.translate(_LATIN_LOOKALIKES)
            # a word read from a script whose titles thaw does not know is no
            # title, whatever its reading spells (Khmer ហ៊ុន is the name Hun, "hon")
            titled = script in vocab.TITLE_SCRIPTS
            if script == "Han" and len(word) > 1 and word[-1] == _SHI and persons:
                # 氏 after a surname marks it as a family name (軒轅氏 *Xuanyuan*,
                # 王陳氏 Mrs Wang née Chen): no part of the name
                word = word[:-1]
            if script == "Hangul" and persons:
                # 씨 after a name is the polite "Mr/Ms" (보씨, 김철수 씨), as 氏 is
                if word == SSI and out:
                    continue
                word = without_ssi(word)
            if script in CJK_SCRIPTS and org_context:
                out.extend(_cjk_words(word))
                continue
            if script in ("Han", "Hangul"):
                out.extend(_syllables(word))
                continue
        latin, abjad = transliterate_word(word)
        if len(latin) == 1:
            symbols = _NO_SYMBOLS if word.isascii() else script_symbols(word)
            out.append(_Word(latin[0], abjad, symbols=symbols, titled=titled))
        else:
            out.extend(_Word(w, abjad, titled=titled) for w in latin)
    return out


#: The first parts of most Persian and Afghan compound given names, which
#: split off whatever follows them (محمدنظر *Mohammad Nazar*, غلامسرور
#: *Gholam Sarwar*), also a name rigour's corpus does not know.
_COMPOUND_HEADS: Final = ("محمد", "غلام")
#: The first parts of Persian compound given names that a romanisation
#: joins to the next word when the name writes them apart (:func:`_arabic_variant`).
_JOINED_HEADS: Final = frozenset({"محمد", "غلام", "علی", "علي"})
#: What follows such a head in a surname made of it, not in a compound
#: (محمدیان *Mohammadian*, محمدی *Mohammadi*).
_NAME_SUFFIXES: Final = frozenset({"یان", "يان", "ان", "ون", "ين", "زاده", "پور", "نژاد", "ئی"})


@lru_cache(maxsize=20_000)
def _joined_names(word: str) -> tuple[str, str] | None:
    """Two given names written as one word in Arabic script (Persian compounds:
    غلامرضا *Gholam Reza*, محمدعلی *Mohammad Ali*, محمدتقی *Mohammad Taghi*):
    the word split after محمد or غلام (:data:`_COMPOUND_HEADS`), or where both
    halves are names rigour's name corpus knows (see
    :func:`thaw.text.symbols.script_symbols`); ``None`` when it is no such word.
    The split is a variant reading (:func:`name_variants`): romanisations write
    such names joined (*Gholamreza*) as often as apart (*Gholam Reza*), also
    when the corpus knows the joined word as a name of its own."""
    if len(word) < 5 or word_script(word) != "Arabic":
        return None
    for head in _COMPOUND_HEADS:
        tail = word[len(head) :]
        if word.startswith(head) and len(tail) >= 3 and tail not in _NAME_SUFFIXES:
            return head, tail
    for i in range(len(word) - 2, 2, -1):
        head, tail = word[:i], word[i:]
        if head.endswith("ال"):
            continue  # the article begins the next name (عبدالحسین, not عبدال حسین)
        if tail.startswith("ال") and len(tail) > 3:
            # X al-Y written as one word, as South Asia writes it (انوارالحق
            # *Anwar-ul-Haq*, ضیاءالحق *Zia-ul-Haq*): the name after the article
            if head != "عبد" and script_symbols(tail[2:]):
                return head, tail
        if script_symbols(head) and script_symbols(tail):
            return head, tail
    return None


#: Persian surname suffixes, written joined to the stem or apart (رحیم پور
#: *Rahimpour*, خسروپناه *Khosrow Panah*), and the Pashto tribal ones (شهید
#: خیل *Shahidkhel*, احمد زی *Ahmadzai*, in Persian or Arabic letters); the
#: short ones (فر, نیا, وند, راد, کیا, زی) end too many other words to be
#: split off, and are only joined; so is the Afghan جان (ولی جان, listed
#: *WALIJAN* by the UN, OFSI and DFAT).
_PERSIAN_SUFFIXES: Final = ("پور", "زاده", "نژاد", "پناه", "منش", "دوست", "خیل", "خيل")
_PERSIAN_SHORT_SUFFIXES: Final = frozenset({"فر", "نیا", "وند", "راد", "کیا", "زی", "زي", "جان"})


#: *Amir* in Persian letters: a given name (:data:`thaw.text.vocab.NAMES_NOT_TITLES`),
#: and in Persian names most often the first part of a compound given name,
#: written apart or joined (امیر علی حاجی زاده, listed as *Amir Ali
#: HAJIZADEH* and written *Amirali Hajizadeh*).
_PERSIAN_AMIR: Final = "امیر"


@lru_cache(maxsize=20_000)
def _arabic_variant(name: str) -> tuple[str, ...]:
    """A name in Arabic script written the other way where Persian writes
    either: compound given names apart (:func:`_joined_names`), surname
    suffixes joined when written apart and apart when joined
    (:data:`_PERSIAN_SUFFIXES`); and that reading again with a first word
    *Amir* joined to the name after it (:data:`_PERSIAN_AMIR`). Empty when
    nothing changes."""
    out: list[str] = []
    changed = False
    for word in name.split():
        if out and (word in _PERSIAN_SHORT_SUFFIXES or word in _PERSIAN_SUFFIXES):
            out[-1] += word
            changed = True
            continue
        parts = _joined_names(word)
        if parts is None and not script_symbols(word):
            for suffix in _PERSIAN_SUFFIXES:
                if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                    parts = (word[: -len(suffix)], suffix)
                    break
        if parts is not None:
            out.extend(parts)
            changed = True
        else:
            out.append(word)
    found: tuple[str, ...] = (" ".join(out),) if changed else ()
    if len(out) > 1 and out[0] == _PERSIAN_AMIR:
        found += (" ".join([out[0] + out[1], *out[2:]]),)
    words = out
    if (
        len(words) > 1
        and words[0] in _JOINED_HEADS
        and known_given_name(script_symbols(words[1]))
        and (joined := " ".join([words[0] + words[1], *words[2:]])) != name
    ):
        # a compound given name written apart, which romanisations also join
        # (محمد جواد *Mohammadjavad*, غلام حسین *Gholamhossein*; the second
        # word a given name, not a surname: علی خامنه‌ای)
        found += (joined,)
    maghrebi = _maghrebi_variant(name)
    return (*found, maghrebi) if maghrebi else found


#: Letters before which the Arabic article keeps its *l* (the "moon
#: letters"; before the others it takes their sound: *Essebsi*).
_MOON_LETTERS: Final = frozenset("اأإآبجحخعغفقكمهوي")
_BEN: Final = frozenset({"بن", "ابن"})


def _maghrebi_variant(name: str) -> str:
    """A name in Arabic script as the Maghreb spells it in Latin letters
    (:func:`_arabic_variant`): the article's *l* joined to a word beginning
    with a moon letter (:data:`_MOON_LETTERS`: الحسن *Lahcen*, الأخضر
    *Lakhdar*, الأمين *Lamine*), and *ben* joined to the father's name
    (بن صالح *Bensalah*, بن موسى *Benmoussa*). Empty when neither occurs."""
    out: list[str] = []
    changed = False
    for word in name.split():
        if out and out[-1] in _BEN:
            out[-1] = "بن" + word
            changed = True
            continue
        if word.startswith("ال") and len(word) > 3 and word[2] in _MOON_LETTERS:
            word = "ل" + word[2:]
            changed = True
        out.append(word)
    return " ".join(out) if changed else ""


def _split_arabic_compounds(words: list[_Word]) -> list[_Word]:
    out: list[_Word] = []
    for w in words:
        a = w.ascii
        if w.hint is None and a.isalpha() and len(a) > 4:
            # (each pattern is tried only where its fixed start or end is present)
            m = _ABD.match(a) if a.startswith("abd") else None
            if m is not None and a not in _ABD_ALONE:
                rest = m.group(2)
                if len(rest) > 3 and rest[0] == rest[1]:
                    rest = rest[1:]
                if rest in _ALLAH_REST or rest.startswith(("lah", "llah")) and len(rest) <= 5:
                    out.append(_Word("abdallah", w.abjad))
                    continue
                if len(rest) >= 3:
                    out.append(_Word("abd", w.abjad))
                    out.append(_Word(rest, w.abjad))
                    continue
            m = _DIN_SUFFIX.match(a) if a.endswith(_DIN_ENDS) else None
            if m is not None:
                out.append(_Word(m.group(1) or m.group(2), w.abjad))
                out.append(_Word("din", w.abjad))
                continue
            m = _DIN_JOINED.match(a) if a.endswith(_DIN_ENDS) else None
            if (
                m is not None
                and m.group(1)[-1] not in "aeiou"
                and not w.abjad
                and not word_symbols(a)
            ):
                # (a name ending in a vowel before it is a guess too far:
                # *Allaidin* is Ala al-Din, not "Alla")
                out.append(_Word(m.group(1), w.abjad))
                out.append(_Word("din", w.abjad))
                continue
            m = _ALLAH_SUFFIX.match(a) if a.endswith(_ALLAH_ENDS) else None
            if m is not None and not a.startswith("abd") and not a.endswith(("oulla", "salah")):
                # (*-oulla* is the Greek diminutive: Androulla, Georgoulla;
                # *-salah* the name Salah: Bensalah)
                out.append(_Word(m.group(1), w.abjad))
                out.append(_Word(ALLAH, w.abjad))
                continue
        if w.hint is None and a in _ABD_ALONE:
            out.append(_Word("abd", w.abjad))
            continue
        if w.hint is None and (a in ("deen", "dine", "dinn") or out and a in _EL_DIN):
            # (*Nor Eldin*; a first word *Eldin* is the Bosnian given name)
            out.append(_Word("din", w.abjad))
            continue
        out.append(w)
    # "abd" + "allah" / "ullah" -> abdallah
    merged: list[_Word] = []
    for w in out:
        if merged and merged[-1].ascii == "abd" and w.ascii in ("allah", "ullah", "llah", "lah"):
            merged[-1] = _Word("abdallah", w.abjad)
            continue
        merged.append(w)
    return merged


def _split_joined_articles(words: list[_Word]) -> list[_Word]:
    """In an Arabic name written in Latin letters (one with a word of
    :data:`_ARABIC_MARKERS`, or a word read from Arabic script), each word
    that writes the article joined to the next (:data:`_JOINED_ARTICLE`:
    *Elsseid* → *seid*, *Alshawa* → *shawa*, *Binalshibh* → *bin shibh*) as the
    words it joins, the article left out as analysis leaves it out where it is
    written apart; so *ELSSEID* meets السيد and *Es-Seid*. Other names are
    returned as they are."""
    if not any(w.abjad or w.ascii in _ARABIC_MARKERS for w in words):
        return words
    out: list[_Word] = []
    for w in words:
        a = w.ascii
        m = _JOINED_ARTICLE.match(a) if w.hint is None and not w.abjad else None
        if m is None or not a.isalpha():
            out.append(w)
            continue
        rest = m.group(2) + m.group(4)
        if rest.startswith("lah") or word_symbols(a):
            out.append(w)  # (*Allahdad*; a name of its own: *Alberto*)
            continue
        if m.group(1):
            out.append(_Word(m.group(1)))
        out.append(_Word(rest))
    return out


_LEET: Final = str.maketrans("01345789", "oieasjbg")
#: A digit beside another or ending a word: a number written in a name (an
#: online handle, *MAXMS76*, *IGOR1994V*, *ALEX560560*), not a letter typed as
#: a digit, which stands alone between letters (*Ig0r*, *SID3RUN*).
_HANDLE_NUMBER: Final = re.compile(r"\d(?:\d|$)")
_CONSONANTS_ONLY: Final = re.compile(r"^[bcdfghjklmnpqrstvwxz]{2,3}$")
#: A Chinese syllable written without a vowel: the syllabic nasal *ng* of
#: Cantonese, Hokkien and Teochew, alone or after a consonant (黃 and 吳 *Ng*,
#: 方 *Png*, 孫 *Sng*, 唐 *Tng*, 勳 *Hng*): a name, never two initials.
_NASAL_SYLLABLE: Final = re.compile(r"^[bcdfghjklmnpqrstvwxz]?ng$")


#: Two letters, consonants and *y*, that an initialled Chinese name writes for
#: its given name (梁振英 *CY Leung*, 馬英九 *YJ Ma*): *y* begins a syllable
#: there (*Ying*, *Yat*), and no syllable is spelt so.
_Y_INITIALS: Final = re.compile(r"^(?=.*y)[bcdfghjklmnpqrstvwxyz]{2}$")


def _person_words(words: list[_Word]) -> list[_Word]:
    """Person-name repairs: digits typed for letters (``Ig0r``; not a number
    a handle writes, :data:`_HANDLE_NUMBER`: *MAXMS76* is written so, as a
    query of no stated kind reads it), and all-consonant
    two- or three-letter words read as initials (``JC Juncker``), except a
    Chinese syllable that has no vowel (:data:`_NASAL_SYLLABLE`: *Ng Eng Hen*);
    in a name whose other words spell Chinese syllables, a two-letter word of
    consonants and *y* that spells none too (:func:`_chinese_initials`: *CY
    Leung*)."""
    out: list[_Word] = []
    for w in words:
        a = w.ascii
        if (
            w.hint is None
            and not a.isalpha()
            and not a.isdigit()
            and any(c.isalpha() for c in a)
            and not _HANDLE_NUMBER.search(a)
        ):
            a = a.translate(_LEET)
            w = _Word(a, w.abjad)
        if (
            w.hint is None
            and not w.abjad
            and not w.script_form
            and (
                (_CONSONANTS_ONLY.match(a) and not _NASAL_SYLLABLE.match(a.lower()))
                or _chinese_initials(a, words)
            )
            and len(words) > 1
            and fold_token(a) not in vocab.HONORIFICS
            and fold_token(a) not in _person_prefixes()
        ):
            out.extend(_Word(c) for c in a)
            continue
        out.append(w)
    return out


def _chinese_initials(word: str, words: list[_Word]) -> bool:
    """Whether ``word`` is a Chinese given name's two initials written as one
    word (:data:`_Y_INITIALS`: *CY*, *KY*, *YJ*; no syllable in any
    romanisation, :func:`~thaw.text.han_syllables.chinese_syllables`) in a
    name whose other words, one to three, each spell Chinese syllables, one of
    them a single syllable (the family name: *Leung*, *Ma*)."""
    if not _Y_INITIALS.match(word) or chinese_syllables(word):
        return False
    others = [w.ascii for w in words if w.ascii != word]
    return (
        1 <= len(others) <= 3
        and all(o.isalpha() and chinese_syllables(o) for o in others)
        and any(one_syllable(o) for o in others)
    )


def _roman(word: str) -> int | None:
    if not _ROMAN.match(word):
        return None
    total = 0
    prev = 0
    for ch in reversed(word):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None


#: Roman numerals that are no name part in any language: read as numbers after
#: the first word of a name of unknown kind ("SARA II"), where "Xi" or "Vi" may
#: be names.
_ROMAN_SUFFIXES: Final = frozenset({"ii", "iii", "iv", "vii", "viii"})


def _numbers(words: list[_Word], org_context: bool, roman_suffix: bool = False) -> list[_Word]:
    table = _ordinals()
    out: list[_Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w.hint is not None:
            out.append(w)
            i += 1
            continue
        number: int | None = None
        used = 1
        if i + 1 < len(words) and words[i + 1].hint is None:
            pair = f"{w.ascii} {words[i + 1].ascii}"
            if pair in table and not pair.isdigit():
                number, used = table[pair], 2
        if number is None:
            if w.ascii.isdigit():
                number = int(w.ascii) if len(w.ascii) < 12 else None
                if number is None:
                    out.append(_Word(w.ascii, hint="number"))
                    i += 1
                    continue
            elif w.ascii in table and org_context:
                number = table[w.ascii]
            elif org_context and i > 0 and len(w.ascii) <= 4:
                number = _roman(w.ascii)
            elif roman_suffix and i > 0 and w.ascii in _ROMAN_SUFFIXES:
                number = _roman(w.ascii)
        if number is None:
            out.append(w)
        else:
            # "forty 4" -> 44
            if out and out[-1].hint == "number" and out[-1].ascii.isdigit():
                prev = int(out[-1].ascii)
                if prev % 10 == 0 and 20 <= prev < 100 and 0 < number < 10:
                    out[-1] = _Word(str(prev + number), hint="number")
                    i += used
                    continue
            surface = " ".join(x.ascii for x in words[i : i + used])
            out.append(_Word(str(number), hint="number", surface=surface))
        i += used
    return out


def _join_letter_runs(words: list[_Word]) -> list[_Word]:
    """Spelt-out legal forms ("o.o.o.", "l.l.c.") become legal-form words."""
    out: list[_Word] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].hint is None and len(words[j].ascii) == 1:
            j += 1
        if j - i >= 2:
            joined = "".join(w.ascii for w in words[i:j])
            found = extract_org_types(joined, _CASEFOLD, 0, True) if j == len(words) else []
            if found and found[0][0] == joined:
                out.append(_Word(found[0][1].lower(), hint="legal", surface=joined))
                i = j
                continue
            # an acronym spelt with dots or spaces (A.B.C.) is one word
            out.append(_Word(joined))
            i = j
            continue
        if j > i:
            out.extend(words[i:j])
            i = j
        else:
            out.append(words[i])
            i += 1
    return out


# --- classification -------------------------------------------------------------------

#: The titles that may follow a name ("John Smith Sr", senior). Any other title
#: word is a title only before a name word: the last word of a name is part of
#: the name ("Ocean Princess" is a vessel, "Ahmed Sheikh" a man named Sheikh),
#: unless the name was written "SURNAME, Given names" ("AWEYS, Sheikh").
_AFTER_NAME_TITLES: Final = frozenset({"sr"})

_STOP: Final = frozenset(
    {
        "of",
        "the",
        "and",
        "und",
        "et",
        "for",
        "y",
        "i",
        "e",
        "a",
        "an",
        "to",
        "in",
        "on",
        "by",
        "with",
        "at",
    }
)
_ORG_STOP: Final = _STOP | frozenset(
    {
        "de",
        "del",
        "la",
        "le",
        "les",
        "los",
        "las",
        "der",
        "die",
        "das",
        "des",
        "du",
        "da",
        "do",
        "dos",
        "di",
        "van",
        "von",
        "al",
        "el",
    }
)


def _article_before(article: str, following: str) -> bool:
    """Whether ``article`` (one of :data:`vocab.ARTICLES`) is the article of the
    word ``following``: *al*, *el*, *ul* before any word, a form assimilated to
    a sun letter only before a word beginning with that letter (*ar Rahman*,
    not Korean *An Jong Hyok*)."""
    consonant = article.lstrip("aeiu")
    return consonant == "l" or following.startswith(consonant)


def _syllable_words(words: list[_Word]) -> bool:
    """Whether every word of a name is no longer than a Chinese syllable
    (:data:`~thaw.text.vocab.SYLLABLE_LETTERS`): *Chui Sai On*, not *Payment
    on behalf*."""
    return all(len(w.ascii) <= vocab.SYLLABLE_LETTERS for w in words)


def _beside_an_initial(words: list[_Word], i: int) -> bool:
    """Whether ``words[i]`` is one letter beside another one-letter word: one
    of a run of initials (*C. Y. Leung*, *M. E. Jones*), not the conjunction
    or article a lone *y* or *e* is (*Ortega y Gasset*)."""
    if len(words[i].ascii) != 1:
        return False
    return any(
        0 <= j < len(words) and len(words[j].ascii) == 1 and words[j].ascii.isalpha()
        for j in (i - 1, i + 1)
    )


def _no_org_word(words: list[_Word], folds: list[str]) -> bool:
    """Whether no word of a name is a legal form or a generic word of
    organisation names (a name of unknown kind that may be a person's)."""
    return not any(
        w.hint in ("legal", "generic") or f in vocab.GENERIC_LOOKUP
        for w, f in zip(words, folds, strict=True)
    )


_TokenFields = tuple[str, str, float, str, str, bool, frozenset[str], bool, str, bool, bool]

_TOKEN_POOL: Final[dict[_TokenFields, Token]] = {}
"""Equal tokens of different names are one object (the list names hold about five
times as many tokens as distinct ones): less memory, and cheaper to persist. Keyed
by the token's fields, so that a token met before is found without being built:
building a frozen dataclass costs several times a lookup. Cleared (when full)
only between two names, so that the equal tokens of one name are one object."""
_TOKEN_POOL_SIZE: Final = 250_000


_TOKEN_SETTERS: Final[tuple[Callable[[Token, object], None], ...]] = tuple(
    getattr(Token, name).__set__ for name in Token.__dataclass_fields__
)
"""What :func:`_token` makes a new token with: the setter of each field, in
order, which writes the field as the dataclass's ``__init__`` does (a frozen
dataclass sets its fields through ``object.__setattr__``), without calling it:
that ``__init__`` is generated Python, not compiled, and runs several times
slower than the lookup of a pooled token (name analysis makes a new token for
every word it meets first)."""


def _token(
    text: str,
    role: str = "name",
    weight: float = 1.0,
    raw: str = "",
    skel: str = "",
    abjad: bool = False,
    symbols: frozenset[str] = _NO_SYMBOLS,
    optional: bool = False,
    script_form: str = "",
    after_bin: bool = False,
    other_script: bool = False,
) -> Token:
    """The :class:`Token` of these fields: the pooled one if an equal token was
    made before (:data:`_TOKEN_POOL`), else a new one, pooled."""
    fields = (
        text,
        role,
        weight,
        raw,
        skel,
        abjad,
        symbols,
        optional,
        script_form,
        after_bin,
        other_script,
    )
    found = _TOKEN_POOL.get(fields)
    if found is None:
        found = Token.__new__(Token)
        for setter, value in zip(_TOKEN_SETTERS, fields, strict=True):
            setter(found, value)
        _TOKEN_POOL[fields] = found
    return found


#: Filiation particles after which the rest of the name is the father's: the
#: Afghan and Persian ولد (*walad*) and the "son of" or *s/o* of South Asian
#: names (*Akhter Mohmad son of Noor Mohmad*, حاجی گلاب گل ولد حاجی حضرت گل).
#: After *bin* or *ibn* a family name may follow (*Osama bin Laden*), so there
#: only the word right after the particle is the father's, and only when more
#: of the name follows it (*Ali bin Hassan Khan*).
_FATHER_TO_END: Final = frozenset({"walad"})


def _classify(words: list[_Word], schema: str | None, inverted: bool = False) -> list[Token]:
    """The tokens of ``words`` for a party of ``schema`` (``inverted``: the name
    was written "SURNAME, Given names", whose last word may be a title: "AWEYS,
    Sheikh").

    A father's name stated by a filiation particle (:data:`_FATHER_TO_END`) is
    ``optional``, as a patronymic is: a side that leaves it out lacks a part
    (an extra), it does not contradict the name."""
    person = schema == PERSON
    org = schema in ORG_SCHEMATA
    thing = schema in THING_SCHEMATA
    maybe_person = person or schema is None
    n = len(words)
    tokens: list[Token] = []
    prefixes = _person_prefix_words()
    locations = _locations() if (org or schema is None) else frozenset()
    folds = [fold_token(w.ascii) for w in words]
    phrase_starts = vocab.GENERIC_PHRASE_STARTS
    weightless = 0  # tokens of weight 0 (only the last branch below makes them)
    fathers = False  # past a particle after which the rest is the father's name
    particle_at = -2  # the position of the last word read as a filiation particle
    i = 0
    while i < n:
        w = words[i]
        raw = w.ascii
        if w.hint == "legal":
            tokens.append(_token(raw, "legal_form", vocab.LEGAL_FORM_WEIGHT, w.surface or raw, raw))
            i += 1
            continue
        if w.hint == "generic":
            tokens.append(_token(raw, "generic", vocab.GENERIC_WEIGHT, raw, skeleton(raw)))
            i += 1
            continue
        if w.hint == "number":
            # raw: the number as written ("ii", "eleven"), so that a side that read
            # it as a word still meets it (the same word read differently)
            tokens.append(_token(raw, "number", 0.5, w.surface or raw, raw))
            i += 1
            continue
        folded = folds[i]
        if not person and not w.abjad and folded in phrase_starts and i + 1 < n:
            matched_phrase = False
            for size in range(min(vocab.MAX_PHRASE, n - i), 1, -1):
                chunk = tuple(folds[i : i + size])
                canon = vocab.GENERIC_PHRASES.get(chunk)
                if canon is not None:
                    tokens.append(
                        _token(
                            canon,
                            "generic",
                            vocab.GENERIC_WEIGHT,
                            " ".join(x.ascii for x in words[i : i + size]),
                            skeleton(canon),
                        )
                    )
                    i += size
                    matched_phrase = True
                    break
            if matched_phrase:
                continue
        skel = skeleton(folded)
        role, weight, optional, text = "name", 1.0, False, folded
        # the father's name follows the filiation particle, with its article if any
        # ("bin Al-Din"; "al" itself is no name)
        after_bin = i > 0 and (
            words[i - 1].ascii in vocab.FILIATION
            or (
                i > 1
                and words[i - 1].ascii in vocab.ARTICLES
                and words[i - 2].ascii in vocab.FILIATION
            )
        )
        if w.script_form:
            # a Chinese or Korean syllable is a name part, whatever its reading
            # spells in Latin (이 → "i" is no stop word, 오 → "o" no initial)
            if folded in vocab.COMMON_NAMES:
                weight = 0.6
        elif (
            n > 1
            # (a word read from an abjad is no English or French stop word:
            # Persian بی of بی جن *Bijan* reads "by")
            and not w.abjad
            and (raw in _STOP or (not maybe_person and raw in _ORG_STOP))
            and not (
                maybe_person
                and (
                    raw in vocab.NAME_WORDS_IN_PERSONS
                    or (raw in vocab.SYLLABLE_NAME_WORDS and _syllable_words(words))
                    or _beside_an_initial(words, i)
                )
                and _no_org_word(words, folds)
            )
        ):
            role, weight = "stop", 0.0
        elif (
            n > 1
            and raw in vocab.ARTICLES
            and i < n - 1
            and not thing
            and _article_before(raw, words[i + 1].ascii)
        ):
            role, weight = "stop", 0.0
        elif maybe_person and n > 1 and raw in vocab.FILIATION and 0 < i < n - 1:
            role, weight, text = "particle", 0.1, vocab.FILIATION[raw]
            fathers = fathers or raw in _FATHER_TO_END
            particle_at = i
        elif (
            maybe_person
            and n > 1
            and (
                folded in vocab.HONORIFICS
                or (i == 0 and raw in prefixes)
                # (a title written in the Arabic script: ملا, شيخ, الحاج)
                or (w.abjad and raw in vocab.ABJAD_HONORIFICS)
            )
            and (i == 0 or folded not in vocab.LEADING_ONLY_HONORIFICS)
            and (i < n - 1 or inverted or folded in _AFTER_NAME_TITLES)
            and raw not in vocab.NAMES_NOT_TITLES
            and folded not in vocab.FOLDED_NAMES_NOT_TITLES
            and w.titled
            # (a word read from an abjad is no European abbreviation: معمر,
            # read mmr, is not Mr)
            and (not w.abjad or len(folded) >= 4 or raw in vocab.ABJAD_HONORIFICS)
        ):
            role, weight = "honorific", 0.0
        elif (
            maybe_person
            and n > 1
            and folded in vocab.PARTICLES
            and len(raw) <= 3
            and i < n - 1
            and not _beside_an_initial(words, i)
            # (in a name that reads as Korean, Won, Na, Do are names: Na Min-jun)
            and not reads_as_korean_name([x.ascii for x in words])
        ):
            role, weight = "particle", 0.1
        elif len(raw) == 1 and raw.isalpha() and not w.script_form:
            role, weight = "initial", 0.4
        elif (
            not person
            and folded in vocab.GENERIC_LOOKUP
            and (len(raw) > 3 or raw in vocab.GENERIC_SHORT_RAW)
        ):
            role, weight = "generic", vocab.GENERIC_WEIGHT
            text = vocab.GENERIC_LOOKUP[folded]
            skel = skeleton(text)
        elif not person and folded in locations:
            role, weight = "location", 0.6
        elif person and len(raw) > 6 and _PATRONYMIC.search(raw):
            role, optional = "patronymic", True
        elif raw in ("abd", "din", "allah", "abu", "um", "umm"):
            weight = 0.6 if raw in ("abd", "abu") else 0.35
        elif folded in vocab.COMMON_NAMES or (w.abjad and vocab.common_abjad(raw)):
            weight = 0.6
        if role == "name" and (
            fathers or (after_bin and i < n - 1 and particle_at in (i - 1, i - 2))
        ):
            optional = True  # the father's name (after a word read as the particle)
        symbols = w.symbols if maybe_person and role == "name" else _NO_SYMBOLS
        tokens.append(
            _token(
                text,
                role,
                weight,
                raw,
                skel,
                w.abjad,
                symbols,
                optional,
                w.script_form,
                after_bin,
                bool(symbols),
            )
        )
        if weight == 0:
            weightless += 1
        i += 1
    if tokens and weightless == len(tokens):
        # a name made only of titles or stop words: keep them as names
        tokens = [_token(t.text, "name", 1.0, t.raw, t.skeleton, t.abjad) for t in tokens]
    elif any(t.role == "honorific" for t in tokens) and not any(
        t.role in ("name", "initial", "patronymic") for t in tokens
    ):
        # a title qualifies a name: with no name word beside it (only places or
        # generic words: "Princess Ocean"), it is the name
        tokens = [
            _token(t.text, "name", 1.0, t.raw, t.skeleton, t.abjad) if t.role == "honorific" else t
            for t in tokens
        ]
    return tokens


def _with_symbols(tokens: list[Token]) -> list[Token]:
    """Attach rigour's given-name symbols (NAME / NICK) to name tokens.

    The symbols of a word do not depend on its neighbours, so they come from the
    precomputed per-word table of :mod:`thaw.text.symbols` (the tagger's answers,
    computed offline) rather than from the tagger itself."""
    out: list[Token] | None = None
    for i, t in enumerate(tokens):
        if t.role != "name" or len(t.raw) < 2 or not t.raw.isalpha() or t.script_form:
            continue  # (a syllable has the items of its reading already)
        symbols = word_symbols(t.raw)
        if t.symbols:  # (the word as written had its own)
            symbols = symbols | t.symbols
        if symbols and symbols is not t.symbols:
            if out is None:
                out = list(tokens)
            out[i] = _token(
                t.text,
                t.role,
                t.weight,
                t.raw,
                t.skeleton,
                t.abjad,
                symbols,
                t.optional,
                t.script_form,
                t.after_bin,
                t.other_script,
            )
    return tokens if out is None else out


_INITIALS_POOL: Final[dict[frozenset[str], frozenset[str]]] = {}


@lru_cache(maxsize=65536)
def analyze_name(name: str, schema: str | None = None) -> AnalyzedName:
    """Analyse ``name`` (written in any script) for a party of ``schema``.

    ``schema`` is a model schema (``Person``, ``Organization``, ``Company``,
    ``LegalEntity``, ``Vessel``, ``Aircraft``) or ``None`` when unknown; it
    decides which knowledge applies (honorifics and patronymics for persons,
    legal forms and generic words for organisations, both when unknown).
    """
    if len(_TOKEN_POOL) > _TOKEN_POOL_SIZE:
        _TOKEN_POOL.clear()  # (between names: see the pool's docs)
    text = unicodedata.normalize("NFKC", name).casefold()
    plain = text.isascii()
    if not plain and ("\u0e4d" in text or "\u0ecd" in text):
        # NFKC splits the Thai and Lao vowel *am* (สำ) into nikhahit and *aa*
        # (ส ํ า), whose reading loses its *m* (สำอาง is *samang*, not *saang*)
        text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0ecd\u0eb2", "\u0eb3")
    person = schema == PERSON
    org_context = not person
    if schema in (None, PERSON) and _KANA.search(text):
        # kana: the name is Japanese, its kanji read the Japanese way
        text = japanese_reading(text) or text
    if not text.isascii() and not PERSIAN_LETTERS.isdisjoint(text):
        # a name written in Persian is read the Persian way in every word
        # (رضا is Reza in غلامرضا ضیایی, although only its neighbour shows it)
        text = text.translate(PERSIAN_Z)
    if schema in (None, PERSON) and ("/" in text or " of " in text):
        # "son of" spelt out or abbreviated (*Akhter Mohmad son of Noor Mohmad*,
        # *Ali s/o Khan*): the filiation particle
        text = _FILIATION_PHRASE.sub(_filiation_particle, text)
    text = _mark_legal_forms(text, person)
    words = _words(text, org_context, schema in (None, PERSON))
    words = _join_letter_runs(words) if org_context else words
    words = _split_arabic_compounds(words)
    if schema is None or person:
        words = _split_joined_articles(words)
    if person:
        words = _person_words(words)
    # number words are numbers in names of organisations, vessels and aircraft,
    # and in a name of unknown kind that carries a legal form ("Eleven Eighty
    # Eight Limited"): a person's "Ii" or "Vi" stays a name
    organised = schema is not None or any(w.hint == "legal" for w in words)
    words = _numbers(words, org_context and organised, roman_suffix=schema is None)
    tokens = _classify(words, schema, "," in text)
    if person or schema is None:
        tokens = _with_symbols(tokens)
    stripped = name.strip()
    truncated = len(stripped) >= TRUNCATION_LENGTH and stripped[-1:].isalnum()
    all_tokens = tuple(tokens)
    active = tuple(t for t in tokens if t.weight > 0)
    if len(active) == len(all_tokens):
        active = all_tokens  # one tuple for both (the usual case)
    runs = compound_runs(active, not plain and _HANGUL.search(text) is not None)
    if "," in text and schema in (None, PERSON) and len(active) > 2:
        runs += _said_order_run(active)
    initials = frozenset(r[2][:1] for r in runs) if runs else _NO_SYMBOLS
    if len(_INITIALS_POOL) > 10_000:
        _INITIALS_POOL.clear()
    initials = _INITIALS_POOL.setdefault(initials, initials)
    return new_analyzed_name(name, all_tokens, schema, truncated, active, runs, initials)


_NAME_SETTERS: Final[tuple[Callable[[AnalyzedName, object], None], ...]] = tuple(
    getattr(AnalyzedName, name).__set__ for name in AnalyzedName.__dataclass_fields__
)
"""What :func:`new_analyzed_name` makes an analysed name with: the setter of
each field, in order, as :data:`_TOKEN_SETTERS` for a token (the frozen
dataclass's generated ``__init__`` is Python, not compiled: about 10,000
instructions a name, which every new name analysed paid)."""


def new_analyzed_name(
    original: str,
    tokens: tuple[Token, ...],
    schema: str | None,
    truncated: bool,
    active: tuple[Token, ...] | None,
    compounds: tuple[tuple[int, int, str], ...],
    compound_initials: frozenset[str],
) -> AnalyzedName:
    """``AnalyzedName(original, tokens, ...)``: the same fields, set through
    their setters (:data:`_NAME_SETTERS`), not by the generated ``__init__``:
    how analysis makes a name, and decoding a listed one
    (:data:`thaw.index.codec.MAKERS`)."""
    made = AnalyzedName.__new__(AnalyzedName)
    fields = (original, tokens, schema, truncated, active, compounds, compound_initials)
    for setter, value in zip(_NAME_SETTERS, fields, strict=True):
        setter(made, value)
    return made


#: "son of" and "daughter of" written out or as South Asian names abbreviate
#: them (s/o, d/o) between two names.
_FILIATION_PHRASE: Final = re.compile(r"(?<=\w )(?:(son|daughter) of|(s|d)/o)(?= \w)")


def _filiation_particle(match: re.Match[str]) -> str:
    # "son of" is the Afghan ولد (walad), after which the rest of the name is the
    # father's (:data:`_FATHER_TO_END`)
    return "bint" if (match.group(1) or match.group(2))[0] == "d" else "walad"


_KANA: Final = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN: Final = HAN
_HANGUL: Final = re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_THAI: Final = re.compile("[\u0e01-\u0e4e]")
_CYRILLIC: Final = re.compile("[\u0400-\u04ff]")
_GREEK: Final = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_ARABIC: Final = re.compile("[\u0620-\u064a\u066e-\u06d3]")
_HEBREW: Final = re.compile("[\u05d0-\u05ea]")
_KHMER: Final = re.compile("[\u1780-\u17ff]")
#: Latin letters with a háček or an acute that Czech, Slovak, Croatian,
#: Serbian, Lithuanian and Belarusian Łacinka write for the sounds English
#: writes ch, sh, zh (SECO's *Alexandrovič*, *GORŠKOV*; *Karadžić*); name
#: analysis reads them without the mark (*c*, *s*, *z*, as ASCII lists
#: write them: KARADZIC), and a name with one also gets the English
#: spelling (:func:`name_variants`).
_HACEK: Final = re.compile("[čšžćČŠŽĆ]")
_HACEK_SOUNDS: Final = str.maketrans(
    {"č": "ch", "ć": "ch", "š": "sh", "ž": "zh", "Č": "Ch", "Ć": "Ch", "Š": "Sh", "Ž": "Zh"}
)
_ARMENIAN: Final = re.compile("[\u0531-\u0587]")
#: A word of five letters or more ending in a consonant and *-ic*: the ASCII
#: form of the Serbian and Croatian *-ić*, *-vić* (MILOSEVIC, KARADZIC), which
#: Russian writes *-ич* and English *-ich* (Милошевич *Miloshevich*). Folding
#: reads the ASCII *c* as *k* (``milosevik``); the variant spells it *-ich*
#: (:func:`_ich`). A given name (*Dominic*, *Fredric*: one with rigour's name
#: symbols) is no such surname.
_ASCII_IC: Final = re.compile(r"\b[a-z]{2,}[b-df-hj-np-tv-z]ic\b", re.IGNORECASE)
#: A word ending in *-ic* at all: with a substring test before it (a tenth of
#: Latin names hold an *ic*), the cheap test before :data:`_ASCII_IC`, which
#: every Latin name would otherwise pay.
_IC_END: Final = re.compile(r"ic\b", re.IGNORECASE)


#: The *dz* of such a word: the ASCII form of *dž* (Џ, дж: KARADZIC, Караджич),
#: the only *dz* Serbian and Croatian write.
_DZ: Final = re.compile("dz(?!h)", re.IGNORECASE)


def _ich(match: re.Match[str]) -> str:
    """An ASCII word in *-ic* (:data:`_ASCII_IC`) in *-ich*, its *dz* as *dzh*,
    unless it is a given name."""
    word = match.group()
    if word_symbols(word.casefold()):
        return word
    return _DZ.sub(_dzh, word) + "h"


def _dzh(match: re.Match[str]) -> str:
    return match.group() + ("H" if match.group().isupper() else "h")


#: At most this many spellings of a Thai name (:func:`_thai_variant`).
_THAI_MAX_VARIANTS: Final = 36


def _thai_variant(name: str) -> tuple[str, ...]:
    """A Thai name in the spellings its words are written in (analysis reads
    it as personal names are spelt, following the letters): the Royal Thai
    General System first, then every other combination of each word's
    spellings (:func:`thaw.text.thai.thai_spellings`: RTGS, personal, the
    Indic spelling of Pali and Sanskrit names), since a Thai chooses the
    spelling of each name on its own (*Samak Sundaravej*: the given name as
    RTGS writes it, the surname by its Indic letters). A name with more
    combinations than :data:`_THAI_MAX_VARIANTS` has one spelling per
    system (each word in its spelling of that system)."""
    words = [w for w in _split_words(name.casefold()) if w]
    options = [thai_spellings(w) if _THAI.search(w) else (w,) for w in words]
    options = [o for o in options if o]
    if not options:
        return ()
    rtgs = " ".join(o[0] for o in options)
    count = 1
    for o in options:
        count *= len(o)
    if count > _THAI_MAX_VARIANTS:
        widest = max(len(o) for o in options)
        systems = [" ".join(o[min(k, len(o) - 1)] for o in options) for k in range(widest)]
        return tuple(dict.fromkeys(systems))
    return tuple(dict.fromkeys([rtgs, *(" ".join(c) for c in itertools.product(*options))]))


@lru_cache(maxsize=65536)
def name_variants(name: str, schema: str | None = None) -> tuple[str, ...]:
    """Other readings of ``name`` worth comparing beside :func:`analyze_name`'s.

    A person's name written in Han characters alone may be Chinese or Japanese:
    analysis reads it as Chinese (pinyin), and its Japanese reading
    (:func:`thaw.text.japanese.japanese_reading`, 鈴木 一郎 → ``suzuki ichiro``)
    is the variant, where the name can be Japanese: no word of one character
    (Chinese surnames are one character, Japanese ones two or more), a
    reading of every character (:func:`thaw.text.japanese.complete_reading`:
    韓晚冠 is no *Kan*), no word of the reading of fewer than three letters,
    and for a name written as Chinese names are
    (:func:`thaw.text.han_names.written_as_chinese`) none of a single syllable
    (:func:`thaw.text.chinese.single_syllable`). A Thai name's variant is its RTGS
    reading; a name in Arabic script written the other way where Persian
    writes either (غلامرضا *Gholam Reza*, رحیم پور *Rahimpour*:
    :func:`_arabic_variant`), and as the names of Iran and South Asia are
    spelt (ضياء الرحمن *Ziaur Rahman*:
    :func:`thaw.text.translit.arabic_script_variants`); a Belarusian name has its
    Russian form, and a French name in Cyrillic its silent *r*
    (:func:`thaw.text.translit.cyrillic_variant`), a Cyrillic name its
    readings in the Latin orthographies it may transcribe
    (:func:`thaw.text.translit.foreign_readings`: Цибульский *Cybulski*); a
    name in Greek letters, its classical transcription (:func:`thaw.text.translit.greek_variant`); a
    Hebrew surname in *-יץ*, its Slavic *-ich* (:func:`thaw.text.translit.hebrew_variant`);
    a Khmer name, its syllables apart (:func:`thaw.text.khmer.khmer_variant`);
    an Armenian name, its Western reading
    (:func:`thaw.text.translit.armenian_variant`).

    A person's name in Latin letters romanised in Wade–Giles (*Mao Tse-tung*) has
    its pinyin reading as the variant (*mao zedong*,
    :func:`thaw.text.wadegiles.pinyin_reading`); one written with č, š, ž or ć
    the English spelling of those letters (:data:`_HACEK`: *Alexandrovič* →
    *Alexandrovich*, *GORŠKOV* → *GORSHKOV*); one in ASCII with a word in a
    consonant and *-ic*, that word in *-ich* (:data:`_ASCII_IC`: *MILOSEVIC* →
    *MILOSEVICH*, as Милошевич reads); one romanised from Ukrainian or
    Belarusian, its Russian form (:func:`thaw.text.slavic.east_slavic_variant`:
    *Hryhoriy Mykolaiovych* → *grygoriy nikolaevich*); one in the Somali
    orthography, its English spelling (:func:`thaw.text.somali.somali_reading`:
    *Maxamed Xuseen* → *Mahamed Husen*). Names of other kinds, and names
    in any other script, have none (the common case, answered by one
    regular-expression search).

    A name in Chinese characters may also be a Korean name in hanja or a
    foreign name transcribed: :func:`thaw.text.chinese.han_variants` adds its
    Korean reading and, when it looks transcribed, its reading back into Latin
    letters; a foreign name in Hangul is read back by
    :func:`thaw.text.korean.hangul_variants` (Korean names have no variant), a
    foreign name in katakana by :func:`thaw.text.japanese.katakana_readings`."""
    if schema not in (None, PERSON):
        return ()
    if name.isascii():
        # (the scripts searched for below are all outside ASCII: an ASCII name,
        # the common case, has only the variants of a Latin-script name)
        return _latin_variants(name)
    if _THAI.search(name):
        return _thai_variant(name)
    if _CYRILLIC.search(name):
        own, foreign = _cyrillic_readings(name)
        return (*own, *foreign)
    if _ARABIC.search(name):
        variants = _arabic_variant(name)
        # (South Asian spellings of the variants too: ضیاءالحق apart, then
        # as *Ziaul Haq*)
        further = [w for v in variants[:1] if " ال" in v for w in arabic_script_variants(v)]
        found = dict.fromkeys([*variants, *further, *arabic_script_variants(name)])
        return tuple(v for v in found if v != name)
    if _GREEK.search(name):
        return greek_variant(name)
    if _HEBREW.search(name):
        return hebrew_variant(name)
    if _KHMER.search(name):
        return khmer_variant(name)
    if _ARMENIAN.search(name):
        return armenian_variant(name)
    if not _HAN.search(name):
        if _HANGUL.search(name):
            return hangul_variants(name)
        if _KANA.search(name):
            return katakana_readings(name)  # a foreign name in katakana
        if _HACEK.search(name):
            # č, š, ž as English spells them (Alexandrovič: Aleksandrovich)
            return (name.translate(_HACEK_SOUNDS),)
        return _latin_variants(name)
    if _KANA.search(name) or _HANGUL.search(name):
        return ()
    reading = ""
    if all(len(w) >= 2 for w in name.split()):
        # (a one-character word is a Chinese surname or given name (王, 丽): a
        # Japanese family name takes two characters or more (鈴木, 岡田))
        reading = complete_reading(name)  # (one that reads every character)
        words = reading.split()
        if any(len(w) < 3 for w in words) or (
            written_as_chinese(name) and any(map(single_syllable, words))
        ):
            # one- and two-letter readings (ō, ka) are single Sino-Japanese
            # syllables: a Chinese name read in Japanese, not a Japanese name
            reading = ""
    others = tuple(v for v in han_variants(name) if _first_word_kept(v, schema))
    return (reading, *others) if reading else others


def _latin_variants(name: str) -> tuple[str, ...]:
    """The variants of a person's name in Latin letters (:func:`name_variants`):
    its pinyin reading if it is romanised in Wade–Giles, its words in a
    consonant and *-ic* in *-ich* (ASCII only), its Russian form if it is
    romanised from Ukrainian or Belarusian, and its English spelling if it is
    written in the Somali orthography (:func:`thaw.text.somali.somali_reading`)."""
    pinyin = pinyin_reading(name)
    readings: tuple[str, ...] = () if pinyin is None else (pinyin,)
    if (
        ("ic" in name or "IC" in name)
        and name.isascii()
        and _IC_END.search(name)
        and _ASCII_IC.search(name)
    ):
        # MILOSEVIC as the -ich Russian and English write (Милошевич)
        ich = _ASCII_IC.sub(_ich, name)
        if ich != name:
            readings = (*readings, ich)
    # a Ukrainian or Belarusian romanisation in its Russian form (Hryhoriy
    # Mykolaiovych: grygoriy nikolaevich)
    slavic = east_slavic_variant(name)
    if slavic is not None:
        readings = (*readings, slavic)
    # a Somali name in the Somali orthography as English spells it (Maxamed
    # Xuseen: Mahamed Husen)
    somali = somali_reading(name)
    return readings if somali is None else (*readings, somali)


#: The roles of a word that analysis drops before a name (a title, a stop
#: word), which the first word of a reading of a name in characters must not
#: have (:func:`_first_word_kept`).
_DROPPED_FIRST: Final = frozenset({"stop", "honorific"})


def _first_word_kept(reading: str, schema: str | None) -> bool:
    """Whether analysis keeps the first word of ``reading``, a reading of a
    name in Chinese characters, as a word of the name. The first character of
    such a name is a part of it, never a title: a reading whose first word
    analysis drops as a title or a stop word (田宗 ``kari mune``, *kari* read
    as a title; 伊藤浩 ``i to ko``) would leave its other words to match
    alone (*Mune*, *Ko Lay*). A reading in other characters (Hangul,
    simplified characters) is kept."""
    if not reading.isascii():
        return True
    tokens = analyze_name(reading, schema).tokens
    return not tokens or tokens[0].role not in _DROPPED_FIRST


def _cyrillic_readings(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A Cyrillic name's readings (:func:`name_variants`): those of its own
    languages (:func:`thaw.text.translit.cyrillic_variant`), and those in the
    Latin orthographies it may transcribe
    (:func:`thaw.text.translit.foreign_readings`), both of the name with its Latin
    look-alike letters read as Cyrillic."""
    if _HAS_ASCII_LETTER.search(name):
        name = " ".join(
            w.translate(_LATIN_LOOKALIKES) if not w.isascii() else w for w in name.split()
        )
    return cyrillic_variant(name), foreign_readings(name)


@lru_cache(maxsize=65536)
def listed_variants(name: str, schema: str | None = None) -> tuple[str, ...]:
    """:func:`name_variants` of a *listed* name: a Cyrillic name's readings in
    other languages' orthographies are left out (a listing keeps the Latin names
    its authority published; those readings serve queries only)."""
    if schema in (None, PERSON) and _CYRILLIC.search(name) and not _THAI.search(name):
        return _cyrillic_readings(name)[0]
    return name_variants(name, schema)


def index_keys(name: AnalyzedName) -> set[str]:
    """Retrieval keys of a name, for the candidate index.

    For each informative token of role ``name``, ``patronymic`` or ``location``:
    its folded text and ``~`` + its vowel-free abjad key (so that a query written
    in Arabic script finds the Latin listing and the reverse, and vowel-only
    variants meet); for adjacent short tokens, their concatenation (``hua wei`` →
    ``huavei``, matching the listing ``Huawei``). Legal forms, generic words,
    stop words and honorifics give no keys. Names made only of such words
    (``Management Company``) key on their generic words.
    """
    keys: set[str] = set()
    toks = [t for t in name.tokens if t.weight > 0]
    strong = [t for t in toks if t.role in ("name", "patronymic", "location", "number")]
    if not strong:
        strong = [t for t in toks if t.role != "legal_form"] or toks
    for t in strong:
        keys.add(t.text)
        if t.role != "number" and (len(t.raw or t.text) > 2 or t.abjad):
            # (a word of two letters written in an abjad too: חי *Chai*; a
            # word of three that folds to two, *Ruh* ru, *Ouk* uk, as written)
            keys.add("~" + abjad_key(t.raw or t.text))
    for a, b in zip(toks, toks[1:], strict=False):
        if a.role == "name" and b.role == "name" and min(len(a.raw), len(b.raw)) <= 4:
            keys.add(fold_token(a.raw + b.raw))
    return keys


def analyze_names(names: Iterable[str], schema: str | None = None) -> list[AnalyzedName]:
    """Analyse several names of one party, skipping those that give no tokens."""
    out = []
    for n in names:
        a = analyze_name(n, schema)
        if a.tokens:
            out.append(a)
    return out
