"""Produire un flux PES de mandats avec leurs factures en pièces justificatives (PJ).

    python examples/flux_mandats_avec_pj.py

Ce que montre ce script : ce qu'une GEF écrit pour le comptable public chaque jour de
mandatement. Un bordereau de deux mandats d'un budget hospitalier M21, chaque mandat
accompagné de la facture du fournisseur en PJ (référencée par son ``IdUnique``) ; l'écriture du
fichier ``PESALR2_…`` (totaux, nombre de pièces et numérotation calculés, PJ compressées au fil de
l'eau), son contrôle (règles du modèle, et schéma de la DGFiP si ``DEMAT_PES_XSD_DIR`` désigne
son dossier), puis sa relecture. Aucun réseau : le fichier est prêt à partir vers Hélios.

En ligne de commande : ``demat pes validate FICHIER`` et ``demat pes show FICHIER``.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

from demat_sdk import pes
from demat_sdk.errors import DematError

SIRET_CH = "26380000500005"
JOUR = dt.date(2025, 3, 31)
FACTURES = [("F3017", "1000.00", "200.00"), ("F3018", "250.50", "50.10")]  # numéro, HT, TVA


def flux_du_jour(dossier_factures: Path) -> pes.PesAller:
    """Le PES_Aller du jour : un bordereau de mandats, une PJ par mandat."""
    fournisseur = pes.TiersDepense(
        identifiant="55208131700000",
        nature_identifiant=pes.NatureIdentifiantTiers.SIRET,
        categorie=pes.CategorieTiers.PERSONNE_MORALE_DROIT_PRIVE,
        nature_juridique=pes.NatureJuridique.SOCIETE,
        nom="MEDIFOURNITURES SAS",
        adresse=pes.Adresse(
            type=pes.TypeAdresse.PRINCIPALE,
            voie="12 RUE DES LILAS",
            code_postal="69003",
            ville="LYON",
            non_resident=False,
        ),
        compte_bancaire=pes.CompteBancaire(
            bic="BNPAFRPPXXX", iban="FR7630004000031234567890143", titulaire="MEDIFOURNITURES SAS"
        ),
    )
    mandats, pieces = [], []
    for rang, (numero_facture, ht, tva) in enumerate(FACTURES, start=1):
        id_unique = f"{SIRET_CH}DEP2025{numero_facture}"
        pdf = dossier_factures / f"{numero_facture}.pdf"  # la facture reçue, telle quelle
        pieces.append(
            pes.PieceJustificative(
                contenu=pdf,
                id_unique=id_unique,
                nom=pdf.name,
                type=pes.TypePJ.DEPENSE,
                description=f"Facture {numero_facture}",
            )
        )
        mandats.append(
            pes.Mandat(
                numero=rang,
                type=pes.TypeMandat.ORDINAIRE,
                nature=pes.NatureMandat.FONCTIONNEMENT,
                objet=f"Fournitures médicales, facture {numero_facture}",
                pj_refs=[pes.PJRef(support=pes.Support.ELECTRONIQUE, id_unique=id_unique)],
                lignes=[
                    pes.LigneMandat(
                        nature_comptable=60221,
                        numero_facture=numero_facture,
                        mode_reglement=pes.ModeReglementDepense.VIREMENT,
                        tva_intracommunautaire=False,
                        montant_ht=Decimal(ht),
                        montant_tva=Decimal(tva),
                        tiers=fournisseur,
                    )
                ],
            )
        )
    return pes.PesAller(
        enveloppe=pes.Enveloppe(
            nom_fichier=pes.nom_fichier(SIRET_CH, code_collectivite="123", code_budget="00"),
            emetteur=pes.Emetteur(sigle="EDITEUR GEF", adresse="GEF 4.2"),
        ),
        en_tete=pes.EnTetePES(
            date_emission=JOUR,
            code_poste="038011",
            siret=SIRET_CH,
            finess_juridique="380780080",
            code_collectivite="123",
            code_budget="00",
            libelle_budget="CH EXEMPLE BUDGET H",
            nomenclature=pes.Nomenclature.M21,
        ),
        depense=pes.DepenseAller(
            bordereaux=[
                pes.BordereauDepense(
                    exercice=2025,
                    numero=421,
                    date_emission=JOUR,
                    type=pes.TypeBordereauDepense.ORDINAIRE,
                    mandats=mandats,
                )
            ]
        ),
        pj=pes.PesPJ(pieces_justificatives=pieces),
    )


def main() -> int:
    dossier_factures = Path("factures")
    dossier_factures.mkdir(exist_ok=True)
    for numero_facture, _ht, _tva in FACTURES:  # ici, de fausses factures PDF
        (dossier_factures / f"{numero_facture}.pdf").write_bytes(
            b"%PDF-1.4 " + numero_facture.encode()
        )
    try:
        nom = pes.prochain_nom_transmission(".", SIRET_CH, JOUR)  # PESALR2_<SIRET>_250331_001.xml
        pes.write(
            flux_du_jour(dossier_factures), nom
        )  # rien n'est écrit si une règle est enfreinte
        rapport = pes.validate(nom, xsd_dir=os.environ.get("DEMAT_PES_XSD_DIR"))
        relu = pes.read(nom)
    except DematError as erreur:
        print(f"Échec : {erreur}")
        return 1
    print(f"{nom} : {'valide' if rapport.ok else 'invalide'}", end="")
    print(" (règles du modèle et XSD)" if rapport.xsd_checked else " (règles du modèle)")
    for bordereau in relu.depense.bordereaux if relu.depense else []:
        print(
            f"  bordereau {bordereau.numero} : {bordereau.nombre_pieces} mandats, "
            f"{bordereau.montant_ht} € HT, {bordereau.montant_tva} € de TVA"
        )
    pieces = relu.pj.pieces_justificatives if relu.pj else []
    print(f"  {len(pieces)} PJ : {', '.join(pj.nom or '?' for pj in pieces)}")
    return 0 if rapport.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
