"""Test-wide environment, set before Django reads its settings (loaded with `-p`)."""

import os
import tempfile

os.environ["COPRODUCE_MODE"] = "test"
# Files uploaded in tests go to a throwaway folder, never the working tree.
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="coproduce-test-media-"))
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API beside live_server
