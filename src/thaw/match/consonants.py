"""Two words of which one is written in an abjad, aligned although a consonant
of one stands in place of another: another name, not another spelling.

The name alignment compares a word written in Arabic, Persian or Hebrew letters
with a Latin one by their consonant keys (:func:`thaw.text.abjad_key`), and two
keys one letter apart still align (:func:`thaw.match.names.token_similarity`):
a romanisation adds or drops a letter, and the lists' own Arabic has slips of
the pen (مال for جمال). But a consonant in place of another is, as often, the
consonant that makes another name: كمال *Kamal* and جمال *Jamal*, ابوترابی
*Aboutorabi* and *Aboutalebi*, الصباغ *al-Sabbagh* and *al-Sabban*. Each
letter of those scripts has a small set of Latin spellings, and only some
pairs of consonants spell one letter (:data:`SPELT_ALIKE`); any other pair
in place of each other is :func:`other_consonant`, which the ``name_shape``
feature counts against the match.
"""

from __future__ import annotations

import re
from typing import Final

from thaw.text import Token, abjad_key, consonantal

#: Pairs of consonants of the keys (:func:`thaw.text.abjad_key`) that spell one
#: letter of an abjad in some romanisation: ض and ذ as *d* or *z* (*Ramadan*,
#: *Ramazan*), ظ and ث as *z*, *s* or *th* (folded *t*: كاظم *Kazim*,
#: *Kathim*; *Osman*, *Othman*), a Turkish final *t* for *d* (*Ahmet*,
#: *Mehmet*), ب for a foreign *p* (folded *f*: بترايوس *Petraeus*), Hebrew כ
#: and ח as *k* or *ch* (folded *h*: מרדכי *Mordechai*), Hebrew צ read *z*
#: for the Arabic ص *s* (נאצר *Nasser*).
SPELT_ALIKE: Final = frozenset(
    frozenset(pair) for pair in ("dz", "tz", "st", "dt", "bf", "hk", "sz")
)


def _spelt_alike(a: str, b: str, spelt: str) -> bool:
    """Whether the consonant ``a`` of an abjad word's key and ``b`` of the
    other word's (spelt ``spelt``) may write one letter: a pair of
    :data:`SPELT_ALIKE`, an ج the other word writes *g* (Egyptian *Gamal*,
    folded *k*) or *c* (Turkish *Cemal*, folded *s* or *k*), or an ش (ש) it
    writes with the French *ch* (عكاشة *Akkacha*, folded *h*)."""
    if a == "j" and b in ("k", "s"):
        return "c" in spelt or (b == "k" and "g" in spelt)
    if a == "s" and b == "h":
        return "ch" in spelt
    return frozenset((a, b)) in SPELT_ALIKE


