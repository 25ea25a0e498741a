"""The generated checker of a model: every facet, cardinality and choice problem, located."""

from __future__ import annotations

from typing import Any

from demat_sdk.pes._compiler.shared import Lines, check_file_content, emit_choices, fast_test
from demat_sdk.pes.schema import AttributeSpec, ChildSpec, FileSpec, ValueSpec, specs_of
from demat_sdk.pes.simpletypes import SimpleType, Texte

__all__ = ["check_source"]


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
    fast = fast_test(st, attr, ns)
    return f"(None if {fast} else {slow})" if fast else slow


def check_source(model: type, ns: dict[str, Any]) -> str:
    out = Lines()
    out(0, "def _generated(o, P, where, idx, TXT):")
    out(1, "FAST = not TXT.truncate")
    out(1, "CLEAN = TXT.written_as_is")
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
            ns[f"c_{attr}"] = ns["model_checker"](spec.model)
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
            ns["ctx_check_file"] = check_file_content
    emit_choices(out, model, ns, "where")
    return out.source()
