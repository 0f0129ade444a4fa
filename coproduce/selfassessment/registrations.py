"""What the self-assessment adds to the apps below it, registered when the app starts
(SelfAssessmentConfig.ready): a person's answers and comments in their download, and
their erasure (the scores stay in the figures, without the person or their words)."""

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from coproduce.people import personal_data
from coproduce.people.models import Person
from coproduce.selfassessment import actions
from coproduce.selfassessment.models import Answer, Side


def exported(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    """Every answer the person gave (as a carer, or as staff through their sign-in)."""
    theirs = Q(submission__person=person)
    if person.user_id is not None:
        theirs |= Q(submission__user_id=person.user_id, submission__side=Side.STAFF)
    answers = (
        Answer.objects.filter(theirs, submission__round__organisation_id=person.organisation_id)
        .select_related("submission__round", "question")
        .order_by("submission__round__opened_at", "question__position", "pk")
    )
    return [
        {
            "round": a.submission.round.title,
            "statement": a.question.text,
            "score": a.get_score_display() if a.score else _("I don't know"),
            "comment": a.comment,
            "answered_at": a.submission.submitted_at.isoformat(),
        }
        for a in answers
    ]


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "self_assessment_answers",
            exported,
            actions.forget_person,
            ("selfassessment.Submission", "selfassessment.Answer"),
            title=_("Your answers to the organisation's self-assessment"),
            labels={
                "round": _("Round"),
                "statement": _("Statement"),
                "score": _("Your answer"),
                "comment": _("Your comment"),
                "answered_at": _("Answered"),
            },
        )
    )
