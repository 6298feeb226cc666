"""Korean: Hangul for the lists, hanja read in Korean, foreign names in Hangul read back."""

from __future__ import annotations

import csv
import gzip
import hashlib
from pathlib import Path

import pytest

from thaw.index.entry import entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.model import Name, Record
from thaw.text import analyze_name, name_variants
from thaw.text.korean import (
    HANJA_PATH,
    HANJA_SHA256,
    MANDARIN_PATH,
    MANDARIN_SHA256,
    MAX_MANDARIN_VARIANTS,
    _pinyin_hangul,
    chinese_sound_readings,
    hangul_edges,
    hangul_spellings,
    hangul_variants,
    hanja_edges,
    hanja_reading,
    hanja_readings,
    hanja_spellings,
    hanja_syllables,
    hungarian_reading,
    is_foreign_hangul,
    is_korean_name,
    is_korean_spelt_word,
    japanese_hangul_readings,
    joined_readings,
    korean_reading,
    korean_rr,
    korean_words,
    loanword_reading,
    mandarin_readings,
    mandarin_variants,
    reads_as_korean_name,
    spell_same_syllables,
    syllable_readings,
    without_ssi,
)


def test_hangul_syllables_fold_towards_the_lists() -> None:
    assert korean_words("김정은") == ["kim", "jong", "un"]
    assert korean_words("박") == ["pak"]
    assert korean_rr("병") == "byeong"
    assert korean_rr("x") == ""


def test_hanja_table_is_the_one_the_code_names() -> None:
    data = HANJA_PATH.read_bytes()
    assert hashlib.sha256(data).hexdigest() == HANJA_SHA256
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    assert len(lines) > 10_000
    assert all(len(line.split("\t")) == 2 for line in lines)
    # a character of several readings lists each, the reading of names first
    assert "若\t야 약" in lines


def test_hanja_read_in_korean_prefer_the_name_reading() -> None:
    assert hanja_reading("金") == "김"  # 금 as a word, 김 as a surname
    # the reading as the dictionary (and North Korea, *Ri*) writes it; the
    # South's initial-sound rule makes it 이 at the start of a word
    assert hanja_reading("李") == "리"
    assert hanja_reading("铁") == hanja_reading("鐵") == "철"  # simplified: as traditional
    assert hanja_reading("a") == ""
    assert korean_reading("金铁三") == "김철삼"
    assert korean_reading("Jin (金铁三)") == "Jin (김철삼)"
    assert korean_reading("Kim") == ""  # nothing to read
    # the other readings a name may take are kept beside it
    assert hanja_readings("若") == ("야", "약")  # 丁若鏞 *Jeong Yak-yong*
    assert hanja_readings("金") == ("김", "금")
    assert hanja_readings("鐵") == ("철",)
    assert hanja_readings("a") == ()


def test_foreign_syllables_are_no_hanja_reading() -> None:
    known = hanja_syllables()
    assert {"김", "철", "삼", "정", "은"} <= known
    assert not {"르", "트", "츠", "프"} & known
    assert is_foreign_hangul("바르트만")
    assert is_foreign_hangul("푸틴")
    assert not is_foreign_hangul("김정은")
    assert not is_foreign_hangul("하은")


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("바르트만", "bartman"),  # epenthetic 으 after r and t
        ("곰퍼츠", "gomperz"),  # ㅓ before a consonant is er; 츠 is z
        ("도브론라보프", "dobronravov"),  # Russian -ov: ㅂ before a vowel is v
        ("이바노프", "ivanov"),
        ("블라디미르", "bladimir"),  # 블라: an l before a vowel is written ㄹㄹ
        ("푸틴", "putin"),
        ("루카셴코", "rukashenko"),  # ㅅ with a y-vowel is sh
        ("밀러", "miler"),  # ㄹㄹ is one l; a last ㅓ is er
        ("스미스", "smis"),  # word-initial epenthesis
    ],
)
def test_loanword_reading(hangul: str, latin: str) -> None:
    assert loanword_reading(hangul) == latin


