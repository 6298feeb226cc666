"""Thai names against the Latin spellings people use (issue 11): common given
names whose reading needs the linking vowel, and other people one name off
(tests/fixtures/match/other_scripts_negatives_thai.csv), who must stay apart."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.match.pairs import alerting, person_score, read_pairs

from thaw.match import DEFAULT_THRESHOLD

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "match"
NEGATIVES = FIXTURES / "other_scripts_negatives_thai.csv"
#: Thai people against their own Latin spellings, and other people one name
#: off, written before they were scored (benchmarks/cross_script_pairs.py,
#: benchmarks/other_scripts.py count them).
PEOPLE = FIXTURES / "cross_script_pairs_thai2.csv"
NEGATIVES2 = FIXTURES / "other_scripts_negatives_thai2.csv"

#: Negatives that still reach the threshold, and why: two words whose
#: consonants are another's (*pachcharawath*: *Prawit*, beside the same
#: surname), a surname that begins as the other's (*Chunhawan*,
#: *Chunhavajira*), and *kanokphon* against *Kanokwan*, which the matcher
#: scores 0.83 as Latin names too (ph and w).
KNOWN_ALERTS = {
    ("พัชรวาท วงษ์สุวรรณ", "Prawit Wongsuwan"),
    ("ชาติชาย ชุณหะวัณ", "Chatichai Chunhavajira"),
    ("กนกพร ศรีสุข", "Kanokwan Srisuk"),
}


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("ธนพล", "Thanaphon"),
        ("วรพล", "Worapon"),
        ("ชลธี", "Chonlathee"),
        ("กนกพร", "Kanokporn"),
        ("ชัชชาติ", "Chadchart"),
        ("เฉลิมพล", "Chalermpol"),
        ("บุญเลิศ", "Boonlert"),
        ("กมลชนก", "Kamonchanok"),
        ("ณัฐวุฒิ", "Nuttawut"),
        ("เจริญ", "Charoen"),
        ("ชัยวุฒิ", "Chaiwut"),
    ],
)
def test_given_names_match_as_people_spell_them(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        # silent letters and Pali vowels written (thaw.text.thai._written)
        ("สัญญา ธรรมศักดิ์", "Sanya Dharmasakti"),
        ("ศรีรัศมิ์", "Srirasmi"),
        ("ฐาปน สิริวัฒนภักดี", "Thapana Sirivadhanabhakdi"),
        ("สุขุมพันธุ์ บริพัตร", "Sukhumbhand Paribatra"),
        # ทรั is s within a word
        ("ไชยา สะสมทรัพย์", "Chaiya Sasomsub"),
        # a Pali nasal before a silent stop closes its syllable (กาญจน์ *garn*)
        ("แทมมารีน ธนสุกาญจน์", "Tamarine Tanasugarn"),
        # a title written before the name with no space (นางสาว Miss, พลเอก
        # General)
        ("นางสาวแพทองธาร ชินวัตร", "Paetongtarn Shinawatra"),
        ("พลเอกประยุทธ์ จันทร์โอชา", "Prayut Chan-o-cha"),
        # the English ar of a long a before a final t or n
        ("อนุสรณ์ เอี่ยมสะอาด", "Anusorn Iamsa-ard"),
        # the t English writes after an n for a silent dental (พันธุ์ *punt*)
        ("ชัชชาติ สิทธิพันธุ์", "Chadchart Sittipunt"),
        # ทรง within a word, เ–ิ split before a vowelled consonant
        ("บุญทรง เตริยาภิรมย์", "Boonsong Teriyapirom"),
        # a doubled final stop; จ's ch in the written reading
        ("พิจิตต รัตตกุล", "Bhichit Rattakul"),
        # ทร after an open syllable is s; a Latin kh against the personal
        # reading's k (ข); a loan word (galaxy) compared on its consonants
        ("เขาทราย แกแล็คซี่", "Khaosai Galaxy"),
        # the silent ร of -jra inside a word (เพชรล้ำ *phetlam*)
        ("พรอนงค์ เพชรล้ำ", "Pornanong Phatlum"),
        # the final ร of -tra unsaid in a personal spelling (*Somjit*)
        ("สมจิตร จงจอหอ", "Somjit Jongjohor"),
    ],
)
def test_people_match_as_they_spell_their_names(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD


def test_hand_set_is_split_by_a_hash_of_each_pair() -> None:
    # (benchmarks/cross_script_pairs.hash_split: fixed before scoring)
    rows = read_pairs(PEOPLE)
    assert len(rows) >= 100
    # (and the Thai and Khmer people of cross_script_pairs_thaikh.csv)
    rows += read_pairs(FIXTURES / "cross_script_pairs_thaikh.csv")
    for row in rows:
        key = f"{row['original']}|{row['latin']}".encode()
        even = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest()) % 2 == 0
        assert row["split"] == ("dev" if even else "holdout"), row


#: Negatives of the second set that still reach the threshold: given names one
#: vowel or one syllable apart beside the same surname (สมรักษ์ *Somluck* and
#: his brother *Somrot Kamsing*; ชาติศิริ *Chartsiri* and *Chatri*), and
#: ชัยวัฒน์ against *Chaiwut*, one vowel off.
KNOWN_ALERTS2 = {
    ("ชาติศิริ โสภณพนิช", "Chatri Sophonpanich"),
    ("สมรักษ์ คำสิงห์", "Somrot Kamsing"),
    ("ชัยวัฒน์", "Chaiwut"),
}


def test_other_people_of_the_second_set_stay_apart() -> None:
    rows = read_pairs(NEGATIVES2)
    assert len(rows) >= 40
    alerts = alerting(rows)
    assert alerts <= KNOWN_ALERTS2, alerts - KNOWN_ALERTS2


#: Thai and Khmer people one name off (relatives, near names), written before
#: they were scored beside the people of cross_script_pairs_thaikh.csv.
NEGATIVES_KH = FIXTURES / "other_scripts_negatives_thaikh.csv"
#: Those that still reach the threshold, and why: a surname one consonant
#: apart in the consonant keys that Thai words are compared on (ไตรรัตน์วรกุล
#: beside *Prasert* for ประสาร, *prasar* and *prsrt*; ศิริแก้ว *sirikaew*
#: and *Sirikul*), and surnames that begin alike beside the same given name,
#: which the matcher scores so between Latin names too (*Musikapong* and
#: *Musikapan*, *Wongsamut* and *Wongsawat*, 0.81) or between the RTGS reading
#: and the Latin name (*mueangsuk* and *Muangsri*, 0.5).
KNOWN_ALERTS_KH = {
    ("วัฒนา เมืองสุข", "Watana Muangsri"),
    ("วีระ มุสิกพงศ์", "Veera Musikapan"),
    ("ประสาร ไตรรัตน์วรกุล", "Prasert Trairatvorakul"),
    ("พิมศิริ ศิริแก้ว", "Pimsiri Sirikul"),
    ("ธีระ วงศ์สมุทร", "Teera Wongsawat"),
}


def test_other_thai_and_khmer_people_stay_apart() -> None:
    rows = read_pairs(NEGATIVES_KH)
    assert len(rows) >= 20
    assert {r["script"] for r in rows} == {"Thai", "Khmer"}
    alerts = alerting(rows)
    assert alerts <= KNOWN_ALERTS_KH, alerts - KNOWN_ALERTS_KH


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("ธนพล", "Thanawat"),
        ("วรพล", "Worawit"),
        ("สมพล", "Somporn"),
        # a vowel Thai writes with a sign (ุ u) spelt a: another name (0.83 before)
        ("ชัยวุฒิ", "Chaiwat"),
    ],
)
def test_other_given_names_stay_apart(original: str, latin: str) -> None:
    assert person_score(original, latin) < DEFAULT_THRESHOLD


def test_other_people_one_name_off_stay_apart() -> None:
    rows = read_pairs(NEGATIVES)
    assert len(rows) >= 20
    alerts = alerting(rows)
    assert alerts <= KNOWN_ALERTS, alerts - KNOWN_ALERTS


@pytest.mark.parametrize(
    ("original", "latin"), [("วิจารณ์", "Wijan"), ("ไพศาล", "Paisan"), ("อาจารย์", "Ajan")]
)
def test_names_spelt_with_personal_initials_and_rtgs_finals_match(
    original: str, latin: str
) -> None:
    # *j* for จ and *p* for the aspirated p letters as people write them, the finals
    # by their sound (ร, ล *n*): neither reading alone wrote both
    assert person_score(original, latin) >= DEFAULT_THRESHOLD
