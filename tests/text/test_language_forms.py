"""One given name in the forms of several languages (text._language_forms), and
what the shipped symbol table and the matcher make of them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.match.pairs import person_score

from thaw.match import DEFAULT_THRESHOLD
from thaw.text._language_forms import (
    GROUP_PREFIX,
    group_symbols,
    language_links,
    parse_corpus,
    same_spelling,
)
from thaw.text.symbols import known_given_name, word_symbols

FORMS = Path(__file__).resolve().parents[1] / "fixtures" / "match" / "given_name_forms.csv"

#: A few lines in the shape of rigour's person-name corpus (forms abridged).
CORPUS = """\
peter, petr, pyotr, петро, пётр, пьотр => Q1225705
petro, петро, пэтра, пётр => Q15898089
peter, piter, петер, питер, пётр => Q2793400
ivan, иван, іван => Q21104340
john, джон, иван => Q4925477
jan, ян => Q1000001
ryhor, григорий, рыгор => Q19119664
grigory, григорий, рыгор => Q21034742
harrison, гаррисон, харрисон => Q19826485
garrison, гаррисон => Q2000001
grigol, გრიგოლ, григорий => Q3000001
gregory, grigory, გრიგოლი, григорий => Q3000002
"""


def test_spellings_of_the_same_letters() -> None:
    assert same_spelling("nadiya", "nadiia")
    assert same_spelling("iosip", "yosyp")
    assert same_spelling("evgeniy", "yevgeniy")
    assert not same_spelling("pyotr", "petro")


def test_two_language_forms_are_linked_both_ways_only() -> None:
    links = language_links(parse_corpus(CORPUS))
    # петро is Petro's own spelling and a form of Pyotr's item, and пётр the
    # other way round
    assert ("petro", "pyotr") in links
    # Peter's own петер is no form of Petro's item
    assert ("peter", "petro") not in links
    # the John item lists иван, but no Ivan item lists джон; nor ян
    assert ("ivan", "john") not in links
    assert ("ivan", "jan") not in links
    # Рыгор is Ryhor's own spelling read with h for г
    assert ("grigory", "ryhor") in links
    # ... but not when another form writes the word's h (Харрисон)
    assert ("garrison", "harrison") not in links
    # a Georgian nominative -i: the გრიგოლი of Gregory's item is Grigol's გრიგოლ
    assert ("grigol", "grigory") in links


def test_groups_are_joined_and_named_by_their_first_word() -> None:
    groups = group_symbols([("petro", "pyotr"), ("petr", "petro"), ("ivan", "yvan")])
    assert groups["pyotr"] == groups["petr"] == frozenset({GROUP_PREFIX + "petr"})
    assert groups["ivan"] == frozenset({GROUP_PREFIX + "ivan"})


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("petro", "pyotr"),
        ("fedir", "fyodor"),
        ("nadiia", "nadezhda"),
        ("yosyp", "iosif"),
        ("ryhor", "grigory"),
        ("siarhei", "sergei"),
        ("hryhoriy", "grigory"),
        ("heorhiy", "georgy"),
    ],
)
def test_the_table_gives_two_language_forms_a_symbol(a: str, b: str) -> None:
    assert not word_symbols(a).isdisjoint(word_symbols(b))


@pytest.mark.parametrize("word", ["hold", "day", "major", "petro"])
def test_a_group_alone_makes_no_known_given_name(word: str) -> None:
    # (in prose: a lone capitalised Hold or Major is no given name for it)
    assert any(s.startswith(GROUP_PREFIX) for s in word_symbols(word))
    assert not known_given_name(word_symbols(word))


@pytest.mark.parametrize(
    ("a", "b"),
    [("ivan", "john"), ("ivan", "jan"), ("petro", "peter"), ("petro", "pedro")],
)
def test_the_table_keeps_translations_apart(a: str, b: str) -> None:
    assert word_symbols(a).isdisjoint(word_symbols(b))


def test_people_meet_in_their_two_language_forms() -> None:
    assert person_score("Petro Poroshenko", "Pyotr Poroshenko") >= DEFAULT_THRESHOLD
    assert person_score("Ryhor Baradulin", "Grigory Borodulin") >= DEFAULT_THRESHOLD
    assert person_score("Ivan Petrov", "John Petrov") < DEFAULT_THRESHOLD


def test_blind_set_of_language_forms() -> None:
    # the blind set (tests/fixtures/match/given_name_forms.csv), scored after
    # it was written: 73 of 91 pairs before the language-form groups, 82 now;
    # 7 negatives alerted, spelling neighbours, until the forms of either
    # gender (Viktor/Viktoria, Oleh Tsaryov/Olha Tsaryova: match.gender) told
    # 4 of them apart; 3 remain (Yuriy/Yuliy, Tamar/Tamaz, Petro/Pedro)
    with FORMS.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    alerts = {
        (r["name1"], r["name2"]): r["is_match"] == "1"
        for r in rows
        if max(person_score(r["name1"], r["name2"]), person_score(r["name2"], r["name1"]))
        >= DEFAULT_THRESHOLD
    }
    assert sum(alerts.values()) >= 82
    assert len(alerts) - sum(alerts.values()) <= 3
