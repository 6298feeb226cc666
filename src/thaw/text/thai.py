"""Romanisation of Thai names: the Royal Thai General System (RTGS) and the
letter-by-letter spellings Thai people use for their own names.

Thai writes consonants in full but leaves many vowels unwritten (an inherent
*o* or *a*), writes some vowels before the consonant they follow in speech
(``เ แ โ ใ ไ``), marks silent letters with the *thanthakhat* (``์``), and
pronounces a consonant at the end of a syllable differently from the same
letter at its start (``ล`` is *l* before a vowel and *n* after one). ICU's
``Thai-Latin`` is ISO 11940, a letter-for-letter transliteration that no one
writes names in (``ทักษิณ`` → *thaks'in*), so this module reads syllables:

* leading vowels are moved after their consonant (or consonant cluster: ``กร``,
  ``พล``, ``หม`` …), and compound vowels are read as one (``เ–ีย`` *ia*,
  ``เ–ือ`` *uea*, ``–ัว`` *ua*, ``เ–า`` *ao* …);
* a letter under the thanthakhat is silent (``ประยุทธ์`` → *prayut*; before it
  a consonant cluster too: ``จันทร์`` → *chan*);
* a consonant with no vowel closes the syllable before it when that syllable
  may take a final; otherwise it opens a syllable with the inherent vowel: *o*
  when a final consonant follows (``สมชาย`` → *somchai*), *a* when not
  (``พละ``); ``รร`` is *an* (``บรรจง`` → *banchong*), ``อ`` and ``ว`` between
  two consonants are the vowels *o* and *ua*.

:func:`thai_readings` gives two readings. The first is RTGS: finals take the
six RTGS values (*k, t, p, n, m, ng*, plus *i*/*o* for ``ย``/``ว``), ``จ`` is
*ch*, ``พ`` *ph* (``ทรงพล`` → *songphon*). The second follows the letters, as
personal spellings do: a final keeps its initial value (*Sompol*,
*Worrapol*, *Thaksin*), a final ``ร`` after a final keeps its *r* with an
*a* (*Shinawatra*), ``จ`` is *j* (*Jinasuyanont*) and the aspirated *kh*
letters are *k* (*Thongkam*). Name analysis reads a Thai word by the second,
which keeps more of the letters that the matcher compares, and offers the
first as a variant reading (:func:`thaw.text.analyze.name_variants`).

Reading Thai without a dictionary is approximate (compound words of Pali
origin hide inherent vowels: ``ชินวัตร`` is *chin-na-wat*); the matcher compares
Thai words on their consonants (they are flagged like abjad words), which the
approximation keeps. Where the letters allow both, :func:`thai_spellings` offers
both readings of consonants without a written vowel: Thai closed syllables
(สมพร *somphon*) and the *linked* reading of Pali and Sanskrit names, where each
bare consonant inside a word opens a syllable with *a* (ธนพล *thanaphon*,
ชลธี *chonlathi*, กนกพร beside *kanokphon*, เจียรวนนท์ *chiarawanon*). Some
rules hold in every reading: an odd number of bare consonants ending a word
begins with an open *a* syllable (ถนน *thanon*, กนกพร *kanokphon*), the final
of a ``ั`` is read again before a bare consonant (พัชรวาท *phatcharawat*), and
a leading vowel completed by a vowel sign after a high or middle consonant and
another belongs to the second (เฉลิม *chaloem*, เจริญ *charoen*), ``ทร`` before
``ั`` is *s* (ทรัพย์ *sap*), as is ``ทรง`` inside a word (บุญทรง *bunsong*),
``พรหม`` (Sanskrit *brahma*) is *phrom*, ``ทร`` with a vowel after a
syllable that takes no final is *s* too
(เขาทราย *khao-sai*), the ร of Sanskrit *-tra*, *-jra* after a final stop is
silent inside a word as at its end (เพชรล้ำ *phet-lam*; the linked reading
reads it with *a*),
``อ`` before a letter that closes no syllable (ห) or at the end of a word is
the open *o* (จงจอหอ *chong-cho-ho*), a leading vowel and a vowel sign that
make no vowel together (or ``เ–ิ`` before a consonant with a vowel of its
own) belong to two syllables (ไพริน *phai-rin*, เตริยา *te-ri-ya*), and a
stop doubled at the end of a word, or a stop and the aspirate of its class
(Pali's doubled aspirate), closes one syllable (พิจิตต *phi-chit*, Pali
*citta*; ยุทธ *yut*, Pali *yuddha*).

The ร of ``เ–ียร`` before a dental with a short *i* or *u* is unsaid, at the
end of a word (เกียรติ *kiat*) and inside it, where the dental is read twice
(เกียรติศักดิ์ *kiat-ti-sak*: :func:`_unsaid_r_inside`).

Thai people often spell a name of Pali or Sanskrit origin by its letters
rather than its sound: the letters the thanthakhat silences (ศักดิ์ *Sakdi*,
*Dharmasakti*; พันธุ์ *Sukhumbhand*; พงษ์ *Sangiampongsa*), the *a* Pali
writes after the last consonant (ฐาปน *Thapana*, อุตตม *Uttama*) and the
Indic consonants (วัฒน *Vadhana*). :func:`thai_spellings` offers that
*written* reading (:func:`_written`) beside the others.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

#: Consonant → (initial value, RTGS final value, personal final value).
_CONSONANTS: Final[dict[str, tuple[str, str, str]]] = {
    "ก": ("k", "k", "k"),
    "ข": ("kh", "k", "k"),
    "ฃ": ("kh", "k", "k"),
    "ค": ("kh", "k", "k"),
    "ฅ": ("kh", "k", "k"),
    "ฆ": ("kh", "k", "k"),
    "ง": ("ng", "ng", "ng"),
    "จ": ("ch", "t", "j"),
    "ฉ": ("ch", "t", "ch"),
    "ช": ("ch", "t", "ch"),
    "ซ": ("s", "t", "s"),
    "ฌ": ("ch", "t", "ch"),
    "ญ": ("y", "n", "n"),
    "ฎ": ("d", "t", "d"),
    "ฏ": ("t", "t", "t"),
    "ฐ": ("th", "t", "th"),
    "ฑ": ("th", "t", "th"),
    "ฒ": ("th", "t", "th"),
    "ณ": ("n", "n", "n"),
    "ด": ("d", "t", "d"),
    "ต": ("t", "t", "t"),
    "ถ": ("th", "t", "th"),
    "ท": ("th", "t", "th"),
    "ธ": ("th", "t", "th"),
    "น": ("n", "n", "n"),
    "บ": ("b", "p", "b"),
    "ป": ("p", "p", "p"),
    "ผ": ("ph", "p", "ph"),
    "ฝ": ("f", "p", "f"),
    "พ": ("ph", "p", "ph"),
    "ฟ": ("f", "p", "f"),
    "ภ": ("ph", "p", "ph"),
    "ม": ("m", "m", "m"),
    "ย": ("y", "i", "i"),
    "ร": ("r", "n", "r"),
    "ล": ("l", "n", "l"),
    "ว": ("w", "o", "w"),
    "ศ": ("s", "t", "s"),
    "ษ": ("s", "t", "s"),
    "ส": ("s", "t", "s"),
    "ห": ("h", "", "h"),
    "ฬ": ("l", "n", "l"),
    "อ": ("", "", ""),
    "ฮ": ("h", "", "h"),
    "ฤ": ("r", "", "r"),  # (vowel letters: see _RUE)
    "ฦ": ("l", "", "l"),
}
#: The consonants that Pali and Sanskrit loans, and the personal spellings
#: that follow them, write by their Indic value where RTGS and the Thai sound
#: differ (the Thai alphabet orders its letters as the Indic one does: ค ฆ
#: are *ga gha*, ช ฌ *ja jha*, ท ธ *da dha*, พ ภ *ba bha*): ภูมิพล
#: *Bhumibol*, เวชชาชีวะ *Vejjajiva*, สุนทรเวช *Sundaravej*, พหิทธา
#: *Bahiddha*. Used by :func:`thai_spellings` (the *Indic* reading); ว is
#: *v* only before a vowel.
_INDIC: Final[dict[str, str]] = {
    "ฆ": "gh",
    "ช": "j",
    "ฌ": "jh",
    "ฎ": "d",
    "ฑ": "d",
    "ฒ": "dh",
    "ท": "d",
    "ธ": "dh",
    "พ": "b",
    "ภ": "bh",
    "ว": "v",
    "ศ": "s",
    "ษ": "s",
}
_LEADING: Final = frozenset("เแโใไ")
_TONE: Final = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4d\u0e4e\u0e45")  # ่ ้ ๊ ๋ ็ ํ ๎ ๅ
_SILENT: Final = "\u0e4c"  # ์ thanthakhat
#: Second letters of initial clusters (กร, กล, กว …) and sonorants led by a
#: silent ห or อ (หม, หน, อย …).
_CLUSTER_SECOND: Final = frozenset("รลว")
_CLUSTER_FIRST: Final = frozenset("กขคปพผตฟ")
#: Letters before which a cluster's ร is silent in speech (ศรี *si*, สร้อย
#: *soi*, จริง *ching*) but kept by personal spellings (*Sri*).
_SILENT_R_AFTER: Final = frozenset("ศสซจ")
_LED_BY_H: Final = frozenset("งญนมยรลว")
#: The vowel letters ฤ (*ri*, *rue*) and ฦ (*lue*), which carry their own
#: consonant (:data:`_CONSONANTS` gives it), and the consonants they cluster
#: with.
_RUE: Final = frozenset("ฤฦ")
_RUE_CLUSTER: Final = frozenset("กขคตทปพผศบ")
#: Long vowels that end an open syllable, and the consonants that close a
#: syllable with the inherent *o* (ลง *long*, กร *kon*).
_LONG_OPEN: Final = frozenset(("า", "ี", "ู", "ื", "โ", "เ", "แ"))
_FINALS: Final = frozenset("งนมกดบยวรลณญ")
#: Each nasal and the stops of its class (velar, palatal, retroflex, dental,
#: labial), which Pali and Sanskrit words write after it (กาญจน *kañcana*).
_HOMORGANIC: Final[dict[str, str]] = {
    "ง": "กขคฆ",
    "ญ": "จฉชฌ",
    "ณ": "ฏฐฑฒ",
    "น": "ดตถทธ",
    "ม": "บปผพภ",
}
#: The consonants that never close a syllable (a bare one after an open
#: syllable opens its own: จอหอ *cho-ho*, not *choh-a*).
_NEVER_FINAL: Final = frozenset("หอฮฉผฝ")
#: The consonants a ว clusters with (กว, ขว, คว: *kw*, *khw*).
_W_CLUSTER_FIRST: Final = frozenset("กขค")
#: The aspirated stops that Thai writes for those of Pali and Sanskrit (ภ
#: *bh*, ธ *dh*, ฒ *ddh*, ฐ, ถ, ผ, ฆ, ฌ, ฑ), which in such names begin a
#: syllable rather than end one.
_PALI_ASPIRATES: Final = frozenset("ภธฒฐถผฆฌฑ")
#: The dental stops whose short final i or u a Pali word leaves unsaid
#: (ชาติ *chat*, เกียรติ *kiat*, วุฒิ *wut*, ธาตุ *that*).
_SILENT_FINAL_VOWEL_AFTER: Final = frozenset("ตฏฐฑฒถทธด")
#: The inherent *a* of a syllable that takes no final (the first of an odd
#: number of bare consonants that end a word: ถนน *tha-non*).
_OPEN_A: Final = "-a."
#: The stops after which Sanskrit writes a ร that Thai leaves unsaid when
#: they close a syllable (ชินวัตร *chinwat*, Sanskrit *-vatra*; เพชร *phet*,
#: *vajra*; สมจิตร *somchit*, *citra*), where personal spellings may write it
#: (*Shinawatra*, :data:`_VOWELS` ``"r"``).
_SILENT_R_STOPS: Final = frozenset("ตทช")
#: Vowels that take no final consonant.
_NO_FINAL: Final = ("ะ", "ำ", "เา", "ใ", "ไ", _OPEN_A)
#: The consonants of the high and middle classes, which lead a following
#: consonant under one leading vowel (เฉลิม *cha-loem*).
_HIGH_MID: Final = frozenset("ขฃฉฐถผฝศษสหกจฎฏดตบปอ")
#: Vowel signs written after (above, below) the consonant.
_VOWEL_SIGNS: Final = frozenset("ะัาำิีึืุู")


@lru_cache(maxsize=4096)
def _silenced(word: str) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
    """The letters of ``word`` that are read (tone marks left out), and the
    letters the *thanthakhat* (``์``) silences: ``(position, letters)``, the
    letters taken out before ``position`` of the letters read.

    The letter under the mark is silent, with its vowel (ธิ์), and so is a
    consonant left between the syllable's final and the silent letter
    (จันทร์, ลักษณ์, กาญจน์ *kan*), as ท always is before a silent ร
    (บดินทร์ *Bodin*, อินทร์ *In*; not อานนท์ *Anon*). Personal spellings
    often write them (:func:`_written_letters`)."""
    chars: list[str] = []
    silenced: list[tuple[int, str]] = []
    for ch in word:
        if ch == _SILENT:
            dropped_vowel = bool(chars) and chars[-1] in _VOWEL_SIGNS
            removed: list[str] = []
            if dropped_vowel:
                removed.append(chars.pop())  # (ธิ์: the consonant and its vowel are silent)
            silent = chars.pop() if chars else ""
            removed.append(silent)
            if dropped_vowel and silent in _CONSONANTS and chars and chars[-1] in _VOWEL_SIGNS:
                # a consonant and its vowel silenced after an open syllable:
                # the vowel only, the consonant closes that syllable (กิติ์
                # *kit* in สิริกิติ์ *Sirikit*, Pali *kitti*)
                chars.append(silent)
                removed.pop()
            elif len(chars) >= 3 and chars[-1] in _CONSONANTS and chars[-2] in _CONSONANTS:
                # (ั needs a final: the first consonant; so does a vowel
                # written after its consonant before a nasal and a stop of
                # the nasal's class, as Pali writes them: กาญจน์ *kan*,
                # Pali *kañcana*)
                if (
                    chars[-3] == "\u0e31"
                    or (silent == "ร" and chars[-1] == "ท")
                    or (chars[-3] in _VOWEL_SIGNS and chars[-1] in _HOMORGANIC.get(chars[-2], ""))
                ):
                    removed.append(chars.pop())
            if "".join(removed):
                silenced.append((len(chars), "".join(reversed(removed))))
            continue
        if ch in _TONE:
            continue
        chars.append(ch)
    return tuple(chars), tuple(silenced)


def _syllables(word: str, linked: bool = False) -> list[tuple[str, str, str]]:
    """``(onset, vowel, coda)`` triples of Thai letters (the vowel as a short
    Latin code, ``"-"`` when unwritten), left to right.

    With ``linked``, consonants without a written vowel are read as Pali and
    Sanskrit words are (:func:`_linked_vowel`): each one inside the word
    opens a syllable with the linking *a* (ธนพล *tha-na-phon*, เจียรวนนท์
    *chia-ra-wa-non*) rather than closing the syllable before it.

    A silent letter ends a syllable: the letters before it and those after
    it are read apart (ภิรมย์พร is ภิรม + พร, *phi-rom-phon*; read as one run,
    its four bare consonants would be *phi-ram-phon*)."""
    chars, silenced = _silenced(word)
    out: list[tuple[str, str, str]] = []
    at = 0
    for position in (*(p for p, _ in silenced), len(chars)):
        if position > at:
            out += _run_syllables(list(chars[at:position]), linked)
        at = position
    return out


#: Pali's doubled aspirates, written as a stop and the aspirate of its class
#: (ทธ *ddh*: ยุทธ *yut*, Pali *yuddha*; พุทธ *phut*; ตถ *tth*; กข *kkh*).
_GEMINATE_ASPIRATES: Final = frozenset(
    ("กข", "คฆ", "จฉ", "ชฌ", "ฏฐ", "ฑฒ", "ตถ", "ทธ", "ปผ", "พภ", "บภ", "ดธ")
)


def _doubled_stop(first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` are one stop consonant written twice
    (ตต, กก, ปป …: a final *k*, *t* or *p*), as Pali writes a doubled stop, or
    a stop and the aspirate of its class, as Pali writes a doubled aspirate
    (:data:`_GEMINATE_ASPIRATES`: ยุทธ *yut*)."""
    if first == second:
        return len(first) == 1 and _CONSONANTS[first][1] in ("k", "t", "p")
    return first + second in _GEMINATE_ASPIRATES


