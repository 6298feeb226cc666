"""The twelfth to fourteenth analyst sets (``tests/fixtures/match/analyst_queries12.csv``,
``analyst_queries13.csv``, ``analyst_queries14.csv``) screened on the real lists as
``benchmarks/analyst_queries.py --set 12`` (``13``, ``14``) screens them: their figures
may only get better than those of their first screening, the bounds here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.realdata

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "analyst_queries.py"

#: Per half: the most negatives alerting, the fewest positives whose party is
#: the first hit, the fewest found at all (the set's first screening: dev 4
#: alerts of 40, 23 and 26 of 26; held 10 of 42, 38 and 39 of 39; on the
#: suite's home, whose profiles leave un_sc:YEi.009 apart from OFAC's listing
#: of the same man, "Yousef al-Madani" finds that listing second: 22).
BOUNDS = {"dev": (4, 22, 26), "held": (10, 38, 39)}


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("analyst_queries", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclass looks its module up)
    spec.loader.exec_module(module)
    return module


#: The thirteenth set's figures on the suite's home when this test was written
#: (after three negatives whose premise was wrong were dropped, and with
#: name_shape's *common later given name only*): dev 2 alerts of 52, 37 and 37
#: of 37; held 4 of 49, 28 and 29 of 29. The suite's home holds listings a
#: loaded store does not ('Zulkefli bin Yusuf', 'Young Su Kim', 'Kevin Zhang'),
#: which some negatives meet; on a store loaded from the lists, dev 0 of 52, held
#: 3 of 49.
BOUNDS_13 = {"dev": (2, 37, 37), "held": (4, 28, 29)}


#: The fourteenth set's figures at its first screening (West African, South and
#: Central Asian, Caucasian, Balkan, Vietnamese, Filipino and Somali names, written
#: before it was screened): on a loaded store, dev 0 alerts of 60, 32 and 32 of
#: 32; held 3 of 45, 37 and 37 of 38.
BOUNDS_14 = {"dev": (0, 32, 32), "held": (3, 37, 37)}


@pytest.mark.parametrize(("name", "bounds"), [("12", BOUNDS), ("13", BOUNDS_13), ("14", BOUNDS_14)])
def test_the_set_is_no_worse_than_first_screened(
    real_profiles_home: Path, name: str, bounds: dict[str, tuple[int, int, int]]
) -> None:
    bench = _benchmark()
    outcomes = bench.screen_all(real_profiles_home, bench.read_queries(bench.SETS[name]))
    for half, (alerts, top1, found) in bounds.items():
        mine = [o for o in outcomes if o.row["half"] == half]
        negatives = [o for o in mine if o.negative]
        positives = [o for o in mine if not o.negative]
        alerting = [o.row["query"] for o in negatives if o.hits]
        assert len(alerting) <= alerts, (half, alerting)
        misses = [(o.row["query"], o.rank, o.top) for o in positives if o.rank != 1]
        assert len(positives) - len(misses) >= top1, (half, misses)
        assert sum(o.rank > 0 for o in positives) >= found, (half, misses)
