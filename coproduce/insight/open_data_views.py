"""An organisation's open data, for anyone: a page, a JSON file and a CSV of each table, at
stable addresses under its front door (/o/<slug>/open-data/)."""

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from coproduce.insight import access
from coproduce.insight.charts import cell_text
from coproduce.insight.open_data import LICENCE_NAME, LICENCE_URL, OpenData, open_data_of
from coproduce.insight.views import csv_rows
from coproduce.lib import exports
from coproduce.projects.rules import SMALLEST_GROUP_SHOWN


def figures(organisation_slug: str) -> OpenData:
    organisation = access.open_organisation(organisation_slug)
    return open_data_of(organisation, timezone.localdate())


@require_GET
def open_data(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    data = figures(organisation_slug)
    context = {
        "data": data,
        "organisation": data.organisation,
        "public_organisation": data.organisation,
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "cell_text": cell_text,
        "smallest": SMALLEST_GROUP_SHOWN,
    }
    return render(request, "insight/open_data.html", context)


def as_json(data: OpenData) -> dict[str, Any]:
    return {
        "organisation": data.organisation.name,
        "period": {"from": data.start.isoformat(), "to": data.end.isoformat()},
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "hidden": f"null in an equality column: fewer than {SMALLEST_GROUP_SHOWN} people",
        "tables": [
            {
                "key": table.key,
                "title": str(table.title),
                "columns": [str(column.header) for column in table.columns],
                "rows": table.rows,
                "notes": [str(note) for note in table.notes],
            }
            for table in data.tables
        ],
    }


@require_GET
def open_data_json(request: HttpRequest, organisation_slug: str) -> JsonResponse:
    data = figures(organisation_slug)
    return JsonResponse(
        as_json(data), encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def open_data_csv(request: HttpRequest, organisation_slug: str, key: str) -> HttpResponse:
    data = figures(organisation_slug)
    table = data.table(key)
    if table is None:
        raise Http404("No such table")
    filename = f"{data.organisation.slug}-{key}-{data.start}-{data.end}.csv"
    return exports.csv_download(csv_rows(table), filename)
