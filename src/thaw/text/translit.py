"""Transliteration of one word, written in any script, to lower-case ASCII words.

Each script gets the treatment its writing system needs:

* **Latin, Cyrillic, Greek, Armenian, Georgian**: rigour's transliteration
  (``Шевченко → shevchenko``, BGN-like spellings), diacritics removed.
* **Arabic, Persian, Urdu, Hebrew** (abjads): ICU's transliteration; the result is
  flagged *abjad* because short vowels are not written, so the matcher compares
  such words on their consonants. The Arabic article ``ال`` is split off and
  dropped, ``الله`` is *allah*, and ``عبد`` compounds (``عبدالرحمن``) are
  split. A word written with a letter only Persian has (``پ چ ژ گ ک ی``) reads
  ``ض ظ ذ`` as *z*, as Persian does (``رضا`` is *Reza*; name analysis applies
  this to every word of a name written in Persian); a final ``ة`` is the
  vowel it ends on (``سلامة`` *Salama*, *Salameh*), and an ayin or alef that
  begins a word its first vowel. A Hebrew letter with a
  geresh is the sound the geresh marks (``ג׳`` *j*, ``צ׳`` *ch*, ``ז׳`` *zh*);
  ``ח`` and a soft kaf are *kh* (``ברוך`` *Baruch*, ``מיכאל`` *Michael*), a
  soft bet *v* (``טרטקובר`` *Tartakover*), and
  a final ``ה`` after a consonant is dropped (``שרה`` *Sara*).
* **Chinese** (Han): one pinyin syllable per character (:mod:`thaw.text.chinese`,
  which also reads Korean names in hanja and transcribed foreign names as
  variants); organisation vocabulary
  (``有限公司``, ``技术``, ``银行`` …) is recognised first and translated, see
  :data:`thaw.text.vocab.CJK_ORG_WORDS`.
* **Japanese** kana: romaji (ICU); kanji as Han.
* **Korean** (Hangul, :mod:`thaw.text.korean`): one romanised syllable per
  character, then folded towards
  the McCune-Reischauer-like spellings used on the lists (``eo→o``, ``eu→u``,
  initial ``g/d/b→k/t/p``, final ``g/b/d→k/p/t`` as the Revised Romanization
  reads them), so ``김정은`` gives ``kim jong un`` and ``박`` ``pak``.
* **Devanagari, Bengali** and other Indic scripts: ICU, with the inherent final
  vowel dropped (``मोहम्मद → mohammad``, not ``mohammada``) and the sibilants
  श and ष written *sh* (``शकील → shakil``, not ``sakil``).
* **Thai**: read by syllable as Thai personal names are spelt, following the
  letters (:mod:`thaw.text.thai`: ``ทักษิณ → thaksin``, ``สมพล → somphol``),
  flagged like an abjad (Thai leaves vowels unwritten, and its romanisations
  differ mostly in vowels: *Somphon*, *Sompol*); name analysis offers the Royal
  Thai General System reading as a variant.
* **Khmer**: read by syllable, each vowel sign by the series of the consonant
  before it, as the UNGEGN romanisation does (:mod:`thaw.text.khmer`:
  ``ហ៊ុន សែន`` → *hun sen*, ``ជា`` → *chea*), flagged like an abjad (its
  romanisations differ mostly in vowels: *Hun*, *Hon*).
* **Ethiopic**: ICU, the letters English has no letter for spelt as names
  spell them (``ጃ`` *j*, ``ሸ`` *sh*, ``ኝ`` *gn*, ``ጸ`` *ts*), its
  sixth-order vowel ``ǝ`` dropped at the end of a word and where its letter
  closes a syllable (``ግርማይ`` → *girmay*), read *i* elsewhere (``ፍትዊ`` →
  *fitwi*); the first-order vowel is *e* (``መለስ`` *Meles*).
* Anything else: ICU's ``Any-Latin``; what still is not ASCII is dropped.

Readings of a whole name that name analysis offers beside these as variants:
a Belarusian name's Russian form (:func:`belarusian_variant`), a French
name's silent final *r* and an Ossetian ``дз`` in Cyrillic
(:func:`cyrillic_variant`), a Greek name's classical transcription
(:func:`greek_variant`), a Hebrew surname's Slavic *-ich*
(:func:`hebrew_variant`), an Armenian name's Western reading
(:func:`armenian_variant`), and a Khmer name's syllables apart
(:func:`thaw.text.khmer.khmer_variant`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from anyascii import anyascii
from rigour._core import codepoint_script, maybe_ascii

from thaw.text.chinese import han_words
from thaw.text.fold import fold_token
from thaw.text.khmer import khmer_reading
from thaw.text.korean import korean_words
from thaw.text.rules import rules as _rules
from thaw.text.rules import transliterator as _icu
from thaw.text.symbols import script_symbols
from thaw.text.thai import thai_readings
from thaw.text.vocab import HONORIFICS

ABJAD_SCRIPTS: Final = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
INDIC_SCRIPTS: Final = frozenset(
    {
        "Devanagari",
        "Bengali",
        "Gurmukhi",
        "Gujarati",
        "Oriya",
        "Tamil",
        "Telugu",
        "Kannada",
        "Malayalam",
        "Sinhala",
    }
)
RIGOUR_SCRIPTS: Final = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian"})
CJK_SCRIPTS: Final = frozenset({"Han", "Hiragana", "Katakana"})
#: Scripts that leave a syllable's vowel unwritten, as Thai does, and whose
#: romanisations differ mostly in vowels (ហ៊ុន *Hun*, *Hon*; Lao is read with
#: ``anyascii``, Khmer by :mod:`thaw.text.khmer`): flagged like an abjad, so
#: that the matcher compares their words on consonants.
VOWELLESS_SCRIPTS: Final = frozenset({"Khmer", "Lao"})

_NON_ALNUM: Final = re.compile(r"[^a-z0-9]+")
#: The marks ICU writes for an ayin or an alef.
_ONSETS: Final = frozenset("'ʿʾʼʻ")


def word_script(word: str) -> str:
    """The script of the first letter of ``word`` that is not Latin (else Latin)."""
    if word.isascii():
        return "Latin"
    for ch in word:
        if ch.isalpha() and ord(ch) > 0x24F:
            script = codepoint_script(ord(ch))
            if script and script not in ("Common", "Inherited", "Latin"):
                return script
    return "Latin"


def _ascii_words(text: str, abjad: bool = False) -> list[str]:
    if abjad and text[:1] in _ONSETS:
        # an ayin or alef that begins an abjad word is its vowel (عمر *Omar*,
        # עמוס *Amos*; ICU writes them as marks)
        text = "a" + text[1:]
    text = text.lower().replace("'", "").replace("ʿ", "").replace("ʾ", "")
    return [w for w in _NON_ALNUM.split(text) if w]


#: Letters only Persian (and Urdu) write: a word with one is read the Persian way.
PERSIAN_LETTERS: Final = frozenset("پچژگکی")
#: Letters that Persian (and Urdu) read as another letter of the same sound:
#: ض ظ ذ, which Arabic reads d, dh, z, are z (ضیایی is Ziaei, رضا Reza), and ث,
#: which Arabic reads th, is s (ثناء اللہ *Sanaullah*, کوثری *Kowsari*).
PERSIAN_Z: Final = str.maketrans({"ض": "ز", "ظ": "ز", "ذ": "ز", "ث": "س"})
#: The letters Arabic reads d, dh, z that Persian, Urdu and the names of
#: South Asia read z (ضياء الرحمن *Ziaur Rahman*, فضل *Fazl*, ذو الفقار
#: *Zulfikar*), when a name is written with Arabic letters only.
_ARABIC_Z: Final = frozenset("ضظذ")
_TO_Z: Final = str.maketrans({"ض": "ز", "ظ": "ز", "ذ": "ز"})


#: The second words of the Arabic compound names of South Asia (*Ziaur
#: Rahman*, *Shamsul Haq*, *Nurul Islam*, *Akhtaruz Zaman*, *Ghulam Nabi*),
#: whose article the Latin spelling joins to the first word; and the sun
#: letters, to which the article's l assimilates (*ur-Rahman*, *ul-Haq*).
_JOINED_ARTICLE_NOUNS: Final = frozenset(
    {"رحمن", "رحمان", "حق", "اسلام", "إسلام", "زمان", "نبي", "نبی"}
)
_SUN_LETTERS: Final = frozenset("تثدذرزسشصضطظلن")


def _article_joined(name: str) -> str | None:
    """``name`` with the article of a compound's second word written on the
    first word as the Latin spellings of South Asia write it: ``X الرحمن`` →
    ``Xور رحمن`` (read *Xur Rahman*), ``X الحق`` → ``Xول حق`` (*Xul Haq*);
    ``None`` when the name has no such compound (:data:`_JOINED_ARTICLE_NOUNS`)."""
    words = name.split()
    changed = False
    for i in range(1, len(words)):
        word = words[i]
        noun = word[2:]
        if word.startswith("ال") and noun in _JOINED_ARTICLE_NOUNS:
            letter = noun[0] if noun[0] in _SUN_LETTERS else "ل"
            words[i - 1] += "و" + letter
            words[i] = noun
            changed = True
    return " ".join(words) if changed else None


#: Letters whose Latin reading makes a digraph with the *h* of a ``ه`` after
#: them (ز ه *zh*, س ه *sh*, ك ه *kh*, ت ه *th*, د ه *dh* …), which the
#: consonant keys read as the one letter it spells elsewhere (ژ, ش, خ, ث, ذ).
_BEFORE_H: Final = re.compile("(?<=[زسصكکتطدضظگ])(?=[هھہ])")
_FATHA: Final = "\u064e"


def vowel_before_h(name: str) -> str | None:
    """``name`` with the short vowel that Arabic leaves unwritten between a
    letter and a ``ه`` that follows it (الزهراني *al-Zahrani*, زهير *Zuhair*,
    سهيل *Suhail*), which keeps the two apart in Latin letters: read letter by
    letter they make a digraph (*zhrany*, whose ``zh`` the consonant keys read
    as ``ژ``). ``None`` for a name with no such pair. Offered as a variant
    (:func:`arabic_script_variants`), because where no vowel comes between
    them (ادهم *Adham*) the letters read as written are right."""
    marked = _BEFORE_H.sub(_FATHA, name)
    return marked if marked != name else None


#: The zero-width non-joiner, with which Persian writes the parts of a
#: compound as one word without joining their letters. Name analysis reads
#: such a word as one (احمدی‌نژاد *Ahmadinejad*); the lists also write the
#: parts apart (احمدی‌مقدم *Ahmadi-Moghadam*, سید‌صادق *Seyed Sadegh*), which
#: :func:`arabic_script_variants` offers as a variant.
ZWNJ: Final = "\u200c"


def arabic_script_variants(name: str) -> tuple[str, ...]:
    """Readings of a name in Arabic script as the names of Iran, Afghanistan
    and South Asia are spelt: with Arabic letters only, the Persian way
    (:func:`persian_z_variant`: ضياء *Zia*, فضل *Fazl*); and with the article
    of a compound written on its first word (:func:`_article_joined`: ضياء
    الرحمن *Ziaur Rahman*, شمس الحق *Shamsul Haq*), in either reading; and
    the name with a vowel between a letter and a ``ه`` after it
    (:func:`vowel_before_h`: الزهراني *al-Zahrani*); with its compounds in
    *al-Din* joined (:func:`_din_joined`: صلاح الدين *Salahaldin*); with a
    ``بن`` written joined to the name after it apart (:func:`_bin_apart`:
    بنحسين *Ben Hassine*); the parts of a word
    joined by a zero-width non-joiner apart (:data:`ZWNJ`); and a first word
    that begins with the letters of the article read whole
    (:func:`_alif_lam_name`: الهام *Elham*); a family name in *Pour-*
    written apart, joined (:func:`_pour_prefix`: پور محمدی *Pourmohammadi*);
    a word of the pattern *fāʿil* ending in an ayin with the *i* before
    it written (:func:`_kasra_before_ayin`: نافع *Nafi*); and a final ``ي``
    written for an alif maqṣūra, with it (:func:`_final_ya_as_maqsura`:
    موسي *Musa*).
    Empty for most names."""
    found = list(persian_z_variant(name))
    for text in (name, *found):
        joined = _article_joined(text)
        if joined is not None:
            found.append(joined)
    found.extend(_din_joined(name))
    apart = _bin_apart(name)
    if apart is not None:
        found.append(apart)
    voweled = vowel_before_h(name)
    if voweled is not None:
        found.append(voweled)
    if ZWNJ in name:
        apart = _zwnj_apart(name)
        if apart != name:
            found.append(apart)
    voiced = _alif_lam_name(name)
    if voiced is not None:
        found.append(voiced)
    if _POUR in name:
        found.extend(_pour_prefix(name))
    for reader in (_kasra_before_ayin, _final_ya_as_maqsura):
        reading = reader(name)
        if reading is not None:
            found.append(reading)
    return tuple(found)


def _final_ya_as_maqsura(name: str) -> str | None:
    """``name`` with each word that ends in a ``ي`` written where the name
    ends in an alif maqṣūra ``ى`` (موسي *Musa*, عيسي *Isa*, بشري *Bushra*),
    or that leaves out the ``ى`` after it (يحي *Yahya*, يحيى), written with
    it; ``None`` for a name with no such word. Many write the two final
    letters alike (Egyptian typesetting writes ى for ي, which
    :func:`_arabic` reads as both, and the reverse is as common), and read
    with a ``ي`` the word is another: it ends in the *i* of a nisba, and
    rigour's name data, which writes the name with ``ى``, does not know it
    (موسي ~ *Musa* scored 0.31). rigour decides: a word is written so only
    when it has no symbols of its own (:func:`~thaw.text.symbols.script_symbols`:
    علي *Ali* and the nisba محمدي *Mohammadi* do) and the form with ``ى``
    has."""
    words = name.split()
    changed = False
    for i, word in enumerate(words):
        if len(word) < 3 or word[-1] != "ي" or script_symbols(word):
            continue
        for form in (word[:-1] + "ى", word + "ى"):
            if script_symbols(form):
                words[i] = form
                changed = True
                break
    return " ".join(words) if changed else None


def _kasra_before_ayin(name: str) -> str | None:
    """``name`` with the short *i* of the pattern *fāʿil* written, as a
    final ``ي``, in each word of that pattern ending in an ayin (a
    consonant, an alef, a consonant and ``ع``, with or without the article:
    نافع *Nafi*, طالع *Tali*, رافع *Rafi*, جامع *Jami*); ``None`` for a name
    with none. ICU writes the ayin as a mark, which is dropped, and every Latin
    spelling writes the *i* before it (*Nafi*, *Nafie*, *Nafea*): read
    without it, the word meets *Nafi* as a name meets its nisba (``naf``
    and *Nafi*), another name, which the matcher holds against the pair.
    Offered as a variant (:func:`arabic_script_variants`), beside the word
    as written, which *Nafea* and *Nafa* meet as they did; the variant
    reads as the nisba نافعي *al-Nafi'i* does."""
    words = name.split()
    changed = False
    for i, word in enumerate(words):
        stem = word[2:] if word.startswith("ال") else word
        if (
            len(stem) == 4
            and stem[1] == "ا"
            and stem[3] == "ع"
            and stem[0] not in "اأإآعءئؤ"
            and stem[2] not in "اأإآويىءئؤة"
        ):
            words[i] = word + "ي"
            changed = True
    return " ".join(words) if changed else None