def _final_w(chars: list[str], i: int, lead: str) -> bool:
    """Whether the ว at ``chars[i]``, after a consonant and the leading vowel
    ``lead``, is that syllable's final rather than the second letter of a
    cluster: nothing follows it, or a consonant with a vowel of its own
    (แก้ว *kaeo*, เหว *heo*; but แกว่ง *kwaeng*, whose ง closes the
    syllable; เ–า is a vowel of its own, เกว่า none)."""
    if chars[i] != "ว" or lead not in "เแ":
        return False
    rest = chars[i + 1 : i + 3]
    return not rest or (rest[0] in _CONSONANTS and rest[1:2] != [] and rest[1] in _VOWEL_SIGNS)


def _is_song(chars: list[str], i: int) -> bool:
    """Whether the ร at ``chars[i]``, after a ท, begins the syllable ทรง
    (*song*): a bare ง follows it, which ends the word or comes before another
    consonant."""
    rest = chars[i + 1 : i + 3]
    return rest[:1] == ["ง"] and (len(rest) == 1 or rest[1] in _CONSONANTS or rest[1] in _LEADING)


def _run_syllables(chars: list[str], linked: bool) -> list[tuple[str, str, str]]:
    """The syllables of ``chars``, a run of letters read with no silent letter
    among them (:func:`_syllables`)."""
    units: list[list[str]] = []  # [onset, vowel]
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        lead = ""
        if ch in _LEADING:
            lead, i = ch, i + 1
            if i >= n:
                break
            ch = chars[i]
        if ch in _RUE:
            # ฤ, ฦ: a consonant and its vowel in one letter (*ri*, *rue*),
            # clustered with a bare consonant before it (พฤกษ์ *phruek*,
            # อังกฤษ *angkrit*; not ส: สฤษดิ์ *sarit*)
            i += 1
            before = units[-1] if units and not lead else None
            if before and not before[1] and before[0] in _RUE_CLUSTER:
                before[0] += ch
                before[1] = ch
            else:
                units.append([ch, ch])
            continue
        if ch not in _CONSONANTS:
            i += 1
            continue
        onset = ch
        i += 1
        # a cluster: a second consonant followed by a vowel sign (or a leading
        # vowel's consonant pair), or led by a silent ห / อ
        if i < n and chars[i] in _CONSONANTS and i + 1 <= n:
            second = chars[i]
            after = chars[i + 1] if i + 1 < n else ""
            clustered = (
                (
                    ch in _CLUSTER_FIRST
                    and second in _CLUSTER_SECOND
                    and (second != "ว" or ch in _W_CLUSTER_FIRST)
                )
                or (ch in _SILENT_R_AFTER and second == "ร")
                or (ch == "ห" and second in _LED_BY_H)
                or (ch == "อ" and second == "ย")
            )
            if (
                lead
                and after in ("ิ", "ี", "ื")
                and lead + after in _VOWELS
                and ch in _HIGH_MID
                and (not clustered or (ch == "จ" and second == "ร"))
            ):
                # a leading vowel and a vowel sign that make one vowel (เ–ิ
                # *oe*, เ–ีย *ia*) around two consonants that make no cluster,
                # the first of the high or middle class, belong to the second,
                # and the first has the inherent a (เฉลิม *cha-loem*, เสถียร
                # *sa-thian*; จร too: เจริญ *cha-roen*, not a silent ร; but
                # เนวิน *ne-win*)
                units.append([ch, "-a"])
                onset = second
                i += 1
            elif (
                ch == "ท"
                and second == "ร"
                and after != "ร"
                and (
                    (not units and not lead)
                    or after == "\u0e31"
                    or _is_song(chars, i)
                    or (not lead and after in _VOWEL_SIGNS and units[-1][1] in _NO_FINAL)
                )
            ):
                # (a first ทร is read s, ทรง *song*, and so is ทรั anywhere,
                # ทรัพย์ *sap*: สะสมทรัพย์ *Sasomsap*, ทรง that ends a word or
                # comes before another consonant: บุญทรง *Bunsong*, and ทร
                # with a vowel after a syllable that takes no final, which ท
                # cannot close: เขาทราย *khao-sai*; elsewhere within a word ท
                # closes or opens a syllable: สุนทร *sunthon*, จันทรา
                # *chanthara*)
                onset += second  # (ทร is read s: ทรง)
                i += 1
            elif (
                lead
                and clustered
                and after in _VOWEL_SIGNS
                and (
                    not any(v.startswith(lead + after) for v in _VOWELS)
                    or (
                        lead + after == "เิ"
                        and i + 3 < n
                        and chars[i + 2] in _CONSONANTS
                        and chars[i + 3] in _VOWEL_SIGNS
                    )
                )
            ):
                # a leading vowel and a vowel sign that make no vowel together
                # belong to a syllable each: the leading vowel to the first
                # consonant, the sign to the second (ไพริน *phai-rin*:
                # *Pailin*); so does เ–ิ, *oe* only with a final (เจริญ
                # *charoen*, เสริม *soem*), before a consonant with a vowel of
                # its own (เตริยา *te-ri-ya*: *Teriyapirom*)
                units.append([ch, lead])
                lead = ""
                onset = second
                i += 1
            elif clustered and (
                after in _VOWEL_SIGNS
                or (lead and after not in _VOWEL_SIGNS and not _final_w(chars, i, lead))
            ):
                onset += second
                i += 1
        vowel = lead
        if not vowel and chars[i : i + 2] == ["ร", "ร"]:
            vowel, i = "รร", i + 2  # (บรร, วรรณ: the vowel a with a final n)
        elif (
            not vowel
            and onset in _CLUSTER_FIRST
            and chars[i : i + 3] == ["ร", "ห", "ม"]
            and not (i + 3 < n and chars[i + 3] in _VOWEL_SIGNS)
        ):
            # Sanskrit *brahma* (พรหม *phrom*: *Prommin*, *Prompow*): the
            # cluster with its inherent o, closed by ม, the ห between them
            # unsaid
            onset, vowel, i = onset + "ร", "-", i + 2
        while i < n and chars[i] in _VOWEL_SIGNS:
            vowel += chars[i]
            i += 1
        # compound vowels written with a consonant letter
        if vowel in ("เี", "เ") and i < n and chars[i] == "ย" and vowel == "เี":
            vowel += "ย"
            i += 1
        elif vowel in ("เื", "ื") and i < n and chars[i] == "อ":
            vowel += "อ"
            i += 1
        elif vowel == "เ" and i < n and chars[i] in "าอ":
            vowel += chars[i]
            i += 1
        elif vowel == "ั" and i < n and chars[i] == "ว":
            vowel += "ว"
            i += 1
        units.append([onset, vowel])
    # assign vowel-less units: a final of the syllable before, or a syllable of
    # their own with an inherent vowel (อ, ว and รร as vowels)
    out: list[tuple[str, str, str]] = []
    j = 0
    while j < len(units):
        onset, vowel = units[j]
        if vowel:
            out.append((onset, vowel, ""))
            j += 1
            continue
        nxt = units[j + 1] if j + 1 < len(units) else None
        if nxt is None and out and _doubled_stop(out[-1][2], onset):
            j += 1  # (the doubled stop that ends a word: พิจิตต *phichit*)
            continue
        prev_open = bool(out) and not out[-1][2] and out[-1][1] not in _NO_FINAL
        # the bare consonants from here to the next written vowel (or the end)
        run = next((k for k in range(j, len(units)) if units[k][1]), len(units)) - j
        at_end = j + run == len(units)
        if linked and len(onset) == 1 and onset != "อ":
            linking = _linked_vowel(units, out, j, run, at_end, prev_open)
            if linking is not None:
                out.extend(linking)
                # (one unit, or the words of three of a long run)
                j += max(1, 3 * sum(v == _OPEN_A for _, v, _ in linking))
                continue
        if (
            not out
            and run == 4
            and len(onset) == 1
            and units[j + 1][0] not in _CLUSTER_SECOND
            and units[j + 2][0] == "ว"
            and units[j + 3][0] in _FINALS
        ):
            # four bare consonants opening a word, the third ว: the first
            # opens a syllable with the inherent a, ว is the vowel *ua* of
            # the next (สงวน *sa-nguan*, ขบวน *kha-buan*, ผนวก *pha-nuak*;
            # not after ร or ล, which make a syllable with the first:
            # สรวงศ์ *so-ra-wong*)
            out.append((onset, _OPEN_A, ""))
            j += 1
            continue
        if (
            not prev_open
            and at_end
            and run >= 3
            and run % 2 == 1
            and (onset != "อ" or not out)
            and units[j + 1][0] != "ง"
            and not any(u[0] in ("อ", "ว", "ห") for u in units[j + 1 :])
        ):
            # an odd number of bare consonants ending the word: the first
            # opens a syllable with the inherent a, the others pair into
            # closed syllables (ถนน *thanon*, กนกพร *ka-nok-phon*), not a
            # closed syllable and a bare one (*thon-na*)
            out.append((onset, _OPEN_A, ""))
            j += 1
            continue
        # (after รร, two bare consonants are a syllable of their own: บรร-จง)
        opens = out and out[-1][1] == "รร" and nxt is not None and not nxt[1]
        # two bare consonants that end the word are a syllable (ศรี-วง *wong*),
        # not a final and a syllable with a bare inherent a; but a stop
        # doubled at the end of a word closes the syllable before it, and the
        # second carries only the Pali *a* Thai leaves unsaid (พิจิตต
        # *phi-chit*, Pali *citta*; a nasal is read again: อานนท์ *a-non*)
        opens = opens or (
            nxt is not None
            and not nxt[1]
            and j + 2 == len(units)
            and not _doubled_stop(onset, nxt[0])
            and not (nxt[0] == "ร" and onset in _SILENT_R_STOPS)  # (ชินวัตร: silent ร)
            and not (out and out[-1][1] == "ั")  # (ั needs a final: สมัคร *samak*)
        )
        # after a long open vowel, three bare consonants are a syllable and
        # the next one's onset (จุฬา-ลง-กรณ์ *Chulalongkorn*), not a final
        # and a syllable (*chulan-ngok*)
        opens = opens or (
            prev_open
            and out[-1][1] in _LONG_OPEN
            and nxt is not None
            and not nxt[1]
            and nxt[0] in _FINALS
            and j + 2 < len(units)
            and not units[j + 2][1]
        )
        # a bare consonant before a last bare ร makes a syllable with it (สุภา-พร
        # *suphaphon*, personal *Supaporn*), except after a vowel that needs a
        # final (ั) and for ตร / ทร, whose ร is silent (ชินวัตร, ประวิตร)
        closing_r = (
            nxt == ["ร", ""]
            and j + 2 == len(units)
            and onset not in _SILENT_R_STOPS
            and not (out and out[-1][1] == "ั")
        )
        if closing_r:
            out.append((onset, "-", "ร"))
            j += 2
            continue
        if (
            prev_open
            and (onset in _PALI_ASPIRATES or (onset == "ร" and not opens))
            and nxt is not None
            and (out[-1][1] != "ั" or not nxt[1])
        ):
            # an aspirate of Pali and Sanskrit names between two syllables
            # opens the next with its inherent a (ศุภชัย *Suphachai*), as ร
            # does (สุรเชษฐ์ *Surachet*, ธีรพงษ์ *Thiraphong*; but not a ร that
            # makes a syllable with the one bare consonant after it that ends
            # the word: ภิรมย์ *phirom*); after ั, which needs a final, it is
            # doubled (วัฒน *watthana*)
            if out[-1][1] == "ั":
                o, v, _ = out[-1]
                out[-1] = (o, v, onset)
            out.append((onset, "-a", ""))
            j += 1
            continue
        if prev_open and onset not in _NEVER_FINAL and len(onset) == 1 and not opens:
            o, v, _ = out[-1]
            out[-1] = (o, v, onset)
            j += 1
            continue
        if onset == "ร" and out and out[-1][2] and nxt is None:
            out.append(("ร", "r", ""))  # a final ร after a final: silent in RTGS
            j += 1
            continue
        if (
            onset == "ร"
            and not linked
            and out
            and (out[-1][1] != "ั" or out[-1][2] == "ต")
            and out[-1][2] in _SILENT_R_STOPS
            and nxt is not None
            and nxt[1]
        ):
            # the ร of Sanskrit *-tra*, *-jra* inside a word, before a
            # syllable with a vowel of its own, is silent (เพชรล้ำ *phet-lam*,
            # ฉัตรชัย *chat-chai*; after ั only that of ต, the others read
            # again below: พัชรวาท *phat-cha-ra-wat*; the linked reading reads
            # it with a: จิตรลดา *chit-ra-la-da*)
            j += 1
            continue
        if (
            out
            and out[-1][1] == "ั"
            and out[-1][2] in _CONSONANTS
            and out[-1][2] not in _FINALS
            and onset == "ร"
            and nxt is not None
            and nxt[1]
        ):
            # the final of a ั is read again before a consonant with no vowel
            # of its own inside the word, as a cluster with it where the two
            # make one (จักรพงษ์ *chak-kra-phong*) or with the inherent a
            # (พัชรวาท *phat-cha-ra-wat*, อัครเดช *ak-kha-ra-det*)
            coda = out[-1][2]
            if coda in _CLUSTER_FIRST and onset in _CLUSTER_SECOND and onset != "ว":
                out.append((coda + onset, "-a", ""))
            else:
                out += [(coda, "-a", ""), (onset, "-a", "")]
            j += 1
            continue
        if nxt is not None and not nxt[1] and nxt[0] in ("อ", "ว") and j + 2 < len(units):
            third = units[j + 2]
            if not third[1] and third[0] not in _NEVER_FINAL:
                out.append((onset, "อ" if nxt[0] == "อ" else "ัว", third[0]))
                j += 3
                continue
        if nxt == ["อ", ""] and len(onset) == 1:
            # อ between a consonant and one that cannot close its syllable,
            # or at the end of the word: the open vowel o (จงจอหอ *chong-cho-ho*)
            out.append((onset, "อ", ""))
            j += 2
            continue
        if nxt is not None and not nxt[1] and len(nxt[0]) == 1:
            out.append((onset, "-", nxt[0]))
            j += 2
            continue
        out.append((onset, "-a", ""))
        j += 1
    return out


