"""Models of the transverses API: health check and reference lists."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from demat_sdk.chorus.models.base import ChorusModel, ChorusResponse

__all__ = [
    "CadreFacturation",
    "Devise",
    "FormatFlux",
    "HealthCheck",
    "ListeCadresFacturation",
    "ListeDevises",
    "ListeFormatsFlux",
    "ListeModesDepot",
    "ListeModesReglement",
    "ListeMotifsExonerationTva",
    "ListePays",
    "ListeTauxTva",
    "ListeTypesDemandePaiement",
    "ModeDepotItem",
    "ModeReglement",
    "MotifExonerationTva",
    "Pays",
    "TauxTva",
    "TypeDemandePaiementItem",
]


class HealthCheck(ChorusModel):
    """Answer of ``GET /cpro/transverses/v1/health-check``."""

    body: str | None = None
    status_code: str | None = None
    status_code_value: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the API reported itself available."""
        return (self.status_code_value or 0) == 200 or (self.status_code or "").startswith("200")


class Devise(ChorusModel):
    """A currency (``codeDevise`` ISO 4217, ``libelleDevise``)."""

    code_devise: str
    libelle_devise: str | None = None


class ListeDevises(ChorusResponse):
    """Answer of ``recupererDevises``."""

    liste_devises: list[Devise] = Field(default_factory=list)


class Pays(ChorusModel):
    """A country (``codePays`` ISO 3166, ``libellePays``)."""

    code_pays: str
    libelle_pays: str | None = None


class ListePays(ChorusResponse):
    """Answer of ``recupererPays``."""

    liste_pays: list[Pays] = Field(default_factory=list)


class TauxTva(ChorusModel):
    """A VAT rate code usable in an invoice line (``TVA5``, ``TVA20``…)."""

    code_taux_tva: str
    libelle_taux_tva: str | None = None
    valeur_taux_tva: Decimal | None = None


class ListeTauxTva(ChorusResponse):
    """Answer of ``recupererTauxTva``."""

    liste_taux_tva: list[TauxTva] = Field(default_factory=list)


class MotifExonerationTva(ChorusModel):
    """A VAT exemption reason."""

    code_motif_exoneration_tva: str
    libelle_motif_exoneration_tva: str | None = None


class ListeMotifsExonerationTva(ChorusResponse):
    """Answer of ``recupererMotifsExonerationTva``."""

    liste_motifs_exoneration_tva: list[MotifExonerationTva] = Field(default_factory=list)


class ModeReglement(ChorusModel):
    """A payment means (``modePaiement``: ``VIREMENT``, ``CHEQUE``…)."""

    mode_paiement: str


class ListeModesReglement(ChorusResponse):
    """Answer of ``recupererModeReglements``."""

    liste_mode_paiement: list[ModeReglement] = Field(default_factory=list)


class ModeDepotItem(ChorusModel):
    """A deposit mode (``SAISIE_API``, ``DEPOT_PDF_API``…)."""

    mode_depot: str


class ListeModesDepot(ChorusResponse):
    """Answer of ``recupererModeDepot``."""

    liste_mode_depot: list[ModeDepotItem] = Field(default_factory=list)


class FormatFlux(ChorusModel):
    """A flux format family (``IN_DP_E1_STRUCT``, ``IN_DP_E2_MIXTE``…)."""

    format_flux: str


class ListeFormatsFlux(ChorusResponse):
    """Answer of ``recupererFormatFlux``."""

    liste_format_flux: list[FormatFlux] = Field(default_factory=list)


class CadreFacturation(ChorusModel):
    """A billing frame (``A1_FACTURE_FOURNISSEUR``…)."""

    code_cadre_facturation: str


class ListeCadresFacturation(ChorusResponse):
    """Answer of ``recupererCadreFacturation``."""

    liste_cadre_facturation: list[CadreFacturation] = Field(default_factory=list)


class TypeDemandePaiementItem(ChorusModel):
    """A kind of payment request (``FACTURE``, ``FACTURE_TRAVAUX``…)."""

    type_demande_paiement: str


class ListeTypesDemandePaiement(ChorusResponse):
    """Answer of ``recupererTypeDemandePaiement``."""

    liste_type_demande_paiement: list[TypeDemandePaiementItem] = Field(default_factory=list)
