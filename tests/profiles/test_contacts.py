"""Web domains and street addresses as identity evidence between organisations:
a party's own, not a publisher's or a host's; the same domain with a name that
only adds generic words to the other's."""

from __future__ import annotations

from thaw.model import Name, Record
from thaw.profiles import features_of, link
from thaw.profiles.evidence import (
    CONTACT_DF,
    GENERIC_DF,
    Context,
    compare,
    contained_org_name,
    corpus_stats,
    generic_word,
)
from thaw.profiles.features import Features, websites_of


def org(source: str, source_id: str, name: str, remark: str, country: str = "ru") -> Features:
    """An organisation publishing ``remark`` (a web address)."""
    record = Record(
        source,
        source_id,
        "Organization",
        names=[Name(name, "primary")],
        countries=[country] if country else [],
        remarks=[remark],
        programs=["TEST"],
    )
    return features_of(record)


def test_a_publishers_domain_is_no_partys_website() -> None:
    """OFAC's remarks point to treasury.gov, the UN's to interpol.int: a domain
    published under more than CONTACT_DF names says nothing about who a party
    is, and two listings of one common name that publish it stay apart."""
    remark = "Additional Sanctions Information: see www.treasury.gov/ofac"
    others = [
        org("us_ofac_sdn", str(i), f"UNRELATED PARTY {chr(65 + i)}{i}", remark, "")
        for i in range(CONTACT_DF)
    ]
    au = org("au_dfat", "1", "Sberbank", remark)
    us = org("us_ofac_sdn", "99", "SBERBANK", remark, "")
    ctx = corpus_stats([au, us, *others]).context()
    assert "treasury.gov" in ctx.shared_contacts
    assert compare(au, us, ctx) is None
    # the same two names at a domain of their own do link
    own = corpus_stats([au, us]).context()
    edge = compare(au, us, own)
    assert edge is not None and edge.kind == "name_contact"


def _context(listings: list[Features]) -> Context:
    """The corpus of ``listings``, where "design" is as frequent as on the lists."""
    stats = corpus_stats(listings)
    return Context({**stats.df, "design": GENERIC_DF}, stats.n, common=stats.common)


def test_a_name_adding_generic_words_at_the_same_website_is_one_party() -> None:
    """Issue 11: Australia's "Joint Stock Company Lazurit Design Bureau" and the
    UK's JOINT STOCK COMPANY "LAZURIT" both publish www.cdb-lazurit.ru; the
    longer name adds only words saying what kind of organisation Lazurit is."""
    au = org("au_dfat", "7573", "Joint Stock Company Lazurit Design Bureau", "www.cdb-lazurit.ru")
    uk = org("uk_ofsi", "15978", 'JOINT STOCK COMPANY "LAZURIT"', "Website: cdb-lazurit.ru")
    ctx = _context([au, uk])
    edge = compare(au, uk, ctx)
    assert edge is not None and edge.kind == "name_contact"
    assert edge.evidence["name_level"] == "contained"
    assert edge.evidence["websites"] == ["cdb-lazurit.ru"]
    assert [sorted(c) for c in link([au, uk], ctx=ctx).clusters] == [
        ["au_dfat:7573", "uk_ofsi:15978"]
    ]


def test_a_part_or_a_subsidiary_at_the_same_website_is_another_party() -> None:
    """The Russian Direct Investment Fund and its management company share
    rdif.ru, and a subsidiary shares its parent's domain: a longer name that
    names the other as its owner ("... of the Russian Direct Investment Fund")
    or adds a word naming a related party ("Lazurit Leasing", "RVC Management
    Company") is another party."""
    fund = org("au_dfat", "6683", "Russian Direct Investment Fund", "Website: rdif.ru")
    manager = org(
        "us_ofac_sdn",
        "34337",
        "JOINT STOCK COMPANY MANAGEMENT COMPANY OF THE RUSSIAN DIRECT INVESTMENT FUND",
        "Website www.rdif.ru",
    )
    lazurit = org("uk_ofsi", "15978", 'JOINT STOCK COMPANY "LAZURIT"', "Website: cdb-lazurit.ru")
    leasing = org("au_dfat", "9", "Lazurit Leasing", "Website: cdb-lazurit.ru")
    rvc = org("uk_ofsi", "15028", "RVC", "Website: www.rvc.ru")
    rvc_manager = org("us_ofac_sdn", "35244", "LLC RVC MANAGEMENT COMPANY", "Website: rvc.ru", "")
    listings = [fund, manager, lazurit, leasing, rvc, rvc_manager]
    stats = corpus_stats(listings)
    # however many listings hold "leasing" and "management", they name another party
    ctx = Context(
        {**stats.df, "design": GENERIC_DF, "leasing": GENERIC_DF, "management": GENERIC_DF},
        stats.n,
        common=stats.common,
    )
    assert contained_org_name(fund, manager, ctx) is None
    assert compare(fund, manager, ctx) is None
    assert compare(lazurit, leasing, ctx) is None
    assert compare(rvc, rvc_manager, ctx) is None