def _linked_vowel(
    units: list[list[str]],
    out: list[tuple[str, str, str]],
    j: int,
    run: int,
    at_end: bool,
    prev_open: bool,
) -> list[tuple[str, str, str]] | None:
    """The syllables the bare consonant ``units[j]`` makes in the *linked*
    reading of :func:`_syllables` (``None``: as in the other reading).

    Pali and Sanskrit write an *a* after every consonant, which Thai leaves
    unwritten and drops only at the end of a word, so a bare consonant inside a
    word opens a syllable with it (ธนพล *tha-na-phon*, กนก *ka-nok*,
    เจียรวนนท์ *chia-ra-wa-non*), except the two that end the word, which
    make one closed syllable (*phon*). Thai reads a few of these consonants
    twice, as the final of one syllable and the onset of the next: ล after a
    first bare consonant (ชลธี *chon-la-thi*), and the final of a ั before
    another bare consonant (พัชรวาท *phat-cha-ra-wat*); before ร a first
    bare consonant takes *o* (วรพล *wo-ra-phon*, อรพิน *o-ra-phin*). An
    ``out`` syllable may be changed in place (its final set)."""
    onset = units[j][0]
    if at_end and run <= 2:
        return None  # (the closed syllable that ends the word, or its final)
    nxt = units[j + 1] if j + 1 < len(units) else None
    if onset == "ง" or (nxt is not None and not nxt[1] and nxt[0] == "ง"):
        return None  # (ง ends native syllables: วงษ์ *wong*, not *wanga*)
    if nxt is not None and nxt[0] == onset:
        return None  # (a doubled letter closes one syllable and opens the next)
    if prev_open and out[-1][1] not in ("-a", "-", "ั"):
        # a written vowel's final (บุญเลิศ *bun-loet*, เฉลิมพล *cha-loem-phon*;
        # a ร opens the next syllable in either reading: เจียรวนนท์)
        return None
    if nxt is not None and not nxt[1] and nxt[0] in ("อ", "ว") and run >= 3:
        return None  # (อ, ว between two consonants are vowels: ทอง *thong*)
    if prev_open and out[-1][1] == "ั":
        # ั needs a final: this consonant, read again as the next onset when
        # another bare consonant follows (พัชร *phatchara*)
        o, v, _ = out[-1]
        out[-1] = (o, v, onset)
        doubled = onset in _PALI_ASPIRATES or onset in _SILENT_FINAL_VOWEL_AFTER
        if nxt is not None and (doubled or not nxt[1]) and not (at_end and run == 2):
            # (and a stop before any syllable: ณัฐวุฒิ *nat-tha-wut*, รัตนา
            # *rat-ta-na*)
            return [(onset, "-a", "")]
        return []
    if at_end and run >= 6 and run % 3 == 0 and all(len(u[0]) == 1 for u in units[j:]):
        # six bare consonants and more: words of three (กมล-ชนก
        # *ka-mon-cha-nok*), each a syllable with a and a closed one
        groups = [units[k : k + 3] for k in range(j, len(units), 3)]
        return [
            syllable for a, b, c in groups for syllable in ((a[0], _OPEN_A, ""), (b[0], "-", c[0]))
        ]
    if nxt is not None and not nxt[1] and not out:
        if nxt[0] == "ร":
            return [(onset, "-", "")]  # (วร *wo-ra*)
        if nxt[0] == "ล":
            return [(onset, "-", "ล")]  # (ชล *chon-la*)
    return [(onset, "-a", "")]