#: *Pour* (پور, "son"), which Persian family names put after a name (رحیم‌پور
#: *Rahimpour*) and before one (پورمحمدی *Pourmohammadi*).
_POUR: Final = "پور"


def _pour_prefix(name: str) -> tuple[str, ...]:
    """``name`` with a :data:`_POUR` written apart joined to the word after
    it (پور محمدی as پورمحمدی, *Pourmohammadi*), as the lists write such
    family names joined; empty when there is none. (Joined to the word
    before it, the suffix, is name analysis's variant. The other way, a
    joined پورمحمدی apart, is left out: its *Pour* alone would be a word that
    *Mostafa Mohammadi* lacks, and another family name.)"""
    words = name.split()
    joined: list[str] = []
    for i, word in enumerate(words):
        if joined and joined[-1] == _POUR and i > 0 and word != _POUR:
            joined[-1] += word
        else:
            joined.append(word)
    return (" ".join(joined),) if len(joined) < len(words) else ()


#: The letters before which the Arabic article keeps its *l* (the "moon
#: letters", in their Arabic and Persian forms).
_MOON_LETTERS: Final = frozenset("اأإآبجحخعغفقكمهويیکگپچ")
#: The alif of a word that begins with the letters of the article, written
#: with its hamza so that it is read as a vowel of the word (إلياس *Ilyas*).
_ALIF_VOWEL: Final = "إ"


def _alif_lam_name(name: str) -> str | None:
    """``name`` with its first word, when that begins with the letters of the
    article ``ال``, read whole, its alif a vowel (written ``إ``): given names
    of their own begin with those letters, Persian and Turkic ones above all
    (الهام *Elham*, *Ilham*; الیاس *Elyas*; الناز *Elnaz*; المیرا *Elmira*;
    الماس *Almas*), and Arabic الياس *Ilyas*, *Elyes*, which reading ``ال``
    as the article would make *Yas*. Only the first word (the given name, as
    names are usually written; a family name with the article is
    the article's), and in a name in Arabic letters only before a moon
    letter; ``None`` when it does not so begin."""
    first, sep, rest = name.partition(" ")
    if not first.startswith("ال") or len(first) < 4 or first.startswith("الله") or first == _DIN:
        # (الدين is the second half of a compound, صلاح الدين, not a name)
        return None
    if first[2] not in _MOON_LETTERS and PERSIAN_LETTERS.isdisjoint(name):
        # (before a sun letter an Arabic article is assimilated, السبسي
        # *Essebsi*; a name in Persian letters keeps its l: الناز *Elnaz*)
        return None
    return _ALIF_VOWEL + first[1:] + sep + rest


