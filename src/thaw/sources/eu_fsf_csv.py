"""EU Financial Sanctions Files, CSV 1.1 (source ``eu_fsf``, format ``csv``).

The same consolidated list as the XML 1.1 export, flattened by the Financial Sanctions
Database (``…/fsd/fsf/public/files/csvFullSanctionsList_1_1/content``) into a
semicolon-separated file with one row per detail of an entity: every row repeats the
entity columns (``Entity_*``) and fills one group of detail columns (``NameAlias_*``,
``Address_*``, ``BirthDate_*``, ``Identification_*`` or ``Citizenship_*``)::

    fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber;Entity_UnitedNationId;…
    28/10/2022;13;EU.27.28;;;;(UNSC RESOLUTION 1483);P;person;regulation;commission;…

The first column repeats the generation date (``dd/mm/yyyy``) on every row. Rows are
grouped by ``Entity_LogicalId``; each column group is handed, under the XML attribute
names, to the :class:`~thaw.sources.eu_fsf_xml.EntityBuilder` shared with the XML
reader, so both encodings of the same publication give identical records (except what
only the XML publishes: the ``strong`` flag of name aliases and contact details).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from thaw.model import PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, read_head, text_io
from thaw.sources.common import clean, parse_date
from thaw.sources.eu_fsf_xml import EntityBuilder

__all__ = ["EUFinancialSanctionsCSVReader", "CSV_COLUMNS"]

CSV_COLUMNS: tuple[str, ...] = (
    "fileGenerationDate",
    "Entity_LogicalId",
    "Entity_EU_ReferenceNumber",
    "Entity_UnitedNationId",
    "Entity_DesignationDate",
    "Entity_DesignationDetails",
    "Entity_Remark",
    "Entity_SubjectType",
    "Entity_SubjectType_ClassificationCode",
    "Entity_Regulation_Type",
    "Entity_Regulation_OrganisationType",
    "Entity_Regulation_PublicationDate",
    "Entity_Regulation_EntryIntoForceDate",
    "Entity_Regulation_NumberTitle",
    "Entity_Regulation_Programme",
    "Entity_Regulation_PublicationUrl",
    *(
        f"NameAlias_{c}"
        for c in (
            "LastName", "FirstName", "MiddleName", "WholeName", "NameLanguage", "Gender",
            "Title", "Function", "LogicalId", "RegulationLanguage", "Remark",
        )
    ),
    *(
        f"NameAlias_Regulation_{c}"
        for c in (
            "Type", "OrganisationType", "PublicationDate", "EntryIntoForceDate",
            "NumberTitle", "Programme", "PublicationUrl",
        )
    ),
    *(
        f"Address_{c}"
        for c in (
            "City", "Street", "PoBox", "ZipCode", "Region", "Place", "AsAtListingTime",
            "ContactInfo", "CountryIso2Code", "CountryDescription", "LogicalId",
            "RegulationLanguage", "Remark",
        )
    ),
    *(
        f"Address_Regulation_{c}"
        for c in (
            "Type", "OrganisationType", "PublicationDate", "EntryIntoForceDate",
            "NumberTitle", "Programme", "PublicationUrl",
        )
    ),
    *(
        f"BirthDate_{c}"
        for c in (
            "BirthDate", "Day", "Month", "Year", "YearRangeFrom", "YearRangeTo", "Circa",
            "CalendarType", "ZipCode", "Region", "Place", "City", "CountryIso2Code",
            "CountryDescription", "LogicalId", "RegulationLanguage", "Remark",
        )
    ),
    *(
        f"BirthDate_Regulation_{c}"
        for c in (
            "Type", "OrganisationType", "PublicationDate", "EntryIntoForceDate",
            "NumberTitle", "Programme", "PublicationUrl",
        )
    ),
    *(
        f"Identification_{c}"
        for c in (
            "Number", "Diplomatic", "KnownExpired", "KnownFalse", "ReportedLost",
            "RevokedByIssuer", "IssuedBy", "IssuedDate", "ValidFrom", "ValidTo",
            "LatinNumber", "NameOnDocument", "TypeCode", "TypeDescription", "Region",
            "CountryIso2Code", "CountryDescription", "LogicalId", "RegulationLanguage",
            "Remark",
        )
    ),
    *(
        f"Identification_Regulation_{c}"
        for c in (
            "Type", "OrganisationType", "PublicationDate", "EntryIntoForceDate",
            "NumberTitle", "Programme", "PublicationUrl",
        )
    ),
    *(
        f"Citizenship_{c}"
        for c in (
            "Region", "CountryIso2Code", "CountryDescription", "LogicalId",
            "RegulationLanguage", "Remark",
        )
    ),
    *(
        f"Citizenship_Regulation_{c}"
        for c in (
            "Type", "OrganisationType", "PublicationDate", "EntryIntoForceDate",
            "NumberTitle", "Programme", "PublicationUrl",
        )
    ),
)  # fmt: skip
"""The CSV 1.1 header, in the order the EU publishes it."""

_RENAMES: dict[str, str] = {
    "Entity_EU_ReferenceNumber": "euReferenceNumber",
    "Entity_UnitedNationId": "unitedNationId",
    "Entity_Regulation_Type": "regulationType",
    "BirthDate_BirthDate": "birthdate",
    "BirthDate_Day": "dayOfMonth",
    "BirthDate_Month": "monthOfYear",
    "Identification_TypeCode": "identificationTypeCode",
    "Identification_TypeDescription": "identificationTypeDescription",
}
_GROUPS = ("NameAlias", "Address", "BirthDate", "Identification", "Citizenship")


def _attr_name(column: str) -> str:
    """``NameAlias_WholeName`` → ``wholeName`` (the XML 1.1 attribute name)."""
    if column in _RENAMES:
        return _RENAMES[column]
    name = column.split("_", 1)[1]
    if name.startswith("Regulation_"):
        name = name.removeprefix("Regulation_")
    return name[:1].lower() + name[1:]


class EUFinancialSanctionsCSVReader(Reader):
    """Reader of the EU Financial Sanctions Files, CSV 1.1 (semicolon-separated)."""

    source: ClassVar[str] = "eu_fsf"
    format: ClassVar[str] = "csv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
        return b"Entity_LogicalId" in first and b";" in first

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        if not read_head(path).strip():
            raise SourceError(path, "file is empty", "line 1")
        stream = text_io(path)
        reader = csv.reader(stream, delimiter=";", quotechar='"')
        try:
            header = next(reader)
        except StopIteration:
            raise SourceError(path, "file is empty", "line 1") from None
        except csv.Error as exc:
            raise SourceError(path, f"malformed CSV: {exc}", "line 1") from exc
        header = [h.strip() for h in header]
        if "Entity_LogicalId" not in header:
            raise SourceError(path, "not an EU sanctions CSV: no Entity_LogicalId column", "line 1")
        plan = _column_plan(header)
        id_index = header.index("Entity_LogicalId")
        date_index = header.index("fileGenerationDate") if "fileGenerationDate" in header else None
        groups: dict[str, list[tuple[int, list[str]]]] = {}
        published: str | None = None
        width = len(header)
        try:
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > width and any(c.strip() for c in row[width:]):
                    raise SourceError(
                        path,
                        f"{len(row)} fields where the header has {width}",
                        f"line {line}",
                    )
                if len(row) < width:
                    row = row + [""] * (width - len(row))
                logical_id = clean(row[id_index])
                if not logical_id:
                    raise SourceError(path, "row without Entity_LogicalId", f"line {line}")
                if published is None and date_index is not None:
                    published = parse_date(row[date_index])
                groups.setdefault(logical_id, []).append((line, row))
        except csv.Error as exc:
            raise SourceError(path, f"malformed CSV: {exc}", f"line {reader.line_num}") from exc
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, self._records(path, groups, plan))

    def _records(
        self,
        path: Path,
        groups: dict[str, list[tuple[int, list[str]]]],
        plan: list[tuple[int, str, str]],
    ) -> Iterator[Record]:
        width = max((i for i, _, _ in plan), default=-1) + 1
        entity_columns = [i for i, group, _ in plan if group in ("Entity", "Entity_Regulation")]
        entity_lookup: list[tuple[str, str] | None] = [None] * width
        detail_lookup: list[tuple[str, str] | None] = [None] * width
        for index, group, attr in plan:
            target = entity_lookup if index in entity_columns else detail_lookup
            target[index] = (group, attr)
        for logical_id, rows in groups.items():
            builder = EntityBuilder(self.source, logical_id)
            entity_seen: set[tuple[str, ...]] = set()
            for _, row in rows:
                entity_values = tuple(row[i] for i in entity_columns)
                if entity_values not in entity_seen:  # repeated on every row: once suffices
                    entity_seen.add(entity_values)
                    _apply(builder, row, entity_lookup)
                _apply(builder, row, detail_lookup)
            record = builder.build()
            if not record.names:
                raise SourceError(
                    path, f"sanction entity {logical_id} has no name", f"line {rows[0][0]}"
                )
            yield record


def _column_plan(header: list[str]) -> list[tuple[int, str, str]]:
    """``(index, group, XML attribute)`` for every column the builder uses; the
    ``*_Regulation_*`` columns of a detail (its regulation) are left out."""
    plan: list[tuple[int, str, str]] = []
    for index, column in enumerate(header):
        if "_" not in column:
            continue
        group = column.split("_", 1)[0]
        if column.startswith("Entity_Regulation_"):
            plan.append((index, "Entity_Regulation", _attr_name(column)))
        elif group == "Entity" or (
            group in _GROUPS and not column.startswith(f"{group}_Regulation_")
        ):
            plan.append((index, group, _attr_name(column)))
    return plan


def _apply(builder: EntityBuilder, row: list[str], lookup: list[tuple[str, str] | None]) -> None:
    """Hand the non-empty cells of ``row`` that ``lookup`` maps (column index →
    ``(group, XML attribute)``) to ``builder``, group by group."""
    parts: dict[str, dict[str, str | None]] = {}
    for index in [i for i, value in enumerate(row[: len(lookup)]) if value]:
        entry = lookup[index]
        if entry is not None and not row[index].isspace():
            parts.setdefault(entry[0], {})[entry[1]] = row[index]
    if (entity := parts.get("Entity")) is not None:
        builder.set_entity(entity)
        builder.set_subject_type(
            entity.get("subjectType"), entity.get("subjectType_ClassificationCode")
        )
    if attrs := parts.get("Entity_Regulation"):
        builder.add_regulation(attrs)
    if attrs := parts.get("NameAlias"):
        builder.add_name(attrs)
    if attrs := parts.get("Address"):
        builder.add_address(attrs)
    if attrs := parts.get("BirthDate"):
        builder.add_birth(attrs)
    if attrs := parts.get("Identification"):
        builder.add_identification(attrs)
    if attrs := parts.get("Citizenship"):
        builder.add_citizenship(attrs)
