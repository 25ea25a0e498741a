"""PES flux of the seeded world's hospital, built with the models: the Hélios story's material.

The CHU DE VALMONT (main budget, M21, of :meth:`Referentiel.seeded`) sends:

* :func:`recette_flux` — one bordereau of titres: a stay invoiced to a patient (``Edition`` 05)
  and, with :func:`asap_titre`, a staff secondment invoiced to the Département du Haut-Vallon
  (``Edition`` 02, service ``AUTONOMIE``) with its ASAP document (:func:`asap_document`, a
  ``PES_Facture`` carried as a ``TypePJ`` 006 PJ);
* :func:`depense_flux` — bordereaux of mandats to PHARMADIS SAS, each with its invoice PDF; a
  line may carry a ``Fonction`` (refused on an M21 budget: « 1971 »).

Fictitious people and amounts; valid SIRET, IBAN and BIC.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk import pes

__all__ = [
    "DEPARTEMENT_SIRET",
    "HOSPITAL_SIRET",
    "asap_document",
    "asap_titre",
    "depense_flux",
    "en_tete",
    "patient_titre",
    "recette_flux",
]

HOSPITAL_SIRET = "26130001600019"
"""The CHU DE VALMONT (seeded in both emulators)."""
DEPARTEMENT_SIRET = "22740004100017"
"""The Département du Haut-Vallon (seeded in Chorus Pro, service ``AUTONOMIE``)."""
_PHARMADIS = "41234567000019"
_PDF = b"%PDF-1.4\n% facture PHARMADIS\n" + b"0" * 400


def _adresse(voie: str, code_postal: str, ville: str) -> pes.Adresse:
    return pes.Adresse(
        type=pes.TypeAdresse.PRINCIPALE,
        voie=voie,
        code_postal=code_postal,
        ville=ville,
        non_resident=False,
    )


def _adresse_facture(voie: str | None, code_postal: str, ville: str) -> pes.AdresseFacture:
    return pes.AdresseFacture(
        type=pes.TypeAdresse.PRINCIPALE,
        voie=voie,
        code_postal=code_postal,
        ville=ville,
        non_resident=False,
    )


def en_tete(day: dt.date) -> pes.EnTetePES:
    """The header of the CHU's main budget (poste 013045, CodCol 130, CodBud 00, M21)."""
    return pes.EnTetePES(
        date_emission=day,
        code_poste="013045",
        siret=HOSPITAL_SIRET,
        finess_juridique="130000037",
        code_collectivite="130",
        code_budget="00",
        nomenclature=pes.Nomenclature.M21,
    )


def _enveloppe(nom_fichier: str) -> pes.Enveloppe:
    return pes.Enveloppe(
        nom_fichier=nom_fichier, emetteur=pes.Emetteur(sigle="GEF", adresse="CHU DE VALMONT")
    )


def patient_titre(numero: int) -> pes.Titre:
    """A hospital stay invoiced to a patient: its ASAP is printed and posted (``Edition`` 05)."""
    return pes.Titre(
        numero=numero,
        type=pes.TypeTitre.ORDINAIRE,
        nature=pes.NatureTitre.FONCTIONNEMENT,
        edition=pes.Edition.ASAP_PATIENTS_A_EDITER,
        objet="Forfait journalier",
        lignes=[
            pes.LigneTitre(
                code_produit_local="FJ01",
                nature_comptable=7322,
                majorable=False,
                tva_intracommunautaire=False,
                montant_ht=Decimal("60.00"),
                tiers=[
                    pes.TiersRecette(
                        categorie=pes.CategorieTiers.PERSONNE_PHYSIQUE,
                        nature_juridique=pes.NatureJuridique.PARTICULIER,
                        type=pes.TypeTiers.DEBITEUR_PRINCIPAL,
                        civilite="MME",
                        nom="MARTIN",
                        prenom="CLAIRE",
                        adresse=_adresse("3 RUE DES TILLEULS", "13005", "VALMONT"),
                    )
                ],
            )
        ],
    )


