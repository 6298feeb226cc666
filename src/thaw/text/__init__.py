"""Name analysis: the knowledge thaw has about how names are written.

This package is a base layer (it imports only :mod:`thaw.model`): the index uses it
to compute retrieval keys, the matcher to compare names, the text screener to find
names in prose. Everything here is a pure function of its input.

The central entry point is :func:`analyze_name`, which turns a published or queried
name into an :class:`AnalyzedName`: Latin-script, lower-case ASCII comparison
tokens in which romanisation variants are folded together (``dmitriyev`` and
``dmitrijev`` become ``dmitriev``), legal forms are replaced by a canonical code
(``ООО``, ``OOO``, ``LLC`` → ``llc``) and each token carries a role.
"""

from __future__ import annotations

from thaw.text.analyze import AnalyzedName, Token, analyze_name, index_keys

__all__ = ["AnalyzedName", "Token", "analyze_name", "index_keys"]
