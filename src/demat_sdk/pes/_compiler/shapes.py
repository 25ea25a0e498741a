"""The reader's fast path: a pièce read from its serialised text, one generated function per shape.

Reading a pièce element by element costs a Python object per element (some sixty per mandat).
The fast path asks lxml for the pièce's text instead (one call in C) and splits it on ``"``:
the even parts are the markup, the odd ones the attribute values. The markup alone is the
pièce's *shape*; within a flux most pièces share a few shapes. For each shape seen twice, a
function is generated that builds the model straight from the values by position
(``Mandat(numero=int(p[3]), …)``), with the same decoding as the element reader.

The element reader (:func:`demat_sdk.pes._compiler.reader`) stays the reference: a pièce
goes to it whenever the fast path cannot read it exactly as it would, so what is read and
what is reported never depends on the path taken. That is the case when the text holds an
escaped character (``&``), when its shape has text, comments, an unknown or repeated element,
a missing required element or an embedded document, and when a value does not decode.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

from lxml import etree

from demat_sdk.pes import xmlsafety
from demat_sdk.pes._compiler.reading import value_expression
from demat_sdk.pes._compiler.shared import Group, element_plan
from demat_sdk.pes.schema import AttributeSpec, ChildSpec, Spec, ValueSpec, specs_of
from demat_sdk.pes.simpletypes import Code

__all__ = ["ShapeReader", "shape_source"]

Reader = Callable[[Any, Any], Any]

MAX_SHAPES = 256
"""Shapes given a function, per model; beyond, new shapes take the element reader."""

MAX_PARTS = 4001
"""Pièces of more parts (2,000 values) take the element reader: their function would be huge."""

_PLACEHOLDER = "v:"
"""What stands for the value of ``p[<index>]`` in a skeleton (an absolute URI, so that a
namespace declaration stays valid too)."""


class ShapeReader:
    """Reads a pièce through the function of its shape, or through the element reader.

    Args:
        slow: the element reader of the model, ``r(element, ctx) -> obj``.
        compile_shape: generates the function of a skeleton (``f(parts) -> obj``), or gives
            ``None`` when the element reader must read that shape.
    """

    def __init__(
        self, slow: Reader, compile_shape: Callable[[str], Callable[[list[str]], Any] | None]
    ) -> None:
        self._slow = slow
        self._compile_shape = compile_shape
        self._shapes: dict[str, Callable[[list[str]], Any] | None] = {}
        self._seen: set[int] = set()

    def __call__(self, element: Any, context: Any) -> Any:
        text = etree.tostring(element, encoding="unicode", with_tail=False)
        if "&" not in text:
            parts = text.split('"')
            shape = '"'.join(parts[0::2])
            try:
                read = self._shapes[shape]
            except KeyError:
                read = self._learn(shape, parts)
            if read is not None:
                try:
                    return read(parts)
                except Exception:  # noqa: BLE001, S110 - the element reader reports it
                    pass
        return self._slow(element, context)

    def _learn(self, shape: str, parts: list[str]) -> Callable[[list[str]], Any] | None:
        """The function of a shape seen for the second time (a shape seen once costs none)."""
        if len(self._shapes) >= MAX_SHAPES or len(parts) > MAX_PARTS:
            return None
        key = hash(shape)
        if key not in self._seen:
            if len(self._seen) < 16 * MAX_SHAPES:
                self._seen.add(key)
            return None
        skeleton = "".join(
            part if index % 2 == 0 else f'"{_PLACEHOLDER}{index}"'
            for index, part in enumerate(parts)
        )
        read = self._shapes[shape] = self._compile_shape(skeleton)
        return read


def shape_source(model: type, skeleton: str, ns: dict[str, Any]) -> str | None:
    """The source of ``_generated(p)`` building ``model`` from the parts of ``skeleton``.

    ``None`` when the element reader must read the shape (see the module docstring).
    """
    try:
        root = etree.fromstring(skeleton, xmlsafety.hardened_parser())
    except etree.XMLSyntaxError:
        return None
    expression = _model_expression(model, root, ns, itertools.count())
    if expression is None:
        return None
    return f"def _generated(p):\n    return {expression}\n"


def _model_expression(
    model: type, element: Any, ns: dict[str, Any], numbers: itertools.count[int]
) -> str | None:
    number = next(numbers)
    ns[f"MODEL_{number}"] = model
    found: dict[str, Any] = {}
    specs = specs_of(model)
    for spec in specs:
        if isinstance(spec, AttributeSpec):
            raw = element.get(spec.path[0][1:])
            if raw is not None:
                found[spec.attr] = _slot(raw)
    if not _read_nodes(element_plan(model), element, found, ns, numbers, number):
        return None
    defaults = {field.name: field.default for field in dataclasses.fields(model)}
    args = []
    for spec in specs:
        value = found.get(spec.attr)
        if spec.required and not value and not (isinstance(spec, ChildSpec) and spec.stream):
            return None
        if spec.many:
            value = f"[{', '.join(value or [])}]"
        elif value is None and defaults.get(spec.attr, dataclasses.MISSING) is None:
            continue  # the default, and fewer arguments make a faster call
        args.append(f"{spec.attr}={value}")
    return f"MODEL_{number}({', '.join(args)})"


def _read_nodes(
    nodes: list[Group | tuple[tuple[str, ...], Spec]],
    parent: Any,
    found: dict[str, Any],
    ns: dict[str, Any],
    numbers: itertools.count[int],
    number: int,
) -> bool:
    """Fill ``found`` as the element reader would; ``False`` for what it alone may read."""
    by_tag: dict[str, Group | tuple[tuple[str, ...], Spec]] = {}
    for planned in nodes:
        by_tag.setdefault(planned.tag if isinstance(planned, Group) else planned[0][0], planned)
    if (parent.text or "").strip():
        return False
    for child in parent:
        node = by_tag.get(child.tag) if isinstance(child.tag, str) else None
        if node is None or (child.tail or "").strip():
            return False
        if isinstance(node, Group):
            if not _read_nodes(node.nodes, child, found, ns, numbers, number):
                return False
            continue
        spec = node[1]
        if spec.attr in found and not spec.many:
            return False
        if isinstance(spec, ValueSpec):
            raw = child.get("V")
            if raw is None or len(child) or (child.text or "").strip():
                return False
            const = f"{number}_{spec.attr}"
            if isinstance(spec.type, Code):
                ns[f"MEMBERS_{const}"] = dict(spec.type.enum_type._value2member_map_)
            expression = value_expression(spec.type, _slot(raw), const)
        elif isinstance(spec, ChildSpec):
            sub = _model_expression(spec.model, child, ns, numbers)
            if sub is None:
                return False
            expression = sub
        else:  # an embedded document or a PJ's content
            return False
        if spec.many:
            found.setdefault(spec.attr, []).append(expression)
        else:
            found[spec.attr] = expression
    return True


def _slot(raw: str) -> str:
    """The expression of the value a skeleton's placeholder stands for."""
    return f"p[{int(raw.removeprefix(_PLACEHOLDER))}]"
