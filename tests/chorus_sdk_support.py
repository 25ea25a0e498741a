"""Driving the SDK against ``FakeChorusPro``: both faces, both flavours, every call recorded.

The ``chorus`` fixture (``conftest.py``) gives a :class:`ChorusSession` for each of four
combinations: the emulator in-process (``fake.transport()``) or over real HTTP
(``fake.serve()``), with ``ChorusPro`` (blocking) or ``AsyncChorusPro``. Tests are written once,
as coroutines: a blocking client's method runs at once and its result is handed back as a
finished awaitable, so ``await client.factures.consulter_historique(...)`` reads the same in both
flavours while each client runs its own code path (its resource, its httpx client, its pager).

Every SDK method called through a session is recorded (``"factures.deposer_flux"``,
``"Page.auto_paging_iter"``…). A test declares what it exercises with :func:`covers`; the
fixture checks, when the test ends, that it called at least that; ``test_sdk_coverage`` checks
that the declarations of the suite add up to every method the SDK has.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeVar

from pydantic import SecretStr

from demat_sdk import AsyncChorusPro, ChorusPro, PisteCredentials, TechnicalAccount
from demat_sdk._http.pagination import Page
from demat_sdk.chorus import models as m
from demat_sdk.chorus.enums import CadreFacturation, SyntaxeFlux
from demat_sdk.chorus.factures import IntegrationReport
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii, tar_gz
from demat_sdk.testing.chorus.state.directory import StructureRecord

RESOURCES = ("factures", "structures", "transverses", "engagements", "utilisateurs")
COVERS_ATTRIBUTE = "sdk_covers"

Face = Literal["in-process", "http"]
Flavour = Literal["sync", "async"]
Function = TypeVar("Function", bound=Callable[..., Any])


def covers(*methods: str) -> Callable[[Function], Function]:
    """Declare the SDK methods a test exercises (``"factures.completer"``, ``"Page.iter_pages"``).

    The ``chorus`` fixture fails the test if it did not call each of them.
    """

    def mark(test: Function) -> Function:
        setattr(test, COVERS_ATTRIBUTE, frozenset(methods))
        return test

    return mark


def declared(test: Callable[..., Any]) -> frozenset[str]:
    """What a test declared with :func:`covers`."""
    found: frozenset[str] = getattr(test, COVERS_ATTRIBUTE, frozenset())
    return found


def sdk_methods() -> set[str]:
    """Every public method of the five resources of ``ChorusPro``, and of a result ``Page``."""
    client = ChorusPro(
        credentials=PisteCredentials(client_id="inventory", client_secret=SecretStr("-")),
        account=TechnicalAccount(login="inventory", password=SecretStr("-")),
    )
    with client:
        found = {
            f"{resource}.{name}"
            for resource in RESOURCES
            for name in dir(getattr(client, resource))
            if not name.startswith("_") and callable(getattr(getattr(client, resource), name))
        }
    found |= {
        f"Page.{name}"
        for name, member in inspect.getmembers(Page, inspect.isfunction)
        if not name.startswith("_")
    }
    return found


async def _ready(value: Any) -> Any:
    return value


class RecordingPage:
    """A search result as the test sees it: the SDK's ``Page``, with its methods recorded."""

    def __init__(self, page: Page[Any], calls: set[str]) -> None:
        self.page = page
        self._calls = calls

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.page, name)
        if callable(value) and not name.startswith("_"):
            self._calls.add(f"Page.{name}")
        return value

    def __len__(self) -> int:
        return len(self.page)


class RecordingResource:
    """``client.factures`` (or another resource), recording each method called."""

    def __init__(self, resource: object, name: str, calls: set[str], flavour: Flavour) -> None:
        self._resource = resource
        self._name = name
        self._calls = calls
        self._flavour = flavour

    def __getattr__(self, method: str) -> Callable[..., Awaitable[Any]]:
        target = getattr(self._resource, method)

        def run(*args: Any, **kwargs: Any) -> Awaitable[Any]:
            self._calls.add(f"{self._name}.{method}")
            result = target(*args, **kwargs)
            if self._flavour == "sync":
                return _ready(self._wrap(result))
            return self._finish(result)

        return run

    async def _finish(self, awaitable: Awaitable[Any]) -> Any:
        return self._wrap(await awaitable)

    def _wrap(self, result: Any) -> Any:
        return RecordingPage(result, self._calls) if isinstance(result, Page) else result


