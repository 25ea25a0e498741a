"""Reference lists: what invoices may contain, the account's structures, what may come next.

The health check; the lists used to fill an invoice (currencies, countries, VAT rates and
exemptions, payment and deposit modes, flux formats, billing frames, kinds of payment request);
the structures and bank accounts of the technical account; the statuses a recipient may give an
invoice next, the kinds of attachment, a validator's coded refusal reasons.
"""

from __future__ import annotations

from typing import Any, TypeVar

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, Operation, RequestOptions, api_method, call
from demat_sdk.chorus.enums import (
    CadreFacturation as CodeCadreFacturation,
)
from demat_sdk.chorus.enums import (
    ChorusEnum,
    CodeLangue,
    StatutFacture,
    TypeDemandePaiement,
    TypeObjetPieceJointe,
)
from demat_sdk.chorus.models.transverses import (
    CadreFacturation,
    CoordonneeBancaire,
    Devise,
    FormatFlux,
    HealthCheck,
    ModeDepotItem,
    ModeReglement,
    MotifExonerationTva,
    MotifRefus,
    Pays,
    StructureActive,
    TauxTva,
    TypeDemandePaiementItem,
    TypePieceJointe,
)
from demat_sdk.chorus.transverses.operations import (
    HEALTH_CHECK,
    RECUPERER_CADRE_FACTURATION,
    RECUPERER_COORDONNEES_BANCAIRES_VALIDES,
    RECUPERER_DEVISES,
    RECUPERER_ETATS_POSSIBLES_POUR_TRAITEMENT,
    RECUPERER_FORMAT_FLUX,
    RECUPERER_MODE_DEPOT,
    RECUPERER_MODE_REGLEMENTS,
    RECUPERER_MOTIFS_EXONERATION_TVA,
    RECUPERER_MOTIFS_REFUS_FACTURE_A_VALIDER,
    RECUPERER_PAYS,
    RECUPERER_STRUCTURES_ACTIVES_DESTINATAIRE,
    RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR,
    RECUPERER_TAUX_TVA,
    RECUPERER_TYPE_DEMANDE_PAIEMENT,
    RECUPERER_TYPES_PIECE_JOINTE,
)
from demat_sdk.errors import InvalidRequestError

__all__ = ["ReferencesMethods"]

Code = TypeVar("Code", bound=ChorusEnum)


def _langue(code_langue: CodeLangue) -> dict[str, str]:
    return {"codeLangue": CodeLangue(code_langue).value}


