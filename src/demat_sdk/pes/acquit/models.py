"""The acquittement (``PES_ACQUIT``) Hélios returns for each PES_Aller, as Python objects.

An ACK answers **per element** of the flux: one :class:`ElementAcquit` per bordereau (domaine
dépense or recette), per PJ, per marché, or one for the whole flux when it was refused at the
first checks (domaine technique or signature). Each element is accepted (``etat`` true) or
rejected; a rejected one carries its anomalies at the level they concern: the element itself,
a pièce (mandat or titre) or a line of a pièce.

``LibelleAnoAck`` usually starts with the Hélios anomaly number (``"1971 - Compte fonction
présent à tort"``): :attr:`ErreurAcquit.numero_helios` and :attr:`ErreurAcquit.texte` give
the two parts.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

from demat_sdk.pes import simpletypes as st
from demat_sdk.pes.acquit._codes import CodeAnomalie, DomaineAcquit
from demat_sdk.pes.models.enveloppe import EnTetePES, Enveloppe
from demat_sdk.pes.schema import child, children, pes_model, value
from demat_sdk.pes.simpletypes import Code

__all__ = [
    "Acquit",
    "DetailLigne",
    "DetailPiece",
    "ElementAcquit",
    "ErreurAcquit",
    "ErreurLocalisee",
    "SchemaAcquit",
]

_NUMBERED = re.compile(r"\s*(\d{1,9})\s*-\s*(.*)", re.DOTALL)


class SchemaAcquit(enum.Enum):
    """Which ACK schema a file follows."""

    V2 = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour/v2"
    """The current one (``PES_V2_Acquit_Autonome_V2.xsd``): errors nested by pièce and line."""

    HISTORIQUE = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour"
    """The legacy one (``PES_V2_Acquit_Autonome.xsd``): one flat anomaly per element."""

    @property
    def namespace(self) -> str:
        """The namespace of the ``PES_ACQUIT`` root."""
        return str(self.value)


@pes_model
class ErreurAcquit:
    """One anomaly (``Erreur``).

    Attributes:
        numero_anomalie: ``NumAnoAck`` — the code (``ERREUR_DOUBLON_PJ``, ``ERREUR_AUTRE``…).
        libelle_anomalie: ``LibelleAnoAck`` — the text as Hélios wrote it, usually
            ``"<Hélios anomaly number> - <text>"``.
    """

    numero_anomalie: CodeAnomalie | None = value(
        "NumAnoAck", Code(CodeAnomalie, "TNumAnoAck"), default=None
    )
    libelle_anomalie: str | None = value("LibelleAnoAck", st.TEXTE500_LIGHT, default=None)

    @classmethod
    def helios(cls, numero_anomalie: CodeAnomalie, numero: int, texte: str) -> ErreurAcquit:
        """An anomaly written the way Hélios writes them: ``"<numero> - <texte>"``."""
        return cls(numero_anomalie=numero_anomalie, libelle_anomalie=f"{numero} - {texte}")

    @property
    def numero_helios(self) -> int | None:
        """The Hélios anomaly number the libellé starts with (1971, 2559…), if it has one."""
        match = _NUMBERED.fullmatch(self.libelle_anomalie or "")
        return int(match.group(1)) if match else None

    @property
    def texte(self) -> str:
        """The libellé without its anomaly number (the whole libellé when it has none)."""
        libelle = self.libelle_anomalie or ""
        match = _NUMBERED.fullmatch(libelle)
        return match.group(2).strip() if match else libelle.strip()


@pes_model(label=("ligne", "numero_ligne"))
class DetailLigne:
    """A line of a pièce concerned by anomalies (``DetailLigne``).

    Attributes:
        numero_ligne: ``NumLigne`` — the ``IdLigne`` of the line in the PES_Aller.
        erreurs: ``Erreur`` — its anomalies.
    """

    numero_ligne: int = value("NumLigne", st.NUM13_LIGHT_ENTIER)
    erreurs: list[ErreurAcquit] = children("Erreur", ErreurAcquit, default_factory=list)


@pes_model(label=("pièce", "numero_piece"))
class DetailPiece:
    """A pièce (mandat or titre) concerned by anomalies (``DetailPiece``).

    Attributes:
        numero_piece: ``NumPiece`` — the ``IdPce`` of the mandat or titre in the PES_Aller.
        erreurs: ``Erreur`` — anomalies of the pièce as a whole.
        lignes: ``DetailLigne`` — its lines with anomalies.
    """

    numero_piece: int = value("NumPiece", st.NUM13_LIGHT_ENTIER)
    erreurs: list[ErreurAcquit] = children("Erreur", ErreurAcquit, default_factory=list)
    lignes: list[DetailLigne] = children("DetailLigne", DetailLigne, default_factory=list)


@pes_model(label=("élément", None))
class ElementAcquit:
    """What Hélios says about one element of the flux (``ElementACQUIT``).

    An element concerns a bordereau (``numero_bordereau`` and ``exercice_bordereau``), a marché
    (``id_marche``), a PJ (``id_unique``) or, with none of them, the whole flux.

    Attributes:
        domaine: ``DomaineAck`` — what the element is (dépense, recette, PJ, technique…).
        etat: ``EtatAck`` — ``True`` when the element was accepted (OK), ``False`` when rejected.
        numero_bordereau: ``NumBord`` — the ``IdBord`` of the bordereau in the PES_Aller.
        exercice_bordereau: ``ExerciceBord`` — the ``Exer`` of that bordereau.
        id_marche: ``IdMarche`` — identifier of the marché or concession contract.
        id_unique: ``IdUnique`` — the ``IdUnique`` of the PJ.
        erreurs: ``Erreur`` — anomalies of the element as a whole.
        pieces: ``DetailPiece`` — pièces of the bordereau with anomalies.
    """

    domaine: DomaineAcquit = value("DomaineAck", Code(DomaineAcquit, "TDomaineAck"))
    etat: bool = value("EtatAck", st.BOOLEEN)
    numero_bordereau: int | None = value("NumBord", st.NUM7_LIGHT_ENTIER, default=None)
    exercice_bordereau: int | None = value("ExerciceBord", st.NUM4_LIGHT_ENTIER, default=None)
    id_marche: str | None = value("IdMarche", st.TEXTE18_LIGHT, default=None)
    id_unique: str | None = value("IdUnique", st.ALPHANUM50_LIGHT, default=None)
    erreurs: list[ErreurAcquit] = children("Erreur", ErreurAcquit, default_factory=list)
    pieces: list[DetailPiece] = children("DetailPiece", DetailPiece, default_factory=list)

    @property
    def accepte(self) -> bool:
        """Whether Hélios accepted the element (``EtatAck`` = 1)."""
        return self.etat

    @property
    def objet(self) -> str:
        """What the element concerns, in words (``"bordereau 421 (exercice 2025)"``, ``"PJ …"``)."""
        if self.numero_bordereau is not None or self.exercice_bordereau is not None:
            numero = "?" if self.numero_bordereau is None else str(self.numero_bordereau)
            exercice = f" (exercice {self.exercice_bordereau})" if self.exercice_bordereau else ""
            return f"bordereau {numero}{exercice}"
        if self.id_unique is not None:
            return f"PJ {self.id_unique}"
        if self.id_marche is not None:
            return f"marché {self.id_marche}"
        return "flux"

    def iter_erreurs(self) -> Iterator[ErreurLocalisee]:
        """Every anomaly of the element, element level first, then by pièce and line."""
        for erreur in self.erreurs:
            yield ErreurLocalisee(element=self, erreur=erreur)
        for piece in self.pieces:
            for erreur in piece.erreurs:
                yield ErreurLocalisee(element=self, erreur=erreur, numero_piece=piece.numero_piece)
            for ligne in piece.lignes:
                for erreur in ligne.erreurs:
                    yield ErreurLocalisee(
                        element=self,
                        erreur=erreur,
                        numero_piece=piece.numero_piece,
                        numero_ligne=ligne.numero_ligne,
                    )


@dataclass(frozen=True)
class ErreurLocalisee:
    """An anomaly with the place it concerns, as :meth:`Acquit.iter_erreurs` lists them.

    Attributes:
        element: the element of the ACK.
        erreur: the anomaly.
        numero_piece: the pièce it concerns, if it concerns one.
        numero_ligne: the line of that pièce, if it concerns one.
    """

    element: ElementAcquit
    erreur: ErreurAcquit
    numero_piece: int | None = None
    numero_ligne: int | None = None

    @property
    def localisation(self) -> str:
        """Where, in words: ``"bordereau 5 (exercice 2019) / pièce 20 / ligne 1"``."""
        parts = [self.element.objet]
        if self.numero_piece is not None:
            parts.append(f"pièce {self.numero_piece}")
        if self.numero_ligne is not None:
            parts.append(f"ligne {self.numero_ligne}")
        return " / ".join(parts)


@pes_model
class Acquit:
    """An acquittement (``PES_ACQUIT``).

    Attributes:
        enveloppe: ``Enveloppe`` — copied from the PES_Aller answered; its ``nom_fichier``
            (``NomFic``) identifies that file.
        en_tete: ``EnTetePES`` — copied from the PES_Aller.
        elements: ``ACQUIT/ElementACQUIT`` — one per element of the flux.
        version: ``ACQUIT/EnTeteAcquit/IdVer`` — version of the acquittement (2).
        schema: which of the two ACK schemas the file follows (the writer writes
            :attr:`SchemaAcquit.V2`).
    """

    enveloppe: Enveloppe = child("Enveloppe", Enveloppe)
    en_tete: EnTetePES = child("EnTetePES", EnTetePES)
    version: str = value("ACQUIT/EnTeteAcquit/IdVer", st.NUM2_LIGHT, default="2")
    elements: list[ElementAcquit] = children(
        "ACQUIT/ElementACQUIT", ElementAcquit, min_occurs=1, default_factory=list
    )
    schema: SchemaAcquit = dataclasses.field(default=SchemaAcquit.V2)

    @property
    def nom_fichier(self) -> str:
        """The ``NomFic`` of the PES_Aller this ACK answers."""
        return self.enveloppe.nom_fichier

    @property
    def accepte(self) -> bool:
        """Whether every element was accepted (an ACK has no global status of its own)."""
        return bool(self.elements) and all(element.etat for element in self.elements)

    @property
    def flux_rejete(self) -> bool:
        """Whether the whole flux was refused at the first checks (XSD, signature, header).

        That is an element of domaine technique, signature or paramétrage rejected without
        naming a bordereau, a PJ or a marché: nothing of the file was integrated.
        """
        return any(
            not element.etat and element.objet == "flux" and element.domaine in _FLUX_LEVEL
            for element in self.elements
        )

    @property
    def rejets(self) -> list[ElementAcquit]:
        """The rejected elements."""
        return [element for element in self.elements if not element.etat]

    def bordereau(self, exercice: int, numero: int) -> ElementAcquit | None:
        """The element about a bordereau, found by its ``Exer`` and ``IdBord``."""
        for element in self.elements:
            if element.exercice_bordereau == exercice and element.numero_bordereau == numero:
                return element
        return None

    def pj(self, id_unique: str) -> ElementAcquit | None:
        """The element about a PJ, found by its ``IdUnique``."""
        for element in self.elements:
            if element.id_unique == id_unique:
                return element
        return None

    def iter_erreurs(self) -> Iterator[ErreurLocalisee]:
        """Every anomaly of the ACK with the place it concerns, in document order."""
        for element in self.elements:
            yield from element.iter_erreurs()


_FLUX_LEVEL = frozenset(
    {
        DomaineAcquit.TECHNIQUE,
        DomaineAcquit.SIGNATURE_TECHNIQUE,
        DomaineAcquit.SIGNATURE_GLOBALE,
        DomaineAcquit.PARAMETRAGE,
    }
)
