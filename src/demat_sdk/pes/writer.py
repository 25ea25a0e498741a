"""Write a ``PES_Aller`` flux: checked first, streamed in schema order, atomic, split if too big.

:func:`write` refuses a model that breaks a rule (:class:`~demat_sdk.errors.PesModelError`
lists every problem): the rules across fields are checked on the model, the facets of each
value as it is written (:mod:`demat_sdk.pes._rendering`), in one pass. The file is streamed:
the text of each bordereau is built and written as soon as it is complete, each PJ is read from
its source in chunks and compressed (gzip, then base64) on the fly, so memory stays bounded
whatever the size of the flux. It is written under a temporary name beside the target and
renamed at the end: a refused model or an error leaves nothing behind.

Above ``max_bytes`` (100 MB, the transmission limit) the flux is split into several files with
distinct ``NomFic``; a bordereau is never cut, and each PJ travels in the file of the first
pièce that references it.
"""

from __future__ import annotations

import dataclasses
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from demat_sdk._atomic import create_temporary
from demat_sdk.errors import PesModelError, PesWriteError
from demat_sdk.pes._rendering import (
    CHUNK,
    Options,
    Report,
    TooBigError,
    refuse,
    render,
)
from demat_sdk.pes.models.enveloppe import PesAller
from demat_sdk.pes.rules import TextPolicy, Truncation, business_problems, check
from demat_sdk.pes.schema import NAMESPACE

__all__ = [
    "DEFAULT_MAX_BYTES",
    "NAMESPACE",
    "Target",
    "WriteResult",
    "WrittenFile",
    "to_bytes",
    "write",
    "write_bytes",
]


DEFAULT_MAX_BYTES = 100_000_000
"""The largest file the transmission channels accept (100 Mo)."""

_ENCODINGS = {
    "iso-8859-1": "ISO-8859-1",
    "iso8859-1": "ISO-8859-1",
    "latin-1": "ISO-8859-1",
    "latin1": "ISO-8859-1",
    "utf-8": "UTF-8",
    "utf8": "UTF-8",
}

Target = str | os.PathLike[str] | IO[bytes]
"""Where a writer puts a file: a path (written atomically) or a binary file object."""


@dataclasses.dataclass(frozen=True)
class WrittenFile:
    """One file written by :func:`write`.

    Attributes:
        path: where it is (``None`` when written to a stream).
        nom_fichier: its ``NomFic``.
        size: its size in bytes.
        bordereaux: the bordereaux it holds (``"depense 2025/421"``).
        pieces_justificatives: the ``IdUnique`` of the PJ it holds.
    """

    path: Path | None
    nom_fichier: str
    size: int
    bordereaux: tuple[str, ...]
    pieces_justificatives: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class WriteResult:
    """What :func:`write` produced.

    Attributes:
        files: the files, in order (several when the flux was split).
        truncations: the texts shortened to their facet length (only with ``truncate=True``).
    """

    files: tuple[WrittenFile, ...]
    truncations: tuple[Truncation, ...]

    @property
    def paths(self) -> list[Path]:
        """The paths of the files written to disk."""
        return [f.path for f in self.files if f.path is not None]


def _encoding(name: str) -> str:
    try:
        return _ENCODINGS[name.lower()]
    except KeyError:
        raise PesWriteError(
            f"unsupported encoding {name!r}: use 'ISO-8859-1' (the default) or 'UTF-8'"
        ) from None


