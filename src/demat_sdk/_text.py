"""Folding French text for comparisons: lower case, no accents."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_words"]

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """``"Éloïse DUPONT"`` → ``"eloise dupont"``: lower case, accents and ligatures removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def fold_words(text: str) -> str:
    """:func:`fold`, then every run of non-alphanumeric characters made one space."""
    return _NOT_WORD.sub(" ", fold(text)).strip()
