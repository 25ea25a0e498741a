"""Turn the declarative schema of each model into three specialised functions.

For every model class this module generates, once, the Python source of:

* a **writer** that appends the element's XML text to a list of chunks, in schema order;
* a **checker** that reports every field breaking its facet, cardinality or choice rule,
  with the location of the object (``bordereau 12 / mandat 345 / ligne 2``);
* a **reader** that builds the model from an lxml element, tolerating what a third-party file
  may get wrong (unknown elements, unreadable values) and reporting it with the line.

Generated code, rather than a loop interpreting the specs, is what makes the writer and the
reader fast: a field costs one attribute access and one string concatenation. The source of each
function is registered in :mod:`linecache`, so tracebacks show it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import linecache
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from demat_sdk.pes.schema import (
    AttributeSpec,
    ChildSpec,
    FileSpec,
    FragmentSpec,
    Spec,
    ValueSpec,
    choices_of,
    specs_of,
)
from demat_sdk.pes.simpletypes import Annee, Booleen, Code, Date, Nombre, SimpleType, Texte

__all__ = ["checker", "location", "reader", "writer"]

Writer = Callable[..., None]
Checker = Callable[..., None]
Reader = Callable[[Any, Any], Any]

_WRITERS: dict[type, Writer] = {}
_CHECKERS: dict[type, Checker] = {}
_READERS: dict[type, Reader] = {}
_counter = itertools.count()


def writer(model: type) -> Writer:
    """The writer of a model class: ``w(obj, start, end, ctx, append, index, report, loc)``.

    It checks each value as it writes it and calls ``report(loc, attr, message)`` for each
    problem (see :func:`location`); ``report`` returns whether the problem is real (``False``
    for a note, such as a text the policy truncates).
    """
    found = _WRITERS.get(model)
    if found is None:
        found = _WRITERS[model] = _compile(model, "write", _write_source)
    return found


def checker(model: type) -> Checker:
    """The checker of a model class: ``c(obj, report, where, index)``."""
    found = _CHECKERS.get(model)
    if found is None:
        found = _CHECKERS[model] = _compile(model, "check", _check_source)
    return found


def reader(model: type) -> Reader:
    """The reader of a model class: ``r(element, ctx) -> obj``."""
    found = _READERS.get(model)
    if found is None:
        found = _READERS[model] = _compile(model, "read", _read_source)
    return found


# --- plans --------------------------------------------------------------------------------


class _Group:
    """A wrapper element crossed by the paths of several fields (``BlocPiece``)."""

    def __init__(self, tag: str, nodes: list[_Group | tuple[tuple[str, ...], Spec]]) -> None:
        self.tag = tag
        self.nodes = nodes


def _plan(specs: list[tuple[tuple[str, ...], Spec]]) -> list[_Group | tuple[tuple[str, ...], Spec]]:
    """Group consecutive specs whose remaining paths share their first tag."""
    nodes: list[_Group | tuple[tuple[str, ...], Spec]] = []
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
        nodes.append(_Group(head, _plan(members)))
    return nodes


def _element_plan(model: type) -> list[_Group | tuple[tuple[str, ...], Spec]]:
    return _plan([(s.path, s) for s in specs_of(model) if not isinstance(s, AttributeSpec)])


def _compile(model: type, kind: str, make: Callable[[type, dict[str, Any]], str]) -> Any:
    namespace: dict[str, Any] = {
        "Decimal": Decimal,
        "DATE": dt.date,
        "date_fromisoformat": dt.date.fromisoformat,
        "model_writer": writer,
        "model_checker": checker,
        "model_reader": reader,
    }
    source = make(model, namespace)
    filename = f"<pes-{kind}-{model.__name__}-{next(_counter)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - source generated above
    return namespace["_generated"]


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def source(self) -> str:
        return "\n".join(self.lines) + "\n"


# --- writer -------------------------------------------------------------------------------
#
# The writer checks every value in the same pass as it writes it: the usual valid value passes
# an inline test and is appended as it is; anything else goes through the full check of its
# simple type, and a problem is reported (``P``) with a location built only then from the lazy
# chain ``loc = (parent loc, label, object, index)``. The caller discards the output when a
# problem was reported; values that fail their check are still written when they can be
# formatted, so that an unchecked document (a test of the XSD against the checks) shows them.


def _format_expr(st: SimpleType[Any], var: str) -> str:
    if isinstance(st, Texte):
        return f"esc({var}, {st.max_length})"
    if isinstance(st, Nombre):
        if st.is_integer:
            return f"str({var})"
        return f"format({var}, '.{st.fraction_digits}f')"
    if isinstance(st, Date):
        return f"{var}.isoformat()"
    if isinstance(st, Annee):
        return f"str({var})"
    if isinstance(st, Booleen):
        return f"('1' if {var} else '0')"
    if isinstance(st, Code):
        return f"{var}._value_"
    raise TypeError(st)  # pragma: no cover


def _child_label(spec: ChildSpec) -> tuple[str | None, str | None, str]:
    """How an occurrence of a child is named in locations: ``(word, field, attr)``."""
    label = getattr(spec.model, "__pes_label__", None)
    if label is None:
        return None, None, spec.attr
    word, field = label
    return word, field, spec.attr


def location(loc: Any) -> tuple[str, ...]:
    """The readable location (``("bordereau 12", "mandat 345")``) of a writer's lazy ``loc``."""
    parts: list[str] = []
    while loc is not None:
        loc, (word, field, attr), obj, index = loc
        fallback = index if index else "?"
        if word is None:
            parts.append(f"{attr}[{index}]" if index else attr)
        elif field is None:
            parts.append(f"{word} {fallback}")
        else:
            shown = getattr(obj, field, None)
            shown = fallback if shown is None else shown
            parts.append(f"{word} {shown}" if word else str(shown))
    return tuple(reversed(parts))