def test_loanword_reading_of_l_before_a_final_consonant() -> None:
    assert loanword_reading("프레드홀름") == "predholm"  # Fredholm: 홀름 holm
    assert loanword_reading("필름") == "pilm"


def test_loanword_reading_of_an_initial_l() -> None:
    assert loanword_reading("라덴") == "raden"
    assert loanword_reading("라덴", initial_l=True) == "laden"
    assert loanword_reading("bad") == ""


def test_foreign_names_in_hangul_have_readings_korean_names_none() -> None:
    # as read, then with f and v for the p and b the orthography writes them with
    assert hangul_variants("블라디미르 푸틴") == ("bladimir putin", "vladimir futin")
    assert hangul_variants("도리프") == ("dorip", "dorif")
    # one foreign word makes the whole name a foreign person's
    assert hangul_variants("오사마 빈 라덴")[:2] == ("osama bin raden", "osama bin laden")
    # every syllable a hanja reading, but a word of three syllables beside
    # another: no Korean name is written so (Igor Sechin)
    assert hangul_variants("이고리 세친") == ("igori sechin",)
    assert hangul_variants("하은 민준 박") == ()  # given, middle, surname
    assert name_variants("하은 박", "Person") == ()


def test_a_name_of_one_word_gets_every_reading() -> None:
    # foreign names of syllables that hanja read too, with f and v for the p
    # and b the orthography also writes them with
    assert hangul_variants("사라")[:1] == ("sara",)
    assert hangul_variants("이반")[:2] == ("iban", "ivan")
    # but not one shaped as a Korean full name: read back as one Latin word,
    # 김종은 and 김정은 (two people) would meet as near spellings
    assert is_korean_name("김정은") and not is_korean_name("사라")
    assert hangul_variants("김정은") == ()
    # ... unless the Japanese table writes it (마 is a surname too; a Korean
    # full name has a vowel or a final Japanese has not, 김, 정, 은)
    assert hangul_variants("마리아") == ("maria",)
    assert hangul_variants("하루나") == ("haruna",)


def test_mandarin_table_is_the_one_the_code_names() -> None:
    data = MANDARIN_PATH.read_bytes()
    assert hashlib.sha256(data).hexdigest() == MANDARIN_SHA256
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    assert len(lines) > 400  # (every syllable some common character is read as)


def test_mandarin_readings_of_a_korean_syllable() -> None:
    readings = mandarin_readings("승")  # 勝 sheng, 承 and 乘 cheng ...
    assert [r for r, _ in readings[:2]] == ["sheng", "cheng"]
    shares = [share for _, share in readings]
    assert shares == sorted(shares, reverse=True) and 0.9 <= sum(shares) <= 1.01
    assert mandarin_readings("김") == (("jin", 1.0),)
    assert mandarin_readings("르") == ()  # no character is read so


def test_chinese_names_written_in_hangul_get_their_mandarin_readings() -> None:
    # 小平 and 志強 read in Korean, and back in Mandarin
    assert mandarin_variants("소평")[0] == "xiao ping"
    assert "zhi qiang" in mandarin_variants("지강")
    assert "jin" in mandarin_variants("김")
    assert len(mandarin_variants("지강")) == MAX_MANDARIN_VARIANTS
    # after its reading back as a foreign name
    mandarin = mandarin_variants("지강")
    assert hangul_variants("지강")[: 1 + len(mandarin)] == ("jigang", *mandarin)
    # a Korean name of three syllables, a name of several words, a foreign
    # name: no Mandarin reading
    assert mandarin_variants("김정은") == ()
    assert hangul_variants("지강 김") == ()
    assert mandarin_variants("푸틴") == ()


