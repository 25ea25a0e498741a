"""What the generators share: the element plan, the lines of source, the inline checks.

The writer and the checker emit the same inline tests for the usual valid values and the same
choice rules; the reader and the writer walk the same element plan.
"""

from __future__ import annotations

from typing import Any

from demat_sdk.pes.schema import AttributeSpec, Spec, choices_of, specs_of
from demat_sdk.pes.simpletypes import Booleen, Code, Date, Nombre, SimpleType, Texte

__all__ = [
    "Group",
    "Lines",
    "check_file_content",
    "element_plan",
    "emit_choices",
    "fast_test",
    "present",
]

# --- plans --------------------------------------------------------------------------------


class Group:
    """A wrapper element crossed by the paths of several fields (``BlocPiece``)."""

    def __init__(self, tag: str, nodes: list[Group | tuple[tuple[str, ...], Spec]]) -> None:
        self.tag = tag
        self.nodes = nodes


def _plan(specs: list[tuple[tuple[str, ...], Spec]]) -> list[Group | tuple[tuple[str, ...], Spec]]:
    """Group consecutive specs whose remaining paths share their first tag."""
    nodes: list[Group | tuple[tuple[str, ...], Spec]] = []
    index = 0
    while index < len(specs):
        path, spec = specs[index]
        if len(path) == 1:
            nodes.append((path, spec))
            index += 1
            continue
        head = path[0]
        members = []
        while index < len(specs) and len(specs[index][0]) > 1 and specs[index][0][0] == head:
            members.append((specs[index][0][1:], specs[index][1]))
            index += 1
        nodes.append(Group(head, _plan(members)))
    return nodes


def element_plan(model: type) -> list[Group | tuple[tuple[str, ...], Spec]]:
    return _plan([(s.path, s) for s in specs_of(model) if not isinstance(s, AttributeSpec)])


class Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def source(self) -> str:
        return "\n".join(self.lines) + "\n"


def fast_test(st: SimpleType[Any], attr: str, ns: dict[str, Any]) -> str | None:
    if isinstance(st, Texte):
        if st.max_length is None:
            return None
        # CLEAN: a text the policy writes exactly as it is (no mapping, nothing to escape);
        # from three characters on, the V_BaseString rules can only fail on a line break,
        # which CLEAN excludes. Anything else takes the full check.
        low = max(st.min_length, 3) if st.base_string else st.min_length
        test = f"FAST and type(v) is str and {low} <= len(v) <= {st.max_length} and CLEAN(v)"
        for number, pattern in enumerate(st._compiled):
            ns[f"PATTERN_{attr}_{number}"] = pattern.fullmatch
            test += f" and PATTERN_{attr}_{number}(v)"
        if st.not_all_zeros:
            test += " and v.strip('0')"
        return f"({test})"
    if isinstance(st, Nombre) and st.is_integer and st.total_digits is not None:
        return f"(type(v) is int and {st._low} < v < {st._high})"
    if isinstance(st, Date):
        return "(type(v) is DATE)"
    if isinstance(st, (Booleen,)):
        return "(type(v) is bool)"
    if isinstance(st, Code):
        ns[f"E_{attr}"] = st.enum_type
        ns[f"KNOWN_{attr}"] = frozenset(m.value for m in st.enum_type)
        return f"(type(v) is E_{attr} and v._value_ in KNOWN_{attr})"
    return None


def _presence(spec: Spec) -> str:
    """The expression telling whether a field of ``o`` is filled."""
    if spec.many:
        return f"present(o.{spec.attr})"
    return f"(o.{spec.attr} is not None)"


def present(value: object) -> bool:
    return value is not None and value != []


def check_file_content(content: object) -> str | None:
    import os

    if isinstance(content, (bytes, bytearray, memoryview, os.PathLike)):
        return None
    if hasattr(content, "read"):
        return None
    if type(content).__name__ == "PesAller":
        return None
    if isinstance(content, str):
        return "a PJ content given as str: pass bytes, a pathlib.Path or a binary stream"
    return f"unsupported PJ content {type(content).__name__}"


def emit_choices(out: Lines, model: type, ns: dict[str, Any], where: str) -> None:
    """The ``xs:choice`` rules of a model, reported to ``P(<where>, field, message)``."""
    specs = {spec.attr: spec for spec in specs_of(model)}
    for number, (minimum, marked) in enumerate(choices_of(model)):
        alternatives = tuple(tuple(name.rstrip("!") for name in alt) for alt in marked)
        required = tuple(tuple(n[:-1] for n in alt if n.endswith("!")) for alt in marked)
        ns[f"CHOICE_{number}"] = alternatives
        ns[f"REQUIRED_{number}"] = dict(zip(alternatives, required, strict=True))
        flags = []
        for rank, alt in enumerate(alternatives):
            out(1, f"a{rank} = " + " or ".join(_presence(specs[name]) for name in alt))
            flags.append(f"a{rank}")
        out(1, f"filled = [alt for alt, on in zip(CHOICE_{number}, ({', '.join(flags)},)) if on]")
        names = " | ".join("+".join(alt) for alt in alternatives)
        out(1, "if len(filled) > 1:")
        out(2, f"P({where}, filled[0][0], 'fill only one of: {names}')")
        if minimum:
            out(1, "elif not filled:")
            out(2, f"P({where}, '{alternatives[0][0]}', 'one of these is required: {names}')")
        out(1, "for alt in filled[:1]:")
        out(2, f"for f in REQUIRED_{number}[alt]:")
        out(3, "if not present(getattr(o, f)):")
        out(4, f"P({where}, f, 'is required with ' + '+'.join(alt))")
    ns["present"] = present