def _emit_value(
    out: _Lines,
    depth: int,
    spec: ValueSpec | AttributeSpec,
    emit: Callable[[str], str],
    ns: dict[str, Any],
) -> None:
    """Check ``v`` (not ``None``) and append it; ``emit`` turns a text expression into code."""
    st = spec.type
    attr = spec.attr
    ns[f"T_{attr}"] = st
    fast = _fast_test(st, attr, ns)
    fast_text = "v" if isinstance(st, Texte) else _format_expr(st, "v")
    slow = f"TXT(v, T_{attr})" if isinstance(st, Texte) else f"T_{attr}.problem(v)"
    if fast:
        out(depth, f"if {fast}:")
        out(depth + 1, emit(fast_text))
        out(depth + 1, "m = None")
        out(depth, "else:")
        depth += 1
    out(depth, f"m = {slow}")
    out(depth, f"if m is None or not P(loc, '{attr}', m):")
    out(depth + 1, "m = None")
    out(depth + 1, emit(_format_expr(st, "v")))
    out(depth, "else:")
    out(depth + 1, "try:")
    out(depth + 2, emit(_format_expr(st, "v")))
    out(depth + 1, "except Exception:  # noqa: BLE001 - reported above, the output is discarded")
    out(depth + 2, "pass")


def _write_source(model: type, ns: dict[str, Any]) -> str:
    out = _Lines()
    out(0, "def _generated(o, start, end, ctx, a, idx, P, loc):")
    out(1, "esc = ctx.escape")
    out(1, "TXT = ctx.policy")
    out(1, "FAST = ctx.fast")
    out(1, "CLEAN = TXT.written_as_is")
    attrs = [s for s in specs_of(model) if isinstance(s, AttributeSpec)]
    if attrs:
        out(1, "a(start)")
        for spec in attrs:
            name = spec.path[0][1:]
            out(1, f"v = o.{spec.attr}")
            out(1, "if v is None:")
            if spec.computed is not None:
                ns[f"compute_{spec.attr}"] = spec.computed
                out(2, f"v = compute_{spec.attr}(o)")
                out(2, "if v is not None:")
                out(3, f"a(' {name}=\"' + esc(v, None) + '\"')")
            else:
                out(2, "pass")
            out(1, "else:")

            def emit_attribute(text: str, name: str = name) -> str:
                return f"a(' {name}=\"' + {text} + '\"')"

            _emit_value(out, 2, spec, emit_attribute, ns)
        out(1, "a('>')")
    else:
        out(1, "a(start + '>')")
    _write_nodes(out, _element_plan(model), 1, ns)
    _emit_choices(out, model, ns, "loc")
    out(1, "a(end)")
    return out.source()


