"""A small, realistic world for the Chorus Pro emulator (``FakeChorusPro.seeded()``).

Two CHU, the support hospital of a GHT, a département, and four suppliers — fictitious names,
valid SIRETs — with the routing parameters that matter in real life: a CHU whose invoices need a
service code and whose pharmacy needs an engagement juridique, a CHU taking "EJ or service code"
that does not report the mise en paiement, a GHT support hospital requiring an EJ, a département
without constraint. Every structure has a technical account ``TECH_1_<SIRET>@cpro.fr`` whose
password is :data:`SEEDED_PASSWORD`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pydantic import SecretStr

from demat_sdk._http.settings import TechnicalAccount
from demat_sdk.chorus.enums import RoleUtilisateur, TypeStructure
from demat_sdk.testing.chorus.state import ChorusState
from demat_sdk.testing.chorus.state.directory import Address, StructureRecord

__all__ = ["SEEDED_PASSWORD", "SeededWorld", "seed_world", "technical_login"]

SEEDED_PASSWORD = "emulateur-compte-technique"  # noqa: S105 - the emulator's documented test password
"""Password of every technical account of the seeded world."""

R = RoleUtilisateur


def technical_login(siret: str) -> str:
    """The technical account login Chorus Pro gives a structure: ``TECH_1_<SIRET>@cpro.fr``."""
    return f"TECH_1_{siret}@cpro.fr"


@dataclass(frozen=True)
class SeededWorld:
    """Handles on the seeded structures, and a technical account for each of them."""

    chu_valmont: StructureRecord
    """CHU de Valmont: service code mandatory; PHARMACIE requires an EJ; MAGASIN_CENTRAL is
    inactive; reports the mise en paiement."""
    chu_rochebrune: StructureRecord
    """CHU de Rochebrune: "EJ or service code"; does not report the mise en paiement."""
    ch_saint_aurele: StructureRecord
    """CH de Saint-Aurèle, support hospital of the GHT Val d'Aure: EJ mandatory."""
    departement: StructureRecord
    """Département du Haut-Vallon: no routing constraint."""
    pharmadis: StructureRecord
    """PHARMADIS SAS, pharmaceutical wholesaler (supplier)."""
    biomedika: StructureRecord
    """BIOMEDIKA SARL, medical devices (supplier, and validator of its sous-traitant)."""
    sterilis: StructureRecord
    """STERILIS SERVICES SAS, sterilisation (sous-traitant of BIOMEDIKA)."""
    logiciels: StructureRecord
    """LOGICIELS SANTE CONSEIL SAS, hospital software vendor (supplier)."""
    accounts: dict[str, TechnicalAccount] = field(default_factory=dict)
    """Technical account of each structure, by SIRET."""

    def account(self, structure: StructureRecord) -> TechnicalAccount:
        """The technical account of a seeded structure."""
        return self.accounts[structure.identifiant]


