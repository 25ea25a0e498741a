"""``client.transverses``: health check and the reference lists of Chorus Pro."""

from __future__ import annotations

from typing_extensions import Unpack

from demat_sdk._http.operation import Call, Operation, RequestOptions, api_method, call
from demat_sdk._http.retry import Safety
from demat_sdk.chorus._resource import AsyncResource, SyncResource
from demat_sdk.chorus.enums import CodeLangue, TypeDemandePaiement
from demat_sdk.chorus.models.transverses import (
    CadreFacturation,
    Devise,
    FormatFlux,
    HealthCheck,
    ListeCadresFacturation,
    ListeDevises,
    ListeFormatsFlux,
    ListeModesDepot,
    ListeModesReglement,
    ListeMotifsExonerationTva,
    ListePays,
    ListeTauxTva,
    ListeTypesDemandePaiement,
    ModeDepotItem,
    ModeReglement,
    MotifExonerationTva,
    Pays,
    TauxTva,
    TypeDemandePaiementItem,
)

__all__ = ["OPERATIONS", "AsyncTransverses", "Transverses", "TransversesMethods"]

_BASE = "/cpro/transverses/v1"

HEALTH_CHECK = Operation("healthCheck", f"{_BASE}/health-check", Safety.SAFE, HealthCheck, "GET")
RECUPERER_DEVISES = Operation(
    "recupererDevises", f"{_BASE}/recuperer/devises", Safety.SAFE, ListeDevises
)
RECUPERER_PAYS = Operation("recupererPays", f"{_BASE}/recuperer/pays", Safety.SAFE, ListePays)
RECUPERER_TAUX_TVA = Operation(
    "recupererTauxTva", f"{_BASE}/recuperer/tauxtva", Safety.SAFE, ListeTauxTva
)
RECUPERER_MOTIFS_EXONERATION_TVA = Operation(
    "recupererMotifsExonerationTva",
    f"{_BASE}/recuperer/motifs/exonerationtva",
    Safety.SAFE,
    ListeMotifsExonerationTva,
)
RECUPERER_MODE_REGLEMENTS = Operation(
    "recupererModeReglements", f"{_BASE}/recuperer/modereglements", Safety.SAFE, ListeModesReglement
)
RECUPERER_MODE_DEPOT = Operation(
    "recupererModeDepot", f"{_BASE}/recuperer/modedepot", Safety.SAFE, ListeModesDepot
)
RECUPERER_FORMAT_FLUX = Operation(
    "recupererFormatFlux", f"{_BASE}/recuperer/formatflux", Safety.SAFE, ListeFormatsFlux
)
RECUPERER_CADRE_FACTURATION = Operation(
    "recupererCadreFacturation",
    f"{_BASE}/recuperer/cadrefacturation",
    Safety.SAFE,
    ListeCadresFacturation,
)
RECUPERER_TYPE_DEMANDE_PAIEMENT = Operation(
    "recupererTypeDemandePaiement",
    f"{_BASE}/recuperer/typedp",
    Safety.SAFE,
    ListeTypesDemandePaiement,
)

OPERATIONS = (
    HEALTH_CHECK,
    RECUPERER_DEVISES,
    RECUPERER_PAYS,
    RECUPERER_TAUX_TVA,
    RECUPERER_MOTIFS_EXONERATION_TVA,
    RECUPERER_MODE_REGLEMENTS,
    RECUPERER_MODE_DEPOT,
    RECUPERER_FORMAT_FLUX,
    RECUPERER_CADRE_FACTURATION,
    RECUPERER_TYPE_DEMANDE_PAIEMENT,
)
"""Every transverses operation this module covers."""


def _langue(code_langue: CodeLangue) -> dict[str, str]:
    return {"codeLangue": CodeLangue(code_langue).value}


class TransversesMethods:
    """Cross-cutting services: availability and the reference lists used to fill invoices."""

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


class Transverses(SyncResource, TransversesMethods):
    """``ChorusPro.transverses``: health check and reference lists (blocking)."""


class AsyncTransverses(AsyncResource, TransversesMethods):
    """``AsyncChorusPro.transverses``: health check and reference lists (awaitable)."""
