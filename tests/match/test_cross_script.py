"""Names written in other scripts against their usual romanisations (issue 11, 1)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.match.pairs import person_score

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.names import final_differs, syllable_differs, written_vowel_differs
from thaw.model import Name, Record
from thaw.screen import Screener
from thaw.text import analyze_name, name_variants

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "match" / "cross_script_pairs.csv"

#: Pairs of the development split (lists and hand-written variants) that do
#: not match yet, and why: a published inconsistency (OFSI lists ياسين أحمد
#: الجبين only as Yasin Ahmad DAHI and Yasin DHAHI, no name writing al-Jubain;
#: benchmarks/cross_script_pairs.py records it); a stage name that is no
#: reading of its characters (久石譲 *Joe Hisaishi*, after Quincy Jones: 譲 reads
#: *Jō*, *Yuzuru*).
KNOWN_MISSES = {
    "ياسين أحمد الجبين",
    # a Korean name in a Japanese-style reading (이우환 *Lee Ufan*)
    "이우환",
    # a Korean name in a spelling of its own (박병석 *Park Byeong-seug*, the
    # National Assembly's: 석 is *seok*, *sok*, never *seug*):
    # tests/fixtures/match/cross_script_pairs_ko2.csv
    "박병석",
    # Chinese names romanised from a language no table here holds (Teochew:
    # 宏 Hen; Shanghainese: 政 Tsung, 建 Chee), or in a spelling of the
    # person's own (孫逸仙 Sun Yat-sen, 朱立倫 Li-luan, 刘特佐 Low Taek Jho):
    # tests/fixtures/match/cross_script_pairs_zh.csv, benchmarks/chinese_spellings.py
    "黄永宏",
    "李政道",
    "董建華",
    "孫逸仙",
    "朱立倫",
    "刘特佐",
    # (cross_script_pairs_zh2.csv) spellings of the person's own (深 *Shin*,
    # 蔚昇 *V Shem*), and
    # people known by a Western given name alone, the Chinese one unwritten
    # (*Elaine Chao*, *Penny Wong*, *Lucio Tan*, *Henry Sy*, *Fish Leong*,
    # *Kit Chan*: the family name agrees, a partial match at best)
    "李深静",
    "吴蔚昇",
    "趙小蘭",
    "黃英賢",
    "陳永栽",
    "施至成",
    "梁静茹",
    "陈洁仪",
    "久石譲",
    # Thai names in spellings of their own, none of a rule the readings
    # follow (tests/fixtures/match/cross_script_pairs_thai2.csv): ผิว *Pue*
    # (ิว is *iu*); พลฤทธิ์ *Ponlid*, its ร written l as spoken Thai says it
    # and its final d, two letters apart from every reading (*phonrit*)
    "ปิยะพงษ์ ผิวอ่อน",
    "วิจารณ์ พลฤทธิ์",
    # a Khmer name in a spelling of its own (សុខហួរ *Sochua*, UNGEGN
    # *sokhuor*), beside a final r it does not say (មូរ *Mu*: read so too):
    # tests/fixtures/match/cross_script_pairs_khmer2.csv
    "មូរ សុខហួរ",
    # (cross_script_pairs_khmer3.csv) spellings of their own (ស៊ុននិច
    # *Sunnix*, ពេជ្ជតា *Pichenda*)
    "ទូច ស៊ុននិច",
    "ម៉េង កែវពេជ្ជតា",
    # an English name whose spelling writes a vowel nobody says, which the
    # Georgian transcription leaves out (რუზველტი *Roosevelt*, *ruzvelt*):
    # tests/fixtures/match/cross_script_pairs_kael.csv
    "თეოდორ რუზველტი",
}


def _person(*names: str) -> Entry:
    return entry_from_record(Record("t", "1", "Person", names=[Name(n) for n in names]))


def test_development_pairs_match() -> None:
    rows: list[dict[str, str]] = []
    for path in [PAIRS, *sorted(PAIRS.parent.glob("cross_script_pairs_*.csv"))]:
        with path.open(newline="", encoding="utf-8") as fh:
            rows += csv.DictReader(fh)
    assert len(rows) >= 100
    assert {r["script"] for r in rows} >= {
        "Han",
        "Hangul",
        "Arabic",
        "Persian",
        "Hebrew",
        "Greek",
        "Cyrillic",
        "Thai",
    }
    dev = [r for r in rows if r["split"] == "dev" and not r["source"].startswith("rigour:")]
    misses = {
        r["original"] for r in dev if person_score(r["original"], r["latin"]) < DEFAULT_THRESHOLD
    }
    assert misses <= KNOWN_MISSES, misses - KNOWN_MISSES
    # a known miss that matches now leaves the list, so the list stays true
    assert KNOWN_MISSES <= misses, f"these match now: {KNOWN_MISSES - misses}"
    # the held-out pairs are counted, never listed (nobody develops against them)
    held = [
        (r["original"], r["latin"])
        for r in rows
        if r["split"] == "holdout" and not r["source"].startswith("rigour:")
    ]
    total = len(held)
    found = sum(person_score(a, b) >= DEFAULT_THRESHOLD for a, b in held)
    assert found >= 0.85 * total, f"{found}/{total} held-out list pairs match"
    # the name-variant pairs of rigour's corpus hold single words, some of them
    # names of other languages transcribed (Hangul for an English name), and a
    # single word matched only on its consonants is weak evidence: a floor per
    # script, just below this branch's figures, guards them
    floors = {
        "Thai": 0.8,
        "Japanese": 0.95,
        "Greek": 0.9,
        "Han": 0.5,
        "Hebrew": 0.55,
        "Persian": 0.55,
        "Hangul": 0.4,
    }
    for script, floor in floors.items():
        pairs = [
            (r["original"], r["latin"])
            for r in rows
            if r["source"].startswith("rigour:") and r["script"] == script and r["split"] == "dev"
        ]
        total = len(pairs)
        found = sum(person_score(a, b) >= DEFAULT_THRESHOLD for a, b in pairs)
        assert found >= floor * total, f"{script}: {found}/{total} name-variant pairs match"


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("鈴木 一郎", "Ichiro Suzuki"),  # kanji: the Japanese reading
        ("すずき いちろう", "Suzuki Ichiro"),  # kana
        ("박지성", "Park Ji-sung"),
        ("박", "Bak"),
        ("박근혜", "Pak Geun-hye"),
        ("이명박", "Lee Myung-bak"),
        ("이승만", "Rhee Syngman"),
        ("이수혁", "Yi Su-hyok"),
        ("张伟", "Chang Wei"),  # Wade-Giles surname through its name item
        ("عبد الله", "Abdullah"),
        ("דוד", "David"),
        ("Αλέξανδρος", "Alexander"),
        ("محمود احمدی‌نژاد", "Mahmoud Ahmadinejad"),  # Persian, zero-width joiner
        ("علی خامنه‌ای", "Ali Khamenei"),
        # Thai, as personal names are spelt and in RTGS
        ("ทักษิณ ชินวัตร", "Thaksin Shinawatra"),
        ("ยิ่งลักษณ์ ชินวัตร", "Yingluck Shinawatra"),
        ("ประยุทธ์ จันทร์โอชา", "Prayut Chan-o-cha"),
        ("ประยุทธ์ จันทร์โอชา", "Prayuth Chan-ocha"),
        ("ประวิตร วงษ์สุวรรณ", "Prawit Wongsuwan"),
        ("สมชาย วงศ์สวัสดิ์", "Somchai Wongsawat"),
        # Hebrew geresh
        ("עינן טנג'יל", "Einan Tanjil"),
        # Hebrew shin, kaf read kh, and the st of German names
        ("משה שרביט", "Moshe Sharvit"),
        ("ברוך גופשטיין", "Baruch Gopstein"),
        ("מיכאל דיכטר", "Michael Dichter"),
        ("ישראל כהן", "Israel Cohen"),
        ("שרה מלכה", "Sarah Malka"),
        # Arabic taa marbuta read as the vowel it ends on; French dj
        ("رياض سلامة", "Riad Salameh"),
        ("رياض سلامة", "Riad SALAME"),
        ("جمال عكاشة", "Djamel Akkacha"),
        # Persian compound given names the corpus also knows joined
        ("محمدتقی اسانلو", "Mohammad Taghi Asanloo"),
        # Thai: the vowel am (split by NFKC), a silent ทร์
        ("ขาวสำอางค์", "Kaosamaang"),
        ("บดินทร์", "Bodin"),
        # Kurdish and Urdu letters
        ("جلال تەلبانی", "Jalal Talabani"),
        ("ذوالفقار علی بھٹو", "Zulfikar Ali Bhutto"),
        # Korean given names joined in the Revised Romanization, and as listed
        ("김재덕", "Kim Jaedeok"),
        ("김병일", "Byeongil Kim"),
        ("김병일", "Kim Pyong Il"),
        # the Chinese clan-name suffix 氏
        ("軒轅氏", "Xuanyuan"),
        # Ethiopic: the sixth-order vowel
        ("ፍትዊ ዓብዱረዛቕ", "Fitiwi Abdelrazak"),
        # Persian compound given names, joined or apart
        ("غلامرضا ضیایی", "Gholamreza Ziaei"),
        ("غلامرضا ضیایی", "Gholam Reza Ziaei"),
        ("حسن رحیم پور ازغدی", "Hasan Rahimpour Azghadi"),
        ("علی خوشنام وند", "Ali Khoshnamvand"),
        ("رضا خاکی", "Reza KHAKI"),
        # Belarusian names under their Russian form, and in Belarusian
        ("Алег Анатольевіч Эйбатаў", "Oleg Anatolyevich EIBATOV"),
        ("ХРЭНІН Віктар Генадзьевіч", "Viktar Gienadzjevich KHRENIN"),
        ("Аляксандр Лукашэнка", "Alexander Lukashenko"),
        # a French name in Cyrillic
        ("Дидье Касимиро", "Didier CASIMIRO"),
    ],
)
def test_names_against_their_romanisation(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD
    assert person_score(latin, original) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("عبد الحق وثيق", "Abdul-Haq Wassiq"),  # au_dfat:82, 0.19 before
        ("سيد غياث الدين آغا", "Sayyed Ghiassouddine Agha"),  # au_dfat:72, 0.25
        ("ثناء الله خان", "Sanaullah Khan"),
        ("محمد ثاقب", "Mohammad Saqib"),
    ],
)
def test_tha_read_s_as_persian_urdu_and_turkish_say_it(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD
    assert person_score(latin, original) >= DEFAULT_THRESHOLD


def test_tha_read_s_is_no_other_consonant() -> None:
    assert person_score("عبد الحق وثيق", "Abdul Haq Wathiq") >= DEFAULT_THRESHOLD  # (th, as before)
    assert person_score("عبد الحق وثيق", "Abdul Haq Wafiq") < DEFAULT_THRESHOLD
    assert person_score("محمد ثاقب", "Mohammad Sabir") < DEFAULT_THRESHOLD
    assert person_score("محمد تقي", "Mohammad Saqi") < DEFAULT_THRESHOLD  # ت is no ث


def test_kanji_reading_is_a_variant_only_where_japanese() -> None:
    assert name_variants("鈴木 一郎", "Person") == ("suzuki ichiro",)
    # a one-character word is a Chinese surname: no Japanese reading
    assert name_variants("丽华 王", "Person") == ()
    assert name_variants("鈴木 一郎", "Organization") == ()
    assert name_variants("Suzuki Ichiro", None) == ()


def test_syllables_do_not_meet_near_spellings() -> None:
    # a Korean or Chinese syllable is a morpheme: jong is not yong, bo not pao
    assert person_score("정남 김", "Yong Nam KIM") < DEFAULT_THRESHOLD
    assert person_score("김종은", "김정은") < DEFAULT_THRESHOLD
    assert person_score("博 龚", "PAO, Hua Chiang") < DEFAULT_THRESHOLD
    assert person_score("김정은", "Kim Jong Un") >= 0.95


def test_korean_syllable_is_never_a_stop_word() -> None:
    tokens = analyze_name("이명박", "Person").tokens
    assert [t.role for t in tokens] == ["name", "name", "name"]
    assert tokens[2].text == "pak"  # final ㄱ read k


def test_single_arabic_word_is_strict() -> None:
    soleimani = _person("SOLEIMANI, Qasem")
    for other in ("Salman", "Salmane", "Souleiman"):
        assert score(Query("سليماني"), _person(other)).score < DEFAULT_THRESHOLD, other
    assert score(Query("سليماني"), soleimani).score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "right", "wrong"),
    [
        ("محمدرضا نقدی", "Mohammadreza Naqdi", "Hamidreza Naqdi"),
        ("احسان همدانی", "Ehsan Hamadani", "Hossein Hamadani"),
        ("حسین همدانی", "Hossein Hamadani", "Ehsan Hamadani"),
    ],
)
def test_abjad_names_differing_in_h_or_first_vowel_stay_apart(
    original: str, right: str, wrong: str
) -> None:
    # the consonant keys keep h and a first vowel (محمدرضا is mhmdrz, Hamidreza
    # hmdrz; احسان is ahsn, Hossein hsn): a name differing so meets only as a
    # near key, well below its own romanisation (both keys were equal before)
    assert person_score(original, right) >= DEFAULT_THRESHOLD
    assert person_score(original, wrong) < person_score(original, right) - 0.1


def test_usama_bin_laden_before_his_son() -> None:
    usama = entry_from_record(
        Record("us_ofac_sdn", "6365", "Person", names=[Name("BIN LADIN, Usama")])
    )
    hamza = entry_from_record(
        Record(
            "un_sc",
            "QDi.421",
            "Person",
            names=[
                Name("Hamza Usama Muhammad Bin Laden"),
                Name("حمزة أسامة محمد بن لادن", kind="original"),
            ],
        )
    )
    hits = Screener.from_entries([hamza, usama]).screen("أسامة بن لادن").hits
    assert hits[0].listings[0].source_id == "6365"
    forebear = score(Query("أسامة بن لادن"), hamza)
    assert any(e.feature == "name_shape" and e.contribution < 0 for e in forebear.evidence)


@pytest.mark.parametrize(
    ("read", "latin", "differs"),
    [
        ("kanokphon", "kanokwan", True),  # kanok-phon, kanok-wan
        ("wongsamut", "wongsawat", True),  # wongsa-mut, wongsa-wat
        ("somjit", "somchit", False),  # one consonant spelt two ways
        ("trakunhun", "trakulhoon", False),  # a final l read n
        ("amonwiwat", "amornvivat", False),  # an r written, w and v
        ("chaiwat", "chaiwut", False),  # a vowel only
        ("somrak", "somrot", False),  # a final only: Thai finals are loose
    ],
)
def test_a_thai_syllable_differing(read: str, latin: str, differs: bool) -> None:
    assert syllable_differs(read, latin) is differs


@pytest.mark.parametrize(
    ("read", "latin", "differs"),
    [
        ("chaiwut", "chaiwat", True),  # ุ written u, spelt a: another name
        ("suphanida", "suphanat", True),  # ิ written i
        ("chaiwat", "chaiwut", False),  # a Thai a is often spelt u
        ("nattawut", "nuttawut", False),
        ("bunsong", "boonsong", False),  # u spelt oo
        ("somchai", "somchai", False),
        ("kanokphon", "kanokwan", False),  # consonants differ: not this rule
        ("suphanat", "supanida", True),  # a Thai a is not spelt i
        ("chatchai", "chatichai", False),  # an unsaid i written (ชาติ)
    ],
)
def test_a_thai_written_vowel_differing(read: str, latin: str, differs: bool) -> None:
    assert written_vowel_differs(read, latin) is differs


@pytest.mark.parametrize(
    ("read", "latin", "differs"),
    [
        ("suwin", "suwit", True),  # a nasal and a stop: another name
        ("kasem", "kaset", True),
        ("somsong", "somsak", True),  # ng is a nasal, not a g
        ("suwit", "suwith", False),  # stops romanised otherwise
        ("kamon", "kamol", False),  # ล at the end is read n
        ("sunthon", "sunthorn", False),
        ("sombat", "sombati", False),  # an Indic spelling's vowel: not compared
    ],
)
def test_a_thai_final_differing(read: str, latin: str, differs: bool) -> None:
    assert final_differs(read, latin) is differs


def test_a_thai_name_a_final_off_is_another_name() -> None:
    # สุวิน Suwin against Suwit (was 0.75, analyst set 7)
    query = Query("สุวิน ทองดี")
    assert score(query, _person("Suwin Thongdee")).score >= DEFAULT_THRESHOLD
    assert score(query, _person("Suwit Thongdee")).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "same", "other"),
    [
        # thong-sa-mut and thong-sa-wat: one consonant of the keys differs
        ("นพดล ทองสมุทร", "Noppadol Thongsamut", "Noppadon Thongsawat"),
        # siri-phon and siri-wan
        ("ศิริพร ทองสุข", "Siriphon Thongsook", "Siriwan Thongsuk"),
    ],
)
def test_a_thai_name_a_syllable_off_is_another_name(original: str, same: str, other: str) -> None:
    query = Query(original)
    assert score(query, _person(same)).score >= DEFAULT_THRESHOLD
    assert score(query, _person(other)).score < DEFAULT_THRESHOLD
