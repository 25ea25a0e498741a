"""Folding French text for comparisons and searches: no case, no accents, ligatures spelled out.

``"Centre hospitalier d'Évreux"``, ``"CENTRE HOSPITALIER D EVREUX"`` and
``"centre hospitalier d’evreux"`` compare equal once folded to words.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_words", "search_key", "words"]

_SPELLED_OUT = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """``"Éloïse DUPONT"`` → ``"eloise dupont"``: lower case, accents removed, œ/æ/ß spelled out.

    Other characters (punctuation, spaces) are kept as they are.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED_OUT))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def fold_words(text: str) -> str:
    """:func:`fold`, then only letters and digits kept, words joined by one space."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def search_key(text: str) -> str:
    """The upper-case form of :func:`fold_words`, as the directory stores its search keys."""
    return fold_words(text).upper()


def words(text: str) -> list[str]:
    """The words of the search key of ``text``."""
    key = search_key(text)
    return key.split(" ") if key else []
