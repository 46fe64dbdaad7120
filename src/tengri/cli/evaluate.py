"""`tengri evaluate …` commands (module reserved; filled by its owner)."""

from __future__ import annotations
