"""The text screener: documents in, parties and their mentions out."""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Final, Protocol, runtime_checkable

from rapidfuzz import fuzz

import thaw.match
from thaw.index import Entry, schema_code
from thaw.screen.screener import Hit, Listing, Screener
from thaw.screen.text.acronyms import DerivedAcronyms, find_acronyms
from thaw.screen.text.cjk import find_cjk_mentions
from thaw.screen.text.extract import extract_text
from thaw.screen.text.mentions import (
    ABJAD_KNOWN_PREFIX,
    ABJAD_SINGLE_MIN,
    CONNECTORS,
    HEBREW_LABIALS,
    NO_LABIALS,
    Mention,
    Party,
    Where,
    find_honored,
    find_identifiers,
    find_initialled,
    find_marks,
    find_mentions,
    find_numbered,
    find_spoken,
    find_titled,
    is_abjad,
    position_of,
)
from thaw.screen.text.places import is_city
from thaw.screen.text.prefixed import FormPrefixes, place_and_trade
from thaw.screen.text.sounding import AUTHORITIES as SOUND_AUTHORITIES
from thaw.screen.text.sounding import SCHEMATA as SOUND_SCHEMATA
from thaw.screen.text.sounding import SoundAlikes
from thaw.screen.text.translated import ENGLISH_ADJECTIVES, find_translated
from thaw.sources import territories
from thaw.store import Store
from thaw.text import Token, analyze_name, name_variants
from thaw.text.common_words import common_word
from thaw.text.fold import abjad_key
from thaw.text.symbols import known_given_name, latin_words

TEXT_THRESHOLD = 0.80
"""Score a window of text must reach to be reported. Stricter than name screening
(:data:`thaw.match.DEFAULT_THRESHOLD`): in prose nobody chose the words as a name to
screen, so partial and coincidental alignments are far more common."""

READING_THRESHOLD = thaw.match.DEFAULT_THRESHOLD
"""Score a name in Korean, Chinese or Japanese prose must reach (name screening's
threshold, below :data:`TEXT_THRESHOLD`): such a name is read back into Latin
letters, which no reading does exactly (세르게이 라브로프 *sergei labrov* ~ Sergey
LAVROV 0.76), while what the stricter threshold guards against, words that
align by chance, is kept out by the way these languages mark a foreign name
(a middle dot, katakana, adjacent Hangul words) and by :func:`reads_like`."""

SNIPPET_RADIUS = 60

ACRONYM = 5
"""The most letters of a word in capitals read as an acronym (МИД, ФСБ, IRGC)."""

SPOKEN_ACRONYM = 4
"""The fewest letters of a listed acronym that a sentence may open with in
title case and still name its party: an acronym said as a word, which the
press writes so (*Isis*, *Nato*); a shorter one in title case is as a rule a
word of the language (*Let us* is no LET)."""

SPOKEN_ACRONYM_AUTHORITIES = 3
"""The fewest authorities that list a party (all its listings, as its profile
joins them) for a sentence-opening acronym said as a word to name it when only
one authority publishes the acronym itself (*Isis*: the US export list's ISIS
of the Islamic State, which four authorities list)."""


@dataclass(frozen=True, slots=True)
class TextMention:
    """One mention: offsets into the extracted text, the words, a snippet around them."""

    start: int
    end: int
    text: str
    snippet: str
    snippet_start: int
    score: float
    short_reference: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "snippet": self.snippet,
            "score": self.score,
            "short_reference": self.short_reference,
        }


