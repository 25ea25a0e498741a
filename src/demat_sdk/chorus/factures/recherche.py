"""The invoice searches: by supplier, recipient, validator, to process, payment requests.

Every search returns a :class:`~demat_sdk._http.pagination.Page`; ``page.auto_paging_iter()``
walks all the results (``for`` / ``async for``). The common filters are arguments; any other
criterion of the official request goes in ``filtres=`` (the request model of the operation), and
the arguments given override it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, RequestOptions, api_method
from demat_sdk._http.pagination import Page
from demat_sdk.chorus.enums import (
    CadreFacturation,
    RoleUtilisateur,
    StatutFacture,
    TriSens,
    TypeDemandePaiement,
    TypeFacture,
    TypeIdentifiantStructure,
)
from demat_sdk.chorus.factures.emission import check_structure_named
from demat_sdk.chorus.factures.operations import (
    RECHERCHER_A_TRAITER_FOURNISSEUR,
    RECHERCHER_A_TRAITER_RECIPIENDAIRE,
    RECHERCHER_A_TRAITER_VALIDEUR,
    RECHERCHER_DEMANDE_PAIEMENT,
    RECHERCHER_FOURNISSEUR,
    RECHERCHER_RECIPIENDAIRE,
    RECHERCHER_VALIDEUR,
)
from demat_sdk.chorus.models.factures_recherche import (
    ParametreRechercheFactureATraiterParRecipiendaire,
    ParametresRechercherFactureATraiterParValideur,
    ParametresRechercherFactureParFournisseur,
    ParametresRechercherFactureParValideur,
    ParamRechercheDemandeRecipiendaire,
    ParamRechercheFactureATraiterParFournisseur,
    RechercherDemandePaiementParam,
    RechercherFactureATraiterParFournisseurParam,
    RechercherFactureATraiterParRecipiendaireParam,
    RechercherFactureATraiterParValideurParam,
    RechercherFactureParFournisseurParam,
    RechercherFactureParValideurParam,
    RechercherFactureRecipiendaireParam,
)
from demat_sdk.chorus.models.factures_resultats import (
    FactureRechercherATraiterFournisseur,
    FactureRechercheRecipiendaire,
    FactureRechercheValideur,
    RechercherDemandePaiementOutputListeDemandePaiement,
    RetourRechercherFactureParFournisseur,
)
from demat_sdk.chorus.pagination import paging_settings, search_call
from demat_sdk.chorus.tri import (
    TriFacturesATraiterFournisseur,
    TriFacturesATraiterRecipiendaire,
    TriFacturesATraiterValideur,
    TriFacturesFournisseur,
    TriFacturesRecipiendaire,
    TriFacturesValideur,
)

__all__ = ["RechercheMethods"]


class RechercheMethods:
    """Invoice searches for every role; each returns a page that can fetch the next ones."""

    @api_method
    def rechercher_fournisseur(
        self,
        *,
        numero_flux_depot: str | None = None,
        numero_facture: str | None = None,
        statut_courant: Sequence[StatutFacture | str] = (),
        type_facture: TypeFacture | str | None = None,
        cadre_facturation: CadreFacturation | str | None = None,
        id_fournisseur: int | None = None,
        id_service_fournisseur: int | None = None,
        periode_date_depot_du: date | None = None,
        periode_date_depot_au: date | None = None,
        periode_date_facture_du: date | None = None,
        periode_date_facture_au: date | None = None,
        numero_bon_commande: str | None = None,
        numero_marche: str | None = None,
        rejet_traite: bool | None = None,
        filtres: RechercherFactureParFournisseurParam | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriFacturesFournisseur | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[RetourRechercherFactureParFournisseur]]:
        """Invoices the account issued: ``rechercherFactureParFournisseur``.

        Search by ``numero_flux_depot`` to find the invoices a deposited flux created.

        Args:
            numero_flux_depot: the flux that carried them.
            numero_facture: the invoice number.
            statut_courant: only invoices in one of these statuses.
            type_facture: ``FACTURE``, ``AVOIR`` or ``ACOMPTE``.
            cadre_facturation: the billing frame.
            id_fournisseur: the issuing structure (``idStructureCPP``).
            id_service_fournisseur: its service.
            periode_date_depot_du: deposited on or after this date.
            periode_date_depot_au: deposited on or before this date.
            periode_date_facture_du: dated on or after this date.
            periode_date_facture_au: dated on or before this date.
            numero_bon_commande: the order (EJ) number.
            numero_marche: the contract number.
            rejet_traite: whether the rejection was acknowledged.
            filtres: other criteria of ``RechercherFactureParFournisseurParam``.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size (Chorus Pro's default: 10).
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_FOURNISSEUR,
            RechercherFactureParFournisseurParam,
            filtres=filtres,
            criteria={
                "numero_flux_depot": numero_flux_depot,
                "numero_facture": numero_facture,
                "statut_courant": list(statut_courant),
                "type_facture": type_facture,
                "cadre_facturation": cadre_facturation,
                "id_fournisseur": id_fournisseur,
                "id_service_fournisseur": id_service_fournisseur,
                "periode_date_depot_du": periode_date_depot_du,
                "periode_date_depot_au": periode_date_depot_au,
                "periode_date_facture_du": periode_date_facture_du,
                "periode_date_facture_au": periode_date_facture_au,
                "numero_bon_commande": numero_bon_commande,
                "numero_marche": numero_marche,
                "rejet_traite": rejet_traite,
            },
            paging_field="recherche_facture_par_fournisseur",
            paging_model=ParametresRechercherFactureParFournisseur,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_factures,
            options=options,
        )

    @api_method
    def rechercher_recipiendaire(
        self,
        *,
        id_destinataire: int | None = None,
        id_service_executant: int | None = None,
        numero_facture: str | None = None,
        statut_courant: Sequence[StatutFacture | str] = (),
        facture_telechargee_par_destinataire: bool | None = None,
        type_demande_paiement: TypeDemandePaiement | str | None = None,
        periode_date_depot_du: date | None = None,
        periode_date_depot_au: date | None = None,
        numero_bon_commande: str | None = None,
        numero_marche: str | None = None,
        filtres: RechercherFactureRecipiendaireParam | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriFacturesRecipiendaire | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[FactureRechercheRecipiendaire]]:
        """Invoices the account received: ``rechercherFactureRecipiendaire``.

        ``facture_telechargee_par_destinataire=False`` finds those not downloaded yet (the
        official way to pick up new invoices: search, download, then process them).

        Args:
            id_destinataire: the receiving structure (``idStructureCPP``).
            id_service_executant: its service.
            numero_facture: the invoice number.
            statut_courant: only invoices in one of these statuses.
            facture_telechargee_par_destinataire: downloaded already, or not.
            type_demande_paiement: ``FACTURE`` or ``FACTURE_TRAVAUX``.
            periode_date_depot_du: deposited on or after this date.
            periode_date_depot_au: deposited on or before this date.
            numero_bon_commande: the order (EJ) number.
            numero_marche: the contract number.
            filtres: other criteria of ``RechercherFactureRecipiendaireParam``.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_RECIPIENDAIRE,
            RechercherFactureRecipiendaireParam,
            filtres=filtres,
            criteria={
                "id_destinataire": id_destinataire,
                "id_service_executant": id_service_executant,
                "numero_facture": numero_facture,
                "statut_courant": list(statut_courant),
                "facture_telechargee_par_destinataire": facture_telechargee_par_destinataire,
                "type_demande_paiement": type_demande_paiement,
                "periode_date_depot_du": periode_date_depot_du,
                "periode_date_depot_au": periode_date_depot_au,
                "numero_bon_commande": numero_bon_commande,
                "numero_marche": numero_marche,
            },
            paging_field="param_recherche",
            paging_model=ParamRechercheDemandeRecipiendaire,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_factures,
            options=options,
        )

    @api_method
    def rechercher_valideur(
        self,
        *,
        id_fournisseur: int | None = None,
        id_destinataire: int | None = None,
        numero_facture: str | None = None,
        statut_courant: Sequence[StatutFacture | str] = (),
        type_demande_paiement: TypeDemandePaiement | str | None = None,
        periode_date_depot_du: date | None = None,
        periode_date_depot_au: date | None = None,
        filtres: RechercherFactureParValideurParam | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriFacturesValideur | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[FactureRechercheValideur]]:
        """Invoices the account validates or validated: ``rechercherFactureParValideur``.

        Args:
            id_fournisseur: the supplier (``idStructureCPP``).
            id_destinataire: the recipient (``idStructureCPP``).
            numero_facture: the invoice number.
            statut_courant: only invoices in one of these statuses.
            type_demande_paiement: the kind of payment request.
            periode_date_depot_du: deposited on or after this date.
            periode_date_depot_au: deposited on or before this date.
            filtres: other criteria of ``RechercherFactureParValideurParam``.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_VALIDEUR,
            RechercherFactureParValideurParam,
            filtres=filtres,
            criteria={
                "id_fournisseur": id_fournisseur,
                "id_destinataire": id_destinataire,
                "numero_facture": numero_facture,
                "statut_courant": list(statut_courant),
                "type_demande_paiement": type_demande_paiement,
                "periode_date_depot_du": periode_date_depot_du,
                "periode_date_depot_au": periode_date_depot_au,
            },
            paging_field="pagination",
            paging_model=ParametresRechercherFactureParValideur,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_factures,
            options=options,
        )

    @api_method
    def rechercher_a_traiter_valideur(
        self,
        *,
        id_structure: int | None = None,
        type_identifiant_structure: TypeIdentifiantStructure | str | None = None,
        identifiant_structure: str | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriFacturesATraiterValideur | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[FactureRechercheValideur]]:
        """Invoices waiting for the account's validation: ``rechercherFactureATraiterParValideur``.

        Name the validating structure by its ``id_structure``, or by its identifier and the kind
        of identifier.

        Args:
            id_structure: the validating structure (``idStructureCPP``)…
            type_identifiant_structure: …or the kind of its identifier (``SIRET``…)…
            identifiant_structure: …and the identifier.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.

        Raises:
            InvalidRequestError: the validating structure is not named, or named both ways.
        """
        check_structure_named(
            id_structure,
            identifiant_structure,
            type_identifiant_structure,
            what="the validating structure",
            operation=RECHERCHER_A_TRAITER_VALIDEUR.name,
        )
        return search_call(
            RECHERCHER_A_TRAITER_VALIDEUR,
            RechercherFactureATraiterParValideurParam,
            filtres=None,
            criteria={
                "id_structure": id_structure,
                "type_identifiant_structure": type_identifiant_structure,
                "identifiant_structure": identifiant_structure,
            },
            paging_field="pagination",
            paging_model=ParametresRechercherFactureATraiterParValideur,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_factures,
            options=options,
        )

    @api_method
    def rechercher_a_traiter_recipiendaire(
        self,
        *,
        id_structure: int,
        recuperer_taille: bool | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriFacturesATraiterRecipiendaire | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[FactureRechercheRecipiendaire]]:
        """Received invoices waiting for processing (``rechercherFactureATraiterParRecipiendaire``).

        These are the invoices ``MISE_A_DISPOSITION`` or ``COMPLETEE``, of one structure.

        Args:
            id_structure: the receiving structure (``idStructureCPP``, from
                ``client.transverses.recuperer_structures_actives_pour_destinataire()``).
            recuperer_taille: also return each invoice's size.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_A_TRAITER_RECIPIENDAIRE,
            RechercherFactureATraiterParRecipiendaireParam,
            filtres=None,
            criteria={"id_structure": id_structure, "recuperer_taille": recuperer_taille},
            paging_field="parametre_recherche_facture_a_traiter_par_recipiendaire",
            paging_model=ParametreRechercheFactureATraiterParRecipiendaire,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_factures,
            options=options,
        )

    @api_method
    def rechercher_a_traiter_fournisseur(
        self,
        *,
        id_structure: int,
        masquer_rejetee: bool | None = None,
        recuperer_taille: bool | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriFacturesATraiterFournisseur | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[FactureRechercherATraiterFournisseur]]:
        """Issued invoices the supplier has to act on: ``rechercherFactureATraiterParFournisseur``.

        These are the invoices to complete (``SUSPENDUE``), recycle (``A_RECYCLER``), or whose
        rejection to acknowledge (``REJETEE``).

        Args:
            id_structure: the issuing structure (``idStructureCPP``, from
                ``client.transverses.recuperer_structures_actives_pour_fournisseur()``).
            masquer_rejetee: leave the rejected invoices out.
            recuperer_taille: also return each invoice's size.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_A_TRAITER_FOURNISSEUR,
            RechercherFactureATraiterParFournisseurParam,
            filtres=None,
            criteria={
                "id_structure": id_structure,
                "masquer_rejetee": masquer_rejetee,
                "recuperer_taille": recuperer_taille,
            },
            paging_field="recherche_facture_a_traiter_par_fournisseur",
            paging_model=ParamRechercheFactureATraiterParFournisseur,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_factures,
            options=options,
        )

    @api_method
    def rechercher_demande_paiement(
        self,
        *,
        role_utilisateur: RoleUtilisateur | str,
        numero_facture: str | None = None,
        statut_courant: Sequence[StatutFacture | str] = (),
        type_demande_paiement: TypeDemandePaiement | str | None = None,
        periode_date_depot_du: date | None = None,
        periode_date_depot_au: date | None = None,
        filtres: RechercherDemandePaiementParam | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[RechercherDemandePaiementOutputListeDemandePaiement]]:
        """Payment requests of every kind, for a role: ``rechercherDemandePaiement``.

        This search is not paged: the one page holds every result (its ``total`` is the count).
        Chorus Pro does not serve it in its qualification (sandbox) environment.

        Args:
            role_utilisateur: the account's role (``FOURNISSEUR``, ``DESTINATAIRE``…).
            numero_facture: the invoice number.
            statut_courant: only requests in one of these statuses.
            type_demande_paiement: the kind of request.
            periode_date_depot_du: deposited on or after this date.
            periode_date_depot_au: deposited on or before this date.
            filtres: other criteria of ``RechercherDemandePaiementParam``.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_DEMANDE_PAIEMENT,
            RechercherDemandePaiementParam,
            filtres=filtres,
            criteria={
                "role_utilisateur": role_utilisateur,
                "numero_facture": numero_facture,
                "statut_courant": list(statut_courant),
                "type_demande_paiement": type_demande_paiement,
                "periode_date_depot_du": periode_date_depot_du,
                "periode_date_depot_au": periode_date_depot_au,
            },
            paging_field=None,
            paging_model=None,
            paging={},
            items=lambda answer: answer.liste_demande_paiement,
            options=options,
        )
