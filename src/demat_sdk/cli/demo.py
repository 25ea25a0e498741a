"""``demat demo``: the library's main job, run against the built-in emulators.

The demo plays an exchange between a supplier and a CHU on the seeded Chorus Pro emulator, act
by act, and prints it as a timeline on the emulator's clock (time moves by the emulator's
schedule, nothing sleeps). Each act is a function of :data:`ACTS` taking the :class:`Exchange`;
a later part of the exchange (Hélios, the accountant) is one more function in that tuple.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import StatutFacture, SyntaxeFlux
from demat_sdk.chorus.models import PieceJointeComplementaire
from demat_sdk.chorus.models.base import required_in_answer
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii

__all__ = ["ACTS", "Exchange", "register", "run"]

_ACTOR_WIDTH = 16


def register(commands: Any) -> None:
    """Add the ``demo`` sub-command."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "demo",
        help="run a full exchange against the built-in emulators (no credentials needed)",
        description=(
            "Play an exchange between a supplier and a CHU on the built-in Chorus Pro emulator "
            "and print it as a timeline."
        ),
    )
    parser.set_defaults(run=run)


@dataclass
class Exchange:
    """What the acts of the demo share: the emulated world, its actors' clients, the timeline.

    Attributes:
        fake: the seeded Chorus Pro emulator; its clock dates the timeline.
        fournisseur: the supplier's client (PHARMADIS SAS, its own technical account).
        chu: the CHU's client (CHU DE VALMONT, its own technical account).
        facture: the invoice the supplier sends.
        id_facture: its Chorus Pro id, once integrated.
    """

    fake: FakeChorusPro
    fournisseur: ChorusPro
    chu: ChorusPro
    facture: SampleInvoice = field(init=False)
    id_facture: int = 0

    def __post_init__(self) -> None:
        world = self.fake.world
        self.facture = SampleInvoice(
            numero="PHX-2026-0001",
            fournisseur=world.pharmadis.identifiant,
            destinataire=world.chu_valmont.identifiant,
            code_service="BIOMED",
            lines=(
                Line("Seringues 10 ml", "200", "0.35", "20"),
                Line("Compresses stériles", "50", "1.20", "20"),
            ),
        )

    @classmethod
    def seeded(cls) -> Exchange:
        """An exchange on a new seeded emulator, PHARMADIS SAS and the CHU DE VALMONT."""
        fake = FakeChorusPro.seeded()
        world = fake.world
        return cls(
            fake=fake,
            fournisseur=fake.client(account=world.account(world.pharmadis)),
            chu=fake.client(account=world.account(world.chu_valmont)),
        )

    @property
    def supplier_name(self) -> str:
        """The supplier's name on the timeline."""
        return self.fake.world.pharmadis.designation

    @property
    def chu_name(self) -> str:
        """The CHU's name on the timeline."""
        return self.fake.world.chu_valmont.designation

    def say(self, actor: str, text: str) -> None:
        """Print one line of the timeline, dated by the emulator's clock."""
        now = self.fake.clock.now()
        print(f"  {now:%Y-%m-%d %H:%M}  {actor:<{_ACTOR_WIDTH}} {text}")  # noqa: T201

    def wait(self, seconds: float) -> None:
        """Let time pass on the emulator (what it had scheduled happens)."""
        self.fake.advance(seconds)

    def later(self, *, days: int, at: str) -> None:
        """Let time pass until ``at`` (``"08:30"``) ``days`` days later, on the emulator."""
        hour, minute = (int(part) for part in at.split(":"))
        now = self.fake.clock.now()
        target = (now + timedelta(days=days)).replace(
            hour=hour, minute=minute, second=0, microsecond=0
        )
        self.wait((target - now).total_seconds())

    def close(self) -> None:
        """Close both clients."""
        self.fournisseur.close()
        self.chu.close()


Act = Callable[[Exchange], None]
"""One act of the demo: it plays its part of the exchange and prints it with ``exchange.say``."""


def check_platform(exchange: Exchange) -> None:
    """The supplier's software checks Chorus Pro answers and reads the reference lists."""
    transverses = exchange.fournisseur.transverses
    health = transverses.health_check()
    devises = ", ".join(devise.code_devise for devise in transverses.recuperer_devises())
    taux = ", ".join(
        f"{t.code_taux_tva} {t.valeur_taux_tva} %" for t in transverses.recuperer_taux_tva()
    )
    cadres = ", ".join(c.code_cadre_facturation for c in transverses.recuperer_cadre_facturation())
    exchange.say("Chorus Pro", f"health check: {'available' if health.ok else 'unavailable'}")
    exchange.say("", f"devises: {devises}")
    exchange.say("", f"taux de TVA: {taux}")
    exchange.say("", f"cadres de facturation: {cadres}")


def supplier_deposits(exchange: Exchange) -> None:
    """The supplier deposits a CII flux to the CHU and waits until Chorus Pro integrated it."""
    facture = exchange.facture
    factures = exchange.fournisseur.factures
    recu = factures.deposer_flux(
        fichier=cii(facture),
        nom_fichier=f"{facture.numero}.xml",
        syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B,
    )
    numero_flux = required_in_answer(
        recu.numero_flux_depot, "deposerFluxFacture", "numeroFluxDepot"
    )
    exchange.say(
        exchange.supplier_name,
        f"deposits {facture.numero}.xml (CII) for {exchange.chu_name}, "
        f"service {facture.code_service}: flux {numero_flux}",
    )
    rapport = factures.wait_for_integration(numero_flux_depot=numero_flux, sleep=exchange.wait)
    [creee] = rapport.factures
    exchange.id_facture = required_in_answer(
        creee.identifiant_facture_cpp, "rechercherFactureParFournisseur", "identifiantFactureCPP"
    )
    exchange.say(
        "Chorus Pro",
        f"flux {rapport.etat.value}: invoice {creee.numero_facture} created, "
        f"{_euros(creee.montant_ttc)} TTC, {_status(creee.statut)}",
    )