def asap_titre(
    numero: int,
    numero_facture: str,
    id_asap: str | None,
    *,
    code_service: str | None = "AUTONOMIE",
    numero_engagement: str | None = None,
    edition: pes.Edition = pes.Edition.ASAP_CPP,
    objet: str = "Mise a disposition de personnel",
    siret_debiteur: str = DEPARTEMENT_SIRET,
    nom_debiteur: str = "DEPARTEMENT DU HAUT-VALLON",
    montant_tva: Decimal | None = None,
) -> pes.Titre:
    """A staff secondment (2 500 € HT) invoiced to a public debtor through Chorus Pro.

    Args:
        numero: the titre's ``IdPce``.
        numero_facture: its ``NumeroFacture`` (the invoice number in Chorus Pro).
        id_asap: the ``IdUnique`` of the PJ carrying its ASAP (``None``: no reference).
        code_service: the debtor's Chorus Pro service (``CodeService``).
        numero_engagement: the engagement juridique (``NumeroEngagement``).
        edition: ``Edition`` (02 by default: the ASAP goes to Chorus Pro).
        objet: what is invoiced.
        siret_debiteur: the debtor's SIRET (by default the Département du Haut-Vallon).
        nom_debiteur: the debtor's name.
        montant_tva: the VAT of the line, if any.
    """
    references = (
        [
            pes.PJRef(
                support=pes.Support.ELECTRONIQUE, id_unique=id_asap, type=pes.TypePJ.PES_FACTURE
            )
        ]
        if id_asap
        else []
    )
    return pes.Titre(
        numero=numero,
        type=pes.TypeTitre.ORDINAIRE,
        nature=pes.NatureTitre.FONCTIONNEMENT,
        edition=edition,
        objet=objet,
        pj_refs=references,
        numero_facture=numero_facture,
        code_service_chorus=code_service,
        numero_engagement=numero_engagement,
        lignes=[
            pes.LigneTitre(
                code_produit_local="MAD1",
                nature_comptable=70841,
                majorable=False,
                tva_intracommunautaire=False,
                montant_ht=Decimal("2500.00"),
                montant_tva=montant_tva,
                tiers=[
                    pes.TiersRecette(
                        identifiant=siret_debiteur,
                        nature_identifiant=pes.NatureIdentifiantTiers.SIRET,
                        categorie=pes.CategorieTiers.DEPARTEMENT,
                        nature_juridique=pes.NatureJuridique.COLLECTIVITE_TERRITORIALE,
                        type=pes.TypeTiers.DEBITEUR_PRINCIPAL,
                        nom=nom_debiteur,
                        adresse=_adresse("1 AVENUE D ALBIGNY", "74000", "HAUT-VALLON"),
                    )
                ],
            )
        ],
    )


