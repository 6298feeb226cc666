"""The matcher's configuration: one typed object, passed explicitly.

Every magnitude of the ``thaw`` algorithm (a feature's weight, the contribution
of each of its findings, the cap on a name-only score) is declared once, in the
table of its feature (:attr:`thaw.match.features.Feature.table`). A
:class:`MatchConfig` overrides some of them for one matcher; nothing else
changes what a score is. The HTTP API accepts the same object per request, so
its fields are documented and checked here::

    MatchConfig(weights={"country": 0.0}, magnitudes={"birth_date.same_day": 2.0})

Unknown features or magnitudes are refused (a misspelt override must not be
silently ignored).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class MatchConfig(BaseModel):
    """Overrides of the ``thaw`` algorithm's declared magnitudes (none by default).

    ``weights`` multiplies a feature's whole contribution (``0`` switches the
    feature off); ``magnitudes`` replaces single entries of a feature's table,
    named ``feature.entry`` (``thaw.match.describe_algorithm()`` lists them all
    with their defaults).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    weights: dict[str, float] = Field(
        default_factory=dict,
        description="Per-feature weight, by feature name (e.g. {'country': 0.5}).",
    )
    magnitudes: dict[str, float] = Field(
        default_factory=dict,
        description=(
            "Entries of the features' tables, as 'feature.entry' "
            "(e.g. {'birth_date.same_day': 2.0, 'name.cap': 0.9})."
        ),
    )

    @field_validator("weights")
    @classmethod
    def _known_features(cls, value: dict[str, float]) -> dict[str, float]:
        from thaw.match.features import features

        known = {f.name for f in features()}
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValueError(f"unknown feature {unknown[0]!r}; known: {', '.join(sorted(known))}")
        return value

    @field_validator("magnitudes")
    @classmethod
    def _known_magnitudes(cls, value: dict[str, float]) -> dict[str, float]:
        from thaw.match.features import features

        known = {f"{f.name}.{k}" for f in features() for k in f.table}
        for key in sorted(value):
            if key not in known:
                raise ValueError(f"unknown magnitude {key!r}; known: {', '.join(sorted(known))}")
        return value

    def resolve(self) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
        """Every feature's weight and table values, defaults overridden by this
        configuration: ``(weights by feature, {feature: {entry: value}})``."""
        from thaw.match.features import features

        weights: dict[str, float] = {}
        values: dict[str, dict[str, float]] = {}
        for f in features():
            weights[f.name] = self.weights.get(f.name, f.weight)
            values[f.name] = {
                k: self.magnitudes.get(f"{f.name}.{k}", m.value) for k, m in f.table.items()
            }
        return weights, values


DEFAULT_CONFIG = MatchConfig()
"""The algorithm as declared (no overrides)."""
