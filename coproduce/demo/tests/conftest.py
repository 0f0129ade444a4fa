"""The demo, built once for a whole test module: building it takes a second or two.

Each test still runs in a transaction that is rolled back, so a test may change the demo,
or reset it, and the next test finds it as it was built. The demo is removed again when
the module's tests are done, so tests elsewhere start from an empty database.
"""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from coproduce.demo import builders


def load_demo(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def built_demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[str]:
    """What `manage.py load_demo` printed, with the demo in the database for the module."""
    with django_db_blocker.unblock():
        output = load_demo()
    try:
        yield output
    finally:
        with django_db_blocker.unblock():
            builders.remove_demo()
