"""JSON lines handed to the decisions pass (``apply_to_lines``) and the ownership
annotator (``annotate_line``) are parsed by thaw's one parser for JSON from
outside: a line nested past Python's recursion limit is a clear error naming the
line, never a ``RecursionError``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from thaw.decisions.batch import apply_to_lines
from thaw.ownership.annotate import OwnershipAnnotator

DEEP = "[" * 100_000 + "]" * 100_000


class _NoDecisions:
    """A judge with no decision for anyone (the lines are what is tested)."""

    def of(self, customer: object) -> dict[str, object]:
        return {}


def _apply(lines: str, tmp_path: Path) -> str:
    (tmp_path / "in.csv").write_text("id,name\nc1,Jane Doe\n")
    out = io.StringIO()
    apply_to_lines(tmp_path / "in.csv", "csv", io.StringIO(lines), out, _NoDecisions())  # type: ignore[arg-type]
    return out.getvalue()


def test_a_deep_results_line_is_an_error_with_its_line(tmp_path: Path) -> None:
    good = '{"row":1,"id":"c1","hits":[]}\n'
    assert _apply(good, tmp_path) == good
    with pytest.raises(ValueError, match=r"^results line 3: not JSON \(nested too deeply\)$"):
        _apply(good + "\n" + DEEP + "\n", tmp_path)


def test_a_results_line_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^results line 1: not a JSON object$"):
        _apply("[1, 2]\n", tmp_path)
    with pytest.raises(ValueError, match=r"^results line 1: not JSON"):
        _apply("{oops\n", tmp_path)


def test_the_ownership_annotator_refuses_a_deep_line(tmp_path: Path) -> None:
    annotator = OwnershipAnnotator(tmp_path)  # no store: inactive, every line still parsed
    assert annotator.annotate_line('{"name":"Jane"}') == '{"name":"Jane","ownership":[]}'
    with pytest.raises(ValueError, match=r"^not JSON \(nested too deeply\)$"):
        annotator.annotate_line(DEEP)
