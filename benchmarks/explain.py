"""Where a page's time goes in the database: `benchmarks/explain.py PATH [EMAIL]`.

Requests PATH once in this process (Django's test client, signed in as EMAIL when given,
as a staff member with their authenticator would be), records its SQL, then runs each
statement again under `EXPLAIN (ANALYZE, BUFFERS)` and prints them slowest first, with the
plan of the slowest. Against the database `DATABASE_URL` names (PostgreSQL; the harness's
`coproduce_bench` by default), e.g. after `make bench`:

    .venv/bin/python benchmarks/explain.py /contributions/ coordinator.001@scale.example

The statements are run again as they were sent (reads only: a page that writes is not one
to explain), inside a transaction that is rolled back.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("COPRODUCE_MODE", "development")
os.environ.setdefault(
    "DATABASE_URL", "postgresql://coproduce:coproduce@127.0.0.1:5432/coproduce_bench"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from coproduce.accounts.models import User  # noqa: E402
from coproduce.conftest import signed_in  # noqa: E402

PLAN_LINES = int(os.environ.get("EXPLAIN_PLAN_LINES", "25"))
SQL_CHARS = int(os.environ.get("EXPLAIN_SQL_CHARS", "1500"))


def main(path: str, email: str | None) -> None:
    if connection.vendor != "postgresql":
        sys.exit("EXPLAIN ANALYZE needs PostgreSQL: set DATABASE_URL=postgresql://...")
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    if email:
        signed_in(client, User.objects.get(email=email))
    client.get(path, secure=True)  # warm: templates, the layout cache, named URLs
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path, secure=True)
        took = (time.perf_counter() - started) * 1000
    print(f"{path}: {response.status_code}, {len(captured)} queries, {took:.0f} ms in all")
    timed: list[tuple[float, str, list[str]]] = []
    with transaction.atomic(), connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [row[0] for row in cursor.fetchall()]
            ms = next(
                (float(line.split(":")[1].split()[0]) for line in plan if "Execution Time" in line),
                0.0,
            )
            timed.append((ms, sql, plan))
        transaction.set_rollback(True)
    timed.sort(key=lambda t: -t[0])
    print(f"SQL execution: {sum(t[0] for t in timed):.0f} ms\n")
    for ms, sql, _plan in timed:
        print(f"{ms:9.1f} ms  {sql[:150]}")
    if timed:
        ms, sql, plan = timed[0]
        print(f"\nThe slowest ({ms:.1f} ms):\n{sql[:SQL_CHARS]}\n")
        print("\n".join(plan[:PLAN_LINES]))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
