"""Two name words that are one name in its masculine and its feminine form.

Many languages make a woman's name from a man's by its ending: the given names
*Aleksandr* and *Aleksandra*, *Ivan* and *Ivana*, *Francesco* and *Francesca*,
*Konstantinos* and *Konstantina*, *Yevgeniy* and *Yevgeniya*; the Slavic family
names *Galkin* and *Galkina*, *Orlov* and *Orlova*, *Slutsky* and *Slutskaya*,
*Boguslawski* and *Boguslawska*, *Yarovoy* and *Yarovaya*. The two forms are a
letter or two apart, so the alignment finds them close, but they name a man and
a woman: a listed man's wife, daughter or namesake is another person.

:func:`other_gender` tells such a pair from two spellings of one name:

* a family name: the masculine Slavic ending (*-ov*, *-ev*, *-in*, *-yn*; *-sky*,
  *-skiy*, *-ski*, *-skyi*; *-oy*, *-iy*) against the feminine one of the same
  stem (*-ova*, *-eva*, *-ina*, *-yna*; *-skaya*, *-ska*; *-aya*); the Czech and
  Slovak *-ova* added to the man's name (*Novak*, *Novakova*); the Greek *-os*,
  *-akis*, *-idis* against *-ou*, *-aki*, *-idi*; the Lithuanian *-as*, *-is*,
  *-ys*, *-us* against a wife's *-iene* and a daughter's *-aite*, *-yte*, *-ute*
  (:data:`FAMILY_ENDINGS`). Spellings of
  one gender stay one name (*Slutski*, *Slutskiy*; *Zavalska*, *Zavalskaya*;
  *Lukashenko*, *Lukashenka*: the Belarusian form, not a gender);
* a given name: a feminine ending (*-a*, *-ya*, *-ia*, *-iya*) on the stem of a
  masculine form (the stem alone, or with *-y*, *-iy*, *-i*, *-o*, *-io*, *-os*,
  *-is*, each with its own feminine endings: :data:`GIVEN_ENDINGS`; a leading
  *ye* written *e* as Russian transliterations do; the two
  stems written alike, or with the same first letter and consonants: *Jameel*,
  *Jamila*), four letters or more (*Luc*, *Luca* are both men), when rigour's
  name data knows one of the two words as a given name, or both as names
  (*Dragan*, *Dragana*, which it knows only from their Cyrillic spellings);
  not when that data links the word in *-a* to its own spelling with a man's
  *-i*, *-j*, *-y* added (*Nikola* with *Nikolai*, *Nikolay*: a man's name;
  *Nikol* is a woman's).

The births recorded by name and sex (:mod:`thaw.match.given_genders`) settle
what the endings leave open. They count where the form of a word does not
speak for its sex: a word in *-a* that nearly all its bearers are men is a
man's name, not a feminine form (*Ismaila*, West African, against *Ismail*); a
stem alone that nearly all its bearers are women is not a man's name (*Karin*
and *Karina*, *Kristin* and *Kristina*: two women's names, also not as family
names); a word recorded as a man's or a woman's name stands for rigour's
knowledge of a given name (*Milan*, *Milana*). And they find the women's names
longer than a man's by a French, English or German ending in *-e* (*Denis*,
*Denise*; *Paul*, *Pauline*; *Michael*, *Michelle*; *Christian*, *Christiane*):
the same first three letters, the one recorded as a man's name, the other as a
woman's; and the women's names that shorten a man's to its stem and add a
feminine ending (*Nicolas*, *Nicole*; *Patrick*, *Patricia*; *Marcus*,
*Marcia*). A man's name with a masculine ending (*Valery*, *Valeriy*) keeps its
sex whatever those records say (an American *Valery* is a woman).

Two given names that rigour's name data gives a symbol in common are one name
in two languages whatever their endings (*Tamar* and *Tamara*, *Danil* and
*Danila*). Its data links a family name's two forms too (*Ivanov*, *Ivanova*),
which are nonetheless a man's and a woman's.

Words read from a script that does not write short vowels (Arabic, Persian,
Hebrew) have no endings to compare and are never such a pair.
"""