@dataclass(frozen=True, slots=True)
class PartyFound:
    """A listed party found in the text, with the best hit and all its mentions.

    ``hit.listings`` holds every listing of the party: those whose names the
    text's words matched, and the other listings of the same profile
    (``same_party``, their keys ``source:source_id``), which name screening
    of the same words may report too or not, depending on how each
    authority spells the name (DFAT lists Sberbank as plain "Sberbank"). A
    relief what-if on the document must see them all."""

    hit: Hit
    mentions: tuple[TextMention, ...]
    same_party: frozenset[str] = frozenset()

    @property
    def score(self) -> float:
        return self.hit.score

    def found_by(self, listing: Listing) -> str:
        """``"name"`` for a listing whose name the text matched, ``"party"``
        for one carried as another listing of the same party."""
        key = f"{listing.source}:{listing.source_id}"
        return "party" if key in self.same_party else "name"

    def to_dict(self) -> dict[str, Any]:
        """The party as JSON; each listing says how it was found
        (``found_by``: :meth:`found_by`)."""
        data: dict[str, Any] = {
            "name": self.hit.name,
            "schema": self.hit.schema,
            "score": self.hit.score,
            "matched_name": self.hit.matched_name,
            "listings": [
                {**listing.to_dict(), "found_by": self.found_by(listing)}
                for listing in self.hit.listings
            ],
            "explanation": self.hit.explanation,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.hit.profile_id is not None:
            data["profile_id"] = self.hit.profile_id
        return data


@dataclass(frozen=True, slots=True)
class TextResult:
    """Everything found in one document: ``kind`` is how it was read (text, html,
    pdf, docx), ``text`` the extracted text the offsets refer to."""

    kind: str
    text: str
    parties: tuple[PartyFound, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON object: ``parties``, each with ``name``, ``score``,
        ``listings`` and ``mentions`` (``start``, ``end``, ``text``)."""
        return {
            "kind": self.kind,
            "characters": len(self.text),
            "parties": [p.to_dict() for p in self.parties],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


@runtime_checkable
class PartyListings(Protocol):
    """A screener that knows parties (``thaw.profiles.PartyScreener``): the
    listing keys (``source:source_id``) of every listing of a profile."""

    def party_listings(self, profile_id: str) -> tuple[str, ...]: ...


@runtime_checkable
class KnowsProfiles(Protocol):
    """A screener that groups listings into profiles (``thaw.profiles.PartyScreener``):
    ``profile_of`` maps ``(source, source_id)`` to a profile id."""

    profile_of: Mapping[tuple[str, str], str]


class TextScreener:
    """Finds listed parties in documents, using a :class:`~thaw.screen.Screener`.

    ``threshold`` is the minimum score of a mention (default :data:`TEXT_THRESHOLD`).
    When the screener knows parties (:class:`PartyListings`), a party found
    carries every listing of its profile, as :class:`PartyFound` says.
    """

    def __init__(self, screener: Screener | None = None, threshold: float | None = None) -> None:
        self.screener = screener or Screener()
        self.threshold = TEXT_THRESHOLD if threshold is None else threshold
        index = self.screener.index

        abjad_keys: set[str] | None = None

        @lru_cache(maxsize=262_144)
        def known(token: str) -> bool:
            nonlocal abjad_keys
            if token.startswith(ABJAD_KNOWN_PREFIX):  # consonants (mentions.word_known)
                if abjad_keys is None:  # built once, on the first word in an abjad
                    stats = index.token_stats
                    words = stats.counts if stats is not None else {}
                    keys = {abjad_key(w) for w in words if w.isalpha()}
                    # and without labials (mentions.HEBREW_LABIALS)
                    abjad_keys = keys | {HEBREW_LABIALS + k.translate(NO_LABIALS) for k in keys}
                return token[len(ABJAD_KNOWN_PREFIX) :] in abjad_keys
            return index.document_frequency(token) > 0

        @lru_cache(maxsize=65_536)
        def lookup(
            name: str, year: str | None, countries: tuple[str, ...], vessel: bool
        ) -> tuple[Hit, ...]:
            if vessel:  # "the tanker SARA II": a vessel first
                query = thaw.match.Query(as_named=False, name=name, schema="Vessel")
                result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
                found = tuple(h for h in result.hits if self._covers(name, h))
                if found:
                    return found
            query = thaw.match.Query(
                as_named=False, name=name, birth_date=year, countries=countries
            )
            result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
            found = tuple(h for h in result.hits if self._covers(name, h)) or before_form(name)
            if found and not vessel:
                # the name in the window's own word order, its country after it
                # dropped (*Bank Melli*: BANK MELLI IRAN, not MELLI BANK PLC,
                # whose words are the window's in another order)
                own = tuple(h for h in result.hits if _country_dropped(name, h))
                if own:
                    found = own + tuple(h for h in found if h not in own)
            if not found and _organisation_named(name):
                # an ordinal or an article before an organisation's head word
                # (the Second Economic Committee): read as an organisation's name
                query = replace(query, schema="Organization")
                result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
                found = tuple(h for h in result.hits if self._covers(name, h))
            if countries:
                # a body of the country a word beside names (the Iraqi Ministry
                # of Defence): not another's, listed under the same words
                found = tuple(h for h in found if self._of_country(h, countries))
            if found and not vessel and is_city(name):
                # a city's name of two words or more (*Velikiy Novgorod*, *Yong
                # Xin*) names, as a city's lone word does, only a party a list
                # publishes by that very name (a company SANTA MARTA), and a vessel of
                # that name only after a vessel word (*the tanker Velikiy Novgorod*)
                found = tuple(
                    h for h in found if h.schema != "Vessel" and self._published_as(name, h)
                )
            return found

        acronyms: DerivedAcronyms | None = None

        @lru_cache(maxsize=65_536)
        def acronym_lookup(word: str) -> tuple[Hit, ...]:
            # an acronym no list publishes alone (PDVSA; the vessel PDVSA
            # CARDON holds it): the party whose names' initials it is, if one
            # party's
            nonlocal acronyms
            if common_word(word):
                return ()
            tokens = analyze_name(word).tokens
            if any(index.document_frequency(t.text) for t in tokens):
                query = thaw.match.Query(as_named=False, name=word)
                result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
                written = _texts(tokens)
                if any(_texts(analyze_name(h.matched_name).tokens) == written for h in result.hits):
                    return ()  # a name some list publishes: name screening's
            if acronyms is None:  # built once, on the first such word
                acronyms = DerivedAcronyms(self._organisation_entries())
            return listed_as(acronyms(word))

        self._acronym_lookup = acronym_lookup
        prefixes: FormPrefixes | None = None

        def before_form(name: str) -> tuple[Hit, ...]:
            # a trade and a place (Banco de Venezuela) that a listed name writes
            # before its legal form (BANCO DE VENEZUELA SA BANCO UNIVERSAL)
            nonlocal prefixes
            tokens = analyze_name(name).tokens
            if place_and_trade(tokens) is None:
                return ()
            if prefixes is None:  # built once, on the first such window
                prefixes = FormPrefixes(self._organisation_entries())
            return listed_as(prefixes(tokens))

        def listed_as(names: Sequence[tuple[str, str]]) -> tuple[Hit, ...]:
            # the hits of listings (key, published name) screened by that
            # name: all of one party's, else none
            hits: list[Hit] = []
            for key, listed in names:
                query = thaw.match.Query(as_named=False, name=listed)
                result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
                hits.extend(
                    h
                    for h in result.hits
                    if key in {f"{x.source}:{x.source_id}" for x in h.listings}
                )
            if not hits or not all(_same_party(hits[0], h) for h in hits):
                return ()  # none, or two parties'
            return tuple(hits)

        @lru_cache(maxsize=65_536)
        def single(word: str) -> tuple[Hit, ...]:
            query = thaw.match.Query(as_named=False, name=word)
            # every candidate: a word such as "Atlas" names many parties in part,
            # and the one it names whole (a vessel) must not be crowded out
            limit = self.screener.candidates
            floor = min(self.threshold, CORE_THRESHOLD)
            result = self.screener.screen_query(query, threshold=floor, limit=limit)
            hits = [self._as_listed(h) for h in result.hits]
            cores = [h for h in hits if core_name(word, h)]
            if cores and not self._names_only(word, [h for h in hits if core_name(word, h, None)]):
                cores = []
            found = tuple(
                h for h in hits if (h.score >= self.threshold and whole_name(word, h)) or h in cores
            )
            if not found:
                # a coined word among generic words (MEGVII TECHNOLOGY LIMITED:
                # *Megvii*), that no other listed name holds
                framed = [h for h in hits if framed_name(word, h)]
                found = tuple(framed) if framed and self._names_only(word, framed) else ()
            if not found and _compound(word):
                # two name words joined by a hyphen (Volga-Dnepr) name what
                # they would written apart (words_cover: VOLGA-DNEPR GROUP,
                # AIRLINES, LOGISTICS, the words after them generic); of the
                # parties so named, the one most authorities list
                found = self._best_known(
                    [h for h in hits if h.score >= self.threshold and words_cover(word, h)]
                )
            return found

        def read(name: str, reads: Callable[[str, Hit], bool]) -> tuple[Hit, ...]:
            # a name read back into Latin letters: name screening's threshold
            query = thaw.match.Query(as_named=False, name=name)
            floor = min(self.threshold, READING_THRESHOLD)
            result = self.screener.screen_query(query, threshold=floor, limit=10)
            return tuple(h for h in result.hits if reads(name, h))

        @lru_cache(maxsize=65_536)
        def cjk_lookup(name: str) -> tuple[Hit, ...]:
            return read(name, reads_like)

        @lru_cache(maxsize=4096)
        def read_translated(english: str) -> tuple[Hit, ...]:
            return read(english, _reads_translated)

        self._read_translated = read_translated

        @lru_cache(maxsize=65_536)
        def mark_lookup(mark: str) -> tuple[Hit, ...]:
            query = thaw.match.Query(as_named=False, name=mark, schema="Aircraft")
            result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
            bare = _bare_mark(mark)
            return tuple(
                h for h in result.hits if h.schema == "Aircraft" and _bare_mark(h.name) == bare
            )

        @lru_cache(maxsize=65_536)
        def numbered_lookup(word: str) -> tuple[Hit, ...]:
            # a name of capitals and digits (MS-13): the organisations a list
            # publishes by that very name, its letters and digits
            query = thaw.match.Query(as_named=False, name=word)
            result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
            bare = _bare_mark(word)
            return tuple(
                h
                for h in result.hits
                if h.schema in NUMBERED_SCHEMATA
                and _bare_mark(h.matched_name) == bare
                and not self._weak_alias(h)
            )

        @lru_cache(maxsize=65_536)
        def cjk_single(word: str) -> tuple[Hit, ...]:
            floor = min(self.threshold, READING_THRESHOLD)
            readings = [v for v in name_variants(word) if v][:KANA_READINGS]
            for reading in readings:
                query = thaw.match.Query(as_named=False, name=reading)
                result = self.screener.screen_query(query, threshold=floor, limit=10)
                hits = [h for h in result.hits if _reads_whole(reading, h)]
                authorities = {x.source.split("_", 1)[0] for h in hits for x in h.listings}
                if len(authorities) >= 2:
                    return tuple(hits)
            for reading in readings:
                # a reading that sounds like a well-known organisation's one-word
                # name (헤즈볼라 *hezbola*, HIZBALLAH): that name, as listed
                if (alike := self._sounds(reading)) is not None and (named := single(alike)):
                    return named
            return ()

        @lru_cache(maxsize=65_536)
        def cjk_vessel(name: str) -> tuple[Hit, ...]:
            # a vessel's name read from Hangul, Chinese characters or kana with
            # its number (례성강 1): the listed vessels of that very number
            floor = min(self.threshold, READING_THRESHOLD)
            query = thaw.match.Query(as_named=False, name=name)
            result = self.screener.screen_query(query, threshold=floor, limit=10)
            number = _DIGITS.findall(name)
            return tuple(
                h
                for h in result.hits
                if h.schema == "Vessel" and _DIGITS.findall(h.matched_name) == number
            )

        @lru_cache(maxsize=65_536)
        def cjk_surname(word: str) -> tuple[Hit, ...]:
            # a surname beside a title (ラブロフ外相): the one person listed by
            # two authorities or more whose surname it reads as
            floor = min(self.threshold, READING_THRESHOLD)
            readings = [v for v in name_variants(word) if v.isascii() and v.isalpha()]
            for reading in readings[:KANA_READINGS]:
                if len(reading) < SURNAME_LETTERS:
                    continue
                query = thaw.match.Query(as_named=False, name=reading, schema="Person")
                result = self.screener.screen_query(query, threshold=floor, limit=SURNAMES)
                # the persons whose surname it reads as best (PUTIN, not a
                # daughter's maiden name PUTINA), by how many authorities list them
                persons = [h for h in result.hits if h.schema == "Person"]
                read = [(r, h) for h in persons if (r := _surname_of(reading, h))]
                if not read:
                    continue
                alike, surname = max(r for r, _ in read)
                if index.document_frequency(surname) > INITIALLED_SURNAME:
                    return ()  # (a surname many listed names share)
                return self._best_known([h for (ratio, _), h in read if ratio >= alike])
            return ()

        @lru_cache(maxsize=65_536)
        def titled_surname(word: str, title: str = "") -> tuple[Hit, ...]:
            # a surname after a title (President Putin, генерал Суровикин): the
            # one person listed by two authorities or more whose surname it is
            # as spelt (not alike, as a reading from Korean is), and not by a
            # handle that some authority calls a weak alias (*General Staff* is
            # no STAFF, a hacker's handle: :meth:`_marked_weak`)
            tokens = analyze_name(word).tokens
            if len(tokens) != 1 or len(key := tokens[0].text) < SURNAME_LETTERS:
                return ()
            if not 0 < index.document_frequency(key) <= INITIALLED_SURNAME:
                return ()  # (Ivanov, Kim: a title tells too few of them apart)
            floor = min(self.threshold, READING_THRESHOLD)
            query = thaw.match.Query(as_named=False, name=word, schema="Person")
            result = self.screener.screen_query(query, threshold=floor, limit=SURNAMES)
            return self._best_known(
                [
                    h
                    for h in result.hits
                    if h.schema == "Person"
                    and (r := _surname_of(key, h))
                    and r[0] == SAME_WORD
                    and _spelt_as_listed(word, h)
                    and not self._marked_weak(h)
                ],
                position_of(title),
            )

        @lru_cache(maxsize=65_536)
        def bare_surname(word: str) -> tuple[Hit, ...]:
            # a surname alone (Решетников с ним согласился): as after a title,
            # but of a person BARE_AUTHORITIES authorities list, and a surname
            # few listed names hold
            tokens = analyze_name(word).tokens
            if len(tokens) != 1 or index.document_frequency(tokens[0].text) > BARE_SURNAME:
                return ()
            hits = titled_surname(word)
            return hits if hits and self._authorities(hits) >= BARE_AUTHORITIES else ()

        @lru_cache(maxsize=65_536)
        def id_lookup(kind: str, number: str) -> tuple[Hit, ...]:
            # the index proposes the listings carrying the number; the matcher's
            # identifier feature says which carry it (the name, the number
            # itself, says nothing)
            numbers = (number, number[:BIC]) if kind == "swift" else (number,)
            query = thaw.match.Query(as_named=False, name=number, id_numbers=numbers)
            result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
            return tuple(
                h
                for h in result.hits
                if any(f.feature == "identifier" and f.contribution > 0 for f in h.features)
            )

        @lru_cache(maxsize=65_536)
        def initial_lookup(initial: str, surname: str) -> tuple[Hit, ...]:
            # the matcher reads one initial before a surname (V. Putin)
            letter = analyze_name(initial).key[:1]
            words = analyze_name(surname).tokens
            if not letter or len(words) != 1:
                return ()
            if not 0 < index.document_frequency(words[0].text) <= INITIALLED_SURNAME:
                return ()  # (Ivanov, Kim, Ali: an initial tells too few of them apart)
            query = thaw.match.Query(
                as_named=False, name=f"{letter.upper()}. {surname}", schema="Person"
            )
            result = self.screener.screen_query(query, threshold=self.threshold, limit=10)
            return tuple(h for h in result.hits if _initialled(letter, words[0], h))

        alikes: SoundAlikes | None = None

        @lru_cache(maxsize=65_536)
        def sounds(word: str) -> str | None:
            nonlocal alikes
            if alikes is None:  # built once, on the first word no list spells
                alikes = SoundAlikes(self._well_known_entries())
            return alikes(word)

        self._sounds = sounds
        # the spellings of name items (mentions._respellings), read now rather
        # than on the first document with a name no list spells as written
        latin_words(frozenset({"NAME:"}))
        self._known = known
        self._mark_lookup = mark_lookup
        self._numbered_lookup = numbered_lookup
        self._initial_lookup = initial_lookup
        self._titled_surname = titled_surname
        self._bare_surname = bare_surname
        self._id_lookup = id_lookup
        self._cjk_single = cjk_single
        self._cjk_surname = cjk_surname
        self._cjk_vessel = cjk_vessel
        self._lookup = lookup
        self._single = single
        self._cjk_lookup = cjk_lookup

    def screen_text(self, text: str, kind: str = "text") -> TextResult:
        """Screen a string of text."""
        parties = find_mentions(
            text,
            self._lookup_keyed,
            self._known,
            self._single_keyed,
            self._other_mentions,
            self._sounds,
            self._bare_keyed,
        )
        found = [self._party(text, p) for p in parties]
        return TextResult(kind, text, tuple(found))

    def screen_document(self, data: bytes) -> TextResult:
        """Screen a document given as bytes (plain text, HTML, PDF or DOCX)."""
        kind, text = extract_text(data)
        return self.screen_text(text, kind)

    # -- internals ----------------------------------------------------------------

    def _lookup_keyed(
        self, name: str, year: str | None, countries: tuple[str, ...], vessel: bool = False
    ) -> list[_KeyedHit]:
        hits = self._lookup(name, year, countries, vessel)
        if not hits:
            return []
        best = _as_written(name, hits)
        group = [h for h in hits if _same_party(best, h)]
        return [_KeyedHit(best, group)]

    def _other_mentions(self, text: str) -> list[Mention]:
        """Names in Korean, Chinese and Japanese prose (:mod:`thaw.screen.text.cjk`),
        aircraft by their registration marks (:func:`find_marks`) and parties by
        the identifiers their listings carry (:func:`find_identifiers`)."""
        found = find_cjk_mentions(
            text,
            self._cjk_keyed,
            self._known,
            self._cjk_single_keyed,
            self._cjk_surname_keyed,
            self._cjk_vessel_keyed,
        )
        found.extend(find_translated(text, self._translated_keyed, self._read_keyed, self._known))
        if "-" in text:
            found.extend(find_marks(text, self._mark_keyed))
        found.extend(find_numbered(text, self._numbered_keyed))
        found.extend(find_identifiers(text, self._id_keyed))
        if "." in text:
            found.extend(find_initialled(text, self._initial_keyed))
        found.extend(find_titled(text, self._titled_keyed))
        found.extend(find_spoken(text, self._titled_keyed))
        found.extend(find_honored(text, self._window_keyed))
        found.extend(find_acronyms(text, self._acronym_keyed))
        return found

    def _acronym_keyed(self, word: str) -> list[_KeyedHit]:
        return _keyed(self._acronym_lookup(word))

    def _translated_keyed(self, english: str) -> list[_KeyedHit]:
        """An organisation's name translated into English
        (:mod:`thaw.screen.text.translated`), screened as a window of prose;
        the explanation says how it was read."""
        return _read_as(english, self._lookup_keyed(english, None, ()))

    def _read_keyed(self, english: str) -> list[_KeyedHit]:
        """An organisation's name translated into English around a name read
        back from Hangul (고려항공: *goryo air*): a hit whose every informative
        word, generic words too, is one word of the rendering, each the same
        word or, for the reading, like it (:data:`TRANSLATED_READING`)."""
        return _read_as(english, _keyed(self._read_translated(english)))

    def _initial_keyed(self, initial: str, surname: str) -> list[_KeyedHit]:
        return _keyed(self._initial_lookup(initial, surname))

    def _id_keyed(self, kind: str, number: str) -> list[_KeyedHit]:
        return _keyed(self._id_lookup(kind, number))

    def _cjk_single_keyed(self, word: str) -> list[_KeyedHit]:
        return _keyed(self._cjk_single(word))

    def _cjk_surname_keyed(self, word: str) -> list[_KeyedHit]:
        return _keyed(self._cjk_surname(word))

    def _cjk_vessel_keyed(self, name: str) -> list[_KeyedHit]:
        return _keyed(self._cjk_vessel(name))

    def _best_known(self, hits: Sequence[Hit], position: str | None = None) -> tuple[Hit, ...]:
        """The hits of the one party that more authorities list than any other
        party of ``hits`` and at least two do (a surname beside a title names
        the well-known bearer: PUTIN, not a namesake one list holds); of as many
        authorities' parties, the one whose listings publish the office the
        title names (``position``: *Президент Лукашенко* is the listed
        *President of Belarus*, not his son, whom as many list:
        :meth:`_holds`); none if no party is so."""
        bearers: list[list[Hit]] = []
        for h in hits:
            for party in bearers:
                if _same_party(party[0], h):
                    party.append(h)
                    break
            else:
                bearers.append([h])
        ranked = sorted(((self._authorities(p), p) for p in bearers), key=lambda b: -b[0])
        if not ranked or ranked[0][0] < 2:
            return ()
        if len(ranked) == 1 or ranked[1][0] < ranked[0][0]:
            return tuple(ranked[0][1])
        if position is not None:
            first = [p for n, p in ranked if n == ranked[0][0]]
            holders = [p for p in first if self._holds(p, position)]
            if len(holders) == 1:
                return tuple(holders[0])
        return ()

    def _holds(self, hits: Sequence[Hit], position: str) -> bool:
        """Whether a listing of the party of ``hits`` publishes ``position`` as
        its office: the office alone or of a country (*President of Belarus*;
        not *President of the National Olympic Committee*, nor a *former*
        one), as a position or a title. Read from the store (a screener over
        given entries knows none)."""
        home = self.screener.home
        if home is None:
            return False
        with Store(home, readonly=True) as store:
            for key in sorted(self._party_keys(hits)):
                source, _, source_id = key.partition(":")
                record = store.get(source, source_id)
                if record is not None and any(
                    _office(held, position) for held in (*record.positions, *record.titles)
                ):
                    return True
        return False

    def _window_keyed(self, name: str) -> list[_KeyedHit]:
        return self._lookup_keyed(name, None, ())

    def _titled_keyed(self, surname: str, title: str = "") -> list[_KeyedHit]:
        return _keyed(self._titled_surname(surname, title))

    def _bare_keyed(self, surname: str) -> list[_KeyedHit]:
        return _keyed(self._bare_surname(surname))

    def _authorities(self, hits: Sequence[Hit]) -> int:
        """How many authorities list the party of ``hits`` (one party's: all
        listings of its profile, as the screener knows them, else the hits')."""
        return len({key.split("_", 1)[0] for key in self._party_keys(hits)})

    def _party_keys(self, hits: Sequence[Hit]) -> set[str]:
        """The ``source:source_id`` keys of the listings of the party of
        ``hits``: the hits' own, and every listing of their profiles as the
        screener knows them (:class:`PartyListings`)."""
        keys = {f"{x.source}:{x.source_id}" for h in hits for x in h.listings}
        screener = self.screener
        for hit in hits:
            if hit.profile_id is not None and isinstance(screener, PartyListings):
                keys.update(screener.party_listings(hit.profile_id))
        return keys

    def _mark_keyed(self, mark: str) -> list[_KeyedHit]:
        return _keyed(self._mark_lookup(mark))

    def _numbered_keyed(self, word: str) -> list[_KeyedHit]:
        return _keyed(self._numbered_lookup(word))

    def _cjk_keyed(self, name: str) -> list[_KeyedHit]:
        return _keyed(self._cjk_lookup(name))

    def _well_known_entries(self) -> Iterator[Entry]:
        """The index entries of the organisations (:data:`SOUND_SCHEMATA`) of
        parties that two authorities or more list (as the screener's profiles
        know them, :class:`KnowsProfiles`; else of every listing): the parties a
        newspaper names in its own spelling. Only these are decoded, and they
        are not kept (:meth:`thaw.index.CandidateIndex.peek`)."""
        index = self.screener.index
        screener = self.screener
        positions: Iterable[int | None] = range(len(index))
        if isinstance(screener, KnowsProfiles) and screener.profile_of:
            authorities: dict[str, set[str]] = {}
            for (source, _), pid in screener.profile_of.items():
                authorities.setdefault(pid, set()).add(source.split("_", 1)[0])
            positions = (
                index.position(f"{source}:{source_id}")
                for (source, source_id), pid in screener.profile_of.items()
                if len(authorities[pid]) >= SOUND_AUTHORITIES
            )
        return self._entries_at(positions, SOUND_SCHEMATA)

    def _organisation_entries(self) -> Iterator[Entry]:
        """The index entries of organisations (:data:`ORGANISATION_SCHEMATA`),
        decoded for one pass and not kept."""
        return self._entries_at(range(len(self.screener.index)), ORGANISATION_SCHEMATA)

    def _entries_at(
        self, positions: Iterable[int | None], schemata: Iterable[str]
    ) -> Iterator[Entry]:
        """The index entries at ``positions`` (``None``: none) whose schema is
        one of ``schemata``, each decoded as it is reached
        (:meth:`thaw.index.CandidateIndex.peek`)."""
        index = self.screener.index
        wanted = {schema_code(schema) for schema in schemata}
        codes = index.schema_codes
        for position in positions:
            if position is not None and int(codes[position]) in wanted:
                yield index.peek(position)

    def _entries(self, hit: Hit) -> Iterator[Entry | None]:
        """The index entry of each of the hit's listings (``None`` for a listing
        the index does not hold)."""
        index = self.screener.index
        for listing in hit.listings:
            position = index.position(f"{listing.source}:{listing.source_id}")
            yield None if position is None else index.entry(position)

    def _countries(self, hit: Hit) -> set[str]:
        """The countries of the hit's listings (nationalities, addresses …)."""
        return {c for entry in self._entries(hit) if entry is not None for c in entry.countries}

    def _of_country(self, hit: Hit, countries: tuple[str, ...]) -> bool:
        """Whether a hit may be a body of one of ``countries``, which a word
        beside its name says it is of (:func:`~thaw.screen.text.nationality.country_beside`):
        a person or a vessel may be of any, a body its listings give no
        country of too; else one of its listings' countries is one of them
        (a region of it too: ``ua-cri`` of ``ua``)."""
        if hit.schema in ("Person", "Vessel", "Airplane"):
            return True
        listed = {c.split("-")[0] for c in self._countries(hit)}
        return not listed or any(c.split("-")[0] in listed for c in countries)

    def _covers(self, window: str, hit: Hit) -> bool:
        """Whether a window of prose names the hit's party outright
        (:func:`words_cover`) by the name that scored best, or else by another
        name its listings publish (not a weak alias): the score is the best
        alignment over all of a listing's names, and the one that wins may be a
        spelling the text does not use (*Сергей Шойгу* scores best against the
        published Cyrillic *Серхей Кужухетович Шойху*, and is written as the
        listed *Sergei SHOIGU* is read), a name published with its acronym or
        another name in brackets after it without them (*'LUGANSKAYA NARODNAYA
        RESPUBLIKA' (LNR)*: :func:`_without_bracket`). A name its authority publishes only
        as a weak alias (:meth:`_weak_alias`: OFAC's BANCO NACIONAL of BANCO
        CORPORATIVO SA) names nothing by itself."""
        if words_cover(window, hit) and not self._weak_alias(hit):
            return True
        if _translates(window) and self._published_as(window, hit) and not self._weak_alias(hit):
            return True  # (SARMAYEH BANK: the listed name as written, its words read as trades)
        return any(
            words_cover(window, replace(hit, matched_name=named))
            for entry in self._entries(hit)
            if entry is not None
            for name, kind in entry.names
            if kind != "weak"
            for named in _without_bracket(name.original)
            if named != hit.matched_name
        )

    def _names_only(self, word: str, hits: Sequence[Hit]) -> bool:
        """Whether no listed name but those of ``hits`` holds ``word`` (it is in
        no more listings than they are): a core name (:func:`core_name`) must
        be its parties' own word, not a common one (*New*, *Port*)."""
        listings = sum(len(h.listings) for h in hits)
        index = self.screener.index
        return all(
            0 < index.document_frequency(t.text) <= listings for t in analyze_name(word).tokens
        )

    def _as_listed(self, hit: Hit) -> Hit:
        """The hit, a ``LegalEntity`` (a list that does not say what the party
        is: the US export lists) as the schema another of its listings gives,
        if one says it is an organisation, a vessel or an aircraft (the BIS
        lists' BELAVIA BELARUSIAN AIRLINES is OFAC's organisation), or else
        another listing of its party's profile (:meth:`_party_keys`): the export
        list publishes the *GRU* alone, OFAC and Canada the organisation only
        as MAIN INTELLIGENCE DIRECTORATE, and the profile links the three."""
        if hit.schema != LEGAL_ENTITY:
            return hit
        for entry in self._entries(hit):
            if entry is not None and entry.schema in SINGLE_SCHEMATA:
                return replace(hit, schema=entry.schema)
        index = self.screener.index
        own = {f"{x.source}:{x.source_id}" for x in hit.listings}
        others = [index.position(key) for key in sorted(self._party_keys([hit]) - own)]
        for entry in self._entries_at(others, SINGLE_SCHEMATA):
            return replace(hit, schema=entry.schema)
        return hit

    def _weak_only(self, hit: Hit) -> bool:
        """Whether every listing of the hit publishes its matched name only as a
        weak alias (OFAC's "weak a.k.a.", the UN's low-quality alias): a name the
        authority itself says is too broad to screen on alone (*MSC*)."""
        return all(
            entry is not None
            and {k for n, k in entry.names if n.original == hit.matched_name} == {"weak"}
            for entry in self._entries(hit)
        )

    def _weak_alias(self, hit: Hit) -> bool:
        """Whether the hit's matched name is a weak alias as its authorities
        publish it: some listing marks it weak, and no listing of another
        authority publishes it otherwise (the US export list's copy SDN-26549
        of OFAC's entry drops the mark; OFAC's word stands)."""
        weak: set[str] = set()
        other: set[str] = set()
        for listing, entry in zip(hit.listings, self._entries(hit), strict=True):
            if entry is None:
                continue
            kinds = {k for n, k in entry.names if n.original == hit.matched_name}
            authority = listing.source.split("_", 1)[0]
            if "weak" in kinds:
                weak.add(authority)
            elif kinds:
                other.add(authority)
        return bool(weak) and not other - weak

    def _marked_weak(self, hit: Hit) -> bool:
        """Whether some listing of the hit publishes its matched name as a weak
        alias, whatever another authority does (OFAC calls the handle STAFF
        weak, the UK publishes it as an alias): a word the lists themselves
        doubt, which a title before it (*General Staff*) does not make a name."""
        return any(
            entry is not None and (hit.matched_name, "weak") in _originals(entry)
            for entry in self._entries(hit)
        )

    def _published_alone(self, word: str, hit: Hit, articles: bool = True) -> bool:
        """Whether a listing of the hit publishes ``word`` alone as a name, an
        article aside (as analysed: HIKVISION, TALIBAN, THE HOUTHIS; not *AO
        Plasma*, *Plasma JSC*); with ``articles=False``, without an article
        too (TALIBAN, not THE BASE)."""
        words = _unarticled if articles else _texts
        texts = words(analyze_name(word).tokens)
        return any(
            words(name.tokens) == texts
            for entry in self._entries(hit)
            if entry is not None
            for name, kind in entry.names
            if kind != "weak"
        )

    def _published_as(self, word: str, hit: Hit) -> bool:
        """Whether a listing of the hit publishes ``word`` as written (case
        aside) as a whole name: HAMAS for *Hamas*; not RAKA for *Raqqa*, which
        name analysis spells alike."""
        written = word.casefold()
        return any(
            name.original.casefold() == written
            for entry in self._entries(hit)
            if entry is not None
            for name, kind in entry.names
            if kind != "weak"
        )

    def _writes_cyrillic(self, word: str, hit: Hit) -> bool:
        """Whether the hit may be named by ``word``, an acronym in Cyrillic:
        a listing publishes it so, or the hit's countries (none, or some)
        write Cyrillic (:data:`CYRILLIC_COUNTRIES`)."""
        countries = self._countries(hit)
        return (
            not countries or bool(countries & CYRILLIC_COUNTRIES) or self._published_as(word, hit)
        )

    def _acronym(self, word: str, hit: Hit) -> bool:
        """Whether ``word`` names the hit only as an acronym: the name it
        matched is ``word`` in capitals and the initials of another name of a
        listing of the hit (LET, LASHKAR-E-TAYYIBA; ISIS, Islamic State of Iraq
        and Syria; not HAMAS, whose names' initials are others)."""
        acronym = word.upper()
        if hit.matched_name != acronym:
            return False
        return any(
            acronym in _initials(name.original)
            for entry in self._entries(hit)
            if entry is not None
            for name, _kind in entry.names
        )

    def _single_keyed(self, word: str, where: Callable[[], Where]) -> list[_KeyedHit]:
        """A lone word as a mention of a listed organisation (or, after a vessel
        word, a vessel) whose whole distinctive name it is; never a person.

        Where the capital letter proves less (the word opens a sentence, a
        country follows it, it stands in a longer proper name:
        :func:`thaw.screen.text.mentions._weak_capital`; or it is also a given
        name: ``Контракт``, ``Hamas``) or there is none (Arabic حماس, a
        lower-case word in a quoted name), the organisation must be listed by
        at least two authorities: a well-known party, not a coincidence with one
        registry's entry. An acronym followed by a country (*МИД Финляндии*)
        names that country's institution: only a party of that country counts. A
        name the listing publishes only as a weak alias (:meth:`_weak_only`) names
        nothing alone, nor does a city's name (:func:`~thaw.screen.text.places.is_city`)
        name a party a list does not publish by that very word (*Raqqa* is no
        RAKA), nor does a title-case word opening a sentence name a party
        by an acronym of its name (:meth:`_acronym`: *Let us* is no LET), nor
        does a word in an abjad (محلية is no MEHL), nor
        a party no list publishes by the word alone, if it has a capital
        (:meth:`_published_alone`: *Plasma donations* are no AO Plasma). A
        word opening a sentence (:attr:`Where.opening`) that names its parties
        only after an article it does not write (THE BASE:
        :func:`_article_noun`; *Al-Shabaab* writes its own) names them only
        when no other listed name holds it (*Houthis*, not the common noun
        *Base*). A word in an abjad shorter than :data:`ABJAD_SINGLE_MIN` letters names
        nothing on its own; a word in Arabic script without the article names
        no party whose name has it (:data:`ARABIC_ARTICLE`)."""
        if is_abjad(word) and sum(map(str.isalpha, word)) < ABJAD_SINGLE_MIN:
            return []
        found = self._single(word)
        if found and is_abjad(word):
            # an abjad writes a word's consonants, and a Latin acronym is
            # little more (محلية, *local*, is m-h-l, as MEHL): a party a list
            # names by the initials of its name is named by its letters, not
            # by an Arabic word that has the same consonants
            found = tuple(h for h in found if not self._acronym(h.matched_name, h))
        if not found:
            return []
        vessel_cue, weak, country, opening, only_opening, city = where()
        # a compound of two capitalised names (Volga-Dnepr) is capitalised by
        # its own spelling, wherever it stands, not by grammar
        opening = opening and not _compound(word)
        if country is not None and word.isupper() and len(word) <= ACRONYM:
            # an acronym before a country is that country's institution (МИД
            # Финляндии, ФСБ России): only a party of that country
            hits = [h for h in found if country in self._countries(h)]
            if not hits:
                return []
            found = tuple(hits)
        if word.isupper() and len(word) <= ACRONYM and _CYRILLIC_LETTER.match(word):
            # a Cyrillic acronym is coined by a Cyrillic-writing country's
            # press (СБУ, Ukraine's security service): it names by a Latin
            # acronym read letter for letter (SBU, Iran's SHAHID BEHESHTI
            # UNIVERSITY) only a party of such a country, or of none (ФСБ, FSB)
            found = tuple(h for h in found if self._writes_cyrillic(word, h))
        # a weak alias alone is no mention (the tanker "MSC Oscar" is no MSC)
        found = tuple(h for h in found if not self._weak_only(h))
        # an acronym is its letters, not their sound: a word spelt otherwise
        # (the German *Reede*, *Fatah*) is no RID, no FATA
        found = tuple(h for h in found if not _respelt_acronym(word, h))
        if is_city(word):
            # a city's name (*Raqqa*) names only a party a list publishes by
            # that very name, not one whose name it sounds or is spelt like (RAKA)
            found = tuple(h for h in found if self._published_as(word, h))
        if city is not None:
            # a word of a city's longer name (*Khums* of *Al Khums*) names only
            # a party a list publishes by the city's whole name
            found = tuple(h for h in found if self._published_as(city, h))
        spoken = False
        if opening and _title_case(word):
            # grammar capitalised the word: it is no acronym a list writes in
            # capitals (*Let us*, *Let op* are no LET, Lashkar-e-Tayyiba's),
            # unless the acronym is said as a word, which the press writes in
            # title case (*Isis*, *Nato*): one of SPOKEN_ACRONYM letters or more
            if len(word) < SPOKEN_ACRONYM:
                found = tuple(h for h in found if not self._acronym(word, h))
            else:
                spoken = any(self._acronym(word, h) for h in found)
        if _ARABIC_LETTER.match(word) and not word.startswith(ARABIC_ARTICLE):
            # a name with the article written without it is a common noun:
            # قاعدة is *a base*, القاعدة al-Qaida
            found = tuple(h for h in found if not _ARTICLE.match(h.matched_name))
        if (
            opening
            and len(analyze_name(word).tokens) == 1
            and all(map(_article_noun, found))
            and not any(self._published_alone(word, h, articles=False) for h in found)
        ):
            # a word capitalised by grammar is as often the common noun as a
            # name that is that noun after an article (*Bases militaires*,
            # *Base commander* are no THE BASE); a word some list publishes
            # alone (TALIBAN, though the party's name is DFAT's *The Taliban*)
            # or one no other listed name holds (Houthis) is a name
            found = found if self._names_only(word, found) else ()
        if opening and not vessel_cue and word[0].isupper():
            # a word capitalised by grammar, as a common noun is (*Plasma
            # donations*): a party the lists name by that word alone, not a
            # company they publish only with its legal form (AO Plasma)
            found = tuple(h for h in found if self._published_alone(word, h))
        if vessel_cue:  # "the tanker Atlas": the vessel, not a company of that name
            hits = sorted(found, key=lambda h: h.schema != "Vessel")
        else:
            hits = [h for h in found if h.schema != "Vessel"]
        if not hits:
            return []
        best = hits[0]
        keyed = _KeyedHit(best, [h for h in hits if _same_party(best, h)])
        if weak or not word[0].isupper() or _given_name(word):
            # every hit here is named by this very word: count their authorities
            authorities = {x.source.split("_", 1)[0] for h in hits for x in h.listings}
            if len(authorities) < 2 and not (
                # an acronym said as a word names a well-known party whose
                # every listing need not publish it (ISIS: the US export list)
                spoken
                and self._acronym(word, best)
                and self._authorities(hits) >= SPOKEN_ACRONYM_AUTHORITIES
            ):
                return []
        return [keyed]

    def _party(self, text: str, party: Party) -> PartyFound:
        mentions = []
        for m in party.mentions:
            lo = max(0, m.start - SNIPPET_RADIUS)
            hi = min(len(text), m.end + SNIPPET_RADIUS)
            mentions.append(
                TextMention(
                    m.start,
                    m.end,
                    text[m.start : m.end],
                    " ".join(text[lo:hi].split()),
                    lo,
                    m.hit.score,
                    m.short,
                )
            )
        keyed = [m.hit for m in party.mentions if isinstance(m.hit, _KeyedHit)]
        best = max(keyed, key=lambda h: h.score)
        listings: dict[tuple[str, str], Listing] = {}
        for k in keyed:
            for listing in k.listings:
                listings.setdefault((listing.source, listing.source_id), listing)
        same_party = self._same_party_listings(best.hit.profile_id, listings)
        hit = Hit(
            score=best.hit.score,
            schema=best.hit.schema,
            name=best.hit.name,
            matched_name=best.hit.matched_name,
            listings=tuple(listings[k] for k in sorted(listings)),
            explanation=best.hit.explanation,
            profile_id=best.hit.profile_id,
            features=best.hit.features,
        )
        return PartyFound(hit, tuple(mentions), frozenset(same_party))

    def _same_party_listings(
        self, profile_id: str | None, listings: dict[tuple[str, str], Listing]
    ) -> list[str]:
        """Adds to ``listings`` the other listings of the profile (as
        ``thaw.profiles.PartyScreener`` knows it) that the text's words did
        not match, and returns their keys."""
        screener = self.screener
        if profile_id is None or not isinstance(screener, PartyListings):
            return []
        index = self.screener.index
        added: list[str] = []
        for key in screener.party_listings(profile_id):
            source, _, source_id = key.partition(":")
            position = index.position(key)
            if (source, source_id) in listings or position is None:
                continue
            entry = index.entry(position)
            listings[source, source_id] = Listing(
                entry.source,
                entry.source_id,
                entry.programs,
                entry.listed_on,
                entry.birth_estimates,
            )
            added.append(key)
        return added


_NAME_WORD: Final = re.compile(r"[^\W\d_]+")
INITIALS_SKIPPED: Final = frozenset("of and the in for".split())
"""The words of an organisation's name an acronym of it often leaves out
(Islamic State of Iraq and Syria: ISIS)."""


def _respelt_acronym(word: str, hit: Hit) -> bool:
    """Whether a word in Latin letters matched a listed name in Latin capitals
    of :data:`ACRONYM` letters at most (an acronym: RID, FATA) that it does not
    spell letter for letter (*Reed*, *Fatah*): name screening hears the two
    alike, but an acronym is read by its letters."""
    listed = "".join(c for c in hit.matched_name if c.isalpha())
    written = "".join(c for c in word if c.isalpha())
    return (
        listed.isascii()
        and listed.isupper()
        and len(listed) <= ACRONYM
        and written.isascii()
        and written.casefold() != listed.casefold()
    )


_BRACKET: Final = re.compile(r"\s*\([^()]*\)\s*$")


def _country_dropped(window: str, hit: Hit) -> bool:
    """Whether ``window`` is an organisation's matched name as written, in its
    order, but for the country's name that ends it, which prose drops (*Bank
    Melli*: BANK MELLI IRAN)."""
    if hit.schema not in ("Organization", "LegalEntity"):
        return False
    tokens = analyze_name(hit.matched_name).tokens
    if len(tokens) < 3 or tokens[-1].role != "location" or not _country_word(tokens[-1].text):
        return False
    return [t.text for t in tokens[:-1]] == list(analyze_name(window).texts)


def _translates(window: str) -> bool:
    """Whether name analysis reads a word of ``window`` as another word, a
    generic one, that is no common word of a language around (*Sarmayeh*,
    Persian for capital: *investment*; not *Nacional*): a name of such words
    is no trade and legal form (:func:`words_cover`) when a list publishes
    it as written (SARMAYEH BANK)."""
    return any(
        t.role == "generic" and t.raw and t.raw != t.text and not common_word(t.raw)
        for t in analyze_name(window).tokens
    )


def _organisation_named(window: str) -> bool:
    """Whether a window of prose reads as an organisation's name and as nothing
    else: it ends in an organisation's word (a generic word or a legal form:
    *Committee*, *Bank*, *LLC*), and read as an organisation's name it is read
    otherwise than as a name of unknown kind, its ordinal a number and its
    leading article no word (:func:`thaw.match.organised_reading`: the *Second
    Economic Committee*, which a person's reading keeps as *Sekond*). Prose
    decides what its phrases name (:class:`thaw.match.Query`'s ``as_named``)."""
    first = analyze_name(window)
    if not first.tokens or first.tokens[-1].role not in ("generic", "legal_form"):
        return False
    return thaw.match.organised_reading(window, first, "Organization") is not None


def _without_bracket(name: str) -> tuple[str, ...]:
    """A listed name, and, if it ends with a part in brackets (an acronym or
    another name: *FOREIGN TRADE BANK (FTB)*), the name without it, which prose
    writes alone."""
    bare = _BRACKET.sub("", name).strip()
    return (name, bare) if bare and bare != name else (name,)


def _office(held: str, position: str) -> bool:
    """Whether a published position is ``position`` alone or of a country
    (*President of Belarus*, *Governor of the Russian Federation*'s region is not)."""
    lower = " ".join(held.lower().split())
    if lower == position:
        return True
    rest = lower.removeprefix(f"{position} of ")
    if rest == lower:
        return False
    return territories.lookup(rest.removeprefix("the ")) is not None


def _unarticled(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The texts of a name's tokens, its articles (role ``stop``) aside."""
    return tuple(t.text for t in tokens if t.role != "stop")


def _texts(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The texts of a name's tokens, its articles with them."""
    return tuple(t.text for t in tokens)


def _compound(word: str) -> bool:
    """Whether a word is two capitalised names or more joined by hyphens
    (*Volga-Dnepr*; not *Alfa-Bank*, a name and a generic word, nor
    *Al-Shabaab*, an article and a name): by its analysis, two name words
    or more."""
    if "-" not in word or not all(part[:1].isupper() for part in word.split("-")):
        return False
    return sum(t.role == "name" for t in analyze_name(word).tokens) >= 2


def _title_case(word: str) -> bool:
    """Whether a word of two letters or more is written with a capital and then
    lower case only (*Let*, not *LET* or *LeT*)."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _initials(name: str) -> tuple[str, str]:
    """The initials of a name's words, in capitals: of every word (hyphenated
    parts each), and of every word but :data:`INITIALS_SKIPPED`."""
    words = _NAME_WORD.findall(name)
    every = "".join(w[0] for w in words).upper()
    kept = "".join(w[0] for w in words if w.lower() not in INITIALS_SKIPPED).upper()
    return every, kept


CYRILLIC_COUNTRIES: Final = frozenset(
    {"ru", "by", "ua", "kz", "kg", "tj", "bg", "rs", "mk", "me", "ba", "mn", "suhh"}
)
"""Countries (as the lists' codes give them; ``suhh`` the Soviet Union) whose
press writes Cyrillic, and so coins acronyms in it (СБУ, ФСБ, МИД)."""
_CYRILLIC_LETTER: Final = re.compile("[\u0400-\u04ff]")

ARABIC_ARTICLE: Final = "ال"
"""The Arabic definite article, joined to its word. A proper name that has it
keeps it in Arabic and Persian prose (القاعدة, الشباب); the same word without it
is the common noun (قاعدة *a base*, شباب *youth*), so it names no party whose
listed name begins with the article, in Arabic script or in Latin letters
(*AL-QAIDA*, *Al-Shabaab*)."""
_ARABIC_LETTER: Final = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_ARTICLE: Final = re.compile("(?:ال|(?:al|el|ul)[-\\s'’])", re.IGNORECASE)

MINOR_ROLES = frozenset({"stop", "particle", "honorific", "legal_form", "generic", "initial"})
"""Token roles that neither need to be matched nor count as evidence in prose."""


def _article_noun(hit: Hit) -> bool:
    """Whether the hit's matched name is an article and one word (THE BASE,
    LOS ZETAS): a name a common noun may make, which the article marks."""
    tokens = analyze_name(hit.matched_name).tokens
    return len(tokens) == 2 and tokens[0].role in _ARTICLE_ROLES


_ARTICLE_ROLES: Final = frozenset({"stop", "particle"})


def _same_word(a: Token, b: Token) -> bool:
    if a.text == b.text:
        return True
    # across scripts (Arabic, Hebrew, Persian written without vowels) compare
    # consonants, و and ي also as the vowels they may write (الحوثي hvt ~ Houthi ht)
    if not (a.abjad or b.abjad) or not a.skeleton:
        return False
    return (
        a.skeleton == b.skeleton
        or a.skeleton.translate(_SEMIVOWELS) == b.skeleton.translate(_SEMIVOWELS)
        or _labials(a.skeleton) == _labials(b.skeleton)
        or _p_and_h(a, b)
        or _p_and_h(b, a)
        or _final_h(a, b)
        or _final_h(b, a)
    )


def _final_h(a: Token, b: Token) -> bool:
    """Whether an abjad word ``a`` ends in the *h* (ح, ه) that a Latin spelling
    ``b`` writes but whose analysis drops after a vowel (فالح *flh* ~ *Falih*
    *fl*, صالح *slh* ~ *Saleh* *sl*)."""
    return (
        a.abjad
        and not b.abjad
        and bool(b.skeleton)
        and b.raw.endswith("h")
        and a.skeleton == b.skeleton + "h"
    )


def _p_and_h(a: Token, b: Token) -> bool:
    """Whether an abjad word ``a`` whose letters *p* and *h* were read as one
    *f* (Persian سپه, *sph*: skeleton *sf*) is ``b`` read as two letters,
    the *h* at the end perhaps the vowel Persian writes with ه (*Sepah*
    *sp*, *Sepehr* *sphr*)."""
    if not a.abjad or b.abjad or "ph" not in a.raw:
        return False
    forms = {a.raw, a.raw[:-1] if a.raw.endswith("h") else a.raw}
    return b.skeleton in forms


_DIGITS: Final = re.compile(r"\d+")
"""A number in a vessel's name (:meth:`TextScreener._cjk_vessel`)."""
_SEMIVOWELS = str.maketrans("", "", "vwy")
_LABIALS = str.maketrans("bfpw", "vvvv")
_DOUBLED = re.compile(r"(.)\1+")


def _labials(skeleton: str) -> str:
    """A consonant skeleton with its labials as one letter, doubled letters once:
    Hebrew ב writes *b* and *v*, פ *p* and *f*, and Persian writes a Russian
    name's *-ov* as وف (לברוב *lbrv*, لاوروف *lvrvf* ~ Lavrov *lvrv*)."""
    return _DOUBLED.sub(r"\1", skeleton.translate(_LABIALS))


_SHORT_VOWELS: Final = str.maketrans("eo", "iu")


def _arabic_vowels(word: str) -> str:
    """A Latin word with *e* as *i*, *o* as *u* and a doubled letter once: the
    two ways Arabic and Persian names are written in Latin letters, the
    vowels of Persian or Levantine speech (*Qassem*, *Mohsen*, *Hosseini*) or
    of standard Arabic (*Qasim*, *Muhsin*, *Husseini*), a shadda written or
    not. Not *a* for *i*: *Karimi* and *Karami* are two names."""
    return _DOUBLED.sub(r"\1", word.translate(_SHORT_VOWELS))


INITIAL_VOWEL_LETTERS: Final = 5
"""The fewest letters of two Arabic or Persian name words that begin with
another vowel and are one name (:func:`_same_given_name`): Persian speech
writes *Ebrahim*, *Esmail*, *Osman* where Arabic writes *Ibrahim*, *Ismail*,
*Usman*; a shorter word is another name as often (*Egor*, *Igor*)."""


def _same_given_name(a: Token, b: Token) -> bool:
    """:func:`_same_word`, or two spellings of one Arabic or Persian name
    (:func:`_arabic_vowels`: *Qassem*, QASIM; beginning with another vowel,
    *Ebrahim*, *Ibrahim*, when long enough: :data:`INITIAL_VOWEL_LETTERS`), or
    two forms of one given name in rigour's name data (a shared ``NAME:``
    symbol: Ukrainian Михайло, Сергій, Олександр for Mikhail, Sergei,
    Aleksandr; not Maria and Marina, nor Karimi and Karami), of five letters
    or more; or two spellings of one patronymic (:data:`_PATRONYMIC`)
    that differ in how they write a soft sign (*Anatolyevich*, *Anatolievich*)."""
    if _same_word(a, b):
        return True
    if _arabic_vowels(a.text) == _arabic_vowels(b.text) and (
        a.text[:1] == b.text[:1] or min(len(a.text), len(b.text)) >= INITIAL_VOWEL_LETTERS
    ):
        return True  # (Qassem, QASIM; Ebrahim, Ibrahim; not Egor, Igor)
    if _PATRONYMIC.search(a.text) and _PATRONYMIC.search(b.text):
        # (Anatolyevich, Anatolijevitch: a soft sign written y, i or ij)
        return a.text.translate(_SOFT) == b.text.translate(_SOFT)
    if min(len(a.text), len(b.text)) < 5:
        return False  # (syllables share many: Korean jong and tong)
    return any(s.startswith("NAME:") for s in a.symbols & b.symbols)


"""Letters of a consonant skeleton that و and ي write as vowels too."""


def words_cover(window: str, hit: Hit) -> bool:
    """Whether a window of prose names the hit's party outright.

    At least two informative words are needed (a first name or a surname alone
    proves nothing, nor a given name and patronymic: :func:`_addressed`). Name
    screening forgives a typo or a missing word; in prose that turns
    coincidences into alerts ("Hassan Karimi" for a listed "Hassan KARAMI", "Bandar
    Abbas" the port for "BANDAR ABBAS ZINC PRODUCTION COMPANY"). So every informative
    word of the window must be a word of the matched name (after transliteration and
    spelling-variant folding; a generic word such as "Trader" too); for
    organisations, vessels and aircraft every informative word of the name must also
    be in the window; and a hyphenated
    compound surname (PRIDMORE-SMITH) counts only when all its parts are there;
    and a window joined by a connector (*and*, *of*, *for*) names no person.
    Two words that are one word of an organisation's name written apart
    (*Gazprom Bank*) name it when that word would (:func:`whole_name`).
    """
    if hit.schema == "Person" and (_two_persons(window) or _addressed(window, hit)):
        return False
    if _AND in window.lower().split() and _AND not in hit.matched_name.lower().split():
        return False  # two parties (Wei and Wang), which no one listed is
    analysed = analyze_name(window).tokens
    tokens = analyze_name(hit.matched_name).tokens
    if hit.schema != "Person" and len(analysed) == 2 and analysed[1].role != "number":
        # one word of the name written as two (Gazprom Bank, Sovcom Bank,
        # گازپروم بانک): the window names the organisation as that word would;
        # not a name and its number (HAI II, whose letters joined, *haiii*,
        # analyse as HAI alone)
        joined = analyze_name(analysed[0].raw + analysed[1].raw).tokens
        if len(joined) == 1 and any(_same_word(joined[0], t) for t in tokens):
            return whole_name(analysed[0].raw + analysed[1].raw, hit)
    if hit.schema == "Vessel":
        # a vessel's name is words, not roles (LADY R, NS COLUMBUS): all of them, both ways
        ours, theirs = (
            [t for t in analysed if t.role != "stop"],
            [t for t in tokens if t.role != "stop"],
        )
        return (
            len(ours) >= 2
            and all(any(_same_word(w, n) for n in theirs) for w in ours)
            and all(any(_same_word(n, w) for w in ours) for n in theirs)
        )
    wanted = [t for t in analysed if t.role not in MINOR_ROLES - {"generic"}]
    written = [t for t in tokens if t.role not in MINOR_ROLES - {"generic", "legal_form"}]
    name = [t for t in tokens if t.role not in MINOR_ROLES]
    if hit.schema != "Person" and not any(
        # (an abjad word whose p and h were read as one f by the letters it
        # writes: سپه *sph*, not its key *sf*: :func:`_p_and_h`)
        t.role != "generic"
        and len(t.raw if t.abjad and "ph" in t.raw else t.text) >= DISTINCT_LETTERS
        for t in wanted
    ):
        return False  # a trade and a legal form (Trading OÜ) name no company
    if hit.schema != "Person" and _distinct_words(window, wanted) < 2:
        # one distinctive word at most (Alfa Trading, Sankt Petersburg): the
        # window must name all of the listed name, its generic words and places
        # too, or a name word beside a trade or a city would name every company
        # that adds another (ALPHA TECH TRADING, BANK SAINT-PETERSBURG)
        name = [t for t in tokens if t.role not in MINOR_ROLES - {"generic"}]
    if hit.schema != "Person" and _whole_with_form(analysed, tokens):
        return True
    same = _same_given_name if hit.schema == "Person" else _same_word
    if len(wanted) < 2 or not all(any(same(w, n) for n in written) for w in wanted):
        return False
    if hit.schema != "Person" and not all(any(_same_word(n, w) for w in wanted) for n in name):
        return False
    for word in hit.matched_name.split():
        parts = [t for t in analyze_name(word).tokens if t.role not in MINOR_ROLES]
        if len(parts) > 1:
            present = [any(_same_word(p, w) for w in wanted) for p in parts]
            if any(present) and not all(present):
                return False
    return True


def _whole_with_form(window: Sequence[Token], name: Sequence[Token]) -> bool:
    """Whether a window is an organisation's whole listed name, its one
    distinctive word and its legal form (*Rahat Ltd.*: RAHAT LTD.): every word
    of each is a word of the other. A word alone proves little (a city's, a
    surname); written with the legal form its listing publishes it with, it is
    that company's name as the company writes it."""
    ours = [t for t in window if t.role != "stop"]
    theirs = [t for t in name if t.role != "stop"]
    return (
        any(t.role == "legal_form" for t in ours)
        and any(t.role not in MINOR_ROLES and len(t.text) >= DISTINCT_LETTERS for t in ours)
        and all(any(_same_word(w, n) for n in theirs) for w in ours)
        and all(any(_same_word(n, w) for w in ours) for n in theirs)
    )


_PATRONYMIC: Final = re.compile(
    r"(?:[oe]vi?t?ch|ovych|[oe]vna|ivna|ichna)$|(?:ович|евич|ьич|овна|евна|ична|івна|ївна)"
    r"(?:а|у|ем|ом|е|ой|ы|і|ою)?$",
    re.IGNORECASE,
)
"""A Russian, Belarusian or Ukrainian patronymic (*Anatolyevich*, *Ivanovna*,
*Анатольевича*, *Іванівна*), declined too."""


_SOFT: Final = str.maketrans("", "", "iyj")


def _addressed(window: str, hit: Hit) -> bool:
    """Whether a window is a given name and a patronymic (*Viktor
    Anatolyevich*, *Виктора Анатольевича*) without the listed person's surname
    (:func:`_surname`): how one addresses anyone politely, naming no one; a
    surname of that form (*Roman Abramovich*, ABRAMOVICH) is the surname."""
    words = window.split()
    if len(words) != 2 or _PATRONYMIC.search(words[1]) is None:
        return False
    ours = {t.text for t in analyze_name(window).tokens}
    return not ours & {t.text for t in analyze_name(_surname(hit.matched_name)).tokens}


READING_SIMILARITY = 0.7
"""How alike (:func:`rapidfuzz.fuzz.ratio`, 0–1) a word read back from Hangul,
Chinese characters or kana must be to a word of the listed name (*pujing* ~
*putin* 0.73, *bladimir* ~ *vladimir* 0.88)."""


def _word_groups(readings: Iterable[str], size: int) -> Iterator[list[str]]:
    """Each reading's words, two or more and at most ``size``; a reading of more
    words than that (a Chinese or Korean name read syllable by syllable, 习近平
    ``ksi jin ping``, where the list joins the given name: *XI Jinping*) also
    in each way of joining neighbouring words into ``size`` words
    (``ksi jinping``, ``ksijin ping``), for names of up to six syllables."""
    for reading in readings:
        words = reading.split()
        if 2 <= len(words) <= size:
            yield words
        elif 2 <= size < len(words) <= 6:
            for cuts in itertools.combinations(range(1, len(words)), size - 1):
                bounds = (0, *cuts, len(words))
                yield ["".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


def reads_like(window: str, hit: Hit) -> bool:
    """Whether a place in Korean, Chinese or Japanese prose reads as the hit's name:
    :func:`words_cover` for readings. Some reading of the window (its analysis, or
    a variant such as a foreign name read back: :func:`thaw.text.name_variants`)
    has two words or more, each like (:data:`READING_SIMILARITY`) a different
    informative word of the matched name; for organisations, vessels and aircraft
    every informative word of the name is read too. A title, a country or a verb
    glued to a name (대통령, 总统, 表示) reads like no word of it, so fails."""
    name = [t.text for t in analyze_name(hit.matched_name).tokens if t.role not in MINOR_ROLES]
    key = analyze_name(window).key
    readings = (key, *name_variants(window))
    if _HANGUL_INITIAL_L.match(window) and key.startswith("l"):
        # North Korean spelling keeps a word's initial ㄹ, which its
        # romanisation writes r (리병철: RI Pyong Chol, 림, 류, 량: Rim, Ryu, Ryang)
        readings = (*readings, "r" + key[1:])
    for words in _word_groups(readings, len(name)):
        used: set[int] = set()
        for word in words:
            best = max(range(len(name)), key=lambda i: fuzz.ratio(word, name[i]))
            if best in used or fuzz.ratio(word, name[best]) < READING_SIMILARITY * 100:
                break
            used.add(best)
        else:
            if hit.schema == "Person" or len(used) == len(name):
                return True
    return False


_HANGUL_INITIAL_L: Final = re.compile("[\ub77c-\ub9c7]")
"""A Hangul syllable beginning with ㄹ (라 to 맇)."""

TRANSLATED_READING = 0.8
"""How alike (:func:`rapidfuzz.fuzz.ratio`, 0–1) a name read back from Hangul in a
translated organisation name must be to the listed word (*goryo* ~ *koryo* 0.8)."""

_TRANSLATED_ROLES: Final = frozenset({"stop", "particle", "honorific", "legal_form", "initial"})


def _reads_translated(english: str, hit: Hit) -> bool:
    """Whether an English rendering with a reading in it (:meth:`TextScreener._read_keyed`)
    names the hit's organisation: one word of the rendering for each informative
    word of the name, generic words too, the same or alike."""
    if hit.schema not in SINGLE_SCHEMATA:
        return False
    ours = [t for t in analyze_name(english).tokens if t.role not in _TRANSLATED_ROLES]
    theirs = [t for t in analyze_name(hit.matched_name).tokens if t.role not in _TRANSLATED_ROLES]
    if len(ours) != len(theirs):
        return False
    left = list(theirs)
    for word in ours:
        match = next(
            (
                t
                for t in left
                if _same_word(word, t)
                or (
                    word.role == "name"
                    and t.role == "name"
                    and fuzz.ratio(word.text, t.text) >= TRANSLATED_READING * 100
                )
            ),
            None,
        )
        if match is None:
            return False
        left.remove(match)
    return True


KANA_READINGS = 3
"""How many readings of a katakana or Hangul word (:func:`thaw.text.name_variants`) are tried
as an organisation's name."""

WHOLE_READING = 0.85
"""How alike (:func:`rapidfuzz.fuzz.ratio`, 0–1) the reading of a katakana word
must be to a listed organisation's one distinctive word to name it
(*gasprombank* ~ *gazprombank* 0.91)."""


def _reads_whole(reading: str, hit: Hit) -> bool:
    """Whether a katakana word's ``reading`` is, as read, the whole name of a
    listed organisation: the name's only distinctive word (legal forms aside,
    :data:`SINGLE_ROLES`) is like it (:data:`WHOLE_READING`); and the party is
    an organisation (:data:`SINGLE_SCHEMATA`, no vessel: no vessel word went
    before). Such a word is weak evidence: the caller wants two authorities."""
    if hit.schema not in SINGLE_SCHEMATA or hit.schema == "Vessel":
        return False
    name = [t for t in analyze_name(hit.matched_name).tokens if t.role not in SINGLE_ROLES]
    if len(name) != 1 or name[0].role != "name":
        return False
    return fuzz.ratio(analyze_name(reading).key, name[0].text) >= WHOLE_READING * 100


NUMBERED_SCHEMATA = frozenset({"Organization", "Company"})
"""What a name of capitals and digits in prose (*MS-13*) may name: not a vessel
(whose name is found after a vessel word) nor an aircraft (by its mark)."""

SINGLE_SCHEMATA = frozenset({"Organization", "Company", "Vessel", "Aircraft"})
"""What one word of prose may name. Not a person (a surname alone proves nothing),
nor a generic ``LegalEntity``: lists that do not say what a party is (the US
export lists) hold many persons as legal entities."""

LEGAL_ENTITY: Final = "LegalEntity"

ORGANISATION_SCHEMATA = frozenset({"Organization", "Company", LEGAL_ENTITY})
"""Schemata whose listed names :class:`~thaw.screen.text.prefixed.FormPrefixes`
reads (a US export list's ``LegalEntity`` is as often a company)."""

SINGLE_ROLES = frozenset({"stop", "particle", "honorific", "legal_form"})
"""Token roles a listed name may have besides its one word for a lone word of prose
to name it whole (``GAZPROMBANK OAO``, ``PJSC SBERBANK``)."""


COMPOUND_ROLES = frozenset({"name", "generic", "location"})
"""Token roles one written word may join (``Alfa-Bank``: a name and a generic word)."""

ACRONYM_ROLES = COMPOUND_ROLES | {"initial"}
"""Token roles one word written in capitals may join: an acronym's letters after
a hyphen or a slash (``DHKP-C``, ``DHKP/C``) read as an initial."""


def whole_name(word: str, hit: Hit) -> bool:
    """Whether one word of prose names a listed organisation, company or vessel
    outright: the matched name's only informative word is this word (legal forms
    aside; a word that analyses as two, ``Hezbollah``, ``Alfa-Bank``, must match
    both, generic words too: :data:`COMPOUND_ROLES`, and an acronym in capitals
    its letter after a hyphen, ``DHKP-C``: :data:`ACRONYM_ROLES`), the word is not a generic
    word alone (``Oil``), and the party is an organisation, a vessel or an
    aircraft (:data:`SINGLE_SCHEMATA`)."""
    if hit.schema not in SINGLE_SCHEMATA:
        return False
    tokens = [t for t in analyze_name(word).tokens if t.role not in SINGLE_ROLES]
    # a name word (not "Oil"), which a compound may join to a generic word or a
    # place (Alfa-Bank, Альфа-Банке) that the listed name must have too
    if not any(t.role == "name" for t in tokens):
        return False
    roles = ACRONYM_ROLES if word.isupper() else COMPOUND_ROLES
    if any(t.role not in roles for t in tokens):
        return False
    name = [t for t in analyze_name(hit.matched_name).tokens if t.role not in SINGLE_ROLES]
    # one written word may analyse as two ("Hezbollah": hezb + allah)
    if len(name) != len(tokens):
        return False
    return all(_same_word(a, b) for a, b in zip(tokens, name, strict=True))


CORE_THRESHOLD = 0.70
"""Score a lone word must reach to name an organisation as its core name
(:func:`core_name`: *Belavia* ~ BELAVIA BELARUSIAN AIRLINES 0.79, *Garantex* ~
GARANTEX EUROPE OÜ 0.71): the words it leaves out are unmatched, so it scores
below :data:`TEXT_THRESHOLD`."""


def core_name(word: str, hit: Hit, schemata: frozenset[str] | None = SINGLE_SCHEMATA) -> bool:
    """Whether one word of prose names a listed organisation, vessel or aircraft
    by its name without what only says where it is from and what it does: the
    listed name's first word, the others generic words and at least one a
    country's or continent's name or English adjective, and perhaps a legal form
    (BELAVIA BELARUSIAN AIRLINES: *Belavia*; GARANTEX EUROPE OÜ: *Garantex*,
    :data:`UNKNOWN_FORM`), or the others only words that say it is an
    organisation (:data:`ORGANISATION_WORDS`). A name word before other generic
    words alone (*TBC* of TBC BANK) is not one: :func:`whole_name` decides
    those. ``schemata=None``: whatever the hit's schema."""
    if schemata is not None and hit.schema not in schemata:
        return False
    tokens = [t for t in analyze_name(word).tokens if t.role not in SINGLE_ROLES]
    if len(tokens) != 1 or tokens[0].role != "name":
        return False
    name = [t for t in analyze_name(hit.matched_name).tokens if t.role not in SINGLE_ROLES]
    if len(name) > MIN_CORE_WORDS and len(name[-1].text) <= UNKNOWN_FORM:
        name.pop()  # a legal form name analysis does not know (the Estonian OÜ)
    if len(name) < MIN_CORE_WORDS or not _same_word(tokens[0], name[0]):
        return False
    if all(t.text in ORGANISATION_WORDS for t in name[1:]):
        return True  # 'NDRANGHETA ORGANIZATION: *'Ndrangheta*
    rest = [t for t in name[1:] if t.role != "generic"]
    return bool(rest) and all(_country_word(t.text) for t in rest)


FRAMED_LETTERS = 6
"""The fewest letters of a lone word that names an organisation by its only
name word among generic words (:func:`framed_name`): a coined word
(*Megvii*, *Unistream*), not an acronym or a short word that is as often
something else (*TBC* of TBC BANK)."""


def framed_name(word: str, hit: Hit) -> bool:
    """Whether one word of prose names a listed organisation whose name is that
    word among generic words and legal forms only, wherever it stands in the
    name (MEGVII TECHNOLOGY LIMITED: *Megvii*; JOINT STOCK COMPANY COMMERCIAL
    BANK SOLIDARNOST: *Solidarnost*; MANAGEMENT COMPANY METALLOINVEST LLC:
    *Metalloinvest*): what the generic words add says what the company does,
    not which it is. The word is written in a cased script, not in capitals
    (an acronym, *TBC* of TBC BANK, is as often something else), of
    :data:`FRAMED_LETTERS` letters or more, and no common word; the caller
    asks too that no other listed name holds it (:meth:`TextScreener._names_only`)."""
    if hit.schema not in FRAMED_SCHEMATA or word.isupper() or not _is_cased_word(word):
        return False
    if sum(map(str.isalpha, word)) < FRAMED_LETTERS or common_word(word):
        return False
    tokens = [t for t in analyze_name(word).tokens if t.role not in SINGLE_ROLES]
    if len(tokens) != 1 or tokens[0].role != "name":
        return False
    name = [t for t in analyze_name(hit.matched_name).tokens if t.role not in SINGLE_ROLES]
    named = [t for t in name if t.role != "generic"]
    return len(name) > len(named) == 1 and _same_word(tokens[0], named[0])


FRAMED_SCHEMATA: Final = frozenset({"Organization", "Company"})
"""What a coined word among generic words may name (:func:`framed_name`): a
company or organisation, not a vessel (a vessel's name is all of it)."""


def _is_cased_word(word: str) -> bool:
    """Whether ``word`` is written in a script with capitals (Latin, Cyrillic, Greek)."""
    return word.lower() != word.upper()


ORGANISATION_WORDS: Final = frozenset({"organization", "organisation"})
"""Generic words that say only that a party is an organisation: a listed name
of one name word and these (*'NDRANGHETA ORGANIZATION*) is named by that word
alone (:func:`core_name`), as one of a name word and a country is."""


CONTINENTS: Final = frozenset(
    "europe european asia asian africa african eurasia eurasian oceania".split()
)
"""Continents' names and English adjectives, which say where a company is
from as a country's do (GARANTEX EUROPE OU: *Garantex*); the territory names
hold countries and regions, not these."""


@lru_cache(maxsize=65_536)
def _country_word(word: str) -> bool:
    """Whether a word of a listed name is a country's or continent's name
    (:data:`CONTINENTS`) or its English adjective (*belarusian*, *iranian*,
    *chinese*: :data:`ENGLISH_ADJECTIVES`)."""
    if word in CONTINENTS or territories.lookup(word) is not None:
        return True
    for ending in ENGLISH_ADJECTIVES:
        if word.endswith(ending) and len(word) - len(ending) >= COUNTRY_STEM:
            stem = word[: -len(ending)]
            if any(territories.lookup(stem + end) is not None for end in ("", "a", "e", "o")):
                return True
    return False


MIN_CORE_WORDS = 2
"""The fewest informative words of a listed name that a core name leaves some out of."""

UNKNOWN_FORM = 2
"""The most letters of a listed organisation name's last word, after two words
or more, read as a legal form that name analysis does not know (GARANTEX
EUROPE OÜ, an Estonian *osaühing*, analysed as one letter)."""

COUNTRY_STEM = 3
"""The fewest letters of a country's name left when its adjective's ending is
taken off."""

_AND: Final = "and"

DISTINCT_LETTERS = 3
"""The fewest letters of a word other than a generic one that a window naming an
organisation needs (*OÜ*, an Estonian legal form that name analysis does not
know, is no name: *Trading OÜ* names no company)."""

CONJUNCTIONS = frozenset("e y i et und ve и і та".split())
"""*And* in the languages around, which may join a person's two surnames (Ortega
*y* Gasset) but not a surname to another person's given name."""


def _two_persons(window: str) -> bool:
    """Whether a window of prose names two persons joined by *and*: a connector
    (:data:`CONNECTORS`: *Mohammed and Ali*), which no person's name holds, or a
    conjunction (:data:`CONJUNCTIONS`) followed by a given name (*Lukashenko e
    Viktor Vekselberg*)."""
    words = window.split()
    for k, word in enumerate(words[:-1]):
        lower = word.lower()
        if lower in CONNECTORS or (lower in CONJUNCTIONS and _given_name(words[k + 1])):
            return True
    return False


def _distinct_words(window: str, wanted: list[Token]) -> int:
    """How many of the window's analysed words are distinctive: of the role
    ``name`` and not a country's name, which name analysis may not know in
    every script (ایران, *Iran*, read as a name: *Iran Saderat* has one
    distinctive word, as *Saderat* alone has)."""
    names = sum(t.role == "name" for t in wanted)
    for word in window.split():
        if territories.lookup(word) is not None:
            names -= sum(t.role == "name" for t in analyze_name(word).tokens)
    return names


SURNAME_LETTERS = 4
"""The fewest letters of a surname read alone beside a title (*Kim*, *Li* name
too many)."""
SAME_WORD = 100
"""A surname's likeness (:func:`_surname_of`, 0–100) to a word spelt as it is."""
SURNAMES = 20
"""How many persons a surname read alone beside a title is screened against."""


def _originals(entry: Entry) -> set[tuple[str, str]]:
    """An index entry's published names as written, each with its kind."""
    return {(name.original, kind) for name, kind in entry.names}


def _surname_of(reading: str, hit: Hit) -> tuple[float, str] | None:
    """How alike, and which, the hit's surname is to ``reading``, if alike
    enough (:data:`TRANSLATED_READING`: *lafrov* ~ *lavrov*). The surname is
    :func:`_surname`; a given name (*Ilan* SHOR) is none. A name that does not
    mark its surname (no word in capitals beside others, no comma: *Mullah
    Baradar Akhund*, ABDUL GHANI BARADAR ABDUL AHMAD TURK, as Arabic and
    Pashto names are published) has any word not known as a given name as
    its surname too (*Mullah Baradar*; *President Ghani* is no ABDUL GHANI
    BARADAR)."""
    name = hit.matched_name
    tokens = [t.text for t in analyze_name(_surname(name)).tokens if t.role not in MINOR_ROLES]
    words = analyze_name(name).tokens
    if not _marks_surname(name):
        tokens.extend(
            t.text for t in words if t.role not in MINOR_ROLES and not known_given_name(t.symbols)
        )
    # the word after Abu or Umm is a child's given name (ABU BAQER), no surname
    kunya = {b.text for a, b in itertools.pairwise(words) if a.text in KUNYA}
    best = max(((fuzz.ratio(reading, t), t) for t in tokens if t not in kunya), default=None)
    return best if best is not None and best[0] >= TRANSLATED_READING * 100 else None


_LATIN_NAME_WORD: Final = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+")


def _bare_latin(word: str) -> str:
    """A Latin word in lower case without its accents."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _spelt_as_listed(word: str, hit: Hit) -> bool:
    """Whether a surname in Latin letters is, accents aside, a word of the hit's
    matched name when that name is in Latin letters too: name analysis folds
    spellings together (*Baker*, BAQER: *baker*), a title's surname is one
    the list spells so; a name in another script (Путин Михаил) spells no Latin
    word (*Poutine* is then read as the list spells it, *Putin*). A word in
    another script is not compared."""
    if not _LATIN_NAME_WORD.fullmatch(word):
        return True
    listed = _LATIN_NAME_WORD.findall(hit.matched_name)
    return _bare_latin(word) in {_bare_latin(w) for w in listed}


KUNYA: Final = frozenset({"abu", "abou", "umm", "um"})
"""*Father of*, *mother of* (as name analysis folds them), which begin an Arabic
name after one's child (*Abu Bakr*): the word after them is the child's given name."""


def _marks_surname(name: str) -> bool:
    """Whether a listed person's name says which words are the surname: some in
    capitals and others not, or a comma after it (:func:`_surname`)."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    capitals = sum(len(w) > 1 and w.isupper() for w in words)
    return "," in name or 0 < capitals < len(words)


def _surname(name: str) -> str:
    """A listed person's surname: the words the list writes in capitals
    (*Nicolás MADURO MOROS*), else the first words before a comma (*LAVROV,
    Sergei*), else the last word."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    capitals = [w for w in words if len(w) > 1 and w.isupper()]
    if capitals and len(capitals) < len(words):
        return " ".join(capitals)
    if "," in name:
        return name.split(",", 1)[0]
    return words[-1] if words else ""


BARE_AUTHORITIES = 3
"""The fewest authorities that must list the person a surname alone, with no
title or verb of speech beside it, names (:func:`mentions._bare_surname`):
prose names so only the well-known (*Решетников с ним согласился*)."""
BARE_SURNAME = 5
"""The most listed names a surname alone may be a word of (a surname a family
shares, as the Chemezovs do; not *Ivanov*)."""
INITIALLED_SURNAME = 20
"""The most listed names a surname may be a word of to be screened with an
initial alone (*V. Putin*: 10; *Ivanov* 49, *Kim* 138 are left alone)."""

BIC = 8
"""The letters of a SWIFT/BIC code that name the bank in its country and city (a
branch adds three)."""


def _initialled(letter: str, surname: Token, hit: Hit) -> bool:
    """Whether a person listed as ``hit`` has ``surname`` as a word of the name
    and another word, a given name, that begins with ``letter`` (*V.* Putin:
    *Vladimir* Vladimirovich PUTIN)."""
    if hit.schema != "Person":
        return False
    tokens = [t for t in analyze_name(hit.matched_name).tokens if t.role not in MINOR_ROLES]
    at = [i for i, t in enumerate(tokens) if _same_word(surname, t)]
    return bool(at) and any(t.text.startswith(letter) for i, t in enumerate(tokens) if i not in at)


def _bare_mark(name: str) -> str:
    """A registration mark's letters and digits alone, in capitals (``ep-mnf`` → ``EPMNF``)."""
    return "".join(c for c in name if c.isalnum()).upper()


def _given_name(word: str) -> bool:
    """Whether a word is known as a given name (``Linda``, ``Hamas``)."""
    return any(known_given_name(t.symbols) for t in analyze_name(word).tokens)


def _as_written(window: str, hits: Sequence[Hit]) -> Hit:
    """The best of ``hits`` (best first) for a window of prose: of those that
    score as well as the first (a name-only score is capped, so two parties
    that publish one name tie), the one whose matched name is the window's
    words as written, if one is: *ALFA-BANK JSC* is the bank listed under
    that name, not *Alfa-Bank ZAO (Belarus)*, which scores the same."""
    key = analyze_name(window).key
    for hit in hits:
        if hit.score < hits[0].score:
            break
        if analyze_name(hit.matched_name).key == key:
            return hit
    return hits[0]


def _read_as(english: str, keyed: list[_KeyedHit]) -> list[_KeyedHit]:
    """``keyed``, each hit's explanation opening with the English the text's
    words were read as (a translated name: the analyst sees why it matched)."""
    for k in keyed:
        k.hit = replace(k.hit, explanation=f"read in English as '{english}'; {k.hit.explanation}")
    return keyed


def _keyed(hits: Sequence[Hit]) -> list[_KeyedHit]:
    """The best of ``hits`` with the others of its party, keyed, or nothing."""
    if not hits:
        return []
    return [_KeyedHit(hits[0], [h for h in hits if _same_party(hits[0], h)])]


def _same_party(best: Hit, other: Hit) -> bool:
    """Whether two hits for the same words are the same party: the same profile when
    profiles are known, else the same schema and the same name tokens in any order."""
    if best.profile_id is not None or other.profile_id is not None:
        return best.profile_id == other.profile_id
    return best.schema == other.schema and set(analyze_name(best.name).texts) == set(
        analyze_name(other.name).texts
    )


class _KeyedHit:
    """The hits of one party for one window of text, with the key mentions are
    grouped by (the profile id, else the smallest listing key)."""

    __slots__ = ("hit", "key", "listings", "schema", "score")

    def __init__(self, hit: Hit, group: list[Hit]) -> None:
        self.hit = hit
        self.score = hit.score
        self.schema = hit.schema
        self.listings = [listing for h in group for listing in h.listings]
        self.key = hit.profile_id or min(f"{x.source}:{x.source_id}" for x in self.listings)
