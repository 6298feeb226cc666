# Static gates before the tests: ruff lint and format (mypy --strict: see issue 17).
ruff check src tests benchmarks hatch_build.py
ruff format --check src tests benchmarks hatch_build.py
