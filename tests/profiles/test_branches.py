"""Parties an authority lists apart: the names each lists a party under, and
the countries it places an organisation in."""

from __future__ import annotations

from tests.profiles.profile_fixtures import listed
from thaw.profiles import Edge, link
from thaw.profiles.evidence import Context, compare, corpus_stats, places_conflict
from thaw.profiles.features import Features
from thaw.profiles.linker import candidate_pairs, cluster


def org(source: str, source_id: str, *names: str, countries: tuple[str, ...] = ()) -> Features:
    """An organisation listed under ``names`` (the first its primary name)."""
    return listed(source, source_id, "Organization", *names, countries=countries)


def test_the_primary_name_outweighs_a_rarer_alias() -> None:
    """Issue 11: Australia's Mehr Bank also gives the names of Gharzolhasaneh
    Mehr Iran Bank, which OFAC lists apart from its MEHR BANK; the rarer alias
    had drawn the UK's and Canada's Mehr Bank to OFAC's credit union bank."""
    au = org("au_dfat", "2095", "Mehr Bank", "Mehr Iran Credit Union Bank", countries=("ir",))
    bank = org("us_ofac_sdn", "12481", "MEHR BANK", countries=("ir",))
    union = org("us_ofac_sdn", "13143", "MEHR IRAN CREDIT UNION BANK", countries=("ir",))
    ctx = corpus_stats([au, bank, union]).context()
    to_bank, to_union = compare(au, bank, ctx), compare(au, union, ctx)
    assert to_bank is not None and to_union is not None
    assert to_bank.evidence.get("primary") and not to_union.evidence.get("primary")
    assert to_bank.strength > to_union.strength
    clusters = sorted(sorted(c) for c in link([au, bank, union], ctx=ctx).clusters)
    assert clusters == [["au_dfat:2095", "us_ofac_sdn:12481"], ["us_ofac_sdn:13143"]]


def test_an_alias_both_ways_counts_as_the_primary_name() -> None:
    """Canada's "Sberbank" gives "Sberbank of Russia", OFAC's SBERBANK OF
    RUSSIA gives "SBERBANK": each one's primary name is a name of the other."""
    ca = org("ca_sema", "74", "Sberbank", "Sberbank of Russia", countries=("ru",))
    us = org(
        "us_ofac_sdn", "17018", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", "SBERBANK",
        countries=("ru",),
    )  # fmt: skip
    edge = compare(ca, us, corpus_stats([ca, us]).context())
    assert edge is not None and edge.evidence.get("primary")


def test_places_conflict() -> None:
    """Disjoint countries conflict, but for those lists place one party in
    alike (Crimea in Russia or Ukraine, Hong Kong in China)."""
    assert places_conflict(frozenset({"ba"}), frozenset({"sa"}))
    assert not places_conflict(frozenset({"ba"}), frozenset({"ba", "so"}))
    assert not places_conflict(frozenset({"ru"}), frozenset({"ua"}))
    assert not places_conflict(frozenset({"cn"}), frozenset({"hk"}))
    assert not places_conflict(frozenset(), frozenset({"sa"}))


def test_a_profile_never_places_an_organisation_in_two_unrelated_countries() -> None:
    """Issue 11: Australia's Al-Haramain Islamic Foundation in Bosnia had
    joined OFAC's Saudi head office (no country on OFAC's list, Saudi Arabia
    on its consolidated copy) rather than OFAC's listing of the Bosnian and
    Somali branches: the name agrees with both, the countries with one."""
    au = org("au_dfat", "313", "AL-HARAMAIN ISLAMIC FOUNDATION", countries=("ba",))
    head = org("us_ofac_sdn", "10932", "AL-HARAMAIN ISLAMIC FOUNDATION")
    head_copy = org(
        "us_trade_csl", "SDN-10932", "AL-HARAMAIN ISLAMIC FOUNDATION", countries=("sa",)
    )
    branches = org("us_ofac_sdn", "7199", "AL-HARAMAIN ISLAMIC FOUNDATION")
    branches_copy = org(
        "us_trade_csl", "SDN-7199", "AL-HARAMAIN ISLAMIC FOUNDATION", countries=("ba", "so")
    )
    listings = [au, head, head_copy, branches, branches_copy]
    edges = [
        Edge(head.key, head_copy.key, "reference", 55.0),
        Edge(branches.key, branches_copy.key, "reference", 55.0),
        Edge(au.key, head.key, "name_country", 17.2),
        Edge(au.key, branches.key, "name_country", 17.1),
    ]
    clusters = sorted(sorted(c) for c in cluster(listings, edges).clusters)
    assert clusters == [
        ["au_dfat:313", "us_ofac_sdn:7199", "us_trade_csl:SDN-7199"],
        ["us_ofac_sdn:10932", "us_trade_csl:SDN-10932"],
    ]
    # a Crimean bank that the UK places in Ukraine and Australia in Russia is one
    uk = org("uk_ofsi", "13078", "RUSSIAN NATIONAL COMMERCIAL BANK", countries=("ua",))
    us = org("us_ofac_sdn", "17755", "RUSSIAN NATIONAL COMMERCIAL BANK")
    au_bank = org("au_dfat", "7671", "Russian National Commercial Bank", countries=("ru",))
    edges = [
        Edge(uk.key, us.key, "name_contact", 18.0),
        Edge(au_bank.key, us.key, "name_country", 16.0),
    ]
    assert len(cluster([uk, us, au_bank], edges).clusters) == 1


