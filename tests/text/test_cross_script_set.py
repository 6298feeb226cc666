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


def test_an_original_pairs_with_the_latin_name_that_transcribes_it() -> None:
    # OFSI prints the original on the row of a name that does not write it;
    # another alias of the listing does: the pair takes that alias
    ofsi = _record(
        "uk_ofsi",
        ("alias", "Haider MEHDIGOLI"),
        ("alias", "Haydar PASANDIDEH"),
        ("primary", "Heidar PASANDIDEH"),
        ("original", "حیدر مهدیقلی"),
        ("alias", "Heidar Mehdigholi PASANDIDEH"),
    )
    assert pairs.published_latin(ofsi, 3) == "Heidar PASANDIDEH"
    assert pairs.transcribed_latin(ofsi, 3, "حیدر مهدیقلی") == "Haider MEHDIGOLI"
    # the published name wins a tie: of equal spellings it stays
    row = _record("uk_ofsi", ("alias", "Ali JAAFARI"), ("primary", "Ali JAFARI"))
    row.names.append(Name("علی جعفری", "original"))
    assert pairs.transcribed_latin(row, 2, "علی جعفری") == "Ali JAFARI"
    # a later, fuller name that writes every word wins over a partial one
    dfat = _record(
        "au_dfat",
        ("primary", "Aiman Ahmad AL-DUWAIK"),
        ("alias", "Aiman Ahmad Rashed Al-Duwaik"),
    )
    assert pairs.transcribed_latin(dfat, 0, "أمين أحمد رشاد الدويك") == (
        "Aiman Ahmad Rashed Al-Duwaik"
    )


def test_the_measure_is_a_consonant_skeleton_of_any_script() -> None:
    assert pairs.skeletons("محمد") == pairs.skeletons("Mohammed") == ("mkmd",)
    assert pairs.skeletons("Харитонов") == pairs.skeletons("Kharitonov")
    assert pairs.skeletons("ЛУКАШЭНКА") == pairs.skeletons("LUKASHENKO")
    # ch read both ways: k (חי, Chai) and s (عكاشة, Akkacha)
    assert pairs.skeletons("חי")[0] in pairs.skeletons("Chai")
    assert pairs.skeletons("عكاشة")[0] == "kst"  # ة written t
    assert pairs.skeletons("AKKACHA") == ("k", "ks")
    assert pairs.transcription_score("ኤርሚኣስ ግርማይ", "Ermias GHIRMAY") == 100
    assert pairs.transcription_score("ኤርሚኣስ ግርማይ", "Ermias ALEM") < 80


def test_a_word_no_latin_name_writes_makes_a_published_inconsistency() -> None:
    record = _record("uk_ofsi", ("primary", "Yasin Ahmad DAHI"), ("alias", "Yasin DHAHI"))
    row = {"original": "ياسين أحمد الجبين", "script": "Arabic"}
    assert pairs.unwritten_words(row["original"], "Arabic", pairs.latin_names(record)) == ["الجبين"]
    assert "الجبين" in pairs.inconsistency(row, record)
    # a listing that writes every word (here on two names) is consistent
    record.names.append(Name("Yasin AL-JUBAIN", "alias"))
    assert pairs.inconsistency(row, record) == ""


def test_the_set_records_its_published_inconsistencies() -> None:
    rows = pairs.read_pairs()
    flagged = [r for r in rows if r["inconsistency"]]
    assert all(pairs.is_list_pair(r) for r in flagged)
    assert len(flagged) < 0.05 * sum(map(pairs.is_list_pair, rows))


def test_the_development_sample_written_by_hand_lies_outside_the_set() -> None:
    """The hand-written development pairs (benchmarks/cross_script_pairs.py
    --sample) share no original with the set, whose holdout must stay unseen."""
    import csv

    with pairs.SAMPLE_HAND.open(newline="", encoding="utf-8") as fh:
        sample = list(csv.DictReader(fh))
    assert len(sample) >= 100
    assert {r["script"] for r in sample} == {"Khmer", "Greek", "Hebrew"}
    in_set = {r["original"] for r in pairs.read_all_pairs()}
    assert not in_set & {r["original"] for r in sample}
