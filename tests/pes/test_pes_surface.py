"""``demat_sdk.pes`` is the one door to PES: the aller and the return path alike."""

from __future__ import annotations

from demat_sdk import pes
from demat_sdk.pes import acquit, retour
from demat_sdk.pes.schema import ChildSpec, specs_of

RETURN_PATH = {
    "Acquit",
    "AcquitRetour",
    "CodeAnomalie",
    "DetailLigne",
    "DetailPiece",
    "DomaineAcquit",
    "DomaineAcquitRetour",
    "ElementAcquit",
    "ElementAcquitRetour",
    "ErreurAcquit",
    "ErreurLocalisee",
    "PesRetour",
    "SchemaAcquit",
    "TypeRestitution",
    "acquit_retour_to_bytes",
    "acquit_to_bytes",
    "build_acquit_retour",
    "check_acquit",
    "check_acquit_retour",
    "read_acquit",
    "read_acquit_retour",
    "read_retour",
    "write_acquit",
    "write_acquit_retour",
}


def test_the_return_path_is_exported_next_to_read_write_validate() -> None:
    exported = set(pes.__all__)
    assert {"read", "write", "validate"} <= exported
    assert exported >= RETURN_PATH
    for name in RETURN_PATH:
        home = acquit if name in acquit.__all__ else retour
        assert getattr(pes, name) is getattr(home, name), name


def test_one_model_per_concept() -> None:
    for model in (pes.Acquit, pes.AcquitRetour):
        headers = {spec.attr: spec for spec in specs_of(model) if isinstance(spec, ChildSpec)}
        assert headers["enveloppe"].model is pes.Enveloppe
        assert headers["en_tete"].model is pes.EnTetePES
    assert pes.PesCode is pes.DomaineAcquit.__mro__[1]
    assert pes.PesCode is retour.TypeRestitution.__mro__[1]
    assert retour.TypeAdresse is pes.TypeAdresse
    assert retour.TypeBordereauDepense is pes.TypeBordereauDepense
    assert not hasattr(acquit, "LATIN1_REPLACEMENTS")
    for name in pes.__all__:
        assert getattr(pes, name) is not None
