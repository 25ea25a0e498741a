"""``FakeChorusPro``: the Chorus Pro emulator, its Python admin API and its faces."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import httpx
from pydantic import SecretStr

from demat_sdk._http.settings import PisteCredentials, TechnicalAccount
from demat_sdk.chorus.client import AsyncChorusPro, ChorusPro
from demat_sdk.chorus.enums import EtatFlux, RoleUtilisateur
from demat_sdk.testing.chorus import admin
from demat_sdk.testing.chorus.handlers import ChorusHandlers
from demat_sdk.testing.chorus.seed import SeededWorld, seed_world
from demat_sdk.testing.chorus.state import ChorusState, Settings
from demat_sdk.testing.chorus.state.directory import (
    BankAccountRecord,
    EngagementRecord,
    ServiceRecord,
    StructureRecord,
)
from demat_sdk.testing.chorus.state.scheduler import Timings
from demat_sdk.testing.clock import FakeClock
from demat_sdk.testing.exchange import ConnectionDropped, Plan, WireRequest, WireResponse
from demat_sdk.testing.faults import Fault, FaultKind, Faults
from demat_sdk.testing.server import EmulatorServer
from demat_sdk.testing.transports import AsyncInProcessTransport, InProcessTransport

__all__ = ["ADMIN_PREFIX", "FakeChorusPro"]

DEFAULT_CLIENT_ID = "demat-emulator"
DEFAULT_CLIENT_SECRET = "emulator-client-secret"  # noqa: S105 - the emulator's own test secret
DEFAULT_LOGIN = "TECH_1_26750045200011@cpro.fr"
DEFAULT_PASSWORD = "emulator-technical-password"  # noqa: S105 - the emulator's own test secret

ADMIN_PREFIX = "/_admin/"
"""Paths of the admin API (no authentication, no faults)."""

StructureRef = StructureRecord | int


class FakeChorusPro:
    """An in-memory Chorus Pro behind PISTE, faithful to the official contracts.

    It issues PISTE tokens (3600 s, on its own :class:`FakeClock`), checks the ``cpro-account``
    header, and answers the API with Chorus Pro's exact JSON keys, envelopes and error shapes.
    It comes with one PISTE application and one technical account (without structures);
    :meth:`seeded` adds a small world of hospitals and suppliers::

        fake = FakeChorusPro.seeded()
        with fake.client(account=fake.world.account(fake.world.pharmadis)) as client:
            client.transverses.health_check()

    Args:
        clock: the clock to live by (a new one by default); share it with other emulators.
        seed: seed of the fault injector's random generator.
        timings: delays of what happens by itself (flux processing, routing, accountant).
    """

    def __init__(
        self, *, clock: FakeClock | None = None, seed: int = 0, timings: Timings | None = None
    ) -> None:
        self.clock = clock or FakeClock()
        self.faults = Faults(seed)
        """Fault rules, and what they did (see :mod:`demat_sdk.testing.faults`)."""
        self.credentials = PisteCredentials(
            client_id=DEFAULT_CLIENT_ID, client_secret=SecretStr(DEFAULT_CLIENT_SECRET)
        )
        """PISTE credentials the emulator accepts."""
        self.account = TechnicalAccount(login=DEFAULT_LOGIN, password=SecretStr(DEFAULT_PASSWORD))
        """Technical account the emulator accepts (attached to no structure)."""
        self._timings = timings
        self._world: SeededWorld | None = None
        self.reset()

    @classmethod
    def seeded(
        cls, *, clock: FakeClock | None = None, seed: int = 0, timings: Timings | None = None
    ) -> FakeChorusPro:
        """An emulator holding the seeded world (see :mod:`demat_sdk.testing.chorus.seed`)."""
        fake = cls(clock=clock, seed=seed, timings=timings)
        fake.reset(seeded=True)
        return fake

    def __repr__(self) -> str:
        return f"FakeChorusPro(clock={self.clock!r}, seeded={self._world is not None})"

    # --- the world -------------------------------------------------------------------------

    def reset(self, *, seeded: bool = False) -> None:
        """Start again from an empty world (or the seeded one); the clock and faults stay."""
        self.state = ChorusState(self.clock, self._timings)
        self.handlers = ChorusHandlers(self.state)
        self.state.gate.add_application(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)
        self.state.gate.add_account(DEFAULT_LOGIN, DEFAULT_PASSWORD)
        self._world = seed_world(self.state) if seeded else None

    @property
    def world(self) -> SeededWorld:
        """Handles on the seeded structures and their accounts.

        Raises:
            LookupError: the emulator was not seeded.
        """
        if self._world is None:
            raise LookupError("this emulator holds no seeded world: use FakeChorusPro.seeded()")
        return self._world

    @property
    def settings(self) -> Settings:
        """Switches: qualification mode, HTTP status of business refusals."""
        return self.state.settings

    def add_structure(self, identifiant: str, designation: str, **options: Any) -> StructureRecord:
        """Add a structure (options: routing parameters, ``type_structure``, ``address``…).

        A public structure gets its ``FACTURES_PUBLIQUES`` service. See
        :meth:`~demat_sdk.testing.chorus.state.directory.Directory.add_structure`.
        """
        with self.state.lock:
            return self.state.directory.add_structure(identifiant, designation, **options)

    def add_service(
        self, structure: StructureRef, code_service: str, libelle_service: str, **options: Any
    ) -> ServiceRecord:
        """Add a service (options: ``actif``, ``numero_engagement`` for "EJ mandatory"…)."""
        with self.state.lock:
            return self.state.directory.add_service(
                structure, code_service, libelle_service, **options
            )

    def add_bank_account(
        self, structure: StructureRef, *, nom: str, iban: str, bic: str
    ) -> BankAccountRecord:
        """Add bank details to a supplier."""
        with self.state.lock:
            return self.state.directory.add_bank_account(structure, nom=nom, iban=iban, bic=bic)

    def add_engagement(
        self,
        structure: StructureRef,
        numero: str,
        *,
        fournisseur: StructureRef,
        code_service: str,
        montant_ht: Decimal | str,
        montant_ttc: Decimal | str,
        date_creation: date | None = None,
    ) -> EngagementRecord:
        """Publish an engagement juridique of a public structure towards a supplier."""
        with self.state.lock:
            return self.state.directory.add_engagement(
                structure,
                numero,
                fournisseur=fournisseur,
                code_service=code_service,
                montant_ht=montant_ht,
                montant_ttc=montant_ttc,
                date_creation=date_creation or self.clock.now().date(),
            )

    def add_account(
        self,
        login: str,
        password: str,
        *,
        rights: Mapping[StructureRef, Iterable[RoleUtilisateur | str]] | None = None,
    ) -> TechnicalAccount:
        """Add a technical account, attached to structures with roles (FOURNISSEUR…)."""
        with self.state.lock:
            self.state.gate.add_account(
                login,
                password,
                rights={
                    self.state.directory.structure(ref).id_structure_cpp: roles
                    for ref, roles in (rights or {}).items()
                },
            )
        return TechnicalAccount(login=login, password=SecretStr(password))

    def structure(self, identifiant: str) -> StructureRecord:
        """A structure by SIRET (or other identifier).

        Raises:
            LookupError: no such structure.
        """
        found = self.state.directory.find(identifiant)
        if found is None:
            raise LookupError(f"no structure {identifiant} in the emulator")
        return found

    # --- time ------------------------------------------------------------------------------

    def advance(self, seconds: float) -> list[str]:
        """Move the clock and let happen what became due (flux steps, routing…); what happened."""
        return self.state.advance(seconds)

    def run_until_idle(self) -> list[str]:
        """Move the clock from event to event until nothing is pending; what happened."""
        return self.state.run_until_idle()

    def finish_flux(self, numero_flux_depot: str) -> EtatFlux:
        """Process a flux at once, whatever the clock says; its outcome.

        Raises:
            LookupError: no such flux.
        """
        with self.state.lock:
            flux = self.state.flux.records.get(numero_flux_depot)
            if flux is None:
                raise LookupError(f"no flux {numero_flux_depot}")
            self.state.flux.finish(flux)
            self.state.run_due()
            return flux.etat

    # --- switches --------------------------------------------------------------------------

    def unsubscribe(self, api_group: str, client_id: str = DEFAULT_CLIENT_ID) -> None:
        """Make the application lose its subscription to an API (calls then get HTTP 403)."""
        with self.state.lock:
            self.state.gate.applications[client_id].subscriptions.discard(api_group)

    def subscribe(self, api_group: str, client_id: str = DEFAULT_CLIENT_ID) -> None:
        """Subscribe the application to an API again."""
        with self.state.lock:
            self.state.gate.applications[client_id].subscriptions.add(api_group)

    def revoke_tokens(self) -> int:
        """Invalidate every token issued so far; returns how many were live."""
        with self.state.lock:
            return self.state.gate.revoke_tokens()

    # --- faces -----------------------------------------------------------------------------

    def plan(self, request: WireRequest) -> Plan:
        """How the emulator answers ``request``, faults included (what every face calls)."""
        if request.path.startswith(ADMIN_PREFIX):
            return Plan(0.0, lambda: admin.handle(self, request))
        operation = self.handlers.operation_of(request.method, request.path)
        fault = self.faults.draw(operation, request.path)
        if fault is None:
            return Plan(0.0, lambda: self.handlers.handle(request))
        return self._faulty(fault, request)

    def _faulty(self, fault: Fault, request: WireRequest) -> Plan:
        handle = self.handlers.handle
        kind = fault.kind
        if kind is FaultKind.LATENCY:
            return Plan(fault.delay, lambda: handle(request))
        if kind is FaultKind.SERVER_ERROR:
            status = fault.status or 503
            return Plan(
                0.0, lambda: WireResponse.of_json({"error": "Erreur interne du serveur"}, status)
            )
        if kind is FaultKind.RATE_LIMITED:
            headers = {"retry-after": str(fault.retry_after or 30)}
            answer = WireResponse.of_json({"error": "Too Many Requests"}, 429, headers)
            return Plan(0.0, lambda: answer)

        def run() -> WireResponse:
            if kind is FaultKind.CONNECTION_RESET:
                raise ConnectionDropped(committed=False)
            if kind is FaultKind.TOKEN_REVOKED:
                with self.state.lock:
                    self.state.gate.revoke_token(request.headers.get("authorization", ""))
            response = handle(request)
            if kind is FaultKind.TIMEOUT_AFTER_COMMIT:
                raise ConnectionDropped(committed=True, delay=fault.delay)
            if kind is FaultKind.MALFORMED_JSON:
                cut = response.body[: max(1, len(response.body) // 2)]
                return WireResponse(response.status, cut, response.headers)
            return response

        return Plan(0.0, run)

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one httpx request in-process, faults included (for ``httpx.MockTransport``).

        Raises:
            httpx.TransportError: a fault cuts the exchange (reset, time-out).
        """
        return self.transport().handle_request(request)

    def transport(self) -> InProcessTransport:
        """An httpx transport serving this emulator in-process, for ``ChorusPro(transport=...)``."""
        return InProcessTransport(self)

    def async_transport(self) -> AsyncInProcessTransport:
        """The same, for ``AsyncChorusPro(transport=...)``."""
        return AsyncInProcessTransport(self)

    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> EmulatorServer:
        """This emulator over real HTTP; use as ``with fake.serve() as base_url:``."""
        return EmulatorServer(self, host=host, port=port)

    def client(self, *, account: TechnicalAccount | None = None, **options: object) -> ChorusPro:
        """A ``ChorusPro`` client wired to this emulator, with its credentials and clock.

        Keyword arguments go to :class:`~demat_sdk.ChorusPro` (``max_retries``, ``timeout``…).
        """
        return ChorusPro(
            credentials=self.credentials,
            account=account or self.account,
            transport=self.transport(),
            clock=self.clock.monotonic,
            **options,  # type: ignore[arg-type]
        )

    def async_client(
        self, *, account: TechnicalAccount | None = None, **options: object
    ) -> AsyncChorusPro:
        """An ``AsyncChorusPro`` client wired to this emulator, with its credentials and clock."""
        return AsyncChorusPro(
            credentials=self.credentials,
            account=account or self.account,
            transport=self.async_transport(),
            clock=self.clock.monotonic,
            **options,  # type: ignore[arg-type]
        )