def _zwnj_apart(name: str) -> str:
    """``name`` with each word joined by a :data:`ZWNJ` written as two, where
    the first part has two letters or more and the second three or more: a
    shorter second part is a suffix (خامنه‌ای *Khamenei*, ‌ها, ‌ی), not a word
    (ره‌پيک *Rah-Peyk*)."""
    words: list[str] = []
    for word in name.split():
        parts = word.split(ZWNJ)
        out = [parts[0]]
        for part in parts[1:]:
            if len(out[-1]) >= 2 and len(part) >= 3:
                out.append(part)
            else:
                out[-1] += ZWNJ + part
        words.extend(out)
    return " ".join(words)


#: The filiation particle *bin*, which Maghrebi names write joined to the
#: father's name (بنحسين *Ben Hassine*, بنعلي *Benali*).
_BIN: Final = "بن"


def _bin_apart(name: str) -> str | None:
    """``name`` with each word that begins with ``بن`` and is no name of its
    own (rigour's corpus knows بندر *Bandar*, not بنحسين) written as the
    particle and the name after it, of three letters or more; ``None`` when
    no word is so written. A variant: the lists spell such names apart (*BEN
    HASSINE*) as well as joined (*Benali*)."""
    words = name.split()
    changed = False
    for i, word in enumerate(words):
        if word.startswith(_BIN) and len(word) >= 5 and not script_symbols(word):
            words[i] = _BIN + " " + word[2:]
            changed = True
    return " ".join(words) if changed else None


_DIN: Final = "الدين"


def _din_joined(name: str) -> tuple[str, ...]:
    """A name with compounds in *al-Din* (صلاح الدين, عز الدين, نور الدين) as
    Latin spellings join them into one word: with the article
    (*Salahaldin*, *Nooraldin*) and without it (*Ezzedine*, *Nureddin*, *Saifdin*;
    name analysis splits the spellings it recognises, *Salahuddin*, but not
    these). Empty for a name without such a compound."""
    words = name.split()
    if _DIN not in words[1:]:
        return ()
    out: list[str] = []
    for joiner in (_DIN, _DIN[2:]):
        joined: list[str] = []
        for word in words:
            if word == _DIN and joined:
                joined[-1] += joiner
            else:
                joined.append(word)
        out.append(" ".join(joined))
    return tuple(out)


def persian_z_variant(name: str) -> tuple[str, ...]:
    """A name in Arabic script, written with no letter only Persian has, read
    the Persian way as well (ض ظ ذ as *z*, :data:`_ARABIC_Z`): the same letters
    name a Pakistani or Afghan as *Zia*, *Fazl*, where Arabic reads *Diya*,
    *Fadl*. (ث stays *th*: as *s* it would make Thamer a Samer.) Empty for
    other names."""
    if _ARABIC_Z.isdisjoint(name) or not PERSIAN_LETTERS.isdisjoint(name):
        return ()
    return (name.translate(_TO_Z),)


#: Letters of Urdu, Kurdish and Uyghur (written in Arabic script) that ICU
#: leaves as they are, as the Arabic or Persian letter of their sound: Urdu
#: ہ ھ (h), ٹ ڈ ڑ (retroflex t d r), ں (n), ے (e); Kurdish ە (e), ڵ (l), ڕ (r),
#: ۆ (o), ێ (e); Uyghur ۇ ۈ ۋ, ې (تەلبانی *Talabani*, بھٹو *Bhutto*);
#: Pashto ښ (*sh*, *x*: پښتون *Pashtun*, which ICU splits into two words);
#: Maghrebi ڨ (*g*: بلڨاسم *Belgacem*) and ڤ (*v*).
_ARABIC_SCRIPT_LETTERS: Final = str.maketrans(
    {
        "ہ": "ه",
        "ھ": "ه",
        "ۀ": "ه",
        "ٹ": "ت",
        "ڈ": "د",
        "ڑ": "ر",
        "ں": "ن",
        "ے": "ی",
        "ە": "ا",
        "ڵ": "ل",
        "ڕ": "ر",
        "ۆ": "و",
        "ێ": "ی",
        "ۇ": "و",
        "ۈ": "و",
        "ۋ": "و",
        "ې": "ی",
        "ښ": "ش",
        "ڨ": "گ",
        "ڤ": "ف",
    }
)
_ARABIC_SCRIPT_OTHERS: Final = frozenset("ہھۀٹڈڑںےەڵڕۆێۇۈۋېښڨڤ")


#: The particles of Arabic names, whose vowels are known although unwritten:
#: filiation (بن *bin*, ابن *ibn*, بنت *bint*, ولد *walad*), kunya (أبو *Abu*,
#: أم *Umm*).
#: Read so, name analysis knows them as it knows *bin* and *Abu* in Latin
#: letters (a particle, not a name word ``bn`` that must be matched).
_ARABIC_PARTICLES: Final = {
    "بن": "bin",
    "ابن": "ibn",
    "إبن": "ibn",
    "بنت": "bint",
    "ولد": "walad",
    "أبو": "abu",
    "ابو": "abu",
    "أم": "umm",
}
#: The title *Sayyid* (سيد, Persian سید; *Seyed*, *Sayed*, *Syed*), read with
#: its vowels: without them it reads as سعيد *Said* does (``syd``), a given
#: name, so that a title the Latin spellings drop at the start of a name
#: (:data:`thaw.text.vocab.LEADING_ONLY_HONORIFICS`) stayed a name word in
#: Arabic script (سید محمد خاتمی against *Mohammad Khatami*). With the article
#: (السيد *El-Sayed*, an Egyptian given name) it is left as it is.
_SAYYID: Final = {"سيد": "sayyid", "سید": "sayyid"}
#: The same in Hebrew (בן *ben*, בת *bat*).
_HEBREW_PARTICLES: Final = {"בן": "ben", "בת": "bat"}


#: What follows ``عبد`` (and its article) in *Abdallah* and in its nisba
#: *Abdallahi* (عبداللهی, read *Abdollahi*).
_ALLAH_ENDINGS: Final = frozenset({"له", "لله", "لهی", "لهي", "للهی", "للهي"})
_ALLAH_ONE_LAM: Final = frozenset({"اله", "الهی", "الهي"})


def _maqsura_title(word: str) -> bool:
    """Whether ``word``, ending in alif maqṣūra, is a title read with it as
    *i* (حاجى *Haji*, قارى *Qari*), which name analysis drops as such."""
    latin = _ascii_words(_icu("Any-Latin; Latin-ASCII").transliterate(word), abjad=True)
    return len(latin) == 1 and fold_token(latin[0]) in HONORIFICS


def _arabic(word: str) -> list[str]:
    parts: list[str] = []
    if not _ARABIC_SCRIPT_OTHERS.isdisjoint(word):
        word = word.translate(_ARABIC_SCRIPT_LETTERS)
    if word == "عبد":
        return ["abd"]
    if word in ("الله", "لله"):
        return ["allah"]
    particle = _ARABIC_PARTICLES.get(word) or _SAYYID.get(word)
    if particle is not None:
        return [particle]
    if not PERSIAN_LETTERS.isdisjoint(word):
        word = word.translate(PERSIAN_Z)
    if word.endswith("ى") and len(word) > 2 and not _maqsura_title(word):
        # alif maqṣūra: the long a it is at the end of Arabic names (موسى
        # *Musa*, مصطفى *Mustafa*), or the i that Persian and Urdu (and
        # Egypt: على *Ali*) write with it (نورزى *Noorzai*): read as both
        word = word[:-1] + "يا"
    if word.endswith("ة") and len(word) > 2:
        # the final tāʾ marbūṭa of a name is read as the vowel before it
        # (سلامة *Salama*, *Salameh*, *Salame*; فاطمة *Fatima*), not as *t*
        word = word[:-1] + "ه"
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if word.endswith("الله") and len(word) > 5 and not word.startswith("عبد"):
        # X-ullah written as one word, as Persian and Urdu write it (اسدالله
        # *Asadullah*, یدالله *Yadollah*): two words, as Latin letters are read
        return [*_arabic(word[:-4]), "allah"]
    if word.startswith("عبد") and len(word) > 5:
        # (عبدون *Abdoun* is a name of its own: the rest must be one, of
        # three letters or more)
        rest = word[3:]
        if rest in _ALLAH_ONE_LAM:
            # (عبداله *Abdollah*, عبدالهی *Abdollahi*: Allah with one lam, as
            # Persian and Urdu often write it)
            return ["abdallah"]
        if rest.startswith("ال"):
            rest = rest[2:]
        if rest in _ALLAH_ENDINGS:
            # (عبداللهی *Abdollahi*, عبداللهي *Abdullahi*: as name analysis
            # reads those in Latin letters)
            return ["abdallah"]
        return ["abd", *_arabic(rest)]
    out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
    parts.extend(_ascii_words(out, abjad=True))
    return parts