def seed_world(state: ChorusState) -> SeededWorld:
    """Fill the state with the seeded world; returns handles on it."""
    directory = state.directory
    valmont = directory.add_structure(
        "26130001600019",
        "CHU DE VALMONT",
        code_service_doit_etre_renseigne=True,
        email="factures@chu-valmont.example",
        address=Address("264 rue Saint-Pierre", "13005", "Valmont"),
    )
    directory.add_service(
        valmont, "PHARMACIE", "Pharmacie à usage intérieur", numero_engagement=True
    )
    directory.add_service(valmont, "BIOMED", "Ingénierie biomédicale")
    directory.add_service(valmont, "DAL", "Direction des achats et de la logistique")
    directory.add_service(valmont, "MAGASIN_CENTRAL", "Magasin central (fermé)", actif=False)
    rochebrune = directory.add_structure(
        "26690002600011",
        "CHU DE ROCHEBRUNE",
        gestion_numero_ej_ou_code_service=True,
        statut_mise_en_paiement_nest_pas_remonte=True,
        address=Address("103 grande rue de la Croix-Rousse", "69004", "Rochebrune"),
    )
    directory.add_service(rochebrune, "ACHATS", "Direction des achats")
    directory.add_service(rochebrune, "PHARMACIE", "Pharmacie centrale")
    saint_aurele = directory.add_structure(
        "26380003900012",
        "CH DE SAINT-AURELE - ETABLISSEMENT SUPPORT DU GHT VAL D'AURE",
        numero_ej_doit_etre_renseigne=True,
        address=Address("1 avenue du Centre hospitalier", "38000", "Saint-Aurèle"),
    )
    directory.add_service(saint_aurele, "GHT_ACHATS", "Fonction achat mutualisée du GHT")
    departement = directory.add_structure(
        "22740004100017",
        "DEPARTEMENT DU HAUT-VALLON",
        address=Address("1 avenue d'Albigny", "74000", "Haut-Vallon"),
    )
    directory.add_service(departement, "AUTONOMIE", "Direction de l'autonomie")
    private = TypeStructure.PRIVEE
    pharmadis = directory.add_structure(
        "41234567000019",
        "PHARMADIS SAS",
        type_structure=private,
        numero_tva="FR32412345670",
        numero_rcs="RCS Lyon 412 345 670",
        address=Address("12 rue des Entrepôts", "69007", "Lyon"),
    )
    biomedika = directory.add_structure(
        "52345678800026",
        "BIOMEDIKA SARL",
        type_structure=private,
        address=Address("5 allée des Capteurs", "31400", "Toulouse"),
    )
    sterilis = directory.add_structure(
        "38912345600011",
        "STERILIS SERVICES SAS",
        type_structure=private,
        address=Address("8 impasse de l'Autoclave", "31200", "Toulouse"),
    )
    logiciels = directory.add_structure(
        "79876543400013",
        "LOGICIELS SANTE CONSEIL SAS",
        type_structure=private,
        address=Address("40 quai des Données", "44000", "Nantes"),
    )
    for structure, iban, bic in (
        (pharmadis, "FR7030002005500000157845Z02", "CRLYFRPPXXX"),
        (biomedika, "FR5810096000503456789012345", "CMCIFRPPXXX"),
        (sterilis, "FR1420041010050500013M02606", "PSSTFRPPTOU"),
        (logiciels, "FR7030004008190001234567890", "BNPAFRPPXXX"),
    ):
        directory.add_bank_account(
            structure, nom=f"Compte principal {structure.designation}", iban=iban, bic=bic
        )
    directory.add_engagement(
        valmont,
        "EJ2026PHA000123",
        fournisseur=pharmadis,
        code_service="PHARMACIE",
        montant_ht="12000",
        montant_ttc="12660",
        date_creation=date(2025, 12, 1),
    )
    directory.add_engagement(
        saint_aurele,
        "GHTVA-2026-0042",
        fournisseur=biomedika,
        code_service="GHT_ACHATS",
        montant_ht="48000",
        montant_ttc="57600",
        date_creation=date(2025, 11, 15),
    )
    accounts: dict[str, TechnicalAccount] = {}
    for structure in (valmont, rochebrune, saint_aurele, departement):
        accounts[structure.identifiant] = _account(state, structure, R.DESTINATAIRE, R.FOURNISSEUR)
    for structure in (pharmadis, sterilis, logiciels):
        accounts[structure.identifiant] = _account(state, structure, R.FOURNISSEUR)
    accounts[biomedika.identifiant] = _account(state, biomedika, R.FOURNISSEUR, R.VALIDEUR)
    return SeededWorld(
        chu_valmont=valmont,
        chu_rochebrune=rochebrune,
        ch_saint_aurele=saint_aurele,
        departement=departement,
        pharmadis=pharmadis,
        biomedika=biomedika,
        sterilis=sterilis,
        logiciels=logiciels,
        accounts=accounts,
    )


def _account(
    state: ChorusState, structure: StructureRecord, *roles: RoleUtilisateur
) -> TechnicalAccount:
    login = technical_login(structure.identifiant)
    state.gate.add_account(
        login,
        SEEDED_PASSWORD,
        rights={structure.id_structure_cpp: roles},
        nom=structure.designation[:30],
    )
    return TechnicalAccount(login=login, password=SecretStr(SEEDED_PASSWORD))
