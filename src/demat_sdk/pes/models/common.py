"""Blocks shared by the dépense and recette domains: address, bank account, PJ reference."""

from __future__ import annotations

import dataclasses
import datetime as dt

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import (
    Support,
    TypeAdresse,
    TypePJ,
)
from demat_sdk.pes.schema import pes_model, value
from demat_sdk.pes.simpletypes import Code

__all__ = [
    "Adresse",
    "CompteBancaire",
    "PJRef",
]


@pes_model
class PJRef:
    """``PJRef`` (TPJReference)."""

    support: Support = value("Support", Code(Support, "TSupport"))
    id_unique: str = value("IdUnique", st.ALPHANUM50)
    nom: str | None = value("NomPJ", st.TEXTE100, default=None)
    type: TypePJ | None = value("TypePJ", Code(TypePJ, "TPJ"), default=None)
    envoi_separe: bool = dataclasses.field(default=False, compare=False)
    """Not in the file: the PJ travels in another flux (a PES PJ autonome), so the reference
    need not resolve to a PJ of this one."""


@pes_model
class Adresse:
    """``Adresse`` (TAdresse)."""

    type: TypeAdresse = value("TypAdr", Code(TypeAdresse, "TTypAdr"))
    complement_distribution: str | None = value("Adr1", st.TEXTE38, default=None)
    voie: str = value("Adr2", st.TEXTE38)
    lieu_dit: str | None = value("Adr3", st.TEXTE38, default=None)
    code_postal: str = value("CP", st.NUM5_LIGHT)
    ville: str = value("Ville", st.TEXTE38)
    non_resident: bool = value("CodRes", st.BOOLEEN)
    code_pays: int | None = value("CodPays", st.NUM3, default=None)
    date_mise_a_jour: dt.date | None = value("DteAdr", st.DATE, default=None)


@pes_model(
    choices=[
        (
            1,
            (
                (
                    "code_pays_international",
                    "code_banque_international",
                    "code_etablissement!",
                    "code_guichet!",
                    "numero_compte!",
                    "cle_rib!",
                ),
                ("bic", "iban!"),
            ),
        )
    ]
)
class CompteBancaire:
    """``CpteBancaire`` (TBancaire)."""

    code_pays_international: str | None = value("IdPayInt", st.ALPHANUM4, default=None)
    code_banque_international: str | None = value("IdBancInt", st.ALPHANUM11, default=None)
    code_etablissement: str | None = value("CodeEtab", st.ALPHANUM5, default=None)
    code_guichet: str | None = value("CodeGuic", st.ALPHANUM5_LIGHT, default=None)
    numero_compte: str | None = value("IdCpte", st.TEXTE11, default=None)
    cle_rib: str | None = value("CleRib", st.NUM2_LIGHT, default=None)
    bic: str | None = value("BIC", st.TEXTE11BIC, default=None)
    iban: str | None = value("IBAN", st.TEXTE34IBAN, default=None)
    libelle_banque: str | None = value("LibBanc", st.TEXTE24, default=None)
    titulaire: str = value("TitCpte", st.TEXTE32)
    date_mise_a_jour: dt.date | None = value("DteBanc", st.DATE, default=None)
