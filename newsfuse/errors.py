"""Errors newsfuse raises for a user's mistake; anything else is a bug.

    NewsfuseError            base: the CLI prints its message on one line and exits non-zero
    ├── InputError           nothing readable in the given input (a missing path, an empty folder)
    ├── ConfigError          an option out of range or unknown (names what is valid)
    ├── MissingExtra         an optional engine whose package is not installed (names the pip extra)
    └── StoreError           a store that cannot be opened or is newer than this code

A problem with *one* input among many is not an exception: readers yield a `Problem` value
beside the articles and the run goes on.
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error caused by input or configuration rather than a bug."""


class InputError(NewsfuseError):
    """No usable input: the message names the path and what is wrong with it."""


class ConfigError(NewsfuseError):
    """An option that is out of range or unknown: the message names what is valid."""


class MissingExtra(NewsfuseError):
    """An optional component needs a package that is not installed."""


class StoreError(NewsfuseError):
    """The store cannot be opened, or was written by a newer newsfuse."""
