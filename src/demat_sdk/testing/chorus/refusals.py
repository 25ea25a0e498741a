"""The business refusals of the Chorus Pro emulator: ``codeRetour`` and ``libelle`` in one place.

Codes 20000–20003 are the official ones (with their official message codes as ``libelle``).
Chorus Pro's other codes are specific to each service and only listed in the official error annex;
where the emulator needs a refusal the public sources do not number, it uses the 21xxx range and a
French sentence naming the culprit. Clients should test ``codeRetour != 0``, not these numbers.
"""

from __future__ import annotations

import enum

__all__ = ["Refusal", "RefusedError"]


class Refusal(enum.Enum):
    """A kind of business refusal: ``(codeRetour, libelle)``; ``libelle`` may take a detail."""

    DP_INCONNUE = (20000, "GDP_MSG_11.008")
    HABILITATION = (20001, "GDP_MSG_11.005")
    PAS_SUSPENDUE = (20002, "GDP_MSG_11.033")
    PIECE_JOINTE_TROP_GROSSE = (20003, "La pièce jointe dépasse la taille maximale de 10 Mo.")
    CHAMP_OBLIGATOIRE = (21001, "Le champ {detail} est obligatoire.")
    VALEUR_INVALIDE = (21002, "La valeur du champ {detail} est invalide.")
    TRANSITION_INTERDITE = (21003, "Changement de statut non autorisé : {detail}.")
    MOTIF_OBLIGATOIRE = (21004, "Le motif est obligatoire pour le statut {detail}.")
    PAS_A_RECYCLER = (21005, "La facture n'est pas au statut A_RECYCLER.")
    FLUX_INCONNU = (21006, "Le flux {detail} n'existe pas.")
    STRUCTURE_INCONNUE = (21007, "La structure {detail} n'existe pas.")
    SERVICE_INCONNU = (21008, "Le service {detail} n'existe pas.")
    FICHIER_ILLISIBLE = (21009, "Le fichier transmis est illisible : {detail}.")
    INDISPONIBLE_QUALIFICATION = (
        21010,
        "Service exposé ne fonctionnant pas sur l'espace de qualification.",
    )
    DONNEES_FACTURE = (21011, "{detail}")
    REJET_DEJA_TRAITE = (21012, "Le rejet de la facture {detail} est déjà traité.")
    PAS_A_VALIDER = (21013, "La facture n'est pas à valider par cette structure.")
    PAS_ERREUR_VALIDEUR = (
        21014,
        "La facture n'est pas au statut ERREUR_FOURNISSEUR_SUR_VALIDEUR.",
    )
    LECTURE_PDF = (21015, "Le PDF ne contient pas de facture lisible : {detail}.")

    @property
    def code_retour(self) -> int:
        """The ``codeRetour``."""
        return self.value[0]

    def libelle(self, detail: str = "") -> str:
        """The ``libelle``, with the detail where the message has room for one."""
        template: str = self.value[1]
        return template.replace("{detail}", detail)


class RefusedError(Exception):
    """Raised by the emulator's state when Chorus Pro would refuse the request.

    Args:
        refusal: the kind of refusal.
        detail: what the message names (a field, a status, a number).
    """

    def __init__(self, refusal: Refusal, detail: str = "") -> None:
        self.refusal = refusal
        self.detail = detail
        super().__init__(f"{refusal.code_retour}: {refusal.libelle(detail)}")

    @property
    def code_retour(self) -> int:
        """The ``codeRetour`` to answer."""
        return self.refusal.code_retour

    @property
    def libelle(self) -> str:
        """The ``libelle`` to answer."""
        return self.refusal.libelle(self.detail)
