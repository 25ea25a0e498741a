"""Validate a flux: the model rules always, the official XSD when a schema set is given.

The library does not ship the DGFiP schemas: point :func:`validate` to a PES V2 set (the
``xsd_dir`` argument or the ``DEMAT_PES_XSD_DIR`` environment variable), the folder holding
``PES_V2/Rev0/PES_Aller.xsd``.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path

from lxml import etree

from demat_sdk.errors import ConfigurationError, PesReadError, PesTooLargeError
from demat_sdk.pes import xmlsafety
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.problems import Problem
from demat_sdk.pes.reader import DEFAULT_MAX_PJ_BYTES, read
from demat_sdk.pes.rules import TextPolicy, check
from demat_sdk.pes.writer import to_bytes

__all__ = ["XSD_DIR_VARIABLE", "ValidationReport", "official_schema", "validate"]

XSD_DIR_VARIABLE = "DEMAT_PES_XSD_DIR"
"""The environment variable naming the folder of the official schema set."""

_ENTRY = Path("PES_V2") / "Rev0" / "PES_Aller.xsd"


@dataclasses.dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    Attributes:
        problems: every problem found, in the order found (reading, model, XSD).
        xsd_checked: whether the official XSD was applied.
    """

    problems: tuple[Problem, ...]
    xsd_checked: bool

    @property
    def ok(self) -> bool:
        """Whether no problem was found."""
        return not self.problems

    def __str__(self) -> str:
        if self.ok:
            return "valid" + (" (model rules and XSD)" if self.xsd_checked else " (model rules)")
        return "\n".join(str(problem) for problem in self.problems)


def official_schema(xsd_dir: str | os.PathLike[str] | None) -> etree.XMLSchema | None:
    """The official schema of a PES_Aller in the folder given, or named by the variable.

    ``None`` when neither names a folder; compiled once per folder.

    Raises:
        ConfigurationError: the folder does not exist or holds no PES V2 schema set.
    """
    if xsd_dir is not None:
        directory, origin = os.fspath(xsd_dir), ""
    else:
        directory, origin = os.environ.get(XSD_DIR_VARIABLE, ""), f" ({XSD_DIR_VARIABLE})"
    if not directory:
        return None
    if not Path(directory).is_dir():
        raise ConfigurationError(f"no such folder: {directory}{origin}")
    if not (Path(directory) / _ENTRY).is_file():
        raise ConfigurationError(f"no {_ENTRY} in {directory}{origin}: not a PES V2 schema set")
    return _compiled(str(Path(directory).resolve()))


@functools.lru_cache(maxsize=4)
def _compiled(directory: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(Path(directory) / _ENTRY)))


def validate(
    model_or_source: PesAller | xmlsafety.Source,
    xsd_dir: str | os.PathLike[str] | None = None,
    *,
    encoding: str = "ISO-8859-1",
    huge_tree: bool = False,
    max_pj_bytes: int | None = DEFAULT_MAX_PJ_BYTES,
) -> ValidationReport:
    """Check a flux (a model, or a file to read) against the model rules and the XSD.

    Args:
        model_or_source: a :class:`PesAller`, or a path, bytes or binary file of a PES_Aller.
        xsd_dir: the folder of the official schema set; default ``DEMAT_PES_XSD_DIR``; without
            either only the model rules are checked.
        encoding: for a model, the encoding it would be written in (Latin-1 mapping and lengths
            are checked for it).
        huge_tree: for a file, allow PJ above 10 MB (files you trust).
        max_pj_bytes: for a file, what its PJ contents may inflate to, all together (see
            :func:`demat_sdk.pes.read`).

    Returns:
        The report: ``ok`` and the problems with their location (and line, for a file).

    Raises:
        ConfigurationError: ``xsd_dir`` (or ``DEMAT_PES_XSD_DIR``) is not a folder holding a
            PES V2 schema set.
        PesTooLargeError: the file is beyond a safety limit of the reader (its size, a PJ
            above 10 MB without ``huge_tree``, PJ inflating beyond ``max_pj_bytes``): that
            says nothing of its validity.
    """
    schema = official_schema(xsd_dir)
    problems: list[Problem] = []
    if isinstance(model_or_source, PesAller):
        latin1 = encoding.lower().replace("_", "-") in ("iso-8859-1", "latin-1", "latin1")
        problems += check(model_or_source, policy=TextPolicy(latin1=latin1, truncate=False))
        if schema is not None and not problems:
            document = to_bytes(model_or_source, encoding="UTF-8" if not latin1 else "ISO-8859-1")
            problems += _xsd_problems(schema, document, huge_tree=False)
        return ValidationReport(tuple(problems), schema is not None)
    data = _read_all(model_or_source)
    try:
        model = read(data, huge_tree=huge_tree, max_pj_bytes=max_pj_bytes)
    except PesTooLargeError:
        raise
    except PesReadError as exc:
        # Not well-formed, a DTD, not a PES_Aller: said once; the XSD has nothing to add.
        problem = Problem("", exc.reason, origin="read", line=exc.line, element=exc.element)
        return ValidationReport((problem,), schema is not None)
    problems += model.read_problems
    problems += check(model, policy=TextPolicy(latin1=False, truncate=False))
    if schema is not None:
        problems += _xsd_problems(schema, data, huge_tree=huge_tree)
    return ValidationReport(tuple(problems), schema is not None)


def _read_all(source: xmlsafety.Source) -> bytes:
    stream = xmlsafety.open_source(source)
    try:
        return stream.read()
    finally:
        if stream is not source:
            stream.close()


def _xsd_problems(schema: etree.XMLSchema, document: bytes, *, huge_tree: bool) -> list[Problem]:
    """Validate while parsing (lxml checks the stream against the schema as it goes)."""
    problems: list[Problem] = []
    try:
        tree = xmlsafety.parse(document, max_bytes=None, huge_tree=huge_tree)
        valid = schema.validate(tree)
    except PesReadError as exc:
        return [Problem("", exc.reason, origin="xsd", line=exc.line, element=exc.element)]
    except etree.XMLSchemaValidateError as exc:
        return [Problem("", f"the XSD could not be applied: {exc}", origin="xsd")]
    if not valid:
        for error in list(schema.error_log):  # type: ignore[call-overload]
            problems.append(
                Problem("", error.message, origin="xsd", line=error.line, element=error.path)
            )
    return problems