def test_korean_names_stay_syllables() -> None:
    # the variant is another reading: the Hangul name itself is still compared
    # syllable by syllable, as written
    tokens = analyze_name("김정은", "Person").tokens
    assert [t.script_form for t in tokens] == ["김", "정", "은"]


@pytest.mark.parametrize(
    ("pinyin", "hangul"),
    [
        # examples of the orthography's Chinese table (외래어 표기법, table 4)
        ("tian", "톈"),
        ("juan", "쥐안"),
        ("zi", "쯔"),
        ("shi", "스"),
        ("jia", "자"),  # ㅈ ㅉ ㅊ write ㅑ as ㅏ
        ("jian", "젠"),
        ("xie", "셰"),
        ("xiong", "슝"),
        ("wei", "웨이"),
        ("gui", "구이"),
        ("guo", "궈"),
        ("yue", "웨"),
        ("hong", "훙"),
        ("song", "쑹"),
        ("er", "얼"),
        ("ou", "어우"),
    ],
)
def test_the_chinese_table_of_the_orthography(pinyin: str, hangul: str) -> None:
    assert _pinyin_hangul(pinyin) == hangul


def test_chinese_names_written_in_hangul_by_sound_are_read_back() -> None:
    assert chinese_sound_readings("마오쩌둥") == ("mao ze dong",)
    assert chinese_sound_readings("시진핑")[0] == "xi jin ping"
    assert chinese_sound_readings("리쥐안") == ("li juan",)
    # a spelling of several syllables: the commoner first (펑 peng and feng)
    assert set(chinese_sound_readings("펑")) == {"feng", "peng"}
    # Korean names have syllables the table never writes
    assert chinese_sound_readings("김정은") == ()
    assert chinese_sound_readings("박근혜") == ()
    assert chinese_sound_readings("Kim") == ()
    # as a variant of a name written so
    assert "li juan" in hangul_variants("리쥐안")
    assert "hao yu" in hangul_variants("하오위")  # (하 is a Korean surname too)
    assert hangul_variants("리창호") == ()  # a Korean name: no reading
    assert "mao ze dong" in name_variants("마오쩌둥", "Person")


def test_japanese_names_written_in_hangul_are_read_back() -> None:
    assert japanese_hangul_readings("미쓰하루") == ("mitsuharu",)
    assert japanese_hangul_readings("요시츠구") == ("yoshitsugu",)  # 츠 tsu too
    assert japanese_hangul_readings("가쯔오")[0] == "katsuo"  # and 쯔
    assert japanese_hangul_readings("홋카이도") == ("hokkaido",)  # ㅅ: a doubled consonant
    # a first ㄱ, ㄷ, ㅈ writes k, t, ch too; 자 za and ja
    assert set(japanese_hangul_readings("게이시")) == {"keishi", "geishi"}
    assert "taizo" in japanese_hangul_readings("다이조")
    # Korean names and short words: none
    assert japanese_hangul_readings("김정은") == ()
    assert japanese_hangul_readings("박근혜") == ()
    assert japanese_hangul_readings("사토") == ()
    assert "mitsuharu" in hangul_variants("미쓰하루")
    assert "keishi" in hangul_variants("게이시")


def test_chinese_readings_are_of_three_syllables_at_most() -> None:
    assert chinese_sound_readings("사바라스") == ()  # (sha ba la si)


def test_hungarian_transcription() -> None:
    # Hungarian Wikipedia's spellings of North Korean names
    assert hungarian_reading("승수") == "szungszu"
    assert hungarian_reading("병준") == "pjongdzsun"  # ㅈ voiced after a vowel: dzs
    assert hungarian_reading("광혁") == "kvanghjok"
    assert hungarian_reading("창재") == "cshangdzse"  # aspirates with h
    assert hungarian_reading("Kim") == ""
    # a given name alone gets it; a Korean full name does not
    assert "csongnam" in hangul_variants("정남")
    assert hangul_variants("김정남") == ()


# --- every Latin spelling of a Hangul syllable -------------------------------------------

