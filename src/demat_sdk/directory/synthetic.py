"""Synthetic exports of the Chorus Pro directory, for tests, demonstrations and benchmarks.

The files have the layout of the real export (``;``, header, ``true``/``false``, the columns of
:mod:`demat_sdk.directory.export`), valid SIRETs (unique, Luhn), names with accents, and every
structure has the ``FACTURES_PUBLIQUES`` service. The same arguments always give the same files;
``changed`` and ``dropped`` derive a later week's export from the same base, to exercise a
refresh.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from demat_sdk.directory.export import SERVICES_HEADER, STRUCTURES_HEADER
from demat_sdk.directory.records import FACTURES_PUBLIQUES

__all__ = ["SyntheticExport", "luhn_digit", "write_export"]

_KINDS = (
    "CENTRE HOSPITALIER DE",
    "COMMUNE DE",
    "EHPAD DE",
    "COLLÈGE DE",
    "LYCÉE DE",
    "CENTRE COMMUNAL D'ACTION SOCIALE DE",
    "SYNDICAT INTERCOMMUNAL DES EAUX DE",
    "COMMUNAUTÉ DE COMMUNES DE",
    "OFFICE PUBLIC DE L'HABITAT DE",
    "SERVICE DÉPARTEMENTAL D'INCENDIE ET DE SECOURS DE",
    "CAISSE DES ÉCOLES DE",
    "GROUPEMENT HOSPITALIER DE TERRITOIRE DE",
)
_STEMS = (
    "BEAU",
    "BEL",
    "CHÂTEAU",
    "FONTAINE",
    "MONT",
    "VILLE",
    "SAINT-ÉTIENNE",
    "NEUF",
    "ROCHE",
    "PLESSIS",
    "VAL",
    "BOIS",
    "CHAMP",
    "PONT",
    "MAISON",
    "ORMES",
    "ÉPINAY",
    "LA FERTÉ",
    "BOURG",
    "CHÂTEL",
    "ROQUE",
    "VILLERS",
    "MÉNIL",
    "COURT",
    "MARCIL",
    "LONG",
    "GRAND",
    "HAUTE",
    "SAULX",
    "ÎLE",
)
_ENDINGS = (
    "VILLE",
    "COURT",
    "FORT",
    "MONT",
    "LIEU",
    "VAL",
    "BOURG",
    "CHÂTEL",
    "NEUVE",
    "LÈS-BAINS",
    "RIVIÈRE",
    "SUR-MER",
    "LE-VIEUX",
    "EN-BRIE",
    "D'AZUR",
    "MARAIS",
    "ROCHE",
    "FONTAINE",
    "PRÉ",
    "CHAMPS",
)
_RIVERS = ("LOIRE", "SEINE", "MARNE", "RHÔNE", "GARONNE", "OISE", "SAÔNE", "DORDOGNE", "AUBE")
_FUNCTIONS = (
    ("ACHATS", "Service des achats"),
    ("DSI", "Direction des systèmes d'information"),
    ("PHARMACIE", "Pharmacie à usage intérieur"),
    ("TRAVAUX", "Services techniques et travaux"),
    ("RH", "Ressources humaines"),
    ("COMPTABILITE", "Comptabilité"),
    ("RESTAURATION", "Restauration collective"),
    ("BIOMEDICAL", "Ingénierie biomédicale"),
    ("LOGISTIQUE", "Logistique"),
    ("CABINET", "Cabinet du directeur"),
    ("CULTURE", "Affaires culturelles"),
    ("VOIRIE", "Voirie et réseaux"),
)
_PEOPLE = ("DUPONT Jean", "MARTIN Sophie", "Mme Bernard", "PETIT Nicolas", "M. Durand")


def luhn_digit(body: str) -> str:
    """The digit that makes ``body`` followed by it pass the Luhn checksum."""
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char)
        if position % 2 == 0:  # doubled: the check digit will sit to its right
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


@dataclass(frozen=True, slots=True)
class SyntheticExport:
    """The files written by :func:`write_export` and a sample of what they hold.

    Attributes:
        structures_path: the structures CSV file.
        services_path: the services CSV file.
        structures: rows in the structures file.
        services: rows in the services file.
        sample_sirets: up to 1,000 SIRETs of the file, spread over it.
        sample_services: up to 1,000 ``(SIRET, code service)`` of the file, spread over it.
    """

    structures_path: Path
    services_path: Path
    structures: int
    services: int
    sample_sirets: tuple[str, ...]
    sample_services: tuple[tuple[str, str], ...]


def write_export(
    folder: str | Path,
    *,
    structures: int = 1_000,
    services: int = 3_000,
    seed: int = 0,
    changed: float = 0.0,
    dropped: float = 0.0,
    encoding: str = "utf-8",
) -> SyntheticExport:
    """Write a synthetic export (``structures.csv`` and ``services.csv``) into ``folder``.

    Args:
        folder: where to write (created when missing).
        structures: number of structures.
        services: number of services, ``FACTURES_PUBLIQUES`` included (at least one per
            structure; fewer is raised to that).
        seed: the base of the data; the same seed gives the same SIRETs and rows.
        changed: share of structures whose ``GestionEngagement`` is flipped, as a later week's
            export of the same base would.
        dropped: share of structures (and their services) left out.
        encoding: the files' encoding.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    drift = random.Random(f"{seed}/drift")  # noqa: S311
    extras = _extra_codes(rng, structures, max(services, structures) - structures)
    every = max(1, structures // 1000)
    sirets: list[str] = []
    codes: list[tuple[str, str]] = []
    written = [0, 0]
    structures_path = folder / "structures.csv"
    services_path = folder / "services.csv"
    with structures_path.open("w", encoding=encoding, newline="") as structures_file, \
            services_path.open("w", encoding=encoding, newline="") as services_file:  # fmt: skip
        structure_rows = csv.writer(structures_file, delimiter=";", lineterminator="\n")
        service_rows = csv.writer(services_file, delimiter=";", lineterminator="\n")
        structure_rows.writerow(STRUCTURES_HEADER)
        service_rows.writerow(SERVICES_HEADER)
        for index in range(structures):
            row = _structure_row(rng, index, seed)
            if drift.random() < changed:
                row[6] = "false" if row[6] == "true" else "true"
            left_out = drift.random() < dropped
            own = _service_rows(rng, row, extras[index])
            if left_out:
                continue
            structure_rows.writerow(row)
            service_rows.writerows(own)
            written[0] += 1
            written[1] += len(own)
            if index % every == 0:
                sirets.append(row[1])
                codes.append((row[1], own[-1][2]))
    return SyntheticExport(
        structures_path,
        services_path,
        written[0],
        written[1],
        tuple(sirets[:1000]),
        tuple(codes[:1000]),
    )


def _extra_codes(rng: random.Random, structures: int, extra: int) -> list[int]:
    """How many codes besides ``FACTURES_PUBLIQUES`` each structure has, ``extra`` in all.

    Most structures have a few; about one in a hundred has a dozen or more.
    """
    if structures == 0:
        return []
    counts = [
        rng.randint(12, 20) if rng.random() < 0.01 else rng.randint(0, 4) for _ in range(structures)
    ]
    difference = extra - sum(counts)
    while difference:
        index = rng.randrange(structures)
        if difference > 0:
            counts[index] += 1
            difference -= 1
        elif counts[index] > 0:
            counts[index] -= 1
            difference += 1
    return counts


def _siret(index: int, seed: int, rng: random.Random) -> str:
    base = (index * 7919 + seed * 104_729 + 10_000_000) % 100_000_000
    siren = f"{base:08d}"
    if siren == "35600000":  # La Poste follows another rule; stay clear of it
        siren = "35600001"
    siren += luhn_digit(siren)
    body = siren + f"{rng.randrange(10_000):04d}"
    return body + luhn_digit(body)


def _place(rng: random.Random) -> str:
    place = rng.choice(_STEMS) + rng.choice(_ENDINGS)
    if rng.random() < 0.2:
        place += " SUR " + rng.choice(_RIVERS)
    return place


def _flag(rng: random.Random, probability: float) -> str:
    return "true" if rng.random() < probability else "false"


def _structure_row(rng: random.Random, index: int, seed: int) -> list[str]:
    siret = _siret(index, seed, rng)
    town = _place(rng)
    department = rng.randint(1, 95)
    return [
        "1",
        siret,
        f"{rng.choice(_KINDS)} {town}",
        _flag(rng, 0.05),
        _flag(rng, 0.05),
        _flag(rng, 0.6),
        _flag(rng, 0.2),
        _flag(rng, 0.3),
        _flag(rng, 0.1),
        _flag(rng, 0.1),
        _flag(rng, 0.01),
        _flag(rng, 0.97),
        f"{rng.randint(1, 200)} rue de la République",
        "",
        "",
        f"{department:02d}{rng.randrange(1000):03d}",
        town,
        "",
        "",
        "FR",
        "France",
    ]


def _service_rows(rng: random.Random, structure: list[str], extra: int) -> list[list[str]]:
    siret, name = structure[1], structure[2]
    address = structure[12:]
    rows = [[siret, name, FACTURES_PUBLIQUES, "Service des factures publiques", "false", "true"]]
    for number in range(extra):
        if number < len(_FUNCTIONS) and rng.random() < 0.7:
            code, label = _FUNCTIONS[number]
        elif rng.random() < 0.005:
            label = rng.choice(_PEOPLE)
            code = f"NOM{number:03d}"
        else:
            code, label = f"SE{number:04d}", f"Service {number}"
        rows.append([siret, name, code, label, _flag(rng, 0.3), _flag(rng, 0.95)])
    return [row + address for row in rows]