def _write_nodes(
    out: _Lines, nodes: list[_Group | tuple[tuple[str, ...], Spec]], depth: int, ns: dict[str, Any]
) -> None:
    for node in nodes:
        if isinstance(node, _Group):
            out(depth, f"a('<{node.tag}>')")
            _write_nodes(out, node.nodes, depth, ns)
            out(depth, f"a('</{node.tag}>')")
            continue
        path, spec = node
        tag = path[0]
        full = "/".join(spec.path)
        attr = spec.attr
        if isinstance(spec, ValueSpec):

            def emit(text: str, tag: str = tag) -> str:
                return f"a('<{tag} V=\"' + {text} + '\"/>')"

            if spec.many:
                out(depth, f"vs = o.{attr}")
                out(depth, "if not isinstance(vs, list):")
                out(depth + 1, f"P(loc, '{attr}', 'expected a list ({full})')")
                out(depth, "else:")
                if spec.required:
                    out(
                        depth + 1,
                        f"if not vs: P(loc, '{attr}', 'at least one value is required ({full})')",
                    )
                if spec.max_occurs is not None:
                    out(depth + 1, f"if len(vs) > {spec.max_occurs}:")
                    out(depth + 2, f"P(loc, '{attr}', 'at most {spec.max_occurs} values ({full})')")
                out(depth + 1, "for v in vs:")
                _emit_value(out, depth + 2, spec, emit, ns)
                continue
            out(depth, f"v = o.{attr}")
            out(depth, "if v is None:")
            if spec.required:
                out(depth + 1, f"P(loc, '{attr}', 'is required ({full})')")
            if spec.numbering:
                out(depth + 1, "v = idx")
            if spec.computed is not None:
                ns[f"compute_{attr}"] = spec.computed
                out(depth + 1, f"v = compute_{attr}(o)")
            if spec.numbering or spec.computed is not None:
                out(depth + 1, "if v is not None:")
                out(depth + 2, emit(_format_expr(spec.type, "v")))
            elif not spec.required:
                out(depth + 1, "pass")
            out(depth, "else:")
            _emit_value(out, depth + 1, spec, emit, ns)
            if spec.computed is not None:
                out(depth + 1, "if m is None and TXT.business_rules:")
                out(depth + 2, f"cv = compute_{attr}(o)")
                out(depth + 2, "if cv is not None and cv != v:")
                out(
                    depth + 3,
                    f"P(loc, '{attr}', 'is ' + str(v) + ' but the content gives ' + str(cv) + "
                    f"' ({full})')",
                )
        elif isinstance(spec, ChildSpec):
            ns[f"w_{attr}"] = writer(spec.model)
            ns[f"C_{attr}"] = spec.model
            ns[f"L_{attr}"] = _child_label(spec)
            call = f"w_{attr}(v, '<{tag}', '</{tag}>', ctx, a, "
            wrong = f"P(loc, '{attr}', 'expected {spec.model.__name__}, got ' + type(v).__name__)"
            if spec.many:
                out(depth, f"vs = o.{attr}")
                out(depth, "if not isinstance(vs, list):")
                out(depth + 1, f"P(loc, '{attr}', 'expected a list ({full})')")
                out(depth + 1, "vs = ()")
                if spec.required:
                    out(depth, "elif not vs:")
                    out(depth + 1, f"P(loc, '{attr}', 'at least one is required ({full})')")
                if spec.max_occurs is not None:
                    out(depth, f"elif len(vs) > {spec.max_occurs}:")
                    out(
                        depth + 1, f"P(loc, '{attr}', 'at most {spec.max_occurs} allowed ({full})')"
                    )
                out(depth, "for i, v in enumerate(vs, 1):")
                out(depth + 1, f"if type(v) is not C_{attr}:")
                out(depth + 2, wrong)
                out(depth + 1, "else:")
                out(depth + 2, call + f"i, P, (loc, L_{attr}, v, i))")
                if spec.stream:
                    out(depth + 2, "ctx.flush()")
            else:
                out(depth, f"v = o.{attr}")
                out(depth, "if v is None:")
                if spec.required:
                    out(depth + 1, f"P(loc, '{attr}', 'is required ({full})')")
                else:
                    out(depth + 1, "pass")
                out(depth, f"elif type(v) is not C_{attr}:")
                out(depth + 1, wrong)
                out(depth, "else:")
                out(depth + 1, call + f"0, P, (loc, L_{attr}, v, 0))")
        elif isinstance(spec, FileSpec):
            ns["check_file_content"] = _check_file_content
            out(depth, f"m = check_file_content(o.{attr})")
            out(depth, "if m is not None:")
            out(depth + 1, f"P(loc, '{attr}', m)")
            out(depth, "else:")
            out(depth + 1, f"ctx.write_file(o, o.{attr}, o.{spec.mime_attr}, '{tag}')")
        elif isinstance(spec, FragmentSpec):
            out(depth, f"v = o.{attr}")
            out(depth, "if v is not None:")
            out(depth + 1, "a(ctx.fragment(v))")