#: The Hebrew geresh (׳, also typed as an apostrophe), which name analysis keeps
#: inside a Hebrew word: after ג ז צ ת it writes the sounds Hebrew lacks, as
#: in foreign and Arabic names (ג׳ורג׳ *George*, טנג׳יל *Tanjil*).
GERESH: Final = "\u05f3"
#: The geresh, and the apostrophes typed for it.
_GERESH_MARKS: Final = frozenset((GERESH, "'", "\u2019", "\u02bc"))
_GERESH_SOUNDS: Final = {
    "ג": "j",
    "ז": "zh",
    "צ": "ch",
    "ץ": "ch",
    "ת": "th",
    "ד": "dh",
    "ח": "kh",
}


_HEBREW_POINTS: Final = re.compile("[\u0591-\u05c7]")
_DAGESH: Final = "\u05bc"


#: The letters Hebrew reads soft after a vowel (begadkefat), and what to read
#: them as: a soft kaf as ``ח`` (which ICU writes *h*, read *kh*), a soft bet
#: as *v* (a Latin letter, which ICU leaves as it is).
_HEBREW_SOFT: Final = {"כ": "ח", "ב": "v"}


def _hebrew_soft_letters(text: str) -> str:
    """``text`` with each kaf and bet read as Hebrew reads them after a vowel:
    kaf *kh*, bet *v* (:data:`_HEBREW_SOFT`). A final ``ך`` always; inside a
    word when pointed without a dagesh (בֶּכֶר *Bechar*), or, unpointed, after
    a vowel letter (מיכאל *Michael*, דיכטר *Dichter*, טרטקובר *Tartakover*).
    A first letter, and an unpointed one after a consonant, stay hard (כהן
    *Cohen*, מלכה *Malka*, באמבר *Bamber*)."""
    pointed = _HEBREW_POINTS.search(text) is not None
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        soft_form = _HEBREW_SOFT.get(ch)
        if ch == "ך":
            ch = "ח"
        elif soft_form is not None and (
            i > 0
            and "\u05d0" <= text[i - 1] <= "\u05ea"
            or (i > 0 and pointed and _HEBREW_POINTS.match(text[i - 1]))
        ):
            if pointed:
                j = i + 1
                marks = ""
                while j < n and _HEBREW_POINTS.match(text[j]):
                    marks += text[j]
                    j += 1
                soft = _DAGESH not in marks
            else:
                soft = text[i - 1] in "יוא"
            if soft:
                ch = soft_form
        out.append(ch)
    return "".join(out)


def _hebrew_latin(text: str) -> str:
    """Hebrew letters in Latin ASCII (ICU), with ``ש`` read *sh* unless pointed
    as sin (שׂ *s*; ICU writes ``ş``, which Latin-ASCII makes *s*), and ``ח``
    and the soft kaf read *kh*, not *h*, the soft bet *v*
    (:func:`_hebrew_soft_letters`): the consonant
    keys drop a final *h*, which only writes a vowel (לאה *Leah*), but not the
    *ch* of ברוך *Baruch*."""
    if "כ" in text or "ך" in text or "ב" in text:
        text = _hebrew_soft_letters(text)
    latin = _icu("Any-Latin").transliterate(text)
    if "ş" in latin:
        latin = latin.replace("ş\u0302", "s").replace("ş", "sh")
    if "ẖ" in latin:
        latin = latin.replace("ẖ", "kh")
    return str(_icu("Latin-ASCII").transliterate(latin))


#: A final tsadi after a yod with no geresh: ``-יץ`` writes the *-ich* of
#: Slavic surnames as often as the *-itz* of Yiddish ones (אברמוביץ *Abramovich*,
#: רבינוביץ *Rabinovich*; הורוביץ *Horowitz*).
_HEBREW_ICH: Final = re.compile("(?<=\u05d9)[\u05e5\u05e6](?![\u05f3'\u2019\u02bc\u05d0-\u05ea])")


#: A maqaf (or a hyphen) between Hebrew letters: the parts of a compound
#: name, which Latin spellings write as one word (שם-טוב *Shemtob*, הר-נוי
#: *Harnoy*, בן־יעקב *Benjacob*).
_HEBREW_MAQAF: Final = re.compile(r"(?<=[\u05d0-\u05ea])[\u05be-](?=[\u05d0-\u05ea])")


#: A gimel with a geresh (``ג׳``, or an apostrophe typed for it): the *j* of
#: foreign names, which Egyptian Arabic and Hungarian names say, and their
#: Latin spellings write, as a hard *g* (ג'מאל *Gamal*, חיג'אזי *Hegazy*,
#: הג'דוס *Hegedus*): the variant reads it as a plain gimel.
_HEBREW_GIMEL_GERESH: Final = re.compile("\u05d2[\u05f3'\u2019\u02bc]")


@lru_cache(maxsize=4096)
def hebrew_variant(name: str) -> tuple[str, ...]:
    """Other readings of a name in Hebrew letters: each final ``-יץ`` read
    *-ich*, as a Slavic surname (:data:`_HEBREW_ICH`: רומן אברמוביץ *Roman
    Abramovich*), beside the *-itz* that analysis reads; and the parts of a
    compound joined by a maqaf written as one word (:data:`_HEBREW_MAQAF`:
    שם-טוב *Shemtob*), beside the parts apart that analysis reads; and a
    ``ג׳`` read as a hard *g* (:data:`_HEBREW_GIMEL_GERESH`: ג'מאל *Gamal*),
    beside the *j* that analysis reads. Empty for other names."""
    found: list[str] = []
    marked = _HEBREW_ICH.sub(lambda m: m.group(0) + GERESH, name)
    if marked != name:
        found.append(marked)
    joined = _HEBREW_MAQAF.sub("", name)
    if joined != name:
        found.append(joined)
    hard = _HEBREW_GIMEL_GERESH.sub("\u05d2", name)
    if hard != name:
        found.append(hard)
    return tuple(found)


def _hebrew_geresh(word: str) -> list[str]:
    """A Hebrew word with a geresh: each letter carrying one read as the sound it
    marks, the rest by ICU, as one word."""
    out: list[str] = []
    pending: list[str] = []
    for ch in word:
        if ch in _GERESH_MARKS:
            if pending:
                sound = _GERESH_SOUNDS.get(pending[-1])
                if sound is not None:
                    pending.pop()
                    if pending:
                        out.append(_hebrew_latin("".join(pending)))
                    out.append(sound)
                    pending = []
            continue
        pending.append(ch)
    if pending:
        out.append(_hebrew_latin("".join(pending)))
    return _ascii_words("".join(out), abjad=True)


_INDIC_SIBILANTS: Final = str.maketrans({"ś": "sh", "ṣ": "sh", "Ś": "Sh", "Ṣ": "Sh"})
"""ISO 15919's letters for the palatal and retroflex sibilants (श, ष), which
English spellings of Indian names write *sh* (शकील *Shakeel*, लश्कर *Lashkar*)
and Latin-ASCII would write *s*."""


def _indic(word: str) -> list[str]:
    latin = _icu("Any-Latin").transliterate(word).translate(_INDIC_SIBILANTS)
    out = _icu("Latin-ASCII").transliterate(latin)
    words = _ascii_words(out)
    last = word[-1] if word else ""
    # schwa deletion: a word ending in a bare consonant letter loses its final 'a'
    if words and unicodedata.category(last) == "Lo" and words[-1].endswith("a"):
        words[-1] = words[-1][:-1] or words[-1]
    return words


#: The vowels of an Ethiopic word's plain Latin reading (marks removed).
_ETHIOPIC_VOWELS: Final = frozenset("aeiou")
#: ICU's first-order vowel: an *a* without the macron of the fourth order.
_ETHIOPIC_FIRST_ORDER: Final = re.compile("a(?!\u0304)")


#: ICU's letters (decomposed) for the Ethiopic consonants that English has no
#: letter for, as Ethiopian and Eritrean names spell them, where Latin-ASCII
#: would drop the mark and write another sound: ጀ *j* (ጃዋር *Jawar*, not
#: *Gawar*), ሸ *sh*, ቸ and ጨ *ch*, ዠ *zh*, ኘ *gn* (ደሳለኝ *Desalegn*), ጸ and
#: ፀ *ts* (ደብረጽዮን *Debretsion*, ፀጋዬ *Tsegaye*). The ejective ch first,
#: whose two marks would otherwise leave a dotted c.
_ETHIOPIC_LETTERS: Final = (
    ("c\u0323\u030c", "ch"),
    ("c\u030c", "ch"),
    ("s\u030c", "sh"),
    ("z\u030c", "zh"),
    ("g\u030c", "j"),
    ("n\u0303", "gn"),
    ("s\u0323", "ts"),
    ("d\u0323", "ts"),
)