NEGATIVES = Path(__file__).resolve().parents[1] / "fixtures" / "text" / "korean_negatives.csv"


@pytest.mark.parametrize(
    ("syllable", "spellings"),
    [
        # the Revised Romanization (first)
        ("박", ["bak"]),
        ("정", ["jeong"]),
        ("최", ["choe"]),
        ("희", ["hui"]),
        ("병", ["byeong"]),
        ("권", ["gwon"]),
        ("석", ["seok"]),
        ("은", ["eun"]),
    ],
)
def test_revised_romanization_comes_first(syllable: str, spellings: list[str]) -> None:
    assert list(hangul_spellings(syllable)[: len(spellings)]) == spellings


@pytest.mark.parametrize(
    ("syllable", "spellings"),
    [
        # McCune–Reischauer, breves and apostrophes folded, as the UN and
        # OFAC lists write North Koreans (Pak Pong Ju, Choe Ryong Hae, Ri Sol Ju,
        # Hyon Song Wol, Kang Kon, Kim Yong Chol, Jang Song Thaek)
        ("박", ["pak"]),
        ("봉", ["pong"]),
        ("룡", ["ryong"]),
        ("설", ["sol"]),
        ("현", ["hyon"]),
        ("송", ["song"]),
        ("건", ["kon", "gon"]),
        ("철", ["chol"]),
        ("택", ["thaek", "taek"]),  # North Korea's aspirate th, MR's t' folded
        ("평", ["phyong", "pyong"]),
        ("을", ["ul"]),
        ("정", ["chong", "jong"]),
        ("덕", ["tok"]),
        ("광", ["kwang"]),
    ],
)
def test_mccune_reischauer_spellings(syllable: str, spellings: list[str]) -> None:
    assert set(spellings) <= set(hangul_spellings(syllable))


@pytest.mark.parametrize(
    ("syllable", "spellings"),
    [
        # customary spellings of passports and the press
        ("박", ["park", "bahk"]),
        ("이", ["lee", "yi", "rhee", "ri", "i", "li"]),
        ("최", ["choi", "chey"]),
        ("정", ["jung", "chung"]),
        ("노", ["roh", "noh", "no", "rho", "ro"]),  # 노/로: the North's Ro
        ("강", ["kang", "gang", "kahng"]),
        ("함", ["ham", "hahm"]),
        ("신", ["shin", "sin", "shinn"]),
        ("여", ["yeo", "yuh", "lyuh", "ryo", "ryeo"]),  # 여/려: the North's Ryo
        ("임", ["lim", "im", "rim", "yim"]),
        ("건", ["kun", "keon", "geon"]),
        ("근", ["keun", "geun", "kun"]),
        ("희", ["hee", "heui"]),
        ("승", ["seung", "sung"]),
        ("성", ["sung", "seong"]),
        ("영", ["young", "yeong"]),
        ("수", ["soo", "su"]),
        ("우", ["woo", "u"]),
        ("배", ["bae", "pae"]),
        ("안", ["ahn", "an"]),
        ("윤", ["yoon", "yun", "youn"]),
        ("오", ["oh", "o"]),
        ("신", ["shin", "sin"]),
        ("화", ["hwa", "wha"]),
        ("하", ["hah", "ha"]),
        ("덕", ["duck", "deok"]),
        ("서", ["suh", "seo", "so"]),
        ("엄", ["uhm", "um", "eom", "om"]),
        ("재", ["jae", "chae", "jay"]),
        ("백", ["baek", "paek", "paik"]),
    ],
)
def test_customary_spellings(syllable: str, spellings: list[str]) -> None:
    assert set(spellings) <= set(hangul_spellings(syllable))


