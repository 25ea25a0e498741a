"""The Chorus Pro emulator: state, wire handlers and faces."""

from demat_sdk.testing.chorus.fake import FakeChorusPro

__all__ = ["FakeChorusPro"]