def _ethiopic(word: str) -> list[str]:
    """An Ethiopic word (Amharic, Tigrinya) by ICU, its sixth-order vowel ``ǝ``
    read as names spell it, by the syllables of the word (and its first-order
    vowel *e*, as names write it, where ICU writes *a*): silent at the end of
    the word, and after a vowel where the next consonant carries a vowel (the
    letter closes the syllable before it: ኤርሚኣስ *Ermias*, not *Erimias*;
    ግርማይ *Girmay*, ተስፋዬ *Tesfaye*, ገብረመስቀል *Gebremeskel*); otherwise
    *i* (the first letter of ግርማይ, the ን of ዮሐንስ *Yohannis*), instead of
    splitting the word at a letter that Latin-ASCII cannot write."""
    latin = unicodedata.normalize("NFD", _icu("Any-Latin").transliterate(word))
    for letter, spelling in _ETHIOPIC_LETTERS:
        if letter in latin:
            latin = latin.replace(letter, spelling)
    # the first order (ä, which ICU writes a) is e in names, the fourth (ā) a:
    # ተስፋዬ *Tesfaye*, መለስ *Meles*, ሃይለ *Haile*
    latin = _without_marks(_ETHIOPIC_FIRST_ORDER.sub("e", latin))
    out: list[str] = []
    n = len(latin)
    for i, ch in enumerate(latin):
        if ch != "ǝ":
            out.append(ch)
            continue
        if i == n - 1:
            continue
        closes = (
            len(out) >= 2
            and out[-2] in _ETHIOPIC_VOWELS
            and out[-1] not in _ETHIOPIC_VOWELS
            and i + 2 < n
            and latin[i + 1] not in _ETHIOPIC_VOWELS
            and latin[i + 2] in _ETHIOPIC_VOWELS
        )
        if not closes:
            out.append("i")
    return _ascii_words(str(_icu("Latin-ASCII").transliterate("".join(out))))


def _without_marks(word: str) -> str:
    """``word`` decomposed (NFKD) without its combining marks (``é`` → ``e``)."""
    return "".join([c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)])


@lru_cache(maxsize=100_000)
def transliterate_word(word: str) -> tuple[tuple[str, ...], bool]:
    """Transliterate one word to lower-case ASCII words.

    Returns the words and whether the source was written in an abjad (vowels
    missing). A word may give several (a Chinese word one per syllable), and gives
    none only when it holds no letters: a word in a script that neither rigour
    nor ICU romanises (Lao, Tibetan, Sinhala, Cherokee, Yi, …) is read
    with ``anyascii``'s per-character tables, so that it is compared by how it
    sounds rather than silently dropped from the name; Lao so read is
    flagged like an abjad, as Khmer is (:data:`VOWELLESS_SCRIPTS`). (Latin, Cyrillic, Greek,
    Armenian and Georgian stay exactly as rigour reads them.)
    """
    words, abjad = _script_words(word)
    if not words and any(c.isalpha() for c in word):
        script = word_script(word)
        if script not in RIGOUR_SCRIPTS:
            return tuple(_ascii_words(anyascii(word))), abjad or script in VOWELLESS_SCRIPTS
    return words, abjad


def _script_words(word: str) -> tuple[tuple[str, ...], bool]:
    """The readings of ``word`` by its script's own rules (see
    :func:`transliterate_word`)."""
    if word.isascii():
        # (rigour's transliteration leaves ASCII as it is, at the cost of a run of
        # its ICU rules: a tenth of the analysis of a new Latin-script name)
        return tuple(_ascii_words(word)), False
    script = word_script(word)
    if script == "Latin":
        # accented Latin letters: their letters without the marks are what rigour's
        # Latin-ASCII gives (checked on every Latin letter and 2,550 words of the
        # lists and bench files) at a thirtieth of its cost; others (ø, ß, ı) go on
        plain = _without_marks(word)
        if plain.isascii():
            return tuple(_ascii_words(plain)), False
    if script in RIGOUR_SCRIPTS:
        latin = maybe_ascii(word)
        if not latin.isascii():
            from normality import ascii_text  # rarely needed; slow to import

            latin = ascii_text(latin) or ""
        return tuple(_ascii_words(latin)), False
    if script in ABJAD_SCRIPTS:
        if script == "Arabic":
            return tuple(_arabic(word)), True
        if script == "Hebrew":
            if word in _HEBREW_PARTICLES:
                return (_HEBREW_PARTICLES[word],), True
            if len(word) > 2 and word[-1] == "ה" and word[-2] not in "יוא":
                # a final he writes the vowel before it (שרה *Sara*, מלכה *Malka*;
                # kept after a vowel letter: נריה *Neria* does not end in י, and
                # לאה *Leah* would be read as the one letter l)
                word = word[:-1]
            if not _GERESH_MARKS.isdisjoint(word):
                return tuple(_hebrew_geresh(word)), True
            return tuple(_ascii_words(_hebrew_latin(word), abjad=True)), True
        out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
        return tuple(_ascii_words(out, abjad=True)), True
    if script == "Hangul":
        return tuple(korean_words(word)), False
    if script in INDIC_SCRIPTS:
        return tuple(_indic(word)), False
    if script in CJK_SCRIPTS:
        return tuple(han_words(word)), False
    if script == "Thai":
        return tuple(_ascii_words(thai_readings(word)[1])), True
    if script == "Ethiopic":
        return tuple(_ethiopic(word)), False
    if script == "Khmer":
        return tuple(_ascii_words(khmer_reading(word))), True
    out = _icu("Any-Latin; Latin-ASCII").transliterate(word)
    return tuple(_ascii_words(out)), False


_BELARUSIAN_ONLY: Final = frozenset("ўЎ")
_BELARUSIAN_PAIRS: Final = (frozenset("іІ"), frozenset("ыЫэЭ"))
_BY_TO_RU: Final = _rules(
    (
        # surnames in -ov/-ev: Belarusian writes the unstressed o as a and the
        # final v as ў (Эйбатаў, Russian Эйбатов)
        # an initial у before a consonant is the Russian в (Уладзімір,
        # Russian Владимир)
        (r"\bу(?=л)", "в"),
        (r"[ао]ў\b", "ов"),
        (r"[еяэ]ў\b", "ев"),
        (r"ў", "в"),
        (r"і", "и"),
        (r"(?<=[бвгджзклмнпрстфхцчшщ])э", "е"),
        # dzekanne and tsekanne: дз and ц where Russian has a soft д and т
        (r"дз(?=[ьеёюяи])", "д"),
        (r"ць", "ть"),
        # Ukrainian-type surnames in -enko: Belarusian writes the final o as a
        (r"(?<=[еэ]н)ка\b", "ко"),
        # and after ч the e as a too (Галоўчанка, Russian Головченко;
        # Кавальчанка, Ковальченко)
        (r"(?<=ч)анка\b", "енко"),
    )
)


_CONSONANT_E: Final = re.compile("[бвгджзклмнпрстфхцчшщ]э", re.I)


def is_belarusian(name: str) -> bool:
    """Whether a Cyrillic name is written in Belarusian: with ``ў``, with ``і``
    beside ``ы`` or ``э`` (Ukrainian writes ``і`` but neither of those), with
    ``э`` after a consonant (Лукашэнка; Russian writes е there), or with ``дзі``
    or ``віч`` (:data:`_BELARUSIAN_SOFT`)."""
    if not _BELARUSIAN_ONLY.isdisjoint(name) or _CONSONANT_E.search(name):
        return True
    if _BELARUSIAN_SOFT.search(name):
        return True
    return all(not letters.isdisjoint(name) for letters in _BELARUSIAN_PAIRS)


#: What Belarusian writes with і and Ukrainian with и or not at all: the soft
#: дз (dzekanne: Уладзімір, Ukrainian Володимир) and the patronymic -віч
#: (Ukrainian -вич).
_BELARUSIAN_SOFT: Final = re.compile("дз́?і|ві́?ч", re.I)


@lru_cache(maxsize=4096)
def belarusian_variant(name: str) -> tuple[str, ...]:
    """A Belarusian name in its Russian form, as lists often romanise Belarusians
    (Алег Эйбатаў → Алег Эйбатов → *Aleg Eibatov*, listed as *Oleg EIBATOV*):
    ``ў`` → ``в`` (``-аў`` → ``-ов``), ``і`` → ``и``, ``э`` → ``е`` after a
    consonant, and the soft ``дз``/``ць`` of Belarusian back to ``д``/``ть``.
    Unstressed *o* written *a* cannot be restored letter by letter; rigour's
    name items join such given names (Алег, Oleg). Empty for other names."""
    if not is_belarusian(name):
        return ()
    text = name.lower().replace("\u0301", "")  # (stress marks: Уладзі́мір)
    for pattern, repl in _BY_TO_RU:
        text = pattern.sub(repl, text)
    return (text,) if text != name.lower() else ()


#: A French name's final *-ier* is written ``-ье`` in Russian (its *r* is
#: silent): Дидье *Didier*, Оливье *Olivier*, Ксавье *Xavier*.
_FRENCH_IER: Final = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])ье\b", re.I)


#: Ossetian writes ``дз`` for the sound of English *j*, as in its Iron
#: dialect; lists romanise Ossetian names both as Russian reads the letters and
#: as the name sounds (Дзамбекович *Dzambekovich*, *Dzhambekovich*).
_OSSETIAN_DZ: Final = re.compile("дз", re.I)
#: Letters of Ukrainian and Belarusian, whose дз is *dz* (Дзюба *Dziuba*).
_UKRAINIAN_BELARUSIAN: Final = frozenset("іїєўґ")


