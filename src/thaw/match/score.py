"""The scoring entry points: :class:`Matcher`, :func:`score` and the default threshold.

A :class:`Matcher` is what the caller holds: the configuration
(:class:`~thaw.match.MatchConfig`), the token statistics of the lists screened
against (``None``: none) and the memos of the query being screened. Two
matchers built alike give the same score for the same pair, whatever else the
process has loaded; :func:`score` and :func:`score_at_least` are one-off calls
on a matcher made for them.

Choice of :data:`DEFAULT_THRESHOLD`
-----------------------------------
``benchmarks/name_pairs.py`` scores the 425 labelled name pairs of
``name_pairs_dev.csv`` (names only, no dates or identifiers) and reports
precision, recall and F1 at a sweep of thresholds. Measured F1 of thaw:

=========  =====  =====  =====  =====  =====  =====
threshold  0.60   0.65   0.70   0.75   0.80   0.85
F1         0.900  0.908  0.917  0.911  0.872  0.814
=========  =====  =====  =====  =====  =====  =====

(at 0.70: precision 0.969, recall 0.870; on random halves of the pairs F1 ranges
0.88–0.95, the two halves of a split differing by 0.02 on average, which is the
noise any held-out half carries). 25 of the 425 labels are unreachable by any
matcher that reads names alone: pairs of the same shape labelled both ways
(the benchmark counts them). The curve is flat between 0.70 and
0.75; 0.70 is chosen, at the low end of the plateau, because in sanctions
screening a missed listing costs more than a reviewed false alert, and because
supporting evidence (a matching date of birth, nationality or identifier) lifts
borderline names above it while contrary evidence pushes them below. It is
also yente's default threshold, against which nomenklatura's logic-v2 reaches
F1 0.815 on the same pairs. The development pairs were used to find *kinds* of
error, not to fit pairs; held-out pairs exist. For ``ofac`` the threshold is
:data:`thaw.match.ofac.OFAC_THRESHOLD` (0.85, the customary minimum score used
with OFAC's tool).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace

from thaw.index.entry import Entry, written_key
from thaw.match.config import DEFAULT_CONFIG, MatchConfig
from thaw.match.countries import named_countries, query_form_laws
from thaw.match.features import (
    FACT_FEATURES,
    NO_EVIDENCE,
    Context,
    NameFeature,
    Values,
    features,
    listed_countries,
    listed_identifier,
)
from thaw.match.iberian import two_surnames
from thaw.match.korean import family_index, family_left_over, korean_readings, syllable_best
from thaw.match.names import Aligner, BestName, writes_thai
from thaw.match.ofac import OFAC_THRESHOLD, ofac_score
from thaw.match.spelling import known_by_one_word, longer_by_syllables, spelled_best
from thaw.match.transcription import (
    comparable,
    query_words,
    transcribed_best,
    transcribing_best,
)
from thaw.match.types import FeatureResult, MatchResult, Query
from thaw.text import AnalyzedName, TokenStats, analyze_name, name_variants
from thaw.text.chinese import cjk_script, simplified
from thaw.text.han_names import written_as_chinese
from thaw.text.spellings import query_spelling_script, spelling_script

#: Score at and above which a result is a match (see the module docstring).
DEFAULT_THRESHOLD = 0.70

#: The algorithms :func:`score` knows, with their thresholds.
ALGORITHMS: dict[str, float] = {"thaw": DEFAULT_THRESHOLD, "ofac": OFAC_THRESHOLD}


def threshold_for(algorithm: str) -> float:
    """The default match threshold of ``algorithm``."""
    try:
        return ALGORITHMS[algorithm]
    except KeyError:
        raise ValueError(
            f"unknown algorithm {algorithm!r}; known: {', '.join(ALGORITHMS)}"
        ) from None


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _reaches(total: float, threshold: float) -> bool:
    """Whether a score of log-odds ``total``, rounded as scores are, reaches
    ``threshold``: ``round(_sigmoid(total), 4) >= threshold``, rounded only
    near the threshold (rounding moves a score by half a unit of its last
    digit at most, and rounding a float to digits is slow)."""
    value = _sigmoid(total)
    if value < threshold - 1e-4:
        return False
    return round(value, 4) >= threshold


def _facts_after(ceilings: list[tuple[float, float]]) -> list[float]:
    """For each of the fact features whose ``(ceiling, weight)`` are given
    in order, the most those after it can add: the sum of their ceilings
    times their weights (infinite after a negative weight, whose ceiling
    bounds nothing)."""
    after: list[float] = []
    total = 0.0
    for ceiling, weight in reversed(ceilings):
        after.append(total)
        total = math.inf if weight < 0 else total + ceiling * weight
    after.reverse()
    return after


_DEFAULT_RESOLVED = DEFAULT_CONFIG.resolve()
_NO_NAME = analyze_name("")  # what the fact features see of the name: nothing
_NO_ENTRY = Entry("", "", "", "", (), (), (), None, (), (), None)  # (until the first listing)


@dataclass(slots=True)
class Pending:
    """A listing that reached the threshold, scored but not yet explained
    (:meth:`Matcher.pending_at_least`): ``score`` is the score its explanation
    will carry; :meth:`Matcher.explain` gives the :class:`MatchResult` that
    :meth:`Matcher.score_at_least` returns for it. A caller that keeps only the
    best few of many listings explains only those."""

    score: float
    context: Context | None = None
    result: MatchResult | None = None


_Names = tuple[tuple[AnalyzedName, str], ...]


_LETTER_RUN = re.compile(r"(?<!\w)\w[.\s]+\w(?!\w)")
"""Two single letters apart (``V.V.``, ``A. G.``): a name that may hold initials."""


def might_be_initials(name: str) -> bool:
    """Whether ``name`` has two single letters apart (``V.V.``, ``A. G.``), as
    a person's initials are written: only such a name may read otherwise as a
    person's name than as a name of unknown kind (:func:`person_reading`)."""
    return _LETTER_RUN.search(name) is not None


