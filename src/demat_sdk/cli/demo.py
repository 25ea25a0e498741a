"""``demat demo``: the library's main job, run against the built-in emulators.

The demo plays an exchange between a supplier and a CHU on the seeded Chorus Pro emulator, then
the CHU's exchange with its comptable through the Hélios emulator of the same world (PES flux,
acquittements, a corrected bordereau, an ASAP to the Département that Hélios forwards to Chorus
Pro), act by act, and prints it as a timeline on the emulators' shared clock (time moves by
their schedule, nothing sleeps). Each act is a function of :data:`ACTS` taking the
:class:`Exchange`.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from demat_sdk import pes
from demat_sdk.chorus.client import ChorusPro
from demat_sdk.chorus.enums import StatutFacture, SyntaxeFlux
from demat_sdk.chorus.models import PieceJointeComplementaire
from demat_sdk.chorus.models.base import required_in_answer
from demat_sdk.cli.exit_codes import EPILOG, ExitCode
from demat_sdk.cli.output import add_json_option, print_json, say
from demat_sdk.helios import (
    EtatReconciliation,
    FileKind,
    Reconciliation,
    corrective_flux,
    reconcile,
)
from demat_sdk.testing import FakeChorusPro, FakeHelios, FakeHeliosChannel
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii
from demat_sdk.testing.helios import samples as pes_samples

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
        epilog=EPILOG,
    )
    add_json_option(parser)
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
        helios: the Hélios emulator of the same world (same clock, ASAP go to ``fake``).
        channel: the CHU's channel to Hélios.
        departement: the Département du Haut-Vallon's client (debtor of the CHU's ASAP).
        envoyes: the PES flux the CHU sent, by ``NomFic``.
        rapports: their reconciliations with the acquittements, by ``NomFic``.
        id_asap: the Chorus Pro id of the ASAP Hélios deposited.
        timeline: every line said so far, as ``{"time", "actor", "text"}`` records.
        quiet: record the timeline without printing it (``demat demo --json``).
    """

    fake: FakeChorusPro
    fournisseur: ChorusPro
    chu: ChorusPro
    facture: SampleInvoice = field(init=False)
    id_facture: int = 0
    helios: FakeHelios = field(init=False)
    channel: FakeHeliosChannel = field(init=False)
    departement: ChorusPro = field(init=False)
    envoyes: dict[str, pes.PesAller] = field(default_factory=dict)
    rapports: dict[str, Reconciliation] = field(default_factory=dict)
    id_asap: int = 0
    timeline: list[dict[str, str]] = field(default_factory=list)
    quiet: bool = False

    def __post_init__(self) -> None:
        world = self.fake.world
        self.helios = FakeHelios.seeded(self.fake)
        self.channel = FakeHeliosChannel(self.helios)
        self.departement = self.fake.client(account=world.account(world.departement))
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
        """Record one line of the timeline, dated by the emulator's clock, and print it."""
        now = self.fake.clock.now()
        self.timeline.append({"time": now.isoformat(), "actor": actor, "text": text})
        if not self.quiet:
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
        """Close the clients."""
        self.fournisseur.close()
        self.chu.close()
        self.departement.close()


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


_HELIOS = "Hélios"
_DEPARTEMENT = "DEPARTEMENT"


def chu_sends_pes(exchange: Exchange) -> None:
    """The CHU sends its comptable a recette flux (a patient, an ASAP) and a dépense flux."""
    exchange.later(days=1, at="18:00")
    day = exchange.fake.clock.now().date()
    recette = pes_samples.recette_flux(f"PESALR2_{pes_samples.HOSPITAL_SIRET}_REC1.xml", day)
    # The GEF's dépense export carries a Fonction on bordereau 13 (refused on an M21 budget).
    depense = pes_samples.depense_flux(
        f"PESALR2_{pes_samples.HOSPITAL_SIRET}_DEP1.xml", day, bordereaux=(12, 13), fonction_on=13
    )
    for flux, what in (
        (recette, "recette: a patient's titre, an ASAP titre to the Département"),
        (depense, "dépense: bordereaux 12 and 13"),
    ):
        name = flux.enveloppe.nom_fichier
        receipt = exchange.channel.send(pes.to_bytes(flux, business_rules=False), name=name)
        exchange.envoyes[name] = flux
        exchange.say(exchange.chu_name, f"sends {name} ({what}), SHA-1 {receipt.sha1[:8]}")


