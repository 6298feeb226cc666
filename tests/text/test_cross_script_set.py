"""The cross-script pair set's rule for list pairs (benchmarks/cross_script_pairs.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from thaw.model import Name, NameKind, Record

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import cross_script_pairs as pairs  # noqa: E402


def _record(source: str, *names: tuple[NameKind, str]) -> Record:
    return Record(source, "1", "Person", names=[Name(v, kind) for kind, v in names])


def test_an_original_pairs_with_the_latin_name_published_beside_it() -> None:
    # OFSI: the non-Latin name is printed on the row of one name (here the
    # primary, after the aliases: the first Latin name is another alias)
    ofsi = _record(
        "uk_ofsi",
        ("alias", "Abu Qatada AL-FILISTINI"),
        ("alias", "Abu ISMAIL"),
        ("primary", "OMAR MAHMOUD UTHMAN"),
        ("original", "عمر محمود عثمان"),
    )
    assert pairs.published_latin(ofsi, 3) == "OMAR MAHMOUD UTHMAN"
    # on an alias's row, that alias, whatever the primary name
    row = _record("uk_ofsi", ("primary", "Mohammad Ali JAFARI"), ("alias", "Aziz JAFARI"))
    row.names.append(Name("محمدعلی جعفری", "original"))
    assert pairs.published_latin(row, 2) == "Aziz JAFARI"
    # DFAT and the UN give the original for the listing: the primary name
    dfat = _record(
        "au_dfat",
        ("primary", "Mohammadullah Mati"),
        ("alias", "Mawlawi Nanai"),
        ("original", "محمد الله مطيع"),
    )
    assert pairs.published_latin(dfat, 2) == "Mohammadullah Mati"
    # no Latin name before it: no pair
    alone = _record("ca_sema", ("alias", "Тигран Кеосаян"), ("primary", "Tigran KEOSAYAN"))
    assert pairs.published_latin(alone, 0) is None


def test_only_names_written_in_another_script_are_originals() -> None:
    assert pairs.is_original("عمر محمود عثمان")
    assert pairs.is_original("ינון לוי LEVY")  # mostly Hebrew
    assert pairs.is_original("Тетянa Завальськa")  # a look-alike a in a Cyrillic name
    assert not pairs.is_original("Аlexey Ivanovich RIMASHEVSKIY")  # Cyrillic А
    assert not pairs.is_original("Jin Tiesan (金铁三)")  # a Latin reading first
    assert not pairs.is_original("محمد الل\ufffd\ufffd مطيع")  # a broken encoding


def test_every_list_pair_of_the_set_has_an_original() -> None:
    rows = pairs.read_pairs()
    listed = [r for r in rows if pairs.is_list_pair(r)]
    assert len(listed) >= 250
    assert all(pairs.is_original(r["original"]) for r in listed)
    assert all(pairs.script_of(r["latin"]) == "Latin" for r in listed)
