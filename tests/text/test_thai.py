"""Syllable reading of Thai names (:mod:`thaw.text.thai`): consonants with no
written vowel, read as people spell their names."""

from __future__ import annotations

import pytest

from thaw.text.thai import thai_readings, thai_spellings, untitled


@pytest.mark.parametrize(
    ("word", "rtgs"),
    [
        # an odd number of bare consonants ending a word: C-a, then closed
        # syllables
        ("ถนน", "thanon"),
        ("ขนม", "khanom"),
        ("กนกพร", "kanokphon"),
        # an even number: closed syllables (unchanged)
        ("สมพร", "somphon"),
        ("ทรงพล", "songphon"),
        ("สมชาย", "somchai"),
        # the final of ั is read again before a bare consonant
        ("พัชรวาท", "phatcharawat"),
        ("อัครเดช", "akkhradet"),  # (คร: a cluster)
        # จร under a leading vowel and a vowel sign: two syllables
        ("เจริญ", "charoen"),
        # a leading vowel and a vowel sign around a high or middle consonant
        # and another: the second's (but เนวิน ne-win)
        ("เฉลิม", "chaloem"),
        ("เสถียร", "sathian"),
        ("เนวิน", "newin"),
        ("เสนาเมือง", "senamueang"),
        ("โกษะโยธิน", "kosayothin"),
        # อ and ว between two consonants stay vowels, ง a final
        ("ทอง", "thong"),
        ("ชวน", "chuan"),
        ("พนมยงค์", "phanomyong"),
        ("อลงกรณ์", "alongkon"),
        ("พงศกร", "phongsakon"),
        ("อินทนนท์", "inthanon"),
        # only a stop before ร is read twice after ั
        ("นันทนา", "nanthana"),
        ("ศักดิ์สยาม", "saksayam"),
        # ทร before ั is s anywhere (ทรัพย์ sap), not only first
        ("สะสมทรัพย์", "sasomsap"),
        ("จันทรา", "chanthara"),  # (before another vowel: not s)
        # อ before a letter that closes no syllable (ห), or last: the open o
        ("จงจอหอ", "chongchoho"),
        ("ทอง", "thong"),
        # a nasal and a stop of its class before a silent letter: the nasal
        # closes the syllable, the stop is silent (Pali kañcana)
        ("กาญจน์", "kan"),
        ("ศานต์", "san"),
        # a ร and the one bare consonant after it that end the word make a
        # closed syllable, not ร with a linking a (but สุรเชษฐ์ surachet)
        ("ภิรมย์", "phirom"),
        ("จาตุรนต์", "chaturon"),
        # a silent letter ends a syllable: the letters after it are read apart
        ("ภิรมย์พร", "phiromphon"),
        ("ศักดิ์ชัย", "sakchai"),
        # ทรง is song inside a word too (before a consonant or at the end)
        ("บุญทรง", "bunsong"),
        # เ–ิ is oe only with a final: before a consonant with its own vowel,
        # เ is the first consonant's e and ิ the second's i
        ("เตริยาภิรมย์", "teriyaphirom"),
        ("เจริญ", "charoen"),
        # a stop doubled at the end of a word closes one syllable (Pali
        # citta); a doubled nasal is read again (อานนท์ a-non)
        ("พิจิตต", "phichit"),
        ("อานนท์", "anon"),
        # and so does a stop and the aspirate of its class, Pali's doubled
        # aspirate (ทธ ddh: Pali yuddha, buddha)
        # four bare consonants opening a word, the third ว: C-a, then ว the
        # vowel ua (but สรวงศ์ so-ra-wong)
        ("สงวน", "sanguan"),
        ("สงวนศักดิ์", "sanguansak"),
        ("ขบวน", "khabuan"),
        ("สรวงศ์", "sonwong"),
        ("ยงยุทธ", "yongyut"),
        ("พุทธ", "phut"),
        # the ร of เ–ียร unsaid before a dental with i inside a word, the
        # dental read twice (kiat-ti), as at the end (เกียรติ kiat)
        ("เกียรติศักดิ์", "kiattisak"),
        ("เกียรติพงษ์", "kiattiphong"),
        ("เจียรวนนท์", "chiaraonon"),  # (no dental after ร: unchanged)
        # a leading vowel and a vowel sign that make no vowel together: one
        # syllable each (ไพริน phai-rin, not a cluster พร)
        ("ไพรินทร์", "phairin"),
        # ว after a leading vowel is the final when no final follows it (แก้ว
        # kaeo), the second letter of a cluster when one does (แกว่ง kwaeng)
        ("ศรีแก้ว", "sikaeo"),
        ("แกว่ง", "kwaeng"),
        # ทร with a vowel after a syllable that takes no final is s (ทราย
        # *sai*), as at a word's start
        ("เขาทราย", "khaosai"),
        ("ไกรทราย", "kraisai"),
        # the ร of Sanskrit -jra, -tra after a final stop is silent, at a
        # word's end and before a syllable with a vowel of its own
        ("เพชร", "phet"),
        ("เพชรล้ำ", "phetlam"),
        ("ฉัตรชัย", "chatchai"),  # (after ั, that of ต)
        ("พัชรวาท", "phatcharawat"),  # (but ช after ั is read again)
        ("ชินวัตร", "chinwat"),
        # Sanskrit brahma: พร with its inherent o, closed by ม, the ห unsaid
        ("พรหม", "phrom"),
        ("พรหมเทพ", "phromthep"),
    ],
)
def test_rtgs_reading(word: str, rtgs: str) -> None:
    assert thai_readings(word)[0] == rtgs


