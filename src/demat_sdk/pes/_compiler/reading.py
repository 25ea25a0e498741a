"""The generated reader of a model: from an lxml element, reporting what it cannot read."""

from __future__ import annotations

from typing import Any

from demat_sdk.pes._compiler.shared import Group, Lines, element_plan
from demat_sdk.pes.schema import (
    AttributeSpec,
    ChildSpec,
    FileSpec,
    FragmentSpec,
    Spec,
    ValueSpec,
    specs_of,
)
from demat_sdk.pes.simpletypes import Annee, Booleen, Code, Date, Nombre, SimpleType, Texte

__all__ = ["BOOLEANS", "read_source", "value_expression"]

BOOLEANS = {"0": False, "1": True, "false": False, "true": True}
"""The values of an ``xs:boolean``."""


# --- reader -------------------------------------------------------------------------------


def value_expression(st: SimpleType[Any], raw: str, const: str) -> str:
    """The expression decoding the raw ``V`` text; it raises when the text is unreadable.

    ``const`` names the simple type in the generated namespace (``MEMBERS_<const>`` holds a
    code's members by value); a text is taken as it is.
    """
    if isinstance(st, Texte):
        return raw
    if isinstance(st, Nombre):
        return f"int({raw})" if st.is_integer else f"Decimal({raw})"
    if isinstance(st, Date):
        return f"date_fromisoformat({raw})"
    if isinstance(st, Annee):
        return f"int({raw})"
    if isinstance(st, Booleen):
        return f"BOOL[{raw}]"
    if isinstance(st, Code):
        return f"MEMBERS_{const}[{raw}]"
    raise TypeError(st)  # pragma: no cover


def _parse_stmt(st: SimpleType[Any], var: str, raw: str, elem: str, const: str) -> list[str]:
    """Statements setting ``var`` from the raw ``V`` text, or reporting it unreadable."""
    if isinstance(st, Texte):
        return [f"{var} = {raw} if {raw} is not None else R.bad({elem}, {const})"]
    if isinstance(st, Code):
        return [
            f"{var} = MEMBERS_{const}.get({raw})",
            f"if {var} is None: {var} = R.code({elem}, {const})",
        ]
    return [
        "try:",
        f"    {var} = {value_expression(st, raw, const)}",
        "except Exception:",
        f"    {var} = R.bad({elem}, {const})",
    ]


_ABSENT = object()
"""What a required single field holds in a generated reader until its element is met."""


def _checked_for_absence(spec: Spec) -> bool:
    """A required single field, whose element must be reported when absent."""
    return spec.required and not spec.many


def read_source(model: type, ns: dict[str, Any]) -> str:
    out = Lines()
    specs = specs_of(model)
    ns["BOOL"] = BOOLEANS
    out(0, "def _generated(e, R):")
    ns["ABSENT"] = _ABSENT
    for spec in specs:
        if spec.many:
            out(1, f"v_{spec.attr} = []")
        elif _checked_for_absence(spec):
            out(1, f"v_{spec.attr} = ABSENT")
        else:
            out(1, f"v_{spec.attr} = None")
        if isinstance(spec, (ValueSpec, AttributeSpec)):
            ns[f"T_{spec.attr}"] = spec.type
            if isinstance(spec.type, Code):
                members = dict(spec.type.enum_type._value2member_map_)
                ns[f"MEMBERS_T_{spec.attr}"] = members
        if isinstance(spec, ChildSpec):
            ns[f"r_{spec.attr}"] = ns["model_reader"](spec.model)
        if isinstance(spec, FileSpec):
            out(1, f"v_{spec.mime_attr} = None")
    for spec in specs:
        if isinstance(spec, AttributeSpec):
            name = spec.path[0][1:]
            absent = ", ABSENT" if _checked_for_absence(spec) else ""
            out(1, f"v_{spec.attr} = e.get('{name}'{absent})")
    _read_nodes(out, element_plan(model), 1, "e", 0)
    for spec in specs:
        streamed = isinstance(spec, ChildSpec) and spec.stream  # checked by the streaming reader
        if spec.required and spec.many and not streamed:
            out(1, f"if not v_{spec.attr}: R.missing(e, '{'/'.join(spec.path)}')")
        elif _checked_for_absence(spec):
            # Absent, not unreadable: an element whose value could not be read is reported
            # once, by what read it.
            out(1, f"if v_{spec.attr} is ABSENT:")
            out(2, f"R.missing(e, '{'/'.join(spec.path)}')")
            out(2, f"v_{spec.attr} = None")
    args = [f"{s.attr}=v_{s.attr}" for s in specs]
    args += [f"{s.mime_attr}=v_{s.mime_attr}" for s in specs if isinstance(s, FileSpec)]
    out(1, f"return MODEL({', '.join(args)})")
    ns["MODEL"] = model
    return out.source()


def _read_nodes(
    out: Lines,
    nodes: list[Group | tuple[tuple[str, ...], Spec]],
    depth: int,
    parent: str,
    level: int,
) -> None:
    child = f"c{level}"
    tag = f"t{level}"
    out(depth, f"for {child} in {parent}:")
    out(depth + 1, f"{tag} = {child}.tag")
    keyword = "if"
    for node in nodes:
        if isinstance(node, Group):
            out(depth + 1, f"{keyword} {tag} == '{node.tag}':")
            _read_nodes(out, node.nodes, depth + 2, child, level + 1)
            keyword = "elif"
            continue
        path, spec = node
        out(depth + 1, f"{keyword} {tag} == {path[0]!r}:")
        keyword = "elif"
        body = depth + 2
        var = f"v_{spec.attr}"
        if isinstance(spec, ValueSpec):
            out(body, f"raw = {child}.get('V')")
            target = "x" if spec.many else var
            for line in _parse_stmt(spec.type, target, "raw", child, f"T_{spec.attr}"):
                out(body, line)
            if spec.many:
                out(body, f"if x is not None: {var}.append(x)")
        elif isinstance(spec, ChildSpec):
            if spec.many:
                out(body, f"{var}.append(r_{spec.attr}({child}, R))")
            else:
                out(body, f"{var} = r_{spec.attr}({child}, R)")
        elif isinstance(spec, FileSpec):
            out(body, f"v_{spec.mime_attr} = {child}.get('MIMEType')")
            out(body, f"{var} = R.file({child})")
        elif isinstance(spec, FragmentSpec):
            out(body, f"{var} = R.fragment({child})")
    out(depth + 1, "else:")
    out(depth + 2, f"R.unexpected({child})")
