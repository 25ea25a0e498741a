"""Shared by the tests of the good practices: the emulator's world as a directory export, ASAP."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

from demat_sdk import pes
from demat_sdk.directory import Directory
from demat_sdk.testing import FakeChorusPro
from demat_sdk.testing.helios import samples

SIRET_CH = "26380000500005"
JOUR = dt.date(2026, 1, 5)

_STRUCTURES = (
    "Identifiant",
    "RaisonSociale",
    "GestionStatutMiseEnPaiement",
    "GestionEngagement",
    "GestionService",
    "GestionServiceEngagement",
    "StructureActive",
)
_SERVICES = ("Identifiant", "Code", "Nom", "GestionEGMT", "ServiceActif")


def _flag(value: bool) -> str:
    return "true" if value else "false"


def export_world(fake: FakeChorusPro, folder: Path) -> tuple[Path, Path]:
    """The emulator's public structures and services, written as the Chorus Pro export."""
    folder.mkdir(parents=True, exist_ok=True)
    structures_path, services_path = folder / "structures.csv", folder / "services.csv"
    public = [s for s in fake.state.directory.structures.values() if s.is_public]
    with structures_path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(_STRUCTURES)
        for s in public:
            writer.writerow(
                [
                    s.identifiant,
                    s.designation,
                    _flag(not s.statut_mise_en_paiement_nest_pas_remonte),
                    _flag(s.numero_ej_doit_etre_renseigne),
                    _flag(s.code_service_doit_etre_renseigne),
                    _flag(s.gestion_numero_ej_ou_code_service),
                    _flag(s.active),
                ]
            )
    with services_path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(_SERVICES)
        for s in public:
            for service in s.services.values():
                writer.writerow(
                    [
                        s.identifiant,
                        service.code_service,
                        service.libelle_service,
                        _flag(service.numero_engagement),
                        _flag(service.actif),
                    ]
                )
    return structures_path, services_path


def directory_of(fake: FakeChorusPro, folder: Path) -> Directory:
    """An offline directory holding the emulator's world."""
    directory = Directory.open()
    directory.import_export(*export_world(fake, folder))
    return directory


# --- PES flux with ASAP -------------------------------------------------------------------------


def adresse(voie: str, code_postal: str, ville: str) -> pes.Adresse:
    """A main address in France."""
    return pes.Adresse(
        type=pes.TypeAdresse.PRINCIPALE,
        voie=voie,
        code_postal=code_postal,
        ville=ville,
        non_resident=False,
    )


def asap_document(
    numero_facture: str,
    siret_debiteur: str,
    *,
    objet: str = "Mise à disposition de personnel",
    type_facture: pes.TypeFacture = pes.TypeFacture.ASAP,
    bordereau: int = 119,
    titre: int = 5521,
) -> pes.PesAller:
    """The ASAP document (a PES_Facture) of a titre to a public debtor."""
    return samples.asap_document(
        JOUR,
        numero_facture,
        bordereau=bordereau,
        titre=titre,
        siret_debiteur=siret_debiteur,
        nom_debiteur="DEBITEUR PUBLIC",
        objet=objet,
        type_facture=type_facture,
        header=en_tete(),
    )


def en_tete() -> pes.EnTetePES:
    return pes.EnTetePES(
        date_emission=JOUR,
        code_poste="038011",
        siret=SIRET_CH,
        finess_juridique="380780080",
        code_collectivite="123",
        code_budget="00",
        nomenclature=pes.Nomenclature.M21,
    )


def asap_titre(
    numero: int,
    numero_facture: str,
    siret_debiteur: str,
    *,
    code_service: str | None = None,
    numero_engagement: str | None = None,
    edition: pes.Edition = pes.Edition.ASAP_CPP,
    objet: str = "Mise à disposition de personnel",
    id_asap: str | None = None,
) -> pes.Titre:
    """A titre to a public debtor whose ASAP is the PJ ``id_asap``."""
    return samples.asap_titre(
        numero,
        numero_facture,
        id_asap,
        code_service=code_service,
        numero_engagement=numero_engagement,
        edition=edition,
        objet=objet,
        siret_debiteur=siret_debiteur,
        nom_debiteur="DEBITEUR PUBLIC",
        montant_tva=Decimal("100.00"),
    )


def recette_flux(
    titres: list[pes.Titre],
    pieces: list[pes.PieceJustificative] = (),  # type: ignore[assignment]
    *,
    nom_fichier: str = "PESREC_26380000500005_2026_119",
    bordereau: int = 119,
) -> pes.PesAller:
    """A PES recette flux of one bordereau holding ``titres``, and their PJ."""
    return pes.PesAller(
        enveloppe=pes.Enveloppe(
            nom_fichier=nom_fichier, emetteur=pes.Emetteur(sigle="GEF", adresse="GEF 1")
        ),
        en_tete=en_tete(),
        recette=pes.RecetteAller(
            bordereaux=[
                pes.BordereauRecette(
                    exercice=JOUR.year,
                    numero=bordereau,
                    date_emission=JOUR,
                    type=pes.TypeBordereauRecette.ORDINAIRE,
                    titres=titres,
                )
            ]
        ),
        pj=pes.PesPJ(pieces_justificatives=list(pieces)) if pieces else None,
    )


def asap_pj(id_unique: str, document: pes.PesAller | bytes) -> pes.PieceJustificative:
    """The PJ carrying an ASAP document."""
    return pes.PieceJustificative(
        contenu=document,
        id_unique=id_unique,
        nom=f"{id_unique}.xml",
        type=pes.TypePJ.PES_FACTURE,
        description="ASAP",
    )
