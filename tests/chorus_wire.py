"""A wire-level test client of the Chorus Pro emulator: plain httpx, as any client of the real API.

It fetches a PISTE token, sends ``Authorization`` and ``cpro-account`` on every call, checks each
request it sends against the official Swagger and each JSON answer against the strict contract
(see ``chorus_contract``). The same driver runs on both faces of the emulator: in-process
(``fake.transport()``) and a real HTTP server (``fake.serve()``).
"""

from __future__ import annotations

import base64
from typing import Any

import httpx
from pydantic import SecretStr

from demat_sdk import PisteCredentials, TechnicalAccount
from demat_sdk.testing import FakeChorusPro

from chorus_contract import contract


def account_header(account: TechnicalAccount) -> str:
    """The ``cpro-account`` header: base64 of ``login:password``."""
    raw = f"{account.login}:{account.password.get_secret_value()}"
    return base64.b64encode(raw.encode()).decode()


def b64(data: bytes) -> str:
    """Base64 text of a file, as the API wants files."""
    return base64.b64encode(data).decode()


class ChorusWire:
    """Talks to the emulator over one face.

    Args:
        http: an ``httpx.Client`` reaching the emulator (base URL set).
        fake: the emulator (for its credentials).
        face: ``"in-process"`` or ``"http"``.
    """

    def __init__(self, http: httpx.Client, fake: FakeChorusPro, face: str) -> None:
        self.http = http
        self.fake = fake
        self.face = face
        self.credentials: PisteCredentials = fake.credentials
        self._token: str | None = None
        self.calls: list[tuple[str, int]] = []

    # --- PISTE -----------------------------------------------------------------------------

    def token(self, *, fresh: bool = False) -> str:
        """A PISTE token (fetched once, or again when ``fresh``)."""
        if self._token is None or fresh:
            response = self.http.post(
                "/api/oauth/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": self.credentials.client_id,
                    "client_secret": self.credentials.client_secret.get_secret_value(),
                    "scope": "openid",
                },
            )
            assert response.status_code == 200, response.text
            assert response.json()["expires_in"] == 3600
            self._token = response.json()["access_token"]
        assert self._token is not None
        return self._token

    # --- API calls -------------------------------------------------------------------------

    def post(
        self,
        path: str,
        body: dict[str, Any] | None,
        *,
        account: TechnicalAccount,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        timeout: float | None = None,
    ) -> httpx.Response:
        """POST to the API; checks the request and, for a JSON answer, the contract.

        Without an explicit ``token``, an answer 401 makes it fetch a new token and try once
        more, as the SDK does.
        """
        if body is not None:
            contract().check_request(path, body)
        sent = {
            "Authorization": f"Bearer {token or self.token()}",
            "cpro-account": account_header(account),
            "Content-Type": "application/json;charset=utf-8",
            "Accept": "application/json;charset=utf-8",
            **(headers or {}),
        }
        options: dict[str, Any] = {"timeout": timeout} if timeout is not None else {}
        response = self.http.post(
            path, json=body if content is None else None, content=content, headers=sent, **options
        )
        if response.status_code == 401 and token is None:
            sent["Authorization"] = f"Bearer {self.token(fresh=True)}"
            response = self.http.post(
                path,
                json=body if content is None else None,
                content=content,
                headers=sent,
                **options,
            )
        self.calls.append((path, response.status_code))
        if response.status_code in (200, 400) and "json" in response.headers.get(
            "content-type", ""
        ):
            try:
                payload = response.json()
            except ValueError:
                return response  # a cut answer (fault): the test looks at it
            if "codeRetour" in payload or response.status_code == 200:
                contract().check_response(path, payload)
        return response

    def ok(self, path: str, body: dict[str, Any], *, account: TechnicalAccount) -> dict[str, Any]:
        """A call that must succeed: HTTP 200 and ``codeRetour`` 0; the answer."""
        response = self.post(path, body, account=account)
        assert response.status_code == 200, f"{path}: {response.status_code} {response.text}"
        payload: dict[str, Any] = response.json()
        assert payload["codeRetour"] == 0, f"{path}: {payload}"
        return payload

    def refused(
        self, path: str, body: dict[str, Any], *, account: TechnicalAccount, status: int = 400
    ) -> dict[str, Any]:
        """A call Chorus Pro refuses on business grounds: ``codeRetour != 0``; the answer."""
        response = self.post(path, body, account=account)
        assert response.status_code == status, f"{path}: {response.status_code} {response.text}"
        payload: dict[str, Any] = response.json()
        assert payload["codeRetour"] != 0, f"{path}: {payload}"
        return payload

    # --- admin API -------------------------------------------------------------------------

    def admin(self, endpoint: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """Call the admin API (``GET`` without a body, ``POST`` with one)."""
        url = f"/_admin/{endpoint}"
        response = self.http.post(url, json=body) if body is not None else self.http.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code} {response.text}"
        payload: dict[str, Any] = response.json()
        return payload


def technical_account(login: str, password: str) -> TechnicalAccount:
    """A technical account value for the driver."""
    return TechnicalAccount(login=login, password=SecretStr(password))
