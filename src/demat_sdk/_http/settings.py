"""Where to connect, and with which credentials (PISTE application, technical account)."""

from __future__ import annotations

import base64
import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, SecretStr, field_validator

from demat_sdk._http.redaction import register_secret
from demat_sdk.errors import ConfigurationError

__all__ = [
    "ENV_API_BASE_URL",
    "ENV_CPRO_LOGIN",
    "ENV_CPRO_PASSWORD",
    "ENV_ENVIRONMENT",
    "ENV_PISTE_CLIENT_ID",
    "ENV_PISTE_CLIENT_SECRET",
    "ENV_TOKEN_URL",
    "Endpoints",
    "Environment",
    "PisteCredentials",
    "TechnicalAccount",
    "resolve_endpoints",
]

ENV_PISTE_CLIENT_ID = "DEMAT_PISTE_CLIENT_ID"
ENV_PISTE_CLIENT_SECRET = "DEMAT_PISTE_CLIENT_SECRET"  # noqa: S105 - a variable name
ENV_CPRO_LOGIN = "DEMAT_CPRO_LOGIN"
ENV_CPRO_PASSWORD = "DEMAT_CPRO_PASSWORD"  # noqa: S105 - a variable name
ENV_ENVIRONMENT = "DEMAT_ENVIRONMENT"
ENV_API_BASE_URL = "DEMAT_API_BASE_URL"
ENV_TOKEN_URL = "DEMAT_TOKEN_URL"  # noqa: S105 - a variable name


