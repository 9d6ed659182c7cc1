"""Errors a user can meet, each worded for the user.

RestdayError
├── InvalidInput      a value the user gave is not allowed (exit code 2 on the CLI)
├── RulebookError     a rulebook file is malformed
├── NotFound          an id or name does not exist
└── StoreError        the database cannot be opened or migrated
"""

__all__ = ["InvalidInput", "NotFound", "RestdayError", "RulebookError", "StoreError"]


class RestdayError(Exception):
    """Base of every error that is the user's to fix, not a bug."""

    exit_code = 1


class InvalidInput(RestdayError):
    """A value the user gave is not allowed; the message names it and what is allowed."""

    exit_code = 2


class RulebookError(RestdayError):
    """A rulebook file is malformed; the message names the key."""

    exit_code = 2


class NotFound(RestdayError):
    """Something the user named does not exist."""

    exit_code = 2


class StoreError(RestdayError):
    """The database cannot be opened or brought up to date."""