def asap_document(
    day: dt.date,
    numero_facture: str,
    *,
    bordereau: int,
    titre: int,
    siret_debiteur: str = DEPARTEMENT_SIRET,
    nom_debiteur: str = "DEPARTEMENT DU HAUT-VALLON",
    objet: str = "Mise a disposition de personnel",
    type_facture: pes.TypeFacture = pes.TypeFacture.ASAP,
    header: pes.EnTetePES | None = None,
) -> pes.PesAller:
    """The ASAP of :func:`asap_titre`: a ``PES_Facture`` (``TypeFact`` 09 by default).

    Args:
        day: its date.
        numero_facture: the invoice number (the titre's ``NumeroFacture``).
        bordereau: the bordereau of the titre (``RefTitre``).
        titre: the titre's number.
        siret_debiteur: the debtor's SIRET.
        nom_debiteur: the debtor's name.
        objet: what is invoiced (the invoice's ``Objet`` and its line).
        type_facture: ``TypeFact`` (10 is the patients' ASAP, which never goes to Chorus Pro).
        header: the ``EnTetePES`` of the issuing budget (by default the CHU's, :func:`en_tete`).
    """
    public = pes.CategorieTiers.ETAT_ETABLISSEMENT_PUBLIC_NATIONAL
    montant = Decimal("2500.00")
    header = header or en_tete(day)
    return pes.PesAller(
        enveloppe=_enveloppe(f"ASAP_{header.siret}_{bordereau}_{titre}"),
        en_tete=header,
        facture=pes.PesFacture(
            version=2,
            annee=day.year,
            type=type_facture,
            date=day,
            emetteur=pes.TiersEmetteur(
                identifiant=header.siret,
                categorie=pes.CategorieTiers.ETABLISSEMENT_PUBLIC_SANTE,
                nature_juridique=pes.NatureJuridique.COLLECTIVITE_TERRITORIALE,
                type=pes.TypeTiers.EMETTEUR,
                nom="CHU DE VALMONT",
                adresse=_adresse_facture("264 RUE SAINT-PIERRE", "13005", "VALMONT"),
                informations=pes.InformationsEmetteur(reference_banque_de_france="1300000000000"),
                signataire=pes.Signataire(nom="DURAND", prenom="PAUL", role="DIRECTEUR"),
            ),
            tiers=[
                pes.TiersFacture(
                    type=pes.TypeTiers.DESTINATAIRE_PAIEMENT,
                    nom="CENTRE D'ENCAISSEMENT",
                    complement_nom="DES FINANCES PUBLIQUES",
                    categorie=public,
                    nature_juridique=pes.NatureJuridique.ETAT,
                    adresse=_adresse_facture(None, "35908", "RENNES CEDEX 9"),
                ),
                pes.TiersFacture(
                    type=pes.TypeTiers.COMPTABLE_EMETTEUR,
                    nom="TRESORERIE CHU VALMONT",
                    categorie=public,
                    nature_juridique=pes.NatureJuridique.ETAT,
                    adresse=_adresse_facture("10 RUE DU TRESOR", "13005", "VALMONT"),
                ),
            ],
            factures=[
                pes.FactureIndividuelle(
                    date_emission=day,
                    numero_facture=numero_facture,
                    debiteur=pes.TiersFacture(
                        type=pes.TypeTiers.DEBITEUR_PRINCIPAL,
                        nom=nom_debiteur,
                        categorie=pes.CategorieTiers.DEPARTEMENT,
                        nature_juridique=pes.NatureJuridique.COLLECTIVITE_TERRITORIALE,
                        adresse=_adresse_facture("1 AVENUE D ALBIGNY", "74000", "HAUT-VALLON"),
                        identifiant=siret_debiteur,
                    ),
                    objet=objet,
                    lignes=[
                        pes.LigneFacture(
                            date=day,
                            libelle=objet,
                            quantite=Decimal("1"),
                            montant_unitaire=montant,
                            montant_ht=montant,
                            taux_tva=Decimal("0"),
                            montant_tva=Decimal("0"),
                            montant_ttc=montant,
                            ordre=1,
                        )
                    ],
                    total=pes.TotalAPayer(
                        montant_ht=montant, montant_tva=Decimal("0"), montant_ttc=montant
                    ),
                    titre=pes.ReferenceTitre(
                        exercice=day.year,
                        numero_bordereau=bordereau,
                        numero_titre=titre,
                        numero_ligne=1,
                    ),
                    talon_optique=pes.TalonOptique(ligne1="0" * 58, ligne2="0" * 58),
                    modalites_reglement="Paiement par virement au comptable du CHU",
                    mode_recouvrement=True,
                    conditions_generales="Conditions generales du CHU",
                )
            ],
            nomenclatures=pes.Nomenclatures(),
        ),
    )