def _emit_choices(out: _Lines, model: type, ns: dict[str, Any], where: str) -> None:
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
        out(3, "if not _present(getattr(o, f)):")
        out(4, f"P({where}, f, 'is required with ' + '+'.join(alt))")
    ns["_present"] = _present


# --- checker ------------------------------------------------------------------------------


def _label_expr(spec: ChildSpec, index_var: str | None) -> str:
    label = getattr(spec.model, "__pes_label__", None)
    if label is not None:
        word, field = label
        fallback = index_var if index_var else "'?'"
        if field is None:
            return f"'{word} ' + str({fallback})"
        prefix = f"'{word} ' + " if word else ""
        return f"{prefix}str(v.{field} if getattr(v, '{field}', None) is not None else {fallback})"
    if index_var:
        return f"'{spec.attr}[' + str({index_var}) + ']'"
    return f"'{spec.attr}'"


def _check_expr(st: SimpleType[Any], attr: str, ns: dict[str, Any]) -> str:
    """The problem of ``v``: an inline test for the usual valid value, else the full check.

    Texts go through the text policy of the write (Latin-1 mapping, truncation).
    """
    slow = f"TXT(v, T_{attr})" if isinstance(st, Texte) else f"T_{attr}.problem(v)"
    fast = _fast_test(st, attr, ns)
    return f"(None if {fast} else {slow})" if fast else slow


def _fast_test(st: SimpleType[Any], attr: str, ns: dict[str, Any]) -> str | None:
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


def _check_source(model: type, ns: dict[str, Any]) -> str:
    out = _Lines()
    out(0, "def _generated(o, P, where, idx, TXT):")
    out(1, "FAST = not TXT.truncate")
    out(1, "CLEAN = TXT.written_as_is")
    ns["DATE"] = dt.date
    for spec in specs_of(model):
        attr = spec.attr
        tag = "/".join(spec.path)
        if isinstance(spec, (ValueSpec, AttributeSpec)):
            ns[f"T_{attr}"] = spec.type
            if isinstance(spec, ValueSpec) and spec.many:
                out(1, f"vs = o.{attr}")
                out(1, "if not isinstance(vs, list):")
                out(2, f"P(where, '{attr}', 'expected a list ({tag})')")
                out(1, "else:")
                if spec.required:
                    out(
                        2,
                        f"if not vs: P(where, '{attr}', 'at least one value is required ({tag})')",
                    )
                if spec.max_occurs is not None:
                    out(2, f"if len(vs) > {spec.max_occurs}:")
                    out(3, f"P(where, '{attr}', 'at most {spec.max_occurs} values ({tag})')")
                out(2, "for v in vs:")
                out(3, f"m = {_check_expr(spec.type, attr, ns)}")
                out(3, f"if m is not None: P(where, '{attr}', m)")
                continue
            out(1, f"v = o.{attr}")
            out(1, "if v is None:")
            if spec.required:
                out(2, f"P(where, '{attr}', 'is required ({tag})')")
            else:
                out(2, "pass")
            out(1, "else:")
            out(2, f"m = {_check_expr(spec.type, attr, ns)}")
            out(2, f"if m is not None: P(where, '{attr}', m)")
            computed = spec.computed if isinstance(spec, ValueSpec) else None
            if computed is not None:
                ns[f"compute_{attr}"] = computed
                out(2, "elif TXT.business_rules:")
                out(3, f"cv = compute_{attr}(o)")
                out(3, "if cv is not None and cv != v:")
                out(
                    4,
                    f"P(where, '{attr}', 'is ' + str(v) + ' but the content gives ' + str(cv) + "
                    f"' ({tag})')",
                )
        elif isinstance(spec, ChildSpec):
            ns[f"C_{attr}"] = spec.model
            ns[f"c_{attr}"] = checker(spec.model)
            if spec.many:
                out(1, f"vs = o.{attr}")
                out(1, "if not isinstance(vs, list):")
                out(2, f"P(where, '{attr}', 'expected a list ({tag})')")
                out(1, "else:")
                if spec.required:
                    out(2, f"if not vs: P(where, '{attr}', 'at least one is required ({tag})')")
                if spec.max_occurs is not None:
                    out(2, f"if len(vs) > {spec.max_occurs}:")
                    out(3, f"P(where, '{attr}', 'at most {spec.max_occurs} allowed ({tag})')")
                out(2, "for i, v in enumerate(vs, 1):")
                out(3, f"if type(v) is not C_{attr}:")
                out(
                    4,
                    f"P(where, '{attr}', 'expected {spec.model.__name__}, got ' + "
                    "type(v).__name__)",
                )
                out(3, "else:")
                out(4, f"c_{attr}(v, P, where + ({_label_expr(spec, 'i')},), i, TXT)")
            else:
                out(1, f"v = o.{attr}")
                out(1, "if v is None:")
                if spec.required:
                    out(2, f"P(where, '{attr}', 'is required ({tag})')")
                else:
                    out(2, "pass")
                out(1, f"elif type(v) is not C_{attr}:")
                out(
                    2,
                    f"P(where, '{attr}', 'expected {spec.model.__name__}, got ' + "
                    "type(v).__name__)",
                )
                out(1, "else:")
                out(2, f"c_{attr}(v, P, where + ({_label_expr(spec, None)},), 0, TXT)")
        elif isinstance(spec, FileSpec):
            out(1, f"m = ctx_check_file(o.{attr})")
            out(1, f"if m is not None: P(where, '{attr}', m)")
            ns["ctx_check_file"] = _check_file_content
    _emit_choices(out, model, ns, "where")
    return out.source()


