"""Test-wide environment, set before Django reads its settings (loaded with `-p`)."""

import atexit
import os
import shutil
import tempfile

os.environ["COPRODUCE_MODE"] = "test"
# Files uploaded in tests go to a throwaway folder, never the working tree, and the folder
# goes when the run ends. pytest-xdist's workers inherit the folder from the process that
# started them (Django never overwrites a stored file, so they can share it).
if "MEDIA_ROOT" not in os.environ:
    media = tempfile.mkdtemp(prefix="coproduce-test-media-")
    os.environ["MEDIA_ROOT"] = media
    atexit.register(shutil.rmtree, media, ignore_errors=True)
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API beside live_server
