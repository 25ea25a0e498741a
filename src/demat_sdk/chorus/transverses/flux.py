"""Flux reports, attachments and the directory of public recipients.

Follow a deposited flux (``consulter_cr``, ``consulter_cr_detaille``), upload the attachments an
invoice quotes (``ajouter_fichier``), download or search the directory of public recipients.
"""

from __future__ import annotations

from datetime import date

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, RequestOptions, api_method, call
from demat_sdk._http.pagination import Page
from demat_sdk.chorus.enums import SyntaxeFlux, TriSens, TypeStructure
from demat_sdk.chorus.files import FileInput, read_attachment
from demat_sdk.chorus.models.base import (
    ParametresRecherche,
    build_request,
    required_in_answer,
)
from demat_sdk.chorus.models.transverses import (
    AjouterFichierParam,
    CompteRendu,
    CompteRenduDetaille,
    ConsulterCRDetailleParam,
    ConsulterCRParam,
    DestinataireTrouve,
    FichierAnnuaire,
    PieceJointeAjoutee,
    RechercherDestinataireParam,
)
from demat_sdk.chorus.pagination import paging_settings, search_call
from demat_sdk.chorus.transverses.operations import (
    AJOUTER_FICHIER,
    CONSULTER_CR,
    CONSULTER_CR_DETAILLE,
    RECHERCHER_DESTINATAIRE,
    TELECHARGER_ANNUAIRE_DESTINATAIRE,
)

__all__ = ["FluxMethods", "consulter_cr_detaille_call"]


def consulter_cr_detaille_call(
    numero_flux_depot: str,
    syntaxe_flux: SyntaxeFlux | str | None,
    options: RequestOptions,
) -> Call[CompteRenduDetaille]:
    """The ``consulterCRDetaille`` call (also used to follow a flux to its end)."""
    body = build_request(
        ConsulterCRDetailleParam,
        CONSULTER_CR_DETAILLE.name,
        numero_flux_depot=numero_flux_depot,
        syntaxe_flux=syntaxe_flux,
    )
    return call(CONSULTER_CR_DETAILLE, body, options)


class FluxMethods:
    """Flux reports, attachments, and the recipients' directory."""

    # --- flux reports ----------------------------------------------------------------------

    @api_method
    def consulter_cr(
        self,
        *,
        numero_flux_depot: str,
        date_depot: date | None = None,
        syntaxe_flux: SyntaxeFlux | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[CompteRendu]:
        """The state of a deposited flux and its PDF report (``fichier_cr``): ``consulterCR``.

        Prefer :meth:`consulter_cr_detaille`, which lists the errors per invoice.

        Args:
            numero_flux_depot: the number ``deposer_flux`` returned.
            date_depot: the deposit date.
            syntaxe_flux: the flux's syntax.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = build_request(
            ConsulterCRParam,
            CONSULTER_CR.name,
            numero_flux_depot=numero_flux_depot,
            date_depot=date_depot,
            syntaxe_flux=syntaxe_flux,
        )
        return call(CONSULTER_CR, body, options)

    @api_method
    def consulter_cr_detaille(
        self,
        *,
        numero_flux_depot: str,
        syntaxe_flux: SyntaxeFlux | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[CompteRenduDetaille]:
        """The state of a deposited flux and its errors: ``consulterCRDetaille``.

        ``etat_courant_depot_flux`` tells where the flux is (``EtatFlux.is_terminal`` once
        processed); ``liste_erreur_dp`` gives, per refused invoice, its number and why.
        ``client.factures.wait_for_integration`` polls this until the flux is processed.

        Args:
            numero_flux_depot: the number ``deposer_flux`` returned.
            syntaxe_flux: the flux's syntax.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return consulter_cr_detaille_call(numero_flux_depot, syntaxe_flux, options)

    # --- files and the directory -------------------------------------------------------------

    @api_method
    def ajouter_fichier(
        self,
        *,
        fichier: FileInput,
        nom_fichier: str | None = None,
        type_mime: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[int]:
        """Upload an attachment and get its id: ``ajouterFichierDansSysteme``.

        The id goes in an invoice (``piece_jointe_principale``, ``pieces_jointes_…``) or in a
        completion (``factures.completer``).

        Args:
            fichier: the file: its bytes, or its path; at most 10 MB.
            nom_fichier: its name, extension included, at most 50 characters; the path's name
                by default (required for bytes).
            type_mime: its MIME type; guessed from the extension by default.
            **options: per-call ``timeout`` and ``max_retries``.

        Returns:
            The attachment's id (``pieceJointeId``).

        Raises:
            InvalidRequestError: the file is too big or empty, or its name too long or without
                an extension Chorus Pro accepts.
        """
        piece = read_attachment(fichier, nom_fichier, type_mime, operation=AJOUTER_FICHIER.name)
        body = AjouterFichierParam(
            piece_jointe_fichier=piece.content,
            piece_jointe_nom=piece.name,
            piece_jointe_type_mime=piece.type_mime,
            piece_jointe_extension=piece.extension,
        )

        def extract(answer: PieceJointeAjoutee) -> int:
            return required_in_answer(answer.piece_jointe_id, AJOUTER_FICHIER.name, "pieceJointeId")

        return call(AJOUTER_FICHIER, body, options, extract)

    @api_method
    def telecharger_annuaire_destinataire(self, **options: Unpack[RequestOptions]) -> Call[bytes]:
        """The directory of public recipients, as a file: ``telechargerAnnuaireDestinataire``.

        Chorus Pro refreshes it weekly; it lists every public structure with its services and
        what an invoice addressed to it needs.

        Args:
            **options: per-call ``timeout`` and ``max_retries``.

        Returns:
            The file, decoded from base64.
        """

        def extract(answer: FichierAnnuaire) -> bytes:
            return required_in_answer(
                answer.fichier_resultat, TELECHARGER_ANNUAIRE_DESTINATAIRE.name, "fichierResultat"
            )

        return call(TELECHARGER_ANNUAIRE_DESTINATAIRE, {}, options, extract)

    @api_method
    def rechercher_destinataire(
        self,
        *,
        identifiant: str | None = None,
        nom_ville_code_postal: str | None = None,
        type_structure: TypeStructure | str | None = None,
        page: int = 1,
        nb_resultats_par_page: int | None = None,
        tri_colonne: str | None = None,
        tri_sens: TriSens | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[DestinataireTrouve]]:
        """Public structures an invoice may be addressed to: ``rechercherDestinataire``.

        Args:
            identifiant: the SIRET (or its beginning).
            nom_ville_code_postal: a name, a town or a postal code.
            type_structure: ``PUBLIQUE`` or ``PRIVEE``.
            page: the page to fetch, from 1.
            nb_resultats_par_page: the page size.
            tri_colonne: sort column (free text: the API does not publish them).
            tri_sens: sort order.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return search_call(
            RECHERCHER_DESTINATAIRE,
            RechercherDestinataireParam,
            filtres=None,
            criteria={
                "identifiant": identifiant,
                "nom_ville_code_postal": nom_ville_code_postal,
                "type_structure": type_structure,
            },
            paging_field="parametres_recherche",
            paging_model=ParametresRecherche,
            paging=paging_settings(page, nb_resultats_par_page, tri_colonne, tri_sens),
            items=lambda answer: answer.liste_destinataires,
            options=options,
        )
