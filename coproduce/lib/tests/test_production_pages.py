"""The service's own pages in production settings: DEBUG off, the static files manifest,
only the configured host, HTTPS.

A request with a Host header that is not ours gets the service's 400 page. It used to get
the server's bare 500: the error page itself failed, because the page shell asked the static
files manifest for a folder (which only the manifest storage of production refuses) and
read `request.user`, which is not set when the host is refused before sign-in is known.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from coproduce.lib.tests.test_production_settings import NOT_INHERITED, PRODUCTION, ROOT

HOST = "coproduce.example.org"
SORRY = "Sorry, there is a problem with that request"


@pytest.fixture(scope="module")
def production_static(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The static files collected as a deployment does, with production's manifest storage."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", "--noinput", verbosity=0)
    return root


PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def production(production_static: Path) -> Iterator[None]:
    with override_settings(
        DEBUG=False,
        ALLOWED_HOSTS=[HOST],
        STATIC_ROOT=production_static,
        STORAGES=PRODUCTION_STORAGES,
        WHITENOISE_USE_FINDERS=False,
        SECURE_SSL_REDIRECT=True,
        SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
        SESSION_COOKIE_SECURE=True,
        CSRF_COOKIE_SECURE=True,
    ):
        yield


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("secure", [True, False])
def test_a_host_that_is_not_ours_gets_the_services_400_page(
    production: None, client: Client, db: None, secure: bool
) -> None:
    response = client.get("/sign-in/", HTTP_HOST="evil.example", secure=secure)

    assert response.status_code == 400
    assert SORRY in response.content.decode()
    assert "govuk-template" in response.content.decode()


def test_pages_are_served_in_production_settings(
    production: None, client: Client, db: None
) -> None:
    response = client.get("/sign-in/", HTTP_HOST=HOST, secure=True)

    assert response.status_code == 200
    assert "govuk-template" in response.content.decode()


def test_an_unknown_address_gets_the_services_404_page(
    production: None, client: Client, db: None
) -> None:
    response = client.get("/no-such-page/", HTTP_HOST=HOST, secure=True)

    assert response.status_code == 404
    assert "govuk-template" in response.content.decode()


# --- Behind gunicorn, as deployed ------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(port: int, host: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/sign-in/", headers={"Host": host, "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


@pytest.mark.slow
def test_gunicorn_in_production_gives_a_bad_host_the_services_400_page(
    production_static: Path, tmp_path: Path
) -> None:
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    environment.update(
        PRODUCTION,
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=str(production_static),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "coproduce.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                status, body = get(port, "evil.example")
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(
                        f"gunicorn stopped: {server.stdout.read() if server.stdout else ''}"
                    )
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")

        assert status == 400, body
        assert SORRY in body
    finally:
        server.terminate()
        server.wait(timeout=10)
