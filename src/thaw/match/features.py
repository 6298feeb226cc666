"""The features of thaw's matching algorithm, each with its declared table.

Each feature looks at one kind of evidence and returns a *contribution* on the
log-odds scale plus a sentence for the explanation. The final score is::

    score = sigmoid( Σ contribution × weight )

where the name's contribution is ``logit(min(name, name.cap))``: with nothing
but a name the score is the name score, capped (so that strong contrary evidence
can still bring an exact name below the threshold); agreeing facts raise it and
conflicting facts lower it.

**Every magnitude is declared in its feature's table** (:attr:`Feature.table`:
the contribution of each finding, caps and penalties, each documented), never
written inside :meth:`Feature.evaluate`, which reads the values it is given. A
:class:`thaw.match.MatchConfig` overrides weights or table entries for one
matcher; :func:`describe_algorithm` renders the tables as documentation.

Every feature also states its *ceiling*: the most it can contribute for a given
query, whatever the listing. Screening adds the ceilings of the other features to
the name's contribution to know, from the name alignment alone, which candidates
cannot reach the threshold even if every other fact agreed, and evaluates the
features only for the others (:meth:`thaw.match.Matcher.score_at_least`). A
feature that reads no name (:attr:`Feature.reads_name` false: dates of birth,
countries, gender, identifiers, kind of party) is evaluated before that, with
the name at its cap and the others at their ceilings: a listing out of reach
so (a date of birth decades apart) has its names never aligned.

The registry :func:`features` lists them in order; their docstrings are the
user documentation of the algorithm.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Final

from rapidfuzz.distance import OSA

from thaw.index.entry import Entry, IdNumber, normalize_id, written_key
from thaw.match.burmese import burmese_added
from thaw.match.consonants import (
    dal_as_z,
    latin_nisba,
    other_consonant,
    other_nisba,
    pe_unwritten,
)
from thaw.match.countries import KIND_WORDS, form_laws, named_countries, written_as_listed
from thaw.match.first_given import common_given_only, later_given_only, other_sex_first_given
from thaw.match.first_letter import other_first_letter
from thaw.match.gender import other_gender, stated_other_form
from thaw.match.han_latin import (
    crossed_family,
    family_spellings,
    other_syllable_pair,
    part_of_name,
    rare_reading,
)
from thaw.match.iberian import family_words, left_out
from thaw.match.names import AlignedPair, Alignment, BestName, NameMatch, name_match
from thaw.match.spelling import fold_word, spelled_parts
from thaw.match.surnames import lengthened_surname
from thaw.match.transcription import transcription_pairs
from thaw.match.types import FeatureResult, Query
from thaw.match.written import as_written
from thaw.sources.common import APPROXIMATE_YEARS
from thaw.text import AnalyzedName, Token, consonantal, skeleton, vocab
from thaw.text.han_names import written_as_chinese
from thaw.text.korean import reads_as_korean_name

_PERSONS = frozenset({"Person"})
#: The kinds of listing that may be a person's: a person's, and one of no
#: stated kind (the trade lists publish people as LegalEntity).
_MAY_BE_PEOPLE = frozenset({"Person", "LegalEntity"})
_ORGS = frozenset({"Organization", "Company", "PublicBody"})
_THINGS = frozenset({"Vessel", "Aircraft"})

Values = Mapping[str, float]
"""A feature's table values as configured (entry name → value)."""


@dataclass(frozen=True, slots=True)
class Magnitude:
    """One entry of a feature's table: its default value and what it is."""

    value: float
    doc: str


_IMO = re.compile(r"^(?:IMO)?(\d{7})$")


def id_kind(number: str) -> str | None:
    """The kind of an untyped identifier, where its form tells (IMO numbers)."""
    m = _IMO.match(normalize_id(number))
    if m is None:
        return None
    digits = m.group(1)
    check = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True)) % 10
    return "imo" if check == int(digits[6]) else None


@dataclass(slots=True)
class Context:
    """What every feature sees: the query (and its analysed name), the entry, the
    best name alignment and, if any, the listed identifier the query carries.

    ``explain`` is false when only the score is wanted (candidates that turn out
    below the threshold): features may then leave their sentence out, and the
    name alignment is not turned into a :class:`NameMatch`."""

    query: Query
    entry: Entry
    analyzed: AnalyzedName
    best: BestName | None = None
    explain: bool = True
    identifier: tuple[IdNumber, str] | None = None
    _name: NameMatch | None = None

    @property
    def name_score(self) -> float:
        """The best name's score (after the factor of its kind), 0 without one."""
        return 0.0 if self.best is None else self.best.score

    @property
    def name_kind(self) -> str:
        """The kind of the best name (``primary``, ``alias``, ``weak`` …)."""
        return "primary" if self.best is None else self.best.kind

    @property
    def name(self) -> NameMatch | None:
        """The best alignment described token by token (built on first use)."""
        if self._name is None and self.best is not None:
            self._name = name_match(self.analyzed, self.best.name, self.best.alignment)
        return self._name


@dataclass(frozen=True, slots=True)
class Evidence:
    """A feature's finding: its log-odds contribution and a sentence (empty: silent)."""

    value: float
    note: str = ""


NO_EVIDENCE = Evidence(0.0)
"""What a feature returns when it has nothing to say."""

_SILENT: dict[float, Evidence] = {}


def _silent(value: float) -> Evidence:
    """``Evidence(value)``, unexplained: one object per value, shared (evidence
    is immutable, never :data:`NO_EVIDENCE`, and the values are a feature
    table's few magnitudes). Building a frozen dataclass costs about a
    microsecond, which the features that read no name paid for nearly every
    candidate of a customer file (:meth:`thaw.match.Matcher.bound`); zero, whose
    sign a dictionary would not keep apart, is built each time."""
    found = _SILENT.get(value)
    if found is None:
        found = Evidence(value)
        if value:
            _SILENT[value] = found
    return found


class Feature:
    """Base class: a named, weighted piece of evidence with its declared table."""

    name: ClassVar[str] = "feature"
    weight: ClassVar[float] = 1.0
    #: The feature's magnitudes, by entry name (overridable by a MatchConfig).
    table: ClassVar[Mapping[str, Magnitude]] = {}
    #: Whether :meth:`evaluate` reads the names (``ctx.analyzed``, ``ctx.best``,
    #: ``ctx.name``); one that does not (it reads only the query, the listing and
    #: ``ctx.identifier``) gives the same answer whatever name aligned, so
    #: screening evaluates it before aligning the names, to bound the score a
    #: listing can reach (:meth:`thaw.match.Matcher.pending_at_least`).
    reads_name: ClassVar[bool] = True

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        """The contribution of this feature for ``ctx`` (before :attr:`weight`),
        given its table values ``m``."""
        raise NotImplementedError

    def ceiling(self, query: Query, m: Values) -> float:
        """The highest value :meth:`evaluate` can return for ``query``, whatever
        the listing."""
        raise NotImplementedError

    @classmethod
    def defaults(cls) -> dict[str, float]:
        """The table's default values."""
        return {k: v.value for k, v in cls.table.items()}

    @classmethod
    def doc(cls) -> str:
        """The feature's documentation (its docstring, dedented, and its table)."""
        import inspect

        lines = [inspect.getdoc(cls) or ""]
        if cls.table:
            lines += ["", "| entry | default | meaning |", "|---|---|---|"]
            lines += [f"| `{cls.name}.{k}` | {v.value:g} | {v.doc} |" for k, v in cls.table.items()]
        return "\n".join(lines)


def distinctive_id(number: str) -> bool:
    """Whether ``number``, a normalised identifier number (:func:`~thaw.index.
    entry.normalize_id`), can tell one party from another: five digits or more,
    or four characters or more with a letter, and not one character repeated.
    The lists publish numbers that cannot (an aircraft's serial *55*, a crypto
    field *3*, a registration *777*), and a customer file's ``id_number``
    column holds junk (*0*, *1000*, *44444*): such a number equal to a listing's
    is no evidence, for or against, beside a name (*John Smith*, id number
    *777*)."""
    if len(set(number)) < 2:
        return False
    return len(number) >= (5 if number.isdigit() else 4)


def listed_identifier(query: Query, entry: Entry) -> tuple[IdNumber, str] | None:
    """The listing's identifier that one of the query's numbers equals (after
    removing spaces, dashes, dots and an ``IMO`` prefix), with the number as the
    query gave it; ``None`` when none does, or when the number is too short to
    tell parties apart (:func:`distinctive_id`) and the query names a party
    beside it: a short number pasted alone where the name goes (an aircraft's
    serial *129*) asks for the listing that publishes it, and finds it."""
    if not entry.identifiers or not (query.id_numbers or query.identifiers):
        return None
    listed = {
        (i.number.removeprefix("IMO") if i.kind == "imo" else i.number): i
        for i in entry.identifiers
    }
    raws = list(query.id_numbers) + [n for _k, n in query.identifiers]
    for raw in raws:
        number = normalize_id(raw)
        if number.startswith("IMO") and number[3:].isdigit():
            number = number[3:]
        hit = listed.get(number)
        if hit is not None and (distinctive_id(number) or normalize_id(query.name) == number):
            return hit, raw
    return None


class NameFeature(Feature):
    """**Name** (the base of the score). The query name is aligned with every name
    of the listing (primary name, aliases, original-script names) and the best
    alignment counts; a weak alias (OFAC "weak a.k.a.", UN low quality) and a
    former name count a share of their score. The alignment works on analysed
    tokens (transliterated, romanisation variants folded, legal forms and generic
    words weighted low, honorifics dropped), in any order, tolerating typing
    errors within a length-dependent budget, initials, compounds and omitted
    middle names or patronymics, and penalising parts present on both sides that
    differ (:mod:`thaw.match.names`). The name score enters the combination
    capped: a name alone never scores above the cap. An identifier published on
    the listing and carried by the query decides on its own: a name that does
    not align then costs no more than ``floor_on_identifier``. A name written
    down as a party's that the listing publishes as written (case, spacing and
    punctuation aside) is that name: it scores at least ``written`` before the
    factor of its kind, however low the alignment weighs its words (a short
    handle *EL JT*, a lone given name *Abdul*, a legal form *ASBL*), so that a
    weak alias pasted as published is found, at the foot of the hits."""

    name = "name"
    weight = 1.0
    table = {
        "cap": Magnitude(0.95, "the highest name score that enters the combination"),
        "unaligned": Magnitude(-12.0, "the contribution when no name shares a word"),
        "weak": Magnitude(0.9, "factor on the score of a weak alias"),
        "former": Magnitude(0.97, "factor on the score of a former name"),
        "floor_on_identifier": Magnitude(
            -2.0, "the least contribution of the name when an identifier matches"
        ),
        "written": Magnitude(
            0.8,
            "the least score, before its kind's factor, of a listed name the query "
            "writes as published (case, spacing and punctuation aside)",
        ),
    }

    @staticmethod
    def logit(name_score: float, m: Values) -> float:
        """The contribution of a best name score."""
        s = min(name_score, m["cap"])
        if s <= 0:  # (no names, or none shares a token with the query)
            return m["unaligned"]
        s = max(s, 1e-4)
        return math.log(s / (1 - s))

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        logit = self.logit(ctx.name_score, m)
        floor = ctx.identifier is not None and logit < m["floor_on_identifier"]
        if floor:
            logit = m["floor_on_identifier"]
        if not ctx.explain:
            return Evidence(logit)
        if ctx.name_score <= 0:
            return Evidence(
                logit, "no name aligns" + (" (the identifier decides)" if floor else "")
            )
        nm = ctx.name
        if nm is None:
            return Evidence(logit)
        kind = ctx.name_kind
        asked = repr(nm.query.original)
        if nm.query.original != ctx.query.name:
            # aligned under another reading: what was asked, and the reading
            # that aligned ('金正恩' read as '김정은')
            asked = f"{ctx.query.name!r} read as {asked}"
        note = (
            f"name {asked} ~ {nm.result.original!r}"
            f"{'' if kind in ('primary', 'alias') else f' ({kind})'}: "
            f"{nm.describe()} = {ctx.name_score:.2f}"
        )
        note += _surnames_note(ctx)
        if _floored_as_written(ctx, m):
            note += f" (the name as the listing writes it: at least {m['written']:.2f}" + (
                f", a {kind} name's share of it: a weak alias is weak evidence alone)"
                if kind == "weak"
                else ")"
                if kind in ("primary", "alias")
                else f", a {kind} name's share of it)"
            )
        if ctx.name_score > m["cap"]:
            note += f" (capped at {m['cap']:.2f} for a name-only match)"
        if floor:
            note += " (the identifier decides)"
        return Evidence(logit, note)

    def ceiling(self, query: Query, m: Values) -> float:
        return self.logit(m["cap"], m)


#: Token roles that say what kind of organisation, not which one.
_GENERIC_ROLES = frozenset({"generic", "legal_form", "stop", "location", "number"})

#: The roles of words that do not name a party of their own: the generic ones
#: and the function words of names in any language (*da*, *de*, *van*: the
#: Portuguese *Banco Central da Venezuela* and the Spanish *Banco Central de
#: Venezuela* differ in nothing that names the bank).
_FUNCTION_ROLES = _GENERIC_ROLES | {"particle"}

#: Generic words that say what kind of body a party is (:data:`KIND_WORDS`).
_KIND_WORDS: Final = KIND_WORDS

#: Generic words that say a party is an organisation, a kind of body (not what
#: it does, which a vessel's name may say too: *Shipping* for a tanker, *Oil*).
_BODY_WORDS: Final = _KIND_WORDS | {
    "bank",
    "agency",
    "association",
    "committee",
    "foundation",
    "ministry",
    "airlines",
}

#: An aircraft's registration mark: a nationality prefix, a hyphen, the mark
#: (EP-MNA, P4-MIS; written without the hyphen too, M-IABU).
_REGISTRATION: Final = re.compile(r"[A-Z0-9]{1,3}-?[A-Z0-9]{1,5}", re.IGNORECASE)


