"""Background work for imports (run by `manage.py db_worker`): importing a checked file,
and forgetting what an import kept from its file once it is old."""

from django_tasks import task

from coproduce.imports import importing


@task()
def import_rows(run_id: int) -> None:
    """Import a run's file. Claims the run first, so running twice imports it once."""
    importing.perform(run_id)


@task()
def forget_old_import_rows() -> None:
    """Scheduled: clear the row problems and undecided rows of imports finished long ago."""
    importing.forget_old_rows()
