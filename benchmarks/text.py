"""Text screening speed: megabytes of prose per second on one core, after start-up.

Usage::

    python benchmarks/text.py [--home DIR] [--megabytes 2]

With ``--home`` it uses an existing store; otherwise it loads the newest
publication of every source under ``../shared/data/lists`` into a temporary one.
The corpus is built from the shared news article and the project's own text
fixtures, shuffled paragraph by paragraph and mixed with filler prose full of
capitalised words that are not listed parties (the hard case: every capitalised
run must be looked at). It reports start-up time, throughput, parties found and
peak RSS, and checks that the article's parties are still found in the corpus.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import LISTS, NEWEST, SHARED  # noqa: E402

from thaw.profiles.screening import PartyScreener  # noqa: E402
from thaw.screen.text import TextScreener  # noqa: E402
from thaw.sources import plan  # noqa: E402
from thaw.store import Store, load  # noqa: E402

FILLER = [
    "The Board of Directors met in Geneva on Monday to review the Annual Report.",
    "Analysts at Morgan Stanley and Goldman Sachs expect the Federal Reserve to hold rates.",
    "Maria Gonzalez, a teacher from Madrid, said the new School Year started smoothly.",
    "Shipping through the Suez Canal resumed after the Egyptian Authority cleared the route.",
    "According to the World Bank, growth in Southeast Asia will slow to Four Percent.",
    "The Tour de France passed through Lyon, where Pierre Dubois won the Stage.",
    "Apple, Microsoft and Amazon reported results; the Nasdaq Composite rose slightly.",
    "Professor John Williams of Oxford University presented the findings in London.",
]


def corpus(megabytes: float, seed: int = 7) -> str:
    """About ``megabytes`` of mixed prose (see the module docs)."""
    rng = random.Random(seed)
    paragraphs = [(SHARED.parent / "examples" / "news-article-dmitriev.txt").read_text()]
    for path in sorted((ROOT / "tests" / "fixtures" / "texts").glob("*.txt")):
        paragraphs.extend(p for p in path.read_text().split("\n\n") if p.strip())
    out: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        chunk = rng.choice(paragraphs) if rng.random() < 0.25 else " ".join(rng.sample(FILLER, 4))
        out.append(chunk)
        size += len(chunk.encode()) + 2
    return "\n\n".join(out)


def ensure_home(home: Path | None) -> Path:
    if home is not None:
        return home
    home = Path(tempfile.mkdtemp(prefix="thaw-bench-text-"))
    with Store(home) as store:
        for job in plan([LISTS / name for name in NEWEST]):
            load(store, job)
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path)
    parser.add_argument("--megabytes", type=float, default=2.0)
    args = parser.parse_args()
    home = ensure_home(args.home)
    t0 = time.perf_counter()
    screener = TextScreener(PartyScreener(home))
    screener.screen_text("Warm-up: Kirill Dmitriev met Vladimir Putin.")
    startup = time.perf_counter() - t0
    text = corpus(args.megabytes)
    size = len(text.encode())
    c0, w0 = time.process_time(), time.perf_counter()
    result = screener.screen_text(text)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    mentions = sum(len(p.mentions) for p in result.parties)
    names = sorted(p.hit.name for p in result.parties)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus            {size / 1e6:.2f} MB, {text.count(chr(10) * 2) + 1} paragraphs")
    print(f"start-up          {startup:.2f} s (index, profiles, first query)")
    print(f"screening         {cpu:.2f} s CPU, {wall:.2f} s wall")
    print(f"throughput        {size / 1e6 / cpu:.2f} MB/s per core (target >= 1 MB/s)")
    print(f"parties found     {len(result.parties)} with {mentions} mentions")
    print(f"peak RSS          {rss:.0f} MiB")
    for name in names:
        print(f"  - {name}")
    assert any("DMITRIEV" in n.upper() for n in names), "Kirill Dmitriev not found"


if __name__ == "__main__":
    main()
