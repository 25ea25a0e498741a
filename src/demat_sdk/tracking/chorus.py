"""Reading the state of what the hospital sent in Chorus Pro, through its own account.

The hospital is the *supplier* of what it sends — invoices it deposits, and ASAP that Hélios
deposits in its name — so :class:`ChorusStatusSource` reads them with the supplier's operations:

* ``rechercherFactureParFournisseur`` by invoice number: is the invoice there (an ASAP not
  found is not integrated yet), its ``identifiantFactureCPP``, its status and the comment of
  that status (the motif of a suspension…). The recipient's SIRET must match the one recorded;
* ``consulterHistoriqueFacture``: whether the recipient downloaded it. Chorus Pro gives the
  supplier no ``factureTelechargeeParDestinataire`` field — that one belongs to the
  recipient's search — but the invoice's history lists the user action
  ``TELECHARGEMENT_FACTURE`` when the recipient downloads it. The history is read only for an
  invoice made available and not yet seen downloaded.

Give it to :meth:`~demat_sdk.tracking.Tracker.refresh`.
"""

from __future__ import annotations

from datetime import datetime

from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import ActionUtilisateur, StatutFacture
from demat_sdk.chorus.models.factures_consultation import ParamRechercheHistoActionsUtilisateurs
from demat_sdk.chorus.models.factures_resultats import RetourRechercherFactureParFournisseur
from demat_sdk.tracking.records import Observation, SentItem

__all__ = ["ChorusStatusSource"]

HISTORY_PAGE_SIZE = 100
"""User actions asked per page of an invoice's history."""

# Before these statuses, the recipient cannot have downloaded the invoice.
_NOT_YET_AVAILABLE = frozenset(
    {
        StatutFacture.DEPOSEE,
        StatutFacture.EN_COURS_ACHEMINEMENT,
        StatutFacture.A_VALIDER_1,
        StatutFacture.A_VALIDER_2,
        StatutFacture.VALIDEE_1,
        StatutFacture.VALIDEE_2,
    }
)


class ChorusStatusSource:
    """Chorus Pro, as the follow-up's :class:`~demat_sdk.tracking.StatusSource`.

    Args:
        client: a client on the hospital's technical account (supplier rights on the structure
            that issues the invoices and ASAP).
        id_fournisseur: the issuing structure's ``idStructureCPP``, when the account acts for
            several structures.
    """

    def __init__(self, client: ChorusPro, *, id_fournisseur: int | None = None) -> None:
        self.client = client
        self.id_fournisseur = id_fournisseur

    def __repr__(self) -> str:
        return f"ChorusStatusSource({self.client!r}, id_fournisseur={self.id_fournisseur})"

    def observe(self, item: SentItem, now: datetime) -> Observation:
        """The state of ``item`` in Chorus Pro now (status ``None`` when it is not there yet).

        Raises:
            DematError: Chorus Pro could not be asked.
        """
        found = self._find(item)
        if found is None or found.identifiant_facture_cpp is None:
            return Observation(now, None)
        return Observation(
            at=now,
            statut=found.statut,
            identifiant_facture_cpp=found.identifiant_facture_cpp,
            telechargee_par_destinataire=self._downloaded(item, found),
            commentaire=found.commentaire_etat_courant or None,
        )

    def _find(self, item: SentItem) -> RetourRechercherFactureParFournisseur | None:
        page = self.client.factures.rechercher_fournisseur(
            numero_facture=item.numero_facture, id_fournisseur=self.id_fournisseur
        )
        known = item.identifiant_facture_cpp
        for facture in page.auto_paging_iter():
            if known is not None and facture.identifiant_facture_cpp != known:
                continue
            if facture.code_destinataire in (None, item.siret_destinataire):
                return facture
        return None

    def _downloaded(
        self, item: SentItem, facture: RetourRechercherFactureParFournisseur
    ) -> bool | None:
        last = item.last
        if last is not None and last.telechargee_par_destinataire:
            return True
        if facture.statut is None or facture.statut in _NOT_YET_AVAILABLE:
            return None
        assert facture.identifiant_facture_cpp is not None  # noqa: S101 - checked by observe
        page = 1
        while True:
            historique = self.client.factures.consulter_historique(
                id_facture=facture.identifiant_facture_cpp,
                actions=ParamRechercheHistoActionsUtilisateurs(
                    page_resultat_demandee_liste_histo_action=page,
                    nb_resultats_par_page_liste_histo_action=HISTORY_PAGE_SIZE,
                ),
            )
            actions = historique.historiques_des_actions_utilisateurs
            if actions is None:
                return False
            if any(
                action.histo_action_code is ActionUtilisateur.TELECHARGEMENT_FACTURE
                for action in actions.histo_action
            ):
                return True
            if not actions.histo_action or page >= (actions.pages_histo_action or 1):
                return False
            page += 1
