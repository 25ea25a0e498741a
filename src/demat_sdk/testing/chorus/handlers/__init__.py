"""The emulator's wire layer: routes, the PISTE gate, JSON in and out, envelopes and error shapes.

Each operation is a function ``(context, body) -> JSON answer`` in the module of its API group;
this module finds the route, checks the token and the ``cpro-account``, reads the body, and turns
refusals into the answers Chorus Pro gives: HTTP 400 (or 200, see ``Settings``) with
``codeRetour != 0`` for business refusals, HTTP 400 "Requête mal formulée" for a body that cannot
be read, 401 with ``WWW-Authenticate``, 403 with an empty body, 404, 405, 415.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from demat_sdk.testing.chorus.handlers import (
    engagements,
    factures,
    factures_destinataire,
    factures_valideur,
    structures,
    transverses,
    utilisateurs,
)
from demat_sdk.testing.chorus.handlers.routing import (
    Context,
    HttpAnswer,
    Route,
)
from demat_sdk.testing.chorus.refusals import RefusedError
from demat_sdk.testing.chorus.state import ChorusState
from demat_sdk.testing.chorus.state.auth import TOKEN_LIFETIME, AuthRefusalError
from demat_sdk.testing.chorus.wire import Body, MalformedRequestError
from demat_sdk.testing.exchange import WireRequest, WireResponse

__all__ = ["TOKEN_OPERATION", "TOKEN_PATH", "ChorusHandlers"]

TOKEN_PATH = "/api/oauth/token"  # noqa: S105 - a path
TOKEN_OPERATION = "token"  # noqa: S105 - an operation name

_MODULES = (
    transverses,
    factures,
    factures_destinataire,
    factures_valideur,
    structures,
    utilisateurs,
    engagements,
)


class ChorusHandlers:
    """Routes requests to the emulator's state, speaking Chorus Pro's exact wire format."""

    def __init__(self, state: ChorusState) -> None:
        self.state = state
        self.routes: dict[tuple[str, str], Route] = {}
        for module in _MODULES:
            for route in module.ROUTES:
                self.routes[(route.method, route.path)] = route
        self._paths = {path for _, path in self.routes}

    def operation_of(self, method: str, path: str) -> str:
        """The operation a request calls (its path when no route matches)."""
        if path == TOKEN_PATH:
            return TOKEN_OPERATION
        route = self.routes.get((method, path))
        return route.operation if route is not None else path

    def handle(self, request: WireRequest) -> WireResponse:
        """Answer one request as PISTE and Chorus Pro would."""
        if request.path == TOKEN_PATH:
            return self._token(request)
        route = self.routes.get((request.method, request.path))
        if route is None:
            if request.path in self._paths:
                return WireResponse.of_json(
                    {"error": "Méthode non autorisée"}, status=405, headers={"allow": "POST"}
                )
            return WireResponse.of_json({"error": "API non trouvée"}, status=404)
        with self.state.lock:
            self.state.run_due()
            try:
                account = self.state.gate.authorize(
                    request.headers.get("authorization", ""),
                    request.headers.get("cpro-account", ""),
                    route.api_group,
                )
            except AuthRefusalError as refusal:
                return _refusal(refusal)
            return self._dispatch(route, request, Context(self.state, account))

    def _dispatch(self, route: Route, request: WireRequest, context: Context) -> WireResponse:
        if request.method == "POST" and request.body.strip():
            content_type = request.headers.get("content-type", "")
            if "json" not in content_type.lower():
                return WireResponse.of_json(
                    {"error": "Format de la requête non supporté"}, status=415
                )
        try:
            payload = request.json() if request.method == "POST" else {}
        except ValueError as exc:
            return _malformed(f"JSON invalide : {exc}")
        try:
            answer = route.handler(context, Body(payload))
        except MalformedRequestError as exc:
            return _malformed(str(exc))
        except RefusedError as refused:
            return WireResponse.of_json(
                {"codeRetour": refused.code_retour, "libelle": refused.libelle},
                status=self.state.settings.business_error_status,
            )
        except HttpAnswer as special:
            return WireResponse.of_json(special.payload, status=special.status)
        return WireResponse.of_json(answer)

    def _token(self, request: WireRequest) -> WireResponse:
        form = {key: values[0] for key, values in parse_qs(request.body.decode()).items()}
        try:
            with self.state.lock:
                token = self.state.gate.issue_token(
                    form.get("grant_type", ""),
                    form.get("client_id", ""),
                    form.get("client_secret", ""),
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


def _malformed(detail: str) -> WireResponse:
    return WireResponse.of_json({"error": "Requête mal formulée", "detail": detail}, status=400)


def _refusal(refusal: AuthRefusalError) -> WireResponse:
    if refusal.status == 403:
        return WireResponse(status=403)  # PISTE answers an unsubscribed API with an empty body
    challenge = (
        f'Bearer realm="PISTE",error="{refusal.error}",error_description="{refusal.description}"'
    )
    return WireResponse(status=refusal.status, headers={"www-authenticate": challenge})