@pytest.mark.parametrize(
    ("word", "spelling"),
    [
        # the linking a of Pali and Sanskrit names
        ("ธนพล", "thanaphon"),
        ("ธนพล", "thanapon"),
        ("วรพล", "woraphon"),
        ("วรพล", "worapon"),
        ("ชลธี", "chonlathi"),
        ("เจียรวนนท์", "chiarawanon"),
        ("สิริวัฒนภักดี", "siriwatthanaphakdi"),
        ("ธนวัฒน์", "thanawat"),
        # the personal -porn of a last bare ร
        ("กนกพร", "kanokporn"),
        ("พัชรวาท", "phatcharawat"),
        # the plain spelling: er for เ–ิ, ar for the closed long a of ชาติ,
        # rue for ฤ
        ("บุญเลิศ", "bunlert"),
        ("เฉลิมพล", "chalermpon"),
        ("อภิชาติ", "apichart"),
        # and ar for a long a before any final t or n
        ("ประสาท", "prasart"),
        ("สะอาด", "saart"),
        ("ชาญ", "charn"),
        ("นฤมล", "naruemon"),
        # a stop closing ั is read again before the next syllable
        ("ณัฐวุฒิ", "natthawut"),
        ("วัฒนา", "watthana"),
        # six bare consonants: two words of three
        ("กมลชนก", "kamonchanok"),
        # the written reading: the silent letters written (ดิ di, มิ mi, ธุ d,
        # ษ s), a last pair of bare consonants two open syllables, รร before a
        # consonant ar, the final of ั not read again
        ("ธรรมศักดิ์", "dharmsakdi"),
        ("ศรีรัศมิ์", "srirasmi"),
        ("สุขุมพันธุ์", "sukhumband"),  # (ข kh, as Sanskrit writes it)
        ("เสงี่ยมพงษ์", "sangiambongs"),
        ("ฐาปน", "thapana"),
        ("อุตตม", "uttama"),
        ("สิริวัฒนภักดี", "sirivadhanabhakdi"),
        ("สุนทรเวช", "sundaravej"),
        ("พิจิตต", "bichit"),  # (จ ch, as Sanskrit spellings write च)
        # the plain spelling writes the silent dental after a final n as t
        ("สิทธิพันธุ์", "sitthipant"),
        ("เจียรวนนท์", "chiarawanont"),
        # the English or of an open อ (plain)
        ("จงจอหอ", "chongchorhor"),
        # the personal spelling with the final ร of -tra unsaid (and with it)
        ("สมจิตร", "somjit"),
        ("สมจิตร", "somjitra"),
        ("ชินวัตร", "chinwatra"),
        # the silent ร of -jra inside a word, read with a when linked
        ("เพชรล้ำ", "pechlam"),
        ("เพชรล้ำ", "phetralam"),
        ("พรหมมา", "promma"),
        # the spoken spelling: personal first consonants, RTGS finals
        ("วิจารณ์", "wijan"),
        ("ไพศาล", "paisan"),
        ("อาจารย์", "ajan"),
    ],
)
def test_spellings_people_use(word: str, spelling: str) -> None:
    assert spelling in thai_spellings(word)


def test_readings_people_do_not_use_are_not_offered() -> None:
    # a final ง closes its syllable in every reading (no linking a)
    assert thai_spellings("วงษ์สุวรรณ") == ("wongsuwan", "vongsuvan", "vongsuvarn")
    # a doubled letter closes one syllable and opens the next
    assert all("kitat" not in s for s in thai_spellings("กิตติ"))
    # a written vowel's final is no linking a (บุญ bun, not *buya*)
    assert all("buya" not in s for s in thai_spellings("บุญเลิศ"))
    # อ between two consonants stays the vowel o
    assert all("thao" not in s for s in thai_spellings("แพทองธาร"))
    # the written reading: ง ends its syllable (no *banga*), a silent letter
    # the next syllable writes is written once, and ั before ย keeps its i
    assert thai_spellings("อนุพงษ์")[-1] == "anubongs"
    assert thai_spellings("วงษ์สุวรรณ")[-1] == "vongsuvarn"
    assert thai_spellings("อัยยวัฒน์")[-1].startswith("aiya")


def test_the_first_spelling_stays_rtgs_and_spellings_are_few() -> None:
    for word in ("ธนพล", "สมชาย", "กนกพร", "เจียรวนนท์", "สุขุมพันธุ์"):
        spellings = thai_spellings(word)
        assert spellings[0] == thai_readings(word)[0]
        assert len(spellings) == len(set(spellings)) <= 6


@pytest.mark.parametrize(
    ("word", "name"),
    [
        # a title written before the name, with no space, is left out
        ("นายทักษิณ", "ทักษิณ"),
        ("นางสาวแพทองธาร", "แพทองธาร"),
        ("พลเอกประยุทธ์", "ประยุทธ์"),
        ("หม่อมราชวงศ์สุขุมพันธุ์", "สุขุมพันธุ์"),
        # unless what follows cannot begin a word, or is one letter
        ("นายก", "นายก"),
        ("นายิกา", "นายิกา"),
        # a title alone stays
        ("นาย", "นาย"),
    ],
)
def test_title_before_the_name_is_left_out(word: str, name: str) -> None:
    assert untitled(word) == name
    assert thai_readings(word) == thai_readings(name)
