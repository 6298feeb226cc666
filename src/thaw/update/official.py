"""Where each authority publishes its list: the official download URLs per source.

Every source has one or more :class:`Variant` s, tried in order: a variant is one
complete publication (a single file, or a main file and its companions such as
OFAC's ``sdn.csv`` + ``add.csv`` + ``alt.csv`` + ``sdn_comments.csv``). The next
variant is tried when a variant cannot be downloaded or is not in a format thaw
reads; a variant that downloads and reads but fails the load checks is final.

Files are saved under their :attr:`RemoteFile.name`, the authority's own file name
(prefixed with the authority where a reader needs it named), because some formats are
recognised by name as well as by content (OFAC's ``sdn.csv`` has no header row).

A mirror (``--base-url`` / ``$THAW_MIRROR``) stands in for all official hosts: the
file ``NAME`` of source ``SOURCE`` is then fetched from ``<base>/SOURCE/NAME``, or
from the base taken as a template when it contains ``{source}`` / ``{name}``.

The URLs were checked against the authorities' pages and current public usage; when
an authority moves a file, changing this table is the whole fix.
"""

from __future__ import annotations

from dataclasses import dataclass

OFAC = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
EU_TOKEN = "token=dG9rZW4tMjAxNw"  # the public token of the EU FSF download links
EU = "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
OFSI = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/"
CA = (
    "https://www.international.gc.ca/world-monde/assets/office_docs/"
    "international_relations-relations_internationales/sanctions/"
)


@dataclass(frozen=True, slots=True)
class RemoteFile:
    """One file to fetch: its local ``name`` and its official ``url``; ``mirrors``
    are further official locations tried when the first fails."""

    name: str
    url: str
    mirrors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Variant:
    """One complete publication: the main file first, then its companions."""

    label: str
    files: tuple[RemoteFile, ...]

    @property
    def main(self) -> RemoteFile:
        return self.files[0]


@dataclass(frozen=True, slots=True)
class OfficialSource:
    """A source's authority, the page that documents the download, and its variants."""

    source: str
    title: str
    page: str
    variants: tuple[Variant, ...]


def _one(label: str, name: str, url: str, *mirrors: str) -> Variant:
    return Variant(label, (RemoteFile(name, url, tuple(mirrors)),))


