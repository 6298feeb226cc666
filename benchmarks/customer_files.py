"""Alert rates on customer files of people on no list, and UN recall (scoring view).

Usage::

    python benchmarks/customer_files.py [--home DIR] [--limit N] [--show 20] [--quick]
    python benchmarks/customer_files.py --shapes [--limit 5000] [--home DIR]

(``--quick``: the as-given view only, for iterating.) CPU seconds are printed
with each figure.

``--shapes`` writes the files again as banks export them (:data:`SHAPES`: German,
French, Russian and US headers; semicolons, tabs, a BOM, Windows-1252 and
UTF-16; dates as ``DD.MM.YYYY``, ``MM/DD/YYYY`` or Excel cells; genders and
countries as those files write them) and screens each through ``thaw
screen-file``'s reading (:func:`thaw.screen.batch.screen_file`): every shape
must alert on the same share of negatives and find every UN positive, as the
file as given does.

Screens ``negatives_global_dev.csv`` and ``negatives_us.csv`` (people on no list)
and ``positives_un.csv`` (people and entities on the UN list) with the facts of
each row in two ways: *as given*, through ``thaw screen-file``'s own row checks
(its columns, no schema flag: these rows carry a gender and a date of birth, so
they screen as persons; the target is measured this way), and with no schema
(what the matcher alone makes of an unknown party with the same facts). Prints
the share
of rows alerting (at least one hit at the default threshold), the recall of UN
positives (the row's own listing among the hits) and the most frequent causes
of alerts, for review. The targets: at most 0.5 % of negatives alerting, every
UN positive found.
"""

from __future__ import annotations

import argparse
import collections
import csv
import dataclasses
import os
import resource
import sys
import time
from pathlib import Path

from thaw.match import Query
from thaw.screen import NoListsLoaded, Screener
from thaw.screen.batch import check_fields

BENCH = Path(os.environ.get("THAW_SHARED", Path(__file__).resolve().parents[2] / "shared"))
BENCH = BENCH / "data" / "bench"


def query_of(row: dict[str, str], schema: str | None) -> Query:
    """The row as a query. ``schema`` ``"given"``: exactly as ``thaw screen-file``
    reads the row (its columns, no schema flag: a row with a gender, a date of
    birth or name-part columns is a Person), through the file command's own row
    checks; otherwise the same facts with that schema (``None``: unknown)."""
    fields = {k: v for k, v in row.items() if v}
    query, _ident, _problems = check_fields(fields)
    if query is None:
        raise SystemExit(f"row refused by screen-file: {row}")
    if schema == "given":
        return query
    return dataclasses.replace(query, schema=schema)


def read(name: str, limit: int | None) -> list[dict[str, str]]:
    with (BENCH / name).open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _view(schema: str | None) -> str:
    return "as given" if schema == "given" else f"schema {schema or 'none'}"


def alerts(screener: Screener, rows: list[dict[str, str]], schema: str | None, show: int) -> None:
    alerted = 0
    causes: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    t0 = time.perf_counter()
    c0 = _cpu()
    for row in rows:
        result = screener.screen_query(query_of(row, schema))
        if result.hits:
            alerted += 1
            hit = result.hits[0]
            causes[hit.matched_name] += 1
            if len(examples) < show:
                examples.append(
                    f"    {hit.score:.2f} {row['full_name']!r} ~ {hit.matched_name!r}"
                    f" [{hit.schema}] {hit.explanation[:140]}"
                )
    took = time.perf_counter() - t0
    cpu = _cpu() - c0
    print(
        f"  {_view(schema):9}: {alerted}/{len(rows)} rows alert"
        f" ({100 * alerted / max(len(rows), 1):.2f} %), {len(rows) / took:,.0f} rows/s,"
        f" {cpu:.1f} CPU s"
    )
    if show:
        print("    most frequent matched names:", causes.most_common(8))
        print("\n".join(examples))


def recall(screener: Screener, rows: list[dict[str, str]], schema: str | None) -> None:
    found = 0
    misses: list[str] = []
    for row in rows:
        name = row["full_name"].strip().lower()
        result = screener.screen_query(query_of(row, schema))
        if any(
            h.name.lower() == name
            or h.matched_name.lower() == name
            or any(listing.source == "un_sc" for listing in h.listings)
            and h.score >= 0.9
            for h in result.hits
        ):
            found += 1
        else:
            misses.append(row["full_name"])
    print(f"  {_view(schema):9}: UN positives found {found}/{len(rows)}")
    for miss in misses[:10]:
        print(f"    miss: {miss}")


@dataclasses.dataclass(frozen=True)
class Shape:
    """A way a bank exports a customer file."""

    suffix: str
    headers: tuple[str, str, str, str, str, str]
    """id, name, date of birth, gender, country, and a column thaw ignores."""
    date: str
    """``strftime`` form of a full date; ``excel``: a date cell of a workbook."""
    genders: tuple[str, str]
    country: str
    """``iso2``, ``iso3`` or ``name``."""
    delimiter: str = ","
    encoding: str = "utf-8"
    title: str | None = None


