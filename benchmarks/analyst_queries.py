"""Names as analysts type them: does ``thaw screen`` put the party they mean on top?

Usage::

    python benchmarks/analyst_queries.py --home DIR [--set 1|2|...|14|all] [--show]

Fourteen sets, ``tests/fixtures/match/analyst_queries.csv``,
``analyst_queries2.csv`` (the second: more names that must not alert --
namesakes of listed people, common and generic-word companies, names close to
a listed one in spelling only) and ``analyst_queries3.csv`` (the third:
namesakes sharing common given names or a surname with a listed person, people
whose date of birth or nationality differs from the listing's, companies a
letter or a generic word from a listed one, and listed parties as analysts
type them, some with the facts they know) and ``analyst_queries4.csv`` (the
fourth: Chinese and Korean names a syllable or a character from a listed one,
or one syllable of a listed two-syllable given name; companies a letter or a
word from a listed one; and listed Chinese, Korean and Russian parties as
analysts type them) and ``analyst_queries5.csv`` (the fifth: namesakes of
the other gender -- a listed man's name in its feminine form and the reverse,
in Russian, Ukrainian, Polish, Serbian, Italian, Spanish, Arabic and English,
some in Cyrillic; listed women and men whose gendered surnames are spelt
another way; banks and firms that share a near name with a listed one but are
other firms in other countries, given the country or naming it; and the listed
ones with their country) and ``analyst_queries6.csv`` (the sixth: namesakes of
the other gender whose feminine form is not the masculine one with *-a* --
French *-elle*, *-ine*, *-e*, English *Patricia*, *Nicole* -- and more in *-a*, in
French, Spanish, German, Arabic, Serbian, Russian, some in Cyrillic; Slavic
surnames a syllable longer than a listed one, which are other surnames; firms
abroad whose name is a listed firm's spelt otherwise, given their country; and
the listed parties as analysts type them), ``analyst_queries7.csv`` (the
seventh: firms that share one or two generic words with a listed firm, the
listing's other words absent; firms named like a listed vessel; Arabic and
Persian namesakes a consonant away from a listed person, in their script and
romanised; Thai namesakes a vowel or a final consonant away; and the listed
parties as analysts type them) and ``hispanic_names.csv`` (the
eighth: listed Venezuelan, Nicaraguan, Mexican and Colombian people and two
Portuguese names as analysts and newspapers name them -- the first surname
only, both, without accents, a compound given name shortened, a particle or a
married *de X* dropped -- and namesakes sharing a common surname, both
surnames with another given name, another second surname or only the
maternal surname, which must not alert) and ``analyst_queries9.csv`` (the
ninth: customer rows naming a listed person with another decade of birth or
another country, and those listed with their facts; listed Russian, Arabic and
Chinese parties in another transliteration or in characters; Turkish,
Indonesian, Vietnamese, Nigerian and Indian namesakes sharing a word with a
listed person; firms named after a place or a person that share that word with
a listed firm; and vessels by a former name) and ``analyst_queries10.csv``
(the tenth: customers with a listed person's surname and another given name
in Russian, Ukrainian, Belarusian, Persian, Arabic, Syrian, Chinese, Korean,
Venezuelan and Cuban naming customs, and Burmese names sharing words with a
listed one; firms sharing a listed firm's trade word in another country or
legal form; women with the feminine of a listed man's name, or a surname
that has no gender; and listed parties in another transliteration) and
``analyst_queries11.csv`` (the eleventh: customers sharing a listed person's
given name, surname or father's name in Turkish, Pakistani, Afghan, Somali,
Nigerian, Chechen, Georgian, Vietnamese and Thai naming customs; firms sharing
a listed firm's trade word in another industry or country, with and without
their legal form; listed firms with their legal form added, abbreviated or
dropped, and two listed firms with near names, each of which must rank
first; and listed people in another transliteration), ``analyst_queries12.csv``
(the twelfth: Persian, Turkic, Arabic and Hispanic namesakes, Latin spellings
of Arabic-script listings, gender pairs, birth dates near and far from the
listing's, firms sharing a city or country word) and ``analyst_queries13.csv``
(the thirteenth: namesakes as a bank's customer file carries them, with birth
date, country and gender -- Iranian and Afghan names with common given names
and surnames, Russian given names and patronymics with another surname,
Hispanic double surnames shared in part, Indonesian and Malay one-word and
common names, Chinese and Korean names with common surnames a syllable from a
listed one, Turkish and Kurdish names sharing a word with a listed PKK or
Turkish person -- and the listed people of those groups with typos,
transliterations, dropped honorifics, maternal surnames or patronymics) and
``analyst_queries14.csv`` (the fourteenth: namesakes as a bank's customer file
carries them, with birth date, country and gender, from groups the earlier sets
hold few of -- West African Hausa, Fulani, Yoruba and Wolof names with Arabic
given names, Pakistani and Bangladeshi names of *Muhammad* and a tribe or caste,
Central Asian *-ov*/*-ova*/*-bek* names, Georgian and Armenian, Balkan *-ić*,
Vietnamese, Filipino and Somali patronymic chains, some with a listed person's
very name and another birth date -- and the listed people of those groups with
typos, transliterations, dropped middle names and patronymics, or in another
order), were each written from the publications before any of it was
screened (blind sets); each is reported on its own. Each row is a query as an
analyst would type it, with the columns:

``query``
    the name typed (an organisation with its legal form dropped, moved or
    translated, an acronym, a person surname first or with initials, in another
    transliteration or in their own script, a vessel with its prefix, a tail
    number, an identifier alone as people write it).
``schema``
    the ``--schema`` the analyst gave, or empty.
``birth_date``, ``country``, ``gender`` (optional columns)
    the ``--birth-date``, ``--country`` and gender (``M``/``F``) the analyst
    gave, or empty.
``expected``
    ``source:source_id`` of one listing of the party meant; empty for a name
    that is listed nowhere and must not alert.
``kind``, ``note``
    what the query tests, and how.

Each query is screened as ``thaw screen`` screens it (:class:`PartyScreener`,
the default threshold, ten hits). A query with an expected listing is counted
at **top 1** when the first hit is the listing's party (its profile, or the
listing itself), **top 3** within the first three, **found** anywhere among the
hits; a name that must not alert counts as an **alert** when it has any hit.

The rows are split into two halves by a hash of the query (:func:`half`), not
by anyone's choice: ``dev`` is looked at while developing (``--show`` lists its
misses and its alerts), ``held`` is only counted.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests/fixtures/match"
QUERIES = FIXTURES / "analyst_queries.csv"
SETS = {
    "1": QUERIES,
    "2": FIXTURES / "analyst_queries2.csv",
    "3": FIXTURES / "analyst_queries3.csv",
    "4": FIXTURES / "analyst_queries4.csv",
    "5": FIXTURES / "analyst_queries5.csv",
    "6": FIXTURES / "analyst_queries6.csv",
    "7": FIXTURES / "analyst_queries7.csv",
    "8": FIXTURES / "hispanic_names.csv",
    "9": FIXTURES / "analyst_queries9.csv",
    "10": FIXTURES / "analyst_queries10.csv",
    "11": FIXTURES / "analyst_queries11.csv",
    "12": FIXTURES / "analyst_queries12.csv",
    "13": FIXTURES / "analyst_queries13.csv",
    "14": FIXTURES / "analyst_queries14.csv",
}


def half(query: str) -> str:
    """``dev`` or ``held``: the parity of the first byte of the query's SHA-256."""
    return "dev" if hashlib.sha256(query.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def read_queries(path: Path = QUERIES) -> list[dict[str, str]]:
    """The query set, each row with its ``half``."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["half"] = half(row["query"])
    return rows


@dataclass
class Outcome:
    """One query screened: the rank of the expected party (0: not among the
    hits) and the first hit's caption and score."""

    row: dict[str, str]
    rank: int
    hits: int
    top: str

    @property
    def negative(self) -> bool:
        return not self.row["expected"]


def screen_all(home: Path, rows: list[dict[str, str]]) -> list[Outcome]:
    """Screen every row as ``thaw screen`` does."""
    from thaw.profiles.screening import PartyScreener

    screener = PartyScreener(home)
    outcomes: list[Outcome] = []
    for row in rows:
        result = screener.screen(
            row["query"],
            schema=row["schema"] or None,
            birth_date=row.get("birth_date") or None,
            country=row.get("country") or None,
            gender=row.get("gender") or None,
            limit=10,
        )
        expected = row["expected"]
        source, _, source_id = expected.partition(":")
        profile = screener.profile_of.get((source, source_id)) if expected else None
        rank = 0
        for i, hit in enumerate(result.hits, 1):
            keys = {f"{listing.source}:{listing.source_id}" for listing in hit.listings}
            if expected and (
                expected in keys or (profile is not None and hit.profile_id == profile)
            ):
                rank = i
                break
        top = f"{result.hits[0].name} ({result.hits[0].score:.2f})" if result.hits else "-"
        outcomes.append(Outcome(row, rank, len(result.hits), top))
    return outcomes


def report(outcomes: list[Outcome], show: bool) -> None:
    """Print top 1 / top 3 / found per kind and half, and alerts on negatives."""
    table: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for o in outcomes:
        for kind in (o.row["kind"], "ALL positives" if not o.negative else "ALL negatives"):
            cell = table[(kind, o.row["half"])]
            cell[0] += 1
            if o.negative:
                cell[3] += o.hits > 0
            else:
                cell[1] += o.rank == 1
                cell[2] += 0 < o.rank <= 3
                cell[3] += o.rank > 0
    kinds = sorted({k for k, _ in table}, key=lambda k: (k.startswith("ALL"), k))
    print(f"{'kind':26} {'half':5} {'n':>4} {'top1':>5} {'top3':>5} {'found':>5} {'alerts':>6}")
    for kind in kinds:
        for h in ("dev", "held"):
            n, top1, top3, found = table.get((kind, h), [0, 0, 0, 0])
            if not n:
                continue
            if kind == "negative" or kind == "ALL negatives":
                print(f"{kind:26} {h:5} {n:4} {'':5} {'':5} {'':5} {found:6}")
            else:
                print(f"{kind:26} {h:5} {n:4} {top1:5} {top3:5} {found:5}")
    if show:
        print("\ndev misses (rank, query, schema, expected, first hit):")
        for o in outcomes:
            if o.row["half"] != "dev":
                continue
            given = [o.row.get(k) or "" for k in ("birth_date", "country", "gender")]
            facts = " ".join(v for v in given if v)
            facts = f" ({facts})" if facts else ""
            if o.negative and o.hits:
                print(f"  ALERT  {o.row['query']!r}{facts} -> {o.top}")
            elif not o.negative and o.rank != 1:
                print(
                    f"  {o.rank or '-':>5}  {o.row['query']!r}{facts} [{o.row['schema']}] "
                    f"{o.row['expected']} -> {o.top}"
                )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", help="which query set")
    parser.add_argument("--show", action="store_true", help="list the dev half's misses")
    args = parser.parse_args(argv)
    for name, path in SETS.items():
        if args.set in (name, "all"):
            print(f"== set {name}: {path.name}")
            report(screen_all(args.home, read_queries(path)), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