def test_initial_r_is_also_spelt_as_the_south_writes_it_first_in_a_word() -> None:
    # the initial-sound rule: 리 → 이, 류 → 유, 로 → 노; North Korea keeps ㄹ
    assert {"ri", "i", "yi", "lee", "rhee"} <= set(hangul_spellings("리"))
    assert {"ryu", "yu", "yoo", "lyu"} <= set(hangul_spellings("류"))
    assert {"ro", "no", "roh"} <= set(hangul_spellings("로"))
    # and a South Korean 유 or 용 is written as the North writes 류 and 룡
    assert {"ryu", "yoo"} <= set(hangul_spellings("유"))
    assert "ryong" in hangul_spellings("용")


def test_spellings_are_bounded_ascii_and_only_of_syllables() -> None:
    for code in range(0xAC00, 0xD7A4):
        spellings = hangul_spellings(chr(code))
        assert 1 <= len(spellings) <= 40
        assert all(s.isascii() and s.isalpha() and s.islower() for s in spellings)
    assert hangul_spellings("a") == hangul_spellings("ㄱ") == hangul_spellings("김정") == ()
    # spellings nobody writes are not made: an ee or uh before a final, ck
    # after anything but a single u or o
    assert "leem" not in hangul_spellings("림")
    assert "suhng" not in hangul_spellings("성")
    assert "pack" not in hangul_spellings("박")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("정", "영"),  # jong, yong: not one syllable (Kim Jong Il, Kim Yong Il)
        ("은", "일"),
        ("명", "영"),
        ("박", "백"),
        ("최", "채"),
        ("김", "금"),
        ("이", "유"),
        ("희", "호"),
        ("철", "청"),
    ],
)
def test_different_syllables_keep_different_spellings(one: str, other: str) -> None:
    assert not set(hangul_spellings(one)) & set(hangul_spellings(other))


def test_different_people_stay_apart() -> None:
    # one syllable off, or another family name: 김정은 ~ Kim Jong Il
    with NEGATIVES.open(newline="", encoding="utf-8") as fh:
        pairs = [(row["original"], row["latin"]) for row in csv.DictReader(fh)]
    assert len(pairs) >= 100
    close = []
    for original, latin in pairs:
        for query, listed in ((original, latin), (latin, original)):  # both ways
            entry = entry_from_record(Record("t", "1", "Person", names=[Name(listed)]))
            found = score(Query(query, "Person"), entry).score
            if found >= DEFAULT_THRESHOLD:
                close.append((query, listed, round(found, 2)))
    assert not close


# --- Korean names in hanja, spelt ------------------------------------------------------

HANJA_PAIRS = NEGATIVES.with_name("korean_hanja_pairs.csv")
#: Development pairs of Korean names in hanja that do not match, and why:
#: *Seong* is the bearer's own spelling of 승 (劉承旼 *Yoo Seong-min*), which no
#: system writes (the Latin names *Seong* and *Seung* stay apart too).
HANJA_KNOWN_MISSES = {"劉承旼"}


def test_hanja_are_spelt_by_their_korean_reading() -> None:
    assert {"jae", "chae", "jay"} <= set(hanja_spellings("在"))
    assert {"roh", "no", "noh"} <= set(hanja_spellings("盧"))
    assert {"lee", "yi", "ri", "rhee"} <= set(hanja_spellings("李"))
    # every reading a name may take, the reading of names first: 若 야, 약
    assert hanja_spellings("若")[0] == "ya" and "yak" in hanja_spellings("若")
    assert hanja_spellings("a") == hanja_spellings("김") == ()
    edges = hanja_edges("文在寅")
    assert [(s, e) for s, e, _ in edges] == [(0, 1), (1, 2), (2, 3)]
    assert "moon" in edges[0][2] and "in" in edges[2][2]


def test_a_hanja_of_several_readings_is_spelt_by_each() -> None:
    # 若 is 야 in the table of hanja for names, 약 in 丁若鏞 (0.19 before)
    entry = entry_from_record(Record("t", "1", "Person", names=[Name("Jeong Yak-yong")]))
    assert score(Query("丁若鏞", "Person"), entry).score >= DEFAULT_THRESHOLD