_LETTER_DIGIT = re.compile(r"[^\W\d_]\d[^\W\d_]")
"""A digit between two letters (``SID3RUN``, ``Ig0r``): a person's name reads it
as the letter it was typed for (:func:`thaw.text.analyze_name`)."""


def might_read_as_person(name: str) -> bool:
    """Whether ``name`` may read otherwise as a person's name than as a name
    of unknown kind (:func:`person_reading`): it may hold initials
    (:func:`might_be_initials`) or a digit between letters."""
    return might_be_initials(name) or _LETTER_DIGIT.search(name) is not None


def _digits(name: AnalyzedName) -> int:
    """How many of ``name``'s words write a digit."""
    return sum(any(c.isdigit() for c in t.text) for t in name.informative)


def person_reading(name: str, first: AnalyzedName) -> AnalyzedName | None:
    """``name`` analysed as a person's name, when it reads as one otherwise
    than as a name of unknown kind (``first``) does: when it has more initials,
    or fewer words with digits. A name of unknown kind is analysed for an
    organisation too, where a run of single letters is an acronym or a legal
    form ("A.B.C.", "S.A."); the initials of a person's name written after the
    surname are such runs ("Putin V.V.", "Lukashenko A.G."). And a person's
    name reads a digit between letters as the letter typed so (*SID3RUN*,
    *Ig0r*), as a person's listing of that name is read, where a name of
    unknown kind keeps it (*B2B*). ``None`` otherwise."""
    if not might_read_as_person(name):
        return None
    person = analyze_name(name, "Person")
    initials = sum(t.role == "initial" for t in person.informative)
    if initials > sum(t.role == "initial" for t in first.informative):
        return person
    if _digits(person) < _digits(first):
        return person
    return None


def organised_reading(name: str, first: AnalyzedName, schema: str) -> AnalyzedName | None:
    """``name`` analysed as the name of a party of ``schema`` (an organisation,
    vessel or aircraft), when it reads otherwise than as a name of unknown kind
    (``first``) does; ``None`` otherwise. Compared with such a listing, a name
    of unknown kind is the name of such a party if it is that listing's, and it
    reads as one: a leading article is a stop word (*Los Zetas*, *Les
    Sentinelles*), an ordinal is a number (*Second Economic Committee*, *7th of
    Tir*), a Roman numeral after a name is the vessel's number (*Bicentenario
    XIV*), where a name of unknown kind keeps them as words that may be a
    person's (*Los*, *Sekond*, *Lady*)."""
    organised = analyze_name(name, schema)
    if _reading_key(organised) == _reading_key(first):
        return None
    return organised


def _reading_key(name: AnalyzedName) -> list[tuple[str, str, float]]:
    """What of an analysed name its alignment reads, but for the given-name
    symbols of a person's reading (which a listed organisation's name has not)."""
    return [(t.text, t.role, t.weight) for t in name.tokens]


def _written(name: str) -> str:
    """``name`` as written, but for case and spacing."""
    return " ".join(name.casefold().split())


def _starts_latin(text: str) -> bool:
    """Whether the first letter or digit of ``text`` is a Latin one, with its
    diacritics aside (*Ōno*, not *Оно* or *大野*)."""
    for c in text:
        if c.isalnum():
            return unicodedata.normalize("NFKD", c)[0].isascii()
    return False


def _words_of(name: AnalyzedName) -> frozenset[str]:
    """Every word of ``name``, weightless ones too."""
    return frozenset(t.text for t in name.tokens)


def _not_abjad(names: _Names) -> _Names:
    """``names`` without those written in an abjad (Arabic, Hebrew script),
    for a query written in Chinese characters or Hangul: an abjad name is
    compared by its consonants with the Latin spellings of the same name,
    and a Chinese or Korean reading is none (吴坚泰 *wu jian tai* is not
    احمد جنتی by the consonants *j n t*); such a listing's Latin names are
    compared as usual."""
    kept = tuple(n for n in names if not any(t.abjad for t in n[0].informative))
    return names if len(kept) == len(names) else kept


def _joins_family(used: AnalyzedName, best: BestName) -> bool:
    """Whether ``best``, the alignment of ``used`` (a reading of a query
    written as a Chinese name is: a family name of one character, then the
    given name), joins the family name and the given name into one listed
    word (馬資貞 *ma zi zhen* as *Mazen*, 刘谋 *liu mou* as *Lumu*, or a
    reading that writes them as one word, *mazijen*): such a name is the
    family name and the given name of a person, not one word of another
    person's longer name, as :mod:`thaw.match.spelling` and
    :mod:`thaw.match.transcription` also hold."""
    first = len(used.informative) == 1 and len(used.original.strip()) > 1
    for pair in best.alignment.pairs:
        if pair.how in ("spelling", "transcription") or 0 not in pair.query:
            continue
        if (len(pair.query) > 1 or first) and len(pair.result) == 1:
            return True
    return False


def _not_longer(names: _Names, syllables: int) -> _Names:
    """``names`` without those written a syllable a word in more words than
    ``syllables``, the characters of a query written as a Chinese name is in
    two characters (:func:`thaw.match.spelling.longer_by_syllables`)."""
    kept = tuple(n for n in names if not longer_by_syllables(n[0], syllables))
    return names if len(kept) == len(names) else kept


