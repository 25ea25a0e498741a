"""Pydantic models of the Chorus Pro API, by API group."""

from demat_sdk.chorus.models.base import ChorusModel, ChorusRequest, ChorusResponse

__all__ = ["ChorusModel", "ChorusRequest", "ChorusResponse"]
