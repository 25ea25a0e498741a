"""Reading one invoice: as its supplier, its recipient or its validator sees it, and its history."""

from __future__ import annotations

from collections.abc import Callable

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, Operation, RequestOptions, api_method, call
from demat_sdk.chorus.enums import CodeLangue
from demat_sdk.chorus.factures.operations import (
    CONSULTER_FOURNISSEUR,
    CONSULTER_HISTORIQUE,
    CONSULTER_RECIPIENDAIRE,
    CONSULTER_VALIDEUR,
)
from demat_sdk.chorus.models.base import build_request, required_in_answer
from demat_sdk.chorus.models.facture import (
    FactureCpp,
    FactureCppEmise,
    WsRetourFacturesEmises,
    WsRetourFacturesRecues,
)
from demat_sdk.chorus.models.factures_consultation import (
    ConsulterFactureParFournisseurParam,
    ConsulterFactureParRecipiendaireParam,
    ConsulterFactureParValideurParam,
    ConsulterHistoriqueFactureParam,
    ParamRechercheHistoActionsUtilisateurs,
    ParamRechercheHistoEvenementsComplementaires,
    ParamRechercheHistoStatuts,
    ParamRechercheLigneRecapTva,
    ParamRechercheLignesPoste,
    ParamRechercheListePiecesJointes,
    WsRetourConsulterHistoriqueFacture,
)

__all__ = ["ConsultationMethods"]


class ConsultationMethods:
    """One invoice in full (lines, VAT, attachments, parties) and its history.

    Each consultation pages the invoice's lines, VAT summary and attachments: pass
    ``lignes_poste=``, ``pieces_jointes=``, ``recapitulatif_tva=`` to ask for another page or
    order (the SDK puts them under the key each operation expects), and ``code_langue=``
    (``FR`` or ``EN``) for the language of the labels.
    """

    @api_method
    def consulter_fournisseur(
        self,
        *,
        identifiant_facture_cpp: int,
        code_langue: CodeLangue | str | None = None,
        lignes_poste: ParamRechercheLignesPoste | None = None,
        pieces_jointes: ParamRechercheListePiecesJointes | None = None,
        recapitulatif_tva: ParamRechercheLigneRecapTva | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[FactureCppEmise]:
        """An invoice the account issued: ``consulterFactureParFournisseur``.

        Args:
            identifiant_facture_cpp: the invoice.
            code_langue: language of the labels.
            lignes_poste: page and order of the invoice lines.
            pieces_jointes: page and order of the attachments.
            recapitulatif_tva: page and order of the VAT summary.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = build_request(
            ConsulterFactureParFournisseurParam,
            CONSULTER_FOURNISSEUR.name,
            identifiant_facture_cpp=identifiant_facture_cpp,
            code_langue=code_langue,
            p_lignes_poste=lignes_poste,
            p_liste_pieces_jointes=pieces_jointes,
            p_ligne_recap_tva=recapitulatif_tva,
        )
        return call(CONSULTER_FOURNISSEUR, body, options, _facture_emise(CONSULTER_FOURNISSEUR))

    @api_method
    def consulter_recipiendaire(
        self,
        *,
        identifiant_facture_cpp: int,
        code_langue: CodeLangue | str | None = None,
        lignes_poste: ParamRechercheLignesPoste | None = None,
        pieces_jointes: ParamRechercheListePiecesJointes | None = None,
        recapitulatif_tva: ParamRechercheLigneRecapTva | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[FactureCpp]:
        """An invoice the account received: ``consulterFactureParRecipiendaire``.

        ``identifiant_facture_cpp`` is the ``id_facture`` of the recipient's searches; the
        other arguments are those of :meth:`consulter_fournisseur`.
        """
        body = build_request(
            ConsulterFactureParRecipiendaireParam,
            CONSULTER_RECIPIENDAIRE.name,
            identifiant_facture_cpp=identifiant_facture_cpp,
            code_langue=code_langue,
            recherche_ligne_poste=lignes_poste,
            recherche_pj=pieces_jointes,
            rechercheligne_tva_recap=recapitulatif_tva,
        )

        def extract(answer: WsRetourFacturesRecues) -> FactureCpp:
            return required_in_answer(answer.facture, CONSULTER_RECIPIENDAIRE.name, "facture")

        return call(CONSULTER_RECIPIENDAIRE, body, options, extract)

    @api_method
    def consulter_valideur(
        self,
        *,
        identifiant_facture_cpp: int,
        code_langue: CodeLangue | str | None = None,
        lignes_poste: ParamRechercheLignesPoste | None = None,
        pieces_jointes: ParamRechercheListePiecesJointes | None = None,
        recapitulatif_tva: ParamRechercheLigneRecapTva | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[FactureCppEmise]:
        """An invoice the account has to validate: ``consulterFactureParValideur``.

        The arguments are those of :meth:`consulter_fournisseur`.
        """
        body = build_request(
            ConsulterFactureParValideurParam,
            CONSULTER_VALIDEUR.name,
            identifiant_facture_cpp=identifiant_facture_cpp,
            code_langue=code_langue,
            recherche_ligne_poste=lignes_poste,
            recherche_pj=pieces_jointes,
            recherche_ligne_tva_recap=recapitulatif_tva,
        )
        return call(CONSULTER_VALIDEUR, body, options, _facture_emise(CONSULTER_VALIDEUR))

    @api_method
    def consulter_historique(
        self,
        *,
        id_facture: int,
        id_espace: int | None = None,
        nb_resultats_maximum: int | None = None,
        statuts: ParamRechercheHistoStatuts | None = None,
        evenements: ParamRechercheHistoEvenementsComplementaires | None = None,
        actions: ParamRechercheHistoActionsUtilisateurs | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourConsulterHistoriqueFacture]:
        """The history of an invoice: statuses, events, user actions (``consulterHistorique…``).

        The answer's ``statut_courant_code`` is the invoice's current status.

        Args:
            id_facture: the invoice.
            id_espace: the workspace it is seen from (7: received invoices).
            nb_resultats_maximum: cap on each list.
            statuts: page and order of the status changes.
            evenements: page and order of the additional events.
            actions: page and order of the user actions.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = build_request(
            ConsulterHistoriqueFactureParam,
            CONSULTER_HISTORIQUE.name,
            id_facture=id_facture,
            id_espace=id_espace,
            nb_resultats_maximum=nb_resultats_maximum,
            param_recherche_histo_statuts=statuts,
            param_recherche_histo_evenements_complementaires=evenements,
            param_recherche_histo_actions_utilisateurs=actions,
        )
        return call(CONSULTER_HISTORIQUE, body, options)


def _facture_emise(
    operation: Operation[WsRetourFacturesEmises],
) -> Callable[[WsRetourFacturesEmises], FactureCppEmise]:
    def extract(answer: WsRetourFacturesEmises) -> FactureCppEmise:
        return required_in_answer(answer.facture, operation.name, "facture")

    return extract
