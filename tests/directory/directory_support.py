"""Small hand-made exports of the Chorus Pro directory, for the directory tests."""

from __future__ import annotations

from pathlib import Path

from demat_sdk.directory.export import SERVICES_HEADER, STRUCTURES_HEADER
from demat_sdk.directory.synthetic import luhn_digit

# Valid SIRETs (Luhn on the SIREN and on the whole number).
CHU = "26440013600018"  # stands for a university hospital
EHPAD = "20004444400012"
COMMUNE = "21440109300015"
LA_POSTE = "35600000049837"  # La Poste: sum of digits divisible by 5, not Luhn
AIFE = "11000201100044"  # AIFE, Chorus Pro's own SIRET


def siret(number: int) -> str:
    """A valid SIRET made from ``number``."""
    siren = f"{number:08d}"
    siren += luhn_digit(siren)
    body = siren + "0001"
    return body + luhn_digit(body)


def structure_row(
    identifiant: str,
    raison_sociale: str,
    *,
    engagement: bool = False,
    service: bool = False,
    service_ou_engagement: bool = False,
    mise_en_paiement: bool = True,
    active: bool = True,
    code_postal: str = "44000",
    ville: str = "NANTES",
    type_identifiant: str = "1",
) -> list[str]:
    """One line of a structures file, in the published column order."""

    def flag(value: bool) -> str:
        return "true" if value else "false"

    return [
        type_identifiant,
        identifiant,
        raison_sociale,
        "false",
        "false",
        flag(mise_en_paiement),
        flag(engagement),
        flag(service),
        flag(service_ou_engagement),
        "false",
        "false",
        flag(active),
        "1 rue de la Paix",
        "",
        "",
        code_postal,
        ville,
        "",
        "",
        "FR",
        "France",
    ]


def service_row(
    identifiant: str,
    code: str,
    nom: str = "",
    *,
    engagement: bool = False,
    active: bool = True,
    raison_sociale: str = "",
) -> list[str]:
    """One line of a services file, in the published column order."""
    return [
        identifiant,
        raison_sociale,
        code,
        nom or code,
        "true" if engagement else "false",
        "true" if active else "false",
        "",
        "",
        "",
        "44000",
        "NANTES",
        "",
        "",
        "FR",
        "France",
    ]


def csv_text(header: tuple[str, ...] | list[str], rows: list[list[str]], sep: str = ";") -> str:
    """A CSV file's text, without quoting (the values hold no separator)."""
    return "".join(sep.join(line) + "\n" for line in [list(header), *rows])


def write_structures(path: Path, rows: list[list[str]], *, encoding: str = "utf-8") -> Path:
    """Write a structures file."""
    path.write_text(csv_text(STRUCTURES_HEADER, rows), encoding=encoding)
    return path


def write_services(path: Path, rows: list[list[str]], *, encoding: str = "utf-8") -> Path:
    """Write a services file."""
    path.write_text(csv_text(SERVICES_HEADER, rows), encoding=encoding)
    return path


def small_export(folder: Path) -> tuple[Path, Path]:
    """Three structures and their services."""
    structures = write_structures(
        folder / "structures.csv",
        [
            structure_row(CHU, "Centre hospitalier universitaire de Nantes", service=True),
            structure_row(
                EHPAD, "EHPAD Les Écureuils", engagement=True, code_postal="85000", ville="LA ROCHE"
            ),
            structure_row(COMMUNE, "Commune de Nantes", service_ou_engagement=True),
        ],
    )
    services = write_services(
        folder / "services.csv",
        [
            service_row(CHU, "FACTURES_PUBLIQUES", "Service des factures publiques"),
            service_row(CHU, "ACHATS", "Direction des achats", engagement=True),
            service_row(CHU, "PHARMACIE", "Pharmacie", active=False),
            service_row(EHPAD, "FACTURES_PUBLIQUES", "Service des factures publiques"),
            service_row(COMMUNE, "FACTURES_PUBLIQUES", "Service des factures publiques"),
            service_row(COMMUNE, "VOIRIE", "Voirie"),
        ],
    )
    return structures, services