class ReferencesMethods:
    """The reference lists of Chorus Pro, and what the account may use or do."""

    @api_method
    def health_check(self, **options: Unpack[RequestOptions]) -> Call[HealthCheck]:
        """Check that the API answers (``GET /health-check``, the only GET of Chorus Pro)."""
        return call(HEALTH_CHECK, None, options)

    @api_method
    def recuperer_devises(
        self, *, code_langue: CodeLangue = CodeLangue.FR, **options: Unpack[RequestOptions]
    ) -> Call[list[Devise]]:
        """Currencies an invoice may be issued in (``recupererDevises``)."""
        return call(RECUPERER_DEVISES, _langue(code_langue), options, lambda r: r.liste_devises)

    @api_method
    def recuperer_pays(
        self, *, code_langue: CodeLangue = CodeLangue.FR, **options: Unpack[RequestOptions]
    ) -> Call[list[Pays]]:
        """Countries, ISO 3166 codes with labels (``recupererPays``)."""
        return call(RECUPERER_PAYS, _langue(code_langue), options, lambda r: r.liste_pays)

    @api_method
    def recuperer_taux_tva(
        self, *, code_langue: CodeLangue = CodeLangue.FR, **options: Unpack[RequestOptions]
    ) -> Call[list[TauxTva]]:
        """VAT rate codes for invoice lines (``recupererTauxTva``)."""
        return call(RECUPERER_TAUX_TVA, _langue(code_langue), options, lambda r: r.liste_taux_tva)

    @api_method
    def recuperer_motifs_exoneration_tva(
        self, *, code_langue: CodeLangue = CodeLangue.FR, **options: Unpack[RequestOptions]
    ) -> Call[list[MotifExonerationTva]]:
        """VAT exemption reasons (``recupererMotifsExonerationTva``)."""
        return call(
            RECUPERER_MOTIFS_EXONERATION_TVA,
            _langue(code_langue),
            options,
            lambda r: r.liste_motifs_exoneration_tva,
        )

    @api_method
    def recuperer_mode_reglements(
        self, **options: Unpack[RequestOptions]
    ) -> Call[list[ModeReglement]]:
        """Payment means (``recupererModeReglements``)."""
        return call(RECUPERER_MODE_REGLEMENTS, {}, options, lambda r: r.liste_mode_paiement)

    @api_method
    def recuperer_mode_depot(self, **options: Unpack[RequestOptions]) -> Call[list[ModeDepotItem]]:
        """Deposit modes (``recupererModeDepot``)."""
        return call(RECUPERER_MODE_DEPOT, {}, options, lambda r: r.liste_mode_depot)

    @api_method
    def recuperer_format_flux(self, **options: Unpack[RequestOptions]) -> Call[list[FormatFlux]]:
        """Flux format families (``recupererFormatFlux``)."""
        return call(RECUPERER_FORMAT_FLUX, {}, options, lambda r: r.liste_format_flux)

    @api_method
    def recuperer_cadre_facturation(
        self,
        *,
        type_demande_paiement: TypeDemandePaiement = TypeDemandePaiement.FACTURE,
        **options: Unpack[RequestOptions],
    ) -> Call[list[CadreFacturation]]:
        """Billing frames allowed for a kind of payment request (``recupererCadreFacturation``)."""
        body = {"typeDemandePaiement": TypeDemandePaiement(type_demande_paiement).value}
        return call(RECUPERER_CADRE_FACTURATION, body, options, lambda r: r.liste_cadre_facturation)

    @api_method
    def recuperer_type_demande_paiement(
        self, **options: Unpack[RequestOptions]
    ) -> Call[list[TypeDemandePaiementItem]]:
        """Kinds of payment request (``recupererTypeDemandePaiement``)."""
        return call(
            RECUPERER_TYPE_DEMANDE_PAIEMENT, {}, options, lambda r: r.liste_type_demande_paiement
        )

    # --- the account's structures and bank accounts ------------------------------------------

    @api_method
    def recuperer_structures_actives_pour_fournisseur(
        self, **options: Unpack[RequestOptions]
    ) -> Call[list[StructureActive]]:
        """Structures the account may issue invoices for (``…ActivesPourFournisseur``).

        Their ``id_structure_cpp`` is the ``id_fournisseur`` of an invoice.

        Args:
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return call(
            RECUPERER_STRUCTURES_ACTIVES_FOURNISSEUR, {}, options, lambda r: r.liste_structures
        )

    @api_method
    def recuperer_structures_actives_pour_destinataire(
        self, **options: Unpack[RequestOptions]
    ) -> Call[list[StructureActive]]:
        """Structures the account receives invoices for (``…ActivesPourDestinataire``).

        Args:
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return call(
            RECUPERER_STRUCTURES_ACTIVES_DESTINATAIRE, {}, options, lambda r: r.liste_structures
        )

    @api_method
    def recuperer_coordonnees_bancaires_valides(
        self, *, id_structure: int, **options: Unpack[RequestOptions]
    ) -> Call[list[CoordonneeBancaire]]:
        """Valid bank accounts of a structure: ``recupererCoordonneesBancairesValides``.

        Their ``id_coordonnee_bancaire`` is the ``code_coordonnees_bancaires_fournisseur`` of
        an invoice.

        Args:
            id_structure: the structure (``idStructureCPP``).
            **options: per-call ``timeout`` and ``max_retries``.
        """
        return call(
            RECUPERER_COORDONNEES_BANCAIRES_VALIDES,
            {"idStructure": id_structure},
            options,
            lambda r: r.liste_coordonnee_bancaire,
        )

    # --- what a recipient or a validator may do ------------------------------------------------

    @api_method
    def recuperer_etats_possibles_pour_traitement(
        self, *, statut_courant: StatutFacture | str, **options: Unpack[RequestOptions]
    ) -> Call[list[StatutFacture]]:
        """Statuses a recipient may give an invoice now: ``recupererEtatsPossiblesPourTraitement``.

        Args:
            statut_courant: the invoice's current status.
            **options: per-call ``timeout`` and ``max_retries``.

        Raises:
            InvalidRequestError: the status is not an official one.
        """
        statut = _official(
            StatutFacture,
            statut_courant,
            "statut_courant",
            RECUPERER_ETATS_POSSIBLES_POUR_TRAITEMENT,
        )
        return call(
            RECUPERER_ETATS_POSSIBLES_POUR_TRAITEMENT,
            {"statutCourant": statut.value},
            options,
            lambda r: [
                item.statut_possible_pour_traitement
                for item in r.liste_statuts_possibles_pour_traitement
            ],
        )

    @api_method
    def recuperer_types_piece_jointe(
        self,
        *,
        type_objet: TypeObjetPieceJointe | str | None = None,
        code_langue: CodeLangue = CodeLangue.FR,
        **options: Unpack[RequestOptions],
    ) -> Call[list[TypePieceJointe]]:
        """Kinds of attachment, for one kind of object: ``recupererTypesPieceJointe``.

        Args:
            type_objet: what the attachments belong to (``FACTURE``, ``EJ``…); all by default.
            code_langue: language of the labels.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        body: dict[str, str] = _langue(code_langue)
        if type_objet is not None:
            body["typeObjet"] = _official(
                TypeObjetPieceJointe, type_objet, "type_objet", RECUPERER_TYPES_PIECE_JOINTE
            ).value
        return call(
            RECUPERER_TYPES_PIECE_JOINTE, body, options, lambda r: r.liste_type_piece_jointe
        )

    @api_method
    def recuperer_motifs_refus_facture_a_valider(
        self,
        *,
        code_cadre_facturation: CodeCadreFacturation | str,
        **options: Unpack[RequestOptions],
    ) -> Call[list[MotifRefus]]:
        """Coded reasons a validator may refuse an invoice with (``…MotifsRefusFactureAValider``).

        Args:
            code_cadre_facturation: the billing frame of the invoice to validate.
            **options: per-call ``timeout`` and ``max_retries``.
        """
        cadre = _official(
            CodeCadreFacturation,
            code_cadre_facturation,
            "code_cadre_facturation",
            RECUPERER_MOTIFS_REFUS_FACTURE_A_VALIDER,
        )
        return call(
            RECUPERER_MOTIFS_REFUS_FACTURE_A_VALIDER,
            {"codeCadreFacturationAValider": cadre.value},
            options,
            lambda r: r.liste_motif_refus_facture_a_valider,
        )


def _official(enum: type[Code], value: Code | str, field: str, operation: Operation[Any]) -> Code:
    code = enum(value)
    if not code.is_known:
        raise InvalidRequestError(
            f"{code.value!r} is not an official {enum.__name__} code",
            operation=operation.name,
            field=field,
        )
    return code
