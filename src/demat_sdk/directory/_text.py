"""Search keys: names reduced to upper-case ASCII words, so that searches ignore case and accents.

``"Centre hospitalier d'Évreux"`` and ``"CENTRE HOSPITALIER D EVREUX"`` have the same key. The
key keeps letters and digits only, words separated by one space; the ligatures of French
(œ, æ) and the German ß are spelled out.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["search_key", "words"]

_SPELLED_OUT = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_NOT_WORD = re.compile(r"[^A-Z0-9]+")


def search_key(text: str) -> str:
    """The key of ``text``: upper case, no accents, words of letters and digits joined by spaces."""
    if text.isascii():
        return _NOT_WORD.sub(" ", text.upper()).strip()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED_OUT))
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(" ", ascii_only.upper()).strip()


def words(text: str) -> list[str]:
    """The words of the key of ``text`` (see :func:`search_key`)."""
    key = search_key(text)
    return key.split(" ") if key else []
