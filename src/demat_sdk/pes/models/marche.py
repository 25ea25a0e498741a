"""``PES_Marche``: the "flux unique" of public contracts (marchés) and concessions.

The blocks of a marché are in :mod:`demat_sdk.pes.models.marche_blocs`, the concessions in
:mod:`demat_sdk.pes.models.concession`; every name is importable from here too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import (
    NatureMarche,
    ProcedureMarche,
    Reconductibilite,
)
from demat_sdk.pes.models.concession import (
    Concession,
    Concessionnaire,
    Concessionnaires,
    Concessions,
    DonneeAnnuelle,
    DonneesExecution,
    IdentifiantConcession,
    ModificationConcession,
    ModificationsConcession,
    Tarif,
    Tarifs,
)
from demat_sdk.pes.models.marche_blocs import (
    PA,
    Acheteur,
    Acheteurs,
    BancaireMarche,
    CodesCPVSec,
    ConditionsExecution,
    ConditionsExecutionSousTraitantPaiementDirect,
    ConditionsExecutionTitulaire,
    DeclarationSousTraitancePaiementDirect,
    Garantie,
    IdentifiantMarche,
    IndiceReference,
    IndicesReference,
    LieuExecution,
    ModificationMontantDuree,
    ModificationsMarche,
    ModificationSousTraitancePaiementDirect,
    ModificationTitulaire,
    Operateurs,
    PJRefMarche,
    PJRefsMarche,
    SousTraitantPaiementDirect,
    SousTraitantPaiementDirectLight,
    Titulaire,
    TitulaireLight,
    TitulairesLight,
    VentilationAcheteur,
    VentilationsAcheteurs,
    VentilationSousTraitantPaiementDirect,
    VentilationsSousTraitantPaiementDirect,
    VentilationsTitulaire,
    VentilationTitulaire,
)
from demat_sdk.pes.schema import child, children, pes_model, value
from demat_sdk.pes.simpletypes import Code

__all__ = [
    "PA",
    "Acheteur",
    "Acheteurs",
    "BancaireMarche",
    "CodesCPVSec",
    "Concession",
    "Concessionnaire",
    "Concessionnaires",
    "Concessions",
    "ConditionsExecution",
    "ConditionsExecutionSousTraitantPaiementDirect",
    "ConditionsExecutionTitulaire",
    "DeclarationSousTraitancePaiementDirect",
    "DonneeAnnuelle",
    "DonneesExecution",
    "Garantie",
    "IdentifiantConcession",
    "IdentifiantMarche",
    "IndiceReference",
    "IndicesReference",
    "LieuExecution",
    "Marche",
    "Marches",
    "ModificationConcession",
    "ModificationMontantDuree",
    "ModificationSousTraitancePaiementDirect",
    "ModificationTitulaire",
    "ModificationsConcession",
    "ModificationsMarche",
    "Operateurs",
    "PJRefMarche",
    "PJRefsMarche",
    "PesMarche",
    "SousTraitantPaiementDirect",
    "SousTraitantPaiementDirectLight",
    "Tarif",
    "Tarifs",
    "Titulaire",
    "TitulaireLight",
    "TitulairesLight",
    "VentilationAcheteur",
    "VentilationSousTraitantPaiementDirect",
    "VentilationTitulaire",
    "VentilationsAcheteurs",
    "VentilationsSousTraitantPaiementDirect",
    "VentilationsTitulaire",
]


@pes_model
class Marche:
    """``Marche`` (TMarche)."""

    identifiant_marche: IdentifiantMarche = child("IdentifiantMarche", IdentifiantMarche)
    url_profil_acheteur: str = value("URLProfilAcheteur", st.TEXTE500_LIGHT)
    pouvoir_adjudicateur: PA | None = child("PA", PA, default=None)
    acheteurs: Acheteurs = child("Acheteurs", Acheteurs)
    nature_marche: NatureMarche = value("NatureMarche", Code(NatureMarche, "TNatureMarche"))
    objet: str = value("Objet", st.TEXTE256)
    code_cpv: str = value("CodeCPV", st.NUM8_NUM1)
    procedure_marche: ProcedureMarche = value(
        "ProcedureMarche", Code(ProcedureMarche, "TProcedureMarche")
    )
    lieu_execution: LieuExecution = child("LieuExecution", LieuExecution)
    duree_en_mois: int = value("DureeEnMois", st.NUM3)
    duree_en_mois_maximum_possible: int | None = value(
        "DureeEnMoisMaximumPossible", st.NUM3, default=None
    )
    date_debut_execution: dt.date | None = value("DateDebutExecution", st.DATE, default=None)
    montant_ht_notifie: Decimal = value("MontantHTNotifie", st.MONTANT)
    caractere_estimatif_montant_notifie: bool = value(
        "CaractereEstimatifMontantNotifie", st.BOOLEEN
    )
    montant_tva_notifie: Decimal | None = value("MontantTVANotifie", st.MONTANT_LIGHT, default=None)
    montant_ht_estime: Decimal | None = value("MontantHTEstime", st.MONTANT, default=None)
    date_signature: dt.date | None = value("DateSignature", st.DATE, default=None)
    nom_signataire_acheteur: str | None = value("NomSignataireAcheteur", st.TEXTE38, default=None)
    reference_acte_delegation_signature: str | None = value(
        "RefActeDelegationSignature", st.TEXTE50, default=None
    )
    date_debut_marche: dt.date | None = value("DateDebutMarche", st.DATE, default=None)
    reconductibilite: Reconductibilite = value(
        "Reconductibilite", Code(Reconductibilite, "TReconductibilite")
    )
    penalite: bool = value("Penalite", st.BOOLEEN)
    delai_garantie: int | None = value("DelaiGarantie", st.NUM2, default=None)
    date_notification: dt.date = value("DateNotification", st.DATE)
    date_publication_donnees: dt.date | None = value(
        "DatePublicationDonnees", st.DATE, default=None
    )
    operateurs: Operateurs | None = child("Operateurs", Operateurs, default=None)
    conditions_execution: ConditionsExecution = child("ConditionsExecution", ConditionsExecution)
    pj_refs: PJRefsMarche | None = child("PJRefs", PJRefsMarche, default=None)
    ventilations_acheteurs: VentilationsAcheteurs | None = child(
        "VentilationsAcheteurs", VentilationsAcheteurs, default=None
    )
    modifications_marche: ModificationsMarche | None = child(
        "ModificationsMarche", ModificationsMarche, default=None
    )


@pes_model
class Marches:
    """``Marches`` (TMarches)."""

    marches: list[Marche] = children("Marche", Marche, min_occurs=1, default_factory=list)


@pes_model
class PesMarche:
    """``PES_Marche`` (TPES_MarcheAller)."""

    version: int = value("EnTeteMarche/IdVer", st.NUM2)
    marches: Marches | None = child("Marches", Marches, default=None)
    concessions: Concessions | None = child("Concessions", Concessions, default=None)
