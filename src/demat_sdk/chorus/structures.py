"""``client.structures``: the Structures API (6 operations of the official Swagger file).

Find a public recipient and what an invoice addressed to it needs (``consulter`` →
``parametres``: service code, engagement number…), its services, the users attached to it, its
workspaces.
"""

from __future__ import annotations

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, Operation, RequestOptions, api_method, call
from demat_sdk._http.pagination import Page
from demat_sdk._http.retry import Safety
from demat_sdk.chorus._resource import AsyncResource, SyncResource
from demat_sdk.chorus.enums import (
    CodeLangue,
    StatutStructureRecherche,
    TriSens,
    TypeIdentifiantStructure,
    TypeStructure,
)
from demat_sdk.chorus.models.base import build_request
from demat_sdk.chorus.models.structures import (
    ConsulterServiceStructureParam,
    ConsulterStructureAvecTVAIntraComParam,
    ListerRattachementsStructureUtilisateurParam,
    ParametresRechercherEspacesFo,
    ParametresRechercherServicesStructure,
    ParametresRechercherStructure,
    ParamListerRattachementsStructureUtilisateur,
    RechercherEspacesParam,
    RechercherServicesStructureParam,
    RechercherStructureParam,
    ServiceExpose,
    ServiceOutputListerRattachementsStructureUtilisateur,
    StructureAAfficher,
    WsRetourConsulterServiceStructure,
    WsRetourConsulterStructureTVAIntraCom,
    WsRetourEspaceFoServiceSxp,
    WsRetourListerRattachementsStructureUtilisateur,
    WsRetourRechercherEspacesFo,
    WsRetourRechercherServicesStructure,
    WsRetourRechercherStructure,
)
from demat_sdk.chorus.pagination import paging_settings, search_call
from demat_sdk.chorus.tri import TriEspaces, TriRattachements, TriServices, TriStructures

__all__ = ["OPERATIONS", "AsyncStructures", "Structures", "StructuresMethods"]

_BASE = "/cpro/structures/v1"

RECHERCHER = Operation(
    "rechercherStructure", f"{_BASE}/rechercher", Safety.SAFE, WsRetourRechercherStructure
)
CONSULTER = Operation(
    "consulterStructureAvecTVAIntraCom",
    f"{_BASE}/consulter",
    Safety.SAFE,
    WsRetourConsulterStructureTVAIntraCom,
)
RECHERCHER_SERVICES = Operation(
    "rechercherServicesStructure",
    f"{_BASE}/rechercher/services",
    Safety.SAFE,
    WsRetourRechercherServicesStructure,
)
CONSULTER_SERVICE = Operation(
    "consulterServiceStructure",
    f"{_BASE}/consulter/service",
    Safety.SAFE,
    WsRetourConsulterServiceStructure,
)
LISTER_RATTACHEMENTS = Operation(
    "listerRattachementsStructureUtilisateur",
    f"{_BASE}/lister/rattachementsutilisateur",
    Safety.SAFE,
    WsRetourListerRattachementsStructureUtilisateur,
)
RECHERCHER_ESPACES = Operation(
    "rechercherEspaces", f"{_BASE}/rechercher/espaces", Safety.SAFE, WsRetourRechercherEspacesFo
)

OPERATIONS = (
    RECHERCHER,
    CONSULTER,
    RECHERCHER_SERVICES,
    CONSULTER_SERVICE,
    LISTER_RATTACHEMENTS,
    RECHERCHER_ESPACES,
)
"""Every operation of the Structures API."""