def chu_reads_acquittements(exchange: Exchange) -> None:
    """Hélios answered overnight: the CHU reconciles each acquittement with what it sent."""
    exchange.later(days=1, at="07:30")
    for incoming in exchange.channel.poll():
        if incoming.kind is not FileKind.ACQUIT:
            exchange.channel.quarantine(incoming, f"unexpected {incoming.kind.value}")
            continue
        acquit = pes.read_acquit(incoming.source)
        rapport = reconcile(exchange.envoyes[acquit.nom_fichier], acquit)
        exchange.rapports[acquit.nom_fichier] = rapport
        exchange.channel.mark_processed(incoming)
        exchange.say(_HELIOS, f"ACK of {acquit.nom_fichier}: {rapport.etat.value}")
        for erreur in acquit.iter_erreurs():
            exchange.say("", f"{erreur.localisation}: {erreur.erreur.libelle_anomalie}")
    for deposit in exchange.helios.asap_deposits:
        exchange.id_asap = deposit.id_facture
        exchange.say(
            _HELIOS,
            f"titre {deposit.reference}: its ASAP {deposit.numero_facture} is in Chorus Pro",
        )


def chu_resends_the_rejected_bordereau(exchange: Exchange) -> None:
    """The CHU fixes the rejected bordereau and sends it alone, same number, in a new flux."""
    exchange.later(days=0, at="09:30")
    [(nom, rapport)] = [
        (nom, rapport)
        for nom, rapport in exchange.rapports.items()
        if rapport.etat is not EtatReconciliation.ACCEPTE
    ]
    correctif = corrective_flux(
        exchange.envoyes[nom], rapport, nom_fichier=f"PESALR2_{pes_samples.HOSPITAL_SIRET}_DEP2.xml"
    )
    if correctif is None or correctif.depense is None:
        raise RuntimeError(f"nothing to send again for {nom}")
    for bordereau in correctif.depense.bordereaux:
        for mandat in bordereau.mandats:
            for ligne in mandat.lignes:
                ligne.fonction = None
    name = correctif.enveloppe.nom_fichier
    exchange.channel.send(pes.to_bytes(correctif), name=name)
    exchange.envoyes[name] = correctif
    numeros = ", ".join(str(b.numero) for b in correctif.depense.bordereaux)
    exchange.say(exchange.chu_name, f"sends {name}: bordereau {numeros} without the Fonction")
    exchange.later(days=0, at="14:00")
    for incoming in exchange.channel.poll():
        acquit = pes.read_acquit(incoming.source)
        rapport = reconcile(exchange.envoyes[acquit.nom_fichier], acquit)
        exchange.channel.mark_processed(incoming)
        exchange.say(_HELIOS, f"ACK of {acquit.nom_fichier}: {rapport.etat.value}")


def departement_suspends_the_asap(exchange: Exchange) -> None:
    """The Département finds the ASAP among its invoices to process and suspends it."""
    exchange.later(days=1, at="09:00")
    world = exchange.fake.world
    factures = exchange.departement.factures
    for item in factures.rechercher_a_traiter_recipiendaire(
        id_structure=world.departement.id_structure_cpp
    ).items:
        exchange.say(
            _DEPARTEMENT,
            f"to process: {item.numero_facture} from {item.designation_fournisseur}, "
            f"{_euros(item.montant_ttc)} TTC, {_status(item.statut)}",
        )
    motif = "Convention de mise à disposition à joindre"
    traite = factures.traiter_facture_recue(
        id_facture=exchange.id_asap, nouveau_statut=StatutFacture.SUSPENDUE, motif=motif
    )
    exchange.say(_DEPARTEMENT, f"{_status(traite.nouveau_statut)}, motif: « {motif} »")