class _ScriptSplit:
    """The names of one listing that a query written in one script is compared
    with as written, and those its other readings are compared with.

    When the query is written in Chinese characters or Hangul (``script``,
    its :func:`thaw.text.chinese.cjk_script`) and the listing has names in
    that script, their characters are compared with the query's own, and
    only so: the query is not compared with their extra readings, nor are the
    query's extra readings compared with them or their readings (王小明 and
    王晓明, 승위 and 성위 are other people who share a reading). Otherwise, and
    when a listed name is the query written with other forms of its
    characters (習近平 and 习近平, :func:`thaw.text.chinese.simplified`), both
    are all of the listing's names.

    None of it depends on the query but for its simplified writing
    (:meth:`of`): this keeps the simplified writings of the listed names in
    that script, and the two tuples of names. Working it out reads every
    reading of every such listed name (dozens for a name in Chinese
    characters), so a :class:`Matcher` keeps it per listing."""

    __slots__ = ("entry", "written", "names", "others")

    entry: Entry
    written: frozenset[str]
    names: _Names
    others: _Names

    def __init__(self, script: str, entry: Entry) -> None:
        self.entry = entry
        schema = entry.schema
        same = [n for n in entry.names if cjk_script(n[0].original) == script]
        self.written = frozenset()
        if not same:
            self.names, self.others = entry.names, entry.names
            return
        if script == "Han":
            self.written = frozenset(simplified(n[0].original) for n in same)
        readings = {
            analyze_name(variant, schema).key
            for analyzed, _ in same
            for variant in name_variants(analyzed.original, schema)
        }
        names = tuple(n for n in entry.names if n[1] != "original" or n[0].key not in readings)
        self.names = names
        self.others = tuple(n for n in names if cjk_script(n[0].original) != script)

    def of(self, written: str) -> tuple[_Names, _Names]:
        """The names the query is compared with as written, and those its
        other readings are, for a query whose simplified writing is
        ``written`` (empty: a query not in Chinese characters)."""
        if written and written in self.written:
            return self.entry.names, self.entry.names
        return self.names, self.others


#: The most listings whose :class:`_ScriptSplit` a :class:`Matcher` keeps
#: (emptied when full).
_SPLITS_LIMIT = 50_000
#: The kinds of listing whose names a query read as a Korean name is compared
#: with syllable by syllable: a person's, and a party of no stated kind (the
#: trade lists publish people so: 'Choe Chun Sik', LegalEntity).
_MAY_BE_PEOPLE = frozenset({"Person", "LegalEntity"})