def write(
    pes: PesAller,
    target: Target,
    *,
    encoding: str = "ISO-8859-1",
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    truncate: bool = False,
    split_name: Callable[[int], str | os.PathLike[str]] | None = None,
    compresslevel: int = 6,
    business_rules: bool = True,
) -> WriteResult:
    """Write a ``PES_Aller`` flux to a file (or a binary stream).

    Args:
        pes: the flux.
        target: the path of the file to create, or a binary stream.
        encoding: ``"ISO-8859-1"`` (default; characters outside Latin-1 are mapped as
            :mod:`demat_sdk.pes.latin1` documents) or ``"UTF-8"``.
        max_bytes: split the flux into several files above this size (``None``: never).
        truncate: shorten texts longer than their facet (reported in the result) instead of
            refusing the model.
        split_name: the path of the n-th file (from 1) when the flux is split; by default
            ``<stem>-01<suffix>``, ``<stem>-02<suffix>``…
        compresslevel: the gzip level of the PJ (1 fastest … 9 smallest).
        business_rules: check the rules across fields (totals, SIRET, PJ references…) as
            well as the facets. Turn it off only to re-emit a third-party file as it is: the
            facets are always checked, so the output stays XSD-valid.

    Returns:
        The files written and the truncations made.

    Raises:
        PesModelError: the model breaks a rule (every problem is listed, nothing is written).
        PesWriteError: the file could not be written (nothing is left behind).
    """
    declared = _encoding(encoding)
    policy = TextPolicy(
        latin1=declared == "ISO-8859-1", truncate=truncate, business_rules=business_rules
    )
    if type(pes) is not PesAller or (business_rules and business_problems(pes)):
        refuse(check(pes, policy=policy, business_rules=business_rules))
    # The facets are checked by the generated writer in the same pass as it writes: a flux
    # that breaks one is refused once written aside, and the file is discarded.
    options = Options(declared, policy, compresslevel)
    truncations: list[Truncation] = []
    if max_bytes is not None and _pj_lower_bound(pes) > max_bytes:
        files = _write_split(pes, target, options, max_bytes, split_name, truncations)
    else:
        first = _write_one(pes, target, options, max_bytes=max_bytes, truncations=truncations)
        files = (
            [first]
            if first is not None
            else _write_split(pes, target, options, max_bytes or 0, split_name, truncations)
        )
    return WriteResult(tuple(files), tuple(truncations))


def to_bytes(pes: PesAller, *, encoding: str = "ISO-8859-1", business_rules: bool = True) -> bytes:
    """The bytes of a flux (checked like :func:`write`, never split): for small documents."""
    buffer = io.BytesIO()
    write(pes, buffer, encoding=encoding, max_bytes=None, business_rules=business_rules)
    return buffer.getvalue()


def _describe(pes: PesAller) -> tuple[tuple[str, ...], tuple[str, ...]]:
    bordereaux = []
    for domain, container in (("depense", pes.depense), ("recette", pes.recette)):
        if container is not None:
            bordereaux += [f"{domain} {b.exercice}/{b.numero}" for b in container.bordereaux]
    pjs = tuple(pj.id_unique for pj in pes.pj.pieces_justificatives) if pes.pj else ()
    return tuple(bordereaux), pjs


def _write_one(
    pes: PesAller,
    target: Target,
    options: Options,
    *,
    max_bytes: int | None,
    truncations: list[Truncation],
) -> WrittenFile | None:
    """Write one file atomically; ``None`` when it would pass ``max_bytes``."""
    bordereaux, pjs = _describe(pes)
    report = Report()
    if not isinstance(target, (str, os.PathLike)):
        # A stream cannot be taken back: build the file aside, then copy it.
        with tempfile.TemporaryFile() as spool:
            try:
                size = render(pes, spool, options, max_bytes, report=report)
                refuse(report.problems)
            except TooBigError:
                return None
            except (PesWriteError, PesModelError):
                raise
            except Exception as exc:
                raise PesWriteError(f"the flux could not be written: {exc}") from exc
            spool.seek(0)
            while chunk := spool.read(CHUNK):
                target.write(chunk)
        truncations += report.truncations
        return WrittenFile(None, pes.enveloppe.nom_fichier, size, bordereaux, pjs)
    path = Path(target)
    temporary = _write_temporary(pes, path, options, max_bytes, report)
    if temporary is None:
        return None
    truncations += report.truncations
    size = temporary.stat().st_size
    _commit([(temporary, path)])
    return WrittenFile(path, pes.enveloppe.nom_fichier, size, bordereaux, pjs)


