"""The emulator's wire layer: routes, JSON in and out, envelopes and error shapes of Chorus Pro.

Each handler takes the parsed body and the authenticated account and returns a
:class:`~demat_sdk.testing.chorus.wire.WireResponse`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

from demat_sdk.testing.chorus import reference
from demat_sdk.testing.chorus.state import (
    TOKEN_LIFETIME,
    AccountRecord,
    AuthRefusalError,
    ChorusState,
)
from demat_sdk.testing.chorus.wire import WireRequest, WireResponse, envelope

__all__ = ["TOKEN_PATH", "ChorusHandlers"]

TOKEN_PATH = "/api/oauth/token"  # noqa: S105 - a path

Handler = Callable[[Any, AccountRecord], WireResponse]


class ChorusHandlers:
    """Routes requests to the emulator's state, speaking Chorus Pro's exact wire format."""

    def __init__(self, state: ChorusState) -> None:
        self.state = state
        self.routes: dict[tuple[str, str], Handler] = {
            ("GET", "/cpro/transverses/v1/health-check"): self.health_check,
            ("POST", "/cpro/transverses/v1/recuperer/devises"): self.recuperer_devises,
            ("POST", "/cpro/transverses/v1/recuperer/pays"): self.recuperer_pays,
            ("POST", "/cpro/transverses/v1/recuperer/tauxtva"): self.recuperer_taux_tva,
            (
                "POST",
                "/cpro/transverses/v1/recuperer/motifs/exonerationtva",
            ): self.recuperer_motifs_exoneration_tva,
            (
                "POST",
                "/cpro/transverses/v1/recuperer/modereglements",
            ): self.recuperer_mode_reglements,
            ("POST", "/cpro/transverses/v1/recuperer/modedepot"): self.recuperer_mode_depot,
            ("POST", "/cpro/transverses/v1/recuperer/formatflux"): self.recuperer_format_flux,
            (
                "POST",
                "/cpro/transverses/v1/recuperer/cadrefacturation",
            ): self.recuperer_cadre_facturation,
            ("POST", "/cpro/transverses/v1/recuperer/typedp"): self.recuperer_type_demande_paiement,
        }

    def handle(self, request: WireRequest) -> WireResponse:
        """Answer one request as PISTE and Chorus Pro would."""
        if request.path == TOKEN_PATH:
            return self._token(request)
        handler = self.routes.get((request.method, request.path))
        if handler is None:
            return WireResponse.of_json({"error": "API non trouvée"}, status=404)
        api_group = request.path.split("/")[2]
        try:
            account = self.state.authorize(
                request.headers.get("authorization", ""),
                request.headers.get("cpro-account", ""),
                api_group,
            )
        except AuthRefusalError as refusal:
            return _refusal(refusal)
        try:
            body = request.json() if request.method == "POST" else {}
        except ValueError:
            return WireResponse.of_json({"error": "Requête mal formulée"}, status=400)
        return handler(body, account)

    # --- PISTE token -----------------------------------------------------------------------

    def _token(self, request: WireRequest) -> WireResponse:
        form = {key: values[0] for key, values in parse_qs(request.body.decode()).items()}
        try:
            token = self.state.issue_token(
                form.get("grant_type", ""), form.get("client_id", ""), form.get("client_secret", "")
            )
        except AuthRefusalError as refusal:
            return WireResponse.of_json(
                {"error": refusal.error, "error_description": refusal.description},
                status=refusal.status,
            )
        return WireResponse.of_json(
            {
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": TOKEN_LIFETIME,
                "scope": form.get("scope", "openid"),
            }
        )

    # --- transverses -----------------------------------------------------------------------

    def health_check(self, body: Any, account: AccountRecord) -> WireResponse:
        """``GET /health-check``."""
        return WireResponse.of_json({"body": "OK", "statusCode": "200 OK", "statusCodeValue": 200})

    def recuperer_devises(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererDevises``."""
        english = _english(body)
        devises = [
            {"codeDevise": code, "libelleDevise": labels[english]}
            for code, labels in reference.DEVISES.items()
        ]
        return WireResponse.of_json(envelope(listeDevises=devises))

    def recuperer_pays(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererPays``."""
        english = _english(body)
        pays = [
            {"codePays": code, "libellePays": labels[english]}
            for code, labels in reference.PAYS.items()
        ]
        return WireResponse.of_json(envelope(listePays=pays))

    def recuperer_taux_tva(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererTauxTva``."""
        english = _english(body)
        taux = [
            {"codeTauxTva": code, "libelleTauxTva": labels[english], "valeurTauxTva": _number(rate)}
            for code, (*labels, rate) in reference.TAUX_TVA.items()
        ]
        return WireResponse.of_json(envelope(listeTauxTva=taux))

    def recuperer_motifs_exoneration_tva(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererMotifsExonerationTva``."""
        english = _english(body)
        motifs = [
            {"codeMotifExonerationTva": code, "libelleMotifExonerationTva": labels[english]}
            for code, labels in reference.MOTIFS_EXONERATION_TVA.items()
        ]
        return WireResponse.of_json(envelope(listeMotifsExonerationTva=motifs))

    def recuperer_mode_reglements(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererModeReglements``."""
        modes = [{"modePaiement": mode} for mode in reference.MODES_REGLEMENT]
        return WireResponse.of_json(envelope(listeModePaiement=modes))

    def recuperer_mode_depot(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererModeDepot``."""
        modes = [{"modeDepot": mode} for mode in reference.MODES_DEPOT]
        return WireResponse.of_json(envelope(listeModeDepot=modes))

    def recuperer_format_flux(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererFormatFlux``."""
        formats = [{"formatFlux": fmt} for fmt in reference.FORMATS_FLUX]
        return WireResponse.of_json(envelope(listeFormatFlux=formats))

    def recuperer_cadre_facturation(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererCadreFacturation``."""
        type_dp = body.get("typeDemandePaiement") if isinstance(body, dict) else None
        cadres = reference.CADRES_FACTURATION.get(type_dp or "FACTURE", ())
        return WireResponse.of_json(
            envelope(listeCadreFacturation=[{"codeCadreFacturation": code} for code in cadres])
        )

    def recuperer_type_demande_paiement(self, body: Any, account: AccountRecord) -> WireResponse:
        """``recupererTypeDemandePaiement``."""
        types = [{"typeDemandePaiement": kind} for kind in reference.TYPES_DEMANDE_PAIEMENT]
        return WireResponse.of_json(envelope(listeTypeDemandePaiement=types))


def _number(value: Decimal) -> int | float:
    """A JSON number as Chorus Pro writes it: ``10`` rather than ``10.0``."""
    return int(value) if value == value.to_integral_value() else float(value)


def _english(body: Any) -> int:
    """Index of the label to use: 1 for English, 0 for French (the default)."""
    code = body.get("codeLangue") if isinstance(body, dict) else None
    return 1 if str(code or "FR").upper() == "EN" else 0


def _refusal(refusal: AuthRefusalError) -> WireResponse:
    if refusal.status == 403:
        return WireResponse(status=403)  # PISTE answers an unsubscribed API with an empty body
    challenge = (
        f'Bearer realm="PISTE",error="{refusal.error}",error_description="{refusal.description}"'
    )
    return WireResponse(status=refusal.status, headers={"www-authenticate": challenge})
