"""A running scheme (the `breaks` fixture, in coproduce/conftest.py): the carers' centre of
organisation A pays; a GP refers from a practice. Here: the GP, signed in."""

import pytest
from django.test import Client

from coproduce.conftest import BreaksScheme, signed_in


@pytest.fixture
def gp_client(breaks: BreaksScheme) -> Client:
    return signed_in(Client(), breaks.gp.user)