def _write_temporary(
    pes: PesAller,
    path: Path,
    options: Options,
    max_bytes: int | None,
    report: Report | None = None,
) -> Path | None:
    def produce(fh: IO[bytes]) -> None:
        render(pes, fh, options, max_bytes, report=report)
        if report is not None:
            refuse(report.problems)

    return _temporary_file(path, produce)


def _temporary_file(path: Path, produce: Callable[[IO[bytes]], object]) -> Path | None:
    """A complete, synced temporary file beside ``path``; ``None`` when it grew too big."""
    directory = path.parent
    try:
        handle, temporary = create_temporary(directory, prefix=f".{path.name}.")
    except OSError as exc:
        raise PesWriteError(f"cannot create a file in {directory}: {exc}") from exc
    try:
        with os.fdopen(handle, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
    except TooBigError:
        temporary.unlink(missing_ok=True)
        return None
    except (PesWriteError, PesModelError):
        temporary.unlink(missing_ok=True)
        raise
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, Exception):
            raise PesWriteError(f"{path}: the file could not be written: {exc}") from exc
        raise
    return temporary


def _commit(renames: list[tuple[Path, Path]]) -> None:
    done: list[Path] = []
    try:
        for temporary, final in renames:
            os.replace(temporary, final)
            done.append(final)
    except OSError as exc:
        for final in done:
            final.unlink(missing_ok=True)
        for temporary, _ in renames:
            temporary.unlink(missing_ok=True)
        raise PesWriteError(f"the files could not be put in place: {exc}") from exc


# --- splitting ----------------------------------------------------------------------------


def _content_size(content: Any) -> int | None:
    if isinstance(content, (bytes, bytearray, memoryview)):
        return len(content)
    if isinstance(content, os.PathLike):
        try:
            return os.stat(content).st_size
        except OSError:
            return None
    return None


def _pj_lower_bound(pes: PesAller) -> int:
    """A size the PJ alone will surely exceed (gzip of incompressible data barely grows)."""
    if pes.pj is None:
        return 0
    total = 0
    for pj in pes.pj.pieces_justificatives:
        size = _content_size(pj.contenu)
        if size is not None:
            total += size // 8  # PJ compress at most ~8 times (text); PDF barely
    return total


def _measure(pes_part: PesAller, options: Options) -> int:
    """The exact size of a flux, written nowhere."""

    class _Counter(io.RawIOBase):
        size = 0

        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            self.size += len(data)
            return len(data)

    counter = _Counter()
    render(pes_part, counter, options, None)  # type: ignore[arg-type]
    return counter.size


def _part(
    pes: PesAller, index: int, dep: list[Any], rec: list[Any], pjs: list[Any], extra: bool
) -> PesAller:
    base = pes.enveloppe.nom_fichier
    suffix = f"-{index:02d}"
    enveloppe = dataclasses.replace(pes.enveloppe, nom_fichier=base[: 100 - len(suffix)] + suffix)
    return dataclasses.replace(
        pes,
        enveloppe=enveloppe,
        depense=dataclasses.replace(pes.depense, bordereaux=dep) if dep and pes.depense else None,
        recette=dataclasses.replace(pes.recette, bordereaux=rec) if rec and pes.recette else None,
        facture=pes.facture if extra else None,
        marche=pes.marche if extra else None,
        pj=dataclasses.replace(pes.pj, pieces_justificatives=pjs) if pjs and pes.pj else None,
        signature=None,
    )


def _referenced_ids(bordereau: Any) -> list[str]:
    pieces = getattr(bordereau, "mandats", None) or getattr(bordereau, "titres", None) or []
    found: list[str] = []
    for piece in pieces:
        found += [ref.id_unique for ref in piece.pj_refs]
        for line in piece.lignes:
            found += [ref.id_unique for ref in line.pj_refs]
    return found


