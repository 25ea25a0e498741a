"""Secret hygiene across the library: a whole working session leaks no secret anywhere.

One scenario against the Chorus Pro emulator served over real HTTP, with every logger at DEBUG:
deposits, submissions and status changes through the journal (blocking and asyncio), and every
kind of error provoked on purpose — 401 for a wrong technical password and for a wrong client
secret, 403, 429, 5xx, time-out after commit, connection reset, token revoked, tokens expired
by the clock, an answer cut in the middle, business refusals, requests refused before sending,
journal conflicts and undecided outcomes. Then every captured log record (message and
traceback), every exception (``str``, ``repr``, traceback, attributes), the ``repr`` and ``str``
of every object involved (clients, credentials, accounts, authentication, token, journals, their
entries and reports) and the journal's SQLite files are scanned for the client secret, the
technical passwords, their ``cpro-account`` values and every token the emulator issued.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from pydantic import SecretStr, ValidationError

from demat_sdk import (
    AsyncChorusPro,
    ChorusPro,
    DematError,
    PisteCredentials,
    TechnicalAccount,
)
from demat_sdk.journal import (
    AsyncJournal,
    AsyncJournaledChorus,
    Journal,
    JournaledChorus,
    StatusChange,
)
from demat_sdk.testing import FakeChorusPro

from journal_support import NEVER_SLEEP, flux_deposit, submission

pytestmark = [pytest.mark.server, pytest.mark.enable_socket]

CLIENT_ID = "hygiene-application"
CLIENT_SECRET = "hyg-client-secret-5d1f0c"
WRONG_CLIENT_SECRET = "hyg-wrong-client-secret-77e2"
LOGIN = "TECH_1_HYGIENE@cpro.fr"
PASSWORD = "hyg-technical-password-a9b8"
WRONG_PASSWORD = "hyg-wrong-password-3c4d"

DEPOSER = "deposerFluxFacture"
TRAITER = "traiterUneFactureRecue"


class Scenario:
    """Runs the session and collects everything that could leak."""

    def __init__(self, fake: FakeChorusPro, base_url: str, tmp_path: Path) -> None:
        self.fake = fake
        self.base_url = base_url
        self.tmp_path = tmp_path
        self.errors: list[BaseException] = []
        self.objects: list[object] = []

    def credentials(self, secret: str = CLIENT_SECRET) -> PisteCredentials:
        credentials = PisteCredentials(client_id=CLIENT_ID, client_secret=SecretStr(secret))
        self.objects.append(credentials)
        return credentials

    def account(self, password: str = PASSWORD) -> TechnicalAccount:
        account = TechnicalAccount(login=LOGIN, password=SecretStr(password))
        self.objects.append(account)
        return account

    def client(self, *, secret: str = CLIENT_SECRET, password: str = PASSWORD) -> ChorusPro:
        client = ChorusPro(
            credentials=self.credentials(secret),
            account=self.account(password),
            base_url=self.base_url,
            token_url=f"{self.base_url}/api/oauth/token",
            timeout=httpx.Timeout(0.5, connect=5.0),
            retry_policy=NEVER_SLEEP,
        )
        self.objects += [client, client.auth, client.factures, client.endpoints]
        return client

    def expect(self, error_type: type[BaseException], action: Callable[[], Any]) -> None:
        """Run ``action``, which must raise ``error_type``; keep the error for the scan."""
        with pytest.raises(error_type) as caught:
            action()
        self.errors.append(caught.value)

    def run(self) -> None:
        fake = self.fake
        client = self.client()
        journal = Journal(self.tmp_path / "journal.sqlite3", clock=fake.clock.now)
        supplier = JournaledChorus(journal, client)
        recipient = JournaledChorus(journal, client, namespace="chorus.chu")
        self.objects += [journal, supplier, recipient]

        # Work that goes well, and a lost deposit reconciled.
        supplier.submit(flux_deposit(fake, "HYG-001"))
        invoice = supplier.soumettre(facture=submission(fake, "HYG-002"))
        fake.faults.add("timeout_after_commit", operation=DEPOSER, times=1, delay=1.0)
        self.expect(DematError, lambda: supplier.submit(flux_deposit(fake, "HYG-003")))
        self.expect(DematError, lambda: supplier.submit(flux_deposit(fake, "HYG-003")))
        fake.advance(300)
        supplier.submit(flux_deposit(fake, "HYG-003"))
        invoice_id = int(invoice.reference or 0)
        fake.faults.add("timeout_after_commit", operation=TRAITER, times=1, delay=1.0)
        service_fait = StatusChange(invoice_id, "SERVICE_FAIT")
        self.expect(DematError, lambda: recipient.submit(service_fait))
        recipient.submit(service_fait)  # reconciled from the invoice's history

        # Faults of every kind.
        for kind, operation in [
            ("connection_reset", DEPOSER),
            ("server_error", DEPOSER),
            ("rate_limited", DEPOSER),
            ("malformed_json", DEPOSER),
        ]:
            fake.faults.add(kind, operation=operation, times=1)
            numero = f"HYG-{kind}"
            self.expect(DematError, lambda n=numero: supplier.submit(flux_deposit(fake, n)))
        fake.faults.add("token_revoked", times=1)
        client.transverses.recuperer_devises()
        client.auth.invalidate()  # the next token answer is cut after the token it grants
        fake.faults.add("malformed_json", operation="token", times=1)
        self.expect(DematError, lambda: client.transverses.recuperer_devises())
        fake.faults.add("server_error", operation="rechercherFactureParFournisseur", times=2)
        client.factures.rechercher_fournisseur(numero_facture="HYG-001")  # retried, logged
        fake.advance(4_000)  # every token expires under the client: 401, then a new one
        supplier.resume()
        client.transverses.recuperer_devises()

        # Refusals: business, before sending, journal.
        self.expect(
            DematError,
            lambda: client.factures.traiter_facture_recue(
                id_facture=999_999, nouveau_statut="SERVICE_FAIT"
            ),
        )
        self.expect(
            DematError,
            lambda: client.factures.traiter_facture_recue(
                id_facture=invoice_id, nouveau_statut="SUSPENDUE"
            ),
        )
        self.objects.append(recipient.submit(StatusChange(invoice_id, "SUSPENDUE")))  # refused
        other = submission(fake, "HYG-002", commentaire="autre contenu")
        self.expect(DematError, lambda: supplier.soumettre(facture=other))
        self.expect(KeyError, lambda: journal.reconcile(10_000))  # no such entry
        fake.faults.add("connection_reset", operation=DEPOSER, times=1)
        self.expect(DematError, lambda: supplier.submit(flux_deposit(fake, "HYG-004")))
        self.expect(DematError, lambda: supplier.submit(flux_deposit(fake, "HYG-004")))
        self.objects += [supplier.resume(), supplier.submit_many([flux_deposit(fake, "HYG-005")])]

        # Authentication and permission refusals.
        fake.unsubscribe("factures", CLIENT_ID)
        self.expect(DematError, lambda: client.factures.rechercher_fournisseur())
        fake.subscribe("factures", CLIENT_ID)
        with self.client(password=WRONG_PASSWORD) as wrong_account:
            self.expect(DematError, lambda: wrong_account.transverses.recuperer_devises())
        with self.client(secret=WRONG_CLIENT_SECRET) as wrong_secret:
            self.expect(DematError, lambda: wrong_secret.transverses.recuperer_devises())
        self.expect(
            ValidationError,
            lambda: TechnicalAccount(login="bad:login", password=SecretStr(PASSWORD)),
        )

        # The same through the asyncio client.
        anyio.run(self.run_async)

        self.objects += [client.auth._token, *journal.entries(), journal.pending()]
        client.close()
        journal.close()

    async def run_async(self) -> None:
        fake = self.fake
        client = AsyncChorusPro(
            credentials=self.credentials(),
            account=self.account(),
            base_url=self.base_url,
            token_url=f"{self.base_url}/api/oauth/token",
            timeout=httpx.Timeout(0.5, connect=5.0),
            retry_policy=NEVER_SLEEP,
        )
        async with client, AsyncJournal(self.tmp_path / "async.sqlite3") as journal:
            chorus = AsyncJournaledChorus(journal, client)
            self.objects += [client, client.auth, journal, chorus]
            fake.faults.add("timeout_after_commit", operation=DEPOSER, times=1, delay=1.0)
            report = await chorus.submit_many(
                [flux_deposit(fake, f"HYG-A{n}") for n in range(3)], concurrency=3
            )
            self.objects.append(report)
            self.errors += [item.error for item in report.failed if item.error is not None]
            try:
                await chorus.submit(flux_deposit(fake, "HYG-A0"))
            except DematError as error:
                self.errors.append(error)
            self.objects.append(await journal.pending())


def texts_of(error: BaseException) -> Iterator[str]:
    yield str(error)
    yield repr(error)
    yield "".join(traceback.format_exception(error))
    for value in vars(error).values():
        yield str(value)
        yield repr(value)


@pytest.fixture
def every_logger_at_debug() -> Iterator[None]:
    names = ["demat_sdk", "httpx", "httpcore", *logging.root.manager.loggerDict]
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.mark.usefixtures("every_logger_at_debug")
def test_a_whole_session_with_every_error_leaks_no_secret(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeChorusPro.seeded()
    fake.state.gate.add_application(CLIENT_ID, CLIENT_SECRET)
    world = fake.world
    fake.add_account(
        LOGIN,
        PASSWORD,
        rights={world.pharmadis: ["FOURNISSEUR"], world.chu_valmont: ["DESTINATAIRE"]},
    )
    tokens: list[str] = []
    issue = fake.state.gate.issue_token

    def issue_and_remember(*args: str) -> str:
        token = issue(*args)
        tokens.append(token)
        return token

    fake.state.gate.issue_token = issue_and_remember  # type: ignore[method-assign]

    with fake.serve() as base_url:
        scenario = Scenario(fake, base_url, tmp_path)
        scenario.run()

    secrets = {
        "client secret": CLIENT_SECRET,
        "wrong client secret": WRONG_CLIENT_SECRET,
        "technical password": PASSWORD,
        "wrong technical password": WRONG_PASSWORD,
        "cpro-account": TechnicalAccount(login=LOGIN, password=SecretStr(PASSWORD))
        .cpro_account()
        .get_secret_value(),
        "wrong cpro-account": TechnicalAccount(login=LOGIN, password=SecretStr(WRONG_PASSWORD))
        .cpro_account()
        .get_secret_value(),
        **{f"token {n}": token for n, token in enumerate(tokens, 1)},
    }
    logged = [record.getMessage() for record in caplog.records] + [caplog.text]
    raised = [text for error in scenario.errors for text in texts_of(error)]
    shown = [text for item in scenario.objects for text in (repr(item), str(item))]
    stored = [
        path.read_bytes().decode("latin-1")
        for path in tmp_path.glob("*.sqlite3*")
        if path.is_file()
    ]

    # The session did what it claims: enough to make the scan mean something.
    assert len(tokens) >= 5  # first, after a revocation, after expiry, other clients
    loggers = {record.name for record in caplog.records}
    assert {"demat_sdk.http", "demat_sdk.auth", "demat_sdk.journal", "httpx"} <= loggers
    assert any(name.startswith("httpcore.") for name in loggers)
    kinds = {type(error).__name__ for error in scenario.errors}
    assert {
        "AuthenticationError",
        "PermissionDeniedError",
        "RateLimitedError",
        "ServerError",
        "RequestTimeoutError",
        "TransportError",
        "ResponseValidationError",
        "ChorusBusinessError",
        "InvalidRequestError",
        "SubmissionConflictError",
        "OutcomeUnknownError",
        "ValidationError",
    } <= kinds, kinds
    assert any("401" in message for message in logged + raised)
    assert len(stored) >= 2

    leaks = [
        f"{name} in {where}: {text[:200]!r}"
        for where, texts in [
            ("logs", logged),
            ("errors", raised),
            ("reprs", shown),
            ("journal", stored),
        ]
        for text in texts
        for name, secret in secrets.items()
        if any(piece in text for piece in pieces(secret))
    ]
    assert leaks == []


def pieces(secret: str, size: int = 12) -> list[str]:
    """Every run of ``size`` characters of a secret: a cut answer may hold part of a token."""
    return [secret[start : start + size] for start in range(max(1, len(secret) - size + 1))]
