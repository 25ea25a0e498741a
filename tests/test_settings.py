"""Settings: environments, credentials from arguments or the environment, https only."""

from __future__ import annotations

import pytest

from demat_sdk import (
    ChorusPro,
    ConfigurationError,
    Environment,
    PisteCredentials,
    TechnicalAccount,
)
from demat_sdk._http.settings import Endpoints, resolve_endpoints

ENV = {
    "DEMAT_PISTE_CLIENT_ID": "id-from-env",
    "DEMAT_PISTE_CLIENT_SECRET": "secret-from-env",
    "DEMAT_CPRO_LOGIN": "TECH_1_x@cpro.fr",
    "DEMAT_CPRO_PASSWORD": "pw-from-env",
}


def test_environment_urls() -> None:
    assert Environment.SANDBOX.endpoints == Endpoints(
        "https://sandbox-oauth.piste.gouv.fr/api/oauth/token", "https://sandbox-api.piste.gouv.fr"
    )
    assert Environment.PRODUCTION.endpoints == Endpoints(
        "https://oauth.piste.gouv.fr/api/oauth/token", "https://api.piste.gouv.fr"
    )


@pytest.mark.parametrize(
    ("name", "member"),
    [
        ("sandbox", Environment.SANDBOX),
        ("qualification", Environment.SANDBOX),
        ("PRODUCTION", Environment.PRODUCTION),
        ("production-rie", Environment.PRODUCTION_RIE),
    ],
)
def test_environment_names(name: str, member: Environment) -> None:
    assert Environment.parse(name) is member


def test_unknown_environment_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="unknown environment 'staging'"):
        Environment.parse("staging")


def test_default_is_the_sandbox_and_environment_variable_is_read() -> None:
    assert resolve_endpoints(None, environ={}) == Environment.SANDBOX.endpoints
    chosen = resolve_endpoints(None, environ={"DEMAT_ENVIRONMENT": "production"})
    assert chosen == Environment.PRODUCTION.endpoints


def test_custom_urls_override_the_environment() -> None:
    endpoints = resolve_endpoints(
        Environment.PRODUCTION, base_url="http://localhost:8080/", token_url=None, environ={}
    )
    assert endpoints.api_base_url == "http://localhost:8080"
    assert endpoints.token_url == Environment.PRODUCTION.endpoints.token_url


def test_url_variables_point_the_client_at_another_host() -> None:
    environ = {
        "DEMAT_API_BASE_URL": "http://127.0.0.1:8080/",
        "DEMAT_TOKEN_URL": "http://127.0.0.1:8080/api/oauth/token",
        "DEMAT_ENVIRONMENT": "production",
    }
    endpoints = resolve_endpoints(None, environ=environ)
    assert endpoints == Endpoints(
        token_url="http://127.0.0.1:8080/api/oauth/token", api_base_url="http://127.0.0.1:8080"
    )
    only_api = resolve_endpoints(None, environ={"DEMAT_API_BASE_URL": "https://proxy.example"})
    assert only_api.token_url == Environment.SANDBOX.endpoints.token_url
    # Arguments win over the variables: an explicit environment ignores them.
    assert resolve_endpoints("production", environ=environ) == Environment.PRODUCTION.endpoints
    explicit = resolve_endpoints(None, base_url="https://other.example", environ=environ)
    assert explicit.api_base_url == "https://other.example"


def test_a_plain_http_url_variable_is_refused_by_name() -> None:
    with pytest.raises(ConfigurationError, match="DEMAT_TOKEN_URL must be an https"):
        resolve_endpoints(None, environ={"DEMAT_TOKEN_URL": "http://example.org/token"})


@pytest.mark.parametrize("url", ["http://api.example.org", "ftp://localhost", "localhost"])
def test_plain_http_is_refused_outside_localhost(url: str) -> None:
    with pytest.raises(ConfigurationError, match="https"):
        resolve_endpoints(None, base_url=url, environ={})


def test_credentials_from_the_environment() -> None:
    assert PisteCredentials.from_env(ENV).client_id == "id-from-env"
    assert TechnicalAccount.from_env(ENV).password.get_secret_value() == "pw-from-env"


@pytest.mark.parametrize("missing", sorted(ENV))
def test_a_missing_variable_is_named(missing: str) -> None:
    env = {key: value for key, value in ENV.items() if key != missing}
    with pytest.raises(ConfigurationError, match=missing):  # noqa: PT012 - either may raise
        PisteCredentials.from_env(env)
        TechnicalAccount.from_env(env)


def test_client_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DEMAT_ENVIRONMENT", "production")
    with ChorusPro() as client:
        assert client.endpoints.api_base_url == "https://api.piste.gouv.fr"
        assert "secret-from-env" not in repr(client)


def test_client_without_credentials_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ENV:
        monkeypatch.delenv(key, raising=False)
    with pytest.raises(ConfigurationError, match="DEMAT_PISTE_CLIENT_ID"):
        ChorusPro()


def test_login_with_a_colon_is_refused() -> None:
    with pytest.raises(ValueError, match="may not contain ':'"):
        TechnicalAccount(login="a:b", password="x")  # type: ignore[arg-type]


def test_bad_numbers_are_configuration_errors(credentials, account) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigurationError, match="max_retries"):
        ChorusPro(credentials=credentials, account=account, max_retries=-1)
    with pytest.raises(ConfigurationError, match="timeout"):
        ChorusPro(credentials=credentials, account=account, timeout=0)
