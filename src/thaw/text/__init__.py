"""Name analysis: the knowledge thaw has about how names are written.

This package is a base layer (it imports only :mod:`thaw.model`): the index uses it
to compute retrieval keys, the matcher to compare names, the text screener to find
names in prose. Everything here is a pure function of its input (token statistics are
an object the caller holds and passes on).

The central entry point is :func:`analyze_name`, which turns a published or queried
name into an :class:`AnalyzedName`: Latin-script, lower-case ASCII comparison
tokens in which romanisation variants are folded together (``dmitriyev`` and
``dmitrijev`` become ``dmitriev``), legal forms are replaced by a canonical code
(``ООО``, ``OOO``, ``LLC`` → ``llc``) and each token carries a role and a weight.
:func:`index_keys` gives the candidate-retrieval keys of an analysed name;
:class:`TokenStats` carries token frequencies over the list names (rarity).
"""

from __future__ import annotations

from thaw.text.analyze import (
    AnalyzedName,
    Token,
    analyze_name,
    analyze_names,
    index_keys,
    listed_variants,
    name_variants,
)
from thaw.text.fold import abjad_key, consonantal, fold_token, skeleton
from thaw.text.stats import TokenStats

__all__ = [
    "AnalyzedName",
    "Token",
    "TokenStats",
    "abjad_key",
    "analyze_name",
    "analyze_names",
    "consonantal",
    "fold_token",
    "index_keys",
    "listed_variants",
    "name_variants",
    "skeleton",
]
