"""What a bordereau computes from its pièces: NbrPce, MtBordHT, MtBordTVA, its ``Id``.

These functions give the value a computed field takes when the model leaves it to ``None``;
the checks compare a given value with them. They read the model as it is and never raise on a
malformed one (a missing amount is reported by the checks, not here).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

__all__ = ["bordereau_id", "count_pieces", "pieces_of", "sum_ht", "sum_tva"]


def pieces_of(bordereau: Any) -> list[Any]:
    """The mandats or titres of a bordereau."""
    pieces = getattr(bordereau, "mandats", None)
    if pieces is None:
        pieces = getattr(bordereau, "titres", None)
    return pieces if isinstance(pieces, list) else []


def count_pieces(bordereau: Any) -> int:
    """``NbrPce``: the number of mandats or titres."""
    return len(pieces_of(bordereau))


def _amounts(bordereau: Any, attr: str) -> list[Decimal]:
    found = []
    for piece in pieces_of(bordereau):
        for line in getattr(piece, "lignes", ()):
            amount = getattr(line, attr, None)
            if type(amount) is Decimal:
                found.append(amount)
            elif isinstance(amount, (Decimal, int)) and not isinstance(amount, bool):
                found.append(Decimal(amount))
    return found


def sum_ht(bordereau: Any) -> Decimal:
    """``MtBordHT``: the sum of the lines' ``MtHT``."""
    return sum(_amounts(bordereau, "montant_ht"), Decimal("0.00"))


def sum_tva(bordereau: Any) -> Decimal | None:
    """``MtBordTVA``: the sum of the lines' ``MtTVA``, or ``None`` when it is zero or absent."""
    total = sum(_amounts(bordereau, "montant_tva"), Decimal("0.00"))
    return total if total else None


def bordereau_id(domain: str) -> Callable[[Any], str | None]:
    """The default ``Bordereau@Id``: ``BORD-<D|R>-<exercice>-<numero>``."""

    def compute(bordereau: Any) -> str | None:
        exercice = getattr(bordereau, "exercice", None)
        numero = getattr(bordereau, "numero", None)
        if exercice is None or numero is None:
            return None
        return f"BORD-{domain}-{exercice}-{numero}"

    return compute
