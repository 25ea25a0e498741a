"""What recipients and validators do with invoices: status changes, validation, download."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, RequestOptions, api_method, call
from demat_sdk.chorus.doctrine import MotifCategorie
from demat_sdk.chorus.enums import FormatTelechargement, StatutFacture
from demat_sdk.chorus.factures.operations import (
    RECUPERER_STATUTS_VISIBLES_VALIDEUR,
    TELECHARGER_GROUPE,
    TRAITER_A_VALIDER,
    TRAITER_RECUE,
)
from demat_sdk.chorus.lifecycle import MOTIF_REQUIRED
from demat_sdk.chorus.models.base import build_request, required_in_answer
from demat_sdk.chorus.models.factures_traitement import (
    IdFactureInput,
    RecupererStatutsFactureVisiblesParValideurParam,
    TelechargerGroupeFactureParam,
    TraiterFactureAValiderParam,
    TraiterUneFactureRecueParam,
    WsRetourRecupererStatutsFactureVisiblesParValideur,
    WsRetourTelechargerGroupeFacture,
    WsRetourTraiterFacture,
    WsRetourTraiterFactureAValider,
)
from demat_sdk.errors import InvalidRequestError

__all__ = ["TraitementMethods"]


class TraitementMethods:
    """A recipient processes received invoices; a validator validates or refuses."""

    @api_method
    def traiter_facture_recue(
        self,
        *,
        id_facture: int,
        nouveau_statut: StatutFacture | str,
        motif: str | None = None,
        numero_dp_mandat: str | None = None,
        categorie: MotifCategorie | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourTraiterFacture]:
        """Give a received invoice its new status: ``traiterFactureRecue``.

        The usual steps: ``SERVICE_FAIT``, ``MANDATEE`` (with ``numero_dp_mandat``),
        ``MISE_A_DISPOSITION_COMPTABLE``, ``COMPTABILISEE``, ``MISE_EN_PAIEMENT``. When the
        invoice cannot be paid as it is, prefer ``SUSPENDUE`` (documents missing: the supplier
        completes it) or ``A_RECYCLER`` (wrong recipient, service or order number) to
        ``REJETEE``, which is final. The statuses allowed from the current one are listed by
        ``client.transverses.recuperer_etats_possibles_pour_traitement``.

        Args:
            id_facture: the invoice.
            nouveau_statut: its new status.
            motif: why; required for ``REJETEE`` and ``SUSPENDUE`` (the supplier reads it).
            numero_dp_mandat: the number of the mandat (payment order), for ``MANDATEE``.
            categorie: what is wrong with the invoice (not sent to Chorus Pro): the client
                checks a rejet against the status doctrine with it (without it, the category
                is guessed from the motif).
            **options: per-call ``timeout`` and ``max_retries``.

        Raises:
            InvalidRequestError: the status is not an official one, or a rejection or a
                suspension has no motif, or (client in strict doctrine mode) a rejet where the
                doctrine calls for a suspension or a recyclage.
            PatientDataError: the motif holds patient data.

        Warns:
            DoctrineWarning: a rejet where the doctrine calls for a suspension or a recyclage.
        """
        body = build_request(
            TraiterUneFactureRecueParam,
            TRAITER_RECUE.name,
            id_facture=id_facture,
            nouveau_statut=nouveau_statut,
            motif=motif,
            numero_dp_mandat=numero_dp_mandat,
        )
        if body.nouveau_statut in MOTIF_REQUIRED and not (motif and motif.strip()):
            raise InvalidRequestError(
                f"a motif is required to set an invoice {body.nouveau_statut.value}: the "
                "supplier must know why",
                operation=TRAITER_RECUE.name,
                field="motif",
            )
        context = {"categorie": MotifCategorie(categorie)} if categorie else {}
        return call(TRAITER_RECUE, body, options, context=context)

    @api_method
    def traiter_facture_a_valider(
        self,
        *,
        id_facture: int,
        action: str,
        type_valideur: str | None = None,
        id_valideur: int | None = None,
        motif_refus: str | None = None,
        complement_info: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourTraiterFactureAValider]:
        """Validate or refuse an invoice waiting for the account: ``traiterFactureAValider``.

        Args:
            id_facture: the invoice.
            action: what to do, as Chorus Pro names it (the Swagger leaves it free text).
            type_valideur: the kind of validator.
            id_valideur: the validator.
            motif_refus: the reason of a refusal (see
                ``client.transverses.recuperer_motifs_refus_facture_a_valider``).
            complement_info: more information.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = build_request(
            TraiterFactureAValiderParam,
            TRAITER_A_VALIDER.name,
            id_facture=id_facture,
            action=action,
            type_valideur=type_valideur,
            id_valideur=id_valideur,
            motif_refus=motif_refus,
            complement_info=complement_info,
        )
        return call(TRAITER_A_VALIDER, body, options)

    @api_method
    def telecharger_groupe(
        self,
        *,
        ids_facture: Sequence[int],
        format: FormatTelechargement | str = FormatTelechargement.PDF,
        avec_pieces_jointes_complementaires: bool = False,
        id_espace: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[bytes]:
        """Download invoices: ``telechargerGroupeFacture``.

        Downloading marks a received invoice as downloaded
        (``facture_telechargee_par_destinataire``). Chorus Pro recommends about ten invoices
        per call and refuses a result over 120 MB (HTTP 413).

        Args:
            ids_facture: the invoices.
            format: ``PDF`` (default) or ``PIVOT`` (the pivot XML, attachments included).
            avec_pieces_jointes_complementaires: with ``PDF``, also the other attachments.
            id_espace: the workspace the invoices are seen from.
            **options: per-call ``timeout`` and ``max_retries``.

        Returns:
            The file, decoded: a PDF for one invoice with one attachment, a ZIP archive
            otherwise (one folder per invoice), or the pivot XML.

        Raises:
            InvalidRequestError: no invoice is given.
            RequestTooLargeError: the result is over 120 MB; ask for fewer invoices.
        """
        if not ids_facture:
            raise InvalidRequestError(
                "give at least one invoice", operation=TELECHARGER_GROUPE.name, field="ids_facture"
            )
        body = build_request(
            TelechargerGroupeFactureParam,
            TELECHARGER_GROUPE.name,
            id_espace=id_espace,
            format=format,
            avec_pieces_jointes_complementaires=(
                ("OUI" if avec_pieces_jointes_complementaires else "NON")
                if FormatTelechargement(format) is FormatTelechargement.PDF
                else None
            ),
            liste_facture=[IdFactureInput(id_facture=identifiant) for identifiant in ids_facture],
        )

        def extract(answer: WsRetourTelechargerGroupeFacture) -> bytes:
            return required_in_answer(
                answer.fichier_resultat, TELECHARGER_GROUPE.name, "fichierResultat"
            )

        return call(TELECHARGER_GROUPE, body, options, extract)

    @api_method
    def recuperer_statuts_visibles_valideur(
        self, **options: Unpack[RequestOptions]
    ) -> Call[list[StatutFacture]]:
        """Statuses of the invoices a validator may see: ``recupererStatutsFactureVisibles…``.

        Args:
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = RecupererStatutsFactureVisiblesParValideurParam()

        def extract(
            answer: WsRetourRecupererStatutsFactureVisiblesParValideur,
        ) -> list[StatutFacture]:
            return [
                item.code_statut_facture
                for item in answer.liste_statut_facture
                if item.code_statut_facture is not None
            ]

        return call(RECUPERER_STATUTS_VISIBLES_VALIDEUR, body, options, extract)
