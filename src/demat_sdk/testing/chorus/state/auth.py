"""The emulator's state: PISTE applications and tokens, technical accounts, subscriptions.

Pure state and domain rules, no HTTP: the handlers translate it to and from the wire.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import threading
from dataclasses import dataclass, field

from demat_sdk.testing.clock import FakeClock

__all__ = [
    "API_GROUPS",
    "TOKEN_LIFETIME",
    "AccountRecord",
    "ApplicationRecord",
    "AuthRefusalError",
    "ChorusState",
]

TOKEN_LIFETIME = 3600
"""Seconds a PISTE token lives."""

API_GROUPS = ("factures", "structures", "transverses", "utilisateurs", "engagementsJuridiques")
"""The Chorus Pro APIs a PISTE application subscribes to, by their path segment."""


class AuthRefusalError(Exception):
    """A request refused before any business processing.

    HTTP 400 on the token endpoint, 401 on a bad token or account, 403 on a missing subscription.
    """

    def __init__(self, status: int, error: str, description: str) -> None:
        self.status = status
        self.error = error
        self.description = description
        super().__init__(f"{status} {error}: {description}")


@dataclass
class ApplicationRecord:
    """A PISTE application: OAuth2 client and the APIs it is subscribed to."""

    client_id: str
    client_secret: str = field(repr=False)
    subscriptions: set[str] = field(default_factory=lambda: set(API_GROUPS))


@dataclass
class AccountRecord:
    """A Chorus Pro technical account."""

    login: str
    password: str = field(repr=False)


@dataclass
class _Token:
    client_id: str
    expires_at: float


class ChorusState:
    """Everything the Chorus Pro emulator knows, behind one lock.

    Args:
        clock: the time tokens (and, later, flux and invoices) live by.
    """

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.applications: dict[str, ApplicationRecord] = {}
        self.accounts: dict[str, AccountRecord] = {}
        self._tokens: dict[str, _Token] = {}
        self.token_requests = 0

    # --- set-up ----------------------------------------------------------------------------

    def add_application(self, client_id: str, client_secret: str) -> ApplicationRecord:
        """Declare a PISTE application subscribed to every Chorus Pro API."""
        with self.lock:
            record = ApplicationRecord(client_id, client_secret)
            self.applications[client_id] = record
            return record

    def add_account(self, login: str, password: str) -> AccountRecord:
        """Declare a technical account."""
        with self.lock:
            record = AccountRecord(login, password)
            self.accounts[login] = record
            return record

    # --- PISTE -----------------------------------------------------------------------------

    def issue_token(self, grant_type: str, client_id: str, client_secret: str) -> str:
        """Grant a token to a known application (client credentials only)."""
        with self.lock:
            self.token_requests += 1
            if grant_type != "client_credentials":
                raise AuthRefusalError(400, "unsupported_grant_type", f"grant_type {grant_type!r}")
            app = self.applications.get(client_id)
            if app is None or not secrets.compare_digest(app.client_secret, client_secret):
                raise AuthRefusalError(400, "invalid_client", "Client authentication failed")
            token = secrets.token_urlsafe(32)
            self._tokens[token] = _Token(client_id, self.clock.monotonic() + TOKEN_LIFETIME)
            return token

    def revoke_tokens(self) -> int:
        """Invalidate every token issued so far (as when PISTE rotates them); returns how many."""
        with self.lock:
            count = len(self._tokens)
            self._tokens.clear()
            return count

    def authorize(self, authorization: str, cpro_account: str, api_group: str) -> AccountRecord:
        """Check the two credentials of an API call and the subscription to its API.

        Raises:
            AuthRefusalError: 401 for a missing, unknown or expired token or a bad account;
                403 when the application is not subscribed to ``api_group``.
        """
        with self.lock:
            scheme, _, value = authorization.partition(" ")
            token = self._tokens.get(value.strip()) if scheme.lower() == "bearer" else None
            if token is None:
                raise AuthRefusalError(401, "invalid_token", "Invalid access token")
            if self.clock.monotonic() >= token.expires_at:
                del self._tokens[value.strip()]
                raise AuthRefusalError(401, "invalid_token", "Access token expired")
            app = self.applications.get(token.client_id)
            if app is None or api_group not in app.subscriptions:
                raise AuthRefusalError(403, "access_denied", "API not subscribed")
            account = self._account(cpro_account)
            if account is None:
                raise AuthRefusalError(401, "Unauthorized", "login or password incorrects")
            return account

    def _account(self, header: str) -> AccountRecord | None:
        try:
            login, _, password = base64.b64decode(header, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        account = self.accounts.get(login)
        if account is None or not secrets.compare_digest(account.password, password):
            return None
        return account
