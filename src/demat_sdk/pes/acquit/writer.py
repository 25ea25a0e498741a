"""Writing an acquittement (``PES_ACQUIT``, current "V2" schema) from its model.

What the emulator of Hélios answers, and what a test double of it needs: a file valid against
``PES_V2/Rev0/PES_V2_Acquit_Autonome_V2.xsd``. The model is checked first, by the same generated
checker as a ``PES_Aller`` (facets, required elements) plus the ACK's own rules (one object per
element, the object a dépense, recette, PJ or marché element needs); every problem is reported
at once in a :class:`~demat_sdk.errors.PesModelError` naming the element, pièce and line at
fault. The file is written by the same generated writer, in schema order (``NumBord`` before
``ExerciceBord``), atomically when it goes to a path.
"""

from __future__ import annotations

from demat_sdk.errors import PesModelError
from demat_sdk.pes._rendering import Encoding, document_bytes
from demat_sdk.pes.acquit._codes import DomaineAcquit
from demat_sdk.pes.acquit.models import Acquit, ElementAcquit, SchemaAcquit
from demat_sdk.pes.problems import Problem
from demat_sdk.pes.rules import check_model
from demat_sdk.pes.writer import Target, write_bytes

__all__ = ["acquit_to_bytes", "check_acquit", "write_acquit"]

_NEEDS_BORDEREAU = frozenset({DomaineAcquit.DEPENSE, DomaineAcquit.RECETTE})


def check_acquit(acquit: Acquit, *, encoding: Encoding = "ISO-8859-1") -> None:
    """Check an ACK model against the V2 schema's facets and the ACK's own rules.

    Raises:
        PesModelError: every problem found, each with the place it concerns
            (``"élément 2 / pièce 3017 / ligne 1 / erreurs[1] / libelle_anomalie"``).
    """
    problems = check_model(acquit, latin1=encoding == "ISO-8859-1")
    elements = acquit.elements if isinstance(acquit.elements, list) else []
    for rank, element in enumerate(elements, 1):
        if isinstance(element, ElementAcquit):
            problems += _element_rules(element, f"élément {rank}")
    if problems:
        raise PesModelError([(problem.location, problem.message) for problem in problems])


def _element_rules(element: ElementAcquit, where: str) -> list[Problem]:
    """What the schema cannot say: the object an element names must fit its domaine."""
    found: list[Problem] = []
    references = [
        name
        for name, present in (
            (
                "bordereau",
                element.numero_bordereau is not None or element.exercice_bordereau is not None,
            ),
            ("id_marche", element.id_marche is not None),
            ("id_unique", element.id_unique is not None),
        )
        if present
    ]
    if len(references) > 1:
        found.append(
            Problem(where, f"names more than one object ({', '.join(references)}); keep one")
        )
    if element.domaine in _NEEDS_BORDEREAU and (
        element.numero_bordereau is None or element.exercice_bordereau is None
    ):
        found.append(
            Problem(where, "a dépense or recette element names its bordereau (numéro and exercice)")
        )
    if element.domaine is DomaineAcquit.PJ and element.id_unique is None:
        found.append(Problem(where, "a PJ element names its PJ (id_unique)"))
    if element.domaine is DomaineAcquit.MARCHE and element.id_marche is None:
        found.append(Problem(where, "a marché element names its marché (id_marche)"))
    return found


def acquit_to_bytes(acquit: Acquit, *, encoding: Encoding = "ISO-8859-1") -> bytes:
    """The ACK file as bytes, after :func:`check_acquit`.

    Raises:
        PesModelError: the model breaks a rule; nothing is produced.
    """
    check_acquit(acquit, encoding=encoding)
    return unchecked_acquit_bytes(acquit, encoding)


def unchecked_acquit_bytes(acquit: Acquit, encoding: Encoding) -> bytes:
    """The ``PES_ACQUIT`` file of a model as it is, unchecked (see :func:`check_acquit`)."""
    return document_bytes(
        acquit, root="PES_ACQUIT", namespace=SchemaAcquit.V2.namespace, encoding=encoding
    )


def write_acquit(acquit: Acquit, target: Target, *, encoding: Encoding = "ISO-8859-1") -> None:
    """Write an ACK (``PES_ACQUIT``, V2 schema) to a path or a binary file object.

    A path is written atomically: a temporary file in the same directory, renamed once
    complete. ISO-8859-1 is what Hélios writes; UTF-8 is available.

    Args:
        acquit: the model (``acquit.schema`` is ignored: the V2 schema is always written).
        target: path, or binary file object open for writing.
        encoding: ``"ISO-8859-1"`` (default) or ``"UTF-8"``.

    Raises:
        PesModelError: the model breaks a rule; nothing is written.
        PesWriteError: the file could not be written; no partial file is left behind.
    """
    write_bytes(acquit_to_bytes(acquit, encoding=encoding), target, what="ACK")
