"""The ownership-and-control rules of the authorities, as a declared table.

Each :class:`Rule` says, as data, which lists designate for an authority, where the
threshold lies and on which side, whether the holdings of different designated
persons add up, and which kinds of link count as ownership or as control. The
engine (:mod:`thaw.ownership.engine`) reads nothing else, and :func:`rules_doc`
renders the table for the documentation.

**United States (OFAC).** *Revised Guidance on Entities Owned by Persons Whose
Property and Interests in Property Are Blocked* (13 August 2014) and OFAC FAQs
398–402: an entity owned 50 % or more, directly or indirectly, in the aggregate,
by one or more blocked persons is itself blocked. The holdings of all blocked
persons add up; an entity blocked under the rule is a blocked person for the next
step (indirect ownership through blocked intermediaries); percentages are not
multiplied along a chain. Control without ownership does not block under the rule
(the 2014 guidance: OFAC urges caution).

**European Union.** Council of the European Union, *Restrictive measures
(sanctions): Update of the EU Best Practices for the effective implementation of
restrictive measures* (paragraphs on "ownership" and "control"): an entity is
owned by a designated person when that person possesses more than 50 % of the
proprietary rights, and controlled when, among other criteria, the person has the
right to appoint or remove a majority of the board or controls a majority of the
voting rights. The holdings of different designated persons are assessed case by
case: they are added up only with ``aggregate=True``.

**United Kingdom (OFSI).** OFSI, *UK financial sanctions general guidance*
(section "ownership and control") and the regulations' "owned or controlled
directly or indirectly" test: more than 50 % of the shares or of the voting rights,
held directly or indirectly (through entities the designated person owns or
controls), or the right to appoint or remove a majority of the board, or control
in the sense that the person could ensure the affairs of the entity are conducted
in accordance with their wishes. Holdings of different designated persons are not
added up unless they act jointly (``aggregate=True``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

OFAC_2014 = (
    "OFAC, Revised Guidance on Entities Owned by Persons Whose Property and Interests "
    "in Property Are Blocked (13 August 2014), and FAQs 398-402"
)
EU_BEST_PRACTICES = (
    "Council of the EU, EU Best Practices for the effective implementation of "
    "restrictive measures (ownership and control)"
)
OFSI_GUIDANCE = "OFSI, UK financial sanctions general guidance (ownership and control)"

TOLERANCE = 1e-9
"""Rounding slack when comparing summed percentages with a threshold."""
EXCLUSIVE_STEP = 1e-6
"""How far above a lower bound a "more than x %" stake is taken to be."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One authority's ownership-and-control test.

    * ``sources``: the lists whose listings designate (a listing in force on one of
      them makes its party a designated or blocked person);
    * ``threshold`` and ``inclusive``: ``50`` and ``True`` mean "50 % or more",
      ``False`` "more than 50 %";
    * ``aggregate``: whether the holdings of *different* designated persons add up
      (the US rule; an option elsewhere);
    * ``share_kinds``: link kinds whose percentage counts as a holding;
      ``vote_kinds``: link kinds counted as votes, separately from shares (a
      majority of either suffices); ``control_kinds``: link kinds that amount to
      control on their own (empty: control does not count);
    * ``citation``: the guidance the rule follows.
    """

    authority: str
    name: str
    sources: tuple[str, ...]
    threshold: float
    inclusive: bool
    aggregate: bool
    share_kinds: tuple[str, ...]
    vote_kinds: tuple[str, ...]
    control_kinds: tuple[str, ...]
    citation: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    def meets(self, total: float) -> bool:
        """Whether a holding of ``total`` per cent meets the threshold."""
        if self.inclusive:
            return total >= self.threshold - TOLERANCE
        return total > self.threshold + TOLERANCE

    @property
    def test(self) -> str:
        """The threshold in words: ``"50 % or more"``, ``"more than 50 %"``."""
        t = f"{self.threshold:g} %"
        return f"{t} or more" if self.inclusive else f"more than {t}"

    def with_aggregation(self, aggregate: bool) -> Rule:
        """The same rule with aggregation across designated persons on or off."""
        return replace(self, aggregate=aggregate)


SHARES = ("ownership", "branch", "consolidation")
"""Link kinds whose percentage is a holding of shares (a branch is its head office)."""
CONTROL = ("control", "director", "consolidation", "branch")
"""Link kinds that amount to control on their own under the EU and UK tests."""


def majority_or_control(
    authority: str, name: str, sources: tuple[str, ...], citation: str, aggregation: str
) -> Rule:
    """The EU and UK test: more than 50 % of the shares or of the voting rights, by
    one designated person directly or through entities that person owns or
    controls, or control (a majority of the board, a right to appoint or remove
    directors); the holdings of different designated persons are added only with
    aggregation on, which ``aggregation`` says when the guidance admits."""
    return Rule(
        authority=authority,
        name=name,
        sources=sources,
        threshold=50.0,
        inclusive=False,
        aggregate=False,
        share_kinds=SHARES,
        vote_kinds=("voting",),
        control_kinds=CONTROL,
        citation=citation,
        notes=(
            "holdings of different designated persons are added only with aggregation "
            f"on ({aggregation})",
        ),
    )


RULES: dict[str, Rule] = {
    "us": Rule(
        authority="us",
        name="US 50 % rule",
        sources=("us_ofac_sdn",),
        threshold=50.0,
        inclusive=True,
        aggregate=True,
        share_kinds=SHARES,
        vote_kinds=(),
        control_kinds=(),
        citation=OFAC_2014,
        notes=(
            "control without 50 % ownership does not block under the rule; OFAC urges "
            "caution (2014 revised guidance)",
            "percentages are not multiplied along a chain: an entity blocked under the "
            "rule counts with its full holdings (FAQ 401)",
        ),
    ),
    "eu": majority_or_control(
        "eu",
        "EU ownership and control test",
        sources=("eu_fsf",),
        citation=EU_BEST_PRACTICES,
        aggregation="assessed case by case",
    ),
    "uk": majority_or_control(
        "uk",
        "UK ownership and control test",
        sources=("uk_ofsi", "uk_fcdo"),
        citation=OFSI_GUIDANCE,
        aggregation="where they act jointly",
    ),
}
"""The rules, by authority key."""

AUTHORITY_NAMES = {"us": "OFAC", "eu": "the EU", "uk": "the UK"}


def rules(aggregate_eu: bool = False, aggregate_uk: bool = False) -> dict[str, Rule]:
    """The rules, with aggregation across persons switched on for the EU and/or UK
    if asked."""
    out = dict(RULES)
    if aggregate_eu:
        out["eu"] = out["eu"].with_aggregation(True)
    if aggregate_uk:
        out["uk"] = out["uk"].with_aggregation(True)
    return out


def rules_doc() -> str:
    """The rule table as Markdown (for ``docs/OWNERSHIP.md`` and ``--help``)."""
    lines = [
        "| authority | designating lists | test | aggregation | control counts | guidance |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        control = ", ".join(rule.control_kinds) if rule.control_kinds else "no"
        lines.append(
            f"| {rule.authority} | {', '.join(rule.sources)} | {rule.test} | "
            f"{'yes' if rule.aggregate else 'no (option)'} | {control} | {rule.citation} |"
        )
    return "\n".join(lines)
