"""Checks of the identifiers that travel through Chorus Pro and Hélios.

SIREN and SIRET (INSEE, with the La Poste exception), IBAN (ISO 13616, mod 97), BIC (ISO 9362)
and the French social-security number NIR (with its key, Corsica included). Pure functions, no
I/O: every part of the library may import this module.
"""

from __future__ import annotations

import re

__all__ = [
    "is_valid_bic",
    "is_valid_iban",
    "is_valid_nir",
    "is_valid_siren",
    "is_valid_siret",
    "luhn_ok",
    "siret_problem",
]

_LA_POSTE_SIREN = "356000000"
_LA_POSTE_HEAD_OFFICE = "35600000000048"
_BIC = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")
_IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
    "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
    "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
}  # fmt: skip
_NIR = re.compile(r"^[12378]\d{4}(2[AB]|\d{2})\d{8}$")


def luhn_ok(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum."""
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def is_valid_siren(value: str) -> bool:
    """A SIREN: 9 digits passing Luhn."""
    return len(value) == 9 and luhn_ok(value)


def siret_problem(value: str) -> str | None:
    """Why ``value`` is not a valid SIRET, or ``None`` when it is.

    14 digits; Luhn on the whole number and on its SIREN (first 9 digits); La Poste's
    establishments (SIREN 356000000, except the head office) follow "sum of digits divisible by
    5" instead of Luhn.
    """
    if len(value) != 14 or not value.isdigit():
        return f"a SIRET has 14 digits, {value!r} does not"
    if value.startswith(_LA_POSTE_SIREN) and value != _LA_POSTE_HEAD_OFFICE:
        if sum(int(char) for char in value) % 5:
            return (
                f"SIRET {value} of La Poste fails its checksum (sum of digits not divisible by 5)"
            )
        return None
    if not luhn_ok(value[:9]):
        return f"SIRET {value}: its SIREN {value[:9]} fails the Luhn checksum"
    if not luhn_ok(value):
        return f"SIRET {value} fails the Luhn checksum"
    return None


def is_valid_siret(value: str) -> bool:
    """A SIRET passing its checksum (see :func:`siret_problem`)."""
    return siret_problem(value) is None


def is_valid_iban(value: str) -> bool:
    """An IBAN: country code, length of that country (when known), mod-97 key equal to 1.

    Spaces are ignored; letters must be upper case.
    """
    iban = value.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    expected = _IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


def is_valid_bic(value: str) -> bool:
    """A BIC: 8 or 11 characters, bank (4 letters), country (2 letters), place, branch."""
    return bool(_BIC.match(value))


def is_valid_nir(value: str) -> bool:
    """A French social-security number (NIR) of 13 characters followed by its 2-digit key.

    Spaces are ignored. Corsica's departments 2A and 2B are handled as the key computation
    requires (2A → 19, 2B → 18 before the modulo). Used to detect patient data that must not
    leave the hospital.
    """
    nir = value.replace(" ", "").upper()
    match = _NIR.match(nir)
    if match is None:
        return False
    body, key = nir[:13], int(nir[13:])
    department = match.group(1)
    if department == "2A":
        body = body.replace("2A", "19", 1)
    elif department == "2B":
        body = body.replace("2B", "18", 1)
    return 97 - int(body) % 97 == key
