"""The declarative schema: how each model field maps to the PES V2 element tree.

A model is a dataclass decorated with :func:`pes_model`; each of its fields that travels in the
file is declared with one of the field specifiers below, which records the *path* of its
element under the model's own element (``"BlocBordereau/IdBord"``), its simple type and its
cardinality. The order of the fields is the order of the XSD sequence. That is the only place
where tags, facets and order are written: the writer, the reader, the validation and the
"tag ↔ name" table are all derived from it (:mod:`demat_sdk.pes._compiler`).

Paths may cross wrapper elements that always occur exactly once (``BlocPiece/InfoPce``): the
models flatten them so that ``Bordereau.numero`` reads better than
``Bordereau.bloc_bordereau.id_bord``. Optional blocks are models of their own.

Fields that do not travel in the file (the budget's nomenclature, "sent separately" marks) are
plain dataclass fields; the engine ignores them.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

from typing_extensions import dataclass_transform

from demat_sdk.pes.simpletypes import SimpleType

__all__ = [
    "NAMESPACE",
    "AttributeSpec",
    "ChildSpec",
    "FileSpec",
    "FragmentSpec",
    "Spec",
    "ValueSpec",
    "XmlFragment",
    "attribute",
    "child",
    "children",
    "choices_of",
    "file_content",
    "fragment",
    "iter_specs",
    "pes_model",
    "specs_of",
    "tag_table",
    "value",
    "values",
]

T = TypeVar("T")
C = TypeVar("C")

NAMESPACE = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller"
"""The namespace of the ``PES_Aller`` root (the only qualified element)."""

XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#"
_KEY = "demat_pes"


@dataclasses.dataclass(frozen=True)
class XmlFragment:
    """A piece of XML kept as it was read (an ``ds:Signature`` block), written back verbatim.

    Attributes:
        xml: the serialised element, namespace declarations included.
    """

    xml: str


@dataclasses.dataclass(frozen=True)
class Spec:
    """What every field declaration records.

    Attributes:
        attr: the Python name of the field.
        path: the tags from the model's element down to the field's element.
        required: whether the element must occur.
        many: whether the field is a list of occurrences.
        max_occurs: the upper bound of a list (``None``: unbounded).
        doc: what the field holds (English, one sentence).
    """

    attr: str
    path: tuple[str, ...]
    required: bool
    many: bool
    max_occurs: int | None
    doc: str

    @property
    def tag(self) -> str:
        """The tag of the field's own element."""
        return self.path[-1]


@dataclasses.dataclass(frozen=True)
class ValueSpec(Spec):
    """An empty element carrying the value in its ``V`` attribute.

    Attributes:
        type: the simple type of the value.
        numbering: the value defaults to the position (from 1) of its object in its list.
        computed: a function computing the value from the object when it is left to ``None``.
    """

    type: SimpleType[Any]
    numbering: bool = False
    computed: Callable[[Any], Any] | None = None


@dataclasses.dataclass(frozen=True)
class ChildSpec(Spec):
    """An element whose content is described by another model.

    Attributes:
        model: the model class of the element's content.
        stream: occurrences are written and read one at a time (bordereaux, pièces, PJ), so
            that memory stays bounded whatever their number.
    """

    model: type
    stream: bool = False


@dataclasses.dataclass(frozen=True)
class AttributeSpec(Spec):
    """An XML attribute of the model's own element (``Bordereau@Id``).

    Attributes:
        type: the simple type of the attribute value.
        computed: a function giving the value when it is left to ``None``.
    """

    type: SimpleType[Any]
    computed: Callable[[Any], Any] | None = None


@dataclasses.dataclass(frozen=True)
class FileSpec(Spec):
    """``Contenu/Fichier``: the content of a pièce justificative, gzip then base64.

    Attributes:
        mime_attr: the Python field holding the ``MIMEType`` attribute.
    """

    mime_attr: str


@dataclasses.dataclass(frozen=True)
class FragmentSpec(Spec):
    """A ``ds:Signature`` element, kept verbatim."""


def _metadata(kind: str, **info: Any) -> dict[str, Any]:
    return {_KEY: (kind, info)}


def _path(path: str) -> tuple[str, ...]:
    return tuple(path.split("/"))


@overload
def value(path: str, type: SimpleType[T], *, doc: str = "") -> T: ...
@overload
def value(
    path: str,
    type: SimpleType[T],
    *,
    default: None,
    doc: str = "",
    numbering: bool = False,
    computed: Callable[[Any], Any] | None = None,
) -> T | None: ...
@overload
def value(path: str, type: SimpleType[T], *, default: T, doc: str = "") -> T: ...
def value(
    path: str,
    type: SimpleType[Any],
    *,
    default: Any = dataclasses.MISSING,
    doc: str = "",
    numbering: bool = False,
    computed: Callable[[Any], Any] | None = None,
) -> Any:
    """Declare a field carried by the ``V`` attribute of the element at ``path``.

    Without ``default`` the element is required; ``default=None`` makes it optional.
    """
    required = default is dataclasses.MISSING or (
        default is not None and not numbering and computed is None
    )
    return dataclasses.field(
        default=default,
        metadata=_metadata(
            "value",
            path=_path(path),
            type=type,
            required=required,
            doc=doc,
            numbering=numbering,
            computed=computed,
        ),
    )