class Matcher:
    """Scores queries against prepared listings with one configuration and one
    set of token statistics, both fixed for its life.

    ``config`` overrides the features' declared magnitudes (``None``: as
    declared); ``stats`` are the token statistics of the lists (normally
    :attr:`thaw.index.CandidateIndex.token_stats` of the index screened);
    ``algorithm`` is ``"thaw"`` (the features of :mod:`thaw.match.features`) or
    ``"ofac"`` (a reproduction of OFAC's Sanctions List Search score, names
    only). The matcher remembers what it worked out for the last query (its
    name alignment memo, its features' ceilings), so a screener keeps one and
    asks it about every candidate of a query in turn.
    """

    def __init__(
        self,
        config: MatchConfig | None = None,
        stats: TokenStats | None = None,
        algorithm: str = "thaw",
    ) -> None:
        threshold_for(algorithm)  # raises for an unknown algorithm
        self.config = config or DEFAULT_CONFIG
        self.stats = stats
        self.algorithm = algorithm
        weights, values = (
            _DEFAULT_RESOLVED if self.config is DEFAULT_CONFIG else self.config.resolve()
        )
        self.weights = weights
        self.values = values
        self._features = [(f, weights[f.name], values[f.name]) for f in features()]
        # the features that read no name, evaluated before the names are aligned
        # (:meth:`_bound_rest`)
        self._facts = [(f, w, v) for f, w, v in self._features if w and not f.reads_name]
        self._name_values = values[NameFeature.name]
        self._name_weight = weights[NameFeature.name]
        self._factors = {
            "weak": self._name_values["weak"],
            "former": self._name_values["former"],
        }
        self._aligner = Aligner(stats)
        self._transcription = values["transcription"] if weights["transcription"] else None
        self._spelling = values["spelling"] if weights["spelling"] else None
        # (a Latin query meets a listed name in characters by spelling or as a
        # transcription only while its best reading is below what either asks)
        gates = [self._spelling["below"]] if self._spelling is not None else []
        if self._transcription is not None:
            gates.append(self._transcription["min_explained"])
        self._below = max(gates, default=-1.0)
        self._ceiling_query: Query | None = None
        self._ceiling_rest = 0.0
        self._guessed_rest = 0.0
        # per fact feature, the most the fact features after it can add for
        # the last query (:meth:`_bound_within`)
        self._facts_after: list[float] = []
        self._name_top = 0.0
        self._facts_context = Context(Query(""), _NO_ENTRY, _NO_NAME, None, False)
        self._readings_of: Query | None = None
        self._readings: tuple[AnalyzedName, ...] = ()
        self._script = ""
        self._thai = False
        self._characters = 0
        self._chinese = False
        self._alone: bool | None = None
        self._spelt = ""
        self._words: list[tuple[str, tuple[int, ...]]] = []
        self._person: AnalyzedName | None = None
        # the query read as the name of a party of a schema (a query of unknown
        # kind compared with an organisation, vessel or aircraft: :func:`organised_reading`)
        self._organised: dict[str, tuple[AnalyzedName, frozenset[str]] | None] = {}
        # the query as written, but for case and spacing (:meth:`_written_alike`)
        self._legal: tuple[Query, str] | None = None
        self._korean: tuple[tuple[tuple[tuple[str, ...], ...], ...], ...] | None = None
        self._family: int | None = None
        self._simplified = ""
        # the query's written key and its first word, for the listed names
        # written as it is (:meth:`written_name`)
        self._key_of: Query | None = None
        self._key = ""
        self._key_word = ""
        self._key_latin = False
        # (id(entry), script) -> what a query in that script is compared with
        self._splits: dict[tuple[int, str], _ScriptSplit] = {}

    def readings(self, query: Query) -> tuple[AnalyzedName, ...]:
        """The analysed query name, then its other readings
        (:func:`thaw.text.name_variants`; remembered for the last query, with
        its script and, for a name in Chinese characters or Hangul, its words
        that may be compared as a transcription)."""
        if self._readings_of is not query:
            schema = query.schema
            self._readings = (
                analyze_name(query.name, schema),
                *[analyze_name(v, schema) for v in name_variants(query.name, schema)],
            )
            self._script = cjk_script(query.name)
            self._thai = writes_thai(query.name)
            written = query.name.strip()
            self._chinese = self._script == "Han" and written_as_chinese(written)
            self._characters = len(written) if self._chinese and len(written) == 2 else 0
            self._simplified = simplified(query.name) if self._script == "Han" else ""
            self._spelt = query_spelling_script(query.name)
            m = self._transcription
            person = schema is None or schema == "Person"
            words = query_words(self._readings[0]) if self._script and m and person else []
            self._words = words if m and comparable(words, int(m["min_syllables"])) else []
            self._person = person_reading(query.name, self._readings[0]) if schema is None else None
            self._organised = {}
            self._korean = korean_readings(self._readings[0]) if person else None
            self._family = family_index(self._readings[0]) if self._korean is not None else None
            self._readings_of = query
        return self._readings

    def best_name(self, query: Query, entry: Entry) -> tuple[AnalyzedName, BestName | None]:
        """The entry's name that aligns best with the query name (under any of
        its readings), and the analysed query name that aligned; for a query
        written as a Chinese name is (:func:`thaw.text.han_names.written_as_chinese`),
        not a name whose reading joins its family name and given name into
        one listed word (:func:`_joins_family`) unless the listing is known by
        one word (:func:`thaw.match.spelling.known_by_one_word`).

        A name written down as a party's (``as_named``) that the listing
        publishes as written, case, spacing and punctuation aside
        (:meth:`written_name`), is that name: it is the best name, however
        another of the listing's names aligns, and scores at least the
        name's ``written`` floor (:class:`~thaw.match.features.NameFeature`)
        before the factor of its kind. An analyst who pastes the listing's
        weak alias *'Ahmad 'Ali al-Hamzi'* is shown that alias, not the
        primary name *AHMAD AL-HAMZI* that aligns a little better and leaves
        *Ali* over; a published name the alignment weighs low, a short
        handle (*EL JT*, *1-P*), a lone given name (*Abdul*) or a legal form
        (*ASBL*), still finds its listing, a weak alias at the foot of the
        hits (its issuer's word that it is weak evidence alone)."""
        used, best = self._best_name(query, entry)
        if query.as_named:
            written = self.written_name(query, entry, best)
            if written is not None:
                if best is None or written.name is not best.name:
                    used = self.readings(query)[0]
                return used, written
        if best is not None and entry.schema == "Person" and len(best.alignment.pairs) > 1:
            # (a Spanish or Portuguese name with two family names, a given
            # name and one of them aligned)
            factor = self._factors.get(best.kind, 1.0)
            best = two_surnames(
                used, best, entry.countries, self.stats, factor, entry.birth_countries
            )
        if not self._chinese or best is None or not _joins_family(used, best):
            return used, best
        if known_by_one_word(entry.names):
            return used, best
        self._alone = False  # (as the whole listing is, whatever names are left)
        try:
            while best is not None and _joins_family(used, best):
                rest = tuple(n for n in entry.names if n[0] is not best.name)
                if len(rest) == len(entry.names):
                    return used, None
                entry = replace(entry, names=rest)
                used, best = self._best_name(query, entry)
        finally:
            self._alone = None
        return used, best

    def written_name(
        self, query: Query, entry: Entry, best: BestName | None = None
    ) -> BestName | None:
        """The listed name of ``entry`` written as the query is (the same
        :func:`~thaw.index.entry.written_key`; of several, the one whose kind
        counts most), scored at least the ``written`` floor before its kind's
        factor: as ``best`` aligned it when ``best`` is written so (under
        the reading that aligned it: *Los Chatas* read as an organisation's
        name), else as the query's first reading aligns with it, when that
        aligns at least as well as ``best`` did (*Ahmad 'Ali al-Hamzi*, a
        weak alias, aligns whole, where the primary name *AHMAD AL-HAMZI*
        left *Ali* over); ``None`` when the listing publishes no such name,
        or it aligns worse."""
        if self._key_of is not query:
            self._key = written_key(query.name)
            self._key_word = self._key.split(" ", 1)[0]
            self._key_latin = self._key.isascii()
            self._key_of = query
        key = self._key
        word = self._key_word
        if not key:
            return None
        found: tuple[AnalyzedName, str, float] | None = None
        latin = self._key_latin
        for name, kind in entry.names:
            original = name.original
            # (cheap necessary conditions first, as most names differ: an ASCII
            # name written as the query holds the query's first word, in lower
            # case; a name in another script is not written as a query in
            # ASCII letters, which only a Latin letter with a diacritic is)
            if original.isascii():
                if word not in original.lower():
                    continue
            elif latin and not _starts_latin(original):
                continue
            if written_key(original) != key:
                continue
            factor = self._factors.get(kind, 1.0)
            if found is None or factor > found[2]:
                found = (name, kind, factor)
        if found is None:
            return None
        name, kind, factor = found
        if best is not None and (best.name is name or written_key(best.name.original) == key):
            least = self._name_values["written"] * self._factors.get(best.kind, 1.0)
            return best if best.score >= least else best._replace(score=least)
        alignment = self._aligner.align(self.readings(query)[0], name)
        if best is not None and alignment.score < best.alignment.score:
            # (the written name aligns worse under the query's first reading
            # than the best name under the reading that found it: a query
            # whose stress marks split a word, 'Но́виков', is read better so)
            return None
        least = self._name_values["written"] * factor
        return BestName(alignment, name, kind, max(alignment.score * factor, least))

    def _best_name(self, query: Query, entry: Entry) -> tuple[AnalyzedName, BestName | None]:
        """:meth:`best_name` before its check of a Chinese family name."""
        readings = self.readings(query)
        # a name written down as a party's is compared with the listed name
        # that aligns best; a phrase of free text, with the first to reach the
        # cap (free text's own rules were set on those alignments)
        enough = 1.0 if query.as_named else self._name_values["cap"]
        first = readings[0]
        names = others = entry.names  # (a Latin query: the usual case)
        if self._script:
            names, others = self._split(entry)
            names, others = _not_abjad(names), _not_abjad(others)
            if self._characters:
                names = _not_longer(names, self._characters)
                others = _not_longer(others, self._characters)
        if self._korean is not None and entry.schema in _MAY_BE_PEOPLE:
            best = self._syllables(first, self._korean, names, enough)
        else:
            best = self._aligner.best_of(first, names, self._factors, enough, self._thai)
        if self._family is not None and best is not None:
            # (a name read as Korean whose family name the listed name lacks)
            factor = self._factors.get(best.kind, 1.0)
            best = family_left_over(first, self._family, best, self.stats, factor)
        if self._person is not None and entry.schema == "Person":
            # a query of unknown kind is read as a person's name against a
            # person's listing too (its initials: "Putin V.V.", "Lukashenko A.G.")
            found = self._aligner.best_of(self._person, names, self._factors, enough)
            if found is not None and (best is None or found.score > best.score):
                first, best = self._person, found
        elif (
            query.schema is None
            and query.as_named
            and entry.schema == "LegalEntity"
            and (best is None or best.score < 1.0)
        ):
            # a legal entity may be a person or a firm (the US export lists):
            # a listed name written as the query is, read as the listing reads
            # it, is that name ("ALI ALHAY", "Haaji Khan")
            alike = self._written_alike(query, names)
            if alike is not None and (best is None or alike[1].score > best.score):
                first, best = alike
        elif query.schema is None and query.as_named and entry.schema not in _MAY_BE_PEOPLE:
            # a query of unknown kind is read as the name of a party of the
            # listing's kind too ("Los Zetas", "Second Economic Committee")
            organised = self._organised_reading(query, entry.schema)
            if organised is not None:
                reading, dropped = organised
                # (compared only with the listed names that have the words
                # this reading drops: "Do Van Hai" is no vessel HAI II)
                kept = tuple(n for n in names if dropped <= _words_of(n[0])) if dropped else names
                found = self._aligner.best_of(reading, kept, self._factors, enough)
                if found is not None and (best is None or found.score > best.score):
                    first, best = reading, found
        if len(readings) == 1 and not self._spelt:
            # (a Latin query: the usual case; compared by spelling or as a
            # transcription only with a listed name written in Chinese
            # characters or Hangul, when no reading of it aligned well)
            if self._below < 0 or (best is not None and best.score >= self._below):
                return first, best
            written = tuple(n for n in names if not n[0].original.isascii())
            if not written:
                return first, best
            written = tuple(n for n in written if spelling_script(n[0].original))
            if not written:
                return first, best
            return self._written(query, first, written, best)
        used = first
        for other in readings[1:]:
            found = self._aligner.best_of(other, others, self._factors, enough, self._thai)
            if found is not None and (best is None or found.score > best.score):
                best, used = found, other
        if self._words and self._transcription is not None:
            used, best = self._transcribed(first, others, used, best)
        if self._spelling is not None:
            return self._spelled(query, first, others, used, best)
        return used, best

    def _written_alike(self, query: Query, names: _Names) -> tuple[AnalyzedName, BestName] | None:
        """The first of ``names`` (a legal entity's) written as the query of
        unknown kind is (the same text but for case and spacing), aligned with
        itself: a name written as the listing writes it is read as the listing
        reads it, whatever the reading of unknown kind makes of its words (a
        person's: *Haaji* an honorific, *ALHAY* the article and *hay*). Only a
        name written alike: read as a legal entity's, words that make a
        person's name another person's (*bin*: *Abdullah bin Omar* is not
        *Omar bin Abdullah*) are words like any other. ``None`` when no
        listed name is written alike."""
        if self._legal is None or self._legal[0] is not query:
            self._legal = (query, _written(query.name))
        written = self._legal[1]
        for name, kind in names:
            if _written(name.original) == written:
                found = self._aligner.best_of(name, ((name, kind),), self._factors)
                return None if found is None else (name, found)
        return None

    def _organised_reading(
        self, query: Query, schema: str
    ) -> tuple[AnalyzedName, frozenset[str]] | None:
        """The query of unknown kind read for a listing of ``schema``
        (:func:`organised_reading`), with the words that reading makes
        weightless (an article, a particle: *los*, *van*) which the query's own
        reading weighs; kept per schema for the last query."""
        if schema in self._organised:
            return self._organised[schema]
        first = self.readings(query)[0]
        reading = organised_reading(query.name, first, schema)
        found = None
        if reading is not None:
            weighed = {t.text for t in first.tokens if t.weight > 0}
            dropped = frozenset(
                t.text for t in reading.tokens if not t.weight and t.text in weighed
            )
            found = (reading, dropped)
        self._organised[schema] = found
        return found

    def _syllables(
        self,
        first: AnalyzedName,
        korean: tuple[tuple[tuple[tuple[str, ...], ...], ...], ...],
        names: tuple[tuple[AnalyzedName, str], ...],
        enough: float,
    ) -> BestName | None:
        """The best of ``names`` for a query in Latin letters that reads as a
        Korean name (``korean``: its :func:`thaw.match.korean.korean_readings`):
        the listed names that read as Korean too compared syllable by
        syllable (:func:`thaw.match.korean.syllable_best`), the others aligned
        as usual."""
        found, usual = syllable_best(first, korean, names, self._factors, self.stats)
        best = self._aligner.best_of(first, usual, self._factors, enough) if usual else None
        if found is not None and (best is None or found.score > best.score):
            return found
        return best

    def _split(self, entry: Entry) -> tuple[_Names, _Names]:
        """The names of ``entry`` the last query is compared with as written,
        and those its other readings are (:class:`_ScriptSplit`, kept per
        listing and script)."""
        key = (id(entry), self._script)
        split = self._splits.get(key)
        if split is None or split.entry is not entry:
            split = _ScriptSplit(self._script, entry)
            if len(self._splits) >= _SPLITS_LIMIT:
                self._splits.clear()
            self._splits[key] = split
        return split.of(self._simplified)

    def _written(
        self,
        query: Query,
        first: AnalyzedName,
        written: tuple[tuple[AnalyzedName, str], ...],
        best: BestName | None,
    ) -> tuple[AnalyzedName, BestName | None]:
        """A Latin ``query`` against the listed names ``written`` in Chinese
        characters or Hangul, which none of its readings aligned with well:
        ``best``, or the listed name that transcribes the query
        (:func:`thaw.match.transcription.transcribing_best`, as
        :meth:`_transcribed` compares the other way round) or that spells it
        (:meth:`_spelled`), whichever scores more once its contribution is
        counted."""
        m = self._transcription
        person = query.schema is None or query.schema == "Person"
        if m is not None and person and (best is None or best.score < m["min_explained"]):
            found = transcribing_best(
                first, written, self._factors, m["min_explained"], int(m["min_syllables"])
            )
            if found is not None and (
                best is None or self._lifted(found.score, "transcription") > self._logit(best)
            ):
                best = found
        if self._spelling is None:
            return first, best
        return self._spelled(query, first, written, first, best)

    def _logit(self, best: BestName) -> float:
        return NameFeature.logit(best.score, self._name_values)

    def _lifted(self, score: float, feature: str) -> float:
        """The name logit of ``score`` with ``feature``'s contribution (its
        ``penalty``) counted, to compare with a reading's."""
        values = self.values[feature]
        return (
            NameFeature.logit(score, self._name_values) + values["penalty"] * self.weights[feature]
        )

    def _spelled(
        self,
        query: Query,
        first: AnalyzedName,
        names: tuple[tuple[AnalyzedName, str], ...],
        used: AnalyzedName,
        best: BestName | None,
    ) -> tuple[AnalyzedName, BestName | None]:
        """``(used, best)``, or the query ``first`` and the listed name its
        characters spell, or that spells it (:func:`thaw.match.spelling.spelled_best`),
        when that scores more once the ``spelling`` contribution is counted:
        for a person's name (or one of no stated kind), written in Chinese
        characters or Hangul and compared with Latin ``names`` or the other way
        round, whose readings aligned with none of them to ``spelling.below``."""
        m = self._spelling
        if m is None or (best is not None and best.score >= m["below"]):
            return used, best
        if query.schema not in (None, "Person"):
            return used, best
        found = spelled_best(first, names, self._factors, self._alone)
        if found is None:
            return used, best
        if best is not None and self._lifted(found.score, "spelling") <= self._logit(best):
            return used, best
        return first, found

    def _transcribed(
        self,
        first: AnalyzedName,
        names: tuple[tuple[AnalyzedName, str], ...],
        used: AnalyzedName,
        best: BestName | None,
    ) -> tuple[AnalyzedName, BestName | None]:
        """``(used, best)``, or the query ``first`` and the listed name it
        transcribes (:func:`thaw.match.transcription.transcribed_best`) when
        that explains more: for a query written in Chinese characters or Hangul
        (never a Latin one) whose readings aligned with no name of ``names``
        to ``transcription.min_explained``."""
        m = self._transcription
        if m is None or (best is not None and best.score >= m["min_explained"]):
            return used, best
        found = transcribed_best(
            first,
            self._words,
            names,
            self._factors,
            m["min_explained"],
            int(m["min_syllables"]),
            alone=self._alone,
        )
        if found is None:
            return used, best
        # the transcription wins only if it scores more once its contribution
        # is counted: a reading that aligned is the better evidence at an
        # equal score
        if best is not None and self._lifted(found.score, "transcription") <= self._logit(best):
            return used, best
        return first, found

    def score(self, query: Query, entry: Entry, *, explain: bool = True) -> MatchResult:
        """Score ``query`` against the prepared listing ``entry``.

        The result carries the calibrated score in [0, 1], the listing name that
        aligned best, each feature's contribution and an explanation naming the
        aligned tokens and what agreed or conflicted, as a sentence and as a list
        of :class:`~thaw.match.FeatureResult`. With ``explain=False`` only
        ``score`` and ``matched_name`` are filled in (the explanation is empty
        and ``features`` holds the name score alone). The score is the same
        either way."""
        if self.algorithm == "ofac":
            return ofac_score(query, entry)
        return self._combine(self._context(query, entry, explain))

    def facts(self, query: Query, entry: Entry) -> tuple[FeatureResult, ...]:
        """What the fact features (:data:`~thaw.match.features.FACT_FEATURES`:
        gender, birth date, country, identifier) find for ``query`` against
        ``entry``, each as in :attr:`MatchResult.evidence`, without aligning the
        names: how a party's other listings are compared with its best one
        (:func:`~thaw.match.disagreements`, :func:`~thaw.match.party_conflicts`)."""
        ids = entry.identifiers and (query.id_numbers or query.identifiers)
        if not (
            ids
            or (query.gender and entry.gender)
            or (query.birth_date and entry.birth_dates)
            or (entry.countries and (query.countries or named_countries(query)))
            or (listed_countries(entry) and query_form_laws(query))
        ):
            return ()  # (the usual case: nothing to compare)
        identifier = listed_identifier(query, entry) if ids else None
        ctx = Context(query, entry, _NO_NAME, None, True, identifier)
        found: list[FeatureResult] = []
        for feature, weight, values in self._features:
            if feature.name in FACT_FEATURES and weight:
                ev = feature.evaluate(ctx, values)
                if ev is not NO_EVIDENCE:
                    found.append(FeatureResult(feature.name, round(ev.value * weight, 4), ev.note))
        return tuple(found)

    def score_at_least(self, query: Query, entry: Entry, threshold: float) -> MatchResult | None:
        """The explained :meth:`score` of ``entry`` if it reaches ``threshold``,
        else ``None``.

        This is what screening asks of every candidate, and most candidates are
        far below the threshold. So the name is aligned first; if even the
        features' ceilings (:meth:`~thaw.match.Feature.ceiling`, the most each
        could add for this query) cannot lift it to the threshold, the listing's
        dates, countries and identifiers are not looked at. Otherwise the score is
        computed without its explanation, and explained only when it reaches the
        threshold. The answer is the one :meth:`score` gives."""
        pending = self.pending_at_least(query, entry, threshold)
        return None if pending is None else self.explain(pending)

    def pending_at_least(
        self,
        query: Query,
        entry: Entry,
        threshold: float,
        *,
        bound: bool = True,
        rest: float | None = None,
    ) -> Pending | None:
        """:meth:`score_at_least` up to its explanation: the :class:`Pending` score
        of ``entry`` if it reaches ``threshold``, else ``None``. Explaining a hit
        (each feature's sentence, the name alignment described token by token)
        costs as much again as scoring it, so a screener that returns the best
        ``limit`` hits explains only those (:meth:`explain`).

        With ``bound`` (the default), the features that read no name
        (:attr:`~thaw.match.Feature.reads_name`: dates of birth, countries,
        gender, identifiers, kind of party) are evaluated first, for this
        listing; with the highest contribution the name can make (its cap) and
        the ceilings of the other features they bound the score, and a listing
        that cannot reach ``threshold`` so (most candidates of a customer file:
        a date of birth years apart costs more than any name can give) is
        rejected before its names are aligned. The answer is the same either
        way; ``bound=False`` (the tests' reference) bounds by the name
        alignment and the ceilings alone. ``rest``: what :meth:`bound`
        answered for this listing, when the caller asked it first (from the
        listing's facts, before decoding its names)."""
        if self.algorithm != "thaw":
            result = self.score(query, entry)
            return Pending(result.score, None, result) if result.score >= threshold else None
        if bound:
            if rest is None:
                rest = self._bound_within(query, entry, threshold)
            if rest is None or not _reaches(self._reach_total(rest), threshold):
                return None
        else:
            rest = None
        found = self.best_name(query, entry)
        best = found[1]
        name_score = 0.0 if best is None else best.score
        if self._ceiling_query is not query:
            self._ceiling(query, name_score)  # (the query's ceilings)
        if not _reaches(self._ceiling_total(query, name_score, rest), threshold):
            return None
        ctx = self._context(query, entry, False, found)
        score = self._score_of(ctx)
        if score < threshold:
            return None
        return Pending(score, ctx)

    def explain(self, pending: Pending) -> MatchResult:
        """The explained :class:`MatchResult` of a :class:`Pending` score (the
        same score, with every feature's contribution and sentence)."""
        if pending.result is not None:
            return pending.result
        ctx = pending.context
        assert ctx is not None
        ctx.explain = True
        pending.result = self._combine(ctx)
        return pending.result

    def _ceiling(self, query: Query, name_score: float, rest: float | None = None) -> float:
        """The highest score a listing whose best name scores ``name_score`` can
        get, rounded as scores are (so that it bounds them): the name's
        contribution plus the other features' ceilings (computed once per query;
        the margin covers the rounding of a sum added up in another order), or
        plus ``rest`` (:meth:`_bound_rest` of the listing) when given."""
        if self._ceiling_query is not query:
            self._ceiling_query = query
            # the most the name can contribute: at its cap, or as no name, or
            # at the floor an identifier sets
            name_values = self._name_values
            top = max(NameFeature.logit(name_values["cap"], name_values), name_values["unaligned"])
            if query.id_numbers or query.identifiers:
                top = max(top, name_values["floor_on_identifier"])
            self._name_top = top
            every = guessed = 0.0
            # (each feature's ceiling asked once: the fact features' are read
            # again below, by feature)
            ceilings: dict[int, tuple[Values, float]] = {}
            for f, weight, values in self._features:
                if not isinstance(f, NameFeature):
                    plain = f.ceiling(query, values)
                    ceilings[id(f)] = (values, plain)
                    ceiling = plain * weight
                    every += ceiling
                    if f.reads_name:
                        guessed += ceiling
            self._ceiling_rest = every
            self._guessed_rest = guessed
            facts: list[tuple[float, float]] = []
            for f, weight, values in self._facts:
                known = ceilings.get(id(f))
                if known is None or known[0] is not values:
                    known = (values, f.ceiling(query, values))
                facts.append((known[1], weight))
            self._facts_after = _facts_after(facts)
        return round(_sigmoid(self._ceiling_total(query, name_score, rest)), 4)

    def _ceiling_total(self, query: Query, name_score: float, rest: float | None) -> float:
        """:meth:`_ceiling` before the sigmoid and the rounding (the query's
        ceilings already worked out)."""
        name_values = self._name_values
        logit = NameFeature.logit(name_score, name_values)
        if query.id_numbers or query.identifiers:
            logit = max(logit, name_values["floor_on_identifier"])
        return logit * self._name_weight + (self._ceiling_rest if rest is None else rest) + 1e-9

    def bound(self, query: Query, facts: Entry, threshold: float) -> float | None:
        """Whether a listing may reach ``threshold`` for ``query`` by what the
        features that read no name answer (the name at its cap, the other
        features at their ceilings): ``None`` if not, else what those
        features add (``rest`` for :meth:`pending_at_least`). ``facts`` is
        the listing or its facts alone (:meth:`thaw.index.CandidateIndex.facts`),
        so that a screener rejects most candidates of a customer file
        without decoding their names."""
        if self.algorithm != "thaw":
            return 0.0  # (no bound: every listing is scored)
        rest = self._bound_within(query, facts, threshold)
        if rest is None or not _reaches(self._reach_total(rest), threshold):
            return None
        return rest

    def reach(self, query: Query, entry: Entry) -> float:
        """The highest score ``entry`` can get for ``query`` whatever its names
        align to (at least its :meth:`score`): what the features that read no
        name answer, the name at the most it contributes and the other
        features' ceilings, rounded as scores are. :meth:`pending_at_least`
        aligns no name of a listing whose reach is below the threshold."""
        return self._reach(self._bound_rest(query, entry))

    def _reach(self, rest: float) -> float:
        """:meth:`reach` of a listing whose :meth:`_bound_rest` is ``rest``, for
        the last query."""
        return round(_sigmoid(self._reach_total(rest)), 4)

    def _reach_total(self, rest: float) -> float:
        """:meth:`_reach` before the sigmoid and the rounding (the margin covers
        the rounding of a sum added up in another order)."""
        return self._name_top * self._name_weight + rest + 1e-9

    def _bound_rest(self, query: Query, entry: Entry) -> float:
        """What the features other than the name's can add for ``entry`` at
        most: those that read no name (:attr:`~thaw.match.Feature.reads_name`)
        exactly, as they will answer, the others their ceilings for ``query``."""
        rest = self._bound_within(query, entry, None)
        assert rest is not None  # (no threshold: never out of reach)
        return rest

    def _bound_within(self, query: Query, entry: Entry, threshold: float | None) -> float | None:
        """:meth:`_bound_rest`, or ``None`` as soon as a feature that reads no
        name puts ``entry`` out of reach of ``threshold`` (:meth:`_reach`),
        the features after it at their ceilings: a date of birth decades
        apart, the first of them, spares evaluating the others. ``entry``
        may be a listing's facts alone (:meth:`thaw.index.CandidateIndex.facts`):
        these features read nothing else."""
        if self._ceiling_query is not query:
            self._ceiling(query, 0.0)  # (the query's ceilings)
        # (one context, refilled: these features read only the query, the
        # listing and its identifier, and say no sentence unexplained)
        ctx = self._facts_context
        ctx.query = query
        ctx.entry = entry
        ctx.identifier = listed_identifier(query, entry) if entry.identifiers else None
        total = self._guessed_rest
        after = self._facts_after
        for k, (feature, weight, values) in enumerate(self._facts):
            ev = feature.evaluate(ctx, values)
            if ev is not NO_EVIDENCE:
                value = ev.value * weight
                total += value
                if value < 0 and threshold is not None:
                    # (the margin keeps this on the side of the full sum,
                    # added up in another order)
                    if not _reaches(self._reach_total(total + after[k]) + 1e-9, threshold):
                        return None
        return total

    def _context(
        self,
        query: Query,
        entry: Entry,
        explain: bool,
        found: tuple[AnalyzedName, BestName | None] | None = None,
    ) -> Context:
        """What the features see (``found``: the best name, if already known)."""
        analyzed, best = self.best_name(query, entry) if found is None else found
        identifier = listed_identifier(query, entry) if entry.identifiers else None
        return Context(query, entry, analyzed, best, explain, identifier)

    def _score_of(self, ctx: Context) -> float:
        """The score of ``ctx``: every feature's contribution, combined."""
        total = 0.0
        for feature, weight, values in self._features:
            if weight:
                ev = feature.evaluate(ctx, values)
                if ev is not NO_EVIDENCE:
                    total += ev.value * weight
        return round(_sigmoid(total), 4)

    def _combine(self, ctx: Context) -> MatchResult:
        """The features' verdict on ``ctx``'s entry (the same total as
        :meth:`_score_of`, with each contribution reported)."""
        best = ctx.best
        matched_name = ctx.entry.caption if best is None else best.name.original
        # the name's contribution is reported as the name score itself
        contributions: dict[str, float] = {"name": round(ctx.name_score, 4)}
        if not ctx.explain:
            return MatchResult(self._score_of(ctx), matched_name, "", contributions)
        total = 0.0
        notes: list[str] = []
        evidence: list[FeatureResult] = []
        for feature, weight, values in self._features:
            if not weight:
                continue
            ev = feature.evaluate(ctx, values)
            if ev is NO_EVIDENCE:
                continue
            value = ev.value * weight
            total += value
            if value and feature.name != "name":
                contributions[feature.name] = round(value, 3)
            if ev.note:
                notes.append(ev.note)
            evidence.append(FeatureResult(feature.name, round(value, 4), ev.note))
        return MatchResult(
            score=round(_sigmoid(total), 4),
            matched_name=matched_name,
            explanation="; ".join(notes),
            features=contributions,
            evidence=tuple(evidence),
        )


def score(
    query: Query,
    entry: Entry,
    algorithm: str = "thaw",
    *,
    explain: bool = True,
    config: MatchConfig | None = None,
    stats: TokenStats | None = None,
) -> MatchResult:
    """Score ``query`` against the prepared listing ``entry`` once
    (:meth:`Matcher.score` of a matcher made for the call: the same pair with
    the same ``config`` and ``stats`` always gets the same score)."""
    return Matcher(config, stats, algorithm).score(query, entry, explain=explain)


def score_at_least(
    query: Query,
    entry: Entry,
    threshold: float,
    algorithm: str = "thaw",
    *,
    config: MatchConfig | None = None,
    stats: TokenStats | None = None,
) -> MatchResult | None:
    """:meth:`Matcher.score_at_least` once, on a matcher made for the call."""
    return Matcher(config, stats, algorithm).score_at_least(query, entry, threshold)