def test_social_networks_and_file_names_are_no_web_domain() -> None:
    """A page on vk.com is one of many parties' pages; OFAC's link to its own
    ``advanced.xml`` is a file, not a domain."""
    record = Record(
        "uk_ofsi",
        "13219",
        "Organization",
        remarks=["Website: https://vk.com/sparta_battalion", "see https://x/advanced.xml"],
    )
    assert websites_of(record) == ()


def test_the_same_name_and_website_outweigh_the_same_name_and_regime() -> None:
    """Issue 11: Australia's Federal State of Novorossiya also gives the alias
    "Movement Novorossiya of Igor Strelkov", the UK lists the movement apart.
    The UK's Federal State of Novorossiya at the same web domain is the party,
    not the movement that shares a regime and an alias with it."""

    def listing(source: str, sid: str, names: list[str], programs: list[str], web: str) -> Features:
        record = Record(
            source,
            sid,
            "Organization",
            names=[Name(names[0], "primary"), *(Name(n, "alias") for n in names[1:])],
            remarks=[f"Website: {web}"] if web else [],
            programs=programs,
        )
        return features_of(record)

    au = listing(
        "au_dfat",
        "7667",
        ["Federal State of Novorossiya", "Movement Novorossiya of Igor Strelkov"],
        ["Autonomous (Russia)"],
        "novorossiia.ru",
    )
    movement = listing(
        "uk_ofsi", "13226", ['MOVEMENT "NOVOROSSIYA" OF IGOR STRELKOV'], ["Russia"], ""
    )
    state = listing(
        "uk_ofsi", "13050", ["'FEDERAL STATE OF NOVOROSSIYA'"], ["Russia"], "www.novorossiia.ru"
    )
    linkage = link([au, movement, state], ctx=corpus_stats([au, movement, state]).context())
    assert sorted(sorted(c) for c in linkage.clusters) == [
        ["au_dfat:7667", "uk_ofsi:13050"],
        ["uk_ofsi:13226"],
    ]


def test_a_name_abbreviated_to_one_word_at_the_same_website_is_one_party() -> None:
    """Issue 11: the UK's PJSC JSCB METALLINVESTBANK and OFAC's "... STOCK
    COMMERCIAL BANK METALLURGICAL INVESTMENT BANK" both publish
    metallinvestbank.ru; the UK's name is the beginnings of OFAC's words."""
    from thaw.profiles.evidence import abbreviated

    assert abbreviated("metalinvestbank", ("joint", "metalurgikal", "investment", "bank")) == [
        "joint"
    ]
    assert abbreviated("metalinvestbank", ("metalurgikal", "bank")) is None
    assert abbreviated("lazurit", ("lazurit", "design")) is None  # one word is no abbreviation
    uk = org("uk_ofsi", "15919", "PJSC JSCB METALLINVESTBANK", "Website: metallinvestbank.ru")
    us = org(
        "us_ofac_sdn",
        "40799",
        "PUBLIC JOINT STOCK COMPANY STOCK COMMERCIAL BANK METALLURGICAL INVESTMENT BANK",
        "Website www.metallinvestbank.ru",
        "",
    )
    edge = compare(uk, us, corpus_stats([uk, us]).context())
    assert edge is not None and edge.kind == "name_contact"
    assert edge.evidence["name_level"] == "contained"


def test_the_plural_of_a_generic_word_is_generic() -> None:
    """Issue 11: Australia's "Motovilikhinskiye Zavody PJSC" ("plants") and the
    UK's "JSC MOTOVILIKHINSKIYE" both publish mz.perm.ru; "zavod" is a generic
    word on the lists, its plural "zavody" is held by few listings."""
    au = org("au_dfat", "7897", "Motovilikhinskiye Zavody PJSC", "Website: mz.perm.ru", "")
    uk = org("uk_ofsi", "15950", "JSC MOTOVILIKHINSKIYE", "Website: www.mz.perm.ru")
    stats = corpus_stats([au, uk])
    ctx = Context({**stats.df, "zavod": GENERIC_DF}, stats.n, common=stats.common)
    assert generic_word("zavodi", ctx) and not generic_word("zavodi", corpus_stats([au]).context())
    edge = compare(au, uk, ctx)
    assert edge is not None and edge.kind == "name_contact"
    assert edge.evidence["name_level"] == "contained"
