"""``ChorusPro`` and ``AsyncChorusPro``: the entry points to the Chorus Pro API."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

import httpx

from demat_sdk._http.client import AsyncAPIClient, SyncAPIClient
from demat_sdk._http.operation import RequestCheck
from demat_sdk._http.retry import DEFAULT_MAX_RETRIES, RetryPolicy
from demat_sdk._http.settings import Environment, PisteCredentials, TechnicalAccount
from demat_sdk.chorus.engagements import AsyncEngagements, Engagements
from demat_sdk.chorus.factures import AsyncFactures, Factures
from demat_sdk.chorus.policies import DoctrineMode, doctrine_check, privacy_check
from demat_sdk.chorus.structures import AsyncStructures, Structures
from demat_sdk.chorus.transverses import AsyncTransverses, Transverses
from demat_sdk.chorus.utilisateurs import AsyncUtilisateurs, Utilisateurs
from demat_sdk.privacy import PrivacyGuard

__all__ = ["DEFAULT_PRIVACY_GUARD", "AsyncChorusPro", "ChorusPro"]

DEFAULT_PRIVACY_GUARD = PrivacyGuard()
"""The guard every client uses unless told otherwise: NIR and the default medical terms."""


def _checks(guard: PrivacyGuard | None, doctrine: DoctrineMode) -> tuple[RequestCheck, ...]:
    checks: list[RequestCheck] = [doctrine_check(doctrine)]
    if guard is not None:
        checks.insert(0, privacy_check(guard))
    return tuple(checks)


class ChorusPro(SyncAPIClient):
    """Blocking Chorus Pro client.

    Credentials not given as arguments are read from the environment
    (``DEMAT_PISTE_CLIENT_ID``, ``DEMAT_PISTE_CLIENT_SECRET``, ``DEMAT_CPRO_LOGIN``,
    ``DEMAT_CPRO_PASSWORD``; ``DEMAT_ENVIRONMENT`` picks the environment, the sandbox by default;
    ``DEMAT_API_BASE_URL`` and ``DEMAT_TOKEN_URL`` name other hosts, such as a served emulator).

    Args:
        credentials: the PISTE application (OAuth2 client id and secret).
        account: the Chorus Pro technical account, sent as ``cpro-account``.
        environment: ``Environment.SANDBOX`` (default) or ``Environment.PRODUCTION``, or a name.
        base_url: another API host (overrides the environment's).
        token_url: another token endpoint (overrides the environment's).
        timeout: default time-out in seconds, or an ``httpx.Timeout`` (30 s, 5 s to connect).
        max_retries: default number of retries of a failed call (2); safety per operation decides
            which failures are retried.
        retry_policy: backoff settings (and the sleep and jitter functions, for tests).
        transport: an ``httpx.BaseTransport`` to send through (the emulator's, a mock…).
        http_client: a ready ``httpx.Client`` (then the caller closes it).
        clock: monotonic clock in seconds used for token expiry (tests inject one).
        privacy_guard: refuses patient data (NIR, patient names, medical terms) in invoices,
            comments and motifs before they leave (:class:`~demat_sdk.privacy.PrivacyGuard`;
            by default NIR and medical terms; give one with your patient list, or ``None``).
        doctrine: ``"warn"`` (default) warns when a rejet is used where the doctrine recommends a
            suspension or a recyclage, ``"strict"`` refuses it, ``"off"`` does not check.

    Use it as a context manager, or call :meth:`close`. It is thread-safe: share one instance.
    """

    def __init__(
        self,
        *,
        credentials: PisteCredentials | None = None,
        account: TechnicalAccount | None = None,
        environment: Environment | str | None = None,
        base_url: str | None = None,
        token_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        clock: Callable[[], float] | None = None,
        privacy_guard: PrivacyGuard | None = DEFAULT_PRIVACY_GUARD,
        doctrine: DoctrineMode = "warn",
    ) -> None:
        super().__init__(
            transport=transport,
            http_client=http_client,
            credentials=credentials,
            account=account,
            environment=environment,
            base_url=base_url,
            token_url=token_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            clock=clock,
            checks=_checks(privacy_guard, doctrine),
        )

    @cached_property
    def factures(self) -> Factures:
        """Invoices: deposit, submission, searches, consultation, processing, download."""
        return Factures(self)

    @cached_property
    def structures(self) -> Structures:
        """Structures and their services: where an invoice may go and what it needs."""
        return Structures(self)

    @cached_property
    def transverses(self) -> Transverses:
        """Reference lists, flux reports, attachments, the recipients' directory."""
        return Transverses(self)

    @cached_property
    def engagements(self) -> Engagements:
        """Legal commitments (engagements juridiques) of State services."""
        return Engagements(self)

    @cached_property
    def utilisateurs(self) -> Utilisateurs:
        """The technical account's attachments."""
        return Utilisateurs(self)


class AsyncChorusPro(AsyncAPIClient):
    """Asyncio Chorus Pro client: the same surface as :class:`ChorusPro`, awaitable.

    Takes the same arguments as :class:`ChorusPro`, with an ``httpx.AsyncBaseTransport`` or an
    ``httpx.AsyncClient``. Use it with ``async with``, or await :meth:`close`.
    """

    def __init__(
        self,
        *,
        credentials: PisteCredentials | None = None,
        account: TechnicalAccount | None = None,
        environment: Environment | str | None = None,
        base_url: str | None = None,
        token_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] | None = None,
        privacy_guard: PrivacyGuard | None = DEFAULT_PRIVACY_GUARD,
        doctrine: DoctrineMode = "warn",
    ) -> None:
        super().__init__(
            transport=transport,
            http_client=http_client,
            credentials=credentials,
            account=account,
            environment=environment,
            base_url=base_url,
            token_url=token_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            clock=clock,
            checks=_checks(privacy_guard, doctrine),
        )

    @cached_property
    def factures(self) -> AsyncFactures:
        """Invoices: deposit, submission, searches, consultation, processing, download."""
        return AsyncFactures(self)

    @cached_property
    def structures(self) -> AsyncStructures:
        """Structures and their services: where an invoice may go and what it needs."""
        return AsyncStructures(self)

    @cached_property
    def transverses(self) -> AsyncTransverses:
        """Reference lists, flux reports, attachments, the recipients' directory."""
        return AsyncTransverses(self)

    @cached_property
    def engagements(self) -> AsyncEngagements:
        """Legal commitments (engagements juridiques) of State services."""
        return AsyncEngagements(self)

    @cached_property
    def utilisateurs(self) -> AsyncUtilisateurs:
        """The technical account's attachments."""
        return AsyncUtilisateurs(self)
