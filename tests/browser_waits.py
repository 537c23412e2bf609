"""Waiting on a page in Chromium with a time limit, for the site tests (tests/site)."""

from __future__ import annotations

# How long a page may take to load and settle, or a script on it to finish; generous,
# since CI machines are slow.
TIMEOUT_MS = 30_000


def evaluate_async(page, script: str, arg: object = None, timeout_ms: int = TIMEOUT_MS):
    """What ``script``, a function returning a promise, resolves to, waiting at most ``timeout_ms``.

    ``page.evaluate`` waits for a promise without a time limit: one that never settles (a
    transition that never ends, a check that stalls) would hold the whole run until CI
    kills it. ``wait_for_function`` awaits the promise the same way but under Playwright's
    timeout, so such a test fails on its own with a ``TimeoutError`` naming the script.
    The promise must resolve to a truthy value (a falsy one is polled again).
    """
    return page.wait_for_function(script, arg=arg, polling=100, timeout=timeout_ms).json_value()