def test_only_words_written_as_korean_names_are_spelt_in_korean() -> None:
    # a surname alone, or a longer word (a foreign name transcribed): none
    assert hanja_edges("王") == ()
    assert hanja_edges("阿不都哈克") == ()
    assert hanja_edges("金a") == ()


def test_korean_names_in_hanja_match_their_spellings() -> None:
    with HANJA_PAIRS.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))

    def matches(row: dict[str, str]) -> bool:
        entry = entry_from_record(Record("t", "1", "Person", names=[Name(row["latin"])]))
        return score(Query(row["original"], "Person"), entry).score >= DEFAULT_THRESHOLD

    dev = {r["original"] for r in rows if r["split"] == "dev" and not matches(r)}
    assert dev <= HANJA_KNOWN_MISSES, dev - HANJA_KNOWN_MISSES
    held = [r for r in rows if r["split"] == "holdout"]
    found = sum(matches(r) for r in held)
    assert found >= 0.85 * len(held), f"{found}/{len(held)} held-out hanja pairs match"


@pytest.mark.parametrize(
    ("original", "other"),
    [
        ("文在寅", "Moon Jae-il"),
        ("盧武鉉", "Roh Tae-hyun"),
        ("金正恩", "Kim Jong Il"),
        ("李在明", "Lee Jae-yong"),
        ("王小明", "Wang Sang-min"),
    ],
)
def test_korean_names_in_hanja_stay_apart_from_others(original: str, other: str) -> None:
    entry = entry_from_record(Record("t", "1", "Person", names=[Name(other)]))
    assert score(Query(original, "Person"), entry).score < DEFAULT_THRESHOLD


# --- sound changes between syllables ------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "spelt"),
    [
        ("원룡", "wollyong"),  # ㄴ next to ㄹ is ㄹ
        ("만리", "malli"),
        ("신라", "silla"),
        ("설날", "seollal"),
        ("복래", "bongnae"),  # ㄱ before ㄹ: both change
        ("행리", "haengni"),  # ㄹ after ㅇ is ㄴ
        ("국민", "gungmin"),  # k before a nasal is ng
        ("백마", "baengma"),
    ],
)
def test_sound_changes_between_syllables_are_spelt_as_pronounced(word: str, spelt: str) -> None:
    edges = hangul_edges(word)
    # one edge per syllable, as written …
    assert [(s, e) for s, e, _ in edges[: len(word)]] == [(i, i + 1) for i in range(len(word))]
    # … and the pair as pronounced
    assert any(s == 0 and e == 2 and spelt in sp for s, e, sp in edges)


def test_syllables_that_do_not_change_each_other_have_no_pair_edge() -> None:
    assert all(e - s == 1 for s, e, _ in hangul_edges("김정은"))
    assert all(e - s == 1 for s, e, _ in hangul_edges("박봉주"))


def test_names_spelt_as_pronounced_or_as_written_match() -> None:
    def matches(original: str, latin: str) -> bool:
        entry = entry_from_record(Record("t", "1", "Person", names=[Name(latin)]))
        return score(Query(original, "Person"), entry).score >= DEFAULT_THRESHOLD

    assert matches("원룡", "Wollyong")
    assert matches("김원룡", "Kim Wollyong")
    assert matches("김원룡", "Kim Won-ryong")  # syllable by syllable, as written


def _matches(original: str, latin: str) -> bool:
    entry = entry_from_record(Record("t", "1", "Person", names=[Name(latin)]))
    return score(Query(original, "Person"), entry).score >= DEFAULT_THRESHOLD