def _write_split(
    pes: PesAller,
    target: Target,
    options: Options,
    max_bytes: int,
    split_name: Callable[[int], str | os.PathLike[str]] | None,
    truncations: list[Truncation],
) -> list[WrittenFile]:
    if not isinstance(target, (str, os.PathLike)):
        raise PesWriteError(
            f"the flux is larger than {max_bytes:,} bytes and must be split, which a stream "
            "target cannot receive: write to a path, or pass max_bytes=None"
        )
    # Every problem of the whole flux at once, before the parts are measured and written.
    policy = options.policy
    refuse(check(pes, policy=policy, truncations=truncations, business_rules=policy.business_rules))
    path = Path(target)
    pjs = {pj.id_unique: pj for pj in pes.pj.pieces_justificatives} if pes.pj else {}
    empty = _part(pes, 1, [], [], [], True)
    overhead = _measure(empty, options)
    pj_sizes = {
        key: _measure(_part(pes, 1, [], [], [pj], False), options)
        - _measure(_part(pes, 1, [], [], [], False), options)
        for key, pj in pjs.items()
    }
    units: list[tuple[str, Any, list[str]]] = []
    for domain, container in (("depense", pes.depense), ("recette", pes.recette)):
        if container is not None:
            units += [(domain, b, _referenced_ids(b)) for b in container.bordereaux]
    placed: set[str] = set()
    parts: list[tuple[list[Any], list[Any], list[Any]]] = [([], [], [])]
    size = overhead + 64
    for domain, bordereau, refs in units:
        new = [r for r in dict.fromkeys(refs) if r in pjs and r not in placed]
        single = _part(
            pes,
            1,
            [bordereau] if domain == "depense" else [],
            [bordereau] if domain == "recette" else [],
            [],
            False,
        )
        cost = _measure(single, options) - overhead + sum(pj_sizes[r] for r in new) + 64
        if cost + overhead > max_bytes:
            raise PesWriteError(
                f"bordereau {bordereau.numero} ({domain}) and its PJ take {cost:,} bytes, more "
                f"than max_bytes ({max_bytes:,}): a bordereau cannot be cut"
            )
        if size + cost > max_bytes and any(parts[-1]):
            parts.append(([], [], []))
            size = overhead + 64
        dep, rec, part_pjs = parts[-1]
        (dep if domain == "depense" else rec).append(bordereau)
        part_pjs += [pjs[r] for r in new]
        placed.update(new)
        size += cost
    for key, pj in pjs.items():
        if key in placed:
            continue
        if size + pj_sizes[key] > max_bytes and any(parts[-1]):
            parts.append(([], [], []))
            size = overhead + 64
        parts[-1][2].append(pj)
        size += pj_sizes[key]
    renames: list[tuple[Path, Path]] = []
    files: list[WrittenFile] = []
    try:
        for index, (dep, rec, part_pjs) in enumerate(parts, 1):
            part = _part(pes, index, dep, rec, part_pjs, index == 1)
            final = (
                Path(split_name(index))
                if split_name
                else path.with_name(f"{path.stem}-{index:02d}{path.suffix}")
            )
            temporary = _write_temporary(part, final, options, None)
            assert temporary is not None  # noqa: S101 - no limit was given
            renames.append((temporary, final))
            bordereaux, ids = _describe(part)
            files.append(
                WrittenFile(
                    final, part.enveloppe.nom_fichier, temporary.stat().st_size, bordereaux, ids
                )
            )
    except BaseException:
        for temporary, _ in renames:
            temporary.unlink(missing_ok=True)
        raise
    _commit(renames)
    return files


def write_bytes(data: bytes, target: Target, *, what: str) -> None:
    """Write a whole file; to a path atomically (temporary file beside it, then a rename).

    Raises:
        PesWriteError: the file could not be written; no partial file is left behind.
    """
    if not isinstance(target, (str, os.PathLike)):
        try:
            target.write(data)
        except (OSError, ValueError) as exc:
            raise PesWriteError(f"could not write the {what}: {exc}") from exc
        return
    path = Path(target)
    try:
        temporary = _temporary_file(path, lambda fh: fh.write(data))
    except PesWriteError as exc:
        raise PesWriteError(f"could not write the {what} to {path}: {exc}") from exc
    assert temporary is not None  # noqa: S101 - no size limit here
    _commit([(temporary, path)])
