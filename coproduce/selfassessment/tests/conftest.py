import pytest

from coproduce.selfassessment import actions


@pytest.fixture(autouse=True)
def guidance(db: None) -> None:
    """The platform's guidance set, as migration 0002 seeds it. A test that ran before in
    the same database with `transaction=True` (the browser tests) emptied every table,
    the migration's rows too."""
    actions.restore_guidance()
