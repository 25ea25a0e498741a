"""Reading the return files (ACK, PES_Retour): streamed blocks, typed values, located errors.

Every PES leaf is an empty element whose value sits in its ``V`` attribute (``<IdPost
V="038011"/>``). A :class:`Node` wraps one element with a readable path
(``PES_ACQUIT/ACQUIT/ElementACQUIT[3]``) and reads its children's values through a converter;
any problem becomes a :class:`~demat_sdk.errors.PesReadError` giving the line and that path.

:func:`stream_blocks` walks a file with the hardened ``iterparse`` and hands over one block at a
time (an ``ElementACQUIT``, a ``Bordereau``…), freeing it once read, so memory stays bounded by
the biggest block rather than the file. Only the root is namespace-qualified in PES; children are
matched on their local name, so a producer that qualifies them too is still read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from demat_sdk.errors import PesReadError
from demat_sdk.pes import xmlsafety
from demat_sdk.pes._compiler import reader
from demat_sdk.pes.enums.code import PesCode

__all__ = [
    "Block",
    "Node",
    "as_bool",
    "as_date",
    "as_decimal",
    "as_int",
    "as_text",
    "as_year",
    "check_root",
    "code",
    "local_name",
    "read_block",
    "read_en_tete",
    "read_enveloppe",
    "require_headers",
    "stream_blocks",
]

T = TypeVar("T")
C = TypeVar("C", bound=PesCode)
H = TypeVar("H")
E = TypeVar("E")

_TIMEZONE = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


def local_name(element: Any) -> str:
    """The tag of an element without its namespace (``""`` for comments and PIs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag if tag[:1] != "{" else tag.rsplit("}", 1)[-1]


# --- converters: V attribute text -> Python value (ValueError when it does not fit) ---------


def as_text(value: str) -> str:
    """The text as written."""
    return value


def as_int(value: str) -> int:
    """A whole number written in digits (``"0421"`` → 421)."""
    stripped = value.strip()
    if not stripped.isdigit() or not stripped.isascii():
        raise ValueError(f"{value!r} is not a whole number")
    return int(stripped)


def as_decimal(value: str) -> Decimal:
    """A decimal amount (``"39724.75"``)."""
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a decimal number")
    return number


def _without_time_zone(value: str) -> str:
    """The value stripped, without a time zone suffix (``Z``, ``+01:00``) if it has one."""
    stripped = value.strip()
    if stripped[-1:] == "Z" or stripped[-3:-2] == ":":  # cheap test first: dates rarely have one
        return _TIMEZONE.sub("", stripped)
    return stripped


def as_date(value: str) -> date:
    """An ``xs:date`` (``2025-03-14``; a time zone suffix is accepted and dropped)."""
    try:
        return date.fromisoformat(_without_time_zone(value))
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def as_year(value: str) -> int:
    """An ``xs:gYear`` (``2025``)."""
    stripped = _without_time_zone(value)
    if len(stripped) != 4 or not stripped.isdigit():
        raise ValueError(f"{value!r} is not a year (YYYY)")
    return int(stripped)


def as_bool(value: str) -> bool:
    """An ``xs:boolean``: ``1``/``true`` or ``0``/``false``."""
    stripped = value.strip()
    if stripped in ("1", "true"):
        return True
    if stripped in ("0", "false"):
        return False
    raise ValueError(f"{value!r} is not a boolean (0, 1, true or false)")


@functools.cache
def code(enumeration: type[C]) -> Callable[[str], C]:
    """A converter to a :class:`PesCode`; unknown codes are kept (``is_known`` is ``False``).

    One converter per code list, made once; a known code is found without the enumeration's
    call machinery.
    """
    members: dict[str, C] = enumeration._value2member_map_  # type: ignore[assignment]

    def convert(value: str) -> C:
        member = members.get(value)
        if member is not None:
            return member
        stripped = value.strip()
        if not stripped:
            raise ValueError("the code is empty")
        return enumeration(stripped)

    return convert


# --- nodes -------------------------------------------------------------------------------


class Node:
    """One element being read, with its path for error messages.

    The path is only spelled out when an error needs it: a node keeps its parent and its step
    (``Piece[2]``), and reading a leaf's value creates no node at all unless the value is wrong.

    Args:
        element: the lxml element.
        path: its readable path (``PES_Retour/PES_DepenseRetour/Bordereau[2]``), or its step
            below ``parent``.
        parent: the node it was reached from, if any.
        rank: its rank among the siblings of the same name when there are several (0: alone).
    """

    __slots__ = ("_first", "_parent", "_rank", "_step", "element")

    def __init__(self, element: Any, path: str, parent: Node | None = None, rank: int = 0) -> None:
        self.element = element
        self._step = path
        self._parent = parent
        self._rank = rank
        self._first: dict[Any, Any] | None = None

    @property
    def path(self) -> str:
        """The readable path of the element (``…/Bordereau[2]/Piece/InfoPiece``)."""
        step = f"{self._step}[{self._rank}]" if self._rank else self._step
        return step if self._parent is None else f"{self._parent.path}/{step}"

    def _index(self) -> dict[Any, Any]:
        """The first child element of each local name, built on the first look-up."""
        first: dict[Any, Any] = {}
        for child in self.element:
            name = child.tag
            if name not in first:
                first[name] = child
        try:
            plain = "{" not in "".join(first)
        except TypeError:  # a comment or an entity reference: its tag is not a string
            plain = False
        if not plain:  # rare: comments or qualified children, keyed by local name then
            first = {}
            for child in self.element:
                name = local_name(child)
                if name and name not in first:
                    first[name] = child
        self._first = first
        return first

    def _child(self, tag: str) -> Any:
        """The first child element with this local name, or ``None``."""
        return (self._first or self._index()).get(tag)

    @property
    def line(self) -> int | None:
        """The line of the element in the source."""
        line: int | None = self.element.sourceline
        return line

    def error(self, message: str) -> PesReadError:
        """A read error located on this element."""
        return PesReadError(message, line=self.line, element=self.path)

    def children(self, tag: str) -> list[Node]:
        """Every child element with this local name, in document order."""
        found = list(self.element.iterchildren(f"{{*}}{tag}"))
        if len(found) == 1:
            return [Node(found[0], tag, self)]
        return [Node(child, tag, self, n) for n, child in enumerate(found, 1)]

    def child(self, tag: str) -> Node | None:
        """The first child element with this local name, if there is one."""
        found = self._child(tag)
        return None if found is None else Node(found, tag, self)

    def require(self, tag: str) -> Node:
        """The child element with this local name; a read error if it is missing."""
        found = self._child(tag)
        if found is None:
            raise self.error(f"{tag} is missing")
        return Node(found, tag, self)

    def value(self, tag: str, convert: Callable[[str], T]) -> T | None:
        """The converted ``V`` value of a child, or ``None`` when the child is absent.

        An empty ``V`` on an optional leaf (``<NumBord V=""/>``, which the *Light* types allow)
        reads as ``None`` too, except for plain text where it stays ``""``.
        """
        element = (self._first or self._index()).get(tag)
        if element is None:
            return None
        raw: str | None = element.get("V")
        if raw is None:
            raise Node(element, tag, self).error(f"{tag} has no V attribute")
        if convert is as_text:
            return raw  # type: ignore[return-value]  # as_text is the identity on str
        if raw == "":
            return None
        try:
            return convert(raw)
        except ValueError as exc:
            raise Node(element, tag, self).error(f"{tag}: {exc}") from None

    def required(self, tag: str, convert: Callable[[str], T]) -> T:
        """The converted ``V`` value of a mandatory child; a read error if it is missing."""
        result = self.value(tag, convert)
        if result is None:
            element = self._child(tag)
            if element is None:
                raise self.error(f"{tag} is missing")
            raise Node(element, tag, self).error(f"{tag} is empty")
        return result


# --- streaming ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A block handed over by :func:`stream_blocks`.

    Attributes:
        parent: local name of the block's parent (``""`` for the root itself).
        name: local name of the block.
        node: the block, fully read (the root: only started); a block is freed once the
            iteration moves on.
    """

    parent: str
    name: str
    node: Node


def stream_blocks(
    source: xmlsafety.Source,
    *,
    blocks: frozenset[str],
    max_depth: int,
    max_bytes: int | None = xmlsafety.DEFAULT_MAX_BYTES,
) -> Iterator[Block]:
    """Walk a file and yield its root first, then each complete block in document order.

    Args:
        source: path, bytes or binary file object.
        blocks: local names of the elements to hand over once complete.
        max_depth: the depth (root = 0) below which a name in ``blocks`` is not a block but
            part of one.
        max_bytes: size limit checked before parsing.

    Raises:
        PesReadError: the file is too big, not well-formed or declares a DTD.
    """
    stream = xmlsafety.open_source(source, max_bytes=max_bytes)
    try:
        # lxml's tag filter (in C) hands over only the elements named like a block, in any
        # namespace or none: the other elements never cost a Python step.
        parsed = xmlsafety.iterparse(
            stream, events=("end",), tag=tuple(f"{{*}}{name}" for name in sorted(blocks))
        )
        root: Any = None
        ranks: dict[str, int] = {}
        while True:
            try:
                _, element = next(parsed)
            except StopIteration as finished:  # the root is known even if nothing matched
                if root is None and finished.value is not None:
                    yield _root_block(finished.value)
                break
            if root is None:
                root = element.getroottree().getroot()
                yield _root_block(root)
            ancestors: list[str] = []
            parent = element.getparent()
            while parent is not None:
                ancestors.append(local_name(parent))
                parent = parent.getparent()
            if not 0 < len(ancestors) <= max_depth:
                continue
            ancestors.reverse()
            name = local_name(element)
            path = "/".join((*ancestors, name))
            ranks[path] = ranks.get(path, 0) + 1
            yield Block(ancestors[-1], name, Node(element, path, rank=ranks[path]))
            element.clear(keep_tail=True)
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
    finally:
        if stream is not source:
            stream.close()


def _root_block(root: Any) -> Block:
    name = local_name(root)
    return Block("", name, Node(root, name))


def check_root(root: Node, expected: dict[str, T], *, what: str) -> T:
    """Match the root's qualified tag against the expected ``{namespace}name`` keys."""
    tag = root.element.tag
    if tag in expected:
        return expected[tag]
    namespace = tag[1:].split("}", 1)[0] if tag.startswith("{") else None
    raise root.error(
        f"not a {what}: the root is {local_name(root.element)!r} in namespace {namespace!r}"
    )


# --- the two header blocks every PES file opens with ----------------------------------------


def read_enveloppe(
    node: Node,
    model: Callable[..., E],
    emetteur: Callable[..., Any],
    recepteur: Callable[..., Any],
) -> E:
    """Read an ``Enveloppe`` (``Parametres`` mandatory, both parties optional).

    ``model``, ``emetteur`` and ``recepteur`` are the classes to build: those of ``PES_Aller``
    (``cm:TEnveloppe``, which the ACK files share), or the PES_Retour's for a return.
    """
    parametres = node.require("Parametres")

    def carte(tag: str, build: Callable[..., Any]) -> Any:
        found = node.child(tag)
        if found is None:
            return None
        return build(sigle=found.value("Sigle", as_text), adresse=found.value("Adresse", as_text))

    return model(
        version=parametres.required("Version", as_int),
        type_fichier=parametres.required("TypFic", as_text),
        nom_fichier=parametres.required("NomFic", as_text),
        emetteur=carte("Emetteur", emetteur),
        recepteur=carte("Recepteur", recepteur),
    )


def read_en_tete(node: Node, model: Callable[..., H]) -> H:
    """Read an ``EnTetePES``, with ``CodCol`` (aller, ACK) or ``CodColl`` (PES_Retour)."""
    code_collectivite = node.value("CodCol", as_text)
    if code_collectivite is None:
        code_collectivite = node.value("CodColl", as_text)
    if code_collectivite is None:
        raise node.error("CodCol (or CodColl) is missing")
    return model(
        date_emission=node.required("DteStr", as_date),
        code_poste=node.required("IdPost", as_text),
        libelle_poste=node.value("LibellePoste", as_text),
        siret=node.required("IdColl", as_text),
        finess_juridique=node.value("FinJur", as_text),
        code_collectivite=code_collectivite,
        code_budget=node.required("CodBud", as_text),
        libelle_budget=node.value("LibelleColBud", as_text),
    )


def require_headers(root: Node | None, enveloppe: E | None, en_tete: H | None) -> tuple[Node, E, H]:
    """The root and the two header blocks a streamed file must have had; a read error if not."""
    if root is None:  # pragma: no cover - the parser always yields the root
        raise AssertionError("no root element")
    if enveloppe is None:
        raise root.error("Enveloppe is missing")
    if en_tete is None:
        raise root.error("EnTetePES is missing")
    return root, enveloppe, en_tete


# --- blocks of a declared model -----------------------------------------------------------


def read_block(node: Node, model: Callable[..., T]) -> T:
    """Read a block whose model is declared (``ElementACQUIT``…) with its generated reader.

    Strict like the rest of the return path: a missing element or an unreadable value raises
    a located :class:`PesReadError`; an empty optional ``V`` reads as ``None``; elements the
    model does not know are passed over.
    """
    read: Callable[[Any, _StrictReading], T] = reader(model)  # type: ignore[arg-type]
    return read(node.element, _StrictReading(node))


class _StrictReading:
    """What a generated reader reports to while it reads one block of a return file."""

    def __init__(self, block: Node) -> None:
        self.block = block

    def _error(self, element: Any, message: str) -> PesReadError:
        return PesReadError(message, line=element.sourceline, element=self._path(element))

    def _path(self, element: Any) -> str:
        parts: list[str] = []
        while element is not None and element is not self.block.element:
            name = local_name(element)
            parent = element.getparent()
            same = (
                [child for child in parent if local_name(child) == name]
                if parent is not None
                else []
            )
            parts.append(f"{name}[{same.index(element) + 1}]" if len(same) > 1 else name)
            element = parent
        return "/".join([self.block.path, *reversed(parts)])

    def bad(self, element: Any, simple_type: Any) -> Any:
        raw = element.get("V")
        if raw is None:
            raise self._error(element, f"{local_name(element)} has no V attribute")
        if raw == "":
            return None
        try:
            return simple_type.parse(raw)
        except (ValueError, ArithmeticError) as exc:
            raise self._error(element, f"{local_name(element)}: {exc}") from None

    def code(self, element: Any, simple_type: Any) -> Any:
        raw = element.get("V")
        if not raw:
            return self.bad(element, simple_type)
        return simple_type.parse(raw)

    def missing(self, element: Any, path: str) -> None:
        raise self._error(element, f"{path} is missing")

    def unexpected(self, element: Any) -> None:
        """Elements a model does not declare are passed over, as everywhere on the return path."""

    def file(self, element: Any) -> None:  # pragma: no cover - no PJ in the return files
        raise self._error(element, "unexpected file content")

    def fragment(self, element: Any) -> None:  # pragma: no cover - no signature declared
        raise self._error(element, "unexpected signature")
