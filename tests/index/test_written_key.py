"""``index.entry.written_key``: a name as written, case, spacing, punctuation and
diacritics aside."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from thaw.index.entry import written_key


def _walked(text: str) -> str:
    """The key by its definition: the letters and digits of the name's
    compatibility decomposition, lower case, diacritics dropped, one space apart."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


def test_names_written_alike_share_a_key() -> None:
    assert written_key("ABD AL-RAHMAN") == written_key("'Abd al-Rahman") == "abd al rahman"
    assert written_key("Ōno") == "ono"
    assert written_key("  SBERBANK, PJSC ") == "sberbank pjsc"
    assert written_key("Дмитриев Кирилл") == "дмитриев кирилл"
    assert written_key("Abdul RAHMAN") != written_key("Abdulrahman")


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_name_takes_the_fast_path_to_the_same_key(text: str) -> None:
    assert written_key(text) == _walked(text)


@given(st.text())
def test_any_name_has_the_key_of_its_definition(text: str) -> None:
    assert written_key(text) == _walked(text)
