"""Turn the declarative schema of each model into three specialised functions.

For every model class this module generates, once, the Python source of:

* a **writer** that appends the element's XML text to a list of chunks, in schema order;
* a **checker** that reports every field breaking its facet, cardinality or choice rule,
  with the location of the object (``depense / bordereau 12 / mandat 345 / ligne 2``);
* a **reader** that builds the model from an lxml element, tolerating what a third-party file
  may get wrong (unknown elements, unreadable values) and reporting it with the line;

and, for the pièces (mandats, titres), a **shape reader** that builds the model from the
pièce's serialised text, one function per shape, falling back on the reader
(:mod:`demat_sdk.pes._compiler.shapes`).

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

from demat_sdk.pes._compiler.checking import check_source
from demat_sdk.pes._compiler.reading import BOOLEANS, read_source
from demat_sdk.pes._compiler.shapes import ShapeReader, shape_source
from demat_sdk.pes._compiler.writing import location, write_source

__all__ = ["checker", "location", "piece_reader", "reader", "writer"]

Writer = Callable[..., None]
Checker = Callable[..., None]
Reader = Callable[[Any, Any], Any]

_WRITERS: dict[type, Writer] = {}
_CHECKERS: dict[type, Checker] = {}
_READERS: dict[type, Reader] = {}
_PIECE_READERS: dict[type, ShapeReader] = {}
_counter = itertools.count()


def writer(model: type) -> Writer:
    """The writer of a model class: ``w(obj, start, end, ctx, append, index, report, loc)``.

    It checks each value as it writes it and calls ``report(loc, attr, message)`` for each
    problem (see :func:`location`); ``report`` returns whether the problem is real (``False``
    for a note, such as a text the policy truncates).
    """
    found = _WRITERS.get(model)
    if found is None:
        found = _WRITERS[model] = _compile(model, "write", write_source)
    return found


def checker(model: type) -> Checker:
    """The checker of a model class: ``c(obj, report, where, index)``."""
    found = _CHECKERS.get(model)
    if found is None:
        found = _CHECKERS[model] = _compile(model, "check", check_source)
    return found


def reader(model: type) -> Reader:
    """The reader of a model class: ``r(element, ctx) -> obj``."""
    found = _READERS.get(model)
    if found is None:
        found = _READERS[model] = _compile(model, "read", read_source)
    return found


def piece_reader(model: type) -> ShapeReader:
    """The shape reader of a pièce model: ``r(element, ctx) -> obj``, as :func:`reader`."""
    found = _PIECE_READERS.get(model)
    if found is None:

        def compile_shape(skeleton: str) -> Any:
            return _compile(model, "shape", lambda m, ns: shape_source(m, skeleton, ns))

        found = _PIECE_READERS[model] = ShapeReader(reader(model), compile_shape)
    return found


def _compile(model: type, kind: str, make: Callable[[type, dict[str, Any]], str | None]) -> Any:
    namespace: dict[str, Any] = {
        "Decimal": Decimal,
        "DATE": dt.date,
        "date_fromisoformat": dt.date.fromisoformat,
        "BOOL": BOOLEANS,
        "model_writer": writer,
        "model_checker": checker,
        "model_reader": reader,
    }
    source = make(model, namespace)
    if source is None:
        return None
    filename = f"<pes-{kind}-{model.__name__}-{next(_counter)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - source generated above
    return namespace["_generated"]