@dataclass
class Client:
    """A client of one structure's technical account, with recording resources."""

    raw: ChorusPro | AsyncChorusPro
    factures: RecordingResource
    structures: RecordingResource
    transverses: RecordingResource
    engagements: RecordingResource
    utilisateurs: RecordingResource


@dataclass
class ChorusSession:
    """The emulator, the face and flavour under test, and the clients of the seeded accounts."""

    fake: FakeChorusPro
    face: Face
    flavour: Flavour
    base_url: str | None = None
    calls: set[str] = field(default_factory=set)
    _clients: list[ChorusPro | AsyncChorusPro] = field(default_factory=list)

    @property
    def id(self) -> str:
        """``in-process-sync``, ``http-async``…"""
        return f"{self.face}-{self.flavour}"

    def client(
        self,
        structure: StructureRecord | None = None,
        *,
        account: TechnicalAccount | None = None,
        **options: Any,
    ) -> Client:
        """A client acting with the technical account of a seeded structure (or ``account``).

        With neither, the emulator's own account (attached to no structure). Other keyword
        arguments go to the client (``doctrine="strict"``, ``privacy_guard=None``…).
        """
        fake = self.fake
        if account is None:
            account = fake.world.account(structure) if structure is not None else fake.account
        settings: dict[str, Any] = {
            "credentials": fake.credentials,
            "account": account,
            "clock": fake.clock.monotonic,
            **options,
        }
        if self.base_url is not None:
            settings["base_url"] = self.base_url
            settings["token_url"] = f"{self.base_url}/api/oauth/token"
        raw: ChorusPro | AsyncChorusPro
        if self.flavour == "sync":
            if self.base_url is None:
                settings["transport"] = fake.transport()
            raw = ChorusPro(**settings)
        else:
            if self.base_url is None:
                settings["transport"] = fake.async_transport()
            raw = AsyncChorusPro(**settings)
        self._clients.append(raw)
        resources = {
            name: RecordingResource(getattr(raw, name), name, self.calls, self.flavour)
            for name in RESOURCES
        }
        return Client(raw=raw, **resources)

    async def all(self, page: RecordingPage) -> list[Any]:
        """Every result of a search from its first page (``page.auto_paging_iter()``)."""
        pager = page.auto_paging_iter()
        if self.flavour == "sync":
            return list(pager)
        return [item async for item in pager]

    async def pages(self, page: RecordingPage) -> list[Page[Any]]:
        """Every page of a search from its first page (``page.iter_pages()``)."""
        pager = page.iter_pages()
        if self.flavour == "sync":
            return list(pager)
        return [each async for each in pager]

    def sleep(self, seconds: float) -> None:
        """How ``wait_for_integration`` waits here: the emulator's clock moves, nothing sleeps."""
        self.fake.advance(seconds)

    async def close(self) -> None:
        """Close every client made."""
        for raw in self._clients:
            if isinstance(raw, AsyncChorusPro):
                await raw.close()
            else:
                raw.close()


def open_faces(fake: FakeChorusPro, face: Face, stack: ExitStack) -> str | None:
    """Start the HTTP face when asked (closed with ``stack``); its base URL, or ``None``."""
    if face == "in-process":
        return None
    return stack.enter_context(fake.serve())


def invoice(
    supplier: StructureRecord,
    recipient: StructureRecord,
    numero: str,
    *,
    code_service: str | None = None,
    **details: Any,
) -> SampleInvoice:
    """A sample invoice (one line of 200 syringes at 0.35 € HT, 20 % VAT, unless told)."""
    details.setdefault("lines", (Line("Seringues 10 ml", "200", "0.35", "20"),))
    return SampleInvoice(
        numero=numero,
        fournisseur=supplier.identifiant,
        destinataire=recipient.identifiant,
        code_service=code_service,
        **details,
    )