SHAPES = {
    "eu": Shape(
        "csv",
        ("Customer ID", "Customer Name", "Date of Birth", "Sex", "Nationality", "Branch"),
        "%d/%m/%Y", ("M", "F"), "iso3", ";", "utf-8-sig",
    ),
    "de": Shape(
        "csv",
        ("Kundennummer", "Vollständiger Name", "Geburtsdatum", "Geschlecht",
         "Staatsangehörigkeit", "Filiale"),
        "%d.%m.%Y", ("männlich", "weiblich"), "name", ";", "utf-8", "Kundenliste",
    ),
    "fr": Shape(
        "txt",
        ("N° client", "Nom complet", "Date de naissance", "Sexe", "Nationalité", "Agence"),
        "%d/%m/%Y", ("Masculin", "Féminin"), "iso2", "\t", "utf-16",
    ),
    "ru": Shape(
        "csv",
        ("Номер клиента", "ФИО", "Дата рождения", "Пол", "Гражданство", "Филиал"),
        "%d.%m.%Y", ("мужской", "женский"), "iso3",
    ),
    "us": Shape(
        "csv",
        ("Reference", "Full Name", "DOB", "Gender", "Citizenship", "Account Opened"),
        "%m/%d/%Y", ("Male", "Female"), "name", "|",
    ),
    "xlsx": Shape(
        "xlsx",
        ("Client ID", "Name", "Birth Date", "Sex", "Country", "Notes"),
        "excel", ("M", "F"), "iso2", title="Client list",
    ),
}  # fmt: skip
"""The shapes ``--shapes`` writes each file in."""


def _country(code: str, form: str) -> str:
    if not code or form == "iso2":
        return code.upper()
    from rigour.territories import get_territory

    territory = get_territory(code)
    if territory is None:
        return code.upper()
    if form == "iso3":
        return (territory.alpha3 or code).upper()
    return territory.name


def _date(value: str, form: str) -> object:
    import datetime as dt

    if len(value) != 10:  # a year, or a year and month: as a bank would write them
        return value if len(value) != 7 else f"{value[5:]}/{value[:4]}"
    date = dt.date.fromisoformat(value)
    return dt.datetime(date.year, date.month, date.day) if form == "excel" else date.strftime(form)


def write_shape(rows: list[dict[str, str]], shape: Shape, path: Path) -> None:
    """``rows`` (the bench files' columns) written as ``shape`` at ``path``."""
    records = []
    for i, row in enumerate(rows, start=1):
        gender = {"male": shape.genders[0], "female": shape.genders[1]}.get(
            row["gender"].lower(), row["gender"]
        )
        records.append(
            [
                f"C{i:06d}",
                row["full_name"],
                _date(row["date_of_birth"], shape.date),
                gender,
                _country(row["nationality"], shape.country),
                "x",
            ]
        )
    if shape.suffix == "xlsx":
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        if shape.title:
            sheet.append([shape.title])
        sheet.append(list(shape.headers))
        for record in records:
            sheet.append(record)
        book.save(path)
        return
    delimiter = shape.delimiter
    with path.open("w", encoding=shape.encoding, newline="", errors="replace") as fh:
        if shape.title:
            fh.write(shape.title + delimiter * 5 + "\r\n")
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(shape.headers)
        writer.writerows(records)


def shapes(screener: Screener, args: argparse.Namespace) -> None:
    """Screen the files in each of :data:`SHAPES` (see the module docs)."""
    import io
    import json
    import tempfile

    from thaw.screen.batch import screen_file

    files = [("negatives_us.csv", False), ("negatives_global_dev.csv", False)]
    files.append(("positives_un.csv", True))
    with tempfile.TemporaryDirectory() as tmp:
        for name, positives in files:
            rows = read(name, None if positives else args.limit)
            print(f"{name} ({len(rows):,} rows):")
            for key, shape in SHAPES.items():
                path = Path(tmp) / f"{key}.{shape.suffix}"
                write_shape(rows, shape, path)
                out = io.StringIO()
                c0 = _cpu()
                summary = screen_file(path, out, screener, workers=1)
                results = [json.loads(line) for line in out.getvalue().splitlines()]
                cpu = _cpu() - c0
                said = f"{summary.screened}/{len(rows)} screened, {summary.warnings} warnings"
                if positives:
                    found = sum(
                        1
                        for row, result in zip(rows, results, strict=True)
                        if any(
                            h["name"].lower() == row["full_name"].strip().lower()
                            or h["matched_name"].lower() == row["full_name"].strip().lower()
                            or any(x["source"] == "un_sc" for x in h["listings"])
                            and h["score"] >= 0.9
                            for h in result["hits"]
                        )
                    )
                    figure = f"UN positives found {found}/{len(rows)}"
                else:
                    alerted = sum(1 for r in results if r["hits"])
                    figure = f"{alerted}/{len(rows)} alert ({100 * alerted / len(rows):.2f} %)"
                print(f"  {key:5}: {figure}; {said}; {cpu:.1f} CPU s")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="the as-given view only")
    parser.add_argument(
        "--shapes", action="store_true", help="the files as banks export them (see SHAPES)"
    )
    parser.add_argument(
        "--files", default="global,us,un", help="which files: global, us, un (comma-separated)"
    )
    args = parser.parse_args(argv)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    views: tuple[str | None, ...] = ("given",) if args.quick else ("given", None)
    wanted = set(args.files.split(","))
    try:
        screener = Screener(args.home)
    except NoListsLoaded as exc:
        # (a benchmark refuses an empty store as screening does: "0 alerts"
        # against nothing would look like a result)
        print(exc)
        return 2
    if args.shapes:
        shapes(screener, args)
        print(f"total {_cpu():.1f} CPU s")
        return 0
    for key, name in (("global", "negatives_global_dev.csv"), ("us", "negatives_us.csv")):
        if key not in wanted:
            continue
        rows = read(name, args.limit)
        print(f"{name}:")
        for schema in views:
            alerts(screener, rows, schema, args.show)
    if "un" in wanted:
        rows = read("positives_un.csv", None)
        print("positives_un.csv:")
        for schema in views:
            recall(screener, rows, schema)
    print(f"total {_cpu():.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