#: Letters only Ukrainian writes (і, ї, є, ґ; Belarusian's і comes with ў, ы
#: or э, :func:`is_belarusian`), and the Russian letters for the same sounds
#: as Russian transcribes Ukrainian names (Євген *Yevgeny*'s Евген, Губарєв
#: Губарев, Юрійович Юриович): rigour reads a word with one of them in the
#: Ukrainian national system (*Yevhen*, *Hubariev*), a word without them as
#: Russian.
_UKRAINIAN_ONLY: Final = frozenset("іїєґ")
_UK_TO_RU: Final = str.maketrans({"і": "и", "ї": "йи", "є": "е", "ґ": "г", "'": "", "ʼ": ""})
#: Ukrainian forms that its letters do not show, with their Russian ones: the
#: patronymic of a name in *-й* (Сергій, Андрій, Микола's Миколай-) is *-йович*,
#: *-йовна* where Russian writes *-евич*, *-евна*, and Nicholas and Nikita are
#: Микола, Микита where Russian writes Никола-, Никита (Михайло Миколайович →
#: Михайло Николаевич, romanised *Nikolaevich* as the lists write it).
_UKRAINIAN_FORMS: Final = (
    (re.compile(r"йов(?=(?:ич|на)\b)"), "ев"),
    (re.compile(r"\bмик(?=ол|ит)"), "ник"),
)


#: ``ё``, which Russian prints as ``е`` more often than not (:func:`cyrillic_variant`).
_YO: Final = frozenset("ё")
#: The letters only Serbian (and Macedonian) Cyrillic writes for the sounds
#: English spells *ch* and *j* (ћ, ђ; Macedonian ќ, ѓ), read as the Russian
#: letters for them (:func:`cyrillic_variant`).
_SERBIAN_ONLY: Final = frozenset("ћђќѓ")
_SERBIAN_SOUNDS: Final = str.maketrans({"ћ": "ч", "ђ": "дж", "ќ": "ч", "ѓ": "дж"})


@lru_cache(maxsize=4096)
def cyrillic_variant(name: str) -> tuple[str, ...]:
    """Another reading of a name in Cyrillic: a Belarusian name's Russian form
    (:func:`belarusian_variant`); otherwise French names' silent final *r*
    restored (Дидье → Дидиер, romanised *Didier*) and, in a name not written
    in Ukrainian, Ossetian ``дз`` read *dzh* (``дж``, :data:`_OSSETIAN_DZ`; the
    reading is offered beside the Russian one, Дзержинский stays *Dzerzhinsky*).
    A Ukrainian name is also read with the letters Russian writes for its own
    (:data:`_UK_TO_RU`: Євген Гриценко → Евген Гриценко, romanised *Yevgen
    Gritsenko*), as the lists romanise Ukrainians listed under Russia regimes, and
    so are the Ukrainian forms its letters do not show (:data:`_UKRAINIAN_FORMS`:
    Миколайович → Николаевич). A name written with ``г`` in Russian letters is also
    read with it as *h* (``х``, which folding reads *h*): Russian writes so the *h*
    of foreign names (Гельмут Коль *Helmut Kohl*, Гарри *Harry*) and of Ukrainian
    and Belarusian ones whose letters do not show their language (Гринюк *Hryniuk*,
    Горбах *Horbach*), which their own romanisations spell *h*. A name written with
    ``ё`` is also read as written with ``е``, as Russian usually prints it and the
    lists and Ukrainian forms spell it (Пётр *Petr*, *Petro*; Фёдоров *Fedorov*:
    :data:`_YO`), beside the *yo* that analysis reads; a Serbian name's ``ћ`` and
    ``ђ`` are also read as English spells them, *ch* and *j* (Кадић *Kadich*,
    :data:`_SERBIAN_SOUNDS`), beside the *c* and *dj* of Serbian's own Latin
    letters. Empty for most names. (:func:`foreign_readings` gives a name's
    readings in the Latin orthographies it may transcribe, which name analysis
    offers beside these.)"""
    text = name.lower()
    if not _YO.isdisjoint(text):
        plain = text.replace("ё", "е")
        return (plain, *(v for v in cyrillic_variant(plain) if v != plain))
    if not _SERBIAN_ONLY.isdisjoint(text):
        return (text.translate(_SERBIAN_SOUNDS),)
    found = belarusian_variant(name)
    if found:
        return found
    slavic = not _UKRAINIAN_BELARUSIAN.isdisjoint(text)
    if not _UKRAINIAN_ONLY.isdisjoint(text):
        text = text.translate(_UK_TO_RU)
    if "йов" in text or "мик" in text:
        for pattern, russian in _UKRAINIAN_FORMS:
            text = pattern.sub(russian, text)
    if _FRENCH_IER.search(text):
        text = _FRENCH_IER.sub("иер", text)
    if "дз" in text and not slavic:
        text = _OSSETIAN_DZ.sub("дж", text)
    out: tuple[str, ...] = (text,) if text != name.lower() else ()
    if "г" in text:
        # (a Ukrainian name from its own letters, not their Russian form)
        out += ((name.lower() if slavic else text).replace("г", "х"),)
    return out


#: Cyrillic letters read as the Latin orthographies of the languages whose
#: names Russian, Ukrainian and Belarusian transcribe (:func:`foreign_readings`):
#: the letters every one of them reads alike.
_LATIN_COMMON: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "z", "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "sc", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "і": "i", "ї": "ji",
    "є": "je", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "ђ": "dj", "џ": "dz", "ѓ": "dj", "ќ": "c", "ѕ": "dz",
}  # fmt: skip
#: Polish (Цибульский *Cybulski*, Шимборская *Szymborska*, Конюш *Koniusz*,
#: Буковец *Bukowiec*): в *w*, ш *sz*, ч *cz*, щ *szcz*, х *ch*, и after ц,
#: ш, ч, ж *y*, я, ю, ё (and ьо) after a consonant *ia*, *iu*, *io*, ндже
#: *ndrze* (Анджей *Andrzej*), the adjectival endings *-ski*, *-cki*, *-ska*.
_POLISH: Final = str.maketrans(
    {**_LATIN_COMMON, "в": "w", "ш": "sz", "ч": "cz", "щ": "szcz", "х": "ch"}
)
_POLISH_RULES: Final = _rules(
    (
        (r"(?<=[цсз])к(?:ий|ый|и)\b", "ki"),
        (r"(?<=[цсз])кая\b", "ka"),
        (r"(?<=н)дж(?=[еэ])", "drz"),
        (r"(?<=[цшчж])и", "ы"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?я", "ia"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?ю", "iu"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])(?:ь?ё|ьо)", "io"),
        (r"ий\b", "i"),
    )
)
#: Serbo-Croatian, Slovene and Czech, written without their diacritics as
#: most lists print them (Петкович *Petkovic*, Анкица *Ankica*, Илеш *Iles*):
#: ч, ћ *c*, ш *s*, ж *z*, ц *c*, й *j*, х *h*; ль, нь before a vowel *lj*,
#: *nj*.
_SOUTH_SLAVIC: Final = str.maketrans(_LATIN_COMMON)
_SOUTH_SLAVIC_RULES: Final = _rules(((r"([лн])ь(?=[аеоуияю])", r"\1j"),))
#: German (Штих *Stich*, Габих *Habich*, Штайнфурт *Steinfurth*, Лянц
#: *Lanz*): ш *sch*, and *s* before т, п at the start of a word; ц *z*, в *w*,
#: х *ch*, ч *tsch*, ж *sch*, a first г *h* (older Russian's *h*: Гельмут
#: *Helmut*; the Russian reading keeps its *g*), ай and ей *ei*,
#: ой *eu*, я after a consonant *a*.
_GERMAN: Final = str.maketrans(
    {
        **_LATIN_COMMON,
        "ш": "sch",
        "ц": "z",
        "в": "w",
        "х": "ch",
        "ч": "tsch",
        "ж": "sch",
        "з": "s",
        "щ": "sch",
    }
)
_GERMAN_RULES: Final = _rules(
    (
        (r"\bш(?=[тп])", "s"),
        (r"\bг", "h"),
        (r"[ае]й", "ei"),
        (r"ой(?![аеиоуыэюя])", "eu"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?я", "a"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?ю", "ü"),
        (r"ий\b", "i"),
    )
)

