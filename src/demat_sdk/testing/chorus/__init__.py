"""The Chorus Pro emulator: state, wire handlers and faces."""

from demat_sdk.testing.chorus.fake import FakeChorusPro
from demat_sdk.testing.chorus.seed import SEEDED_PASSWORD, SeededWorld
from demat_sdk.testing.chorus.state.scheduler import Timings

__all__ = ["SEEDED_PASSWORD", "FakeChorusPro", "SeededWorld", "Timings"]
