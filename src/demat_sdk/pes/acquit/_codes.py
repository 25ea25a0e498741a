"""Coded values of the PES return path: a lenient ``str`` enumeration carrying its official label.

``PesCode`` is the base of every enumeration read from an ACK or a PES_Retour: the member's value
is the code as written in the ``V`` attribute (``"02"``), its name spells the official label out
(``PRISE_EN_CHARGE``) and ``libelle`` holds the label of the v5.17 schema documentation. A code
the schema set does not know (a newer version, a simulator's ``"AA"``) is kept as a member-like
value whose ``is_known`` is ``False``, so reading never breaks on it; writers refuse it.
"""

from __future__ import annotations

import enum
from typing import Any

__all__ = ["CodeAnomalie", "DomaineAcquit", "PesCode"]


class PesCode(str, enum.Enum):
    """Base of the PES enumerations: the code as value, the official label as ``libelle``."""

    libelle: str
    """The label the official schema documents for this code (``""`` for an unknown code)."""

    def __new__(cls, code: str, libelle: str = "") -> PesCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.libelle = libelle
        return member

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str) or not value:
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        member.libelle = ""
        return member

    @property
    def code(self) -> str:
        """The code as written in the file (``"02"``)."""
        return str(self._value_)

    @property
    def is_known(self) -> bool:
        """Whether the code is one of those the v5.17 schema set lists."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return self.code


class DomaineAcquit(PesCode):
    """What an element of an ACK is about (``DomaineAck``, ``TDomaineAck``)."""

    TECHNIQUE = "0", "Technique"
    SIGNATURE_TECHNIQUE = "1", "Signature technique"
    SIGNATURE_GLOBALE = "2", "Signature globale"
    SIGNATURE_BORDEREAU = "3", "Signature Bordereau"
    PJ = "4", "PJ"
    DEPENSE = "5", "Dépense"
    RECETTE = "6", "Recette"
    ROLE = "7", "Rôle"
    BUDGET = "8", "Budget"
    ETAT_ACTIF = "9", "Etat Actif"
    ETAT_PASSIF = "10", "Etat Passif"
    MARCHE = "11", "Marché"
    FACTURE = "12", "Facture"
    PARAMETRAGE = "99", "Paramétrage"


class CodeAnomalie(PesCode):
    """Code of an anomaly reported in an ACK (``NumAnoAck``, ``TNumAnoAck``).

    The schema gives no label for these codes: ``libelle`` repeats the code. Most business
    rejections come as ``ERREUR_AUTRE`` with the Hélios anomaly number at the start of
    ``LibelleAnoAck`` (see :attr:`demat_sdk.pes.acquit.ErreurAcquit.numero_helios`).
    """

    ERREUR_CONNECTION_IMPOSSIBLE_A_LA_BASE = (
        "ERREUR_CONNECTION_IMPOSSIBLE_A_LA_BASE",
        "ERREUR_CONNECTION_IMPOSSIBLE_A_LA_BASE",
    )
    ERREUR_ENCODING = "ERREUR_ENCODING", "ERREUR_ENCODING"
    ERREUR_FLUX_VIDE = "ERREUR_FLUX_VIDE", "ERREUR_FLUX_VIDE"
    ERREUR_SCHEMA_INCOMPLET = "ERREUR_SCHEMA_INCOMPLET", "ERREUR_SCHEMA_INCOMPLET"
    ERREUR_CODIFICATION = "ERREUR_CODIFICATION", "ERREUR_CODIFICATION"
    ERREUR_CODIQUE = "ERREUR_CODIQUE", "ERREUR_CODIQUE"
    ERREUR_SIRET = "ERREUR_SIRET", "ERREUR_SIRET"
    ERREUR_CODE_COLLECTIVITE_BUDGET = (
        "ERREUR_CODE_COLLECTIVITE_BUDGET",
        "ERREUR_CODE_COLLECTIVITE_BUDGET",
    )
    ERREUR_VERSION_PES = "ERREUR_VERSION_PES", "ERREUR_VERSION_PES"
    ERREUR_VERSION_PJ = "ERREUR_VERSION_PJ", "ERREUR_VERSION_PJ"
    ERREUR_SIGNATURE_INVALIDE = "ERREUR_SIGNATURE_INVALIDE", "ERREUR_SIGNATURE_INVALIDE"
    ERREUR_SIGNATURE_ILLISIBLE = "ERREUR_SIGNATURE_ILLISIBLE", "ERREUR_SIGNATURE_ILLISIBLE"
    ERREUR_SIGNATURE_INCOMPLETE = "ERREUR_SIGNATURE_INCOMPLETE", "ERREUR_SIGNATURE_INCOMPLETE"
    ERREUR_DOUBLON_BORDEREAU = "ERREUR_DOUBLON_BORDEREAU", "ERREUR_DOUBLON_BORDEREAU"
    ERREUR_DOUBLON_PIECE = "ERREUR_DOUBLON_PIECE", "ERREUR_DOUBLON_PIECE"
    ERREUR_DOUBLON_LIGNE = "ERREUR_DOUBLON_LIGNE", "ERREUR_DOUBLON_LIGNE"
    ERREUR_DOUBLON_PJ = "ERREUR_DOUBLON_PJ", "ERREUR_DOUBLON_PJ"
    ERREUR_PES_PARAM = "ERREUR_PES_PARAM", "ERREUR_PES_PARAM"
    ERREUR_PES_SIGNATURE = "ERREUR_PES_SIGNATURE", "ERREUR_PES_SIGNATURE"
    ERREUR_PES_PARAM_SIGNATURE = "ERREUR_PES_PARAM_SIGNATURE", "ERREUR_PES_PARAM_SIGNATURE"
    ERREUR_CERTIFICAT = "ERREUR_CERTIFICAT", "ERREUR_CERTIFICAT"
    ERREUR_TIMEOUT = "ERREUR_TIMEOUT", "ERREUR_TIMEOUT"
    ERREUR_TAILLE_BORDEREAUX = "ERREUR_TAILLE_BORDEREAUX", "ERREUR_TAILLE_BORDEREAUX"
    ERREUR_TAILLE_PIECE = "ERREUR_TAILLE_PIECE", "ERREUR_TAILLE_PIECE"
    ERREUR_TAILLE_LIGNE = "ERREUR_TAILLE_LIGNE", "ERREUR_TAILLE_LIGNE"
    ERREUR_PJ_SIGNEE = "ERREUR_PJ_SIGNEE", "ERREUR_PJ_SIGNEE"
    ERREUR_SIGNATURE_EXTERNE = "ERREUR_SIGNATURE_EXTERNE", "ERREUR_SIGNATURE_EXTERNE"
    ERREUR_AUTRE = "ERREUR_AUTRE", "ERREUR_AUTRE"
    ERREUR_SIGNATURE_BORDEREAU_INVALIDE = (
        "ERREUR_SIGNATURE_BORDEREAU_INVALIDE",
        "ERREUR_SIGNATURE_BORDEREAU_INVALIDE",
    )
    ERREUR_MONTANT_TVA_ZERO_NEGATIF = (
        "ERREUR_MONTANT_TVA_ZERO_NEGATIF",
        "ERREUR_MONTANT_TVA_ZERO_NEGATIF",
    )
    ERREUR_PJ = "ERREUR_PJ", "ERREUR_PJ"
    ERREUR_CUMUL_MONTANTS = "ERREUR_CUMUL_MONTANTS", "ERREUR_CUMUL_MONTANTS"
    ERREUR_SIGNATURE_BORDEREAU_ILLISIBLE = (
        "ERREUR_SIGNATURE_BORDEREAU_ILLISIBLE",
        "ERREUR_SIGNATURE_BORDEREAU_ILLISIBLE",
    )
    ERREUR_SIGNATURE_BORDEREAU_INCOMPLETE = (
        "ERREUR_SIGNATURE_BORDEREAU_INCOMPLETE",
        "ERREUR_SIGNATURE_BORDEREAU_INCOMPLETE",
    )