def other_consonant(q: Token, r: Token) -> bool:
    """Whether two aligned words, one at least written in an abjad whose
    reading is :func:`consonantal`, have consonant keys of one length that
    differ in one place by consonants that do not spell one letter
    (:func:`_spelt_alike`): كمال and *Djamel* (*k*, *j*), ابوترابی and
    *Aboutalebi* (*r*, *l*); two words both written in an abjad by their
    letters as read (:func:`_other_letter`: عزیزی and عظیمی); an *h* the
    script writes inside the word and the Latin word leaves out
    (:func:`h_unwritten`: سهيل and *Saleh*). Another letter written on one
    side only, or two letters swapped, is no such difference."""
    if q.abjad and not r.abjad:
        a, other = q, r
    elif r.abjad:
        a, other = r, q
    else:
        return False
    if not consonantal(a.raw) or (other.abjad and not consonantal(other.raw)):
        return False
    if other.abjad and _other_letter(a.raw, other.raw):
        return True
    if not other.abjad and h_unwritten(a.raw, other.raw):
        return True
    ka, kb = a.key, other.key
    if len(ka) != len(kb) and not other.abjad:
        # (a consonant written twice about a vowel letter, which the key
        # collapses: عزیزی azyzy, az; against Azimi, azm)
        ka = _key_uncollapsed(a.raw)
    if ka == kb or len(ka) != len(kb) or len(ka) < 2:
        return False
    differ = [(x, y) for x, y in zip(ka, kb, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return not (_spelt_alike(x, y, other.raw) or (other.abjad and _spelt_alike(y, x, a.raw)))


#: Latin spellings of ش (ש) in which an *h* follows an *s* or a *c*: *sh*,
#: the French *ch*, the German *sch*.
_LATIN_SH: Final = ("sh", "ch")

#: Letters before which an *h* of a reading writes one consonant with them:
#: خ *kh*, غ *gh*, ث *th*, ذ *dh*, ژ (or ز and ه) *zh*; an *sh* is ش, or
#: س and ه (:func:`_medial_h`).
_READ_DIGRAPH: Final = frozenset("kgtdz")

#: Letters before which a Latin *h* writes one consonant with them (*kh*,
#: *gh*, *th*, *dh*, *zh*, *ch*, *sh*, *ph*).
_LATIN_DIGRAPH: Final = frozenset("kgtdzcsp")


def _medial_h(word: str, digraphs: frozenset[str], sh_is_h: bool = False) -> int:
    """How many *h* of ``word`` inside it (not its first letter nor its last)
    write a consonant of their own: not one after a letter of ``digraphs``,
    with which it writes one consonant; after an *s*, when ``sh_is_h``, one
    before a vowel letter, which the reading writes for س and ه (سهيل
    *shyl*)."""
    count = 0
    for i in range(1, len(word) - 1):
        if word[i] != "h":
            continue
        before = word[i - 1]
        if before == "s" and sh_is_h:
            count += word[i + 1] in _VOWEL_LETTERS
        elif before not in digraphs and before != "s":
            count += 1
    return count


def h_unwritten(reading: str, latin: str) -> bool:
    """Whether a word read from the Arabic, Persian or Hebrew script writes an
    *h* inside it (ه, ح, ה: a consonant, which every romanisation writes,
    *Suhail*, *Mahdi*, *Fahd*) that the Latin word leaves out, writing none
    but at its end, where the consonant keys read an *h* as a vowel's spelling
    (*Saleh*, *-eh*): سهيل *Suhail* against *Saleh*, whose keys
    (:func:`thaw.text.abjad_key`: ``sl``, the reading's *sh* folded as ش)
    are one. A reading's *sh* before a vowel letter is ش or س and ه: an
    *h* of its own when the Latin word spells no ش (*sh*, *ch*)."""
    if not latin.isalpha() or "h" not in reading:
        return False
    sh_is_h = not any(sh in latin for sh in _LATIN_SH)
    if not _medial_h(reading, _READ_DIGRAPH, sh_is_h):
        return False
    return _medial_h(latin, _LATIN_DIGRAPH) == 0


#: The letter pe, which the Persian, Urdu and Pashto alphabets add to the
#: Arabic one: *p*, in every romanisation (پرویز *Parviz*, پریا *Parya*).
PE: Final = "\u067e"


def pe_unwritten(written: str, reading: str, latin: str) -> bool:
    """Whether a word as written in the Arabic script (``written``, read
    ``reading``) has the letter پ (:data:`PE`), read *p*, that a Latin word
    aligned with it leaves unwritten, writing no *p* (the written word may be
    two the reading splits, ره‌پيک *rh* and *pyk*: the reading's *p* says the
    پ is this word's): پریا *Parya* against *Safar*, whose consonant keys
    (:func:`thaw.text.abjad_key`: ``fr``, ``sfr``), folding *p* into *f* as
    Arabic writes a foreign *p* with ف or ب, are a letter apart. پ is no
    such fold: a Persian or Urdu name writes it for its own *p*. (The Hebrew
    פ, read *p* too, is *p* or *f*: *Yosef*; only the written letter says.)"""
    return PE in written and "p" in reading and latin.isascii() and "p" not in latin


#: The letters the keys' *d* may stand for that romanisations also write *z*
#: (:data:`SPELT_ALIKE`): ض (*Ramazan*), ذ, ظ. Without one of them, a *d* is
#: د, which every romanisation writes *d*.
_D_AS_Z: Final = frozenset("\u0636\u0630\u0638")


def dal_as_z(written: str, reading: str, latin: str) -> bool:
    """Whether a word written in the Arabic script (``written``, read
    ``reading``) and a Latin word have consonant keys
    (:func:`thaw.text.abjad_key`) of one length that differ only by the
    reading's *d* against the Latin *z*, the word writing no letter that a
    romanisation spells either way (:data:`_D_AS_Z`): الحمدي *al-Hamdi*
    against *al-Hamzi*. The keys' *d* and *z* spell one letter for ض and ذ
    (:data:`SPELT_ALIKE`), which the reading, *d* for د too, does not tell
    apart from د."""
    if not _D_AS_Z.isdisjoint(written):
        return False
    ka, kb = abjad_key(reading), abjad_key(latin)
    if len(ka) != len(kb):
        return False
    differ = [(x, y) for x, y in zip(ka, kb, strict=True) if x != y]
    return differ == [("d", "z")]


def _key_uncollapsed(reading: str) -> str:
    """The consonant key of an abjad reading (:func:`thaw.text.abjad_key`)
    with a consonant written twice about a *w* or *y* kept twice (عزیزی
    *azyzy*: ``azz``, not ``az``): the script writes each of them, while the
    key, made to compare with Latin spellings that double a letter
    (*Hassan*), collapses them."""
    parts = [p for p in re.split(r"[wy]", reading) if p]
    if len(parts) < 2:
        return abjad_key(reading)
    keys = [abjad_key(parts[0]) if reading[0] not in "wy" else abjad_key(parts[0]).lstrip("a")]
    keys += [abjad_key(p).lstrip("a") if p[0] in "aeiou" else abjad_key(p) for p in parts[1:]]
    key, collapsed = "".join(keys), abjad_key(reading)
    # (only the doubling differs; cut there, a part's last letter may read
    # otherwise: *abrah* of *abrahym* loses its h)
    return (
        key
        if "".join(c for i, c in enumerate(key) if key[i - 1 : i] != c) == collapsed
        else collapsed
    )


#: The letters of a reading of an abjad that write a vowel (alef, waw, ya).
_VOWEL_LETTERS: Final = frozenset("awy")


def _other_letter(a: str, b: str) -> bool:
    """Whether two readings of words both written in an abjad, of one length,
    differ in one letter, a consonant in place of another that no reading
    spells alike (عزیزی *azyzy* and عظیمی *azymy*: *z*, *m*): the script
    writes each consonant, so the two words are written with other letters,
    which the consonant keys, collapsing a doubled letter and leaving out
    *w* and *y*, may hide (``az``, ``azm``)."""
    if len(a) != len(b) or len(a) < 3:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if x in _VOWEL_LETTERS or y in _VOWEL_LETTERS or not (x.isalpha() and y.isalpha()):
        return False
    return not (_spelt_alike(x, y, b) or _spelt_alike(y, x, a))


#: Latin spellings of the nisba *-awi* (ـاوي: *Hamidawi*, *Hamdaoui*).
_LATIN_AWI: Final = ("awi", "awy", "aoui", "aouy")


def _abjad_nisba(reading: str) -> str | None:
    """``awi`` for a reading that ends in ـاوي (*awy*), ``i`` for one that ends
    in ـي after a consonant but و, ``None`` otherwise (ـوي alone is also
    the Persian *-avi*, *Mousavi*, the Hebrew *Levi*, the Urdu *Lakhvi*)."""
    if len(reading) < 4 or not reading.endswith("y"):
        return None
    if reading.endswith("awy"):
        return "awi"
    return None if reading.endswith("wy") else "i"


def latin_nisba(word: str) -> str | None:
    """``awi`` for a Latin word that ends in a spelling of *-awi*, ``i`` for
    one that ends in *-i* or *-y* after a letter that is no *u*, *v* or *w*,
    ``None`` otherwise."""
    if not word.isascii() or word[-1:] not in ("i", "y") or len(word) < 4:
        return None
    if word.endswith(_LATIN_AWI):
        return "awi"
    return None if word[-2] in "uvw" else "i"


def other_nisba(q: Token, r: Token) -> bool:
    """Whether two aligned words, one written in an abjad and read
    :func:`consonantal`, the other in Latin letters, end in the two nisbas
    *-awi* (ـاوي) and *-i* (ـي), one each: الحمدي *al-Hamdi* and
    *al-Hamidawi*, الحمداوي and *Hamdi*: two family names, which the
    consonant keys, blind to *w* and *y*, take for one. A word in ـوي
    without the alif is neither (:func:`_abjad_nisba`)."""
    if q.abjad == r.abjad:
        return False
    a, other = (q, r) if q.abjad else (r, q)
    if not consonantal(a.raw):
        return False
    written, latin = _abjad_nisba(a.raw), latin_nisba(other.raw)
    return written is not None and latin is not None and written != latin
