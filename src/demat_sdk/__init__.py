"""demat_sdk: a French public hospital's accounting chain on electronic rails.

* Chorus Pro (invoices in and out, REST behind PISTE): :class:`ChorusPro`, :class:`AsyncChorusPro`.
* Hélios (PES V2 to the public accountant): :mod:`demat_sdk.pes`, :mod:`demat_sdk.helios`.
* The public-entity directory, offline (Chorus Pro export in SQLite): :mod:`demat_sdk.directory`.
* The instruction's good practices: :mod:`demat_sdk.chorus.doctrine` (status doctrine),
  :mod:`demat_sdk.preflight` (addressee pre-flight), :mod:`demat_sdk.privacy` (no patient data),
  :mod:`demat_sdk.tracking` (follow-up, support requests, indicators).
* Faithful emulators of both, for development and tests: :mod:`demat_sdk.testing`.
"""

from demat_sdk._http.operation import RequestOptions
from demat_sdk._http.retry import RetryPolicy, Safety
from demat_sdk._http.settings import Endpoints, Environment, PisteCredentials, TechnicalAccount
from demat_sdk._version import __version__
from demat_sdk.chorus.client import AsyncChorusPro, ChorusPro
from demat_sdk.errors import (
    AddresseeError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ChannelError,
    ChorusBusinessError,
    ConfigurationError,
    ConnectError,
    DematError,
    DirectoryError,
    DirectoryImportError,
    IntegrationTimeoutError,
    InvalidRequestError,
    JournalError,
    NotFoundError,
    OutcomeUnknownError,
    PatientDataError,
    PermissionDeniedError,
    PesError,
    PesModelError,
    PesReadError,
    PesTooLargeError,
    PesWriteError,
    RateLimitedError,
    ReconciliationError,
    RequestTimeoutError,
    RequestTooLargeError,
    ResponseValidationError,
    ServerError,
    SubmissionConflictError,
    TransportError,
)

__all__ = [
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
]