def values(
    path: str,
    type: SimpleType[T],
    *,
    min_occurs: int = 0,
    max_occurs: int | None = None,
    doc: str = "",
    default_factory: Callable[[], list[T]] = list,
) -> list[T]:
    """Declare a repeated ``V`` element (``Commentaire``, ``CodeCPVSec``).

    Declarations pass ``default_factory=list`` explicitly: type checkers see a field's default
    only at the call site (PEP 681), so that keeps the field optional in the model's signature.
    """
    field: Any = dataclasses.field(
        default_factory=default_factory,
        metadata=_metadata(
            "values",
            path=_path(path),
            type=type,
            min_occurs=min_occurs,
            max_occurs=max_occurs,
            doc=doc,
        ),
    )
    return field  # type: ignore[no-any-return]


@overload
def child(path: str, model: type[C], *, doc: str = "") -> C: ...
@overload
def child(path: str, model: type[C], *, default: None, doc: str = "") -> C | None: ...
def child(path: str, model: type[Any], *, default: Any = dataclasses.MISSING, doc: str = "") -> Any:
    """Declare a nested block (required unless ``default=None``)."""
    return dataclasses.field(
        default=default,
        metadata=_metadata(
            "child",
            path=_path(path),
            model=model,
            required=default is dataclasses.MISSING,
            doc=doc,
        ),
    )


def children(
    path: str,
    model: type[C],
    *,
    min_occurs: int = 0,
    max_occurs: int | None = None,
    doc: str = "",
    stream: bool = False,
    default_factory: Callable[[], list[C]] = list,
) -> list[C]:
    """Declare a repeated block (``Piece``, ``LigneDePiece``, ``PJRef``…).

    Declarations pass ``default_factory=list`` explicitly, as for :func:`values`.
    """
    field: Any = dataclasses.field(
        default_factory=default_factory,
        metadata=_metadata(
            "children",
            path=_path(path),
            model=model,
            min_occurs=min_occurs,
            max_occurs=max_occurs,
            doc=doc,
            stream=stream,
        ),
    )
    return field  # type: ignore[no-any-return]


def attribute(
    name: str,
    type: SimpleType[T],
    *,
    doc: str = "",
    computed: Callable[[Any], Any] | None = None,
    default: None = None,
) -> T | None:
    """Declare an optional XML attribute of the model's element (``Id``).

    Declarations pass ``default=None`` explicitly, as for :func:`values`.
    """
    field: Any = dataclasses.field(
        default=default,
        metadata=_metadata("attribute", name=name, type=type, doc=doc, computed=computed),
    )
    return field  # type: ignore[no-any-return]


def file_content(path: str, *, mime_attr: str, doc: str = "") -> Any:
    """Declare the content of a pièce justificative (``Contenu/Fichier``)."""
    return dataclasses.field(
        metadata=_metadata("file", path=_path(path), mime_attr=mime_attr, doc=doc)
    )


def fragment(doc: str = "", *, default: None = None) -> XmlFragment | None:
    """Declare an optional ``ds:Signature`` kept verbatim.

    Declarations pass ``default=None`` explicitly, as for :func:`values`.
    """
    field: Any = dataclasses.field(
        default=default,
        metadata=_metadata("fragment", path=(f"{{{XMLDSIG_NS}}}Signature",), doc=doc),
    )
    return field  # type: ignore[no-any-return]


@dataclass_transform(
    kw_only_default=True,
    field_specifiers=(
        value,
        values,
        child,
        children,
        attribute,
        file_content,
        fragment,
        dataclasses.field,
    ),
)
def pes_model(
    cls: type[C] | None = None,
    *,
    choices: Sequence[tuple[int, tuple[tuple[str, ...], ...]]] = (),
    label: tuple[str, str | None] | None = None,
) -> Any:
    """Make a class a PES model: a keyword-only dataclass with slots and registered specs.

    Args:
        cls: the class (when used as a bare decorator).
        choices: the ``xs:choice`` groups flattened into the model, as ``(min_occurs,
            alternatives)`` where each alternative is a tuple of field names; at most one
            alternative may be filled, and one must be when ``min_occurs`` is 1.
        label: how an occurrence is named in error locations, as ``(word, field)``:
            ``("mandat", "numero")`` gives ``"mandat 345"``; with an empty word the field
            (or property) alone names it; with no field (``None``) the rank in the list does.
    """

    def decorate(target: type[C]) -> type[C]:
        made = dataclasses.dataclass(kw_only=True, slots=True)(target)
        made.__pes_label__ = label  # type: ignore[attr-defined]
        made.__pes_specs__ = tuple(_build_specs(made))  # type: ignore[attr-defined]
        made.__pes_choices__ = tuple(choices)  # type: ignore[attr-defined]
        return made

    return decorate(cls) if cls is not None else decorate


