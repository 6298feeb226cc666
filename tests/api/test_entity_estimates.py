"""An entity (``GET /entities/{id}``, and every scored result built from it) names
the birth years an authority published as an estimate in ``birth_estimates``."""

from __future__ import annotations

from pathlib import Path

from tests.api.conftest import build_home
from tests.update.test_reread import _publication
from thaw.api.engine import Snapshot
from thaw.api.entities import entity, party_keys
from thaw.store import Store


def test_entity_names_circa_birth_years(tmp_path: Path) -> None:
    listings = [("Ivan Exemplar", "1965", "true"), ("Pavel Sample", "1970", "false")]
    folder = tmp_path / "eu" / "2024-03-15"
    home = build_home(tmp_path / "home", _publication(folder, "2024-03-15", listings))
    snapshot = Snapshot.build(home)
    try:
        with Store(home) as store:
            pid, keys = party_keys(snapshot, "eu_fsf:501")
            circa = entity(snapshot, store, pid or "eu_fsf:501", keys)
            pid, keys = party_keys(snapshot, "eu_fsf:601")
            exact = entity(snapshot, store, pid or "eu_fsf:601", keys)
    finally:
        snapshot.pool.close()
    assert circa.properties["birthDate"] == ["1965"]
    assert circa.birth_estimates == ["1965"]
    assert circa.model_dump(by_alias=True)["birth_estimates"] == ["1965"]
    assert exact.properties["birthDate"] == ["1970"]
    assert exact.birth_estimates == []