from __future__ import annotations

from typing import Final

from thaw.match.given_genders import Gender, recorded_gender
from thaw.text import Token, skeleton
from thaw.text.symbols import known_given_name, latin_words

#: Masculine and feminine endings of family names on the same stem.
FAMILY_ENDINGS: Final[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = (
    # Russian, Ukrainian, Belarusian, Bulgarian
    (("ov",), ("ova",)),
    (("ev",), ("eva",)),
    (("yov",), ("yova",)),
    (("in",), ("ina",)),
    (("yn",), ("yna",)),
    (("sky", "skiy", "skii", "ski", "skyi", "skij", "skyy"), ("skaya", "skaja", "skaia", "ska")),
    (("oy", "oi", "oj", "iy", "yy", "yi", "ii"), ("aya", "aja", "aia")),
    # Czech and Slovak: the feminine adds -ova to a final consonant (Novak, Novakova)
    (("",), ("ova",)),
    # Greek (Papadopoulos, Papadopoulou; Varoufakis, Varoufaki; Chrysochoidis, -i)
    (("os",), ("ou",)),
    (("akis",), ("aki",)),
    (("idis",), ("idi",)),
    # Lithuanian: a wife's -iene, a daughter's -aite, -yte, -ute
    (("as", "is", "ys", "us"), ("iene", "ene", "aite", "yte", "ute")),
)

#: The endings of a masculine given name after its stem (the empty one: the
#: stem alone), each with the endings of the feminine form of the same stem: a
#: man's *-iy* makes a woman's *-iya*, *-ia* (*Valeriy*, *Valeriya*), not *-a*
#: (*Valera* is his short name).
GIVEN_ENDINGS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("", ("a", "ya", "ia", "iya", "ija", "iia")),
    ("o", ("a",)),
    ("io", ("ia",)),
    ("os", ("a",)),
    ("is", ("a",)),
    ("y", ("ya", "ia", "iya")),
    ("iy", ("iya", "ia", "ya")),
    ("ij", ("ija", "ia")),
    ("ii", ("iia", "ia", "iya")),
    ("i", ("ia", "ya", "iya")),
)

_VOWELS: Final = frozenset("aeiouy")

#: The endings a Slavic spelling of a man's name in *-a* may add (*Nikolai*,
#: *Nikolaj*, *Nikolay*).
_MASCULINE_ENDS: Final = ("i", "j", "y")

#: The roles of words that may be a given or family name (*Viktoria* reads as
#: a place, Victoria, on its own).
_ROLES: Final = frozenset({"name", "location"})

#: The fewest letters of the stem the two forms share.
MIN_STEM: Final = 4

#: The fewest first letters a man's name and a woman's name in *-e* share to be
#: one name's two forms (*Mic-hael*, *Mic-helle*).
MIN_PREFIX: Final = 3


#: The feminine endings of a woman's name that shortens a man's to its stem
#: (:func:`_recorded_pair`: *Nicole*, *Patricia*).
RECORDED_FEMININE: Final = ("e", "ia", "a")

#: The most letters a man's name has past the stem of a woman's name made of it
#: (*Nicol-as*, *Patric-k*).
MAX_MASCULINE_TAIL: Final = 2


def _family_pair(m: str, f: str) -> bool:
    """Whether ``m`` is a masculine family name and ``f`` its feminine form
    (:data:`FAMILY_ENDINGS`)."""
    for masc, fem in FAMILY_ENDINGS:
        for a in masc:
            if not m.endswith(a) or len(m) - len(a) < MIN_STEM - 1:
                continue
            stem = m[: len(m) - len(a)]
            if not a and stem[-1] in _VOWELS:
                continue
            if any(f == stem + b for b in fem):
                return True
    return False


