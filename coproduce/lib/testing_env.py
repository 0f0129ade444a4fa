"""Test-wide environment, set before Django reads its settings (loaded with `-p`)."""

import os

os.environ["COPRODUCE_MODE"] = "test"
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API beside live_server
