"""Readings of names in Cyrillic, Hebrew and Greek letters that their Latin
spellings need (issue 11, 1): ё printed as е, the Serbian letters as English
spells them, a Hebrew ג׳ read as a hard g, a Greek given name's hypocoristic,
the -yev of English spellings of Russian names folded, titles written in the
Arabic script, and the consonant key of kh after s."""

from __future__ import annotations

from thaw.text import abjad_key, analyze_name, fold_token
from thaw.text.translit import (
    _greek_hypocoristic,
    belarusian_variant,
    cyrillic_variant,
    greek_variant,
    hebrew_variant,
)


def test_yo_is_also_read_as_ye() -> None:
    assert cyrillic_variant("Пётр Порошенко") == ("петр порошенко",)
    # the other readings of the name without ё follow (г also read as h)
    assert cyrillic_variant("Фёдор Григорьев") == ("федор григорьев", "федор хрихорьев")
    assert cyrillic_variant("Петр Порошенко") == ()


def test_ukrainian_forms_its_letters_do_not_show_are_read_as_russian_writes_them() -> None:
    # (the lists romanise Ukrainians in Russian forms: Mikhail Nikolaevich)
    assert cyrillic_variant("Михайло Миколайович Кушаков") == ("михайло николаевич кушаков",)
    assert cyrillic_variant("Сергій Андрійович")[0] == "сергий андриевич"
    assert cyrillic_variant("Микита Петров") == ("никита петров",)
    assert cyrillic_variant("Микоян") == ()  # (not Nicholas's Мик-)


def test_serbian_letters_are_also_read_as_english_spells_them() -> None:
    assert cyrillic_variant("Кадић") == ("кадич",)
    assert cyrillic_variant("Ђорђевић") == ("джорджевич",)
    # Macedonian ќ and ѓ likewise
    assert cyrillic_variant("Ѓорѓиевски") == ("джорджиевски",)


def test_belarusian_chanka_is_the_russian_chenko() -> None:
    assert belarusian_variant("Раман Галоўчанка") == ("раман галовченко",)
    assert belarusian_variant("Аляксандр Лукашэнка") == ("аляксандр лукашенко",)


def test_hebrew_gimel_with_geresh_is_also_a_hard_g() -> None:
    assert "חיגאזי" in hebrew_variant("חיג'אזי")
    assert "גמאל עבד אל-נאצר" in hebrew_variant("ג׳מאל עבד אל-נאצר")
    # the geresh of the other letters stays (צ׳ is ch, ז׳ zh)
    assert hebrew_variant("צ'רניחובסקי") == ()
    assert hebrew_variant("דוד") == ()


def test_greek_hypocoristics_known_to_rigour() -> None:
    assert _greek_hypocoristic("spyridon") == "spyros"
    assert _greek_hypocoristic("athanasios") == "thanasis"
    assert _greek_hypocoristic("evangelos") == "vangelis"
    assert _greek_hypocoristic("efstathios") == "stathis"
    # Λευτέρης has τ where Ελευθέριος has θ
    assert _greek_hypocoristic("eleftherios") == "lefteris"
    # a short form no name item knows is no reading (Alexandros, Antonios)
    assert _greek_hypocoristic("alexandros") == "alexandros"
    assert _greek_hypocoristic("antonios") == "antonios"
    assert _greek_hypocoristic("georgios") == "georgios"
    assert "spyros papadopoulos" in greek_variant("Σπυρίδων Παπαδόπουλος")
    assert "john papadopoulos" in greek_variant("Ιωάννης Παπαδόπουλος")


def test_greek_short_forms_rigour_lacks_are_read_both_ways() -> None:
    # Νικόλαος is known as Nikos, and Nikos is written Νίκος
    assert "nikos dendias" in greek_variant("Νικόλαος Δένδιας")
    assert "nikolaos dendias" in greek_variant("Νίκος Δένδιας")
    assert "tasos papadopoulos" in greek_variant("Αναστάσιος Παπαδόπουλος")
    # the surname is not read so, nor a name the table lacks
    assert all("nikos" not in v for v in greek_variant("Γιώργος Νικολάου"))


def test_yev_after_a_vowel_folds_as_the_russian_reading() -> None:
    assert fold_token("matveyevich") == fold_token("matveevich")
    assert fold_token("sergeyevna") == fold_token("sergeevna")
    assert fold_token("nikolayev") == fold_token("nikolaev")
    # a ye elsewhere stays (Meyer is no Mir, Yevgeny keeps its first y)
    assert fold_token("meyer") != fold_token("mir")
    assert fold_token("yevgeny").startswith("y")


def test_titles_written_in_the_arabic_script_are_honorifics() -> None:
    roles = [(t.raw, t.role) for t in analyze_name("ملا محمد عمر", "Person").tokens]
    assert roles[0] == ("mla", "honorific")
    roles = [(t.raw, t.role) for t in analyze_name("شیخ حسینه", "Person").tokens]
    assert roles[0] == ("shykh", "honorific")
    # the last word is a name (Omar Sheikh), and سعيد (read as سيد is) a name
    assert analyze_name("عمر شیخ", "Person").tokens[-1].role == "name"
    assert analyze_name("سعيد محمد", "Person").tokens[0].role == "name"


def test_an_abjad_word_is_no_stop_word() -> None:
    # Persian بی, read "by", is part of بی جن *Bijan*
    assert [t.role for t in analyze_name("بی جن خان", "Person").tokens][0] == "name"
    assert [t.role for t in analyze_name("John by Smith", "Person").tokens][1] == "stop"


def test_kh_after_s_is_no_sh_in_the_consonant_key() -> None:
    assert abjad_key("skhy") == abjad_key("sakhi") == "sh"
    assert abjad_key("dkhtr") == abjad_key("dukhtar")
    assert abjad_key("gchy") == abjad_key("gachi")
    assert abjad_key("shakhi") == "sh"


def test_a_consonant_kept_once_makes_no_long_vowel_of_the_gaps_beside_it() -> None:
    from thaw.text.fold import written_vowels_differ

    # the e, e either side of Tenenbaum's second n are no long ee
    assert not written_vowels_differ("tnnbwm", "tenenbaum")
    assert written_vowels_differ("hsn", "hussein")