def _build_specs(cls: type) -> Iterator[Spec]:
    for field in dataclasses.fields(cls):
        meta = field.metadata.get(_KEY)
        if meta is None:
            continue
        kind, info = meta
        common = {"attr": field.name, "doc": info.get("doc", "")}
        if kind == "value":
            yield ValueSpec(
                path=info["path"],
                required=info["required"],
                many=False,
                max_occurs=1,
                type=info["type"],
                numbering=info["numbering"],
                computed=info["computed"],
                **common,
            )
        elif kind == "values":
            yield ValueSpec(
                path=info["path"],
                required=info["min_occurs"] > 0,
                many=True,
                max_occurs=info["max_occurs"],
                type=info["type"],
                **common,
            )
        elif kind == "child":
            yield ChildSpec(
                path=info["path"],
                required=info["required"],
                many=False,
                max_occurs=1,
                model=info["model"],
                **common,
            )
        elif kind == "children":
            yield ChildSpec(
                path=info["path"],
                required=info["min_occurs"] > 0,
                many=True,
                max_occurs=info["max_occurs"],
                model=info["model"],
                stream=info["stream"],
                **common,
            )
        elif kind == "attribute":
            yield AttributeSpec(
                path=(f"@{info['name']}",),
                required=False,
                many=False,
                max_occurs=1,
                type=info["type"],
                computed=info["computed"],
                **common,
            )
        elif kind == "file":
            yield FileSpec(
                path=info["path"],
                required=True,
                many=False,
                max_occurs=1,
                mime_attr=info["mime_attr"],
                **common,
            )
        elif kind == "fragment":
            yield FragmentSpec(
                path=info["path"], required=False, many=False, max_occurs=1, **common
            )
        else:  # pragma: no cover - the specifiers above are the only producers
            raise AssertionError(kind)


def choices_of(model: type) -> tuple[tuple[int, tuple[tuple[str, ...], ...]], ...]:
    """The flattened ``xs:choice`` groups of a model class."""
    found: tuple[tuple[int, tuple[tuple[str, ...], ...]], ...] = model.__pes_choices__  # type: ignore[attr-defined]
    return found


def specs_of(model: type) -> tuple[Spec, ...]:
    """The specs of a model class, in schema order."""
    specs: tuple[Spec, ...] = model.__pes_specs__  # type: ignore[attr-defined]
    return specs


def iter_specs(
    model: type, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], type, Spec]]:
    """Every spec reachable from ``model``, depth first, with its full element path."""
    for spec in specs_of(model):
        path = prefix + spec.path
        yield path, model, spec
        if isinstance(spec, ChildSpec):
            yield from iter_specs(spec.model, path)


def tag_table(model: type) -> list[tuple[str, str, str, str]]:
    """Rows ``(element path, Python path, type, cardinality)`` for documentation tables.

    Example: ``("Bordereau/BlocBordereau/IdBord", "BordereauDepense.numero", "entier > 0, 7
    chiffres", "1")``.
    """
    rows: list[tuple[str, str, str, str]] = []
    seen: set[type] = set()

    def walk(cls: type, prefix: tuple[str, ...]) -> None:
        for spec in specs_of(cls):
            path = "/".join(prefix + spec.path)
            if isinstance(spec, (ValueSpec, AttributeSpec)):
                kind = spec.type.describe()
            elif isinstance(spec, ChildSpec):
                kind = spec.model.__name__
            elif isinstance(spec, FileSpec):
                kind = "gzip + base64"
            else:
                kind = "ds:Signature"
            low = "1" if spec.required else "0"
            high = "n" if spec.many and spec.max_occurs is None else str(spec.max_occurs or 1)
            rows.append((path, f"{cls.__name__}.{spec.attr}", kind, f"{low}..{high}"))
            if isinstance(spec, ChildSpec) and spec.model not in seen:
                seen.add(spec.model)
                walk(spec.model, prefix + spec.path)

    walk(model, ())
    return rows


def is_enum_type(st: SimpleType[Any]) -> bool:
    """Whether a simple type is a code list."""
    return isinstance(getattr(st, "enum_type", None), type) and issubclass(
        st.enum_type,  # type: ignore[attr-defined]
        enum.Enum,
    )
