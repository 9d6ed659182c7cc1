"""restday: how much rest you need, and what to do today."""

__version__ = "0.1.0"
