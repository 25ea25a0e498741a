"""Hospital flux built with the models, shared by the PES tests."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from demat_sdk import pes
from demat_sdk.pes import enums
from demat_sdk.pes.models import marche as mm

SIRET_CH = "26380000500005"  # Luhn-valid, invented
SIRET_COMMUNE = "21380185500015"
SIRET_FOURNISSEUR = "55208131700000"
IBAN = "FR7630004000031234567890143"
BIC = "BNPAFRPPXXX"
PDF = b"%PDF-1.4\n" + b"facture " * 200


def fournisseur() -> pes.TiersDepense:
    return pes.TiersDepense(
        identifiant=SIRET_FOURNISSEUR,
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
        compte_bancaire=pes.CompteBancaire(bic=BIC, iban=IBAN, titulaire="MEDIFOURNITURES SAS"),
    )


def mandat(numero: int, *, pj: str | None = None, lignes: int = 2) -> pes.Mandat:
    return pes.Mandat(
        numero=numero,
        type=pes.TypeMandat.ORDINAIRE,
        nature=pes.NatureMandat.FONCTIONNEMENT,
        objet=f"FOURNITURES MEDICALES {numero}",
        pj_refs=[pes.PJRef(support=pes.Support.ELECTRONIQUE, id_unique=pj)] if pj else [],
        lignes=[
            pes.LigneMandat(
                nature_comptable=60221,
                mode_reglement=pes.ModeReglementDepense.VIREMENT,
                tva_intracommunautaire=False,
                montant_ht=Decimal("100.00") * (i + 1),
                montant_tva=Decimal("20.00"),
                tiers=fournisseur(),
            )
            for i in range(lignes)
        ],
    )


def flux_depense(
    *, bordereaux: int = 1, mandats: int = 2, with_pj: bool = True, pj_size: int | None = None
) -> pes.PesAller:
    pjs = []
    bords = []
    for b in range(1, bordereaux + 1):
        pieces = []
        for m in range(1, mandats + 1):
            ident = f"CH{b:03d}M{m:05d}" if with_pj else None
            pieces.append(mandat(b * 1000 + m, pj=ident))
            if ident:
                content = PDF if pj_size is None else random.Random(m).randbytes(pj_size)
                pjs.append(
                    pes.PieceJustificative(
                        contenu=content,
                        id_unique=ident,
                        nom=f"facture-{b}-{m}.pdf",
                        type=pes.TypePJ.DEPENSE,
                        description=f"Facture du mandat {b * 1000 + m}",
                    )
                )
        bords.append(
            pes.BordereauDepense(
                exercice=2025,
                numero=b,
                date_emission=dt.date(2025, 3, 14),
                type=pes.TypeBordereauDepense.ORDINAIRE,
                mandats=pieces,
            )
        )
    return pes.PesAller(
        enveloppe=pes.Enveloppe(
            nom_fichier="PES_TEST_DEPENSE_0001",
            emetteur=pes.Emetteur(sigle="EDITEUR GEF", adresse="GEF 1.0"),
        ),
        en_tete=en_tete(),
        depense=pes.DepenseAller(dematerialise=False, bordereaux=bords),
        pj=pes.PesPJ(pieces_justificatives=pjs) if pjs else None,
    )


def en_tete() -> pes.EnTetePES:
    return pes.EnTetePES(
        date_emission=dt.date(2025, 3, 14),
        code_poste="038011",
        siret=SIRET_CH,
        finess_juridique="380780080",
        code_collectivite="123",
        code_budget="00",
        libelle_budget="CH EXEMPLE BUDGET H",
        nomenclature=pes.Nomenclature.M21,
    )


def flux_marche() -> pes.PesAller:
    """A PES_Marche flux declaring one marché of the hospital, with only its required blocks."""
    marche = mm.Marche(
        identifiant_marche=mm.IdentifiantMarche(
            identifiant_contrat="2025M0042",
            numero_ordre_modification="00",
            sequence_envoi=1,
            caractere_correctif_enregistrement=False,
        ),
        url_profil_acheteur="https://marches.ch-exemple.fr",
        acheteurs=mm.Acheteurs(
            acheteur=[mm.Acheteur(siret_acheteur=SIRET_CH, nom_acheteur="CH EXEMPLE")]
        ),
        nature_marche=enums.NatureMarche.MARCHE,
        objet="Fourniture de dispositifs médicaux stériles",
        code_cpv="33141000",
        procedure_marche=enums.ProcedureMarche.APPEL_OFFRES_OUVERT,
        lieu_execution=mm.LieuExecution(
            code_lieu_execution="38000",
            type_code=enums.TypeCodeLieu.CODE_POSTAL,
            nom_lieu_execution="GRENOBLE",
        ),
        duree_en_mois=36,
        montant_ht_notifie=Decimal("250000.00"),
        caractere_estimatif_montant_notifie=False,
        reconductibilite=enums.Reconductibilite.NON_RECONDUCTIBLE,
        penalite=True,
        date_notification=dt.date(2025, 2, 3),
        conditions_execution=mm.ConditionsExecution(
            modalite_execution=enums.ModaliteExecution.ORDINAIRE, multi_budget=False
        ),
    )
    return pes.PesAller(
        enveloppe=pes.Enveloppe(
            nom_fichier="PES_TEST_MARCHE_0001",
            emetteur=pes.Emetteur(sigle="EDITEUR GEF", adresse="GEF 1.0"),
        ),
        en_tete=en_tete(),
        marche=mm.PesMarche(version=1, marches=mm.Marches(marches=[marche])),
    )
