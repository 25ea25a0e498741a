"""The explicit mapping of characters outside Latin-1, used when writing ISO-8859-1.

Most PES files travel in ISO-8859-1. A text coming from a word processor or a web form often
holds characters that Latin-1 cannot carry: typographic apostrophes and quotes, the ``œ``
ligature, the euro sign, dashes, the ellipsis, special spaces. Writing them as character
references (``&#8217;``) is legal XML but has broken downstream tools, so the writer replaces
them with the Latin-1 text below, which every reader of a hospital's accounts understands.

The text is first normalised (Unicode NFC, so that an ``e`` followed by a combining acute accent
becomes ``é``), then each character of :data:`LATIN1_REPLACEMENTS` is replaced. A character that
is neither Latin-1 nor in the table is never dropped or guessed: the write fails and names the
field, so that the text is corrected at its source (or the flux written in UTF-8).

A replacement may lengthen the text (``…`` becomes ``...``): lengths are checked after it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["LATIN1_REPLACEMENTS", "UnmappableCharacterError", "to_latin1"]

LATIN1_REPLACEMENTS: dict[str, str] = {
    # apostrophes and quotes
    "\u2018": "'",  # ‘ left single quotation mark
    "\u2019": "'",  # ’ right single quotation mark (typographic apostrophe)
    "\u201a": "'",  # ‚ single low-9 quotation mark
    "\u201b": "'",  # ‛ single high-reversed-9 quotation mark
    "\u2032": "'",  # ′ prime
    "\u201c": '"',  # “ left double quotation mark
    "\u201d": '"',  # ” right double quotation mark
    "\u201e": '"',  # „ double low-9 quotation mark
    "\u201f": '"',  # ‟ double high-reversed-9 quotation mark
    "\u2033": '"',  # ″ double prime
    "\u2039": "<",  # ‹ single left-pointing angle quotation mark
    "\u203a": ">",  # › single right-pointing angle quotation mark
    # dashes and hyphens
    "\u2010": "-",  # ‐ hyphen
    "\u2011": "-",  # ‑ non-breaking hyphen
    "\u2012": "-",  # ‒ figure dash
    "\u2013": "-",  # – en dash
    "\u2014": "-",  # — em dash
    "\u2015": "-",  # ― horizontal bar
    "\u2212": "-",  # − minus sign
    # ligatures and letters missing from Latin-1 (French first)
    "\u0153": "oe",  # œ
    "\u0152": "OE",  # Œ
    "\u0178": "Y",  # Ÿ
    "\ufb00": "ff",  # ﬀ
    "\ufb01": "fi",  # ﬁ
    "\ufb02": "fl",  # ﬂ
    "\ufb03": "ffi",  # ﬃ
    "\ufb04": "ffl",  # ﬄ
    # symbols
    "\u20ac": "EUR",  # € euro sign
    "\u2026": "...",  # … horizontal ellipsis
    "\u2022": "-",  # • bullet
    "\u2122": "TM",  # ™ trade mark sign
    "\u2030": "o/oo",  # ‰ per mille sign
    "\u2116": "No",  # № numero sign
    # spaces
    "\u2002": " ",  # en space
    "\u2003": " ",  # em space
    "\u2007": " ",  # figure space
    "\u2008": " ",  # punctuation space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\u202f": " ",  # narrow no-break space (French thousands separator)
    "\u205f": " ",  # medium mathematical space
    "\u3000": " ",  # ideographic space
    # invisible characters
    "\u200b": "",  # zero width space
    "\u200c": "",  # zero width non-joiner
    "\u200d": "",  # zero width joiner
    "\u2060": "",  # word joiner
    "\ufeff": "",  # zero width no-break space (byte order mark)
    "\u00ad": "",  # soft hyphen (Latin-1, but invisible and a source of mismatches)
}
"""Every replacement the writer makes when writing ISO-8859-1 (character → Latin-1 text)."""

_TABLE = str.maketrans(LATIN1_REPLACEMENTS)


class UnmappableCharacterError(ValueError):
    """A text holds a character that is neither Latin-1 nor in :data:`LATIN1_REPLACEMENTS`.

    Attributes:
        text: the whole text.
        character: the first character that cannot be written.
    """

    def __init__(self, text: str, character: str) -> None:
        self.text = text
        self.character = character
        name = unicodedata.name(character, "unnamed character")
        super().__init__(
            f"character {character!r} (U+{ord(character):04X} {name}) has no Latin-1 "
            f"equivalent in {text!r}: replace it, or write the flux in UTF-8"
        )


def to_latin1(text: str) -> str:
    """The text as it will be written in ISO-8859-1.

    Raises:
        UnmappableCharacterError: a character has no Latin-1 equivalent.
    """
    if text.isascii():
        return text
    mapped = unicodedata.normalize("NFC", text).translate(_TABLE)
    try:
        mapped.encode("iso-8859-1")
    except UnicodeEncodeError as exc:
        raise UnmappableCharacterError(text, mapped[exc.start]) from None
    return mapped
