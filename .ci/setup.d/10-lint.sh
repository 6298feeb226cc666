# Static gates before the tests: ruff lint and format, and mypy --strict on the
# package, the tests and the benchmarks (the same hooks: .pre-commit-config.yaml).
ruff check src tests benchmarks hatch_build.py
ruff format --check src tests benchmarks hatch_build.py
mypy --strict src tests benchmarks