def _floored_as_written(ctx: Context, m: Values) -> bool:
    """Whether the name's score is the ``written`` floor of
    :class:`NameFeature`: the query, a party's name, writes the best listed
    name as published and its alignment scores less."""
    best = ctx.best
    return (
        best is not None
        and ctx.query.as_named
        and best.alignment.score < m["written"]
        and written_key(best.name.original) == written_key(ctx.query.name)
    )


def _personal(schema: str | None, tokens: tuple[Token, ...]) -> bool:
    """Whether a query reads as a person's name: said so, or of unknown kind with
    no legal form or generic word ("Thomas Scott", not "Deutsche Bank (Schweiz)
    AG", whose extra word names a branch)."""
    if schema is not None:
        return schema == "Person"
    return not any(t.role in ("legal_form", "generic") for t in tokens)


class NameShapeFeature(Feature):
    """**Shape of the name match.** Penalties for alignments that look better than
    they are:

    * *single word*: the listed name that aligned has one distinctive word (its
      other words, if any, are numbers, legal forms or generic words), and the
      query, a person's name, has further name words it does not account for
      ("Sarah Schmidt" against the weak alias 'SARA' or the vessel 'SARA II',
      "Kim Ji Hoon" against the acronym 'JI', "Donna Green" against GREEN
      SHIPPING LTD.): one word of a customer's name is no evidence;
      A patronymic is no name of its own here: a listed given name and
      patronymic without a family name ('Gennadiy Nikolaevich') leave the
      query's surname as unexplained as one word does. A particle that
      begins the query is a name word left aside: a particle introduces a
      family name after a given name, and one that begins a name is a name
      itself ("Do Van Hai", Vietnamese Đỗ Văn Hải, against the vessel 'HAI
      II') or part of a family name the one listed word is not;
    * *part of a weak alias*: the listed name that aligned is a weak alias
      (OFAC's "weak a.k.a.", a broad or generic name that the issuer itself
      says yields many false hits) with one distinctive word, and the query
      leaves out one of its other words ("Alpha LLC" against the weak alias
      'ALPHA GROUP' of KGB ALPHA): one common word of a name the issuer marks
      as weak is no evidence; the weak alias written whole ("Alpha Group")
      still counts as its share of a name;
    * *common short name*: the listed name is two name words, at least one of
      them among the commonest name parts (*Mohammad*, *Ali*, *Khan*, *Malik*),
      both aligned, and the query, a person's name, has a further full name
      word the listed name does not account for ("Mohammed Ali Khan" against
      'KHAN, Ali', "Mohammad Ali Ahmadi" against 'Mohammad AHMADI', "Abdul
      Malik Hassan" against 'Malik HASAN'): a short listed name of common
      words inside a longer name is shared by thousands of people, and a
      given name left over before the family name names another of them
      (*Mohammad Ali*, *Abdul Malik* are given names of their own). A word
      after the aligned ones, which align in the listed order (a clan or
      family name the listing leaves out: 'MOHAMMAD YAQOUB' for "Mohammad
      Yaqoub Haqqani"; not "Mohammed Ali Khan" against 'Ali MOHAMMED'), a
      patronymic, an initial or a word written twice is no such word;
    * *Abd left out*: a name word of one side aligns with the *X* of an *Abd
      al-X* of the other (*Abdul Karim*, عبد الكريم, split so by analysis)
      whose *Abd* is left unaligned ("كريم نصر الله", *Karim*, against 'NASRALLAH,
      Hasan Abd-al-Karim'), or, the query's, aligned with a listed *Abd* whose
      *X* the query leaves out ("علي علي عبدالعلی", *Abd al-Ali*, against 'Ali
      Abdul Karim Ali', its *Ali* aligned with the last *Ali*; not a query
      that adds a clan's name between a listed *Abd* and its *X*): *Abd al-X*,
      servant of the one God named by one of his names, is one name, and *X*
      alone another;
    * *one word respelt*: an organisation's name and a listed one, both
      written in Latin letters, that each
      have a single distinctive word, the two aligned only approximately,
      their consonants differing, two letters or more changed or swapped in
      place ("Petrobras" against 'PETROPARS LTD.'): a company's coined name is
      its identity, and two letters apart is another company's (a letter
      dropped or added, or a vowel written otherwise, is as often a typing
      error or a transcription, and not counted);
    * *organisation word*: a vessel's or aircraft's name against a query of no
      stated kind with a legal form or a word naming a kind of body (*Bank*,
      *Company*, *Ministry*; not *Shipping*, which a tanker's may say) left over ("Zenith Bank"
      against the vessel ZENITH): the query describes an organisation, as a
      row with a gender or birth date describes a person, and the kind-of-party
      conflict would hold were it said;
    * *translated word*: a vessel's or aircraft's name against a query of no
      stated kind that writes one of its generic words by another word of the
      same meaning, a translation or a synonym, not a spelling of it ("Nova
      Energia" against the vessel NOVA ENERGY, *Maritime* for *Marine*): a
      vessel's name is the string its register holds, which people copy and
      may mistype, whereas a firm's name takes its words in the languages it
      trades in; a query that translates the name is a firm's (a word two
      edits or more from the listed one, not its plural, counts: *Energiya*
      and *Energia* are two spellings of one word);
    * *generic only*: no aligned pair joins two distinctive words (only generic
      words, legal forms, places or numbers agree on one side at least), while a
      distinctive word is left unexplained ("The Boeing Company" against
      "BEIJING CHENGXING TRADING CO. LTD.": *Boeing* is not *Beijing*, and
      *Chengxing* is unaccounted for): organisations sharing "Trading Company"
      are not the same;
    * *generic name*: both names are made only of generic words, places and
      legal forms (no word that names the party: "Global Trading LLC",
      "International Logistics Ltd"), and a generic word of one side that says
      what the party does is left unaligned ("Global Trading" against "OPG
      GLOBAL GENERAL TRADING CO. L.L.C", "International Logistics" against
      "LOGISTIC INTERNATIONAL SERVIS"). Such a name is a description shared by
      thousands of companies: only the same description, word for word, is the
      same name (words that say only what kind of body it is, *company*,
      *group*, count as legal forms do);
    * *other mark*: the listed party is an aircraft and the listed name its
      registration mark, and a part of the mark aligns only approximately
      ("EP-ABC" against 'EP-IBC'): a mark is an identifier, one letter apart
      is another aircraft;
    * *nisba*: both names written in Latin letters, and a word of one aligns
      with the same word plus the suffix *-i* (*-y*) after its final
      consonant, or *-i*, *-ei* after a final *a* (*Reza*, *Rezaei*): the
      Persian and Arabic *nisba*, which makes a family name of
      a given name or a place ("Ali Reza Mohammadi" against 'ALE ALI, Mohammad
      Reza'; *Hosseini*, *Karimi*, *Tehrani* are not *Hossein*, *Karim*,
      *Tehran*), the stem's vowels spelt alike or otherwise (*Ahmadi* is not
      *Ahmed*). Not when either name was read from another script, whose
      readings add such a vowel of their own (Georgian *Mikheili*, the Korean
      이고리 *Igori*, the Tajik *Rustami*); but two words both written in
      Arabic, Persian or Hebrew letters, one the other with the letter of the
      suffix (محمدی *Mohammadi* against محمد *Mohammad*), are so too, and
      so is a Latin word in *-i* against one written in those letters with
      no final ي nor ى (*Rezaei* against رضا, *Hosseini* against حسين:
      the scripts write the suffix), and one written with a final ي after a
      consonant against a Latin word that ends in a consonant (محمدی
      against *Mohammad*, تهرانی against *Tehran*; not *Musa*, *Mustafa*,
      whose final *a* Persian writes with ی);
    * *patronymic -s*: a person's name (or one of no stated kind) and a
      listed person's (or a party's of no stated kind), both written in Latin
      letters, and a name word of one aligns with the same word plus *-s*
      after its final consonant: the English and Welsh family names made of
      a father's given name ("Michael Williams" against 'WILLIAM MICHAEL JOHNSON'; *Roberts*,
      *Edwards*, *Peters* are not *Robert*, *Edward*, *Peter*). After a vowel
      the *-s* is as often another language's form of the same given name
      (*Carlos*, *Carlo*; *Lukas*, *Luka*) and is not counted, nor is an
      organisation's plural (*Revolutionary Guards*);
    * *other gender*: a person's name (or one of no stated kind) and a
      listed person's (or a party's of no stated kind), and an aligned pair of
      name words that are one name in its masculine and its feminine form
      (:func:`thaw.match.gender.other_gender`: the given names "Aleksandra
      Galkina" against 'Aleksandr GALKIN', "Francesca Schiavone" against
      'SCHIAVONE, Francesco'; the Slavic family names *Orlova* against
      *Orlov*, *Boguslawska* against *Boguslawski*): a listed man's wife,
      daughter or namesake is another person. Spellings of one gender stay
      one name (*Slutski*, *Slutskiy*; *Zavalska*, *Zavalskaya*), as do two
      forms that rigour's name data links (*Tamar*, *Tamara*), and the
      query's form when it has the gender the listing states (a listing that
      writes a woman's family name in its masculine form). The births recorded
      by name and sex settle what the endings leave open (*Karin* and *Karina*
      are two women's names; *Michael* and *Michelle*, :mod:`thaw.match.given_genders`).
      A query that states its gender counts also the French, Italian and
      Spanish forms of that gender by their endings alone
      (:func:`thaw.match.gender.stated_other_form`: "Michelle Litvak", a
      woman, against 'Michel LITVAK'; *Emmanuelle*, *Emmanuel*; *Maria*,
      *Mario*), which without it people write for one another (*Michel
      Obama*);
    * *lengthened surname*: on the same terms, an aligned pair of Slavic family
      names, one the other's stem lengthened by a syllable or a consonant
      before the suffix (:func:`thaw.match.surnames.lengthened_surname`:
      *Kamyshanov* against *Kamyshov*, *Vodyanikov* against *Vodyanov*): another
      family name, so another person; not a vowel, soft sign or *h* that
      transliteration adds (*Seleznyov*, *Seleznev*);
    * *forebear*: the listed name is written in Arabic script, where a person's
      own name comes first and the names after it are the father's and
      grandfather's; the query's first name aligns with one of those later
      names while the listed person's own name is missing ("أسامة بن لادن"
      against "حمزة أسامة محمد بن لادن", Hamza son of Usama): a relative, not
      the person;
    * *one approximate word*: the query is a single word written in another
      script and matched only by its consonants (``سليماني`` against
      *Salman*): a single word says little, so it must match closely. What
      the penalty is for decides its size. Scripts such as Arabic, Persian and
      Hebrew do not write short vowels, but they do write long ones (ا و ی,
      א ו י): when the vowels the reading writes appear, in order, among the
      vowels of the other word (``پاپیان`` *papyan* against *Papian*, ``قمی``
      *qmy* against *Ghomi*), the words agree as far as the script can tell,
      and only the small ``one_consonant_word`` applies. When they do not
      (*slymany* writes *i a i*, *Salman* has *a a*), the consonants alone
      aligned: ``one_approximate_word``;
    * *part of a word*: a word written in Chinese or Korean characters, of two
      syllables or more, aligned in part: some of its syllables align and others
      are left unexplained ("영수 정순 이" against 'Jong Su RI': *su* of 영수 and
      *jong* of 정순; "翼 吉田" against 'Tian Yi': *tian* of the surname 吉田,
      Yoshida). Such a word is one given name or surname, and common syllables
      recur in thousands of names: half of one is not the name;
    * *other syllables*: both names written in Latin letters as Chinese names
      are (:func:`thaw.match.han_latin.reads_as_chinese_name`: two to four
      words of one or two syllables, a common Chinese family name first or
      last), and an aligned pair of words, near in their letters, cut into
      as many syllables of which some differ in every romanisation
      (:func:`thaw.match.han_latin.other_syllables`: "Zhang Xiaoling" against
      'ZHANG, Xiaoming', "Tang Ping Keung" against 'ZHANG, Jiang Ping'). Each
      syllable is a character with a small, published set of spellings
      (pinyin, Wade–Giles, MPS II, Tongyong, Hong Kong's Cantonese), and two
      different syllables are often nearer in letters than two spellings of
      one (*ming*, *ling*; *Hsiang*, *Xiang*): one character different is
      another name. Names that both read as Korean are compared syllable by
      syllable already (:mod:`thaw.match.korean`);
    * *crossed family name*: the query, written in Chinese characters as a
      Chinese name is (its family name first), against a listed name in
      Latin letters written *FAMILY, Given names*, the query's family name
      aligned with a listed given name and the listed family name with the
      query's given name (董貞 *Dong Zhen* against 'CHEN, Dong', 罗楚 *Luo
      Chu* against 'CHU, Na'): the same syllables the other way round are
      another person's name;
    * *part of a hyphenated name*: a hyphenated word of two or more names, a
      double-barrelled surname or a compound given name, aligned in part ("John
      Smith" against "JOHN B. PRIDMORE-SMITH", "Kim Myong" against "Kim
      Myong-guk"): Pridmore-Smith is a surname of its own, not Smith;
    * *part of a name*: one of two names written in Latin letters as Chinese
      names are, or both as Korean names, is three words of one syllable
      each, a family name and a given name of two syllables written apart,
      a syllable of the given name left unaligned while every word of the
      other name aligned ("Li Kai" against 'LI, Kai Shou', "Kim Kwang"
      against 'KIM, Kwang Yon'): a given name of two syllables is one name,
      and one of its syllables another person's given name (a given name
      written without its family name, "Jong Un" against 'KIM Jong Un', is
      not half of one, unless the query, written in Chinese characters, has
      a family name of its own: "华 江" against 'PAO, Hua Chiang');
    * *Burmese word added*: the query or the listing of Myanmar, both names
      Burmese names written in Latin letters (words of one syllable), every
      word of the shorter aligned and the other adding one ("Soe Win Naing"
      against 'Soe Win', "Min Aung" against 'Min Aung Hlaing':
      :func:`thaw.match.burmese.burmese_added`): a Burmese name has no family
      name, each word is the person's own, and a name of one more word is
      another name;
    * *family name as own name*: a word of the query after its first, written
      with the Arabic article (*al-Hamdi*, *Alhamdi*, الحمدي: a family or
      tribal name, a nisba), aligned with the first word of a listed name
      written given names first without the article ("أحمد الحمدي" against
      'Hamdi Ahmad Farag'): the listed person's own name, *Hamdi* son of
      *Ahmad*, and the query's family name are two names one word spells;
    * *skipped middle*: only the outer names align, and three or more names lie
      between them on one side ("MUHAMMAD AL-AHDAL" against "MOHAMMAD HAMDI
      MOHAMMAD SADIQ AL-AHDAL"): a first and a family name are shared by a whole
      family; one or two omitted middle names (a father's name) cost nothing
      here;
    * *parent of a branch*: the query, a registered name with its legal form,
      aligns whole with a listed registered name that adds only a place
      ("Banco Santander, S.A." against "Banco Santander Mexico, S.A."): the
      listed party is a national subsidiary, and the query its parent, another
      legal person. The other way round ("Deutsche Bank (Schweiz) AG" against
      "Deutsche Bank AG") the query is a branch of the listed party, owned by
      it, and nothing is said; nor when the query gives no legal form ("Bank
      Melli" against "BANK MELLI IRAN", whose country is part of its name);
    * *other consonant*: a word written in Arabic, Persian or Hebrew letters
      aligned with one whose consonants are the same but one, in the same
      place, and the two consonants do not spell one letter in any
      romanisation (:func:`thaw.match.consonants.other_consonant`: كمال
      *Kamal* against *Djamel*, ابوترابی *Aboutorabi* against *Aboutalebi*,
      الصباغ *al-Sabbagh* against *al-Sabban*; not ض as *d* or *z*, ج as
      the Egyptian *g*): another name, as a word in place of another is. A
      letter written on one side only is no such difference (a romanisation
      adds or drops it, and the lists' own Arabic has slips of the pen), but
      for two letters every romanisation writes: an *h* the script writes
      inside the word, which the Latin word leaves out (سهيل *Suhail*
      against *Saleh*), and the Persian letter پ, *p*, against a Latin word
      without one (پریا *Parya* against *Safar*); and a *d* the reading
      writes for د, which no romanisation writes *z* (الحمدي *al-Hamdi*
      against *al-Hamzi*; ض and ذ are *d* or *z*);
    * *other nisba*: a word written in Arabic or Persian letters aligned with
      a Latin one, one ending in the nisba *-awi* (ـاوي: *Hamidawi*,
      *Hamdaoui*) and the other in *-i* (ـي: الحمدي *al-Hamdi*)
      (:func:`thaw.match.consonants.other_nisba`): two family names, which
      the consonants alone, blind to *w* and *y*, take for one;
    * *other first letter*: two Latin words aligned that are both recorded
      given names and differ by their first letter, a consonant in place of
      another that does not spell the same sound or one put before the name,
      or two family names of one length made of given names with the nisba
      *-i*, one stem at least a recorded given name (*Jafari*, *Safari*)
      (:func:`thaw.match.first_letter.other_first_letter`: *Nasir* against
      *Yasir*, *Samer* against *Amer*; not *Osama*, *Usama*, nor *Yusuf*,
      *Jusuf*, nor pet names, *Bill*, *Will*): the first letter is the one
      people least often mistype, and two given names a letter apart there
      are two names, as a consonant of an abjad word is;
    * *other sex's given name*: a listed person's compound given name whose
      first word is left out and is recorded for the other sex than the query's
      given name aligned with its second (*José García* against GARCIA, María
      José; *María García* against GARCIA, José María:
      :func:`thaw.match.first_given.other_sex_first_given`): the first given
      name gives the person's sex, and the listed person is another;
    * *later given name only*: a listed person with two family names, of
      whom the query gives a later given name and the first family name, the
      first given name and the other family name left out (*José Mendoza*
      against 'Juan José MENDOZA JOVER', *María Gutiérrez* against 'Gladys
      María GUTIÉRREZ ALVARADO': :func:`thaw.match.first_given.later_given_only`):
      such a person is called by the first given name, so the query names
      another who shares two common words; not when the first is *María* or
      *José*, which people leave out (*Iris Varela* for 'María Iris VARELA
      RANGEL');
    * *common later given name only*: a listed person's first given name, no
      common name part, left out, and the query's given name one of the
      commonest (*Ali*, *Michael*) aligned with the listed second ("Ali
      Mousavi" against 'Safar Ali Mousavi', Persian صفرعلی one name;
      "Michael Brooks" against 'Lance Michael Brooks':
      :func:`thaw.match.first_given.common_given_only`): the listed person
      is called by the first given name, and the query names another who
      shares two words, one of them among the commonest; not a rarer second
      word, by which people may be known (*Boris Johnson*), nor a common
      first one, which people leave out (*Mohammad*, *José*);
    * *two common words*: a person's name of two words, both among the
      commonest name parts (*Hasan Ali*, *John Lopez*), written in Latin or
      an abjad, both aligned with a listed name of three words or more
      whose last, a full name word and no common one, the query leaves out
      ("Hasan Ali" against 'Hassan Bin-Ali Al-Turkmani', "John Lopez"
      against 'John L. Broussard'): two of the commonest words are the names
      of thousands, and the family name that makes the listed name one
      person's is not there (a father's name or a patronymic is no such
      word, nor is a kunya, *Abu Muhammad*, one name; a listed name that
      marks its family names, *FAMILY, Given* or in capitals, is read by the
      Iberian rules, which know which family name people leave out: *Jose
      Ferreira* for 'ORNELAS FERREIRA, Jose Adelino');
    * *different initials*: a person's name holds an initial that aligns
      with nothing, and the other name an initial or a name word that aligns
      with nothing either ("John A. Smith" against "John B. Smith" or "John
      Bernard Smith"): the middle names differ. The alignment already counts
      them as a substitution of a light word; this entry says so in the
      explanation and adds a little, so that the pair stays well below a
      strong match, while an agreeing date of birth can still lift it;
    * *substitution*: a full name word on each side is left unaligned, one name
      in place of another ("ABDUL GHANI BARADAR ABDUL HASIB TURK" against "...
      ABDUL AHMAD TURK"). The alignment's own substitution term weighs such a
      word against the whole name, so that in a name of five or six words it
      is diluted to almost nothing; this entry makes it count the same in any
      length. A word present on one side only (a middle name, a patronymic, an
      initial) is no substitution, nor is a Spanish speaker's second family
      name that the query leaves out as people do ("Miguel Ángel Treviño"
      against 'TREVIÑO MORALES, Miguel': :func:`thaw.match.iberian.left_out`).

    Only the first of these that applies is counted. Nothing otherwise; never
    positive."""

    name = "name_shape"
    weight = 1.0
    table = {
        "single_word": Magnitude(-3.0, "a one-word listed name leaving query name words aside"),
        "weak_part": Magnitude(
            -1.0, "a weak alias of one distinctive word, one of its other words left out"
        ),
        "common_short_name": Magnitude(
            -2.0, "a two-word listed name of common words inside a longer person's name"
        ),
        "one_word_respelt": Magnitude(
            -0.8, "an organisation's one distinctive word aligned only approximately"
        ),
        "generic_only": Magnitude(-3.0, "only generic words, legal forms or places aligned"),
        "generic_name": Magnitude(
            -2.5, "names of generic words only, a descriptive word of one side left unaligned"
        ),
        "other_mark": Magnitude(-3.0, "an aircraft's registration mark aligned only approximately"),
        "organisation_word": Magnitude(
            -3.0, "a vessel or aircraft against a query with an organisation's word left over"
        ),
        "translated_word": Magnitude(
            -3.0, "a vessel's or aircraft's generic word that the query writes translated"
        ),
        "nisba": Magnitude(
            -1.5,
            "a Latin name word, or an abjad one, aligned with itself plus -i (a nisba:"
            " another name)",
        ),
        "patronymic_s": Magnitude(
            -1.5, "a Latin given name aligned with itself plus -s (Williams: another name)"
        ),
        "abd_left": Magnitude(
            -1.5,
            "a name word aligned with the X of Abd al-X, the Abd left out or aligned with"
            " another Abd al-Y's (Karim: another name)",
        ),
        "other_gender": Magnitude(
            -2.5, "a name word aligned with its form of the other gender (Aleksandra, Aleksandr)"
        ),
        "lengthened_surname": Magnitude(
            -1.5,
            "a Slavic family name aligned with its stem lengthened by a syllable"
            " (Kamyshov, Kamyshanov)",
        ),
        "forebear": Magnitude(
            -1.0, "the query's first name is a later (a forebear's) name of an Arabic name"
        ),
        "one_approximate_word": Magnitude(
            -1.2, "a one-word query matched only by its consonants, its written vowels differing"
        ),
        "one_consonant_word": Magnitude(
            -0.2, "a one-word query matched by its consonants, the vowels it writes agreeing"
        ),
        "part_of_word": Magnitude(
            -1.0, "a Chinese or Korean word of several syllables aligned only in part"
        ),
        "other_syllable": Magnitude(
            -2.5, "a Chinese name's word in Latin letters aligned with other syllables"
        ),
        "crossed_family": Magnitude(
            -2.5, "a Chinese name's family name aligned with a listed given name, and crosswise"
        ),
        "part_of_hyphenated": Magnitude(
            -2.0, "a hyphenated name (a double-barrelled surname) aligned only in part"
        ),
        "part_of_name": Magnitude(
            -2.0, "two syllables of a Chinese or Korean name of three written apart"
        ),
        "family_as_own": Magnitude(
            -1.5,
            "the query's family name, written with the article, aligned with the listed"
            " person's own first name",
        ),
        "burmese_added": Magnitude(
            -1.5, "a Burmese name with a word added (no family name: another name)"
        ),
        "skipped_middle": Magnitude(
            -0.8, "three or more names between the aligned ones of a listed name left aside"
        ),
        "parent_of_branch": Magnitude(
            -2.0, "a registered name against the same name with a place added (a national branch)"
        ),
        "other_consonant": Magnitude(
            -0.7, "an abjad word aligned with a consonant in place of another: another name"
        ),
        "other_nisba": Magnitude(
            -1.5, "an abjad word in -i aligned with a Latin one in -awi, or the reverse"
        ),
        "other_first_letter": Magnitude(
            -0.7, "two given names aligned with another first consonant: another name"
        ),
        "other_sex_given": Magnitude(
            -2.5,
            "a listed compound given name's first word left out, of the other sex than the"
            " query's given name",
        ),
        "later_given_only": Magnitude(
            -1.5,
            "a listed later given name and one of two family names alone, the first given"
            " name left out",
        ),
        "common_given_only": Magnitude(
            -2,
            "a listed first given name left out, the query's common given name aligned with"
            " the listed second",
        ),
        "common_two_words": Magnitude(
            -1,
            "a person's name of two of the commonest words against a listed name with a"
            " further distinctive word",
        ),
        "different_initials": Magnitude(
            -0.3, "a person's initial on each side left unaligned: a different middle name"
        ),
        "substitution": Magnitude(
            -0.7, "a name word on each side left unaligned: one name in place of another"
        ),
    }

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        best = ctx.best
        if best is None or best.score <= 0:
            return NO_EVIDENCE
        qs = ctx.analyzed.informative
        rs = best.name.informative
        al = best.alignment
        if not al.pairs:
            return NO_EVIDENCE
        # generic only: no aligned pair involves a distinctive word on both sides
        distinctive = False
        for p in al.pairs:
            q_names = any(qs[i].role not in _FUNCTION_ROLES for i in p.query)
            r_names = any(rs[j].role not in _FUNCTION_ROLES for j in p.result)
            if q_names and r_names:
                distinctive = True
                break
        same = sorted(t.text for t in ctx.analyzed.tokens) == sorted(
            t.text for t in best.name.tokens
        )
        if not distinctive and not same:
            # ... while a distinctive word of one side is left unexplained (a name
            # written exactly as listed is never "only generic words", whatever
            # roles its words take: "Ocean Princess" is the vessel OCEAN PRINCESS)
            q_left = any(
                t.role not in _FUNCTION_ROLES and i not in al.query_used for i, t in enumerate(qs)
            )
            r_left = any(
                t.role not in _FUNCTION_ROLES and j not in al.result_used for j, t in enumerate(rs)
            )
            if q_left or r_left:
                value = m["generic_only"]
                return Evidence(
                    value, f"only generic words align ({value:+.1f})" if ctx.explain else ""
                )
            if _descriptive_left(qs, al.query_used) or _descriptive_left(rs, al.result_used):
                value = m["generic_name"]
                return Evidence(
                    value,
                    f"a name of generic words only, another description ({value:+.1f})"
                    if ctx.explain
                    else "",
                )
        body_word = _organisation_word(ctx.query.schema, ctx.entry.schema, qs, al.query_used)
        if body_word is not None:
            value = m["organisation_word"]
            return Evidence(
                value,
                f"{body_word.raw or body_word.text!r} says the query is an organisation, not a"
                f" {str(ctx.entry.schema).lower()} ({value:+.1f})"
                if ctx.explain
                else "",
            )
        translated = _translated_pair(ctx.query.schema, ctx.entry.schema, qs, rs, al)
        if translated is not None:
            value = m["translated_word"]
            q_token, r_token = translated
            return Evidence(
                value,
                f"{q_token.raw!r} translates the {str(ctx.entry.schema).lower()}'s"
                f" {r_token.raw!r}: a firm's name, not a registered one ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if (
            ctx.entry.schema == "Aircraft"
            and _REGISTRATION.fullmatch(best.name.original.strip())
            and any(p.sim < 1.0 for p in al.pairs)
        ):
            value = m["other_mark"]
            return Evidence(
                value,
                f"a registration mark written otherwise: another aircraft ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if (
            ctx.query.name.isascii()
            and best.name.original.isascii()
            and any(_nisba_pair(p, qs, rs) for p in al.pairs)
        ) or any(
            _abjad_nisba_pair(p, qs, rs)
            or _latin_nisba_pair(p, qs, rs, ctx.entry.schema == "Person")
            for p in al.pairs
        ):
            value = m["nisba"]
            return Evidence(
                value,
                f"a name aligned with its nisba (-i): another name ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if (
            ctx.entry.schema in _MAY_BE_PEOPLE
            and _personal(ctx.query.schema, qs)
            and ctx.query.name.isascii()
            and best.name.original.isascii()
            and any(_patronymic_s_pair(p, qs, rs) for p in al.pairs)
        ):
            value = m["patronymic_s"]
            return Evidence(
                value,
                f"a given name aligned with the family name it makes with -s: another name"
                f" ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if ctx.entry.schema in _MAY_BE_PEOPLE and _personal(ctx.query.schema, qs):
            gendered = _other_gender_pair(al, qs, rs, ctx.entry.gender, ctx.query.gender)
            if gendered is not None:
                return _word_pair(
                    m["other_gender"],
                    gendered,
                    ctx,
                    "{q} and {r} are one name's forms of either gender: another person",
                )
            lengthened = _lengthened_pair(al, qs, rs)
            if lengthened is not None:
                return _word_pair(
                    m["lengthened_surname"],
                    lengthened,
                    ctx,
                    "{q} and {r} are two family names, one the other's stem lengthened:"
                    " another person",
                )
        distinct = [
            j for j, t in enumerate(rs) if t.role not in _GENERIC_ROLES and t.role != "patronymic"
        ]
        if (
            len(distinct) == 1
            and len(qs) > 1
            and distinct[0] in al.result_used
            and _personal(ctx.query.schema, qs)
        ):
            left = [
                t
                for i, t in enumerate(qs)
                if i not in al.query_used
                and (t.role in ("name", "patronymic") or (i == 0 and t.role == "particle"))
                and len(t.raw) > 1
            ]
            if left:
                value = m["single_word"]
                note = ""
                if ctx.explain:
                    word = rs[distinct[0]].raw or rs[distinct[0]].text
                    note = (
                        f"the one-word name {word!r} leaves "
                        f"{' '.join(t.raw or t.text for t in left)!r} unexplained ({value:+.1f})"
                    )
                return Evidence(value, note)
        if (
            best.kind == "weak"
            and len(distinct) == 1
            and distinct[0] in al.result_used
            and len(al.result_used) < len(rs)
        ):
            value = m["weak_part"]
            return Evidence(
                value,
                f"part of the weak alias {best.name.original!r}, one common word ({value:+.1f})"
                if ctx.explain
                else "",
            )
        left_word = _common_short_name(qs, rs, al) if _personal(ctx.query.schema, qs) else None
        if left_word is not None:
            value = m["common_short_name"]
            return Evidence(
                value,
                f"the short listed name {best.name.original!r} of common words leaves"
                f" {left_word.raw or left_word.text!r} unexplained ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if _abd_left(al, qs, rs):
            value = m["abd_left"]
            return Evidence(
                value,
                f"a name aligned with the second half of Abd al-X, its Abd left out or"
                f" another's: another name ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if (
            ctx.entry.schema not in _PERSONS
            and _one_word_respelt(qs, rs, al)
            and _in_latin(ctx.query.name)
            and _in_latin(best.name.original)
        ):
            value = m["one_word_respelt"]
            return Evidence(
                value,
                f"a company's one distinctive word spelt otherwise ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if (
            _part_of_word(ctx.analyzed, al.query_used)
            or _part_of_word(best.name, al.result_used)
            or _part_of_reading(ctx.query.name, ctx.analyzed, al.query_used)
        ):
            value = m["part_of_word"]
            return Evidence(
                value,
                f"a word in Chinese or Korean characters aligns only in part ({value:+.1f})"
                if ctx.explain
                else "",
            )
        other = other_syllable_pair(ctx.query.name, ctx.analyzed, best.name, al)
        if other is not None:
            value = m["other_syllable"]
            return Evidence(
                value,
                f"{other[0]!r} and {other[1]!r} spell other Chinese syllables: another name"
                f" ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if crossed_family(ctx.query.name, ctx.analyzed, best.name, al):
            value = m["crossed_family"]
            return Evidence(
                value,
                f"the family name aligns with a listed given name, and the listed family name"
                f" with a given name: another name ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if _part_of_hyphenated(ctx.analyzed, al.query_used) or _part_of_hyphenated(
            best.name, al.result_used
        ):
            value = m["part_of_hyphenated"]
            return Evidence(
                value,
                f"a hyphenated name aligns only in part ({value:+.1f})" if ctx.explain else "",
            )
        if part_of_name(ctx.analyzed, best.name, al):
            value = m["part_of_name"]
            return Evidence(
                value,
                f"two syllables of a Chinese or Korean name of three align, the third is left"
                f" over: another name ({value:+.1f})"
                if ctx.explain
                else "",
            )
        personal = _personal(ctx.query.schema, qs)
        added = (
            burmese_added(qs, rs, al, (*ctx.query.countries, *listed_countries(ctx.entry)))
            if personal and ctx.entry.schema in _MAY_BE_PEOPLE
            else None
        )
        if added is not None:
            value = m["burmese_added"]
            return Evidence(
                value,
                f"a Burmese name has no family name: {added.raw or added.text!r} added makes"
                f" another name ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if personal and (
            _skipped_middle(rs, al.result_used) >= 3 or _skipped_middle(qs, al.query_used) >= 3
        ):
            value = m["skipped_middle"]
            return Evidence(
                value,
                f"only the outer names align, three or more names between them are left"
                f" aside ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if not personal and ctx.entry.schema not in _PERSONS and _branch_of(qs, rs, al):
            value = m["parent_of_branch"]
            return Evidence(
                value,
                f"the listed name adds a place to the registered name: a national branch"
                f" ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if (
            len(rs) > 2
            and rs[0].abjad
            and rs[0].role == "name"
            and 0 not in al.result_used
            and len(qs) > 1
        ):
            first = next((p for p in al.pairs if 0 in p.query), None)
            if first is not None and min(first.result) > 0:
                # (a compound given name the script joins and reading splits,
                # صفرعلی *Safar Ali*, its common second word aligned: another
                # person, as common_given_only says of the Latin name)
                if personal and ctx.entry.schema in _MAY_BE_PEOPLE:
                    common = common_given_only(qs, best.name, al)
                    if common is not None:
                        return _word_pair(m["common_given_only"], common, ctx, _COMMON_GIVEN_SAYS)
                value = m["forebear"]
                note = ""
                if ctx.explain:
                    own = rs[0].raw or rs[0].text
                    note = (
                        f"the query's first name is a forebear's name in the listed name,"
                        f" whose own name {own!r} is missing ({value:+.1f})"
                    )
                return Evidence(value, note)
        if len(qs) == 1 and all(p.how == "abjad" for p in al.pairs):
            if all(_vowels_agree(p, qs, rs) for p in al.pairs):
                value = m["one_consonant_word"]
                note = (
                    f"a single word matched by its consonants, its written vowels agreeing"
                    f" ({value:+.1f})"
                )
            else:
                value = m["one_approximate_word"]
                note = f"a single word matched only approximately ({value:+.1f})"
            return Evidence(value, note if ctx.explain else "")
        consonant = _single_pair(al, qs, rs, other_consonant) or _written_letter_pair(
            al, qs, rs, ctx.query.name, best.name.original
        )
        if consonant is not None:
            return _word_pair(
                m["other_consonant"],
                consonant,
                ctx,
                "{q} and {r} differ in a consonant: another name",
            )
        nisba = _single_pair(al, qs, rs, other_nisba, approximate=False)
        if nisba is not None:
            return _word_pair(
                m["other_nisba"], nisba, ctx, "{q} and {r} are the nisbas -i and -awi"
            )
        lettered = _single_pair(al, qs, rs, other_first_letter)
        if lettered is not None:
            return _word_pair(
                m["other_first_letter"],
                lettered,
                ctx,
                "{q} and {r} are two given names, their first letters apart: another name",
            )
        sexes = other_sex_first_given(qs, best.name, al, ctx.entry.gender) if personal else None
        if sexes is not None:
            return _word_pair(
                m["other_sex_given"],
                sexes,
                ctx,
                "the listed first given name {r} left out, of the other sex than {q}:"
                " another person",
            )
        later = later_given_only(best.name, al) if personal else None
        if later is not None:
            return _word_pair(
                m["later_given_only"],
                later,
                ctx,
                "{q}, a later given name, and one family name, the first given name {r}"
                " and another family name left out: another person",
            )
        # (the three below: a person's name against a listing that may be a person's)
        a_person = personal and ctx.entry.schema in _MAY_BE_PEOPLE
        crossed = _family_as_own(ctx, best.name, al) if a_person else None
        if crossed is not None:
            return _word_pair(
                m["family_as_own"],
                crossed,
                ctx,
                "{q}, written with the article, is a family name, and {r} the listed"
                " person's own first name: another person",
            )
        common = common_given_only(qs, best.name, al) if a_person else None
        if common is not None:
            return _word_pair(m["common_given_only"], common, ctx, _COMMON_GIVEN_SAYS)
        spare = _common_two_words(qs, best.name, al) if a_person else None
        if spare is not None:
            value = m["common_two_words"]
            return Evidence(
                value,
                f"two of the commonest name words, the listed {spare.raw or spare.text!r} left"
                f" out ({value:+.1f})"
                if ctx.explain
                else "",
            )
        if personal:
            initials = _different_initials(qs, al.query_used, rs, al.result_used)
            if initials is not None:
                value = m["different_initials"]
                note = ""
                if ctx.explain:
                    q_word, r_word = (t.raw.upper() if len(t.raw) == 1 else t.raw for t in initials)
                    note = f"middle names differ: {q_word!r} against {r_word!r} ({value:+.1f})"
                return Evidence(value, note)
        q_other = _unaligned_name(qs, al.query_used)
        if q_other is not None:
            r_other = _unaligned_name(rs, _surnames_used(ctx, best))
            if r_other is not None:
                value = m["substitution"]
                note = ""
                if ctx.explain:
                    note = (
                        f"{q_other.raw or q_other.text!r} in place of"
                        f" {r_other.raw or r_other.text!r} ({value:+.1f})"
                    )
                return Evidence(value, note)
        return NO_EVIDENCE

    def ceiling(self, query: Query, m: Values) -> float:
        return 0.0


def _common_short_name(qs: tuple[Token, ...], rs: tuple[Token, ...], al: Alignment) -> Token | None:
    """The query's full name word left unexplained when the listed name is two
    name words, both aligned, one of them at least a common name part (weight
    below one), and the query has such a word left before its last aligned
    word, or anywhere when the two listed words align in the other order (see
    :class:`NameShapeFeature`, *common short name*); ``None`` otherwise."""
    q_used = al.query_used
    if len(rs) != 2 or len(qs) < 3 or len(al.result_used) != 2 or not q_used:
        return None
    if not all(t.role == "name" for t in rs) or all(t.weight >= 1.0 for t in rs):
        return None
    starts = sorted((min(p.query), min(p.result)) for p in al.pairs)
    in_order = all(a[1] < b[1] for a, b in zip(starts, starts[1:], strict=False))
    last = max(q_used) if in_order else len(qs)
    aligned = {qs[i].text for i in q_used}
    for i, t in enumerate(qs[:last]):
        if (
            i not in q_used
            and t.role == "name"
            and len(t.raw) > 1
            and not t.optional
            and t.text not in aligned
        ):
            return t
    return None


#: The first words of a kunya (*Abu Muhammad*, *Umm Ali*: father or mother of),
#: which with the name after it is one name, not two common words.
_KUNYA: Final = frozenset({"abu", "abou", "um", "umm"})


def _common_two_words(qs: tuple[Token, ...], listed: AnalyzedName, al: Alignment) -> Token | None:
    """The listed family name left out when the query is two name words,
    both common name parts (weight below one) and aligned, neither a Chinese
    or Korean syllable, and the listed name, three words or more that mark
    no family name (no *FAMILY, Given*, no family name in capitals: those
    the Iberian rules read, :func:`thaw.match.iberian.left_out`), ends in a
    name word of full weight that no pair aligns, neither optional (a
    patronymic) nor a father's name after *bin* (see
    :class:`NameShapeFeature`, *two common words*); ``None`` otherwise."""
    rs = listed.informative
    if len(qs) != 2 or al.query_used != {0, 1}:
        return None
    for t in qs:
        if t.role != "name" or t.weight >= 1.0 or t.script_form or len(t.raw) < 2:
            return None
    if qs[0].raw in _KUNYA:
        return None  # (*Abu Muhammad*: a kunya, a name of its own, not two words)
    if len(rs) < 3 or family_words(listed.original) is not None:
        return None  # (a marked family name: the iberian rules say which is left out)
    t = rs[-1]
    if (
        len(rs) - 1 not in al.result_used
        and t.role == "name"
        and t.weight >= 1.0
        and not t.optional
        and not t.after_bin
        and len(t.raw) > 1
    ):
        return t
    return None


def _one_word_respelt(qs: tuple[Token, ...], rs: tuple[Token, ...], al: Alignment) -> bool:
    """Whether the query and the listed name each have one distinctive word
    and the two are aligned only approximately, by a fuzzy edit below
    :data:`_RESPELT_SIM` (see :class:`NameShapeFeature`, *one word respelt*)."""
    q_names = [i for i, t in enumerate(qs) if t.role not in _FUNCTION_ROLES]
    r_names = [j for j, t in enumerate(rs) if t.role not in _FUNCTION_ROLES]
    if len(q_names) != 1 or len(r_names) != 1:
        return False
    if not any(
        p.query == (q_names[0],)
        and p.result == (r_names[0],)
        and p.how == "fuzzy"
        and p.sim < _RESPELT_SIM
        for p in al.pairs
    ):
        return False
    a, b = qs[q_names[0]].text, rs[r_names[0]].text
    return len(a) == len(b) and skeleton(a) != skeleton(b) and OSA.distance(a, b) >= 2


@lru_cache(maxsize=16384)
def _in_latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin one (accented or not): a
    name as written, not read from another script (whose readings are only
    ever approximate)."""
    return all(
        ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha()
    )


#: The similarity below which one word aligned with another by a fuzzy edit may
#: be another word, not the same one spelt otherwise (``z`` for ``s``, ``ia``
#: for ``ya`` stay above it). It is another word when its consonants differ,
#: two letters or more are changed or swapped in place and its length is kept
#: (*Petrobras*, *Petropars*): a vowel written otherwise (*Qaeda*, *Qa'ida*),
#: or a letter dropped or added (*Chevon*, *Chevron*; a reading of another
#: script, which adds vowels and final consonants: 가스프롬방크 *gasprombangk*,
#: *Gazprombank*) is as often a typing error or a transcription.
_RESPELT_SIM: Final = 0.8


#: Vowel letters by the vowel they write (``y`` and ``w`` write *i* and *u*
#: after the first letter of a reading of Arabic, Persian or Hebrew script: the
#: long vowels ی and و; Latin *e* and *o* are heard as those vowels).
_VOWEL_OF: Final = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u", "w": "u"}


def _written_vowels(word: str) -> str:
    """The vowels ``word`` writes, each as ``a``, ``i`` or ``u`` (a first ``y``
    or ``w`` is a consonant)."""
    return "".join(
        _VOWEL_OF[ch] for k, ch in enumerate(word) if ch in _VOWEL_OF and (k or ch not in "yw")
    )


def _vowels_agree(pair: AlignedPair, qs: tuple[Token, ...], rs: tuple[Token, ...]) -> bool:
    """Whether, in a pair aligned by consonants, the vowels written by the side
    read from a consonantal script appear in order among the other side's vowels
    (*papyan* against *Papian*, not *slymany* against *Salman*)."""
    tokens = [qs[i] for i in pair.query] + [rs[j] for j in pair.result]
    reading = "".join(t.raw for t in tokens if t.abjad)
    other = "".join(t.raw for t in tokens if not t.abjad)
    if not reading or not other:
        return False
    vowels = iter(_written_vowels(other))
    return all(v in vowels for v in _written_vowels(reading))


def _unaligned_initial(tokens: tuple[Token, ...], used: set[int]) -> Token | None:
    """The first initial of ``tokens`` left out of the ``used`` positions."""
    for i, t in enumerate(tokens):
        if i not in used and t.role == "initial":
            return t
    return None


def _different_initials(
    qs: tuple[Token, ...], q_used: set[int], rs: tuple[Token, ...], r_used: set[int]
) -> tuple[Token, Token] | None:
    """An initial left unaligned on one side and, on the other, an initial or a
    full name word left unaligned (query's first): two different middle names,
    one of them or both written as an initial ("John A. Smith" against "John B.
    Smith" or "John Bernard Smith")."""
    q_initial = _unaligned_initial(qs, q_used)
    r_initial = _unaligned_initial(rs, r_used)
    if q_initial is not None:
        other = r_initial or _unaligned_name(rs, r_used)
        if other is not None and other.raw[:1] != q_initial.raw:
            return q_initial, other
    if r_initial is not None:
        other = _unaligned_name(qs, q_used)
        if other is not None and other.raw[:1] != r_initial.raw:
            return other, r_initial
    return None


def _surnames_note(ctx: Context) -> str:
    """What the name's explanation adds when a Spanish or Portuguese name's
    family names were scored as people use them (:mod:`thaw.match.iberian`):
    empty otherwise."""
    best = ctx.best
    if best is None or ctx.entry.schema != "Person":
        return ""
    omitted, replaced = left_out(
        ctx.analyzed, best.name, best.alignment, ctx.entry.countries, ctx.entry.birth_countries
    )
    rs = best.name.informative
    if omitted:
        words = ", ".join(repr(rs[j].raw or rs[j].text) for j in sorted(omitted))
        return f" ({words}: a family name left out as people leave it out)"
    if replaced < 0:
        return ""
    word = rs[replaced].raw or rs[replaced].text
    if rs[replaced].raw in (family_words(best.name.original) or ()):
        return f" ({word!r}, the family name that is used, missing: another person's name)"
    return (
        f" ({word!r}, the given name, missing, and the query's given name a family name"
        " of the listing: another person's name)"
    )


def _surnames_used(ctx: Context, best: BestName) -> set[int]:
    """The listed positions the alignment ``best`` used, and the family names a
    Spanish or Portuguese name leaves out as people leave them out
    (:func:`thaw.match.iberian.left_out`), which stand in for no word of the
    query."""
    al = best.alignment
    if ctx.entry.schema != "Person":
        return al.result_used
    omitted, _replaced = left_out(
        ctx.analyzed, best.name, al, ctx.entry.countries, ctx.entry.birth_countries
    )
    return al.result_used | omitted if omitted else al.result_used


def _unaligned_name(tokens: tuple[Token, ...], used: set[int]) -> Token | None:
    """The first full name word of ``tokens`` (not an initial, a patronymic or a
    low-weight word such as *Abd* or *Din*) left out of the ``used`` positions."""
    for i, t in enumerate(tokens):
        if (
            i not in used
            and t.role == "name"
            and t.weight >= 0.5
            and len(t.raw) > 1
            and not t.optional
        ):
            return t
    return None


def _skipped_middle(tokens: tuple[Token, ...], used: set[int]) -> int:
    """How many name words of ``tokens`` lie between the first and the last of the
    ``used`` positions without being used themselves."""
    if len(used) < 2:
        return 0
    first, last = min(used), max(used)
    return sum(1 for j in range(first + 1, last) if j not in used and tokens[j].role == "name")


#: Token roles a listed name may add to a registered name and still name a
#: branch of it (a place, and the branch's own legal form).
_BRANCH_EXTRA = frozenset({"location", "legal_form", "stop"})


def _branch_of(qs: tuple[Token, ...], rs: tuple[Token, ...], al: Alignment) -> bool:
    """Whether the query, a registered name (with a legal form), aligns whole with
    a listed registered name that adds a place ("Banco Santander, S.A." against
    "Banco Santander Mexico, S.A."): the listed party is a national branch or
    subsidiary, and the query its parent, another legal person. (The other way
    round, "Deutsche Bank (Schweiz) AG" against "Deutsche Bank AG", the query is
    a branch of the listed party, which screening must report.)"""
    if not any(t.role == "legal_form" for t in qs) or not any(t.role == "legal_form" for t in rs):
        return False
    if any(
        i not in al.query_used and t.role not in ("legal_form", "stop") for i, t in enumerate(qs)
    ):
        return False
    left = [t for j, t in enumerate(rs) if j not in al.result_used]
    return any(t.role == "location" for t in left) and all(t.role in _BRANCH_EXTRA for t in left)


def _nisba_pair(pair: AlignedPair, qs: tuple[Token, ...], rs: tuple[Token, ...]) -> bool:
    """Whether ``pair`` joins one word with the same word (four letters or more,
    ending in a consonant) plus *-i* or *-y*, or one ending in *a* plus the
    Persian *-i* or *-ei* (*Reza*, *Rezai*, *Rezaei*; *Mirza*, *Mirzaei*)
    (see :class:`NameShapeFeature`)."""
    if pair.how != "fuzzy" or len(pair.query) != 1 or len(pair.result) != 1:
        return False
    a, b = qs[pair.query[0]].text, rs[pair.result[0]].text
    if len(a) < len(b):
        a, b = b, a
    if len(b) >= 4 and b[-1] == "a" and a in (b + "i", b + "ei"):
        return True
    if not (len(a) == len(b) + 1 and len(b) >= 4 and a[-1] in "iy" and b[-1] not in "aeiouy"):
        return False
    # the stem as written, or with its vowels written otherwise (*Ahmadi*, *Ahmed*)
    stem = a[:-1]
    return stem == b or (stem[0] == b[0] and stem[-1] == b[-1] and skeleton(stem) == skeleton(b))


def _abjad_nisba_pair(pair: AlignedPair, qs: tuple[Token, ...], rs: tuple[Token, ...]) -> bool:
    """Whether ``pair`` joins two words both read from an abjad of consonants,
    one the other with a final ``y`` (ی, ي) written after a consonant
    (محمدی *mhmdy* and محمد *mhmd*): the nisba, which these scripts write
    as a letter (see :class:`NameShapeFeature`)."""
    if len(pair.query) != 1 or len(pair.result) != 1:
        return False
    q, r = qs[pair.query[0]], rs[pair.result[0]]
    if not (q.abjad and r.abjad and consonantal(q.raw) and consonantal(r.raw)):
        return False
    a, b = (q.raw, r.raw) if len(q.raw) > len(r.raw) else (r.raw, q.raw)
    return len(b) >= 3 and a == b + "y" and b[-1] not in "awy"


def _latin_nisba_pair(
    pair: AlignedPair, qs: tuple[Token, ...], rs: tuple[Token, ...], person: bool
) -> bool:
    """Whether ``pair`` joins a Latin word ending in the nisba *-i* or *-y*
    (:func:`thaw.match.consonants.latin_nisba`: *Rezaei*, *Hosseini*) with a
    word read from an abjad of consonants that writes no final ``y`` (ي, ی)
    nor an alif maqsura (ى, read ``ya``, which Egyptian spelling writes for a
    final ي: مهدى *Mahdi*): رضا *Reza*, حسين *Hossein*. These scripts write
    the nisba as a letter, so the listed word is the name the Latin one is
    made from, another name (see :class:`NameShapeFeature`, *nisba*). The
    reverse too, a ي written after a consonant against a Latin word that ends
    in a consonant (محمدی *Mohammadi* against *Mohammad*, صیادی *Sayyadi*
    against *Said*): the Latin word writes no final vowel at all, so not the
    suffix the script writes; but not against one that ends in a vowel, for
    Persian writes the final *a* of موسی *Musa* and مصطفی *Mustafa* with ی.
    That reverse only for a listed ``person``: in a firm's name the nisba is
    the adjective of a place the listing names (البنك المركزي الإيراني, the
    Iranian central bank, against *BANK MARKAZI IRAN*)."""
    if len(pair.query) != 1 or len(pair.result) != 1:
        return False
    q, r = qs[pair.query[0]], rs[pair.result[0]]
    if q.abjad == r.abjad:
        return False
    a, latin = (q, r) if q.abjad else (r, q)
    if not consonantal(a.raw) or a.raw.endswith("ya"):
        return False
    if a.raw.endswith("y"):
        return (
            person
            and len(a.raw) >= 4
            and a.raw[-2] not in "awy"
            and latin.raw.isalpha()
            and latin.raw.isascii()
            and latin.raw[-1] not in "aeiouy"
        )
    return latin_nisba(latin.raw) is not None


def _abd_left(al: Alignment, qs: tuple[Token, ...], rs: tuple[Token, ...]) -> bool:
    """Whether a name word of one side aligns with the word after an *abd*
    of the other (*Abd al-Karim*, split so by analysis), and follows no
    *abd* itself, that *abd* left unaligned, or the query's aligned with a
    listed *abd* of another compound (:func:`_abd_of_another`) (see
    :class:`NameShapeFeature`, *Abd left out*): *Karim* is not *Abd
    al-Karim*, and *Abd al-Ali* not *Abd al-Karim* beside an *Ali*."""
    for pair in al.pairs:
        if len(pair.query) != 1 or len(pair.result) != 1:
            continue
        i, j = pair.query[0], pair.result[0]
        q_abd = i > 0 and qs[i - 1].raw == "abd"
        r_abd = j > 0 and rs[j - 1].raw == "abd"
        if q_abd == r_abd:
            continue
        if (q_abd and i - 1 not in al.query_used) or (r_abd and j - 1 not in al.result_used):
            return True
        if q_abd and _abd_of_another(al, i - 1, rs):
            return True
    return False


def _abd_of_another(al: Alignment, abd: int, rs: tuple[Token, ...]) -> bool:
    """Whether the query's *abd* at ``abd`` aligns with a listed *abd* whose
    own *X* the query leaves out (see :func:`_abd_left`): the query's *Abd
    al-Ali* against a listed *Abd al-Karim*, *Karim* unaligned. (A query that
    adds a word between a listed *Abd* and its *X*, a clan or a father's
    name, still writes the listed compound.)"""
    for other in al.pairs:
        if abd in other.query:
            return any(
                rs[k].raw == "abd" and k + 1 < len(rs) and k + 1 not in al.result_used
                for k in other.result
            )
    return False


def _patronymic_s_pair(pair: AlignedPair, qs: tuple[Token, ...], rs: tuple[Token, ...]) -> bool:
    """Whether ``pair`` joins two name words, one the other (four letters or
    more, ending in a consonant other than *s*) plus *-s* (see
    :class:`NameShapeFeature`, *patronymic -s*), by their letters or by a
    name symbol they share."""
    if pair.sim >= 1.0 or len(pair.query) != 1 or len(pair.result) != 1:
        return False
    q, r = qs[pair.query[0]], rs[pair.result[0]]
    if q.role != "name" or r.role != "name":
        return False
    a, b = q.text, r.text
    if len(a) < len(b):
        a, b = b, a
    return len(b) >= 4 and a == b + "s" and b[-1] not in "aeiouys"


def _word_pair(value: float, pair: tuple[Token, Token], ctx: Context, says: str) -> Evidence:
    """Evidence of ``value`` about a pair of words, the query's and the listed
    one: when explaining, ``says`` with ``{q}`` and ``{r}`` replaced by the two
    words as the names write them (:func:`thaw.match.written.as_written`:
    'كمال', not its reading *kmal*), then the value."""
    if not ctx.explain:
        return Evidence(value, "")
    listed = ctx.best.name.original if ctx.best is not None else ""
    q_word, r_word = as_written(pair[0], ctx.query.name), as_written(pair[1], listed)
    return Evidence(value, f"{says.format(q=repr(q_word), r=repr(r_word))} ({value:+.1f})")


def _single_pair(
    al: Alignment,
    qs: tuple[Token, ...],
    rs: tuple[Token, ...],
    differ: Callable[[Token, Token], bool],
    approximate: bool = True,
) -> tuple[Token, Token] | None:
    """The first aligned pair of single words, the query's word first, that
    ``differ`` says are two names (:func:`thaw.match.consonants.other_consonant`,
    :func:`~thaw.match.consonants.other_nisba`,
    :func:`thaw.match.first_letter.other_first_letter`); only the pairs aligned
    approximately (by their consonants or letter by letter) when
    ``approximate``. ``None`` when there is none."""
    for p in al.pairs:
        if len(p.query) == 1 and len(p.result) == 1:
            if approximate and p.how not in ("abjad", "fuzzy"):
                continue
            q, r = qs[p.query[0]], rs[p.result[0]]
            if differ(q, r):
                return q, r
    return None


def _with_article(token: Token, name: AnalyzedName) -> bool:
    """Whether ``token`` of ``name`` is written with the Arabic article: after
    an *al-*, *el-* of the name's words (*Ahmad al-Hamdi*), joined to it
    (*Alhamdi*), or in the Arabic script (الحمدي, its article dropped by the
    reading)."""
    tokens = name.tokens
    at = next((i for i, t in enumerate(tokens) if t is token), None)
    if at is None:
        return False
    if at > 0 and tokens[at - 1].text in vocab.ARTICLES:
        return True
    if token.abjad:
        return as_written(token, name.original).startswith("\u0627\u0644")  # ال
    joined = {f"{article}{token.raw}" for article in ("al", "el")}
    return any(word.strip(".,;:()").lower() in joined for word in name.original.split())


def _family_as_own(ctx: Context, listed: AnalyzedName, al: Alignment) -> tuple[Token, Token] | None:
    """The query's word and the listed person's own name, when a word of the
    query that is not its first, written with the Arabic article
    (:func:`_with_article`: a family or tribal name, a nisba), aligns with
    the listed person's first given name written without the article: the
    first word of a name written given names first (not in capitals before
    words that are not), or the first after the comma of "FAMILY, Given"
    ("أحمد الحمدي", *Ahmad al-Hamdi*, against 'Hamdi Ahmad Farag' and
    'FARAG, Hamdi Ahmad', *Hamdi* son of *Ahmad*); ``None`` otherwise. A
    family name is not a given name, though one word spells both."""
    qs, rs = ctx.analyzed.informative, listed.informative
    if len(rs) < 2 or len(qs) < 2:
        return None
    written = listed.original.split()
    if "," not in listed.original and written[0].isupper():
        if not all(w.isupper() for w in written):
            return None  # ('HAMDI Ahmad': the family name first, in capitals)
    family = family_words(listed.original) or frozenset()
    own = next((j for j, t in enumerate(rs) if t.role == "name" and t.raw not in family), None)
    if own is None or own == len(rs) - 1:
        return None
    at = next((i for i, t in enumerate(listed.tokens) if t is rs[own]), 0)
    if at > 0 and listed.tokens[at - 1].text in vocab.ARTICLES:
        return None  # (the listed word is written with the article too)
    pair = next((p for p in al.pairs if p.result == (own,)), None)
    if pair is None or len(pair.query) != 1 or pair.query[0] == 0:
        return None
    q = qs[pair.query[0]]
    if q.role != "name" or not _with_article(q, ctx.analyzed):
        return None
    return q, rs[own]


#: What name_shape says of *common given name only* (:func:`common_given_only`).
_COMMON_GIVEN_SAYS: Final = (
    "{q}, a common name, is the listed second given name, the first {r} left out: another person"
)


def _written_letter_pair(
    al: Alignment, qs: tuple[Token, ...], rs: tuple[Token, ...], query: str, listed: str
) -> tuple[Token, Token] | None:
    """The first pair of single words aligned by their consonants, the query's
    first, of which one is written with a letter that the other, a Latin word,
    spells with no letter of its own: the Persian پ, which it leaves unwritten
    (:func:`thaw.match.consonants.pe_unwritten`: پریا *Parya* against
    *Safar*), or a د it writes *z* (:func:`~thaw.match.consonants.dal_as_z`:
    الحمدي *al-Hamdi* against *al-Hamzi*); ``None`` when there is none.
    ``query`` and ``listed`` are the two names as written, which the readings
    (*p* for پ and the Hebrew פ alike, *d* for د and ض) do not tell apart."""

    def differ(q: Token, r: Token) -> bool:
        if q.abjad == r.abjad:
            return False
        a, name, latin = (q, query, r) if q.abjad else (r, listed, q)
        written = as_written(a, name)
        return pe_unwritten(written, a.raw, latin.raw) or dal_as_z(written, a.raw, latin.raw)

    return _single_pair(al, qs, rs, differ)


def _organisation_word(
    schema: str | None, listed: str | None, tokens: tuple[Token, ...], used: set[int]
) -> Token | None:
    """The word of a query of no stated kind that says it is an organisation, a
    legal form or a word of :data:`_BODY_WORDS` (*LLC*, *Bank*, *Company*) the
    alignment left out, when the ``listed`` kind is a vessel or aircraft ("Zenith Bank" against
    the vessel ZENITH): a row with such a word describes an organisation, as one
    with a gender or birth date describes a person (a query said to be an
    organisation meets the ``schema`` conflict instead); ``None`` otherwise."""
    if listed not in _THINGS or schema not in (None, "LegalEntity"):
        return None
    return next(
        (
            t
            for i, t in enumerate(tokens)
            if i not in used
            and (t.role == "legal_form" or (t.role == "generic" and t.text in _BODY_WORDS))
        ),
        None,
    )


#: The fewest edits between two written words of one meaning for the one to be a
#: translation or synonym of the other rather than its spelling (*Energia*,
#: *Energy*: two; *Energiya*, *Energia*: one).
_TRANSLATION_EDITS: Final = 2


def _translated_pair(
    schema: str | None,
    listed: str | None,
    qs: tuple[Token, ...],
    rs: tuple[Token, ...],
    al: Alignment,
) -> tuple[Token, Token] | None:
    """The first aligned pair of single generic words, query's first, that the
    vocabulary makes one word (:mod:`thaw.text.vocab`) but that are written
    :data:`_TRANSLATION_EDITS` edits apart or more, neither the other with an
    ending added (*Line*, *Lines*), when the ``listed`` kind is a vessel or
    aircraft and the query states no kind (see :class:`NameShapeFeature`,
    *translated word*); ``None`` otherwise."""
    if listed not in _THINGS or schema not in (None, "LegalEntity"):
        return None
    for p in al.pairs:
        if len(p.query) != 1 or len(p.result) != 1:
            continue
        q, r = qs[p.query[0]], rs[p.result[0]]
        if q.role != "generic" or r.role != "generic" or q.text != r.text:
            continue
        a, b = q.raw, r.raw
        if a.startswith(b) or b.startswith(a):
            continue
        if OSA.distance(a, b) >= _TRANSLATION_EDITS:
            return q, r
    return None


def _other_gender_pair(
    al: Alignment,
    qs: tuple[Token, ...],
    rs: tuple[Token, ...],
    listed: str | None,
    stated: str | None = None,
) -> tuple[Token, Token] | None:
    """The first aligned pair of single name words that are one name in its
    masculine and its feminine form (:func:`thaw.match.gender.other_gender`),
    or, the query's gender ``stated``, whose query word is the form of that
    gender of the listed one (:func:`thaw.match.gender.stated_other_form`),
    query's word first; ``None`` when there is none. Not a pair whose query
    word has the ``listed`` gender the listing states: the listing writes a
    woman's name in its masculine form (or a man's in its feminine), and the
    query the person's own."""
    sex = {"f": "female", "m": "male"}.get((stated or "").strip().lower()[:1])
    for p in al.pairs:
        if len(p.query) == 1 and len(p.result) == 1:
            q, r = qs[p.query[0]], rs[p.result[0]]
            gender = other_gender(q, r)
            if gender is None and stated_other_form(q, r, sex):
                gender = sex
            if gender is not None and gender != listed:
                return q, r
    return None


def _lengthened_pair(
    al: Alignment, qs: tuple[Token, ...], rs: tuple[Token, ...]
) -> tuple[Token, Token] | None:
    """The first aligned pair of single name words that are two Slavic family
    names, one the other's stem lengthened by a syllable
    (:func:`thaw.match.surnames.lengthened_surname`), query's word first;
    ``None`` when there is none."""
    for p in al.pairs:
        if len(p.query) == 1 and len(p.result) == 1:
            q, r = qs[p.query[0]], rs[p.result[0]]
            if lengthened_surname(q, r):
                return q, r
    return None


def _descriptive_left(tokens: tuple[Token, ...], used: set[int]) -> bool:
    """Whether a generic word of ``tokens`` that says what the party does
    (*trading*, *logistics*, *general*; not a kind of body, :data:`_KIND_WORDS`)
    is not among the ``used`` positions, nor written again at one that is (the
    second *bank* of "Bank of Russia, Central Bank")."""
    aligned = {tokens[i].text for i in used}
    return any(
        t.role == "generic"
        and t.text not in _KIND_WORDS
        and i not in used
        and t.text not in aligned
        for i, t in enumerate(tokens)
    )


def _part_of_hyphenated(name: AnalyzedName, used: set[int]) -> bool:
    """Whether a hyphenated word of ``name`` made of two or more name words
    ("PRIDMORE-SMITH", "Jean-Pierre", "Myong-guk") has some of them among the
    ``used`` token positions and some not: half of a double-barrelled surname
    or of a compound given name is another name ("John Smith" is not "JOHN B.
    PRIDMORE-SMITH")."""
    if "-" not in name.original:
        return False
    tokens = name.informative
    for word in _hyphenated_words(name.original, tuple(t.raw for t in tokens)):
        # the article joining the names of an Arabic compound ("Zia-ur-Rahman",
        # "Nasir-ud-Din") is no name of its own
        parts = [i for i in word if tokens[i].raw not in _CONNECTIVES]
        if len(parts) < 2 or not all(tokens[i].role == "name" for i in parts):
            continue
        n = sum(1 for i in parts if i in used)
        if 0 < n < len(parts):
            return True
    return False


#: The Arabic article as written inside hyphenated names (*al-*, *ud-*, and the
#: South Asian *ur-* of "Mati-ur-Rehman").
_CONNECTIVES: Final = vocab.ARTICLES | {"ur"}


def _fold_part(part: str) -> str:
    decomposed = unicodedata.normalize("NFKD", part.lower())
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


@lru_cache(maxsize=16384)
def _hyphenated_words(original: str, raws: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    """The hyphenated words of the name ``original``, each as the positions of
    its tokens (whose ASCII forms are ``raws``, in order). Tokens are found
    among the words' parts in order; when one is not (a name read from another
    script, or split differently), no word is reported."""
    parts: list[tuple[int, str]] = []
    hyphenated: set[int] = set()
    for w, word in enumerate(original.split()):
        pieces = word.split("-")
        if len(pieces) > 1:
            hyphenated.add(w)
        parts += [(w, _fold_part(p)) for p in pieces]
    if not hyphenated:
        return ()
    k = 0
    by_word: dict[int, list[int]] = {}
    for i, raw in enumerate(raws):
        while k < len(parts) and parts[k][1] != raw:
            k += 1
        if k == len(parts):
            return ()
        if parts[k][0] in hyphenated:
            by_word.setdefault(parts[k][0], []).append(i)
        k += 1
    return tuple(tuple(v) for v in by_word.values())


def _part_of_word(name: AnalyzedName, used: set[int]) -> bool:
    """Whether a word of ``name`` written in Chinese or Korean characters has some
    of its syllables among the ``used`` token positions and some not."""
    for word in _syllable_words(name):
        n = sum(1 for i in word if i in used)
        if 0 < n < len(word):
            return True
    return False


def _part_of_reading(written: str, reading: AnalyzedName, used: set[int]) -> bool:
    """Whether ``reading``, another reading of the query ``written`` as a
    Chinese name is (:func:`thaw.text.han_names.written_as_chinese`) with a
    word per character (陈秀和 *chen xiu hu*, a polyphone read otherwise), has
    some of its words among the ``used`` token positions and some not: such
    a reading is the name's syllables as much as the characters are (陈秀和
    is not *Ho Chun* by two of them)."""
    tokens = reading.informative
    name = written.strip()
    if len(tokens) != len(name) or any(t.script_form for t in tokens):
        return False
    if not written_as_chinese(name):
        return False
    n = sum(1 for i in range(len(tokens)) if i in used)
    return 0 < n < len(tokens)


def _syllable_words(name: AnalyzedName) -> tuple[tuple[int, ...], ...]:
    """The words of ``name`` written with two or more Chinese or Korean syllables,
    each as the positions of its syllables' tokens in ``name.informative``
    (none when the name has no such word)."""
    tokens = name.informative
    for t in tokens:
        if t.script_form:
            return _syllable_words_of(name.original, tuple(t.script_form for t in tokens))
    return ()


#: What separates the words of a name (spaces, and the middle dots between the
#: words of a foreign name written in Chinese characters: 贝拉克·奥巴马).
_WORDS: Final = re.compile(r"[\s·・‧]+")


@lru_cache(maxsize=16384)
def _syllable_words_of(original: str, forms: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    """:func:`_syllable_words` from the name as written and the original
    character of each token (empty for tokens read from other scripts). The
    syllable tokens follow the characters of the name in order; when they do not
    (a character left out), no word is reported."""
    syllables = [(i, f) for i, f in enumerate(forms) if f]
    k = 0
    words: list[tuple[int, ...]] = []
    for word in _WORDS.split(original):
        positions: list[int] = []
        for ch in word:
            if k < len(syllables) and syllables[k][1] == ch:
                positions.append(syllables[k][0])
                k += 1
        if len(positions) > 1:
            words.append(tuple(positions))
    if k != len(syllables):
        return ()
    return tuple(words)


@lru_cache(maxsize=65536)
def _date_parts(value: str) -> tuple[int, int | None, int | None] | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if m is None:
        return None
    return (
        int(m.group(1)),
        (int(m.group(2)) if m.group(2) else None),
        (int(m.group(3)) if m.group(3) else None),
    )


def _year_span(listed: str, dates: Sequence[str]) -> str:
    """A listed birth year as the span of consecutive years it was published in
    (``"1974 to 1976"``: a range), so that an explanation does not present one
    year of a span as the listed date; any other date as it is."""
    if len(listed) != 4 or not listed.isdigit():
        return listed
    years = {int(d) for d in dates if len(d) == 4 and d.isdigit()}
    low = high = int(listed)
    while low - 1 in years:
        low -= 1
    while high + 1 in years:
        high += 1
    return listed if low == high else f"{low} to {high}"


class BirthDateFeature(Feature):
    """**Date of birth.** Compared at the precision both sides share, best agreement
    over the listing's dates: the same day, the same month (one side giving no
    day), the same year (one side giving only the year) count for; the same year
    but a different month or day, and years apart, count against (one year apart
    weakly when a side gives only the year, which is often approximate; two full
    dates a year apart are simply different dates; five or more strongly:
    different people). Nothing when either side has no date. A year the listing
    publishes as an estimate ("circa 1975") stands for the years around it (1974
    to 1976, :data:`thaw.sources.common.APPROXIMATE_YEARS`): a year among them
    agrees as the same year does, and one beyond them is as far as from the year
    published, so that the estimate does not add the one-year allowance of a
    year alone on top (1973 is two years from circa 1975); a listed exact year
    is compared as before. A range counts as its years, and the explanation names
    the span (or the estimate), not one year of it. A person's listed name
    that reads as a Korean name (:func:`thaw.text.korean.reads_as_korean_name`)
    is shared by many people, as for a country
    (:class:`CountryFeature`): a date of birth that differs from its date, not
    only by a year alone that may be approximate, counts more strongly against
    (a Korean customer 김영철 born in 1949 and KIM Yong Chol born in 1950)."""

    name = "birth_date"
    weight = 1.0
    reads_name = False
    table = {
        "same_day": Magnitude(1.5, "the same date of birth (the most it gives)"),
        "same_month": Magnitude(0.8, "the same year and month, one side giving no day"),
        "same_year": Magnitude(0.5, "the same year, one side giving only the year"),
        "within_estimate": Magnitude(
            0.5, "within the years a listed estimate stands for ('circa 1975': 1974 to 1976)"
        ),
        "same_year_differs": Magnitude(-1.0, "the same year, a different month or day"),
        "one_year": Magnitude(-0.5, "one year apart (one side giving only the year)"),
        "full_dates_differ": Magnitude(
            -1.5, "one to four years apart, both sides giving the full date"
        ),
        "few_years": Magnitude(-1.8, "two to four years apart"),
        "far": Magnitude(-3.0, "five years or more apart"),
        "differs_korean": Magnitude(
            -2.5,
            "a date that differs (beyond a year alone) from a person's whose name, aligned,"
            " reads as a Korean name (one many people share), when the above is milder",
        ),
    }

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        q = ctx.query.birth_date
        if not q or not ctx.entry.birth_dates:
            return NO_EVIDENCE
        qd = _date_parts(q)
        if qd is None:
            return NO_EVIDENCE
        estimates = ctx.entry.birth_estimates
        best: tuple[float, str] | None = None
        for listed in ctx.entry.birth_dates:
            ed = _date_parts(listed)
            if ed is None:
                continue
            if listed in estimates and abs(qd[0] - ed[0]) <= APPROXIMATE_YEARS:
                value = m["within_estimate"]
            else:
                value = m[self._compare(qd, ed)]
            if best is None or value > best[0]:
                best = (value, listed)
        if best is None:
            return NO_EVIDENCE
        value, listed = best
        if (
            value <= m["same_year_differs"]
            and value > m["differs_korean"]
            and ctx.entry.schema in _PERSONS
            and _korean_name(ctx)
        ):
            value, shared = m["differs_korean"], ", a Korean name many share"
        else:
            shared = ""
        if not ctx.explain:
            return _silent(value)
        verb = "agrees with" if value > 0 else "conflicts with"
        if listed in estimates:
            year = int(listed)
            span = f"{year - APPROXIMATE_YEARS} to {year + APPROXIMATE_YEARS}"
            shown = f"the listed circa {listed} ({span})"
        else:
            shown = _year_span(listed, ctx.entry.birth_dates)
        return Evidence(value, f"birth date {q} {verb} {shown} ({value:+.1f}{shared})")

    def ceiling(self, query: Query, m: Values) -> float:
        if not query.birth_date:
            return 0.0
        return max(0.0, m["same_day"], m["same_month"], m["same_year"], m["within_estimate"])

    @staticmethod
    def _compare(
        a: tuple[int, int | None, int | None], b: tuple[int, int | None, int | None]
    ) -> str:
        """The table entry that applies to dates ``a`` and ``b``."""
        gap = abs(a[0] - b[0])
        if gap == 0:
            if a[1] is None or b[1] is None:
                return "same_year"
            if a[1] != b[1]:
                return "same_year_differs"
            if a[2] is None or b[2] is None:
                return "same_month"
            return "same_day" if a[2] == b[2] else "same_year_differs"
        if gap < 5 and a[2] is not None and b[2] is not None:
            # two full dates that differ: a different date, not an approximate year
            return "full_dates_differ" if gap == 1 else "few_years"
        if gap == 1:
            return "one_year"
        if gap < 5:
            return "few_years"
        return "far"


class CountryFeature(Feature):
    """**Country.** The query's countries (nationality, residence, registration,
    ISO-2) against the listing's nationalities, citizenships, countries and address
    countries: any in common counts for. None in common counts against, as a
    birth date that differs does: strongly when the listing is a person's (a
    person has the nationalities and homes the lists give, and a namesake with
    another nationality is another person), weakly otherwise (a company trades
    and registers subsidiaries abroad). A country and the state it was part of,
    succeeded or belongs to are the same answer written at another time (the
    Soviet Union and Russia, Yugoslavia and Serbia, Hong Kong and China, as
    rigour's territories relate them: :func:`related_countries`): they count
    neither for nor against. Nothing when either side has none. A firm's
    listing that publishes no country is placed by the issuers of its
    registration and tax numbers, where they are given, or else by a legal
    form only one country's law has (*FZE*: the United Arab Emirates)
    (:func:`listed_countries`: a firm is registered and taxed where it is
    established).

    A firm's name that names a country ("Alpha Bank Greece", "TBC Bank
    Georgia") gives that country when the query gives none
    (:func:`thaw.match.countries.named_countries`), against a listing that is
    not a person's. And many firms share a near name across countries (Alpha
    Bank of Greece, Alfa-Bank of Russia; TBC Bank of Georgia, TBK of Russia):
    when the query writes the listed name otherwise, not word for word, or
    only part of it, leaving out a word that names the firm or says what it
    does ("Star Market" against STAR MARKET MELANYE, "Alpha LLC" against
    ALPHA TECH TRADING FZE), or adds another business ("Orion Energy LLC"
    against ORION LLC) (:func:`thaw.match.countries.written_as_listed`),
    a country the listing does not have is another firm, and counts strongly
    against; written as listed, whole, it may be the listed firm's
    subsidiary or branch abroad, and counts weakly. A person's listed name
    that reads as a Korean name (a family name and a given name of one or two
    syllables: :func:`thaw.text.korean.reads_as_korean_name`) is shared by
    many people, few family names and given-name syllables being common to
    most: a name that aligns with it says less of who the person is, and
    another nationality counts more strongly against (Malaysian 최영호 and
    CHOE Yong Ho of North Korea). A legal form written in
    a country's language (*S.A.*, *GmbH*, *OOO*) says where the firm is
    registered: when the query gives no country, one whose law writes no such
    form counts against as a given country does (not for: many countries
    write one form), against a listing that writes no form of that law
    itself (:func:`thaw.match.countries.form_laws`: Alpha Bank S.A. and
    ALFA-BANK of Russia)."""

    name = "country"
    weight = 1.0
    reads_name = False
    table = {
        "agree": Magnitude(0.3, "a country in common (the most it gives)"),
        "conflict": Magnitude(
            -1.2, "no country in common with a person's nationalities, citizenships and homes"
        ),
        "conflict_korean": Magnitude(
            -2.5,
            "no country in common with a person's whose name, aligned, reads as a Korean"
            " name (one many people share)",
        ),
        "conflict_other": Magnitude(
            -0.5, "no country in common with an organisation's, vessel's or aircraft's"
        ),
        "conflict_respelt": Magnitude(
            -2.5,
            "no country in common with an organisation's, vessel's or aircraft's whose name"
            " the query writes otherwise",
        ),
    }

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        listed = listed_countries(ctx.entry)
        if not listed:
            return NO_EVIDENCE
        given = ctx.query.countries
        if not given and ctx.entry.schema not in _MAY_BE_PEOPLE:
            given = named_countries(ctx.query)
            if not given:
                return self._form_conflict(ctx, m, listed)
        if not given:
            return NO_EVIDENCE
        q = {c.lower() for c in given if c}
        e = {c.lower() for c in listed if c}
        if not q or not e:
            return NO_EVIDENCE
        common = q & e
        if common:
            v = m["agree"]
            if not ctx.explain:
                return _silent(v)
            return Evidence(v, f"country {', '.join(sorted(common))} agrees ({v:+.1f})")
        related = sorted(
            f"{a} and {b}"
            for a in q
            for b in e
            if b in related_countries(a) or a in related_countries(b)
        )
        if related:
            return Evidence(
                0.0,
                f"country {related[0]}: a former or a parent state (+0.0)" if ctx.explain else "",
            )
        if ctx.entry.schema in _PERSONS:
            v = m["conflict_korean"] if _korean_name(ctx) else m["conflict"]
        elif written_as_listed(ctx.query, ctx.entry):
            v = m["conflict_other"]
        else:
            v = m["conflict_respelt"]
        if not ctx.explain:
            return _silent(v)
        named = "" if ctx.query.countries else " (named in the query)"
        return Evidence(
            v,
            f"country {', '.join(sorted(q))}{named} conflicts with {', '.join(sorted(e))}"
            f" ({v:+.1f})",
        )

    def _form_conflict(self, ctx: Context, m: Values, listed: tuple[str, ...]) -> Evidence:
        """Against a firm's listing, when the query gives no country: a legal
        form the query writes whose law is no listed country's
        (:func:`form_laws`), a conflict as a given country's; its agreement
        counts nothing (many countries write one form)."""
        laws = form_laws(ctx.query, ctx.entry)
        e = {c.lower() for c in listed if c}
        if not laws or not e or laws & e:
            return NO_EVIDENCE
        if any(b in laws for a in e for b in related_countries(a)):
            return NO_EVIDENCE
        v = (
            m["conflict_other"]
            if written_as_listed(ctx.query, ctx.entry)
            else m["conflict_respelt"]
        )
        if not ctx.explain:
            return _silent(v)
        return Evidence(
            v, f"the query's legal form is written by no law of {', '.join(sorted(e))} ({v:+.1f})"
        )

    def ceiling(self, query: Query, m: Values) -> float:
        if not query.countries and not named_countries(query):
            return 0.0
        return max(0.0, m["agree"], m["conflict"], m["conflict_other"], m["conflict_respelt"])


def _korean_name(ctx: Context) -> bool:
    """Whether the listed name the query aligned with best reads as a Korean
    name (:func:`thaw.text.korean.reads_as_korean_name`)."""
    best = ctx.best
    return best is not None and reads_as_korean_name([t.raw for t in best.name.informative])


#: The kinds of identifier a register issues to a firm in its country.
_REGISTERS: Final = frozenset({"registration", "tax_id"})


def listed_countries(entry: Entry) -> tuple[str, ...]:
    """The countries of ``entry``: those it publishes, or, for a listing of a
    firm, vessel or aircraft that publishes none, the countries that issued
    its registration and tax numbers (ALFA CAPITAL MARKETS LTD, Cypriot
    registration C404988: registered in Cyprus), or, with neither, the country
    whose law alone has its legal form (:attr:`thaw.index.Entry.form_countries`,
    worked out once per listing and kept with its facts: ALPHA TECH TRADING FZE,
    a free-zone establishment of the United Arab Emirates)."""
    if entry.countries or entry.schema in _MAY_BE_PEOPLE:
        return entry.countries
    found: list[str] = []
    for ident in entry.identifiers:
        if ident.kind in _REGISTERS and ident.country and ident.country not in found:
            found.append(ident.country)
    return tuple(found) or entry.form_countries or ()


#: Country codes thaw reads that rigour does not know as such: Yugoslavia, and
#: ``cs``, which thaw gives both Czechoslovakia and Serbia and Montenegro.
_LEGACY_COUNTRIES: Final = {"yu": ("yucs",), "cs": ("cshh", "csxx"), "dd": ("ddde",)}


@lru_cache(maxsize=1024)
def related_countries(code: str) -> frozenset[str]:
    """The countries that are the same answer as ``code`` written at another
    time or level (lower-case ISO-2, or rigour's codes of former states): the
    states it was part of or belongs to (*hk*: *cn*), the states that succeeded
    it, and theirs in turn (*su*: *ru*, *ua*, ...; *yu*: *rs*, *hr*, ...), and
    the territories rigour names as its see-also or its claims (*xk*, *rs*),
    from rigour's territory data. Empty for a code rigour does not know."""
    from rigour.territories import get_territory

    found: set[str] = set()
    todo = list(_LEGACY_COUNTRIES.get(code, (code,)))
    first = True
    while todo:
        territory = get_territory(todo.pop())
        if territory is None or territory.code in found:
            continue
        found.add(territory.code)
        linked = list(territory.successors)
        if first or territory.is_historical:
            linked += [*territory.see, *territory.claims]
            if territory.parent is not None:
                linked.append(territory.parent)
        first = False
        todo += [t.code for t in linked if t.code not in found]
    found.discard(code)
    return frozenset(found)


class GenderFeature(Feature):
    """**Gender.** Different genders stated on both sides count against; nothing
    otherwise."""

    name = "gender"
    weight = 1.0
    reads_name = False
    table = {"conflict": Magnitude(-1.5, "different genders stated on both sides")}

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        q, e = ctx.query.gender, ctx.entry.gender
        if not q or not e:
            return NO_EVIDENCE
        if q.lower()[:1] != e.lower()[:1]:
            v = m["conflict"]
            if not ctx.explain:
                return _silent(v)
            return Evidence(v, f"gender {q} conflicts with {e} ({v:+.1f})")
        return NO_EVIDENCE

    def ceiling(self, query: Query, m: Values) -> float:
        return max(0.0, m["conflict"]) if query.gender else 0.0


class IdentifierFeature(Feature):
    """**Identifiers.** A query identifier (passport, national id, tax number / INN,
    registration / OGRN, IMO, MMSI, LEI, SWIFT/BIC, crypto address …) equal to one
    of the listing's, after removing spaces, dashes, dots and an ``IMO`` prefix,
    is near-conclusive on its own: the score goes close to 1 whatever the name
    (see ``name.floor_on_identifier``). An identifier of a kind the listing also
    has (typed identifiers, and IMO numbers recognised by their check digit) but
    with a different number is strong evidence against. Identifiers of other
    kinds say nothing, and neither does a number too short to tell parties
    apart (:func:`distinctive_id`: *777*, *1000*, *44444*)."""

    name = "identifier"
    weight = 1.0
    reads_name = False
    table = {
        "match": Magnitude(6.0, "an identifier in common (the most it gives)"),
        "conflict": Magnitude(-2.5, "an identifier of the same kind that differs"),
    }

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        if not ctx.entry.identifiers or not (ctx.query.id_numbers or ctx.query.identifiers):
            return NO_EVIDENCE
        if ctx.identifier is not None:
            hit, raw = ctx.identifier
            v = m["match"]
            if not ctx.explain:
                return _silent(v)
            return Evidence(v, f"{hit.kind} {raw} matches ({v:+.1f})")
        typed: list[tuple[str | None, str]] = [(id_kind(n), n) for n in ctx.query.id_numbers]
        typed += list(ctx.query.identifiers)
        conflicts: list[str] = []
        for kind, raw in typed:
            if kind is not None and distinctive_id(normalize_id(raw)):
                same = [i for i in ctx.entry.identifiers if i.kind == kind]
                if same:
                    conflicts.append(f"{kind} {raw} differs from {same[0].number}")
        if conflicts:
            v = m["conflict"]
            return Evidence(v, "; ".join(conflicts) + f" ({v:+.1f})")
        return NO_EVIDENCE

    def ceiling(self, query: Query, m: Values) -> float:
        return max(0.0, m["match"]) if query.id_numbers or query.identifiers else 0.0


class SchemaFeature(Feature):
    """**Kind of party.** A person against an organisation, company, vessel or
    aircraft (or an organisation against a vessel) counts strongly against: a name
    shared by a person and a company is not a match. ``LegalEntity`` and an
    unknown schema are compatible with everything, so a query that does not say
    what it is may still find any kind of listing; a query that says ``Person``
    does not alert on organisations, vessels or aircraft (the index does not even
    propose them, :data:`thaw.index.COMPATIBLE`)."""

    name = "schema"
    weight = 1.0
    reads_name = False
    table = {"conflict": Magnitude(-4.0, "incompatible kinds of party")}

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        q, e = ctx.query.schema, ctx.entry.schema
        if not q or not e or q == e or "LegalEntity" in (q, e):
            return NO_EVIDENCE
        groups = (_PERSONS, _ORGS, _THINGS)
        gq = next((g for g in groups if q in g), None)
        ge = next((g for g in groups if e in g), None)
        if gq is None or ge is None or gq is ge:
            return NO_EVIDENCE
        v = m["conflict"]
        if not ctx.explain:
            return _silent(v)
        return Evidence(v, f"{q} query against a {e} listing ({v:+.1f})")

    def ceiling(self, query: Query, m: Values) -> float:
        return max(0.0, m["conflict"]) if query.schema else 0.0


class TranscriptionFeature(Feature):
    """**Transcription.** A foreign name written in Chinese characters or
    Hangul is a transcription: the language's syllables stand for the name's
    sounds, and its syllable shapes drop what they cannot write (Mandarin
    ends a syllable only in a vowel, *n* or *ng*: 厄森 *e-sen* is *Ersan*,
    卡默 *Cummer*) or add a vowel the name does not have (Korean writes *tch* as
    치: 내치불 is *Knatchbull*). When the query, a person's name (or a name of
    no stated kind), is written in Chinese characters or Hangul and the
    listed name in Latin letters, and no reading
    of the query aligns well, each query word of at least ``min_syllables``
    syllables is compared with the listed words sound by sound, knowing each
    sound's place in its syllable (:mod:`thaw.match.transcription`: a
    dropped final consonant or an epenthetic vowel costs little, a wrong onset
    much); a word whose sounds and the listed word's are both explained to at
    least ``min_explained`` aligns with it, its similarity the smaller share.
    Such a match is looser than a reading: it contributes ``penalty``, and its
    explanation lists each syllable with the Latin sounds it writes. A Latin
    query never pays for this comparison; weight 0 switches it off."""

    name = "transcription"
    weight = 1.0
    table = {
        "min_explained": Magnitude(
            0.82, "the least share of each word's sounds the alignment must explain"
        ),
        "min_syllables": Magnitude(2, "the fewest syllables of a query word compared so"),
        "penalty": Magnitude(-0.4, "the contribution of a name matched as a transcription"),
    }

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        best = ctx.best
        if best is None or not any(p.how == "transcription" for p in best.alignment.pairs):
            return NO_EVIDENCE
        value = m["penalty"]
        if not ctx.explain:
            return Evidence(value)
        parts = [
            f"{word} as {listed!r}: {t.describe()} ({100 * t.cjk:.0f} % and"
            f" {100 * t.latin:.0f} % of the sounds explained)"
            for word, listed, t in transcription_pairs(ctx.analyzed, best)
        ]
        return Evidence(value, f"read as a transcription, {'; '.join(parts)} ({value:+.1f})")

    def ceiling(self, query: Query, m: Values) -> float:
        return max(0.0, m["penalty"])


class SpellingFeature(Feature):
    """**Spelling.** A name written in Chinese characters or Hangul has a
    small, published set of Latin spellings per character (Revised
    Romanisation, McCune–Reischauer and the customary spellings of Korean
    names; pinyin, Wade–Giles and Hong Kong's Cantonese spellings of Chinese
    ones; Hepburn readings, name readings and dictionary names of Japanese
    ones), and a reading of the name can agree with only one of them. When the
    query, a person's name (or a name of no stated kind), is written in those
    characters, the listed name in Latin letters, and no reading of the query
    aligns to ``below``, the listed words are cut into spellings of the
    query's characters (:mod:`thaw.match.spelling`: 이재명 is *Lee Jae-myung*,
    *Ri Jae Myong*, *Yi Chae-myŏng*), and the runs that spell listed words
    align with them exactly. Such a match contributes ``penalty``: each
    spelling is a published one, but a set of them says less than the
    name written alike. Its explanation lists each run with the words it
    spells. A character that spells a listed word alone with the usual
    spelling of a common family name (*Lee*, *Su*) that is none of its own
    usual ones, only a reading of a dialect or of Japanese names (子 *lee* in
    Hokkien, 周 *su*: :func:`thaw.match.han_latin.rare_reading`), adds
    ``rare_reading``: few read it so, and the listed word is the name of
    another family (斌 周 is not *Su Bin*). A query in Cyrillic that may be
    a foreign name (no patronymic, no Slavic surname's ending), or in
    Armenian, Georgian or Greek letters, is compared the same way, each word
    whole, by the Latin spellings its letters stand for in the practical
    transcription of Western names read backwards
    (:mod:`thaw.text.practical`: Уотчетт *Watchett*, Делькруа *Delcroix*,
    ჯორჯ *George*, Σιράκ *Chirac*). A Latin query never pays for this;
    weight 0 switches it off."""

    name = "spelling"
    weight = 1.0
    table = {
        "below": Magnitude(0.9, "compared so only when no reading aligns to this name score"),
        "penalty": Magnitude(-0.2, "the contribution of a name matched by its spellings"),
        "rare_reading": Magnitude(
            -2.5,
            "added when a character spells a listed word alone with another family name's"
            " usual spelling, in a reading few give it",
        ),
    }

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        best = ctx.best
        if best is None or not any(p.how == "spelling" for p in best.alignment.pairs):
            return NO_EVIDENCE
        value = m["penalty"]
        runs = spelled_parts(ctx.analyzed, best) if _spells_family(best) or ctx.explain else []
        rare = rare_reading(runs)
        if rare is not None:
            value += m["rare_reading"]
        if not ctx.explain:
            return Evidence(value)
        parts = ", ".join(
            f"{word} as {listed!r}"
            + (f" ({', '.join(f'{c} {spelt}' for c, spelt in how)})" if how else "")
            for word, listed, how in runs
        )
        note = f"spelt in Latin letters: {parts}"
        if rare is not None:
            note += (
                f"; {rare[0]} spelt {rare[1]!r} only in a reading few give it, and"
                f" {rare[1]!r} is another family name's usual spelling"
            )
        return Evidence(value, f"{note} ({value:+.1f})")

    def ceiling(self, query: Query, m: Values) -> float:
        return max(0.0, m["penalty"])


def _spells_family(best: BestName) -> bool:
    """Whether a listed word that a spelling pair aligned alone is a common
    Chinese family name's spelling (:func:`thaw.match.han_latin.family_spellings`),
    the only words :func:`~thaw.match.han_latin.rare_reading` asks about: the
    runs are found again only then."""
    rs = best.name.informative
    common = family_spellings()
    return any(
        p.how == "spelling" and len(p.result) == 1 and fold_word(rs[p.result[0]].raw) in common
        for p in best.alignment.pairs
    )


_REGISTRY: tuple[Feature, ...] = (
    NameFeature(),
    NameShapeFeature(),
    BirthDateFeature(),
    CountryFeature(),
    GenderFeature(),
    IdentifierFeature(),
    SchemaFeature(),
    TranscriptionFeature(),
    SpellingFeature(),
)


def features() -> tuple[Feature, ...]:
    """The features of the ``thaw`` algorithm, in evaluation order."""
    return _REGISTRY


#: The facts whose answers may differ between listings of one party, and are
#: then reported (:func:`disagreements`): a party listed by several authorities
#: is scored on its best listing, which must not hide another listing's conflict.
FACT_FEATURES: Final = ("gender", "birth_date", "country", "identifier")


def disagreements(
    best: Sequence[FeatureResult], other: Sequence[FeatureResult]
) -> list[FeatureResult]:
    """The facts (:data:`FACT_FEATURES`) on which another listing of the same
    party answers against what the best listing answered: a conflict there
    where the best agreed or said nothing, or an agreement there where the
    best conflicted. Each is the other listing's own finding. (A country one
    listing gives and another does not is no disagreement: lists give a
    party's homes unevenly; only a country conflict where the best listing
    gives none is reported.)"""
    mine = {f.feature: f.contribution for f in best}
    out: list[FeatureResult] = []
    for f in other:
        if f.feature not in FACT_FEATURES or not f.contribution:
            continue
        was = mine.get(f.feature, 0.0)
        if f.feature == "country" and was:
            continue
        if (f.contribution < 0 <= was) or (f.contribution > 0 > was):
            out.append(f)
    return out


def party_conflicts(
    best: Sequence[FeatureResult], others: Sequence[FeatureResult]
) -> list[FeatureResult]:
    """The conflicts of a party's other listings that count against the party:
    for each fact (:data:`FACT_FEATURES`) on which its best listing says
    nothing (it gives no date of birth, no nationality), what the other
    listings found, when every one of them conflicts, the mildest (the most
    the party's listings allow). The listings are one party: a date of birth
    or a nationality published by one authority is the party's, and a query
    that contradicts it does not become the listed party because another
    authority left the fact out ("Nicolas Maduro" born in 1988 against a
    listing without a date, whose party another list says was born in 1962).
    An agreement found elsewhere counts nothing here (the best listing's
    score already stands on the name)."""
    said = {f.feature for f in best if f.contribution}
    out: list[FeatureResult] = []
    for feature in FACT_FEATURES:
        if feature in said:
            continue
        found = [f for f in others if f.feature == feature and f.contribution]
        if found and all(f.contribution < 0 for f in found):
            out.append(max(found, key=lambda f: f.contribution))
    return out


def describe_algorithm() -> str:
    """Markdown documentation of the features, their weights and their tables
    (``docs/MATCHING.md`` is this text; a test keeps it current)."""
    lines = ["# thaw's matching algorithm", "", __doc__ or "", ""]
    for f in _REGISTRY:
        lines.append(f"### `{f.name}` (weight {f.weight:g})\n\n{f.doc()}\n")
    import ast

    from thaw import _native
    from thaw.match import names

    # (from the source: a compiled module has no docstring)
    source = _native.source_path("thaw.match.names").read_text(encoding="utf-8")
    lines += ["## The name alignment", "", ast.get_docstring(ast.parse(source)) or "", ""]
    lines += ["| constant | value | meaning |", "|---|---|---|"]
    lines += [f"| `{k}` | {v:g} | {doc} |" for k, v, doc in names.TABLE]
    from thaw.match import korean

    lines += ["", "## Korean names in Latin letters", "", korean.__doc__ or "", ""]
    lines += ["| constant | value | meaning |", "|---|---|---|"]
    lines += [f"| `{k}` | {v:g} | {doc} |" for k, v, doc in korean.TABLE]
    from thaw.match import iberian

    lines += ["", "## Spanish and Portuguese family names", "", iberian.__doc__ or "", ""]
    lines += ["| constant | value | meaning |", "|---|---|---|"]
    lines += [f"| `{k}` | {v:g} | {doc} |" for k, v, doc in iberian.TABLE]
    return "\n".join(lines)
