"""Foreign names transcribed into Chinese characters or Hangul, compared with a
Latin spelling sound by sound, syllable by syllable.

Chinese and Korean write a foreign name with syllables chosen for their sound,
by published tables (Xinhua's 英汉译音表 for Chinese, the 1986 외래어 표기법
for Korean), and the syllable shapes of the language decide what survives:

* Mandarin syllables end in a vowel, *n* or *ng*, so a consonant that ends a
  Latin syllable is **dropped** (厄森 *e-sen* for *Er-san*, 卡默 *ka-mo* for
  *Cum-mer*) or written with a syllable of its own whose vowel is no sound of
  the name (斯 *si* for *s*, 克 *ke* for *k*, 尔 *er* for *r*);
* Korean keeps a few final consonants, and writes any other consonant that no
  vowel follows with an **epenthetic** vowel, ㅡ *eu* (트 *teu* for *t*), or
  ㅣ *i* after ㅊ and ㅈ (치 for *tch*);
* both write *l* and *r* alike, *p* and *f* (Korean), *b* and *v*; Korean ㅓ
  *eo* writes the English *u* of *Luckett* (러켓) and the vowel of unstressed
  syllables.

A reading (a string of Latin letters) cannot restore what was dropped, and a
plain edit distance charges a dropped consonant as much as a wrong one. This
module compares *sounds with their place in the syllable* instead
(:func:`compare`): each Chinese or Korean syllable becomes a short run of
sounds (:func:`cjk_sounds`: its initial consonant, its vowel, its final
nasal), the epenthetic vowels marked *weak*; the Latin word becomes sounds
by its spelling (:func:`latin_sounds`: *c* before *e* and *i* is *s*, *tch*
one sound, a final silent *e* and a silent *k* of *kn* dropped, doubled
letters once), each consonant marked as an onset (a vowel follows) or a coda.
An alignment of least cost then explains both runs: a sound against a sound
of its class costs little (*l*/*r*, *t*/*d*, *s*/*z*, vowels of one column:
:func:`substitution`), a weak sound of the Chinese or Korean side or an *h*
left unexplained costs little, a Latin coda left unexplained (the consonant
the syllable shape dropped) a little more, and an onset or a vowel left
unexplained the most (:data:`DROP`). The **share of each side explained** is
one minus its cost over its sounds (weak sounds count less); the comparison's
verdict is the smaller share (:class:`Transcription`), and the matcher
(:mod:`thaw.match.score`) takes it as a name similarity only when the query
is written in Chinese characters or Hangul, the listed name in Latin letters,
and both shares reach the ``transcription`` feature's declared minimum.

Everything here is a pure function of its input; the sound tables are the
transcription tables' own columns, not fitted to pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from thaw.match.names import (
    AlignedPair,
    Alignment,
    BestName,
    alignment_score,
    extra_of,
)
from thaw.match.spelling import known_by_one_word
from thaw.text import AnalyzedName
from thaw.text.han_names import written_as_chinese
from thaw.text.sounds import (
    GLIDES,
    VOWELS,
    Sound,
    cjk_sounds,
    han_sounds,
    hangul_sounds,
    korean_shaped,
    latin_sounds,
    query_words,
)

__all__ = [
    "GLIDES",
    "VOWELS",
    "Sound",
    "Transcription",
    "cjk_sounds",
    "comparable",
    "compare",
    "han_sounds",
    "hangul_sounds",
    "korean_shaped",
    "latin_sounds",
    "query_words",
    "substitution",
    "transcribed_best",
    "transcription_pairs",
]

#: Sounds written the same way by the transcriptions, and what telling them
#: apart costs: one class per row, the cost of a substitution within it.
_CLASSES: Final[tuple[tuple[str, float], ...]] = (
    ("lr", 0.1),
    ("td", 0.2),
    ("kg", 0.2),
    ("pb", 0.2),
    ("fp", 0.2),
    ("vbw", 0.2),
    ("fv", 0.1),
    ("sz", 0.2),
    ("sS", 0.3),
    ("Cj", 0.2),
    ("CS", 0.3),
    ("CT", 0.3),
    ("Tz", 0.3),
    ("Ts", 0.4),
    ("jz", 0.4),
    ("jg", 0.3),
    ("jy", 0.4),
    ("jk", 0.5),
    ("Ck", 0.4),
    ("Sh", 0.4),
    ("kh", 0.5),
    ("nm", 0.5),
    ("nN", 0.2),
    ("ln", 0.6),
    ("yi", 0.1),
    ("wu", 0.1),
    ("wo", 0.4),
    ("ei", 0.3),
    ("ou", 0.3),
    ("ae", 0.4),
    ("ao", 0.4),
    ("3u", 0.1),
    ("3a", 0.15),
    ("3e", 0.2),
    ("3o", 0.2),
    ("ai", 0.5),
    ("eo", 0.4),
    ("au", 0.35),
    ("iu", 0.6),
    ("eu", 0.6),
    ("io", 0.6),
)
#: The cost of a vowel against any other vowel not in a class above.
OTHER_VOWEL: Final = 0.7
#: What leaving a sound unexplained costs, by kind: a weak sound (an
#: epenthetic vowel), an *h*, a glide, a nasal ending a syllable, a Latin coda
#: (a consonant no vowel follows: *r* and *l*, then any), a Latin vowel letter
#: after another (the second of a digraph written for one vowel: *Maegan*,
#: *Poutanen*, Korean *eo*, *eu*, *ae*), a vowel, and an onset consonant.
DROP: Final = {
    "weak": 0.15,
    "h": 0.25,
    "glide": 0.3,
    "nasal": 0.4,
    "coda_liquid": 0.3,
    "coda": 0.45,
    "digraph": 0.3,
    "vowel": 0.75,
    "onset": 1.0,
}
#: What a weak sound counts for in the size of its side.
WEAK_SIZE: Final = 0.3


@lru_cache(maxsize=1)
def _substitutions() -> dict[tuple[str, str], float]:
    """Every substitution of cost below 1: the classes, and vowels for vowels."""
    table: dict[tuple[str, str], float] = {
        (a, b): OTHER_VOWEL for a in VOWELS for b in VOWELS if a != b
    }
    for letters, cost in _CLASSES:
        for a in letters:
            for b in letters:
                if a != b:
                    key = (a, b)
                    table[key] = min(table.get(key, 1.0), cost)
    return table


@lru_cache(maxsize=1)
def _compatible() -> dict[str, frozenset[str]]:
    """Each sound and the sounds that may stand for it (a substitution below 1)."""
    out: dict[str, set[str]] = {}
    for a, b in _substitutions():
        out.setdefault(a, {a}).add(b)
        out.setdefault(b, {b}).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def substitution(a: str, b: str) -> float:
    """The cost of the sound ``a`` (Chinese or Korean side) written for the
    sound ``b`` (Latin side): 0 when equal, the cost of their class
    (:data:`_CLASSES`) when they share one, :data:`OTHER_VOWEL` for two vowels,
    else 9 (never an explanation)."""
    return 0.0 if a == b else _substitutions().get((a, b), 9.0)


# -- Comparison ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Transcription:
    """The comparison of a Chinese or Korean word with a Latin word: the share
    of each side's sounds explained (``cjk``, ``latin``, in [0, 1]), and the
    Latin sounds each syllable explains (``cells``: one
    ``(syllable, latin sounds)`` pair per syllable, for the explanation)."""

    cjk: float
    latin: float
    cells: tuple[tuple[str, str], ...]

    @property
    def explained(self) -> float:
        """The smaller share: how much of both words the alignment explains."""
        return min(self.cjk, self.latin)

    def describe(self) -> str:
        """``厄 e~er 森 sen~san``: each syllable with the Latin sounds it writes."""
        return " ".join(f"{s}~{latin or '∅'}" for s, latin in self.cells)


_SHOWN: Final = str.maketrans({"C": "ch", "S": "sh", "N": "ng", "T": "ts", "3": "eo"})


def _size(sounds: tuple[Sound, ...]) -> float:
    return sum(WEAK_SIZE if s.drop == "weak" else 1.0 for s in sounds)


@dataclass(frozen=True, slots=True)
class _Profile:
    """A word's sounds as :func:`compare` reads them: the sounds, their letters,
    what leaving each unexplained costs (:data:`DROP`), the size of the word
    (weak sounds counting :data:`WEAK_SIZE`) and every letter that may stand
    for one of its sounds (a substitution below 1)."""

    sounds: tuple[Sound, ...]
    letters: tuple[str, ...]
    drops: tuple[float, ...]
    size: float
    reach: frozenset[str]

    def unmatched(self, other: _Profile) -> float:
        """The least cost of this word's sounds left unexplained by ``other``'s:
        the drop cost of each sound that no sound of ``other`` may stand for
        (a bound :func:`compare` checks before aligning)."""
        reach = other.reach
        return sum(d for x, d in zip(self.letters, self.drops, strict=True) if x not in reach)


@lru_cache(maxsize=8192)
def _profile(word: str, cjk: bool) -> _Profile:
    """The :class:`_Profile` of a word (:func:`cjk_sounds` or :func:`latin_sounds`)."""
    sounds = cjk_sounds(word) if cjk else latin_sounds(word)
    letters = tuple(s.letter for s in sounds)
    compatible = _compatible()
    reach = frozenset(y for x in letters for y in compatible.get(x, (x,)))
    return _Profile(sounds, letters, tuple(DROP[s.drop] for s in sounds), _size(sounds), reach)


#: The least cost of leaving a sound unexplained, on each side: what each
#: extra sound of the longer side costs at least (:func:`compare`'s bound).
_LEAST_DROP_CJK: Final = DROP["weak"]
_LEAST_DROP_LATIN: Final = DROP["h"]
_DIAGONAL, _DROP_CJK, _DROP_LATIN = 0, 1, 2


@lru_cache(maxsize=8192)
def compare(word: str, latin: str, least: float = 0.0) -> Transcription | None:
    """Align the sounds of ``word`` (Hangul or Chinese characters) with those of
    the lower-case Latin word ``latin`` at least cost (see the module docs);
    ``None`` when either has no sounds, or when their numbers of sounds, or
    sounds of one side that no sound of the other may stand for, show before
    any alignment that a side cannot be explained to the share ``least``."""
    pa, pb = _profile(word, True), _profile(latin, False)
    a, b = pa.sounds, pb.sounds
    if not a or not b:
        return None
    n, m = len(a), len(b)
    size_a, size_b = pa.size, pb.size
    if least and (
        _LEAST_DROP_LATIN * (m - n) > (1 - least) * size_b
        or _LEAST_DROP_CJK * (n - m) > (1 - least) * size_a
        or pb.unmatched(pa) > (1 - least) * size_b
        or pa.unmatched(pb) > (1 - least) * size_a
    ):
        return None
    la, lb, da, db = pa.letters, pb.letters, pa.drops, pb.drops
    table = _substitutions()
    # cost[i][j]: least cost of explaining a[:i] and b[:j]; step[i][j]: the
    # last step of that alignment
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    step = [[_DIAGONAL] * (m + 1) for _ in range(n + 1)]
    for j in range(1, m + 1):
        cost[0][j] = cost[0][j - 1] + db[j - 1]
        step[0][j] = _DROP_LATIN
    for i in range(1, n + 1):
        row, above = cost[i], cost[i - 1]
        srow = step[i]
        row[0] = above[0] + da[i - 1]
        srow[0] = _DROP_CJK
        x, drop_x = la[i - 1], da[i - 1]
        for j in range(1, m + 1):
            best, how = above[j] + drop_x, _DROP_CJK
            c = row[j - 1] + db[j - 1]
            if c < best:
                best, how = c, _DROP_LATIN
            y = lb[j - 1]
            sub = 0.0 if x == y else table.get((x, y), 9.0)
            if sub < 1.0 and above[j - 1] + sub <= best:
                best, how = above[j - 1] + sub, _DIAGONAL
            row[j] = best
            srow[j] = how
    # walk back: the cost charged to each side, and the Latin sounds of each syllable
    i, j = n, m
    on_a = on_b = 0.0
    spans: dict[int, list[str]] = {}
    while i or j:
        how = step[i][j]
        if how == _DIAGONAL:
            x, y = la[i - 1], lb[j - 1]
            sub = 0.0 if x == y else table[(x, y)]
            on_a += sub
            on_b += sub
            spans.setdefault(a[i - 1].syllable, []).append(y)
            i, j = i - 1, j - 1
        elif how == _DROP_CJK:
            on_a += da[i - 1]
            i -= 1
        else:
            on_b += db[j - 1]
            # a Latin sound left unexplained belongs to the syllable before it
            spans.setdefault(a[i - 1].syllable if i else 0, []).append(f"({lb[j - 1]})")
            j -= 1
    cells = []
    for k, ch in enumerate(word):
        own = "".join(s.letter for s in a if s.syllable == k).translate(_SHOWN)
        written = "".join(reversed(spans.get(k, []))).translate(_SHOWN)
        cells.append((f"{ch} {own}", written))
    return Transcription(
        round(max(0.0, 1 - on_a / size_a), 4), round(max(0.0, 1 - on_b / size_b), 4), tuple(cells)
    )


def comparable(words: list[tuple[str, tuple[int, ...]]], min_syllables: int) -> bool:
    """Whether any of a query's words (:func:`query_words`) may be compared as a
    transcription: a word of ``min_syllables`` syllables or more that is not
    shaped as a Korean name (:func:`korean_shaped`)."""
    return any(len(run) >= min_syllables and not korean_shaped(w) for w, run in words)


def transcribed_best(
    query: AnalyzedName,
    words_all: list[tuple[str, tuple[int, ...]]],
    names: tuple[tuple[AnalyzedName, str], ...],
    factors: dict[str, float],
    min_explained: float,
    min_syllables: int,
    *,
    flip: bool = False,
    alone: bool | None = None,
) -> BestName | None:
    """The listed name in Latin letters that the query, a name written in
    Chinese characters or Hangul whose words are ``words_all``
    (:func:`query_words`), best transcribes word by word
    (:func:`compare`), as a :class:`~thaw.match.names.BestName` whose aligned
    pairs are ``transcription`` pairs: each query word of at least
    ``min_syllables`` syllables (not shaped as a Korean name:
    :func:`korean_shaped`) against the listed word it explains best, when
    both shares reach ``min_explained`` (its similarity is the smaller share),
    pairs taken greedily, best first, and the alignment scored as the name
    alignment scores one (``thaw.match.names.alignment_score``), each query
    word counting as one word, as its reading would (the weight of its
    heaviest syllable); a word written as Chinese names are, a family name
    and a given name (:func:`thaw.text.han_names.written_as_chinese`), only
    against a listed name of one word of a listing known by one word
    (:func:`thaw.match.spelling.known_by_one_word`), as
    :mod:`thaw.match.spelling` spells such a name whole (``alone``, when
    given, says whether the listing is); a listed name's kind weighs as in
    ``factors``. ``None`` when no word of any listed name is explained so.
    With ``flip`` the Latin name is the real query (:func:`transcribing_best`):
    the alignment is returned from its side."""
    words = [(w, run) for w, run in words_all if len(run) >= min_syllables and not korean_shaped(w)]
    if not words:
        return None
    qs = query.informative
    in_words = {i for _word, run in words_all for i in run}
    left = [i for i in range(len(qs)) if i not in in_words]
    best: BestName | None = None
    if alone is None:
        alone = known_by_one_word(names)
    for name, kind in names:
        rs = name.informative
        if not rs or any(t.script_form or t.abjad for t in rs):
            continue
        found: list[tuple[float, int, int]] = []
        for k, (word, _run) in enumerate(words):
            if (len(rs) > 1 or not alone) and written_as_chinese(word):
                # (a family name and a given name are not one transcribed
                # word of a longer name: 韓兆 is not the *Kanjo* of *Mohammad
                # Kanjo*; nor a one-word alias of a listing whose full name
                # has more (:func:`~thaw.match.spelling.known_by_one_word`:
                # 黄龙 is not the *Haroon* of *Fazul Abdullah Mohammed*);
                # alone, 雷丁 may be *Reding*)
                continue
            for j, r in enumerate(rs):
                if r.role not in ("name", "patronymic") or len(r.raw) < 2:
                    continue
                t = compare(word, r.raw.lower(), min_explained)
                if t is not None and t.explained >= min_explained:
                    found.append((t.explained, k, j))
        if not found:
            continue
        found.sort(reverse=True)
        pairs: list[AlignedPair] = []
        q_used: set[int] = set()
        r_used: set[int] = set()
        agree = mass = 0.0
        for sim, k, j in found:
            run = words[k][1]
            if run[0] in q_used or j in r_used:
                continue
            q_used.update(run)
            r_used.add(j)
            w = max(max(qs[i].weight for i in run), rs[j].weight)
            agree += w * sim
            mass += w
            pairs.append(AlignedPair(run, (j,), sim, "transcription"))
        eq = er = eq_full = er_full = 0.0
        for i in left:  # (query tokens in no word: written in another script)
            extra, full = extra_of(qs[i], qs[i].weight)
            eq, eq_full = eq + extra, eq_full + full
        for _word, run in words_all:
            if run[0] not in q_used:
                top = max(run, key=lambda i: qs[i].weight)
                extra, full = extra_of(qs[top], qs[top].weight)
                eq, eq_full = eq + extra, eq_full + full
        for j, token in enumerate(rs):
            if j not in r_used:
                extra, full = extra_of(token, token.weight)
                er, er_full = er + extra, er_full + full
        if flip:  # (the Latin name is the query: the sides change places)
            s = alignment_score(agree, mass, er, eq, er_full, eq_full)
            pairs = [AlignedPair(p.result, p.query, p.sim, p.how) for p in pairs]
            q_used, r_used = r_used, q_used
        else:
            s = alignment_score(agree, mass, eq, er, eq_full, er_full)
        scored = s * factors.get(kind, 1.0)
        if best is None or scored > best.score:
            best = BestName(Alignment(s, pairs, q_used, r_used), name, kind, scored)
    return best


def transcribing_best(
    latin: AnalyzedName,
    names: tuple[tuple[AnalyzedName, str], ...],
    factors: dict[str, float],
    min_explained: float,
    min_syllables: int,
) -> BestName | None:
    """:func:`transcribed_best` the other way round: the listed name of
    ``names``, written in Chinese characters or Hangul, that best transcribes
    the query ``latin``, a name in Latin letters (*Knatchbull* against a
    listed 내치불), as a :class:`~thaw.match.names.BestName` of the query's
    alignment with that listed name (its pairs from the query's words to the
    listed syllables, scored with the query's extras as the query's)."""
    best: BestName | None = None
    for name, kind in names:
        words = query_words(name)
        if not comparable(words, min_syllables):
            continue
        found = transcribed_best(
            name, words, ((latin, kind),), factors, min_explained, min_syllables, flip=True
        )
        if found is not None and (best is None or found.score > best.score):
            best = BestName(found.alignment, name, kind, found.score)
    return best


def transcription_pairs(
    query: AnalyzedName, best: BestName
) -> list[tuple[str, str, Transcription]]:
    """The ``transcription`` pairs of ``best`` (an alignment of ``query``,
    either side written in Chinese characters or Hangul) as ``(word, Latin
    word, comparison)``, for the explanation."""
    qs, rs = query.informative, best.name.informative
    out: list[tuple[str, str, Transcription]] = []
    for pair in best.alignment.pairs:
        if pair.how != "transcription":
            continue
        if qs[pair.query[0]].script_form:
            word = "".join(qs[i].script_form for i in pair.query)
            listed = rs[pair.result[0]].raw
        else:  # (a Latin query against a listed transcription)
            word = "".join(rs[j].script_form for j in pair.result)
            listed = qs[pair.query[0]].raw
        t = compare(word, listed.lower())
        if t is not None:
            out.append((word, listed, t))
    return out