def test_a_final_before_a_syllable_with_no_initial_is_also_spelt_moved() -> None:
    edges = hangul_edges("연아")
    # 연 also without its final, 아 also with it (said yeo-na) …
    assert any(s == 0 and e == 1 and "yu" in sp for s, e, sp in edges)
    assert any(s == 1 and e == 2 and "na" in sp for s, e, sp in edges)
    # … but not in another context: 아 first, or after a syllable with no final
    assert not any("na" in sp for _, _, sp in hangul_edges("아연"))
    assert not any("na" in sp for _, _, sp in hangul_edges("여아"))
    # ㅇ (ng) does not move
    assert not any("ga" in sp for _, _, sp in hangul_edges("영아"))


def test_liaison_never_crosses_the_surname_of_a_full_name() -> None:
    edges = hangul_edges("김연아")
    assert not any(s == 0 and "ki" in sp for s, e, sp in edges)
    assert not any(s == 1 and "myeon" in sp for s, e, sp in edges)
    assert any(s == 2 and "na" in sp for s, e, sp in edges)


def test_a_glide_after_i_is_spelt() -> None:
    assert any(s == 1 and "yai" in sp for s, e, sp in hangul_edges("지애"))
    assert not any("yai" in sp for _, _, sp in hangul_edges("다애"))


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("김연아", "Kim Yu-na"),
        ("김연아", "Kim Yuna"),
        ("김연아", "Kim Yeon-a"),  # as written, still
        ("신지애", "Shin Ji-yai"),
        ("정명훈", "Chung Myung-whun"),
        ("보씨", "Bo"),
        ("김철수씨", "Kim Chol Su"),
        ("보 씨", "Bo"),
        ("김철수 씨", "Kim Chol Su"),
    ],
)
def test_names_spelt_as_heard_match(original: str, latin: str) -> None:
    assert _matches(original, latin)


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("김여아", "Kim Yu-na"),  # no final to move
        ("김연아", "Ki Myeon-a"),  # the surname keeps its final
    ],
)
def test_liaison_does_not_loosen_other_names(original: str, latin: str) -> None:
    assert not _matches(original, latin)


def test_ssi_is_dropped_only_after_a_korean_name() -> None:
    assert without_ssi("보씨") == "보"
    assert without_ssi("김철수씨") == "김철수"
    assert without_ssi("씨") == "씨"
    assert without_ssi("루시") == "루시"
    assert without_ssi("트씨") == "트씨"  # 트 reads no hanja: a foreign word


def test_latin_names_that_read_as_korean() -> None:
    assert reads_as_korean_name(["kim", "won", "hong"])
    assert reads_as_korean_name(["na", "min", "jun"])
    assert reads_as_korean_name(["na", "minjun"])
    assert reads_as_korean_name(["min-jun", "na"])
    assert not reads_as_korean_name(["ludwig", "van", "beethoven"])
    assert not reads_as_korean_name(["maria", "da", "silva"])
    assert not reads_as_korean_name(["ana", "de", "la", "cruz"])
    assert not reads_as_korean_name(["kim"])


def test_a_name_with_no_korean_family_name_is_not_spelt_in_syllables() -> None:
    """Whether a name reads as Korean is asked of every person's name in
    Latin letters: one with no Korean family name first or last is answered
    without spelling its words in syllables (the costly part), whatever
    they spell (*Mina Sun Jung Ha*: no family name at either end)."""
    is_korean_spelt_word("kim")  # (the tables loaded)
    before = is_korean_spelt_word.cache_info()
    assert not reads_as_korean_name(["mina", "sunjung", "hajun"])
    assert not reads_as_korean_name(["ludwig", "van", "beethoven"])
    after = is_korean_spelt_word.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kim Won Hong", "Kim Il Hong"),
        ("Na Min-jun", "Kim Min-jun"),
        ("Do Min-jun", "Kim Min-jun"),
        ("La Hong-jin", "Kim Hong-jin"),
    ],
)
def test_korean_family_names_are_no_particles(one: str, other: str) -> None:
    assert not _matches(one, other)
    assert not _matches(other, one)
    assert _matches(one, one)


