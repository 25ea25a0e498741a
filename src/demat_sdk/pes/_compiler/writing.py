"""The generated writer of a model: it checks each value as it writes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from demat_sdk.pes._compiler.shared import (
    Group,
    Lines,
    check_file_content,
    element_plan,
    emit_choices,
    fast_test,
)
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

__all__ = ["location", "write_source"]


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
    """The readable location of a writer's lazy ``loc``.

    For instance ``("depense", "bordereau 12", "mandat 345")``.
    """
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
    out: Lines,
    depth: int,
    spec: ValueSpec | AttributeSpec,
    emit: Callable[[str], str],
    ns: dict[str, Any],
) -> None:
    """Check ``v`` (not ``None``) and append it; ``emit`` turns a text expression into code."""
    st = spec.type
    attr = spec.attr
    ns[f"T_{attr}"] = st
    fast = fast_test(st, attr, ns)
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


def write_source(model: type, ns: dict[str, Any]) -> str:
    out = Lines()
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
    _write_nodes(out, element_plan(model), 1, ns)
    emit_choices(out, model, ns, "loc")
    out(1, "a(end)")
    return out.source()


def _write_nodes(
    out: Lines, nodes: list[Group | tuple[tuple[str, ...], Spec]], depth: int, ns: dict[str, Any]
) -> None:
    for node in nodes:
        if isinstance(node, Group):
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
            ns[f"w_{attr}"] = ns["model_writer"](spec.model)
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
            ns["check_file_content"] = check_file_content
            out(depth, f"m = check_file_content(o.{attr})")
            out(depth, "if m is not None:")
            out(depth + 1, f"P(loc, '{attr}', m)")
            out(depth, "else:")
            out(depth + 1, f"ctx.write_file(o, o.{attr}, o.{spec.mime_attr}, '{tag}')")
        elif isinstance(spec, FragmentSpec):
            out(depth, f"v = o.{attr}")
            out(depth, "if v is not None:")
            out(depth + 1, "a(ctx.fragment(v))")