_VOWELS: Final[dict[str, str]] = {
    "-": "o",
    _OPEN_A: "a",
    "-a": "a",
    "ะ": "a",
    "ั": "a",
    "า": "a",
    "ำ": "am",
    "ิ": "i",
    "ี": "i",
    "ึ": "ue",
    "ื": "ue",
    "ือ": "ue",
    "ุ": "u",
    "ู": "u",
    "เ": "e",
    "เะ": "e",
    "แ": "ae",
    "แะ": "ae",
    "โ": "o",
    "โะ": "o",
    "ใ": "ai",
    "ไ": "ai",
    "เา": "ao",
    "เาะ": "o",
    "เี": "ia",
    "เีย": "ia",
    "เือ": "uea",
    "เื": "uea",
    "เอ": "oe",
    "เิ": "oe",
    "ัว": "ua",
    "อ": "o",
    "รร": "an",
    "ฤ": "i",
    "ฦ": "ue",
    "r": "",
}


#: The readings :func:`_render` gives: RTGS, the personal spelling, the Indic one,
#: and the *plain* one: RTGS with the aspirated k and p letters written *k*
#: and *p*, as many people write their names (*Worapon*, *Patcharawat*).
#: The *written* reading (:func:`_written`) is the Indic one, letter by letter.
#: The *spoken* one writes the consonants that begin a syllable as the
#: personal spelling does (*j* for จ, *k* and *p* for the aspirated letters)
#: and those that end one by their sound, as RTGS does (ล, ร *n*; ท, ธ *t*):
#: สมพล *Sompon*, ไพศาล *Paisan*, วิจารณ์ *Wijan*, อาจารย์ *Ajan*.
_RTGS, _PERSONAL, _INDIC_READING, _PLAIN, _WRITTEN, _SPOKEN = 0, 1, 2, 3, 4, 5


