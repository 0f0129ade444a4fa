"""The settings mypy's Django plugin loads (pyproject.toml, [tool.django-stubs]).

An unset COPRODUCE_MODE means production, which needs a secret key and host names; type
checking needs neither, so it reads the development settings. Never used to serve."""

import os

os.environ.setdefault("COPRODUCE_MODE", "development")

from coproduce.settings import *  # noqa: F403