def recette_flux(
    nom_fichier: str,
    day: dt.date,
    *,
    bordereau: int = 41,
    numero_facture: str = "ASAP-2026-0007",
) -> pes.PesAller:
    """A recette flux: a patient's titre and an ASAP titre to the Département, with its PJ."""
    id_asap = f"ASAP{day.year}B{bordereau}T2"
    document = asap_document(day, numero_facture, bordereau=bordereau, titre=2)
    return pes.PesAller(
        enveloppe=_enveloppe(nom_fichier),
        en_tete=en_tete(day),
        recette=pes.RecetteAller(
            bordereaux=[
                pes.BordereauRecette(
                    exercice=day.year,
                    numero=bordereau,
                    date_emission=day,
                    type=pes.TypeBordereauRecette.ORDINAIRE,
                    titres=[patient_titre(1), asap_titre(2, numero_facture, id_asap)],
                )
            ]
        ),
        pj=pes.PesPJ(
            pieces_justificatives=[
                pes.PieceJustificative(
                    contenu=document,
                    id_unique=id_asap,
                    nom=f"{id_asap}.xml",
                    type=pes.TypePJ.PES_FACTURE,
                    description="ASAP",
                )
            ]
        ),
    )


def _fournisseur() -> pes.TiersDepense:
    return pes.TiersDepense(
        identifiant=_PHARMADIS,
        nature_identifiant=pes.NatureIdentifiantTiers.SIRET,
        categorie=pes.CategorieTiers.PERSONNE_MORALE_DROIT_PRIVE,
        nature_juridique=pes.NatureJuridique.SOCIETE,
        nom="PHARMADIS SAS",
        adresse=_adresse("12 RUE DES ENTREPOTS", "69007", "LYON"),
        compte_bancaire=pes.CompteBancaire(
            bic="CRLYFRPPXXX", iban="FR7030002005500000157845Z02", titulaire="PHARMADIS SAS"
        ),
    )


def depense_flux(
    nom_fichier: str,
    day: dt.date,
    *,
    bordereaux: tuple[int, ...] = (12, 13),
    fonction_on: int | None = None,
) -> pes.PesAller:
    """A dépense flux: one mandat per bordereau (two lines each) with its invoice PDF.

    Args:
        nom_fichier: the ``NomFic``.
        day: the date of the flux.
        bordereaux: the bordereau numbers; bordereau ``n`` holds mandat ``n * 100 + 1``.
        fonction_on: the bordereau whose mandat's second line carries a ``Fonction`` (an
            error on an M21 budget, which the library's writer refuses unless its business
            rules are off: write such a flux with ``business_rules=False``).
    """
    mandats_pj = []
    bords = []
    for numero in bordereaux:
        id_pj = f"FACT{day.year}B{numero}"
        mandat = pes.Mandat(
            numero=numero * 100 + 1,
            type=pes.TypeMandat.ORDINAIRE,
            nature=pes.NatureMandat.FONCTIONNEMENT,
            objet=f"Produits pharmaceutiques bordereau {numero}",
            pj_refs=[pes.PJRef(support=pes.Support.ELECTRONIQUE, id_unique=id_pj)],
            lignes=[
                pes.LigneMandat(
                    nature_comptable=60211,
                    fonction="020" if (fonction_on == numero and index == 2) else None,
                    mode_reglement=pes.ModeReglementDepense.VIREMENT,
                    tva_intracommunautaire=False,
                    montant_ht=Decimal("1000.00") * index,
                    montant_tva=Decimal("55.00") * index,
                    tiers=_fournisseur(),
                )
                for index in (1, 2)
            ],
        )
        bords.append(
            pes.BordereauDepense(
                exercice=day.year,
                numero=numero,
                date_emission=day,
                type=pes.TypeBordereauDepense.ORDINAIRE,
                mandats=[mandat],
            )
        )
        mandats_pj.append(
            pes.PieceJustificative(
                contenu=_PDF,
                id_unique=id_pj,
                nom=f"facture-{numero}.pdf",
                type=pes.TypePJ.DEPENSE,
                description=f"Facture PHARMADIS du bordereau {numero}",
            )
        )
    return pes.PesAller(
        enveloppe=_enveloppe(nom_fichier),
        en_tete=en_tete(day),
        depense=pes.DepenseAller(bordereaux=bords),
        pj=pes.PesPJ(pieces_justificatives=mandats_pj),
    )
