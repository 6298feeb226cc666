"""Romanisation of Khmer names by syllable, after the UNGEGN system (1972) as
Cambodian names are spelt in Latin letters.

Khmer writes each consonant in one of two *series*: the first (``ក ខ ច ឆ ដ ឋ
ណ ត ថ ប ផ ស ហ ឡ អ``) and the second (``គ ឃ ង ជ ឈ ញ ឌ ឍ ទ ធ ន ព ភ ម យ រ ល
វ``). A vowel sign is read one way after a first-series consonant and another
after a second-series one (``ា`` is *a* in ``សា`` *sa*, *ea* in ``ជា``
*chea*; ``ី`` *ei* and *i*; ``ុ`` *o* and *u*), and a consonant with no vowel
sign carries the series' inherent vowel (*a*, *o*). Two marks move a
consonant to the other series: ``៉`` to the first (``ម៉ា`` *ma*), ``៊`` to
the second (``ហ៊ុន`` *hun*, ``ស៊ី`` *si*). In a cluster (a consonant with a
subscript one, written with the *coeng* ``្``), the subscript decides the
series unless it is a sonorant (``ង ញ ន ម យ រ ល វ``), which takes the first
consonant's.

Syllables are read as the script builds them: a consonant followed by a vowel
sign, a series mark or a subscript opens a syllable; one with nothing after
it (or another consonant) closes the open syllable before it as its final
(``សម`` *sam*, ``សំផន`` *samphon*), or else opens a syllable with the
inherent vowel. Inside a word, a consonant with a subscript after a syllable
that may take a final closes that syllable, and the subscript opens the next
(``រង្ស៊ី`` *rangsi*, ``ពេជ្រ`` *pech*), and a second subscript under it
joins it in that onset (``ភក្ត្រា`` *phok-tra*); a subscript left with no vowel at
the end of the word is silent (``ចន្ទ`` *chan*, ``សុភ័ក្ត្រ`` *sopheak*), as is one that ends a name
of a compound written as one word, before the consonant that opens the next
(``សុគន្ធកញ្ញា`` *so-kon-kanh-ea*: *Sokun Kanha*); a consonant before a final
marked with the *bantoc* ``់`` opens the syllable it closes (``សូណង់ដូ``
*sounangdou*, not *sounngodou*), and the inherent vowel before it is short
(*a*, *u*: ``គន់`` *kun*); so does a consonant before one that carries a
subscript (``សុគន្ធ`` *sokon*, not *sokntho*). A letter doubled by a subscript
is written once (``កញ្ញា`` *kanhea*), and ``ប`` in a cluster is *p*
(``ប្រាក់`` *prak*); ``ហ`` with a subscript ``គ``, ``វ`` or ``ស`` writes the
*g*, *f* and *z* Khmer has no letter for (``ហ្គេក`` *gek*: *Kaing Guek Eav*).
A bare ``ហ`` never closes a syllable (the reahmuk ``ះ`` writes a final *h*:
``សីហនុ`` *sei-ha-nu*), and ``ំ`` before ``ង`` is a nasal vowel that ``ង``
closes (``កាំង`` *kang*, not *kam-ngo*). Finals take their UNGEGN
values (*k, ng, ch, nh, t, n, p, m, y, r, l, v, s, h*).

The names of the two royal houses are spelt by convention, not by their
letters (:data:`CONVENTIONAL`: ``នរោត្តម`` *Norodom*, ``ស៊ីសុវត្ថិ``
*Sisowath*).

Vowels are written in plain ASCII as the UNGEGN letters read without their
marks, with the press's *e* for ``ែ`` (``សែន`` *Sen*, ``ម៉ាណែត`` *Manet*) and
its *e* and *i* for ``ឹ`` by series, where UNGEGN writes *oe* for both
(``កឹម`` *Kem*, ``គឹម`` *Kim*, ``អ៊ឹម`` *Im*, ``ឈឹម`` *Chhim*); the
samyok sannya ``័`` is a short vowel (``ស័ក`` *sak*, ``រ័ត្ន`` *roat*, ``ភ័គ``
*pheak*, ``ជ័យ`` *chey*: :data:`_SAMYOK_SANNYA`).
Romanisations of Khmer names differ mostly in vowels (*Hun* and *Hon*,
*Chea* and *Cha*), so name analysis still compares Khmer words on their
consonants, as it does Thai (:data:`thaw.text.translit.VOWELLESS_SCRIPTS`);
what this reading adds over a letter-by-letter table is the right consonants
(a first-series ``ប`` is *b*, a final ``ប`` *p*, the glottal ``អ`` nothing)
and vowels close enough for the spelling comparison (``ជា`` *chea*, not *cha*).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

#: Consonant → (initial value, final value, series 1 or 2).
_CONSONANTS: Final[dict[str, tuple[str, str, int]]] = {
    "ក": ("k", "k", 1),
    "ខ": ("kh", "k", 1),
    "គ": ("k", "k", 2),
    "ឃ": ("kh", "k", 2),
    "ង": ("ng", "ng", 2),
    "ច": ("ch", "ch", 1),
    "ឆ": ("chh", "ch", 1),
    "ជ": ("ch", "ch", 2),
    "ឈ": ("chh", "ch", 2),
    "ញ": ("nh", "nh", 2),
    "ដ": ("d", "t", 1),
    "ឋ": ("th", "t", 1),
    "ឌ": ("d", "t", 2),
    "ឍ": ("th", "t", 2),
    "ណ": ("n", "n", 1),
    "ត": ("t", "t", 1),
    "ថ": ("th", "t", 1),
    "ទ": ("t", "t", 2),
    "ធ": ("th", "t", 2),
    "ន": ("n", "n", 2),
    "ប": ("b", "p", 1),
    "ផ": ("ph", "p", 1),
    "ព": ("p", "p", 2),
    "ភ": ("ph", "p", 2),
    "ម": ("m", "m", 2),
    "យ": ("y", "y", 2),
    "រ": ("r", "r", 2),
    "ល": ("l", "l", 2),
    "វ": ("v", "v", 2),
    "ឝ": ("sh", "s", 1),
    "ឞ": ("s", "s", 1),
    "ស": ("s", "s", 1),
    "ហ": ("h", "h", 1),
    "ឡ": ("l", "l", 1),
    "អ": ("", "", 1),
}
#: Subscript consonants that take the series of the consonant above them.
_SONORANTS: Final = frozenset("ងញនមយរលវ")
#: The sounds Khmer has no letter for, written ហ with a subscript, as in
#: loans and foreign names (ហ្គេក *Gek*: *Guek*, ហ្វ *f*, ហ្ស *z*); ហ gives
#: the cluster its first series.
_H_CLUSTERS: Final[dict[str, str]] = {"គ": "g", "វ": "f", "ស": "z"}

#: The samyok sannya ``័``, a vowel sign that shortens the inherent vowel:
#: *a* after the first series (ស័ក្តិ *sak*, ច័ន្ទ *chan*), *oa* after the
#: second (រ័ត្ន *roat*: *-roth*; ព័ន្ធ *poan*: *Porn-*), *ea* there before a
#: velar final (ភ័គ *pheak*: *Sopheak*), and with a final ``យ`` the
#: diphthongs *ai* and *ey* (ជ័យ *chey*).
_SAMYOK_SANNYA: Final = "\u17d0"
#: The finals before which a second-series ``័`` is *ea*, and its readings
#: with a final ``យ``, by series.
_SAMYOK_EA_FINALS: Final = frozenset({"k", "ng"})
_SAMYOK_Y: Final = ("ai", "ey")
#: Dependent vowel sign → (reading after series 1, after series 2).
_VOWELS: Final[dict[str, tuple[str, str]]] = {
    "": ("a", "o"),  # the inherent vowel
    "ា": ("a", "ea"),
    "ិ": ("e", "i"),
    "ី": ("ei", "i"),
    "ឹ": ("e", "i"),  # (the press's: កឹម *Kem*, គឹម *Kim*; UNGEGN *oe*)
    "ឺ": ("eu", "eu"),
    "ុ": ("o", "u"),
    "ូ": ("ou", "u"),
    "ួ": ("uo", "uo"),
    "ើ": ("aeu", "eu"),
    "ឿ": ("oea", "oea"),
    "ៀ": ("ie", "ie"),
    "េ": ("e", "e"),
    "ែ": ("e", "e"),
    "ៃ": ("ai", "ey"),
    "ោ": ("ao", "o"),
    "ៅ": ("au", "ou"),
    _SAMYOK_SANNYA: ("a", "oa"),
}
#: A vowel sign (or none) with the nasal ``ំ`` (nikahit) → readings by series.
_NASAL: Final[dict[str, tuple[str, str]]] = {
    "": ("am", "um"),
    "ា": ("am", "oam"),
    "ុ": ("om", "um"),
}
#: The inherent vowel of a syllable whose final carries the bantoc ``់``,
#: by series: short *a* and *u* (``គន់`` *kun*, ``ដក់`` *dak*).
_SHORT_INHERENT: Final = ("a", "u")
#: Independent vowels, which are whole syllables.
_INDEPENDENT: Final[dict[str, str]] = {
    "ឣ": "a",
    "ឤ": "a",
    "ឥ": "e",
    "ឦ": "ei",
    "ឧ": "o",
    "ឨ": "ou",
    "ឩ": "u",
    "ឪ": "ov",
    "ឫ": "ru",
    "ឬ": "ru",
    "ឭ": "lu",
    "ឮ": "lu",
    "ឯ": "ae",
    "ឰ": "ai",
    "ឱ": "ao",
    "ឲ": "ao",
    "ឳ": "au",
}
_COENG: Final = "\u17d2"
_TO_FIRST: Final = "\u17c9"  # musĕkâtônd ៉
_TO_SECOND: Final = "\u17ca"  # trĕisâpt ៊
_NIKAHIT: Final = "\u17c6"  # ំ
_REAHMUK: Final = "\u17c7"  # ះ, a final h
_SILENT: Final = "\u17cd"  # toandakhiat ៍: the letter under it is not read
_ROBAT: Final = "\u17cc"  # ៌, an r
_BANTOC: Final = "\u17cb"  # ់, on a final: the vowel before it is short
#: Signs that open a syllable on the consonant they follow.
_ONSET_SIGNS: Final = frozenset(_VOWELS) - {""} | {_TO_FIRST, _TO_SECOND, _NIKAHIT, _REAHMUK}


@dataclass(slots=True)
class _Syllable:
    onset: str
    series: int
    subscript: bool = False  # opened by a subscript consonant
    vowel: str | None = None  # the vowel sign, if any
    nasal: bool = False
    final: str = ""
    closed: bool = False  # by ំ, ះ or a final consonant
    short: bool = False  # its final carries the bantoc ់
    independent: str | None = None
    extra: list[str] = field(default_factory=list)

    def reading(self) -> str:
        if self.independent is not None:
            return self.independent + self.final
        series = self.series - 1
        vowel = self.vowel or ""
        if self.nasal and vowel in _NASAL:
            sound = _NASAL[vowel][series]
        elif self.short and not vowel:
            sound = _SHORT_INHERENT[series]
        elif vowel == _SAMYOK_SANNYA and self.final == "y":
            return self.onset + _SAMYOK_Y[series] + "".join(self.extra)
        elif vowel == _SAMYOK_SANNYA and series and self.final in _SAMYOK_EA_FINALS:
            sound = "ea"
        else:
            sound = _VOWELS[vowel][series] + ("m" if self.nasal else "")
        return self.onset + sound + self.final + "".join(self.extra)


def _may_close(syllable: _Syllable | None) -> bool:
    return syllable is not None and not syllable.closed and not syllable.final


def khmer_reading(word: str) -> str:
    """One Khmer word in Latin letters, syllable by syllable (see the module's
    documentation): ``ហ៊ុន`` → *hun*, ``ជា`` → *chea*, ``សំផន`` → *samphan*,
    ``រង្ស៊ី`` → *rongsi*. Characters that are not Khmer letters or signs are
    left out."""
    return "".join(khmer_syllables(word))


#: The open vowels that names write with an *r* when they end a word, by
#: series: the inherent vowel and ``ោ`` (``ស`` *Sar*, ``ហោ`` *Hor*, ``គ``
#: *Kor*), as English spells a long open vowel (*car*, *for*); UNGEGN writes
#: them *a*, *o* and *ao*.
_WRITTEN_WITH_R: Final[dict[str, tuple[str, str]]] = {"": ("ar", "or"), "ោ": ("or", "or")}


#: The names of Cambodia's two royal houses, family names of their every
#: member, spelt by convention since the protectorate, not by their letters
#: (``នរោត្តម`` reads *no-rot-tam*): as the press, the lists and the family
#: write them.
CONVENTIONAL: Final[dict[str, str]] = {"នរោត្តម": "norodom", "ស៊ីសុវត្ថិ": "sisowath"}


@lru_cache(maxsize=4096)
def khmer_variant(name: str) -> tuple[str, ...]:
    """A Khmer name read in Latin letters with each syllable a word of its own
    (``ហ៊ីង ប៊ុនហៀង`` → *hing bun hieng*): Khmer writes a given name of two
    syllables as one word, which Latin spellings join or split (*Sokha*, but
    *Bun Hieng*, *Meng Khin*); then, where a word ends in an open syllable of
    a long vowel (:data:`_WRITTEN_WITH_R`), the same with that vowel written
    with an *r*, as names spell it (``ស សុខា`` → *sar so kha*; ``ស ខេង`` →
    *sar kheng*); then, where a word ends in a final ``រ``, the same without
    it, as Khmer says it (``មូរ`` → *mu*: :func:`_without_final_r`). Empty
    when every word is one syllable and none ends so."""
    words = name.split()
    plain = [_word_syllables(word, False) for word in words]
    with_r = [_word_syllables(word, True) for word in words]
    unsaid = [_without_final_r(word, w) for word, w in zip(words, plain, strict=True)]
    out: list[str] = []
    if any(len(w) > 1 for w in plain):
        out.append(" ".join(s for w in plain for s in w))
    if with_r != plain:
        out.append(" ".join(s for w in with_r for s in w))
    if unsaid != plain:
        out.append(" ".join(s for w in unsaid for s in w))
    return tuple(out)


def _without_final_r(word: str, readings: list[str]) -> list[str]:
    """``readings``, the syllables of ``word``, with the final ``រ`` of its
    last syllable left out: modern Khmer does not say a final *r*, and names
    are spelt with it or without it (មូរ *Mour*, *Mu*), as an open long
    vowel is spelt with an *r* it does not say (:data:`_WRITTEN_WITH_R`)."""
    if word in CONVENTIONAL or not readings:
        return readings
    syllables = _parse(word)
    last = syllables[-1] if syllables else None
    if last is None or last.final != "r" or last.extra or len(readings[-1]) < 3:
        return readings
    return [*readings[:-1], readings[-1][:-1]]


def _word_syllables(word: str, with_r: bool) -> list[str]:
    """The syllables of one word in Latin letters, its last one's open long
    vowel written with an *r* if ``with_r`` (:func:`_with_r`); a royal
    house's name as one (:data:`CONVENTIONAL`)."""
    if word in CONVENTIONAL:
        return [CONVENTIONAL[word]]
    syllables = _parse(word)
    readings = [s.reading() for s in syllables]
    if with_r and syllables:
        readings[-1] = _with_r(syllables[-1])
    return readings