#: The dental stops (:data:`_SILENT_FINAL_VOWEL_AFTER`) and the nasals they
#: follow in the silent clusters that end Pali and Sanskrit names (นท์ นธ์
#: นต์ ณฑ์: Pali *-nta*, *-nda*, *-ndha*).
_DENTAL_NASALS: Final = frozenset("นณ")


def _silent_dental_after_n(word: str) -> bool:
    """Whether ``word`` ends in a dental stop that the thanthakhat silences
    after a final *n* (อานนท์, พันธุ์, อนันต์), which the plain spelling
    writes as the *t* English spells after an *n* (*Sittipunt*,
    *Chearavanont*, *Chulanont*, *Anant*); the other readings leave it out
    (*Anon*, *Prompan*) or write its Indic letter (*Sukhumbhand*)."""
    chars, silenced = _silenced(word)
    if not silenced or silenced[-1][0] != len(chars) or not chars:
        return False
    letters = silenced[-1][1]
    return chars[-1] in _DENTAL_NASALS and letters[:1] in _SILENT_FINAL_VOWEL_AFTER


def _written(word: str) -> str:
    """The *written* reading of ``word``: the letters Pali and Sanskrit
    names write, as the spellings that follow them keep them (*Thapana*,
    *Sirivadhanabhakdi*, *Dharmasakti*, *Sukhumbhand*, *Srirasmi*,
    *Sangiampongsa*). It is the linked Indic reading with these changes:

    * the letters the thanthakhat silences are written
      (:func:`_written_letters`: พันธุ์ *band*, ศักดิ์ *sakdi*, รัศมิ์
      *rasmi*, พงษ์ *bongs*), and the kh of ข and the ph of ผ are kept
      (สุขุม *sukhum*);
    * a word that ends in two consonants without a vowel ends in two open
      syllables with the inherent *a* that Pali writes and Thai leaves
      unsaid (ฐาปน *thapana*, อุตตม *uttama*), and ``รร`` before a
      consonant is *ar* (ธรรม *dharm*, สุวรรณ *suvarn*);
    * the final of ``ั`` is not read again as the next onset (วัฒน
      *vadhana*, not *vatdhana*);
    * ``จ`` keeps its *ch*, as the Sanskrit spellings of names write च
      (พิจิตต *Bhichit*, จันทร *Chandra*), where the other personal
      readings write *j*."""
    chars, silenced = _silenced(word)
    parts: list[str] = []
    at = 0
    for position, letters in (*silenced, (len(chars), "")):
        segment = "".join(chars[at:position])
        syllables = _syllables(segment, linked=True) if segment else []
        for k in range(len(syllables) - 1):
            onset, vowel, coda = syllables[k]
            if (
                vowel == "\u0e31"
                and coda not in "ยว"  # (ย, ว after ั write the vowels ai, ao)
                and coda == syllables[k + 1][0]
                and syllables[k + 1][1] == "-a"
            ):
                syllables[k] = (onset, vowel, "")
        if syllables and not letters:
            onset, vowel, coda = syllables[-1]
            if vowel == "-" and coda and coda not in "รง" and len(onset) == 1:
                # (not ง, which ends native syllables: พง *phong*)
                syllables[-1:] = [(onset, "-a", ""), (coda, "-a", "")]
        reading = _render(segment, syllables, _WRITTEN) if syllables else ""
        if parts and reading[:1] == parts[-1][-1:]:
            parts[-1] = parts[-1][:-1]  # (a silent letter the next writes: วงษ์สุ *vongsu*)
        parts += [reading, _written_letters(letters)]
        at = position
    return "".join(parts)


