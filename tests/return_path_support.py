"""What the tests of the Hélios return path share: sample files, the official schemas."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests_support import PES_DIR, XSD_DIR, schema

DATA = Path(__file__).parent / "data" / "pes"
EXAMPLES = PES_DIR / "examples"
SAMPLES = PES_DIR / "samples" / "public"

ACK_V2_XSD = XSD_DIR / "PES_V2" / "Rev0" / "PES_V2_Acquit_Autonome_V2.xsd"
ACK_LEGACY_XSD = XSD_DIR / "PES_V2" / "Rev0" / "PES_V2_Acquit_Autonome.xsd"
RETOUR_XSD = XSD_DIR / "PES_V2" / "RETOUR" / "Rev0" / "PES_Retour.xsd"
ACQUIT_RETOUR_XSD = XSD_DIR / "PES_V2" / "RETOUR" / "Rev0" / "PES_V2_Acquit_Retour.xsd"


def schema_errors(path: Path, document: bytes) -> list[str]:
    """What the schema at ``path`` finds wrong in ``document`` (empty when it is valid)."""
    validator = schema(path)
    if validator.validate(etree.fromstring(document)):
        return []
    return [f"{error.line}: {error.message}" for error in validator.error_log]
