"""Déposer un flux de factures dans Chorus Pro et attendre son intégration (côté fournisseur).

    python examples/deposer_flux_et_attendre.py

Ce que montre ce script : le dépôt d'un fichier de factures (``deposer_flux``, syntaxe CII
D16B), l'attente de son traitement par Chorus Pro (``wait_for_integration``), puis la lecture
du compte rendu : les factures créées, celles refusées et pourquoi, et le cas d'un flux encore en
traitement à l'échéance. Il tourne contre l'émulateur intégré, dont le temps avance à la demande
(``sleep=fake.advance``) : aucune attente réelle.

Contre la plateforme réelle : ``ChorusPro()`` (identifiants lus dans les variables
``DEMAT_*``) et sans l'argument ``sleep``. En ligne de commande :
``demat chorus deposit FICHIER --wait``.
"""

from __future__ import annotations

from pathlib import Path

from demat_sdk.chorus.enums import SyntaxeFlux
from demat_sdk.errors import DematError, IntegrationTimeoutError
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii


def main() -> int:
    fake = FakeChorusPro.seeded()
    monde = fake.world
    # Le fichier que produit le logiciel de facturation du fournisseur.
    fichier = Path("PHX-2026-0042.xml")
    fichier.write_bytes(
        cii(
            SampleInvoice(
                numero="PHX-2026-0042",
                fournisseur=monde.pharmadis.identifiant,
                destinataire=monde.chu_valmont.identifiant,
                code_service="BIOMED",
                lines=(Line("Seringues 10 ml", "200", "0.35", "20"),),
            )
        )
    )
    try:
        with fake.client(account=monde.account(monde.pharmadis)) as client:
            recu = client.factures.deposer_flux(
                fichier=fichier, syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B
            )
            numero_flux = recu.numero_flux_depot or ""
            print(f"Flux {numero_flux} déposé ({fichier.name})")
            rapport = client.factures.wait_for_integration(
                numero_flux_depot=numero_flux,
                timeout=1800,  # Chorus Pro met quelques minutes, parfois davantage
                sleep=fake.advance,  # contre la plateforme réelle : ne rien passer
            )
    except IntegrationTimeoutError as attente:
        # Le flux suit son cours : on le reprendra plus tard, sans le redéposer.
        print(f"Flux {attente.numero_flux_depot} toujours {attente.etat} : à reprendre plus tard")
        return 0
    except DematError as erreur:
        print(f"Échec : {erreur}")
        return 1

    print(f"État du flux : {rapport.etat.value}")
    for facture in rapport.factures:
        print(
            f"  facture {facture.numero_facture} créée : id {facture.identifiant_facture_cpp}, "
            f"{facture.montant_ttc or 0:.2f} {facture.devise} TTC, "
            f"pour {facture.designation_destinataire}"
        )
    for refus in rapport.erreurs_dp:
        # Corriger et redéposer seulement celles-ci : les autres sont créées pour de bon.
        print(f"  facture {refus.numero_dp} refusée : {refus.libelle_erreur_dp}")
    return 0 if rapport.integre else 1


if __name__ == "__main__":
    raise SystemExit(main())