OFFICIAL: dict[str, OfficialSource] = {
    s.source: s
    for s in (
        OfficialSource(
            "us_ofac_sdn",
            "US Treasury OFAC, Specially Designated Nationals (SDN) List",
            "https://ofac.treasury.gov/sanctions-list-service",
            (
                _one("legacy XML", "sdn.xml", OFAC + "SDN.XML"),
                _one("enhanced XML", "sdn_enhanced.xml", OFAC + "SDN_ENHANCED.XML"),
                Variant(
                    "legacy CSV set",
                    (
                        RemoteFile("sdn.csv", OFAC + "SDN.CSV"),
                        RemoteFile("add.csv", OFAC + "ADD.CSV"),
                        RemoteFile("alt.csv", OFAC + "ALT.CSV"),
                        RemoteFile("sdn_comments.csv", OFAC + "SDN_COMMENTS.CSV"),
                    ),
                ),
            ),
        ),
        OfficialSource(
            "us_ofac_cons",
            "US Treasury OFAC, Consolidated (non-SDN) List",
            "https://ofac.treasury.gov/sanctions-list-service",
            (
                _one("legacy XML", "consolidated.xml", OFAC + "CONSOLIDATED.XML"),
                _one("enhanced XML", "cons_enhanced.xml", OFAC + "CONS_ENHANCED.XML"),
                Variant(
                    "legacy CSV set",
                    (
                        RemoteFile("cons_prim.csv", OFAC + "CONS_PRIM.CSV"),
                        RemoteFile("cons_add.csv", OFAC + "CONS_ADD.CSV"),
                        RemoteFile("cons_alt.csv", OFAC + "CONS_ALT.CSV"),
                        RemoteFile("cons_comments.csv", OFAC + "CONS_COMMENTS.CSV"),
                    ),
                ),
            ),
        ),
        OfficialSource(
            "us_trade_csl",
            "US Department of Commerce (ITA), Consolidated Screening List",
            "https://www.trade.gov/consolidated-screening-list",
            (
                _one(
                    "CSV",
                    "consolidated.csv",
                    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
                ),
            ),
        ),
        OfficialSource(
            "us_bis_dpl",
            "US Department of Commerce (BIS), Denied Persons List",
            "https://www.bis.gov/licensing/guidance-on-end-user-and-end-use-controls-and-us-person-controls/denied-persons-list",
            (
                _one(
                    "tab-separated text",
                    "dpl.txt",
                    "https://www.bis.doc.gov/dpl/dpl.txt",
                    "https://media.bis.gov/dpl/dpl.txt",
                ),
            ),
        ),
        OfficialSource(
            "un_sc",
            "UN Security Council, Consolidated List",
            "https://www.un.org/securitycouncil/content/un-sc-consolidated-list",
            (
                _one(
                    "XML",
                    "consolidated.xml",
                    "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                ),
            ),
        ),
        OfficialSource(
            "eu_fsf",
            "European Union, Financial Sanctions Files (consolidated list)",
            "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions",
            (
                _one(
                    "XML 1.1",
                    "xmlFullSanctionsList_1_1.xml",
                    f"{EU}xmlFullSanctionsList_1_1/content?{EU_TOKEN}",
                ),
                _one(
                    "CSV 1.1",
                    "csvFullSanctionsList_1_1.csv",
                    f"{EU}csvFullSanctionsList_1_1/content?{EU_TOKEN}",
                ),
            ),
        ),
        OfficialSource(
            "uk_ofsi",
            "UK HM Treasury (OFSI), Consolidated List of Financial Sanctions Targets "
            "(closed by OFSI on 28 January 2026 in favour of the UK Sanctions List)",
            "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets",
            (
                _one("XML (2022 format)", "ConList.xml", OFSI + "ConList.xml"),
                _one("CSV (2022 format)", "ConList.csv", OFSI + "ConList.csv"),
                _one("XLSX (2022 format)", "ConList.xlsx", OFSI + "ConList.xlsx"),
            ),
        ),
        OfficialSource(
            "uk_fcdo",
            "UK Foreign, Commonwealth & Development Office, UK Sanctions List",
            "https://www.gov.uk/government/publications/the-uk-sanctions-list",
            (
                _one(
                    "XML",
                    "UK-Sanctions-List.xml",
                    "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
                    "https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
                ),
                _one(
                    "CSV",
                    "UK-Sanctions-List.csv",
                    "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv",
                    "https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.csv",
                ),
            ),
        ),
        OfficialSource(
            "ca_sema",
            "Global Affairs Canada, Consolidated Canadian Autonomous Sanctions List",
            "https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx?lang=eng",
            (_one("XML", "sema-lmes.xml", CA + "sema-lmes.xml"),),
        ),
        OfficialSource(
            "au_dfat",
            "Australia DFAT (Australian Sanctions Office), Consolidated List",
            "https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list",
            (
                _one(
                    "XLSX",
                    # saved with the authority named: the reader recognises DFAT workbooks
                    # by name ("dfat", or the former "regulation8_consolidated.xlsx")
                    "dfat_Australian_Sanctions_Consolidated_List.xlsx",
                    "https://www.dfat.gov.au/sites/default/files/Australian_Sanctions_Consolidated_List.xlsx",
                    "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx",
                ),
            ),
        ),
        OfficialSource(
            "ch_seco",
            "Switzerland SECO, Sanctions list (consolidated XML)",
            "https://www.seco.admin.ch/seco/en/home/Aussenwirtschaftspolitik_Wirtschaftliche_Zusammenarbeit/Wirtschaftsbeziehungen/exportkontrollen-und-sanktionen/sanktionen-embargos.html",
            (
                _one(
                    "XML",
                    "consolidated-list.xml",
                    "https://www.sesam.search.admin.ch/sesam-search-web/pages/"
                    "downloadXmlGesamtliste.xhtml?lang=en&action=downloadXmlGesamtlisteAction",
                ),
            ),
        ),
    )
}
"""The official download locations, by source name."""


def mirror_url(base: str, source: str, name: str) -> str:
    """The URL of file ``name`` of ``source`` on a mirror: ``<base>/<source>/<name>``,
    or ``base`` formatted when it contains ``{source}`` or ``{name}``."""
    if "{source}" in base or "{name}" in base:
        return base.replace("{source}", source).replace("{name}", name)
    return f"{base.rstrip('/')}/{source}/{name}"


def urls_for(source: str, file: RemoteFile, base_url: str | None = None) -> list[str]:
    """The URLs to try for one file, in order (only the mirror when one is set)."""
    if base_url:
        return [mirror_url(base_url, source, file.name)]
    return [file.url, *file.mirrors]