def test_the_whole_name_of_a_parent_is_rare_among_its_subsidiaries_names() -> None:
    """Issue 11: Australia's "Gazprom" and OFAC's PUBLIC JOINT STOCK COMPANY
    GAZPROM: the word is in the names of a hundred subsidiaries, the whole
    name is the parent's alone."""
    subsidiaries = [
        org("us_ofac_sdn", str(100 + i), f"GAZPROM {chr(65 + i // 26)}{chr(65 + i % 26)}SUB")
        for i in range(150)
    ]
    au = org("au_dfat", "6945", "Gazprom", countries=("ru",))
    us = org("us_ofac_cons", "17250", "PUBLIC JOINT STOCK COMPANY GAZPROM", countries=("ru",))
    ctx = corpus_stats([au, us, *subsidiaries]).context()
    assert ctx.rarity(("gazprom",)) < 7.0 < ctx.name_idf(("gazprom",))
    edge = compare(au, us, ctx)
    assert edge is not None and edge.kind == "name_country"
    # a common word is no name of one party, alone or not
    assert Context({}, 1, common=["bank"], name_df={("bank",): 1}).name_idf(("bank",)) == 0.0


def test_a_whole_name_one_list_gives_two_parties_is_not_rare() -> None:
    """Australia lists a Sberbank and a Sberbank subsidiary under the very
    same name: that whole name is no one party's, however few hold it."""
    one = org("au_dfat", "6771", "Sberbank", countries=("ru",))
    two = org("au_dfat", "9", "Sberbank", countries=("ru",))
    us = org("us_ofac_sdn", "17018", "PJSC SBERBANK", countries=("ru",))
    assert corpus_stats([one, us]).context().name_idf(("sberbank",)) > 7.0
    assert corpus_stats([one, two, us]).context().name_idf(("sberbank",)) == 0.0


def test_a_name_spelt_the_same_decides_between_equal_links() -> None:
    """Issue 11: Canada's "Sberbank" (alias "Sberbank of Russia") agrees alike
    with OFAC's Sberbank of Russia (alias "SBERBANK OF RUSSIA", as written)
    and with its Ukrainian subsidiary (alias "JSC SBERBANK OF RUSSIA", only
    once the legal form is set aside). The name spelt the same decides, not
    which listing's key sorts first (here the subsidiary's)."""
    ca = org("ca_sema", "74", "Sberbank", "Сбербанк", "Sberbank of Russia")
    subsidiary = org(
        "us_ofac_sdn", "1", "JOINT STOCK COMPANY SBERBANK", "JSC SBERBANK OF RUSSIA",
        countries=("ua",),
    )  # fmt: skip
    parent = org(
        "us_ofac_sdn", "2", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA",
        "SBERBANK OF RUSSIA", "PJSC SBERBANK", countries=("ru",),
    )  # fmt: skip
    ctx = corpus_stats([ca, subsidiary, parent]).context()
    to_parent, to_subsidiary = compare(ca, parent, ctx), compare(ca, subsidiary, ctx)
    assert to_parent is not None and to_subsidiary is not None
    assert to_parent.evidence["names"] == ["Sberbank of Russia", "SBERBANK OF RUSSIA"]
    assert to_parent.strength > to_subsidiary.strength
    clusters = sorted(sorted(c) for c in link([ca, subsidiary, parent], ctx=ctx).clusters)
    assert clusters == [["ca_sema:74", "us_ofac_sdn:2"], ["us_ofac_sdn:1"]]


def test_a_corporation_is_a_company() -> None:
    """Issue 11: the UN and Australia list HESONG TRADING COMPANY, the UK and
    OFAC HESONG TRADING CORPORATION: one party, whatever word a translation
    gives it. A group is not a company."""
    un = org("un_sc", "KPe.024", "HESONG TRADING COMPANY", countries=("kp",))
    uk = org("uk_ofsi", "12442", "HESONG TRADING CORPORATION", countries=("kp",))
    ctx = corpus_stats([un, uk]).context()
    edge = compare(un, uk, ctx)
    assert edge is not None and edge.kind == "name_country"
    assert edge.evidence["name_level"] == "exact"
    group = org("us_ofac_sdn", "2", "HESONG TRADING GROUP", countries=("kp",))
    assert compare(un, group, corpus_stats([un, group]).context()) is None


def test_a_company_and_a_corporation_share_a_block() -> None:
    """Every rule implies a shared block: the two HESONG listings are compared
    although the rarest tokens of each name are "hesong" and its legal word."""
    un = org("un_sc", "KPe.024", "HESONG TRADING COMPANY", countries=("kp",))
    uk = org("uk_ofsi", "12442", "HESONG TRADING CORPORATION", countries=("kp",))
    others = [org("us_ofac_sdn", str(i), f"TRADING HOUSE {i}") for i in range(5)]
    assert (0, 1) in candidate_pairs([un, uk, *others])


def test_a_branch_named_by_its_country_is_the_party_and_the_country() -> None:
    """Issue 11 §5: the UK's "AL-HARAMAIN (BANGLADESH)" and the UN's
    "AL-HARAMAIN: BANGLADESH BRANCH" are one branch, which had linked only by
    the UK's reference; the branch of another country, and the head office,
    are other parties."""
    uk = org("uk_ofsi", "8431", "AL-ZAHRAWAIN (BANGLADESH)", countries=("bd",))
    un = org("un_sc", "QDe.912", "AL-ZAHRAWAIN: BANGLADESH BRANCH", countries=("bd",))
    kenya = org("us_ofac_sdn", "8909", "AL-ZAHRAWAIN : KENYA BRANCH", countries=("ke",))
    head = org("au_dfat", "913", "Al-Zahrawain", countries=("sa",))
    clusters = sorted(sorted(c) for c in link([uk, un, kenya, head], references=False).clusters)
    assert clusters == [
        ["au_dfat:913"],
        ["uk_ofsi:8431", "un_sc:QDe.912"],
        ["us_ofac_sdn:8909"],
    ]
