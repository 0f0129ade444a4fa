"""Survey results to download: the answers as CSV, and a spreadsheet with the totals and
the answers. Confidential answers are counted in the totals and never listed; names
appear only where the contributor chose to be identifiable, and only for staff."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from coproduce.contributions.access import viewer_for
from coproduce.lib import exports
from coproduce.surveys import access, results
from coproduce.surveys.models import Survey


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


def answer_rows(survey: Survey, request: HttpRequest) -> tuple[list[exports.Row], int]:
    rows, left_out = results.export_rows(survey, viewer_for(request))
    return [
        (r.response, r.submitted, r.channel, r.name, r.number, r.question, r.answer) for r in rows
    ], left_out


def left_out_note(left_out: int) -> str:
    return _("Confidential answers counted in the totals but not listed: %(num)s") % {
        "num": left_out
    }


def results_csv(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    rows, left_out = answer_rows(survey, request)
    table = [headings(), *rows, [left_out_note(left_out)]]
    return exports.csv_download(table, f"survey-{survey.pk}-answers.csv")


def results_xlsx(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = access.survey_for(request, survey_pk)
    found = results.build(survey, viewer_for(request), results.Use.EXPORT)
    totals: list[exports.Row] = [
        [_("Question number"), _("Question"), _("Answer"), _("Number"), _("Percent")]
    ]
    for result in found.questions:
        for bar in result.bars:
            question = result.question
            totals.append(
                [question.position, question.shown("text"), bar.label, bar.count, bar.percent]
            )
    totals.append([_("Responses"), found.responses])
    rows, left_out = answer_rows(survey, request)
    answers = [headings(), *rows, [left_out_note(left_out)]]
    sheets = [exports.Sheet(_("Totals"), totals), exports.Sheet(_("Answers"), answers)]
    return exports.xlsx_download(sheets, f"survey-{survey.pk}-results.xlsx")