class StructuresMethods:
    """Structures (public recipients, suppliers) and their services."""

    @api_method
    def rechercher(
        self,
        *,
        identifiant_structure: str | None = None,
        type_identifiant_structure: TypeIdentifiantStructure | str | None = None,
        raison_sociale_structure: str | None = None,
        libelle_structure: str | None = None,
        nom_structure: str | None = None,
        prenom_structure: str | None = None,
        adresse_code_postal: str | None = None,
        adresse_ville: str | None = None,
        adresse_code_pays: str | None = None,
        type_structure: TypeStructure | str | None = None,
        statut_structure: StatutStructureRecherche | str | None = None,
        est_moa: bool | None = None,
        est_moa_uniquement: bool | None = None,
        restreindre_structures_privees: bool | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriStructures | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[StructureAAfficher]]:
        """Structures matching the criteria: ``rechercherStructure``.

        Args:
            identifiant_structure: the SIRET (or other identifier).
            type_identifiant_structure: the kind of identifier (``SIRET``…).
            raison_sociale_structure: the company name.
            libelle_structure: the structure's label.
            nom_structure: a person's last name (individual suppliers).
            prenom_structure: a person's first name.
            adresse_code_postal: the postal code.
            adresse_ville: the town.
            adresse_code_pays: the country code.
            type_structure: ``PUBLIQUE`` or ``PRIVEE``.
            statut_structure: ``ACTIF`` or ``INACTIF`` (answers say ``ACTIVE`` / ``INACTIVE``).
            est_moa: project owners only.
            est_moa_uniquement: structures that are only project owners.
            restreindre_structures_privees: leave private structures out.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        structure = {
            "identifiant_structure": identifiant_structure,
            "type_identifiant_structure": type_identifiant_structure,
            "raison_sociale_structure": raison_sociale_structure,
            "libelle_structure": libelle_structure,
            "nom_structure": nom_structure,
            "prenom_structure": prenom_structure,
            "adresse_code_postal": adresse_code_postal,
            "adresse_ville": adresse_ville,
            "adresse_code_pays": adresse_code_pays,
            "type_structure": type_structure,
            "statut_structure": statut_structure,
            "est_moa": est_moa,
            "est_moa_uniquement": est_moa_uniquement,
        }
        given = {key: value for key, value in structure.items() if value is not None}
        return search_call(
            RECHERCHER,
            RechercherStructureParam,
            filtres=None,
            criteria={
                "structure": given or None,
                "restreindre_structures_privees": restreindre_structures_privees,
            },
            paging_field="parametres",
            paging_model=ParametresRechercherStructure,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_structures,
            options=options,
        )

    @api_method
    def consulter(
        self,
        *,
        id_structure_cpp: int,
        code_langue: CodeLangue | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourConsulterStructureTVAIntraCom]:
        """A structure in full: ``consulterStructureAvecTVAIntraCom``.

        Its ``parametres`` say what an invoice addressed to it needs
        (``code_service_doit_etre_renseigne``, ``numero_ej_doit_etre_renseigne``,
        ``gestion_numero_ej_ou_code_service``) and whether it reports payments
        (``statut_mise_en_paiement_nest_pas_remonte``); ``informations_generales`` holds the
        expiry date of the technical account's password.

        Args:
            id_structure_cpp: the structure (``idStructureCPP``, from :meth:`rechercher`).
            code_langue: language of the labels.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = build_request(
            ConsulterStructureAvecTVAIntraComParam,
            CONSULTER.name,
            id_structure_cpp=id_structure_cpp,
            code_langue=code_langue,
        )
        return call(CONSULTER, body, options)

    @api_method
    def rechercher_services(
        self,
        *,
        id_structure: int,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriServices | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[ServiceExpose]]:
        """The services of a structure (their codes go in invoices): ``rechercherServices…``.

        Args:
            id_structure: the structure (``idStructureCPP``).
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_SERVICES,
            RechercherServicesStructureParam,
            filtres=None,
            criteria={"id_structure": id_structure},
            paging_field="parametres_rechercher_services_structure",
            paging_model=ParametresRechercherServicesStructure,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_services,
            options=options,
        )

    @api_method
    def consulter_service(
        self,
        *,
        id_structure: int,
        id_service: int,
        code_langue: CodeLangue | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourConsulterServiceStructure]:
        """A service in full: ``consulterServiceStructure``.

        Its ``parametres.numero_engagement`` says whether invoices to it need an engagement
        (EJ) number.

        Args:
            id_structure: the structure (``idStructureCPP``).
            id_service: the service.
            code_langue: language of the labels.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = build_request(
            ConsulterServiceStructureParam,
            CONSULTER_SERVICE.name,
            id_structure=id_structure,
            id_service=id_service,
            code_langue=code_langue,
        )
        return call(CONSULTER_SERVICE, body, options)

    @api_method
    def lister_rattachements(
        self,
        *,
        id_structure: int | None = None,
        identifiant_structure: str | None = None,
        type_identifiant_structure: TypeIdentifiantStructure | str | None = None,
        id_utilisateur: int | None = None,
        adresse_email_connexion_utilisateur: str | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriRattachements | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[ServiceOutputListerRattachementsStructureUtilisateur]]:
        """A user's attachments to the services of a structure (``listerRattachements…``).

        The page's ``response`` also holds the structure (``id_structure``,
        ``designation_structure``…).

        Args:
            id_structure: the structure (``idStructureCPP``)…
            identifiant_structure: …or its identifier…
            type_identifiant_structure: …and the kind of identifier.
            id_utilisateur: the user…
            adresse_email_connexion_utilisateur: …or their login e-mail.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            LISTER_RATTACHEMENTS,
            ListerRattachementsStructureUtilisateurParam,
            filtres=None,
            criteria={
                "id_structure": id_structure,
                "identifiant_structure": identifiant_structure,
                "type_identifiant_structure": type_identifiant_structure,
                "id_utilisateur": id_utilisateur,
                "adresse_email_connexion_utilisateur": adresse_email_connexion_utilisateur,
            },
            paging_field="parametres_lister_rattachements_structure_utilisateur",
            paging_model=ParamListerRattachementsStructureUtilisateur,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_services,
            options=options,
        )

    @api_method
    def rechercher_espaces(
        self,
        *,
        id_service: int | None = None,
        id_structure: int | None = None,
        identifiant_structure: str | None = None,
        type_identifiant_structure: TypeIdentifiantStructure | str | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: TriEspaces | str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[WsRetourEspaceFoServiceSxp]]:
        """The workspaces of a structure or a service: ``rechercherEspaces``.

        Args:
            id_service: the service.
            id_structure: the structure (``idStructureCPP``)…
            identifiant_structure: …or its identifier…
            type_identifiant_structure: …and the kind of identifier.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column.
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        structure = {
            "id_structure": id_structure,
            "identifiant_structure": identifiant_structure,
            "type_identifiant_structure": type_identifiant_structure,
        }
        given = {key: value for key, value in structure.items() if value is not None}
        return search_call(
            RECHERCHER_ESPACES,
            RechercherEspacesParam,
            filtres=None,
            criteria={"id_service": id_service, "structure": given or None},
            paging_field="parametres_rechercher_espaces",
            paging_model=ParametresRechercherEspacesFo,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_espace,
            options=options,
        )


class Structures(SyncResource, StructuresMethods):
    """``ChorusPro.structures``: structures and their services (blocking)."""


class AsyncStructures(AsyncResource, StructuresMethods):
    """``AsyncChorusPro.structures``: structures and their services (awaitable)."""
