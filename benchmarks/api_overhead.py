"""How much django-ninja adds to an API request, on the demo data.

    COPRODUCE_MODE=development DATABASE_URL=sqlite:////path/to/demo.sqlite3 \
        .venv/bin/python benchmarks/api_overhead.py [REQUESTS]

The database must hold the demo (`manage.py load_demo`). Calls, in-process and without
middleware, the API's project list (`/api/v1/projects`, through ninja: the bearer token,
the rate limit, query parameters, pydantic output) and a plain Django view that does the
same work by hand (finds the token, counts the request, reads the same page, JSON), each
REQUESTS times (1,000 by default) after a warm-up, and prints the median and 95th
percentile per request. Compare the two from the same run: the machine's load moves both.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's coproduce
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")
os.environ.setdefault("API_REQUESTS_PER_MINUTE", "1000000000")

import django

django.setup()

from django.http import HttpRequest, HttpResponse, JsonResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.urls import resolve  # noqa: E402

from coproduce.api import access, actions  # noqa: E402
from coproduce.demo import api as demo_api  # noqa: E402
from coproduce.projects.access import projects_of_organisation  # noqa: E402

FIELDS = (
    "id",
    "organisation_id",
    "partnership_id",
    "title",
    "aims",
    "stage",
    "starts_on",
    "ends_on",
    "coordinator_id",
)


def plain(request: HttpRequest) -> HttpResponse:
    token = access.token_sent(request.headers["Authorization"].removeprefix("Bearer "))
    if token is None or actions.count_request(token) is not None:
        return JsonResponse({"detail": "refused"}, status=401)
    rows = projects_of_organisation(token.organisation_id).order_by("pk").values(*FIELDS)
    found = list(rows[:51])
    return JsonResponse({"results": found[:50], "next_cursor": None})


def timed(view: Callable[[HttpRequest], HttpResponse], requests: int) -> list[float]:
    factory = RequestFactory(headers={"Authorization": f"Bearer {demo_api.TOKEN}"})
    for _ in range(50):
        assert view(factory.get("/api/v1/projects")).status_code == 200
    seconds = []
    for _ in range(requests):
        request = factory.get("/api/v1/projects")
        started = time.perf_counter()
        view(request)
        seconds.append(time.perf_counter() - started)
    return seconds


def line(name: str, seconds: list[float]) -> str:
    p95 = statistics.quantiles(seconds, n=20)[-1]
    return f"{name:<28} median {statistics.median(seconds) * 1e6:7.0f} µs   p95 {p95 * 1e6:7.0f} µs"


def main() -> None:
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    ninja_view = resolve("/api/v1/projects").func
    ninja = timed(ninja_view, requests)
    by_hand = timed(plain, requests)
    print(f"{requests} requests each, demo data, in-process (no middleware)")
    print(line("plain Django view", by_hand))
    print(line("django-ninja endpoint", ninja))
    extra = statistics.median(ninja) - statistics.median(by_hand)
    print(f"ninja adds {extra * 1e6:.0f} µs a request (median)")


if __name__ == "__main__":
    main()
