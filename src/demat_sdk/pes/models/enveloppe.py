"""``PES_Aller``: the root of a flux, its ``Enveloppe`` and ``EnTetePES``."""

from __future__ import annotations

import dataclasses
import datetime as dt

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.enums import Nomenclature
from demat_sdk.pes.models.depense import (
    DepenseAller,
)
from demat_sdk.pes.models.facture import (
    PesFacture,
)
from demat_sdk.pes.models.marche import (
    PesMarche,
)
from demat_sdk.pes.models.pj import (
    PesPJ,
)
from demat_sdk.pes.models.recette import (
    RecetteAller,
)
from demat_sdk.pes.problems import Problem
from demat_sdk.pes.schema import XmlFragment, attribute, child, fragment, pes_model, value

__all__ = [
    "Emetteur",
    "EnTetePES",
    "Enveloppe",
    "PesAller",
    "Recepteur",
]


@pes_model
class Emetteur:
    """``Emetteur`` (TCarteVisite)."""

    sigle: str = value("Sigle", st.TEXTE32)
    adresse: str = value("Adresse", st.TEXTE38)


@pes_model
class Recepteur:
    """``Recepteur`` (TCarteVisiteRecepteur)."""

    sigle: str | None = value("Sigle", st.TEXTE32, default=None)
    adresse: str | None = value("Adresse", st.TEXTE38, default=None)


@pes_model
class Enveloppe:
    """``Enveloppe`` (TEnveloppe)."""

    version: int = value("Parametres/Version", st.NUM2, default=2)
    type_fichier: str = value("Parametres/TypFic", st.TEXTE32, default="PESALR1")
    nom_fichier: str = value("Parametres/NomFic", st.TEXTE100)
    emetteur: Emetteur = child("Emetteur", Emetteur)
    recepteur: Recepteur | None = child("Recepteur", Recepteur, default=None)


@pes_model
class EnTetePES:
    """``EnTetePES`` (TEnTetePES)."""

    date_emission: dt.date = value("DteStr", st.DATE)
    code_poste: str = value("IdPost", st.TEXTECODIQUE7)
    libelle_poste: str | None = value("LibellePoste", st.TEXTE38, default=None)
    siret: str = value("IdColl", st.NUM14_LIGHT)
    finess_juridique: str | None = value("FinJur", st.ALPHANUM20_LIGHT, default=None)
    code_collectivite: str = value("CodCol", st.CODECOL3)
    code_budget: str = value("CodBud", st.CODEBUD2)
    libelle_budget: str | None = value("LibelleColBud", st.TEXTE38, default=None)
    nomenclature: Nomenclature | None = dataclasses.field(default=None, compare=False)
    """The budget's instruction (M21, M22, M57…): not in the file, it drives the rules
    (``FinJur`` required for M21/M22 and forbidden otherwise, no ``Fonction`` on M21/M22). Left
    to ``None``, a budget with a ``FinJur`` is taken as a hospital one."""


@pes_model
class PesAller:
    """``PES_Aller`` ((anon))."""

    id: str | None = attribute("Id", st.XS_ID, default=None)
    enveloppe: Enveloppe = child("Enveloppe", Enveloppe)
    en_tete: EnTetePES = child("EnTetePES", EnTetePES)
    depense: DepenseAller | None = child("PES_DepenseAller", DepenseAller, default=None)
    recette: RecetteAller | None = child("PES_RecetteAller", RecetteAller, default=None)
    facture: PesFacture | None = child("PES_Facture", PesFacture, default=None)
    marche: PesMarche | None = child("PES_Marche", PesMarche, default=None)
    pj: PesPJ | None = child("PES_PJ", PesPJ, default=None)
    signature: XmlFragment | None = fragment(default=None)
    read_problems: list[Problem] = dataclasses.field(
        default_factory=list, compare=False, repr=False
    )
    """What :func:`demat_sdk.pes.read` found wrong in the file it came from (empty otherwise)."""