def test_european_particles_stay_particles() -> None:
    tokens = analyze_name("Ludwig van Beethoven", "Person").tokens
    assert [t.role for t in tokens if t.raw == "van"] == ["particle"]
    tokens = analyze_name("Maria da Silva", "Person").tokens
    assert [t.role for t in tokens if t.raw == "da"] == ["particle"]
    tokens = analyze_name("Na Min-jun", "Person").tokens
    assert all(t.role != "particle" for t in tokens)


@pytest.mark.parametrize("name", ["Kim Chong-in", "Moon Jae In", "Jong Tae-se", "Kim Yu-na"])
def test_a_korean_name_ends_in_a_syllable_not_a_legal_form(name: str) -> None:
    tokens = analyze_name(name, "Person").tokens
    assert all(t.role == "name" for t in tokens)
    assert tokens[-1].text == name.replace("-", " ").split()[-1].lower()


def test_legal_forms_after_other_names_stay() -> None:
    assert analyze_name("Kim Trading SA", "Person").tokens[-1].role == "legal_form"
    assert analyze_name("Kim Chong In", "Organization").tokens[-1].role == "legal_form"


def test_korean_respellings_join_the_two_koreas_spellings() -> None:
    from thaw.text.korean import MAX_RESPELLINGS, korean_respellings

    assert "un" in korean_respellings("eun")
    assert "pyong" in korean_respellings("byeong")
    assert "chol" in korean_respellings("cheol")
    assert "choe" in korean_respellings("choi")
    assert {"ri", "yi", "rhee"} <= set(korean_respellings("lee"))
    assert "pak" in korean_respellings("park")
    assert "hyon" in korean_respellings("hyun")
    assert "phyong" in korean_respellings("pyeong")
    # not the word itself, and nothing for a word that spells no syllable
    assert "eun" not in korean_respellings("eun")
    assert korean_respellings("john") == ()
    assert korean_respellings("jongeun") == ()
    assert all(len(korean_respellings(w)) <= MAX_RESPELLINGS for w in ("un", "yeo", "cheol"))


def test_an_open_syllables_h_only_alone() -> None:
    # *Roh*, *Hyun-ah*: the customary h of an open syllable, a word of its own
    assert reads_as_korean_name(["roh", "moo-hyun"])
    assert reads_as_korean_name(["kim", "hyun-ah"])
    # run together with another syllable it is no Korean spelling (*Sarah*)
    assert not reads_as_korean_name(["sarah", "li"])
    assert not reads_as_korean_name(["hannah", "kim"])


def test_latin_words_read_syllable_by_syllable() -> None:
    (jeong,) = [r for r in syllable_readings("jeong") if len(r) == 1]
    assert "정" in jeong[0]
    # a run of letters is cut every way it spells syllables, a hyphen where it stands
    assert any(len(r) == 2 and "재" in r[0] for r in syllable_readings("jaein"))
    assert all(len(r) == 2 for r in syllable_readings("jae-in"))
    assert syllable_readings("john") == ()
    assert syllable_readings("sarah") == ()


@pytest.mark.parametrize(
    ("one", "other"),
    [("jeong", "chong"), ("cheol", "chol"), ("hoon", "hun"), ("choi", "choe"), ("lee", "ri")],
)
def test_two_spellings_of_one_syllable_are_the_same(one: str, other: str) -> None:
    assert spell_same_syllables(syllable_readings(one), syllable_readings(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [("jong", "song"), ("joong", "jong"), ("hyun", "hoon"), ("seok", "seong"), ("yoon", "yoo")],
)
def test_near_spellings_of_other_syllables_differ(one: str, other: str) -> None:
    assert not spell_same_syllables(syllable_readings(one), syllable_readings(other))


def test_words_written_apart_join() -> None:
    apart = joined_readings([syllable_readings("jae"), syllable_readings("in")])
    assert spell_same_syllables(apart, syllable_readings("jaein"))
    assert not spell_same_syllables(apart, syllable_readings("jae"))
