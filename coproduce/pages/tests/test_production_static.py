"""Pages render with production's static files: hashed names from a manifest, where a
name that is not a file (such as a folder) is an error on every page."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

MANIFEST_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}


@pytest.mark.django_db
def test_pages_render_with_hashed_static_files(tmp_path: Path) -> None:
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=MANIFEST_STORAGES):
        call_command("collectstatic", "--noinput", verbosity=0)
        client = Client()
        for path in ("/", "/sign-in/", "/pages/accessibility/", "/no-such-page/"):
            response = client.get(path)
            assert response.status_code in (200, 404), path
            assert b"/static/govuk/application." in response.content, path