def chu_finds_and_downloads(exchange: Exchange) -> None:
    """The next morning, the CHU searches its invoices to process and downloads the new one."""
    exchange.later(days=1, at="08:30")
    chu = exchange.chu
    [structure] = chu.transverses.recuperer_structures_actives_pour_destinataire()
    a_traiter = chu.factures.rechercher_a_traiter_recipiendaire(
        id_structure=required_in_answer(
            structure.id_structure_cpp,
            "recupererStructuresActivesPourDestinataire",
            "idStructureCPP",
        )
    )
    for item in a_traiter.items:
        exchange.say(
            exchange.chu_name,
            f"to process: {item.numero_facture} from {item.designation_fournisseur}, "
            f"{_euros(item.montant_ttc)} TTC, {_status(item.statut)}",
        )
    pdf = chu.factures.telecharger_groupe(ids_facture=[exchange.id_facture])
    size = f"{len(pdf):,}".replace(",", " ")
    exchange.say(exchange.chu_name, f"downloads {exchange.facture.numero} (PDF, {size} bytes)")


def chu_suspends(exchange: Exchange) -> None:
    """A document is missing: the CHU suspends the invoice with a motif rather than rejecting it."""
    exchange.later(days=0, at="10:15")
    motif = "PV de réception manquant"
    traite = exchange.chu.factures.traiter_facture_recue(
        id_facture=exchange.id_facture, nouveau_statut=StatutFacture.SUSPENDUE, motif=motif
    )
    exchange.say(exchange.chu_name, f"{_status(traite.nouveau_statut)}, motif: « {motif} »")


def supplier_completes(exchange: Exchange) -> None:
    """The supplier sees the suspension, uploads the missing document and completes the invoice."""
    exchange.later(days=1, at="14:00")
    fournisseur = exchange.fournisseur
    world = exchange.fake.world
    [suspendue] = fournisseur.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.pharmadis.id_structure_cpp
    ).items
    exchange.say(
        exchange.supplier_name,
        f"to act on: {suspendue.numero_facture} {_status(suspendue.statut)}",
    )
    nom = "pv-reception.pdf"
    pv = fournisseur.transverses.ajouter_fichier(
        fichier=b"%PDF-1.4 PV de reception", nom_fichier=nom
    )
    fournisseur.factures.completer(
        identifiant_facture_cpp=exchange.id_facture,
        pieces_jointes=[
            PieceJointeComplementaire(
                piece_jointe_complementaire_id=pv,
                piece_jointe_complementaire_designation="PV de réception",
                piece_jointe_complementaire_type="PV_RECEPTION",
            )
        ],
        commentaire="PV de réception signé joint",
    )
    statut = fournisseur.factures.consulter_historique(id_facture=exchange.id_facture)
    exchange.say(
        exchange.supplier_name,
        f"completes {exchange.facture.numero} with {nom}: {_status(statut.statut_courant_code)}",
    )


def chu_certifies_and_mandates(exchange: Exchange) -> None:
    """The CHU certifies the service fait, then issues the mandat; the supplier follows it."""
    exchange.later(days=1, at="09:10")
    factures = exchange.chu.factures
    fait = factures.traiter_facture_recue(
        id_facture=exchange.id_facture, nouveau_statut=StatutFacture.SERVICE_FAIT
    )
    exchange.say(exchange.chu_name, _status(fait.nouveau_statut))
    exchange.later(days=1, at="16:45")
    numero_mandat = "M2026-000451"
    mandatee = factures.traiter_facture_recue(
        id_facture=exchange.id_facture,
        nouveau_statut=StatutFacture.MANDATEE,
        numero_dp_mandat=numero_mandat,
    )
    exchange.say(exchange.chu_name, f"{_status(mandatee.nouveau_statut)}, mandat {numero_mandat}")
    vue = exchange.fournisseur.factures.consulter_historique(id_facture=exchange.id_facture)
    exchange.say(
        exchange.supplier_name,
        f"sees {exchange.facture.numero} {_status(vue.statut_courant_code)}",
    )


ACTS: tuple[Act, ...] = (
    check_platform,
    supplier_deposits,
    chu_finds_and_downloads,
    chu_suspends,
    supplier_completes,
    chu_certifies_and_mandates,
)
"""The acts of the demo, in order."""


def run(args: argparse.Namespace) -> int:
    """Play every act of :data:`ACTS` on a seeded emulator and print the timeline."""
    started = time.perf_counter()
    exchange = Exchange.seeded()
    begun = exchange.fake.clock.now()
    world = exchange.fake.world
    print("demat demo: Chorus Pro, on the built-in emulator (FakeChorusPro.seeded())")  # noqa: T201
    for structure, role in ((world.pharmadis, "supplier"), (world.chu_valmont, "recipient")):
        login = world.account(structure).login
        print(f"  {structure.designation} ({role}), technical account {login}")  # noqa: T201
    try:
        for act in ACTS:
            act(exchange)
    finally:
        exchange.close()
    span = exchange.fake.clock.now() - begun
    print(  # noqa: T201
        f"done: {span.days} days of the emulator's time in {time.perf_counter() - started:.1f} s; "
        f"{exchange.fake.state.token_requests} PISTE tokens, each renewed by the client after "
        "its hour"
    )
    return 0


def _euros(amount: Decimal | None) -> str:
    return "?" if amount is None else f"{amount:.2f} €"


def _status(statut: StatutFacture | None) -> str:
    return "?" if statut is None else statut.value
