"""The pydantic screening models give exactly the JSON of the screening contract,
so that ``thaw screen --json``, ``screen-file`` lines and the API cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

from tests.api.conftest import UN_LIST, build_home
from tests.cli._cli import ok
from tests.update.test_reread import _publication
from thaw.profiles.screening import PartyScreener
from thaw.schemas import HitModel, ScreenResultModel


def test_models_match_the_dataclass_contract(tmp_path: Path) -> None:
    home = build_home(tmp_path / "home", UN_LIST)
    screener = PartyScreener(home)
    seen_profile = False
    for name in ("Andrei Petrovich Volkov", "Nobody Atall", "Kim"):
        result = screener.screen(name, threshold=0.5, id="c-1")
        as_model = ScreenResultModel.of(result).to_dict()
        assert as_model == result.to_dict()
        assert json.dumps(as_model, ensure_ascii=False) == json.dumps(
            result.to_dict(), ensure_ascii=False
        )
        seen_profile |= any("profile_id" in h for h in as_model["hits"])
    assert seen_profile  # the optional field is written when set


def test_cli_json_is_the_model(tmp_path: Path) -> None:
    home = build_home(tmp_path / "home", UN_LIST)
    out = json.loads(ok("screen", "Andrei Petrovich Volkov", "--home", home, "--json").out)
    assert ScreenResultModel.model_validate(out).to_dict() == out
    assert out["hits"] and "decision" not in out["hits"][0]


def test_hit_model_writes_decision_only_when_set() -> None:
    hit = HitModel(
        score=0.9, schema="Person", name="A", matched_name="A", listings=[], explanation=""
    )
    assert "decision" not in hit.model_dump(by_alias=True)
    assert hit.model_copy(update={"decision": "reopened"}).model_dump()["decision"] == "reopened"


def test_a_listing_names_its_circa_birth_years(tmp_path: Path) -> None:
    """A hit's listing says which of its birth years are published as estimates;
    the model and the dataclass write the same JSON, and the key only when set."""
    listings = [("Ivan Exemplar", "1965", "true"), ("Pavel Sample", "1970", "false")]
    folder = tmp_path / "eu" / "2024-03-15"
    home = build_home(tmp_path / "home", _publication(folder, "2024-03-15", listings))
    screener = PartyScreener(home)
    circa = screener.screen("Ivan Exemplar", threshold=0.5).to_dict()
    assert circa["hits"][0]["listings"][0]["birth_estimates"] == ["1965"]
    exact = screener.screen("Pavel Sample", threshold=0.5)
    assert "birth_estimates" not in exact.to_dict()["hits"][0]["listings"][0]
    for result in (screener.screen("Ivan Exemplar", threshold=0.5), exact):
        as_model = ScreenResultModel.of(result).to_dict()
        assert as_model == result.to_dict()
        assert ScreenResultModel.model_validate(as_model).to_dict() == as_model