def _require_https(name: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname in {"localhost", "127.0.0.1", "::1"}:
        return  # the emulator served on this machine
    raise ConfigurationError(
        f"{name} must be an https:// URL (plain http is only allowed on localhost): {url!r}"
    )


@dataclass(frozen=True)
class Endpoints:
    """The two URLs a Chorus Pro client needs.

    Attributes:
        token_url: the PISTE OAuth2 token endpoint.
        api_base_url: the API host; operation paths (``/cpro/factures/v1/...``) are appended.
    """

    token_url: str
    api_base_url: str

    def __post_init__(self) -> None:
        for name in ("token_url", "api_base_url"):
            _require_https(name, getattr(self, name))


class Environment(enum.Enum):
    """The PISTE environments that serve Chorus Pro.

    ``SANDBOX`` is Chorus Pro *qualification* (test data sets, no real invoices);
    ``PRODUCTION`` is the real platform. The ``*_RIE`` variants are the same services reached
    from the State's interministerial network.
    """

    SANDBOX = Endpoints(
        token_url="https://sandbox-oauth.piste.gouv.fr/api/oauth/token",  # noqa: S106 - a URL
        api_base_url="https://sandbox-api.piste.gouv.fr",
    )
    PRODUCTION = Endpoints(
        token_url="https://oauth.piste.gouv.fr/api/oauth/token",  # noqa: S106 - a URL
        api_base_url="https://api.piste.gouv.fr",
    )
    SANDBOX_RIE = Endpoints(
        token_url="https://sandbox-oauth.aife.economie.gouv.fr/api/oauth/token",  # noqa: S106
        api_base_url="https://sandbox-api.aife.economie.gouv.fr",
    )
    PRODUCTION_RIE = Endpoints(
        token_url="https://oauth.aife.economie.gouv.fr/api/oauth/token",  # noqa: S106
        api_base_url="https://api.aife.economie.gouv.fr",
    )

    @property
    def endpoints(self) -> Endpoints:
        """The token URL and API host of this environment."""
        value: Endpoints = self.value
        return value

    @classmethod
    def parse(cls, name: str) -> Environment:
        """Read an environment name as found in ``DEMAT_ENVIRONMENT``.

        Accepts the member names in any case, and ``qualification`` / ``qualif`` for the sandbox.
        """
        key = name.strip().upper().replace("-", "_")
        key = {"QUALIFICATION": "SANDBOX", "QUALIF": "SANDBOX", "PROD": "PRODUCTION"}.get(key, key)
        try:
            return cls[key]
        except KeyError:
            known = ", ".join(member.name.lower() for member in cls)
            raise ConfigurationError(
                f"unknown environment {name!r} (expected one of: {known})"
            ) from None


class PisteCredentials(BaseModel):
    """The OAuth2 client of a PISTE application subscribed to the Chorus Pro APIs.

    The secret is a :class:`pydantic.SecretStr`: it never shows in ``repr``, logs or messages.
    """

    model_config = ConfigDict(frozen=True)

    client_id: str
    client_secret: SecretStr

    @field_validator("client_id")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("client_id is empty")
        return value

    def model_post_init(self, context: object, /) -> None:
        register_secret(self.client_secret.get_secret_value())

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PisteCredentials:
        """Read ``DEMAT_PISTE_CLIENT_ID`` and ``DEMAT_PISTE_CLIENT_SECRET``.

        Raises:
            ConfigurationError: naming the variable that is missing.
        """
        env = os.environ if environ is None else environ
        return cls(
            client_id=_required(env, ENV_PISTE_CLIENT_ID),
            client_secret=SecretStr(_required(env, ENV_PISTE_CLIENT_SECRET)),
        )


class TechnicalAccount(BaseModel):
    """A Chorus Pro technical account (``TECH_1_<SIRET>@cpro.fr``), sent as ``cpro-account``.

    The password is a :class:`pydantic.SecretStr`, and so is the header value built from it.
    """

    model_config = ConfigDict(frozen=True)

    login: str
    password: SecretStr

    @field_validator("login")
    @classmethod
    def _valid_login(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("login is empty")
        if ":" in value:
            raise ValueError("login may not contain ':' (it is joined to the password with ':')")
        return value

    def model_post_init(self, context: object, /) -> None:
        register_secret(self.password.get_secret_value())
        register_secret(self.cpro_account().get_secret_value())

    def cpro_account(self) -> SecretStr:
        """The ``cpro-account`` header value: base64 of ``login:password`` in UTF-8."""
        raw = f"{self.login}:{self.password.get_secret_value()}".encode()
        return SecretStr(base64.b64encode(raw).decode("ascii"))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> TechnicalAccount:
        """Read ``DEMAT_CPRO_LOGIN`` and ``DEMAT_CPRO_PASSWORD``.

        Raises:
            ConfigurationError: naming the variable that is missing.
        """
        env = os.environ if environ is None else environ
        return cls(
            login=_required(env, ENV_CPRO_LOGIN),
            password=SecretStr(_required(env, ENV_CPRO_PASSWORD)),
        )


def resolve_endpoints(
    environment: Environment | str | None,
    *,
    base_url: str | None = None,
    token_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Endpoints:
    """Decide the URLs: explicit arguments first, then the environment variables, then the sandbox.

    ``base_url`` and ``token_url`` win over everything. An explicit ``environment`` gives the
    other URL(s). With ``environment=None``, ``DEMAT_API_BASE_URL`` and ``DEMAT_TOKEN_URL`` (each
    optional: another host, such as the emulator ``demat emulator serve`` runs) win over
    ``DEMAT_ENVIRONMENT``, which falls back to the sandbox, so that no call can reach production
    by accident.
    """
    env = os.environ if environ is None else environ
    if environment is None:
        base_url = base_url or _url_variable(env, ENV_API_BASE_URL)
        token_url = token_url or _url_variable(env, ENV_TOKEN_URL)
        environment = env.get(ENV_ENVIRONMENT) or Environment.SANDBOX
    if isinstance(environment, str):
        environment = Environment.parse(environment)
    chosen = environment.endpoints
    return Endpoints(
        token_url=token_url or chosen.token_url,
        api_base_url=(base_url or chosen.api_base_url).rstrip("/"),
    )


def _url_variable(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    if value:
        _require_https(name, value)
    return value or None


def _required(env: Mapping[str, str], name: str) -> str:
    value = env.get(name, "")
    if not value.strip():
        raise ConfigurationError(f"missing credential: set {name} or pass it as an argument")
    return value