#: Italian (Джузеппе Конте *Giuseppe Conte*, Джанни *Gianni*, Микеле
#: *Michele*): дж and ч before е, и *g*, *c*, before another vowel *gi*,
#: *ci*; ки, ке *chi*, *che* (not after с: -ский); ш before a vowel *sc*
#: (*sci* before а, о, у); ц and дз *z*, з between vowels *s* (Джузеппе), нь
#: before о, е, и *gn*; я, ю after a consonant *ia*, *iu*.
_ITALIAN: Final = str.maketrans({**_LATIN_COMMON, "ц": "z", "й": "i"})
_ITALIAN_RULES: Final = _rules(
    (
        (r"дж(?=[еиэ])", "g"),
        (r"дж(?=[аоуюя])", "gi"),
        (r"дж", "g"),
        (r"ч(?=[еиэ])", "c"),
        (r"ч(?=[аоуюя])", "ci"),
        (r"(?<!с)к(?=[еиэ])", "ch"),
        (r"ш(?=[еиэ])", "sc"),
        (r"ш(?=[аоу])", "sci"),
        (r"дз", "z"),
        (r"(?<=[аеиоуэюя])з(?=[аеиоуэюя])", "s"),
        (r"нь(?=[оеи])", "gn"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?я", "ia"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?ю", "iu"),
    )
)
#: Spanish and Portuguese (Хорхе *Jorge*, Хавьер *Javier*, Хоакин *Joaquín*,
#: Хименес *Jiménez*): х *j*, ки, ке *qui*, *que* (not after с), ч *ch*; ье,
#: ья, ьо after a consonant *ie*, *ia*, *io*, й *i*.
_SPANISH: Final = str.maketrans({**_LATIN_COMMON, "х": "j", "ч": "ch", "й": "i", "ц": "z"})
_SPANISH_RULES: Final = _rules(
    (
        (r"(?<!с)к(?=[еиэ])", "qu"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ье", "ie"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?я", "ia"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ь?ю", "iu"),
        (r"(?<=[бвгдзклмнпрстфхцчшщ])ьо", "io"),
    )
)


#: A letter of the Cyrillic block: a name without one has no :func:`foreign_readings`.
_CYRILLIC_LETTER: Final = re.compile("[\u0400-\u04ff]")


def _folded(reading: str) -> tuple[str, ...]:
    """The words of ``reading`` (lower-case ASCII), each folded."""
    return tuple(fold_token(w) for w in reading.split())


@lru_cache(maxsize=4096)
def foreign_readings(name: str) -> tuple[str, ...]:
    """A name in Cyrillic letters read back into the Latin orthographies of
    the languages whose names Cyrillic transcribes, as the lists write such
    names in their own spelling, not in a romanisation of the Cyrillic:
    Polish (:data:`_POLISH`: Цибульский *Cybulski*, Шимборская *Szymborska*),
    Serbo-Croatian without diacritics (:data:`_SOUTH_SLAVIC`: Петкович
    *Petkovic*), German (:data:`_GERMAN`: Штих *Stich*, Лянц *Lanz*),
    Italian (:data:`_ITALIAN`: Джузеппе *Giuseppe*) and Spanish
    (:data:`_SPANISH`: Хорхе *Jorge*). Lower-case ASCII, each reading once;
    a reading whose words fold (:func:`thaw.text.fold.fold_token`) as the
    name's own romanisation's or an earlier reading's do is left out, so
    that a name no such orthography reads otherwise has none (nor has a name
    without Cyrillic letters)."""
    if not _CYRILLIC_LETTER.search(name):
        return ()
    text = name.lower()
    found: list[str] = []
    # (Владимир's Polish *wladimir* folds as its romanisation *vladimir*: left out);
    # the romanisation word by word, in lower case: rigour remembers words, and
    # name analysis asks it of the same lower-case words, while a whole name,
    # or a word as written (Владимир), is nearly always new to it (about 85 µs
    # a word to transliterate afresh)
    seen = {_folded(" ".join(_ascii_words(" ".join(map(maybe_ascii, text.split(" "))))))}
    for table, rules in (
        (_POLISH, _POLISH_RULES),
        (_SOUTH_SLAVIC, _SOUTH_SLAVIC_RULES),
        (_GERMAN, _GERMAN_RULES),
        (_ITALIAN, _ITALIAN_RULES),
        (_SPANISH, _SPANISH_RULES),
    ):
        out = text
        for pattern, repl in rules:
            out = pattern.sub(repl, out)
        reading = " ".join(_ascii_words(anyascii(out.translate(table))))
        key = _folded(reading)
        if reading and key not in seen:
            seen.add(key)
            found.append(reading)
    return tuple(found)


#: Western Armenian (the diaspora's: Beirut, Istanbul, the Americas) reads the
#: voiced and voiceless stops and affricates of Eastern Armenian the other
#: way round: Գէորգեան *Kevorkian*, Մոմճեան *Momjian*, Պետրոս *Bedros*.
_WESTERN_ARMENIAN: Final = str.maketrans("բպգկդտջճձծԲՊԳԿԴՏՋՃՁԾ", "պբկգտդճջծձՊԲԿԳՏԴՃՋԾՁ")


@lru_cache(maxsize=4096)
def armenian_variant(name: str) -> tuple[str, ...]:
    """A name in Armenian letters read as Western Armenian spells it
    (:data:`_WESTERN_ARMENIAN`: Գազանճյան *Kazanjian*, beside the Eastern
    *Gazanchyan* that analysis reads), and with a first ո read *vo*
    (:data:`_ARMENIAN_VO`). Empty when no letter changes."""
    western = name.translate(_WESTERN_ARMENIAN)
    found = (western,) if western != name else ()
    vo = _ARMENIAN_VO.sub(lambda m: ("Վ" if m.group().isupper() else "վ") + m.group().lower(), name)
    return (*found, vo) if vo != name else found


#: A first ո (not the ու of *u*) is said *vo* (Ոսկանյան *Voskanyan*, also
#: spelt *Oskanian*): a variant reading (:func:`armenian_variant`).
_ARMENIAN_VO: Final = re.compile(r"(?<![^\W\d_])[ոՈ](?![ւՒ])")


#: Modern Greek digraphs for b, d, g at the start of a word (Μπους *Bush*,
#: Ντίνος *Dinos*, Γκίκας *Gikas*), as the letters the classical
#: transcription reads so.
_GREEK_INITIAL_STOPS: Final = _rules(
    ((r"(?<![^\W\d_])μπ", "β"), (r"(?<![^\W\d_])ντ", "δ"), (r"(?<![^\W\d_])γκ", "γ"))
)


#: The digraphs with which Greek writes the sounds of foreign names
#: anywhere in a word (its own words read them *mb*, *nd*, *ng*, *ts*): μπ
#: *b*, ντ *d*, γκ *g*, τζ *j* (in Latin letters, which modern Greek reading leaves
#: as they are: β would read *v*), and a final τς (or κ after -οβι-, -εβι-)
#: the *ch* of Slavic names (Νταβιντόβιτς *Davidovich*, Στεφάνοβικ
#: *Stefanovich*).
_GREEK_FOREIGN: Final = _rules(
    (
        ("μπ", "b"),
        ("ντ", "d"),
        ("γκ", "g"),
        ("τζ", "dj"),
        (r"(?<=[ιί])τ[σς]\b", "ch"),
        (r"(?<=[οόεέ]β[ιί])κ\b", "ch"),
    )
)
#: A word-final μπ, which foreign names also use for *mp* (Τραμπ *Trump*).
_GREEK_FINAL_MP: Final = re.compile(r"μπ\b")
_GREEK_FOREIGN_TRIGGER: Final = re.compile(r"(?<=\w)(?:μπ|ντ|γκ)|τζ|[ιί]τ[σς]\b|[οόεέ]β[ιί]κ\b")
#: Greek γι before a vowel, which sounds (and English spells) *y*.
_GREEK_YI: Final = re.compile("(?i)γι(?=[αάεέηήοόυύωώ])")


#: The Greek nominative endings that the English forms of Greek given names
#: drop (Πέτρος *Peter*, Μάρκος *Mark*, Στέφανος *Stephen*, Αριστοτέλης
#: *Aristotle*), or write *-y* (Γρηγόριος *Gregory*, Ζαχαρίας *Zachary*,
#: Αντώνιος *Anthony*), after a stem of three letters or more; and a first
#: *i* before a vowel, which English writes *j* (Ιάκωβος *Jacob*, Ιάσων
#: *Jason*).
_GREEK_ENDING: Final = re.compile(r"(?<=[a-z]{3})(?:(i)(?:os|as)|(?<![aiou])(?:os|as|is|es))$")
_GREEK_INITIAL_I: Final = re.compile(r"^i(?=[aeou])")
#: The Greek endings that English forms write *-ew* (Ανδρέας *Andrew*,
#: Ματθαίος *Matthew*, Βαρθολομαίος *Bartholomew*, through Latin *-eas*,
#: *-aeus* and Old French), and *-aos* that they write *-as* (Νικόλαος
#: *Nicholas*, Μενέλαος *Menelaus* aside).
_GREEK_EW: Final = re.compile(r"(?<=[a-z]{3})(?:eas|aios|eos)$")
_GREEK_AOS: Final = re.compile(r"(?<=[a-z]{3})aos$")


#: Greek hypocoristics of given names that begin with a vowel and one
#: consonant drop the vowel, or the ευ/αυ before a consonant, and end in *-is* (Αθανάσιος
#: *Thanasis*, Ευάγγελος *Vangelis*, Ελευθέριος *Lefteris*, Ευστάθιος
#: *Stathis*); a given name in *-idon* ends in *-os* (Σπυρίδων *Spyros*).
#: Forms rigour's name items do not link to the full names.
_GREEK_SHORT_START: Final = re.compile(
    r"^[aeio](?=(?:th|ch|ph|[bdgklmnprstvz])[aeiouy])|^[ae][vf](?=[^aeiouy])"
)
_GREEK_SHORT_END: Final = re.compile(r"(?<=[a-z]{3})(?:i?os|as)$")
_GREEK_IDON: Final = re.compile(r"(?<=[a-z]{3})idon$")


def _greek_hypocoristic(word: str) -> str:
    """The hypocoristic of a Greek given name read as ``word`` (lower-case
    ASCII, the modern reading) by :data:`_GREEK_SHORT_START`,
    :data:`_GREEK_SHORT_END` and :data:`_GREEK_IDON`: *athanasios* →
    *thanasis*, *evangelos* → *vangelis*, *spyridon* → *spyros*, kept only
    when rigour's name items know the short form as a name (its θ also
    read *t*: Λευτέρης *Lefteris*), so that no rule makes a name of a word
    (*Alexandros* gives no *Lexandris*); else ``word`` itself."""
    from thaw.text.symbols import word_symbols

    if _GREEK_IDON.search(word):
        short = _GREEK_IDON.sub("os", word)
    elif _GREEK_SHORT_END.search(word) and _GREEK_SHORT_START.search(word):
        short = _GREEK_SHORT_END.sub("is", _GREEK_SHORT_START.sub("", word))
    else:
        return word
    for form in dict.fromkeys((short, short.replace("th", "t"))):
        if word_symbols(form):
            return form
    return word


#: Greek given names (their modern reading) and the short forms Greeks are
#: known by that neither rigour's name items nor the rules of
#: :func:`_greek_hypocoristic` give: the name cut (Νικόλαος *Nikos*,
#: Αναστάσιος *Tasos*, Αθανάσιος *Thanos*) or made over (Χαράλαμπος
#: *Babis*, Εμμανουήλ *Manolis*, Μιχαήλ *Michalis*). A small table written
#: from common knowledge of Greek names, read both ways by
#: :func:`_greek_short_forms`.
_GREEK_SHORT_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "nikolaos": ("nikos",),
    "anastasios": ("tasos", "tassos"),
    "athanasios": ("thanos",),
    "michail": ("michalis",),
    "charalambos": ("babis", "charis"),
    "emmanouil": ("manolis",),
    "panagiotis": ("takis",),
    "konstantinos": ("dinos",),
    "apostolos": ("tolis",),
    "aristeidis": ("aris",),
    "themistoklis": ("themis",),
    "dimitrios": ("mitsos",),
    "epameinondas": ("nontas",),
    "panagiota": ("giota",),
    "vasiliki": ("vaso",),
}


