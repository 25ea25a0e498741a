"""PISTE applications and tokens, Chorus Pro technical accounts and their rights.

Pure state and rules, no HTTP: the handlers translate it to and from the wire.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from demat_sdk.chorus.enums import RoleUtilisateur
from demat_sdk.testing.clock import FakeClock

__all__ = [
    "API_GROUPS",
    "PASSWORD_LIFETIME",
    "TOKEN_LIFETIME",
    "AccountRecord",
    "ApplicationRecord",
    "AuthRefusalError",
    "Gate",
]

TOKEN_LIFETIME = 3600
"""Seconds a PISTE token lives."""

PASSWORD_LIFETIME = timedelta(days=424)
"""A technical account's password must be renewed every 424 days (14 months)."""

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


@dataclass(eq=False)
class AccountRecord:
    """A Chorus Pro technical account and the user behind it.

    Attributes:
        rights: for each ``idStructureCPP`` the account is attached to, its roles there
            (``FOURNISSEUR`` for "factures émises", ``DESTINATAIRE`` for "factures reçues",
            ``VALIDEUR`` for "factures à valider").
    """

    login: str
    password: str = field(repr=False)
    id_utilisateur: int = 0
    nom: str = "TECHNIQUE"
    prenom: str = "Compte"
    created: date = date(2025, 9, 1)
    rights: dict[int, frozenset[RoleUtilisateur]] = field(default_factory=dict)

    def has_role(self, structure_id: int, role: RoleUtilisateur) -> bool:
        """Whether the account acts for ``structure_id`` in ``role``."""
        return role in self.rights.get(structure_id, frozenset())

    def structures_with(self, role: RoleUtilisateur) -> list[int]:
        """The structures where the account has ``role``, in the order it was given them."""
        return [structure for structure, roles in self.rights.items() if role in roles]

    @property
    def password_expiry(self) -> date:
        """When the password must be renewed at the latest."""
        return self.created + PASSWORD_LIFETIME


@dataclass
class _Token:
    client_id: str
    expires_at: float


class Gate:
    """The PISTE gate: applications, tokens, technical accounts.

    Args:
        clock: the time tokens live by.
    """

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.applications: dict[str, ApplicationRecord] = {}
        self.accounts: dict[str, AccountRecord] = {}
        self._tokens: dict[str, _Token] = {}
        self._user_ids = itertools.count(500_001)
        self.token_requests = 0

    def add_application(self, client_id: str, client_secret: str) -> ApplicationRecord:
        """Declare a PISTE application subscribed to every Chorus Pro API."""
        record = ApplicationRecord(client_id, client_secret)
        self.applications[client_id] = record
        return record

    def add_account(
        self,
        login: str,
        password: str,
        *,
        rights: Mapping[int, Iterable[RoleUtilisateur | str]] | None = None,
        nom: str = "TECHNIQUE",
        prenom: str = "Compte",
    ) -> AccountRecord:
        """Declare a technical account, attached to structures with roles."""
        record = AccountRecord(
            login,
            password,
            id_utilisateur=next(self._user_ids),
            nom=nom,
            prenom=prenom,
            created=self.clock.now().date(),
            rights={
                structure: frozenset(RoleUtilisateur(role) for role in roles)
                for structure, roles in (rights or {}).items()
            },
        )
        self.accounts[login] = record
        return record

    def issue_token(self, grant_type: str, client_id: str, client_secret: str) -> str:
        """Grant a token to a known application (client credentials only)."""
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
        count = len(self._tokens)
        self._tokens.clear()
        return count

    def revoke_token(self, authorization: str) -> bool:
        """Invalidate the token of an ``Authorization`` header; whether there was one."""
        return self._tokens.pop(_bearer(authorization), None) is not None

    def authorize(self, authorization: str, cpro_account: str, api_group: str) -> AccountRecord:
        """Check the two credentials of an API call and the subscription to its API.

        Raises:
            AuthRefusalError: 401 for a missing, unknown or expired token or a bad account;
                403 when the application is not subscribed to ``api_group``.
        """
        value = _bearer(authorization)
        token = self._tokens.get(value)
        if token is None:
            raise AuthRefusalError(401, "invalid_token", "Invalid access token")
        if self.clock.monotonic() >= token.expires_at:
            del self._tokens[value]
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


def _bearer(authorization: str) -> str:
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""