async def deposit(
    session: ChorusSession, client: Client, *invoices: SampleInvoice, nom_fichier: str = ""
) -> IntegrationReport:
    """Deposit invoices as one CII flux (a ``.tar.gz`` lot for several), wait until processed."""
    if len(invoices) == 1:
        fichier = cii(invoices[0])
        nom_fichier = nom_fichier or f"{invoices[0].numero}.xml"
    else:
        fichier = tar_gz((f"{each.numero}.xml", cii(each)) for each in invoices)
        nom_fichier = nom_fichier or "lot.tar.gz"
    recu = await client.factures.deposer_flux(
        fichier=fichier, nom_fichier=nom_fichier, syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B
    )
    report: IntegrationReport = await client.factures.wait_for_integration(
        numero_flux_depot=recu.numero_flux_depot, sleep=session.sleep
    )
    return report


async def available(session: ChorusSession, client: Client, *invoices: SampleInvoice) -> list[int]:
    """Deposit invoices that must all be integrated, let them reach the recipient; their ids."""
    report = await deposit(session, client, *invoices)
    assert report.integre, report.erreurs_dp
    session.fake.advance(ROUTING_SECONDS)
    by_number = {facture.numero_facture: facture for facture in report.factures}
    return [by_number[each.numero].identifiant_facture_cpp for each in invoices]


ROUTING_SECONDS = 60
"""How long the emulator takes to route an integrated invoice to its recipient."""
DAY = 86_400


async def to_valmont(
    session: ChorusSession, *numeros: str, code_service: str = "BIOMED"
) -> list[int]:
    """PHARMADIS invoices available to a service of the CHU de Valmont; their ids."""
    world = session.fake.world
    pharmadis = session.client(world.pharmadis)
    return await available(
        session,
        pharmadis,
        *(
            invoice(world.pharmadis, world.chu_valmont, numero, code_service=code_service)
            for numero in numeros
        ),
    )


async def submit_for_validation(
    session: ChorusSession,
    sterilis: Client,
    numero: str,
    *,
    cadre: CadreFacturation = CadreFacturation.A12_FACTURE_COTRAITANT,
) -> int:
    """STERILIS submits an invoice to the DAL of the CHU de Valmont, validated by BIOMEDIKA.

    Returns the invoice's id, once routed to its validator (``A_VALIDER_1``).
    """
    world = session.fake.world
    recu = await sterilis.factures.soumettre(
        numero_facture_saisi=numero,
        date_facture=date(2026, 1, 5),
        cadre_de_facturation=m.SoumettreFactureCadreDeFacturation(
            code_cadre_facturation=cadre, code_structure_valideur=world.biomedika.identifiant
        ),
        destinataire=m.SoumettreFactureDestinataire(
            code_destinataire=world.chu_valmont.identifiant, code_service_executant="DAL"
        ),
        fournisseur=m.SoumettreFactureFournisseur(id_fournisseur=world.sterilis.id_structure_cpp),
        references=m.SoumettreFactureReferences(
            devise_facture="EUR", type_facture="FACTURE", type_tva="TVA_SUR_DEBIT"
        ),
        lignes_poste=[
            m.LignePosteSoumettreInput(
                ligne_poste_numero=1,
                ligne_poste_denomination="Stérilisation de plateaux opératoires",
                ligne_poste_quantite=Decimal(10),
                ligne_poste_montant_unitaire_ht=Decimal("45.00"),
                ligne_poste_taux_tva="TVA5",
            )
        ],
        montant_total=m.SoumettreFactureMontantTotal(
            montant_ht_total=Decimal("450.00"),
            montant_tva=Decimal("90.00"),
            montant_ttc_total=Decimal("540.00"),
            montant_a_payer=Decimal("540.00"),
        ),
    )
    session.fake.advance(ROUTING_SECONDS)
    identifiant: int = recu.identifiant_facture_cpp
    return identifiant
