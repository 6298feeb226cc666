"""Canada's sema-lema.xml reader: identifiers, aliases, vessels, errors, the real list."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, detect, plan
from thaw.sources.ca_sema import (
    CanadaSemaReader,
    regime_key,
    schedule_key,
    split_aliases,
    split_name,
)
from thaw.store import Store, load

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ca_sema" / "sema-lema.xml"

# Fixture listings whose name field carries aliases (or a parenthesis that is not one):
# the names expected, as "value/kind", primary first.
NAME_ALIASES: dict[str, list[str]] = {
    "russia/s1p2/518": [
        "KORSAR Ltd./primary",
        "Korus Consulting Cis Limited Liability Company/alias",
        "Общество с ограниченной ответственностью «КОРСАР»/alias",
    ],
    "russia/s1p2/509": [
        "Zlatoustovsky Machine Building Plant JSC/primary",
        "Zlatmash/alias",
        "Zlatoust Factory of Specialized Arms Steels LLC/alias",
        "ООО «Златоустовский завод оружейных специализированных сталей»/alias",
    ],
    "myanmar/p1/83": ["Life & Challenge Co. Ltd./primary", "Life and Challenge Co. Ltd./alias"],
    "belarus/s1p2/51": ["Alfa-Bank ZAO (Belarus)/primary", 'ЗАО "АЛЬФА-БАНК"/alias'],
    "ukraine/p1/133": ["Aleksey Aleksandrovich DIKIY (DIKY)/primary"],
    "russia/s1p2/9001": [
        "Alpha Trading LLC/primary",
        "Alfa Trade/alias",
        "Alpha-Trading OOO/alias",
        "Beta Machine-Works, JSC/former",
        "Beta Zavod/former",
    ],
    "russia/s1p2/9002": [
        "Gamma Holding (Cyprus) Ltd./primary",
        "Gamma Holding (CY)/alias",
        "Gamma Holdings/alias",
        "Delta Group Limited/alias",
        "Omega Invest/former",
    ],
    "russia/s1p2/9003": ["Société Epsilon/primary", "Epsilon SA/alias", "Zeta Industries/former"],
    "russia/s1p2/9004": [
        "Kappa Research and Production Complex/primary",
        "Kappa Research and Production Komplex/alias",
    ],
    "iran/s1/9001": ["Ali HOSSEINI/primary", "Aly HOSSEINI/alias", "Ali HOSEINI/alias"],
}


def read(path: Path) -> dict[str, Record]:
    pub = CanadaSemaReader().read(path, {})
    assert pub.info.published is None  # the file carries no date
    return {r.source_id: r for r in pub.records}


def test_detection() -> None:
    assert detect(FIXTURE) is CanadaSemaReader
    assert not CanadaSemaReader.sniff("x.xml", b"<?xml version='1.0'?><data-set><row/>")


def test_keys() -> None:
    assert regime_key("Russia / Russie") == "russia"
    assert regime_key("Myanmar (Burma) / Myanmar (Birmanie)") == "myanmar"
    assert regime_key("Venezuela ") == "venezuela"
    assert regime_key("Justice for Victims … (JVCFOR) / Règlement … (RJVDEC)") == "jvcfor"
    assert regime_key("Hamas Terrorist Attacks / Attaques terroristes du Hamas") == (
        "hamas-terrorist-attacks"
    )
    assert schedule_key("1, Part 1") == "s1p1"
    assert schedule_key("1,Part 3") == "s1p3"
    assert schedule_key("1, Part 2.1") == "s1p2.1"
    assert schedule_key("Part 2") == "p2"
    assert schedule_key("1.1") == "s1.1"
    assert schedule_key(None) == ""


def test_persons() -> None:
    records = read(FIXTURE)
    assert list(records) == [
        "belarus/s1p1/8",
        "belarus/s1p1/150",
        "russia/s1p1/476",
        "russia/s1p2/76",
        "russia/s1.1/1",
        "syria/p2/74",
        "sudan/p1/3",
        "venezuela/45",
        "jvcfor/12",
        *NAME_ALIASES,
    ]
    kirill = records["russia/s1p1/476"]
    assert kirill.schema == "Person"
    assert kirill.caption == "Kirill Alexandrovich DMITRIEV"
    assert kirill.names[0].parts == {"first": "Kirill Alexandrovich", "last": "DMITRIEV"}
    assert [(n.value, n.kind) for n in kirill.names[1:]] == [
        ("Кирилл Александрович Дмитриев", "alias")
    ]
    assert kirill.birth_dates == ["1975-04-12"]
    assert kirill.programs == ["Russia / Russie"]
    assert kirill.listed_on == "2022-02-24"
    assert kirill.extra == {"item": "476", "schedule": "1, Part 1"}

    nazih = records["syria/p2/74"]
    assert nazih.caption == "Nazih" and nazih.titles == ["Major General/major-général"]
    assert records["sudan/p1/3"].birth_dates == ["1974", "1975"]
    odd = records["venezuela/45"]
    assert odd.birth_dates == [] and odd.extra["date_of_birth"] == "born in the early 1970s"
    assert "schedule" not in odd.extra


def test_entities_and_vessels() -> None:
    records = read(FIXTURE)
    rdif = records["russia/s1p2/76"]
    assert rdif.schema == "Organization"
    assert rdif.caption == "Russian Direct Investment Fund"
    assert [n.value for n in rdif.names[1:]] == ["Российский фонд прямых инвестиций (РФПИ)", "RDIF"]
    ship = records["russia/s1.1/1"]
    assert ship.schema == "Vessel" and ship.caption == "Balitiyskiy III"
    assert [(i.kind, i.number) for i in ship.identifiers] == [("imo", "7612448")]
    assert ship.extra["vessel_type"] == "General Cargo / Multi Purpose"
    assert ship.extra["build_date"] == "1980" and ship.birth_dates == []


def test_alias_languages_and_kinds() -> None:
    nikolai = read(FIXTURE)["belarus/s1p1/150"]
    assert [(n.value, n.kind, n.lang) for n in nikolai.names[1:]] == [
        ("Mikalay Alyaksandravich Lukashenka", "alias", None),
        ("Kolya Lukashenko", "alias", None),
        ("Мікалай Аляксандравіч Лукашэнка", "alias", "bel"),
        ("Николай Александрович Лукашенко", "alias", "rus"),
        ("Коля Лукашенко", "alias", "rus"),
    ]
    hemedti = read(FIXTURE)["sudan/p1/3"]
    assert ("Hemedti", "weak") in [(n.value, n.kind) for n in hemedti.names]
    assert ("محمد حمدان دقلو موسى", "ara") in [(n.value, n.lang) for n in hemedti.names]


# (aliases as published, the aliases expected, joined by " | ")
SPLITS: list[tuple[str, str]] = [
    (
        "Российский фонд прямых инвестиций (РФПИ); RDIF",
        "Российский фонд прямых инвестиций (РФПИ) | RDIF",
    ),
    ("Sergei, Serhii SHERBAKOV", "Sergei SHERBAKOV | Serhii SHERBAKOV"),
    (
        "Katsiaryna or Katerina Smuschkovich, Ekaterina Varabei",
        "Katsiaryna Smuschkovich | Katerina Smuschkovich | Ekaterina Varabei",
    ),
    ("Алексей Александров or Фролов", "Алексей Александров | Алексей Фролов"),
    (
        "Aleksandr Evgenyevich or Evgenievich Kon’kov",
        "Aleksandr Evgenyevich Kon’kov | Aleksandr Evgenievich Kon’kov",
    ),
    (
        "Черноморский банк развития и реконструкции or ЧБРР",
        "Черноморский банк развития и реконструкции | ЧБРР",
    ),
    (
        "РЕСО-Гарантия, САО or Страховое Акционерное Общество",
        "РЕСО-Гарантия, САО | Страховое Акционерное Общество",
    ),
    ("Конкорд Менеджмент и консалтинг, ООО", "Конкорд Менеджмент и консалтинг, ООО"),
    (
        "Министерство образования, науки и молодежи Республики Крым",
        "Министерство образования, науки и молодежи Республики Крым",
    ),
    ("Баранов, Олег Анатольевич", "Олег Анатольевич Баранов"),
    (
        "Анна Юрьевна ТОДОРОВА / Ганна Юрiївна ТОДОРОВА",
        "Анна Юрьевна ТОДОРОВА | Ганна Юрiївна ТОДОРОВА",
    ),
    (
        "Andrei Nikolayevich Eremenko, Андрій Миколайович Єременко and Андрей Николаевич Еременко",
        "Andrei Nikolayevich Eremenko | Андрій Миколайович Єременко | Андрей Николаевич Еременко",
    ),
    (
        "Myanma Investment and Commercial Bank, Burma Investment and Commercial Bank",
        "Myanma Investment and Commercial Bank | Burma Investment and Commercial Bank",
    ),
    (
        "International\nGroup of Entrepreneurs Company Ltd., IGE",
        "International Group of Entrepreneurs Company Ltd. | IGE",
    ),
    (
        'Беларускi народны банк) (Russian: ОАО "БНБ-Банк"',
        'Беларускi народны банк | ОАО "БНБ-Банк"',
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_aliases(text: str, expected: str) -> None:
    assert " | ".join(alias for alias, _ in split_aliases(text)) == expected


@pytest.mark.parametrize("source_id", NAME_ALIASES)
def test_aliases_inside_names(source_id: str) -> None:
    """``(also known as …)``, ``(a.k.a. …)``, ``(formerly known as …)``, French markers,
    nested and unclosed parentheses; acronyms, places and transliterations stay."""
    record = read(FIXTURE)[source_id]
    assert [f"{n.value}/{n.kind}" for n in record.names] == NAME_ALIASES[source_id]


NAME_SPLITS: list[tuple[str, str, str]] = [
    ("Dux JSC (also known as Duks)", "Dux JSC", "Duks/alias"),
    ("Myanma Timber Enterprise (MTE)", "Myanma Timber Enterprise (MTE)", ""),
    ("Granite Tile Factory (Kyaikto)", "Granite Tile Factory (Kyaikto)", ""),
    ("Baka Ltd. (aka Baca Ltd)", "Baka Ltd.", "Baca Ltd/alias"),
    ("X Bank (also spelled Iks Bank or Eks Bank)", "X Bank", "Iks Bank/alias | Eks Bank/alias"),
    ("Eta (previously known as Theta Oil)", "Eta", "Theta Oil/former"),
    (
        "Leading Production and Technical Enterprise Granit (also known as The Main\n"
        "Technological and Industrial Enterprise “Granit”)",
        "Leading Production and Technical Enterprise Granit",
        "The Main Technological and Industrial Enterprise “Granit”/alias",
    ),
    (
        "NPCAP JSC (also known as Plant Zvezda – Branch of the Center of Automation and\n"
        "Instrumentation named after N.A. Pilyugin)",
        "NPCAP JSC",
        "Plant Zvezda – Branch of the Center of Automation and Instrumentation named after"
        " N.A. Pilyugin/alias",
    ),
    (
        "AGAT Gavrilov-\nYam JSC (also known as Plant Agat, Agat and Gavrilov-Yaminskiy"
        " Plant, JSC)",
        "AGAT Gavrilov-Yam JSC",
        "Plant Agat/alias | Agat/alias | Gavrilov-Yaminskiy Plant, JSC/alias",
    ),
    ("(also known as Nothing Else)", "(also known as Nothing Else)", ""),
]


@pytest.mark.parametrize(("text", "primary", "aliases"), NAME_SPLITS)
def test_split_name(text: str, primary: str, aliases: str) -> None:
    name, found = split_name(text)
    assert name == primary
    assert " | ".join(f"{a}/{k}" for a, k in found) == aliases


def test_split_aliases_empty() -> None:
    assert split_aliases("") == [] and split_aliases(None) == []


def test_date_comes_from_the_folder(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "2025-05-25"
    folder.mkdir()
    path = folder / "sema-lema.xml"
    shutil.copy(FIXTURE, path)
    result = load(store, plan([path])[0])
    assert (result.publication.published, result.publication.date_basis) == ("2025-05-25", "folder")
    assert result.publication.record_count == 9 + len(NAME_ALIASES)


def test_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "sema-lema.xml"
    text = FIXTURE.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(SourceError, match=r"sema-lema\.xml:line \d+: malformed XML"):
        list(CanadaSemaReader().read(path, {}).records)

    path.write_text(text.replace("<Item>476</Item>", "<Item>8</Item>").replace(
        "<Country>Russia / Russie</Country>\n\t\t<LastName>DMITRIEV",
        "<Country>Belarus / Bélarus</Country>\n\t\t<LastName>DMITRIEV",
    ), encoding="utf-8")  # fmt: skip
    with pytest.raises(SourceError, match="'belarus/s1p1/8' appears twice") as err:
        list(CanadaSemaReader().read(path, {}).records)
    assert err.value.location and err.value.location.startswith("line ")

    path.write_text(text.replace("<Item>74</Item>", ""), encoding="utf-8")
    with pytest.raises(SourceError, match="without Country or Item"):
        list(CanadaSemaReader().read(path, {}).records)

    path.write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        CanadaSemaReader().read(path, {})


@pytest.mark.realdata
def test_real_list(lists_dir: Path) -> None:
    path = lists_dir / "ca_gac" / "2025-05-25" / "sema-lema.xml"
    assert detect(path) is CanadaSemaReader
    records = read(path)
    assert len(records) == 4759  # MANIFEST: 4759 <record>, ids unique
    assert len({r.programs[0] for r in records.values()}) == 19
    schemas = Counter(r.schema for r in records.values())
    assert schemas == {"Person": 3334, "Organization": 1316, "Vessel": 109}
    assert all(r.identifiers for r in records.values() if r.schema == "Vessel")
    kirill = records["russia/s1p1/476"]
    assert kirill.names[0].parts == {"first": "Kirill Alexandrovich", "last": "DMITRIEV"}
    assert kirill.birth_dates == ["1975-04-12"]
    rdif = [r for r in records.values() if r.caption == "Russian Direct Investment Fund"]
    assert len(rdif) == 1 and "RDIF" in rdif[0].all_names()


@pytest.mark.realdata
def test_real_list_aliases_inside_names(lists_dir: Path) -> None:
    """About 67 entity names carry "(also known as …)"; none is left in a primary name."""
    records = read(lists_dir / "ca_gac" / "2025-05-25" / "sema-lema.xml")
    assert len(records) == 4759
    markers = ("also known as", "a.k.a.", "formerly known as")
    primaries = [n.value for r in records.values() for n in r.names if n.kind == "primary"]
    assert not [p for p in primaries if any(m in p.lower() for m in markers)]
    korsar = records["russia/s1p2/518"]
    assert korsar.caption == "KORSAR Ltd."
    # the file spells it "Korus Consulting Cis Limited Liability Company"
    assert ("Korus Consulting Cis Limited Liability Company", "alias") in [
        (n.value, n.kind) for n in korsar.names
    ]
    zlat = records["russia/s1p2/509"]
    assert [n.value for n in zlat.names[:3]] == [
        "Zlatoustovsky Machine Building Plant JSC",
        "Zlatmash",
        "Zlatoust Factory of Specialized Arms Steels LLC",
    ]
    with_aliases = [r for r in records.values() if r.schema != "Person" and any(
        n.kind == "alias" and n.value.isascii() for n in r.names
    )]  # fmt: skip
    assert len(with_aliases) >= 67
