"""What evaluation adds to the apps below it, registered when the app starts
(EvaluationConfig.ready): the rung of the ladder on the project page; the rule that the
agreed evaluation questions are asked before Review; where the final review is, on the project
page; and the questions a person proposed and their comments on a review, in their download
and erasure."""

from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.evaluation import actions, review_actions, rules
from coproduce.evaluation.models import Agreement, EvaluationQuestion, Review, ReviewComment
from coproduce.evaluation.rung import assessment_of
from coproduce.people import personal_data
from coproduce.people.models import Person
from coproduce.projects import extensions
from coproduce.projects.models import Project, Stage


def not_asked(project: Project) -> int:
    """Agreed evaluation questions that have not been asked yet (one query)."""
    agreed = EvaluationQuestion.objects.filter(rules.AGREED_Q, project=project)
    return agreed.filter(askings__isnull=True).count()


def _refusal(waiting: int) -> str:
    return ngettext(
        "%(num)s agreed evaluation question has not been asked yet. Ask it before the review.",
        "%(num)s agreed evaluation questions have not been asked yet. Ask them before the review.",
        waiting,
    ) % {"num": waiting}


def _warning(waiting: int) -> str:
    return ngettext(
        "%(num)s agreed evaluation question has not been asked yet. The project cannot move to Review until every agreed question has been asked.",
        "%(num)s agreed evaluation questions have not been asked yet. The project cannot move to Review until every agreed question has been asked.",
        waiting,
    ) % {"num": waiting}


def _link(project: Project, waiting: int) -> tuple[str, str]:
    return _("Ask the agreed evaluation questions"), reverse("evaluation:ask", args=[project.pk])


def summary(project: Project, now: datetime) -> extensions.Summarised:
    assessment = assessment_of(project, now)
    return extensions.Summarised(
        title=_("How far carers were involved"),
        headline=_("%(rung)s: %(group)s")
        % {"rung": assessment.rung.name, "group": str(assessment.rung.group).lower()},
        lines=assessment.reasons,
        link=(
            _("Why, what would move it up, and the evaluation plan"),
            reverse("evaluation:project", args=[project.pk]),
        ),
        tag_colour=assessment.rung.colour,
    )


def review_summary(project: Project, now: datetime) -> extensions.Summarised:
    """Where the final review is: not written, a draft with the group, or published (one
    query)."""
    review = Review.objects.filter(project=project).only("published_at", "version").first()
    link = (_("Read the final review"), reverse("evaluation:review", args=[project.pk]))
    if review is None:
        return extensions.Summarised(
            title=_("Final review"),
            headline=_("Not written yet"),
            lines=[],
            link=(_("The final review"), link[1]),
            tag_colour="govuk-tag--grey",
        )
    if review.published_at is None:
        headline = _("Draft %(version)s, with the group") % {"version": review.version}
        return extensions.Summarised(
            title=_("Final review"),
            headline=headline,
            lines=[],
            link=link,
            tag_colour="govuk-tag--blue",
        )
    return extensions.Summarised(
        title=_("Final review"),
        headline=_("Published"),
        lines=[],
        link=link,
        tag_colour="govuk-tag--green",
    )


def exported_comments(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    """The person's comments on final reviews, and whether they agreed."""
    theirs = ReviewComment.objects.filter(person=person).select_related("review__project")
    return [
        {
            "project": c.review.project.title,
            "agreement": c.agreement,
            "comment": c.text,
            "draft": c.version,
            "given_at": c.given_at.isoformat(),
        }
        for c in theirs
    ]


def exported(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    """The evaluation questions the person proposed."""
    theirs = EvaluationQuestion.objects.filter(proposed_by=person).select_related("project")
    return [
        {
            "project": q.project.title,
            "question": q.text,
            "question_cy": q.text_cy,
            "proposed_at": q.proposed_at.isoformat(),
        }
        for q in theirs
    ]


def register() -> None:
    extensions.add_summary(extensions.Summary("rung", summary))
    # Carers in the group read, comment on and agree the draft review.
    extensions.add_summary(extensions.Summary("review", review_summary, for_carers=True))
    extensions.add_gate(
        extensions.Gate(
            "evaluation_not_asked",
            Stage.REVIEW,
            waiting=not_asked,
            refusal=_refusal,
            warning=_warning,
            link=_link,
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "evaluation_questions",
            exported,
            actions.forget_questions,
            ("evaluation.EvaluationQuestion",),
            title=_("Evaluation questions you proposed"),
            labels={
                "project": _("Project"),
                "question": _("Question"),
                "question_cy": _("Question in Welsh"),
                "proposed_at": _("Proposed"),
            },
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "review_comments",
            exported_comments,
            review_actions.forget_comments,
            ("evaluation.ReviewComment",),
            title=_("Your comments on final reviews"),
            labels={
                "project": _("Project"),
                "agreement": _("Whether you agreed"),
                "comment": _("Comment"),
                "draft": _("Draft"),
                "given_at": _("Given"),
            },
            choices={"agreement": Agreement},
        )
    )