def _written_letters(letters: str) -> str:
    """Silent letters as the written reading spells them: each consonant by
    its Indic value, a stop unaspirated, ``ิ ี`` *i*, and no ``ุ ู`` (ดิ *di*:
    ศักดิ์ *Sakdi*, *Dharmasakti*; ธุ *d*: พันธุ์ *Sukhumbhand*; ทร *dr*)."""
    out: list[str] = []
    for c in letters:
        if c in _CONSONANTS:
            latin = _INDIC.get(c, _CONSONANTS[c][0])
            # (a stop that ends a word is not aspirated: dh, th are d, t)
            out.append(latin[0] if latin[1:] == "h" and latin[0] in "bdgkpt" else latin)
        elif c in "\u0e34\u0e35":
            out.append("i")
    return "".join(out)


def _unsaid_r_inside(syllables: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``syllables`` with the ร of ``เ–ียร`` unsaid before a dental with a
    short i or u inside a word, the dental closing the syllable of ``เ–ีย``
    and read again with its vowel (เกียรติศักดิ์ *kiat-ti-sak*, not
    *kia-ra-ti-sak*: *Kiattisak*), as at the end of a word the ร and the
    vowel are unsaid (เกียรติ *kiat*, :func:`_render`)."""
    out = list(syllables)
    for k in range(len(out) - 3, 0, -1):
        before, r, dental = out[k - 1], out[k], out[k + 1]
        if (
            r == ("ร", "-a", "")
            and before[1] == "เีย"
            and not before[2]
            and dental[0] in _SILENT_FINAL_VOWEL_AFTER
            and dental[1] in ("ิ", "ุ")
        ):
            out[k - 1 : k + 1] = [(before[0], before[1], dental[0])]
    return out


def _render(word: str, syllables: list[tuple[str, str, str]], mode: int) -> str:
    """The syllables of ``word`` (:func:`_syllables`) in the reading ``mode``."""
    written = mode == _WRITTEN
    if written:
        mode = _INDIC_READING
    personal = mode in (_PERSONAL, _INDIC_READING)
    indic = mode == _INDIC_READING
    parts: list[str] = []
    if not written:
        syllables = _unsaid_r_inside(syllables)
    if mode != _PERSONAL and not written and len(syllables) > 1:
        onset, vowel, coda = syllables[-1]
        if (
            len(syllables) > 2
            and syllables[-2] == ("ร", "-a", "")
            and not coda
            and vowel in ("ิ", "ุ")
            and onset in _SILENT_FINAL_VOWEL_AFTER
        ):
            # (a ร before it is silent too: เกียรติ *kiat*)
            syllables = [*syllables[:-2], syllables[-1]]
        before = syllables[-2]
        if (
            not coda
            and vowel in ("ิ", "ุ")
            and onset in _SILENT_FINAL_VOWEL_AFTER
            and before[2] in ("", "ร")
        ):
            # a last short i or u after a dental, unsaid in Pali words: the
            # dental closes the syllable before (ชาติ *chat*, เกียรติ *kiat*);
            # personal spellings keep the letters (*Chati*)
            syllables = [*syllables[:-2], (before[0], before[1], onset)]
            if mode == _PLAIN and before[1] == "า":
                # (the English long a of a closed syllable, as in ชาติ:
                # *Chart*, อภิชาติ *Apichart*)
                syllables[-1] = (before[0], "าr", onset)
    for position, (onset, vowel, coda) in enumerate(syllables, 1):
        first = onset[:1]
        latin = "".join(_CONSONANTS[c][0] for c in onset)
        if indic:
            # every letter by its Indic value (ทร *dr*: สุนทร *Sundara*); ว
            # in a cluster (กว) stays *w*
            latin = "".join(
                _INDIC.get(c, _CONSONANTS[c][0]) if c != "ว" or k == 0 else "w"
                for k, c in enumerate(onset)
            )
        elif first == "ท" and onset[1:2] == "ร":
            latin = "s"  # ทร is read s
        elif first in _SILENT_R_AFTER and onset[1:2] == "ร" and not personal:
            latin = latin[:-1]  # (ศรี: si in RTGS, Sri in personal spellings)
        elif first in "หอ" and len(onset) > 1:
            latin = _CONSONANTS[onset[1]][0]  # the ห / อ only carries the tone
        if personal or mode == _SPOKEN:
            # personal spellings: j for จ, k and p for the aspirated k and p
            # letters (*Sompol*, *Supaporn*; folding reads ph as f); the
            # written reading keeps the kh of ข and the ph of ผ, as Sanskrit
            # writes them (สุขุม *Sukhum*)
            # (the written reading keeps the ch of จ, as the Sanskrit spellings
            # of names write च: จันทร *Chandra*, พิจิตต *Bhichit*)
            latin = latin.replace("ch", "j", 1) if first == "จ" and not written else latin
            if not written:
                latin = latin.replace("kh", "k").replace("ph", "p")
            elif first in "คฅ":
                latin = latin.replace("kh", "k")
        elif mode == _PLAIN:
            latin = latin.replace("kh", "k").replace("ph", "p")
        v = _VOWELS.get(vowel, "")
        if mode == _PLAIN and vowel in ("าr", "ฤ"):
            # (ฤ is *rue* in an open syllable, นฤมล *Naruemon*; *ri* before
            # a final, สฤษดิ์ *Sarit*)
            v = "ar" if vowel == "าr" else ("ue" if not coda else v)
        if mode == _PLAIN and vowel == "า" and coda and _CONSONANTS[coda][1] in ("t", "n"):
            # (the English long a before a final t or n: ประสาท *Prasart*,
            # สะอาด *Sa-ard*, ชาญ *Charn*)
            v = "ar"
        if mode != _RTGS and v == "oe" and coda:
            v = "er"  # (the English spelling of เ–ิ: เลิศ *Lert*, เฉลิม *Chalerm*)
        if vowel == "r":
            # a final ร after a final (จักร, ชินวัตร): silent in RTGS; personal
            # spellings write it with an a (Shinawatra)
            parts.append("ra" if personal else "")
            continue
        if vowel == "รร" and coda:
            v = "ar" if written else "a"
        if mode == _PLAIN and vowel == "อ" and not coda:
            v = "or"  # (the English spelling of an open อ: จอหอ *Johor*)
        if coda:
            final = _CONSONANTS[coda][2 if personal else 1]
            if indic and coda == "ช":
                final = "j"  # (อดุลยเดช *Adulyadej*, เวช *Vej*)
            elif indic and len(final) == 2 and final.endswith("h"):
                final = _CONSONANTS[coda][1]  # (a final stop unaspirated: อภิสิทธิ์ *Abhisit*)
            if coda == "ย" and v.endswith(("a", "o", "u", "e")):
                final = "i" if not v.endswith("i") else ""
            elif coda == "ว":
                final = "o" if not personal else "w"
            elif coda == "ร" and indic and vowel == "-" and word.endswith("ร"):
                final, v = "ra", "a"  # (Sanskrit -kara: พหิทธานุกร *Bahiddhanukara*)
            elif coda == "ร" and personal and vowel == "-" and position == len(syllables):
                final = "rn"  # (-porn, -korn: Supaporn, Siriporn)
            elif indic and vowel == "า" and coda in "นณญ":
                v = "ar"  # the English long a (ปาน *Parn*, ชาญ *Charn*)
        else:
            final = ""
        parts.append(latin + v + final)
    return "".join(parts)


@lru_cache(maxsize=4096)
def thai_readings(word: str) -> tuple[str, str]:
    """The RTGS reading of a Thai word and the letter-following one of personal
    spellings, lower-case ASCII (``ทรงพล`` → ``songphon``, ``songphol``); a
    title written before the name is left out (:func:`untitled`)."""
    word = untitled(word)
    syllables = _syllables(word)  # (once for both readings)
    return _render(word, syllables, _RTGS), _render(word, syllables, _PERSONAL)


#: Titles that Thai writes before a name with no space (นายทักษิณ, นางสาวแพทองธาร,
#: พลเอกประยุทธ์): forms of address, ranks of the army, navy, air force and
#: police, and the ranks of royal descent (หม่อมราชวงศ์, *Mom Rajawongse*),
#: longest first. Only titles written out in full: an abbreviated one (พล.อ.,
#: น.ส.) is parted from the name by its dots.
_TITLES: Final = tuple(
    sorted(
        (
            "นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง", "คุณหญิง", "ท่านผู้หญิง",
            "นายแพทย์", "แพทย์หญิง",
            "พลเอก", "พลโท", "พลตรี", "พันเอก", "พันโท", "พันตรี",
            "ร้อยเอก", "ร้อยโท", "ร้อยตรี",
            "พลเรือเอก", "พลเรือโท", "พลเรือตรี", "พลอากาศเอก", "พลอากาศโท", "พลอากาศตรี",
            "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี",
            "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี",
            "หม่อมราชวงศ์", "หม่อมหลวง", "หม่อมเจ้า",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip


def untitled(word: str) -> str:
    """``word`` without a title written before the name in it
    (:data:`_TITLES`: นายทักษิณ → ทักษิณ, พลเอกประยุทธ์ → ประยุทธ์), if what
    follows it can begin a word (a consonant or a leading vowel) and has two
    letters or more: นายก and นายิกา keep theirs. A word that is a title and
    nothing else is kept as it is."""
    for _ in range(2):  # (a title after a title: พลเอกหม่อมราชวงศ์)
        title = next((t for t in _TITLES if word.startswith(t)), "")
        rest = word[len(title) :]
        if not title or len(rest) < 2 or not (rest[0] in _CONSONANTS or rest[0] in _LEADING):
            break
        word = rest
    return word


#: The most spellings :func:`thai_spellings` gives a word.
_MAX_SPELLINGS: Final = 6


@lru_cache(maxsize=4096)
def thai_spellings(word: str) -> tuple[str, ...]:
    """The spellings a Thai word is written in, lower-case ASCII, without
    repeats: RTGS, the letter-following personal spelling
    (:func:`thai_readings`) and the *Indic* spelling of Pali and Sanskrit
    names, each consonant by the value of the Indic letter it continues
    (:data:`_INDIC`: ภูมิพล *bhumibol*, เวชชาชีวะ *vejjajiva*), which
    Thai people use for their own names beside the other two (*Abhisit
    Vejjajiva*, *Bhumibol Adulyadej*, *Samak Sundaravej*); then the *linked*
    reading (:func:`_linked_vowel`: ธนพล *thanaphon*) in RTGS and in the
    *plain* spelling many people write, RTGS with *k* and *p* for the
    aspirated letters, *er* for เ–ิ, *ar* for a long a before a final t or n
    (ชาติ, ประสาท, ชาญ), *or* for an open อ, *rue* for ฤ and a *t* for the
    silent dental after a final *n* (:func:`_silent_dental_after_n`:
    *Thanapon*, *Worapon*, *Chalermpon*, *Apichart*, *Prasart*, *Naruemon*,
    *Sittipunt*, *Chearavanont*); the *spoken* spelling, the personal
    spelling's first consonants with RTGS's finals (:data:`_SPOKEN`:
    ไพศาล *Paisan*, วิจารณ์ *Wijan*), unless five spellings came before; last
    the *written* reading (:func:`_written`), letter by letter as Pali and
    Sanskrit names are spelt, silent letters and unsaid vowels written
    (*Thapana*, *Sirivadhanabhakdi*, *Srirasmi*), and, for a word ending in
    the silent ร of Sanskrit *-tra* (:data:`_SILENT_R_STOPS`), the personal
    spelling without it (สมจิตร *Somjit* beside *somjitra*, as ชินวัตร is
    *Shinawatra*). At most :data:`_MAX_SPELLINGS` spellings, the first RTGS;
    a title before the name is left out (:func:`untitled`)."""
    word = untitled(word)
    out: list[str] = []
    # (the syllables of each kind once, for the readings that render them)
    syllables = {False: _syllables(word), True: _syllables(word, True)}
    for mode, linked in (
        (_RTGS, False),
        (_PERSONAL, False),
        (_INDIC_READING, False),
        (_RTGS, True),
        (_PLAIN, True),
        (_SPOKEN, False),
    ):
        if mode == _SPOKEN and len(out) >= _MAX_SPELLINGS - 1:
            # (beside five spellings, the last, written one keeps its place:
            # a name's words combine their spellings up to a bound)
            continue
        reading = _render(word, syllables[linked], mode)
        if mode == _PLAIN and reading.endswith("n") and _silent_dental_after_n(word):
            reading += "t"  # (พันธุ์ *punt*: Sittipunt; นนท์ *nont*: Chearavanont)
        if reading and reading not in out:
            out.append(reading)
    reading = _written(word)
    if reading and reading not in out:
        out.append(reading)
    plain = syllables[False]
    if (
        len(plain) > 1
        and plain[-1] == ("ร", "r", "")
        and plain[-2][2] in _SILENT_R_STOPS
        and len(out) < _MAX_SPELLINGS
    ):
        # (the personal spelling with the final ร of Sanskrit *-tra* unsaid,
        # as many write it: สมจิตร *Somjit*, ประวิตร *Prawit*, beside
        # *Shinawatra*)
        reading = _render(word, plain[:-1], _PERSONAL)
        if reading and reading not in out:
            out.append(reading)
    return tuple(out)
