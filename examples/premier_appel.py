"""Premier appel à Chorus Pro, contre l'émulateur intégré (aucun identifiant nécessaire).

    python examples/premier_appel.py

Le même code parle à la plateforme réelle : remplacez ``fake.client()`` par ``ChorusPro()``,
qui lit les identifiants dans les variables d'environnement ``DEMAT_PISTE_CLIENT_ID``,
``DEMAT_PISTE_CLIENT_SECRET``, ``DEMAT_CPRO_LOGIN`` et ``DEMAT_CPRO_PASSWORD``.
"""

from __future__ import annotations

from demat_sdk.errors import DematError
from demat_sdk.testing import FakeChorusPro


def main() -> int:
    fake = FakeChorusPro()
    try:
        with fake.client() as client:
            sante = client.transverses.health_check()
            print("Chorus Pro disponible :", "oui" if sante.ok else "non")

            print("Taux de TVA utilisables dans les lignes de facture :")
            for taux in client.transverses.recuperer_taux_tva():
                valeur = f"{taux.valeur_taux_tva} %"
                print(f"  {taux.code_taux_tva:<6} {valeur:>7}  {taux.libelle_taux_tva}")

            cadres = client.transverses.recuperer_cadre_facturation()
            print("Cadres de facturation d'une facture :")
            for cadre in cadres:
                print(f"  {cadre.code_cadre_facturation}")
    except DematError as error:  # toutes les erreurs de la bibliothèque en dérivent
        print(f"Échec : {error}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
