"""Traiter les factures reçues par un établissement (côté destinataire).

    python examples/traiter_factures_recues.py

Ce que montre ce script : chaque matin, la GEF d'un CHU relève dans Chorus Pro les factures à
traiter de chacune de ses structures (``rechercher_a_traiter_recipiendaire``, toutes pages
lues), télécharge chacune (``telecharger_groupe``), puis, selon ce qu'elle sait de la réception :
certifie le **service fait**, ou **suspend** la facture avec un motif que le fournisseur lira (et
non un rejet, définitif : voir la doctrine des statuts). Il tourne contre l'émulateur intégré,
où un fournisseur a d'abord déposé deux factures.

Contre la plateforme réelle : ``ChorusPro()`` (identifiants lus dans les variables
``DEMAT_*``). En ligne de commande, la liste seule : ``demat chorus todo``.
"""

from __future__ import annotations

from pathlib import Path

from demat_sdk import ChorusPro
from demat_sdk.chorus.enums import StatutFacture, SyntaxeFlux
from demat_sdk.chorus.models import FactureRechercheRecipiendaire
from demat_sdk.errors import DematError
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.chorus.samples import Line, SampleInvoice, cii, tar_gz

# Ce que la GEF sait des livraisons : le bon de réception est-il saisi ?
RECEPTIONS_SAISIES = {"PHX-2026-0101": True, "PHX-2026-0102": False}
MOTIF = "Bon de réception manquant : merci de joindre le bon de livraison signé"


def preparer_l_emulateur() -> FakeChorusPro:
    """Un fournisseur dépose deux factures au CHU DE VALMONT ; Chorus Pro les met à disposition."""
    fake = FakeChorusPro.seeded()
    monde = fake.world
    factures = [
        (
            f"{numero}.xml",
            cii(
                SampleInvoice(
                    numero=numero,
                    fournisseur=monde.pharmadis.identifiant,
                    destinataire=monde.chu_valmont.identifiant,
                    code_service="BIOMED",
                    lines=(Line("Compresses stériles", quantite, "1.20", "20"),),
                )
            ),
        )
        for numero, quantite in (("PHX-2026-0101", "50"), ("PHX-2026-0102", "80"))
    ]
    with fake.client(account=monde.account(monde.pharmadis)) as fournisseur:
        fournisseur.factures.deposer_flux(
            fichier=tar_gz(factures),
            nom_fichier="lot.tar.gz",
            syntaxe_flux=SyntaxeFlux.IN_DP_E1_CII_16B,
        )
    fake.run_until_idle()  # intégration du flux, puis mise à disposition du CHU
    return fake


def traiter(client: ChorusPro, facture: FactureRechercheRecipiendaire, dossier: Path) -> str:
    """Télécharger une facture, puis certifier le service fait ou la suspendre ; son statut."""
    identifiant = facture.id_facture or 0
    pdf = client.factures.telecharger_groupe(ids_facture=[identifiant])
    (dossier / f"{facture.numero_facture}.pdf").write_bytes(pdf)
    if RECEPTIONS_SAISIES.get(facture.numero_facture or "", False):
        retour = client.factures.traiter_facture_recue(
            id_facture=identifiant, nouveau_statut=StatutFacture.SERVICE_FAIT
        )
    else:  # une pièce manque : le fournisseur complétera la facture suspendue
        retour = client.factures.traiter_facture_recue(
            id_facture=identifiant, nouveau_statut=StatutFacture.SUSPENDUE, motif=MOTIF
        )
    return retour.nouveau_statut.value if retour.nouveau_statut else "?"


def main() -> int:
    fake = preparer_l_emulateur()
    dossier = Path("factures-recues")
    dossier.mkdir(exist_ok=True)
    try:
        with fake.client(account=fake.world.account(fake.world.chu_valmont)) as client:
            for structure in client.transverses.recuperer_structures_actives_pour_destinataire():
                print(f"{structure.designation_structure} ({structure.identifiant})")
                a_traiter = client.factures.rechercher_a_traiter_recipiendaire(
                    id_structure=structure.id_structure_cpp or 0
                )
                for facture in a_traiter.auto_paging_iter():
                    statut = traiter(client, facture, dossier)
                    print(
                        f"  {facture.numero_facture} de {facture.designation_fournisseur}, "
                        f"{facture.montant_ttc or 0:.2f} € TTC : {statut}"
                    )
    except DematError as erreur:
        print(f"Échec : {erreur}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
