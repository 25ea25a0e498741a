"""Code lists of PES V2 (v5.17), each member with its official label.

The value of a member is the code written in the file (``"03"``); its ``libelle`` is the
documentation of that code in the DGFiP schemas, word for word (``"Virement"``). Codes the
schemas list without a label are named ``CODE_<code>``. Every list is a :class:`PesCode`
(lenient on unknown codes, see :mod:`demat_sdk.pes.enums.code`). The lists of the return path
live beside their readers (:mod:`demat_sdk.pes.acquit`, :mod:`demat_sdk.pes.retour`).
"""

from __future__ import annotations

from demat_sdk.pes.enums.code import (
    PesCode,
)
from demat_sdk.pes.enums.commun import (
    CategorieTiers,
    Domaine,
    NatureIdentifiantTiers,
    NatureJuridique,
    Support,
    TypeAdresse,
    TypeObjet,
    TypePJ,
    TypeTiers,
)
from demat_sdk.pes.enums.depense import (
    CodeInteretsMoratoires,
    CodeOperationSpecifique,
    ModeReglementDepense,
    NatureMandat,
    NaturePieceOrigineDepense,
    TypeBordereauDepense,
    TypeMandat,
)
from demat_sdk.pes.enums.facture_marche import (
    FormePrix,
    ModaliteExecution,
    NatureConcession,
    NatureIdentifiantMarche,
    NatureMarche,
    ProcedureConcession,
    ProcedureMarche,
    Reconductibilite,
    ReferenceCCAG,
    RegimeAvance,
    TypeCodeLieu,
    TypeFacture,
    TypeGarantie,
    TypeGarantieAvance,
    TypeGroupement,
    TypePJMarche,
    TypeTitulaire,
    VariationPrix,
)
from demat_sdk.pes.enums.nomenclature import (
    Nomenclature,
)
from demat_sdk.pes.enums.recette import (
    AssureDebiteur,
    AyantDroit,
    Edition,
    ModeReglementRecette,
    NaturePieceOrigineRecette,
    NaturePrelevement,
    NatureTitre,
    PeriodicitePrelevement,
    SequencePresentation,
    TypeBordereauRecette,
    TypeFlux,
    TypeTitre,
)

__all__ = [
    "AssureDebiteur",
    "AyantDroit",
    "CategorieTiers",
    "CodeInteretsMoratoires",
    "CodeOperationSpecifique",
    "Domaine",
    "Edition",
    "FormePrix",
    "ModaliteExecution",
    "ModeReglementDepense",
    "ModeReglementRecette",
    "NatureConcession",
    "NatureIdentifiantMarche",
    "NatureIdentifiantTiers",
    "NatureJuridique",
    "NatureMandat",
    "NatureMarche",
    "NaturePieceOrigineDepense",
    "NaturePieceOrigineRecette",
    "NaturePrelevement",
    "NatureTitre",
    "Nomenclature",
    "PeriodicitePrelevement",
    "PesCode",
    "ProcedureConcession",
    "ProcedureMarche",
    "Reconductibilite",
    "ReferenceCCAG",
    "RegimeAvance",
    "SequencePresentation",
    "Support",
    "TypeAdresse",
    "TypeBordereauDepense",
    "TypeBordereauRecette",
    "TypeCodeLieu",
    "TypeFacture",
    "TypeFlux",
    "TypeGarantie",
    "TypeGarantieAvance",
    "TypeGroupement",
    "TypeMandat",
    "TypeObjet",
    "TypePJ",
    "TypePJMarche",
    "TypeTiers",
    "TypeTitre",
    "TypeTitulaire",
    "VariationPrix",
]
