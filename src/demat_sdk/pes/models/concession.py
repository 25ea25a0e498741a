"""The concessions of ``PES_Marche``: concessionnaires, yearly execution data, amendments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import (
    NatureConcession,
    NatureIdentifiantMarche,
    ProcedureConcession,
)
from demat_sdk.pes.models.marche_blocs import LieuExecution
from demat_sdk.pes.schema import child, children, pes_model, value
from demat_sdk.pes.simpletypes import Code

__all__ = [
    "Concession",
    "Concessionnaire",
    "Concessionnaires",
    "Concessions",
    "DonneeAnnuelle",
    "DonneesExecution",
    "IdentifiantConcession",
    "ModificationConcession",
    "ModificationsConcession",
    "Tarif",
    "Tarifs",
]


@pes_model
class IdentifiantConcession:
    """``IdentifiantConcession`` (TIdentifiantConcession)."""

    identifiant_contrat: str = value("IdContrat", st.TEXTE5_14)
    numero_ordre_modification: str = value("NumeroOrdreModification", st.NUMORDRE2_LIGHT)
    sequence_envoi: int = value("SequenceEnvoi", st.NUM3)
    caractere_correctif_enregistrement: bool = value("CaractereCorrectifEnregistrement", st.BOOLEEN)


@pes_model
class Concessionnaire:
    """``Concessionnaire`` (TConcessionnaire)."""

    nature_identifiant_concessionnaire: NatureIdentifiantMarche = value(
        "NatIdConcessionnaire", Code(NatureIdentifiantMarche, "TNatIdTiersMarche")
    )
    identifiant_concessionnaire: str = value("IdConcessionnaire", st.TEXTE9_100)
    denomination_sociale: str = value("DenominationSociale", st.TEXTE38)


@pes_model
class Concessionnaires:
    """``Concessionnaires`` (TConcessionnaires)."""

    concessionnaire: list[Concessionnaire] = children(
        "Concessionnaire", Concessionnaire, min_occurs=1, default_factory=list
    )


@pes_model
class Tarif:
    """``Tarif`` (TTarif)."""

    intitule_tarif: str = value("IntituleTarif", st.TEXTE256)
    montant_tarif: Decimal = value("MontantTarif", st.MONTANT_LIGHT)


@pes_model
class Tarifs:
    """``Tarifs`` (TTarifs)."""

    tarif: list[Tarif] = children("Tarif", Tarif, min_occurs=1, default_factory=list)


@pes_model
class DonneeAnnuelle:
    """``DonneeAnnuelle`` (TDonneeAnnuelle)."""

    date_publication_donnees_execution: dt.date | None = value(
        "DatePublicationDonneesExecution", st.DATE, default=None
    )
    depenses_investissement: Decimal = value("DepensesInvestissement", st.MONTANT_LIGHT)
    tarifs: Tarifs = child("Tarifs", Tarifs)


@pes_model
class DonneesExecution:
    """``DonneesExecution`` (TDonneesExecution)."""

    donnee_annuelle: list[DonneeAnnuelle] = children(
        "DonneeAnnuelle", DonneeAnnuelle, min_occurs=1, default_factory=list
    )


@pes_model
class ModificationConcession:
    """``ModificationConcession`` (TModificationConcession)."""

    objet_modification: str = value("ObjetModification", st.TEXTE256)
    date_publication_donnees_modification: dt.date | None = value(
        "DatePublicationDonneesModification", st.DATE, default=None
    )
    date_signature_modification: dt.date = value("DateSignatureModification", st.DATE)
    duree_mois: int | None = value("DureeMois", st.NUM3, default=None)
    valeur_globale: Decimal | None = value("ValeurGlobale", st.MONTANT, default=None)


@pes_model
class ModificationsConcession:
    """``ModificationsConcession`` (TModificationsConcession)."""

    modification_concession: list[ModificationConcession] = children(
        "ModificationConcession", ModificationConcession, min_occurs=1, default_factory=list
    )


@pes_model
class Concession:
    """``Concession`` (TConcession)."""

    identifiant_concession: IdentifiantConcession = child(
        "IdentifiantConcession", IdentifiantConcession
    )
    url_profil_acheteur: str = value("URLProfilAcheteur", st.TEXTE500_LIGHT)
    concessionnaires: Concessionnaires = child("Concessionnaires", Concessionnaires)
    nature_concession: NatureConcession = value(
        "NatureConcession", Code(NatureConcession, "TNatureConcession")
    )
    objet: str = value("Objet", st.TEXTE256)
    procedure_concession: ProcedureConcession = value(
        "ProcedureConcession", Code(ProcedureConcession, "TProcedureConcession")
    )
    lieu_execution: LieuExecution = child("LieuExecution", LieuExecution)
    duree_mois_initiale: int = value("DureeMoisInitiale", st.NUM3)
    valeur_globale: Decimal = value("ValeurGlobale", st.MONTANT)
    montant_subvention_publique: Decimal = value("MontantSubventionPublique", st.MONTANT)
    date_signature: dt.date = value("DateSignature", st.DATE)
    date_publication_donnees: dt.date | None = value(
        "DatePublicationDonnees", st.DATE, default=None
    )
    date_debut_execution: dt.date = value("DateDebutExecution", st.DATE)
    donnees_execution: DonneesExecution | None = child(
        "DonneesExecution", DonneesExecution, default=None
    )
    modifications_concession: ModificationsConcession | None = child(
        "ModificationsConcession", ModificationsConcession, default=None
    )


@pes_model
class Concessions:
    """``Concessions`` (TConcessions)."""

    concessions: list[Concession] = children(
        "Concession", Concession, min_occurs=1, default_factory=list
    )
