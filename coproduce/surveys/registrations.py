"""What surveys add to the apps below them, registered when the app starts
(SurveysConfig.ready): the person's survey answers and what they wrote after a survey
closed, in their download; on erasure the words go and the chosen options stay, as counts.
An anonymous answer keeps no person, so it is neither theirs to download nor to erase.
Words given in confidence are for the coordinator and the person: a download on someone's
behalf says only that they exist (as contributions do)."""

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from coproduce.contributions.models import Privacy
from coproduce.people import personal_data
from coproduce.people.models import Person
from coproduce.surveys.models import Answer, LateAnswer, Response, ResponseChannel


def _words(text: str, privacy: str, on_behalf: bool) -> str | None:
    return None if on_behalf and privacy == Privacy.CONFIDENTIAL else text


def responses(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    answers = Answer.objects.select_related("question").prefetch_related("options")
    theirs = (
        Response.objects.filter(person=person)
        .select_related("survey")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("started_at", "pk")
    )
    return [
        {
            "survey": r.survey.title,
            "privacy": r.privacy,
            "channel": r.channel,
            "started_at": r.started_at.isoformat(),
            "submitted_at": r.submitted_at.isoformat() if r.submitted_at else None,
            "answers": [
                {
                    "question": a.question.text,
                    "answer": _words(a.value, r.privacy, on_behalf),
                    "options": [o.text for o in a.options.all()],
                }
                for a in r.answers.all()
            ],
        }
        for r in theirs
    ]


def forget_answers(person: Person) -> None:
    """The words go; the options chosen stay, so the survey's counts still add up."""
    Answer.objects.filter(response__person=person).exclude(value="").update(
        value=personal_data.REMOVED
    )


def late(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = LateAnswer.objects.filter(person=person).select_related("survey")
    return [
        {
            "survey": a.survey.title,
            "privacy": a.privacy,
            "received_at": a.received_at.isoformat(),
            "text": _words(a.text, a.privacy, on_behalf),
        }
        for a in theirs.order_by("received_at", "pk")
    ]


def forget_late(person: Person) -> None:
    LateAnswer.objects.filter(person=person).update(text=personal_data.REMOVED)


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "survey_responses",
            responses,
            forget_answers,
            ("surveys.Response", "surveys.Answer"),
            title=_("Survey answers"),
            labels={
                "survey": _("Survey"),
                "privacy": _("Who can see it"),
                "submitted_at": _("Sent"),
                "answers": _("Answers"),
                "question": _("Question"),
                "answer": _("Answer"),
                "options": _("Chosen"),
                "channel": _("How it was given"),
                "started_at": _("Started"),
            },
            choices={"privacy": Privacy, "channel": ResponseChannel},
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "late_survey_answers",
            late,
            forget_late,
            ("surveys.LateAnswer",),
            title=_("What you wrote after a survey closed"),
            labels={
                "survey": _("Survey"),
                "privacy": _("Who can see it"),
                "received_at": _("Received"),
                "text": _("What you wrote"),
            },
            choices={"privacy": Privacy},
        )
    )