def _with_r(syllable: _Syllable) -> str:
    """The reading of a word's last syllable, its open long vowel written
    with an *r* (:data:`_WRITTEN_WITH_R`), or its reading as it is."""
    open_long = (
        syllable.independent is None
        and not syllable.final
        and not syllable.closed
        and not syllable.extra
        and (syllable.vowel or "") in _WRITTEN_WITH_R
    )
    if not open_long:
        return syllable.reading()
    return syllable.onset + _WRITTEN_WITH_R[syllable.vowel or ""][syllable.series - 1]


@lru_cache(maxsize=16_384)
def khmer_syllables(word: str) -> tuple[str, ...]:
    """The syllables of one Khmer word, each in Latin letters
    (:func:`khmer_reading`); a royal house's name (:data:`CONVENTIONAL`) as
    one, as it is spelt (``នរោត្តម`` → *norodom*)."""
    if word in CONVENTIONAL:
        return (CONVENTIONAL[word],)
    return tuple(s.reading() for s in _parse(word))


def _parse(word: str) -> list[_Syllable]:
    """The syllables of one Khmer word, as the script builds them (see the
    module's documentation)."""
    syllables: list[_Syllable] = []
    current: _Syllable | None = None
    n = len(word)
    i = 0
    while i < n:
        ch = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if ch in _CONSONANTS:
            initial, final, series = _CONSONANTS[ch]
            if ch == "ប" and nxt == _TO_FIRST:
                initial = "p"  # ប៉ writes the p that Khmer's ប lacks (ប៉ុល *Pol*)
            if nxt == _SILENT:
                i += 2
                continue
            if nxt == _COENG and i + 2 < n and word[i + 2] in _CONSONANTS:
                sub = word[i + 2]
                sub_initial, _, sub_series = _CONSONANTS[sub]
                if ch == "ហ" and sub in _H_CLUSTERS:
                    current = _Syllable(_H_CLUSTERS[sub], 1)
                elif syllables and _may_close(current):
                    # a consonant with a subscript inside a word: it closes the
                    # syllable before it, and the subscript opens the next; a
                    # letter doubled so is written once (កញ្ញា *kanha*, not
                    # *kanhnha*: Kanharith)
                    assert current is not None
                    current.final = final
                    current.closed = True
                    onset = sub_initial if sub != ch else ""
                    current = _Syllable(onset, sub_series, subscript=True)
                else:
                    if ch == "ប":
                        initial = "p"  # ប in a cluster is p (ប្រាក់ *Prak*)
                    cluster_series = series if sub in _SONORANTS else sub_series
                    current = _Syllable(initial + sub_initial, cluster_series)
                syllables.append(current)
                i += 3
                continue
            # a consonant before one marked with the bantoc opens a syllable
            # that the marked one closes (សូណង់ដូ *so-nang-do*)
            shortened = nxt in _CONSONANTS and i + 2 < n and word[i + 2] == _BANTOC
            # and one before a consonant with a subscript opens the syllable
            # that consonant closes (សុគន្ធ *so-kon*, not *sok-ntho*)
            before_cluster = nxt in _CONSONANTS and i + 2 < n and word[i + 2] == _COENG
            if (
                ch == "ង"
                and current is not None
                and current.nasal
                and not current.final
                and nxt not in _ONSET_SIGNS
                and nxt != _COENG
            ):
                # ំ before ង is no m: the vowel is nasal, ង its final (កាំង
                # *kang*: *Kaing*, ដាំង *dang*)
                current.nasal = False
                current.final = final
                i += 1
                continue
            if (
                nxt in _ONSET_SIGNS
                or nxt == _ROBAT
                or shortened
                or before_cluster
                or ch == "ហ"  # (ះ writes a final h: សីហនុ *sei-ha-nu*)
                or not _may_close(current)
            ):
                current = _Syllable(initial, series)
                syllables.append(current)
            else:
                assert current is not None
                current.final = final
                current.closed = True
            i += 1
            continue
        if ch in _INDEPENDENT:
            current = _Syllable("", 1, independent=_INDEPENDENT[ch])
            syllables.append(current)
        elif (
            ch == _COENG
            and current is not None
            and current.subscript
            and current.vowel is None
            and nxt in _CONSONANTS
        ):
            # a second subscript joins the first in the onset it opens (ភក្ត្រា
            # *phok-trea*; at a word's end silent with it: សុភ័ក្ត្រ *sopheak*)
            current.onset += _CONSONANTS[nxt][0]
            if nxt not in _SONORANTS:
                current.series = _CONSONANTS[nxt][2]
            i += 2
            continue
        elif current is not None:
            if ch == _TO_FIRST:
                current.series = 1
            elif ch == _TO_SECOND:
                current.series = 2
            elif ch == _NIKAHIT:
                current.nasal = True
                current.closed = True
            elif ch == _REAHMUK:
                current.extra.append("h")
                current.closed = True
            elif ch == _ROBAT:
                current.extra.append("r")
            elif ch == _BANTOC:
                current.short = True
            elif ch in _VOWELS and current.vowel is None and not current.final:
                current.vowel = ch
        i += 1
    if (
        len(syllables) > 1
        and syllables[-1].subscript
        and syllables[-1].vowel is None
        and not syllables[-1].nasal
        and not syllables[-1].final
    ):
        # a subscript with no vowel ends the word: it is silent (ចន្ទ *chan*)
        syllables.pop()
    return [
        s for k, s in enumerate(syllables) if k == 0 or not _silent_inside(s, syllables[k + 1 :])
    ]


def _silent_inside(syllable: _Syllable, rest: list[_Syllable]) -> bool:
    """Whether ``syllable`` is a subscript with no vowel of its own that ends
    one name of a compound written as one word, before a consonant that opens
    the next (សុគន្ធកញ្ញា *Sokun Kanha*): silent, as at a word's end."""
    return (
        syllable.subscript
        and syllable.vowel is None
        and not syllable.nasal
        and not syllable.final
        and not syllable.extra
        and bool(rest)
        and bool(rest[0].onset)
        and not rest[0].subscript
    )
