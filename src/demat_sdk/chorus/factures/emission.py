"""The supplier's writes: deposit, submission, completion, recycling, rejections, validator."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NoReturn

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, RequestOptions, api_method, call
from demat_sdk.chorus.enums import (
    CadreFacturation,
    FormatDepot,
    ModeDepotSoumission,
    SyntaxeFlux,
    TypeIdentifiantStructure,
)
from demat_sdk.chorus.factures.operations import (
    COMPLETER,
    CORRIGER_VALIDEUR,
    DEPOSER_FLUX,
    DEPOSER_PDF,
    RECYCLER,
    SOUMETTRE,
    TRAITER_REJET,
)
from demat_sdk.chorus.files import FileInput, read_file
from demat_sdk.chorus.models.base import build_request
from demat_sdk.chorus.models.factures_emission import (
    CompleterFactureParam,
    CorrigerValideurFactureParam,
    DeposerFluxFactureParam,
    DeposerPdfFactureParam,
    LignePosteSoumettreInput,
    LigneTvaSoumettreInput,
    PieceJointeComplementaire,
    PieceJointeComplementaireSoumettreInput,
    RecyclerFactureParam,
    SoumettreFactureCadreDeFacturation,
    SoumettreFactureDestinataire,
    SoumettreFactureFournisseur,
    SoumettreFactureMontantTotal,
    SoumettreFactureParam,
    SoumettreFacturePieceJointePrincipale,
    SoumettreFactureReferences,
    TraiterFacturesRejeteesListeDemandePaiement,
    TraiterFacturesRejeteesParam,
    WsRetour,
    WsRetourCompleterFacture,
    WsRetourCorrigerValideurFacture,
    WsRetourDeposerFluxFacture,
    WsRetourDeposerPdfFacture,
    WsRetourRecyclerFacture,
    WsRetourSoumettreFacture,
)
from demat_sdk.errors import InvalidRequestError

__all__ = ["EmissionMethods", "check_structure_named"]

MAX_NOM_FICHIER_FLUX = 200
"""Longest flux file name Chorus Pro stores."""

_WITH_VALIDATOR = frozenset(
    {CadreFacturation.A9_FACTURE_SOUSTRAITANT, CadreFacturation.A12_FACTURE_COTRAITANT}
)


class EmissionMethods:
    """What a supplier sends: invoices (flux, PDF, typed), completions, recyclings."""

    @api_method
    def deposer_flux(
        self,
        *,
        fichier: FileInput,
        syntaxe_flux: SyntaxeFlux | str,
        nom_fichier: str | None = None,
        avec_signature: bool = False,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourDeposerFluxFacture]:
        """Deposit a flux of invoices (UBL, CII, Factur-X…): ``deposerFluxFacture``.

        Chorus Pro processes the flux later: follow it with :meth:`wait_for_integration` (or
        ``client.transverses.consulter_cr_detaille``) and its ``numero_flux_depot``.

        Args:
            fichier: the flux: its bytes, or its path (``str`` or ``Path``). At most 10 MB,
                checked before the file is read or encoded.
            syntaxe_flux: its syntax (``SyntaxeFlux.IN_DP_E1_CII_16B``,
                ``SyntaxeFlux.IN_DP_E2_CII_FACTURX``…).
            nom_fichier: the file name, extension included; the path's name by default
                (required for bytes).
            avec_signature: whether the flux is signed.
            **options: per-call ``timeout`` and ``max_retries``.

        Returns:
            The deposit receipt: ``numero_flux_depot``, ``date_depot``, ``syntaxe_flux``.

        Raises:
            InvalidRequestError: the file is missing, empty or over 10 MB, the name is missing
                or too long, or the syntax is not an official one.
        """
        fichier_lu = read_file(fichier, nom_fichier, operation=DEPOSER_FLUX.name)
        _check_length(fichier_lu.name, MAX_NOM_FICHIER_FLUX, "nom_fichier", DEPOSER_FLUX.name)
        body = build_request(
            DeposerFluxFactureParam,
            DEPOSER_FLUX.name,
            fichier_flux=fichier_lu.content,
            nom_fichier=fichier_lu.name,
            syntaxe_flux=syntaxe_flux,
            avec_signature=avec_signature,
        )
        return call(DEPOSER_FLUX, body, options)

    @api_method
    def deposer_pdf(
        self,
        *,
        fichier: FileInput,
        nom_fichier: str | None = None,
        format_depot: FormatDepot | str = FormatDepot.PDF_NON_SIGNE,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourDeposerPdfFacture]:
        """Deposit an invoice PDF for Chorus Pro to read: ``deposerPdfFacture``.

        The answer holds what Chorus Pro recognised in the PDF and its ``piece_jointe_id``;
        complete and send the invoice with :meth:`soumettre` (``mode_depot=DEPOT_PDF_API``).

        Args:
            fichier: the PDF: its bytes or its path; at most 10 MB.
            nom_fichier: the file name; the path's name by default (required for bytes).
            format_depot: unsigned PDF (default), or signed PAdES / XAdES.
            **options: per-call ``timeout`` and ``max_retries``.

        Raises:
            InvalidRequestError: the file is missing, empty or over 10 MB, or has no name.
        """
        fichier_lu = read_file(fichier, nom_fichier, operation=DEPOSER_PDF.name)
        body = build_request(
            DeposerPdfFactureParam,
            DEPOSER_PDF.name,
            fichier_facture=fichier_lu.content,
            nom_fichier=fichier_lu.name,
            format_depot=format_depot,
        )
        return call(DEPOSER_PDF, body, options)

    @api_method
    def soumettre(
        self,
        *,
        facture: SoumettreFactureParam | None = None,
        numero_facture_saisi: str | None = None,
        date_facture: date | None = None,
        destinataire: SoumettreFactureDestinataire | None = None,
        fournisseur: SoumettreFactureFournisseur | None = None,
        references: SoumettreFactureReferences | None = None,
        montant_total: SoumettreFactureMontantTotal | None = None,
        lignes_poste: Sequence[LignePosteSoumettreInput] = (),
        lignes_tva: Sequence[LigneTvaSoumettreInput] = (),
        mode_depot: ModeDepotSoumission | str = ModeDepotSoumission.SAISIE_API,
        cadre_de_facturation: (
            SoumettreFactureCadreDeFacturation | CadreFacturation | str
        ) = CadreFacturation.A1_FACTURE_FOURNISSEUR,
        piece_jointe_principale: SoumettreFacturePieceJointePrincipale | None = None,
        pieces_jointes_complementaires: Sequence[PieceJointeComplementaireSoumettreInput] = (),
        commentaire: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourSoumettreFacture]:
        """Submit an invoice from its data: ``soumettreFacture``.

        Either give the invoice's parts as arguments, or a whole request with ``facture=``.
        Chorus Pro creates the invoice at once (status ``DEPOSEE``).

        Args:
            facture: the complete request body, instead of the other arguments.
            numero_facture_saisi: the invoice number (at most 20 characters, unique per
                supplier).
            date_facture: the invoice date.
            destinataire: the recipient's SIRET (``code_destinataire``) and service code.
            fournisseur: the supplier's ``id_fournisseur`` (its ``idStructureCPP``), service and
                bank account (``code_coordonnees_bancaires_fournisseur``).
            references: currency, kind (``FACTURE`` / ``AVOIR``), VAT regime, order number…
            montant_total: the totals.
            lignes_poste: the invoice lines (at least one for ``SAISIE_API``).
            lignes_tva: the VAT summary, one line per rate.
            mode_depot: ``SAISIE_API`` (default), ``DEPOT_PDF_API`` or ``DEPOT_PDF_SIGNE_API``.
            cadre_de_facturation: the billing frame, ``A1_FACTURE_FOURNISSEUR`` by default; A9
                and A12 need a validator (``code_structure_valideur``).
            piece_jointe_principale: the invoice PDF, by its id from
                ``client.transverses.ajouter_fichier`` (required with ``DEPOT_PDF_*``).
            pieces_jointes_complementaires: other attachments.
            commentaire: a comment for the recipient (at most 2,000 characters).
            **options: per-call ``timeout`` and ``max_retries``.

        Returns:
            The receipt: ``identifiant_facture_cpp``, ``statut_facture``, ``date_depot``…

        Raises:
            InvalidRequestError: a required part is missing, a code is not official, a
                ``SAISIE_API`` invoice has no line, a PDF deposit has no PDF, or an A9/A12
                invoice names no validator.
        """
        given = {
            "numero_facture_saisi": numero_facture_saisi,
            "date_facture": date_facture,
            "destinataire": destinataire,
            "fournisseur": fournisseur,
            "references": references,
            "montant_total": montant_total,
            "ligne_poste": list(lignes_poste) or None,
            "ligne_tva": list(lignes_tva) or None,
            "piece_jointe_principale": (
                [piece_jointe_principale] if piece_jointe_principale else None
            ),
            "piece_jointe_complementaire": list(pieces_jointes_complementaires) or None,
            "commentaire": commentaire,
        }
        if facture is not None:
            extra = sorted(name for name, value in given.items() if value is not None)
            if extra:
                raise InvalidRequestError(
                    f"pass facture= or the invoice's parts, not both (also given: {extra})",
                    operation=SOUMETTRE.name,
                    field="facture",
                )
            body = facture
        else:
            cadre = (
                cadre_de_facturation
                if isinstance(cadre_de_facturation, SoumettreFactureCadreDeFacturation)
                else {"code_cadre_facturation": cadre_de_facturation}
            )
            fields = {name: value for name, value in given.items() if value is not None}
            body = build_request(
                SoumettreFactureParam,
                SOUMETTRE.name,
                mode_depot=mode_depot,
                cadre_de_facturation=cadre,
                **fields,
            )
        _check_soumission(body)
        return call(SOUMETTRE, body, options)

    @api_method
    def completer(
        self,
        *,
        identifiant_facture_cpp: int,
        pieces_jointes: Sequence[PieceJointeComplementaire] = (),
        commentaire: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourCompleterFacture]:
        """Complete a suspended invoice (``SUSPENDUE`` → ``COMPLETEE``): ``completerFacture``.

        Args:
            identifiant_facture_cpp: the invoice.
            pieces_jointes: the missing documents, by their ids from
                ``client.transverses.ajouter_fichier``.
            commentaire: an answer to the recipient's motif.
            **options: per-call ``timeout`` and ``max_retries``.

        Raises:
            InvalidRequestError: neither an attachment nor a comment is given.
            ChorusBusinessError: Chorus Pro refused (``code_retour`` 20002: the invoice is not
                suspended).
        """
        if not pieces_jointes and not (commentaire and commentaire.strip()):
            raise InvalidRequestError(
                "completing an invoice needs an attachment or a comment",
                operation=COMPLETER.name,
                field="pieces_jointes",
            )
        body = build_request(
            CompleterFactureParam,
            COMPLETER.name,
            identifiant_facture_cpp=identifiant_facture_cpp,
            piece_jointe_complementaire=list(pieces_jointes) or None,
            commentaire=commentaire,
        )
        return call(COMPLETER, body, options)

    @api_method
    def recycler(
        self,
        *,
        identifiant_facture_cpp: int,
        code_destinataire: str,
        code_service_executant: str | None = None,
        reference: SoumettreFactureReferences | None = None,
        commentaire: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourRecyclerFacture]:
        """Send an invoice to recycle (``A_RECYCLER``) again, readdressed: ``recyclerFacture``.

        Recycling corrects the routing data the recipient found wrong: its SIRET, its service
        code, the order (EJ) number in ``reference``. The invoice goes back to ``DEPOSEE``.

        Args:
            identifiant_facture_cpp: the invoice.
            code_destinataire: the recipient's SIRET.
            code_service_executant: the recipient's service code.
            reference: corrected references (order or contract number…).
            commentaire: a comment for the recipient.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body = build_request(
            RecyclerFactureParam,
            RECYCLER.name,
            identifiant_facture_cpp=identifiant_facture_cpp,
            destinataire=SoumettreFactureDestinataire(
                code_destinataire=code_destinataire,
                code_service_executant=code_service_executant,
            ),
            reference=reference,
            commentaire=commentaire,
        )
        return call(RECYCLER, body, options)

    @api_method
    def traiter_rejet(
        self, *, ids_demande_paiement: Sequence[int], **options: Unpack[RequestOptions]
    ) -> Call[WsRetour]:
        """Acknowledge rejected invoices (``rejetTraite``): ``traiterFacturesRejetees``.

        Args:
            ids_demande_paiement: the rejected invoices (their ``identifiant_facture_cpp``).
            **options: per-call ``timeout`` and ``max_retries``.

        Raises:
            InvalidRequestError: no invoice is given.
        """
        if not ids_demande_paiement:
            raise InvalidRequestError(
                "give at least one rejected invoice",
                operation=TRAITER_REJET.name,
                field="ids_demande_paiement",
            )
        body = build_request(
            TraiterFacturesRejeteesParam,
            TRAITER_REJET.name,
            liste_demande_paiement=[
                TraiterFacturesRejeteesListeDemandePaiement(id_demande_paiement=identifiant)
                for identifiant in ids_demande_paiement
            ],
        )
        return call(TRAITER_REJET, body, options)

    @api_method
    def corriger_valideur(
        self,
        *,
        id_facture: int,
        id_structure: int | None = None,
        type_identifiant_structure: TypeIdentifiantStructure | str | None = None,
        identifiant_structure: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Call[WsRetourCorrigerValideurFacture]:
        """Name another validator for an invoice (``ERREUR_FOURNISSEUR_SUR_VALIDEUR``).

        Operation ``corrigerValideurFacture``. Name the validator by its ``id_structure``, or by
        its identifier and the kind of identifier (``SIRET``…).

        Raises:
            InvalidRequestError: the validator is not named, or named both ways.
        """
        check_structure_named(
            id_structure,
            identifiant_structure,
            type_identifiant_structure,
            what="the validator",
            operation=CORRIGER_VALIDEUR.name,
        )
        body = build_request(
            CorrigerValideurFactureParam,
            CORRIGER_VALIDEUR.name,
            id_facture=id_facture,
            id_structure=id_structure,
            type_identifiant_structure=type_identifiant_structure,
            identifiant_structure=identifiant_structure,
        )
        return call(CORRIGER_VALIDEUR, body, options)


def check_structure_named(
    id_structure: int | None,
    identifiant_structure: str | None,
    type_identifiant_structure: object | None,
    *,
    what: str,
    operation: str,
) -> None:
    """Refuse a structure named neither or both ways (by id, or by identifier and its kind).

    Raises:
        InvalidRequestError: naming ``what`` and the operation.
    """
    by_id = id_structure is not None
    by_identifier = identifiant_structure is not None or type_identifiant_structure is not None
    identifier_complete = (
        identifiant_structure is not None and type_identifiant_structure is not None
    )
    if by_id == by_identifier or (by_identifier and not identifier_complete):
        raise InvalidRequestError(
            f"name {what} by id_structure, or by identifiant_structure and "
            "type_identifiant_structure",
            operation=operation,
            field="id_structure",
        )


def _check_length(value: str, limit: int, field: str, operation: str) -> None:
    if len(value) > limit:
        raise InvalidRequestError(
            f"{value[:40]!r}… has {len(value)} characters, over {limit}",
            operation=operation,
            field=field,
        )


def _check_soumission(body: SoumettreFactureParam) -> None:
    """The rules Chorus Pro applies to a submission that can be checked before sending."""

    def refuse(message: str, field: str) -> NoReturn:
        raise InvalidRequestError(message, operation=SOUMETTRE.name, field=field)

    for part in ("date_facture", "destinataire", "fournisseur", "references", "montant_total"):
        if getattr(body, part) is None:
            refuse(f"{part} is required", part)
    if body.destinataire is not None and not body.destinataire.code_destinataire:
        refuse("the recipient's SIRET is required", "destinataire.code_destinataire")
    if body.fournisseur is not None and body.fournisseur.id_fournisseur is None:
        refuse("the supplier's id (its idStructureCPP) is required", "fournisseur.id_fournisseur")
    mode = body.mode_depot or ModeDepotSoumission.SAISIE_API
    if mode is ModeDepotSoumission.SAISIE_API and not body.ligne_poste:
        refuse("an invoice submitted with SAISIE_API needs at least one line", "lignes_poste")
    if mode is not ModeDepotSoumission.SAISIE_API and not body.piece_jointe_principale:
        refuse(f"an invoice submitted with {mode.value} needs its PDF", "piece_jointe_principale")
    cadre = body.cadre_de_facturation
    if (
        cadre is not None
        and cadre.code_cadre_facturation in _WITH_VALIDATOR
        and not cadre.code_structure_valideur
    ):
        refuse(
            f"{cadre.code_cadre_facturation.value} needs a validator (code_structure_valideur)",
            "cadre_de_facturation.code_structure_valideur",
        )