def chu_completes_the_asap(exchange: Exchange) -> None:
    """The CHU, supplier of the ASAP in Chorus Pro, sees the suspension and completes it."""
    exchange.later(days=0, at="15:20")
    chu = exchange.chu
    world = exchange.fake.world
    for item in chu.factures.rechercher_a_traiter_fournisseur(
        id_structure=world.chu_valmont.id_structure_cpp
    ).items:
        exchange.say(exchange.chu_name, f"to act on: {item.numero_facture} {_status(item.statut)}")
    convention = chu.transverses.ajouter_fichier(
        fichier=b"%PDF-1.4 convention", nom_fichier="convention.pdf"
    )
    chu.factures.completer(
        identifiant_facture_cpp=exchange.id_asap,
        pieces_jointes=[
            PieceJointeComplementaire(
                piece_jointe_complementaire_id=convention,
                piece_jointe_complementaire_designation="Convention de mise à disposition",
                piece_jointe_complementaire_type="CONVENTION",
            )
        ],
        commentaire="Convention signée jointe",
    )
    vue = chu.factures.consulter_historique(id_facture=exchange.id_asap)
    exchange.say(
        exchange.chu_name, f"completes it with convention.pdf: {_status(vue.statut_courant_code)}"
    )


def departement_certifies_the_asap(exchange: Exchange) -> None:
    """The Département certifies the service fait; the CHU follows it."""
    exchange.later(days=1, at="10:00")
    fait = exchange.departement.factures.traiter_facture_recue(
        id_facture=exchange.id_asap, nouveau_statut=StatutFacture.SERVICE_FAIT
    )
    exchange.say(_DEPARTEMENT, _status(fait.nouveau_statut))
    vue = exchange.chu.factures.consulter_historique(id_facture=exchange.id_asap)
    exchange.say(exchange.chu_name, f"sees the ASAP {_status(vue.statut_courant_code)}")


ACTS: tuple[Act, ...] = (
    check_platform,
    supplier_deposits,
    chu_finds_and_downloads,
    chu_suspends,
    supplier_completes,
    chu_certifies_and_mandates,
    chu_sends_pes,
    chu_reads_acquittements,
    chu_resends_the_rejected_bordereau,
    departement_suspends_the_asap,
    chu_completes_the_asap,
    departement_certifies_the_asap,
)
"""The acts of the demo, in order."""


def run(args: argparse.Namespace) -> int:
    """Play every act of :data:`ACTS` on a seeded emulator and print the timeline.

    With ``--json``, one document instead: the actors, the timeline's records and the totals.
    """
    started = time.perf_counter()
    exchange = Exchange.seeded()
    exchange.quiet = args.json
    begun = exchange.fake.clock.now()
    world = exchange.fake.world
    actors = [
        {
            "designation": structure.designation,
            "role": role,
            "login": world.account(structure).login,
        }
        for structure, role in (
            (world.pharmadis, "supplier"),
            (world.chu_valmont, "recipient"),
            (world.departement, "debtor of an ASAP"),
        )
    ]
    if not args.json:
        say(
            "demat demo: Chorus Pro and Hélios, on the built-in emulators "
            "(FakeChorusPro.seeded(), FakeHelios.seeded())"
        )
        for actor in actors:
            say(f"  {actor['designation']} ({actor['role']}), technical account {actor['login']}")
    try:
        for act in ACTS:
            act(exchange)
    finally:
        exchange.close()
    span = exchange.fake.clock.now() - begun
    tokens = exchange.fake.state.token_requests
    if args.json:
        print_json(
            {
                "actors": actors,
                "timeline": exchange.timeline,
                "emulated_days": span.days,
                "token_requests": tokens,
            }
        )
    else:
        say(
            f"done: {span.days} days of the emulator's time in "
            f"{time.perf_counter() - started:.1f} s; {tokens} PISTE tokens, each renewed by the "
            "client after its hour"
        )
    return ExitCode.OK


def _euros(amount: Decimal | None) -> str:
    return "?" if amount is None else f"{amount:.2f} €"


def _status(statut: StatutFacture | None) -> str:
    return "?" if statut is None else statut.value
