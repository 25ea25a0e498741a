"""``demat demo``: the library's main job, run against the built-in emulators."""

from __future__ import annotations

import argparse
from typing import Any

from demat_sdk.testing import FakeChorusPro

__all__ = ["register", "run"]


def register(commands: Any) -> None:
    """Add the ``demo`` sub-command."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "demo",
        help="run a full exchange against the built-in emulators (no credentials needed)",
        description="Run the library's exchanges against the built-in emulators.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print a timeline of the exchange with the emulated Chorus Pro."""
    fake = FakeChorusPro()
    _step(f"Chorus Pro emulator started ({fake.clock.now():%Y-%m-%d %H:%M})")
    with fake.client() as client:
        health = client.transverses.health_check()
        _step(f"health check: {'available' if health.ok else 'unavailable'}")
        devises = client.transverses.recuperer_devises()
        _step("devises: " + ", ".join(devise.code_devise for devise in devises))
        taux = client.transverses.recuperer_taux_tva()
        _step(
            "taux de TVA: " + ", ".join(f"{t.code_taux_tva} ({t.valeur_taux_tva} %)" for t in taux)
        )
        modes = client.transverses.recuperer_mode_reglements()
        _step("modes de règlement: " + ", ".join(mode.mode_paiement for mode in modes))
        cadres = client.transverses.recuperer_cadre_facturation()
        _step(
            "cadres de facturation (FACTURE): "
            + ", ".join(cadre.code_cadre_facturation for cadre in cadres)
        )
        types = client.transverses.recuperer_type_demande_paiement()
        _step(
            "types de demande de paiement: "
            + ", ".join(kind.type_demande_paiement for kind in types)
        )
    _step(f"done: {fake.state.token_requests} PISTE token request(s) for the whole session")
    return 0


def _step(text: str) -> None:
    print(f"  • {text}")  # noqa: T201
