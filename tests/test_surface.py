"""The public surface: names pinned, sync and async clients alike."""

from __future__ import annotations

import inspect

import demat_sdk
from demat_sdk import AsyncChorusPro, ChorusPro

PUBLIC = {
    "APIStatusError",
    "AddresseeError",
    "AsyncChorusPro",
    "AuthenticationError",
    "BadRequestError",
    "ChannelError",
    "ChorusBusinessError",
    "ChorusPro",
    "ConfigurationError",
    "ConnectError",
    "DematError",
    "DirectoryError",
    "DirectoryImportError",
    "Endpoints",
    "Environment",
    "IntegrationTimeoutError",
    "InvalidRequestError",
    "JournalError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PatientDataError",
    "PermissionDeniedError",
    "PesError",
    "PesModelError",
    "PesReadError",
    "PesTooLargeError",
    "PesWriteError",
    "PisteCredentials",
    "RateLimitedError",
    "ReconciliationError",
    "RequestOptions",
    "RequestTimeoutError",
    "RequestTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "Safety",
    "ServerError",
    "SubmissionConflictError",
    "TechnicalAccount",
    "TransportError",
    "__version__",
}


def test_exported_names_are_pinned() -> None:
    assert set(demat_sdk.__all__) == PUBLIC
    for name in demat_sdk.__all__:
        assert getattr(demat_sdk, name) is not None


def test_every_error_derives_from_dematerror() -> None:
    for name in demat_sdk.__all__:
        value = getattr(demat_sdk, name)
        if inspect.isclass(value) and issubclass(value, Exception):
            assert issubclass(value, demat_sdk.DematError), name


def _resources(client_class: type) -> dict[str, type]:
    return {
        name: inspect.signature(prop.func).return_annotation
        for name, prop in inspect.getmembers(client_class)
        if not name.startswith("_") and hasattr(prop, "func")
    }


def _methods(resource: object) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(getattr(resource, name))
        for name in dir(resource)
        if not name.startswith("_")
    }


def test_sync_and_async_clients_have_the_same_surface(credentials, account) -> None:  # type: ignore[no-untyped-def]
    sync = ChorusPro(credentials=credentials, account=account)
    asynchronous = AsyncChorusPro(credentials=credentials, account=account)
    assert _resources(ChorusPro).keys() == _resources(AsyncChorusPro).keys()
    assert _resources(ChorusPro)  # there is something to compare
    for name in _resources(ChorusPro):
        sync_methods = _methods(getattr(sync, name))
        async_methods = _methods(getattr(asynchronous, name))
        assert sync_methods == async_methods, name
        assert sync_methods, name
        for method in async_methods:
            result = getattr(asynchronous, name)  # awaitable methods on the async side
            assert callable(getattr(result, method))
    public = {n for n in dir(ChorusPro) if not n.startswith("_")}
    assert public == {n for n in dir(AsyncChorusPro) if not n.startswith("_")}
