"""A response header with the number of SQL queries the request ran, for the load harness
(`benchmarks/harness.py`), which reads it through the real server. Installed only when
`COPRODUCE_QUERY_COUNT_HEADER` is set: it tells an outsider something about the data."""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse

HEADER = "X-Query-Count"


class QueryCountHeader:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counted(execute: Callable[..., Any], *args: Any) -> Any:
            nonlocal count
            count += 1
            return execute(*args)

        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response
