"""A real headless browser for the tests that need one: Debian's chromium driven by Playwright.

`scripts/ensure-browser` installs chromium (Playwright's own browser download does not work
offline). A test module sets `pytestmark = NEEDS_BROWSER` and launches with `launch_chromium`;
it skips, with the reason, when either piece is missing.
"""

from __future__ import annotations

import shutil
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
# No background traffic: the machine has no network, and a test asserts nothing leaves the page.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

NEEDS_BROWSER = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None,
    reason=f"{CHROMIUM} is missing: run scripts/ensure-browser (installs Debian's chromium)",
)


def sync_api() -> Any:
    """Playwright's sync API, or skip the calling test when playwright is not installed."""
    return pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install 'newsfuse[dev]')"
    )


def launch_chromium(playwright: Any) -> Any:
    """Start headless chromium with the flags this machine needs."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