def _stem(word: str, ending: str) -> str | None:
    """The stem of ``word`` before ``ending`` (a leading *ye* as *e*), if it
    ends so.

    A stem has :data:`MIN_STEM` letters or more and ends in a consonant
    (*Andre* is no stem of *Andrea*, both men's names), and none ends in *k*
    before *-o* (*Savchenko*, the Belarusian *Savchenka*: a family name's two
    spellings)."""
    if not word.endswith(ending) or len(word) - len(ending) < MIN_STEM:
        return None
    stem = word[: len(word) - len(ending)]
    if stem[-1] in _VOWELS or (ending == "o" and stem[-1] == "k"):
        return None
    return stem[1:] if stem.startswith(("ye", "je")) else stem


def _same_stem(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one stem, written alike or with the same first
    letter and consonants (*Jameel*, *Jamil-a*)."""
    return a == b or (a[0] == b[0] and skeleton(a) == skeleton(b))


def _given_stems(m: Token, f: Token) -> str | None:
    """The masculine ending (``""``: the stem alone) with which ``m`` and ``f``,
    as written or folded, are one stem with a masculine and the matching
    feminine ending (:data:`GIVEN_ENDINGS`); ``None`` when they are not."""
    for m_end, f_ends in GIVEN_ENDINGS:
        for m_word in {m.raw, m.text}:
            m_stem = _stem(m_word, m_end)
            if m_stem is None:
                continue
            for f_end in f_ends:
                for f_word in {f.raw, f.text}:
                    f_stem = _stem(f_word, f_end)
                    if f_stem is not None and _same_stem(m_stem, f_stem):
                        return m_end
    return None


def _man_s_name(f: Token) -> bool:
    """Whether rigour's name data links ``f`` to its own spelling with a man's
    *-i*, *-j* or *-y* after the *-a* (*Nikola* with *Nikolai*, *Nikolaj*,
    *Nikolay*): that *-a* is the stem's, and ``f`` a man's name in its own
    languages, not a feminine form."""
    word = f.raw or f.text
    return any(word + end in latin_words(f.symbols) for end in _MASCULINE_ENDS)


def _given_pair(m: Token, f: Token) -> bool:
    """Whether ``m`` is a masculine given name and ``f`` its feminine form (see
    the module's documentation)."""
    if m.symbols & f.symbols:
        return False
    m_end = _given_stems(m, f)
    if m_end is None:
        return _recorded_pair(m, f)
    f_sex, m_sex = _recorded(f), _recorded(m)
    if _man_s_name(f) or f_sex == "male" or (not m_end and m_sex == "female"):
        return False
    if known_given_name(m.symbols) or known_given_name(f.symbols):
        return True
    if m_sex == "male" or f_sex == "female":
        return True
    # both only in the name data of other scripts (*Dragan*, *Dragana*)
    return bool(m.symbols) and bool(f.symbols)


def _recorded_pair(m: Token, f: Token) -> bool:
    """Whether ``m``, a man's name by the recorded births, has a woman's name
    ``f`` longer by a feminine ending in *-e* (*Denis*, *Denise*; *Paul*,
    *Pauline*; *Michael*, *Michelle*; *Christian*, *Christiane*): the same
    first letters, :data:`MIN_PREFIX` of them; or a woman's name made of the
    man's stem, the man's name past it ending in a letter or two
    (:data:`MAX_MASCULINE_TAIL`) and hers in a feminine ending
    (:data:`RECORDED_FEMININE`: *Nicol-as*, *Nicol-e*; *Patric-k*,
    *Patric-ia*; *Juli-us*, *Juli-e*)."""
    a, b = m.raw, f.raw
    if _recorded(m) != "male" or _recorded(f) != "female":
        return False
    if len(b) > len(a) and b.endswith("e") and a[:MIN_PREFIX] == b[:MIN_PREFIX]:
        return True
    for ending in RECORDED_FEMININE:
        stem = _stem(b, ending)
        if stem is not None and a.startswith(stem):
            if 0 < len(a) - len(stem) <= MAX_MASCULINE_TAIL:
                return True
    return False


def _recorded(t: Token) -> Gender | None:
    """The sex of most recorded bearers of the given name ``t``, as written or
    folded (:func:`thaw.match.given_genders.recorded_gender`)."""
    return recorded_gender(t.raw) or recorded_gender(t.text)


def other_gender(q: Token, r: Token) -> str | None:
    """The gender of ``q``'s form, ``"female"`` or ``"male"``, when the name
    words ``q`` and ``r`` are one name in its masculine and its feminine form
    (either way round); ``None`` otherwise."""
    if q.role not in _ROLES or r.role not in _ROLES or q.abjad or r.abjad or q.raw == r.raw:
        return None
    if q.script_form or r.script_form or not q.raw.isalpha() or not r.raw.isalpha():
        return None
    if _family_or_given_pair(q, r):
        return "male"
    if _family_or_given_pair(r, q):
        return "female"
    return None


#: The endings a woman's given name adds to a man's in French (*Michel*,
#: *Michelle*; *Emmanuel*, *Emmanuelle*; *Lucien*, *Lucienne*; *Jean*,
#: *Jeanne*; *Pascal*, *Pascale*), for :func:`stated_other_form`.
ADDED_FEMININE: Final = ("e", "le", "ne")

#: A man's given name's ending in Italian, Spanish and Portuguese and the
#: endings of the woman's name of its stem (*Mario*, *Maria*; *Giuseppe*,
#: *Giuseppina*; *Giovanni*, *Giovanna*; *Francesco*, *Francesca*), for
#: :func:`stated_other_form`.
REPLACED_ENDINGS: Final = (("o", ("a", "ina")), ("e", ("ina", "a")), ("i", ("a",)))

#: The fewest letters of a stem :func:`stated_other_form` compares (*Mari-o*).
MIN_STATED_STEM: Final = 3


def _feminine_of(m: str, f: str) -> bool:
    """Whether the given name ``f`` is the French, Italian, Spanish or
    Portuguese feminine of ``m`` by its ending alone (:data:`ADDED_FEMININE`,
    :data:`REPLACED_ENDINGS`)."""
    if len(m) < MIN_STEM or not (m + f).isalpha():
        return False
    if any(f == m + end for end in ADDED_FEMININE):
        return True
    for masc, fems in REPLACED_ENDINGS:
        stem = m[: -len(masc)]
        if m.endswith(masc) and len(stem) >= MIN_STATED_STEM and any(f == stem + e for e in fems):
            return True
    return False


def stated_other_form(q: Token, r: Token, stated: str | None) -> bool:
    """Whether the query word ``q``, of a person whose ``stated`` gender
    (``"female"`` or ``"male"``) its form agrees with, is the feminine of the
    listed word ``r`` (a woman stated) or its masculine (a man stated), by the
    endings alone (:func:`_feminine_of`: *Michelle*, *Michel*; *Emmanuelle*,
    *Emmanuel*; *Maria*, *Mario*; *Giuseppina*, *Giuseppe*): the listed person
    is of the other sex. Without a stated gender such a pair is left to
    :func:`other_gender`, which does not count two forms that rigour's name
    data links or that the recorded births leave open: people write *Michel
    Obama* for Michelle. Not when the recorded births give the listed word,
    as written, the stated sex (an English *Jean* is a woman)."""
    if stated not in ("female", "male") or q.abjad or r.abjad or q.script_form or r.script_form:
        return False
    if q.role not in _ROLES or r.role not in _ROLES or q.raw == r.raw:
        return False
    masc, fem = (r, q) if stated == "female" else (q, r)
    if recorded_gender(r.raw) == stated:
        return False
    return _feminine_of(masc.raw, fem.raw)


def _family_or_given_pair(m: Token, f: Token) -> bool:
    """Whether ``m`` is a masculine name word and ``f`` its feminine form, as
    family names (not when ``m`` is a woman's given name by the recorded births:
    *Karin*, *Karina*; *Kristin*, *Kristina*) or as given names."""
    if _family_pair(m.raw, f.raw) and _recorded(m) != "female":
        return True
    return _given_pair(m, f)