@lru_cache(maxsize=1)
def _greek_full_forms() -> dict[str, tuple[str, ...]]:
    """:data:`_GREEK_SHORT_FORMS` the other way: a short form's full names."""
    out: dict[str, list[str]] = {}
    for full, shorts in _GREEK_SHORT_FORMS.items():
        for short in shorts:
            out.setdefault(short, []).append(full)
    return {short: tuple(fulls) for short, fulls in out.items()}


def _greek_short_forms(word: str) -> tuple[str, ...]:
    """The short forms of a Greek given name read as ``word`` (the modern
    reading, lower-case ASCII), or the full names of a short form
    (:data:`_GREEK_SHORT_FORMS`: *nikolaos* → *nikos*, *nikos* →
    *nikolaos*); empty for any other word."""
    return _GREEK_SHORT_FORMS.get(word) or _greek_full_forms().get(word, ())


#: John, the English form of Ιωάννης (through Latin *Johannes*), which
#: :func:`_greek_english`'s ending rules do not give.
_GREEK_JOHN: Final = re.compile(r"^joann$")


def _greek_english(modern: str) -> str:
    """A reading ``modern`` of a Greek name (lower-case ASCII words)
    as English forms Greek given names (:data:`_GREEK_ENDING`,
    :data:`_GREEK_INITIAL_I`, :data:`_GREEK_EW`, :data:`_GREEK_AOS`):
    *petros* → *petr* (Peter), *grigorios* → *grigory* (Gregory), *iakovos*
    → *jakov* (Jacob), *andreas* → *andrew*, *nikolaos* → *nikolas*."""
    words = []
    for word in modern.split():
        if _GREEK_EW.search(word):
            word = _GREEK_EW.sub("ew", word)
        elif _GREEK_AOS.search(word):
            word = _GREEK_AOS.sub("as", word)
        else:
            word = _GREEK_ENDING.sub(lambda m: "y" if m.group(1) else "", word)
        words.append(_GREEK_JOHN.sub("john", _GREEK_INITIAL_I.sub("j", word)))
    return " ".join(words)


@lru_cache(maxsize=4096)
def greek_variant(name: str) -> tuple[str, ...]:
    """A name in Greek letters in the classical transcription (ICU's
    ``Greek-Latin``: β *b*, η *e*, υ *y*, φ *ph*, χ *ch*, ευ *eu*: Ευριπίδης
    *Euripides*, Φίλιππος *Philippos*, Βασίλειος *Basileios*), in which
    English and older lists spell Greek names and in which Greek writes foreign
    ones (γριβερτ *Griebert*), beside the modern pronunciation that analysis
    reads (rigour: *Evripidis*, *Vasileios*). Word-initial μπ, ντ, γκ are b,
    d, g (:data:`_GREEK_INITIAL_STOPS`). Also, for a name with γι before a
    vowel, the modern reading with that *y* (:data:`_GREEK_YI`: Γιάνης
    *Yanis*). And the modern reading and the classical transcription as
    English forms Greek given names (:func:`_greek_english`: Πέτρος *Peter*,
    Παύλος *Paul*), also the first or the last word alone (the given name:
    Θεόδωρος Πάγκαλος *Theodore Pangalos*), and with the sounds of foreign names that Greek writes
    with two letters read as such (:data:`_GREEK_FOREIGN`: Νταβιντόβιτς
    *Davidovich*), and with χ as *kh* (folded with *h*: Χαράλαμπος
    *Haralambos*). The hypocoristic of the given name, first or last word
    (:func:`_greek_hypocoristic`: Σπυρίδων *Spyros*, Αθανάσιος *Thanasis*),
    and its short or full forms of :data:`_GREEK_SHORT_FORMS` (Νικόλαος
    *Nikos*, Νίκος *Nikolaos*).
    Lower-case ASCII; empty when none differs from the modern reading."""
    text = name.lower()
    for pattern, repl in _GREEK_INITIAL_STOPS:
        text = pattern.sub(repl, text)
    latin = " ".join(_ascii_words(_icu("Greek-Latin; Latin-ASCII").transliterate(text)))
    modern = " ".join(_ascii_words(maybe_ascii(name)))
    found = [latin] if latin and latin != modern else []
    for reading in (modern, latin):
        english = _greek_english(reading)
        if english != modern and english not in found:
            found.append(english)
        words = reading.split()
        if len(words) > 1:
            # the English form of the given name alone, first or last, the
            # surname kept (Θεόδωρος Πάγκαλος *Theodore Pangalos*)
            for at in (0, -1):
                one = list(words)
                one[at] = _greek_english(one[at])
                given = " ".join(one)
                if given not in (modern, english) and given not in found:
                    found.append(given)
    words = modern.split()
    # (no word at all where the name mixes Greek with a script that the modern
    # reading leaves out: Νίκος Δένδιας חיים הרצוג)
    for at in (0, -1) if len(words) > 1 else (0,) if words else ():
        # the given name's hypocoristic, first or last (Σπυρίδων *Spyros*),
        # and its other short or full forms (Νικόλαος *Nikos*, Νίκος *Nikolaos*)
        for form in (_greek_hypocoristic(words[at]), *_greek_short_forms(words[at])):
            one = list(words)
            one[at] = form
            short = " ".join(one)
            if short != modern and short not in found:
                found.append(short)
    if _GREEK_FOREIGN_TRIGGER.search(text):
        # foreign sounds as Greek writes them inside a word: Νταβιντόβιτς
        # *Davidovich*, Τζόνσον *Johnson*
        lowered = name.lower()
        # (a word-final μπ is also the *mp* of English names: Τραμπ *Trump*,
        # beside the *b* of Τζέικομπ *Jacob*)
        forms = [lowered, _GREEK_FINAL_MP.sub("mp", lowered)]
        for foreign in dict.fromkeys(forms):
            for pattern, repl in _GREEK_FOREIGN:
                foreign = pattern.sub(repl, foreign)
            reading = " ".join(_ascii_words(maybe_ascii(foreign)))
            if reading and reading != modern and reading not in found:
                found.append(reading)
    if "χ" in name.lower() and "ch" in modern:
        # χ is also spelt h and kh (Χαράλαμπος *Haralambos*, Χριστοδούλου
        # *Hristodoulou*), which folding reads alike
        found.append(modern.replace("ch", "kh"))
    if _GREEK_YI.search(name):
        # γι before a vowel is the English y (Γιάνης *Yanis*, Μπακογιάννη
        # *Bakoyanni*, Παναγιώτης *Panayiotis*), where rigour writes gi
        pieces = _GREEK_YI.split(name.lower())
        found.append(" ".join(_ascii_words("y".join(maybe_ascii(p) for p in pieces))))
    return tuple(found)