def _presence(spec: Spec) -> str:
    """The expression telling whether a field of ``o`` is filled."""
    if spec.many:
        return f"_present(o.{spec.attr})"
    return f"(o.{spec.attr} is not None)"


def _present(value: object) -> bool:
    return value is not None and value != []


def _check_file_content(content: object) -> str | None:
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


# --- reader -------------------------------------------------------------------------------


def _parse_stmt(st: SimpleType[Any], var: str, raw: str, elem: str, const: str) -> list[str]:
    """Statements setting ``var`` from the raw ``V`` text, or reporting it unreadable."""
    if isinstance(st, Texte):
        return [f"{var} = {raw} if {raw} is not None else R.bad({elem}, {const})"]
    if isinstance(st, Nombre):
        expr = f"int({raw})" if st.is_integer else f"Decimal({raw})"
    elif isinstance(st, Date):
        expr = f"date_fromisoformat({raw})"
    elif isinstance(st, Annee):
        expr = f"int({raw})"
    elif isinstance(st, Booleen):
        expr = f"BOOL[{raw}]"
    elif isinstance(st, Code):
        return [
            f"{var} = MEMBERS_{const}.get({raw})",
            f"if {var} is None: {var} = R.code({elem}, {const})",
        ]
    else:  # pragma: no cover
        raise TypeError(st)
    return [
        "try:",
        f"    {var} = {expr}",
        "except Exception:",
        f"    {var} = R.bad({elem}, {const})",
    ]


def _read_source(model: type, ns: dict[str, Any]) -> str:
    out = _Lines()
    specs = specs_of(model)
    ns["BOOL"] = {"0": False, "1": True, "false": False, "true": True}
    out(0, "def _generated(e, R):")
    for spec in specs:
        if spec.many:
            out(1, f"v_{spec.attr} = []")
        else:
            out(1, f"v_{spec.attr} = None")
        if isinstance(spec, (ValueSpec, AttributeSpec)):
            ns[f"T_{spec.attr}"] = spec.type
            if isinstance(spec.type, Code):
                members = dict(spec.type.enum_type._value2member_map_)
                ns[f"MEMBERS_T_{spec.attr}"] = members
        if isinstance(spec, ChildSpec):
            ns[f"r_{spec.attr}"] = reader(spec.model)
        if isinstance(spec, FileSpec):
            out(1, f"v_{spec.mime_attr} = None")
    for spec in specs:
        if isinstance(spec, AttributeSpec):
            name = spec.path[0][1:]
            out(1, f"v_{spec.attr} = e.get('{name}')")
    _read_nodes(out, _element_plan(model), 1, "e", 0)
    for spec in specs:
        if spec.required and not (isinstance(spec, ChildSpec) and spec.stream):
            test = f"not v_{spec.attr}" if spec.many else f"v_{spec.attr} is None"
            out(1, f"if {test}: R.missing(e, '{'/'.join(spec.path)}')")
    args = [f"{s.attr}=v_{s.attr}" for s in specs]
    args += [f"{s.mime_attr}=v_{s.mime_attr}" for s in specs if isinstance(s, FileSpec)]
    out(1, f"return MODEL({', '.join(args)})")
    ns["MODEL"] = model
    return out.source()


def _read_nodes(
    out: _Lines,
    nodes: list[_Group | tuple[tuple[str, ...], Spec]],
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
        if isinstance(node, _Group):
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
