"""Enumerations of the Chorus Pro API, with the official codes as member names and values."""

from __future__ import annotations

import enum

__all__ = ["CodeLangue", "TypeDemandePaiement"]


class CodeLangue(str, enum.Enum):
    """Language of the labels returned by the reference lists."""

    FR = "FR"
    EN = "EN"


class TypeDemandePaiement(str, enum.Enum):
    """Kind of payment request (``typeDemandePaiement``)."""

    FACTURE = "FACTURE"
    FACTURE_TRAVAUX = "FACTURE_TRAVAUX"
    MEMOIRE_JUSTICE = "MEMOIRE_JUSTICE"
    DEMANDE_REMBOURSEMENT = "DEMANDE_REMBOURSEMENT"
