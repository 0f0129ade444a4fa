"""Survey results to download: the answers as CSV, and a spreadsheet with the totals and
the answers. Confidential answers are counted in the totals and never listed; names
appear only where the contributor chose to be identifiable, and only for staff."""

import csv
import io

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]

from coproduce.contributions.access import viewer_for
from coproduce.surveys import access, results
from coproduce.surveys.models import Survey

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe(value: object) -> object:
    """Stop a spreadsheet from running a typed answer as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def headings() -> list[str]:
    return [
        _("Response"),
        _("Date"),
        _("How given"),
        _("Name"),
        _("Question number"),
        _("Question"),
        _("Answer"),
    ]


def answer_rows(survey: Survey, request: HttpRequest) -> tuple[list[list[object]], int]:
    rows, left_out = results.export_rows(survey, viewer_for(request))
    return [
        [
            safe(v)
            for v in (r.response, r.submitted, r.channel, r.name, r.number, r.question, r.answer)
        ]
        for r in rows
    ], left_out


def left_out_note(left_out: int) -> str:
    return _("Confidential answers counted in the totals but not listed: %(num)s") % {
        "num": left_out
    }


def results_csv(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    rows, left_out = answer_rows(survey, request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-answers.csv"'
    writer = csv.writer(response)
    writer.writerow(headings())
    writer.writerows(rows)
    writer.writerow([left_out_note(left_out)])
    return response


def results_xlsx(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    found = results.build(survey, viewer_for(request), results.Use.EXPORT)
    book = Workbook()
    totals = book.active
    assert totals is not None
    totals.title = _("Totals")[:31]
    totals.append([_("Question number"), _("Question"), _("Answer"), _("Number"), _("Percent")])
    for result in found.questions:
        for bar in result.bars:
            totals.append(
                [
                    result.question.position,
                    safe(result.question.shown("text")),
                    safe(bar.label),
                    bar.count,
                    bar.percent,
                ]
            )
    totals.append([_("Responses"), found.responses])
    answers = book.create_sheet(_("Answers")[:31])
    answers.append(headings())
    rows, left_out = answer_rows(survey, request)
    for row in rows:
        answers.append(row)
    answers.append([left_out_note(left_out)])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.xlsx"'
    return response
