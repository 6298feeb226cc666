"""The Latin spellings a foreign name written in Cyrillic may come from
(:mod:`thaw.text.practical`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from thaw.text.practical import Edge, cyrillic_edges, transcribed_foreign


def _spells(word: str, latin: str) -> bool:
    """Whether ``latin`` can be cut, exactly, into spellings of ``word``'s
    edges from its first letter to its last."""
    return _spells_by(cyrillic_edges, word, latin)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("Уотчетт", "watchett"),  # English w and its a, tch
        ("Макфол", "mcfaul"),  # Mc, the au of English o
        ("Делькруа", "delcroix"),  # French oi, its final x silent
        ("Лебо", "lebeau"),  # French eau
        ("Хименес", "gimenez"),  # Spanish g before e, -ez
        ("Хименес", "jimenez"),
        ("Нейбур", "nijboer"),  # Dutch ij, oe
        ("Прайм", "prime"),  # English i, a silent final e
        ("Олланд", "hollande"),  # a silent h, a French final e
        ("Шольц", "scholz"),  # German sch, z
        ("Джулиани", "giuliani"),  # Italian gi
        ("Ширак", "chirac"),  # French ch, c
        ("Жорж", "georges"),  # French ge, a silent final -es
        ("Ив", "yves"),
        ("Фийон", "fillon"),  # French ill
    ],
)
def test_practical_transcriptions_are_spelt(word: str, latin: str) -> None:
    assert _spells(word, latin)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("Лебо", "leblanc"),
        ("Делькруа", "delacroix"),  # (ь is no vowel a)
        ("Уотсон", "watkins"),
        ("Наполитано", "napoli"),  # a whole word or nothing
        ("Милей", "milla"),  # (ей is no a)
        ("Джон", "jones"),  # (a silent -es only where French writes one)
    ],
)
def test_other_names_are_not(word: str, latin: str) -> None:
    assert not _spells(word, latin)


def test_a_doubled_consonant_is_also_one() -> None:
    assert _spells("Кэммерон", "cameron")
    assert _spells("Кэммерон", "cammeron")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Майкл Макфол", True),
        ("Реджеп Тайип Эрдоган", True),
        ("Иван Петров", False),  # a Slavic surname
        ("Наталья Шевченко", False),
        ("Сергей Иванович", False),  # a patronymic
        ("Ольга Сидорова", False),
        ("Michael McFaul", False),  # no Cyrillic
        ("坂本龍一", False),
    ],
)
def test_only_names_that_may_be_foreign(name: str, expected: bool) -> None:
    assert transcribed_foreign(name) is expected


def test_georgian_and_armenian_letters_are_spelt_too() -> None:
    from thaw.text.practical import armenian_edges, georgian_edges, sound_script

    # the Georgian nominative -ი after a consonant, unwritten in Latin
    assert _spells_by(georgian_edges, "ბაიდენი", "biden")
    assert _spells_by(georgian_edges, "ივანიშვილი", "ivanishvili")
    # Western Armenian readings of the stops (Deukmejian, not Dokmejyan)
    assert _spells_by(armenian_edges, "դոքմեջյան", "deukmejian")
    assert not _spells_by(georgian_edges, "ბაიდენი", "baden")
    assert sound_script("ჯო ბაიდენი") == "Georgian"
    assert sound_script("Ջո Բայդեն") == "Armenian"
    assert sound_script("Иван Петров") == ""
    assert sound_script("Τζορτζ Μπους") == "Greek"


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("ჯორჯ", "george"),  # English soft g with its silent e, a final -ge
        ("ჯორჯი", "george"),  # ... before the nominative -ი
        ("ვაშინგტონი", "washington"),
        ("ტეტჩერი", "thatcher"),  # th, the a of cat, tch
        ("ბერნსი", "burns"),  # the u before r
        ("ჩერჩილი", "churchill"),
        ("ბრაუნი", "brown"),  # ow
        ("გოლი", "gaulle"),  # au, a silent -e before the nominative -ი
        ("შარლ", "charles"),  # French ch, a silent -es
        ("ჟაკ", "jacques"),
        ("კოლი", "kohl"),  # German silent h
        ("ჯეიმზ", "james"),  # English a, a silent e
        ("ნიკოლა", "nicolas"),  # French silent -s
    ],
)
def test_georgian_practical_transcriptions_are_spelt(word: str, latin: str) -> None:
    from thaw.text.practical import georgian_edges

    assert _spells_by(georgian_edges, word, latin)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("ჯორჯ", "gregory"),
        ("ჯორჯ", "georgi"),  # (a final -i is no silent e)
        ("ბუში", "bash"),
        ("კოლი", "kiel"),
        ("ჯეიმზ", "jims"),
        ("ბერნსი", "barnes"),
    ],
)
def test_georgian_other_names_are_not(word: str, latin: str) -> None:
    from thaw.text.practical import georgian_edges

    assert not _spells_by(georgian_edges, word, latin)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("Τζορτζ", "george"),  # τζ the soft g with its silent e, a final -ge
        ("Ουίνστον", "winston"),  # ου w
        ("Τσόρτσιλ", "churchill"),  # τσ ch, the u before r
        ("Θάτσερ", "thatcher"),
        ("Σιράκ", "chirac"),  # σ French ch
        ("Ζακ", "jacques"),  # ζ French j, a silent -ques
        ("Σολτς", "scholz"),  # σ German sch, a final τς z
        ("Σόιμπλε", "schauble"),  # όι German äu
        ("Μάικ", "mike"),  # άι i, a silent -e
        ("Κριστίν", "christine"),
        ("Παπαδόπουλος", "papadopoulos"),  # a Greek name read as written
    ],
)
def test_greek_practical_transcriptions_are_spelt(word: str, latin: str) -> None:
    from thaw.text.practical import greek_edges

    assert _spells_by(greek_edges, word, latin)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("Τζορτζ", "gregory"),
        ("Σολτς", "schulz"),
        ("Μάικ", "make"),  # (an accent parts άι: no e)
        ("Κέρι", "kelly"),
    ],
)
def test_greek_other_names_are_not(word: str, latin: str) -> None:
    from thaw.text.practical import greek_edges

    assert not _spells_by(greek_edges, word, latin)


def _spells_by(edges_of: Callable[[str], Sequence[Edge]], word: str, latin: str) -> bool:
    """Whether ``latin`` can be cut, exactly, into spellings of ``word``'s
    edges (by ``edges_of``) from its first letter to its last."""
    edges = edges_of(word)
    reach = {(0, 0)}
    frontier = [(0, 0)]
    while frontier:
        at, pos = frontier.pop()
        for start, end, spellings in edges:
            if start != at:
                continue
            for sp in spellings:
                nxt = (end, pos + len(sp))
                if latin.startswith(sp, pos) and nxt not in reach:
                    reach.add(nxt)
                    frontier.append(nxt)
    return (len(word), len(latin)) in reach
