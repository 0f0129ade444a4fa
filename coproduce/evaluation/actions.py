"""Verbs for the evaluation plan: propose a question, put the proposed questions to the
group (a decision, through the decisions app), and ask the agreed questions at a point
(a survey, through the surveys app, in English and Welsh). Each is one transaction."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.activities.models import Activity
from coproduce.decisions import actions as decisions
from coproduce.decisions.models import Proposal
from coproduce.evaluation import rules
from coproduce.evaluation.models import Asking, AskWhen, EvaluationQuestion, Method
from coproduce.people.models import Person
from coproduce.projects.models import GroupRole, Project, ProjectMember
from coproduce.surveys import actions as surveys
from coproduce.surveys.models import Audience, Layout, QuestionKind


class NothingToDo(Exception):
    """There are no questions to put to the group, or none agreed to ask at this point."""


class AlreadyAsked(Exception):
    """The questions were asked at this point already."""


@dataclass(frozen=True)
class Proposed:
    text: str
    text_cy: str
    method: Method | str
    ask_when: AskWhen | str


def is_carer_member(project: Project, person: Person | None) -> bool:
    if person is None:
        return False
    return ProjectMember.objects.filter(
        project=project, person=person, role=GroupRole.CARER
    ).exists()


@transaction.atomic
def propose_question(
    project: Project,
    proposer: Person | None,
    proposed: Proposed,
    now: datetime.datetime | None = None,
) -> EvaluationQuestion:
    return EvaluationQuestion.objects.create(
        project=project,
        text=proposed.text.strip(),
        text_cy=proposed.text_cy.strip(),
        method=proposed.method,
        ask_when=proposed.ask_when,
        proposed_by=proposer,
        proposed_by_carer=is_carer_member(project, proposer),
        proposed_at=now or timezone.now(),
    )


def _background(questions: list[EvaluationQuestion]) -> str:
    lines = [_("These are the questions proposed to evaluate the project together:"), ""]
    for number, question in enumerate(questions, start=1):
        lines.append(
            _("%(number)s. %(text)s (%(method)s; %(when)s)")
            % {
                "number": number,
                "text": question.text,
                "method": question.get_method_display(),
                "when": str(question.get_ask_when_display()).lower(),
            }
        )
    return "\n".join(lines)


@transaction.atomic
def put_to_group(
    user: User,
    project: Project,
    proposer: Person | None,
    deadline: datetime.datetime,
    now: datetime.datetime | None = None,
    short_notice_reason: str = "",
) -> Proposal:
    """Put every question not yet agreed (and not with the group now) to the group as one
    proposal, which the group decides by consensus like any other (and whose deadline,
    like any other's, gives members the notice they need or says why not)."""
    waiting = list(
        EvaluationQuestion.objects.select_for_update(of=("self",))
        .filter(rules.TO_PUT_Q, project=project)
        .order_by("proposed_at", "pk")
    )
    if not waiting:
        raise NothingToDo()
    draft = decisions.Draft(
        title=_("Agree how we evaluate the project"),
        background=_background(waiting),
        options=_(
            "Agree these questions and how and when to ask them, or say what to change. "
            "Agreed questions are asked through a survey at the times chosen."
        ),
        deadline=deadline,
        hide_positions_until_deadline=False,
        allow_anonymous_positions=False,
        short_notice_reason=short_notice_reason,
    )
    proposal = decisions.put_proposal(user, project, proposer, draft, now=now)
    EvaluationQuestion.objects.filter(pk__in=[q.pk for q in waiting]).update(proposal=proposal)
    return proposal


def _titles(activity: Activity | None) -> tuple[str, str]:
    """The survey's title in English and in Welsh, whatever language the page is in."""
    titles = []
    for language in ("en", "cy"):
        with translation.override(language):
            if activity is None:
                titles.append(_("How did the project go? Questions at the end of Delivery"))
            else:
                titles.append(_("How did it go? %(activity)s") % {"activity": activity.title})
    return titles[0], titles[1]


@transaction.atomic
def ask(
    user: User,
    project: Project,
    activity: Activity | None,
    now: datetime.datetime | None = None,
) -> Asking:
    """Ask the agreed questions for this point (after `activity`, or at the end of
    Delivery when it is None) in a survey for the group, open now. Answers from a group
    discussion or interviews are entered into the same survey by staff."""
    point = AskWhen.END_OF_DELIVERY if activity is None else AskWhen.AFTER_EACH_ACTIVITY
    asked = Asking.objects.filter(project=project)
    if activity is None and asked.filter(point=point).exists():
        raise AlreadyAsked()
    if activity is not None and asked.filter(activity=activity).exists():
        raise AlreadyAsked()
    questions = list(
        EvaluationQuestion.objects.filter(rules.AGREED_Q, project=project, ask_when=point)
    )
    if not questions:
        raise NothingToDo()
    title, title_cy = _titles(activity)
    with translation.override("en"):
        intro = _("The group agreed to ask these questions to evaluate the project together.")
    with translation.override("cy"):
        intro_cy = _("The group agreed to ask these questions to evaluate the project together.")
    survey = surveys.save_survey(
        project,
        {
            "title": title,
            "title_cy": title_cy,
            "intro": intro,
            "intro_cy": intro_cy,
            "audience": Audience.MEMBERS,
            "layout": Layout.ALL_ON_ONE_PAGE,
        },
    )
    for question in questions:
        surveys.save_question(
            survey,
            {
                "kind": QuestionKind.FREE_TEXT,
                "text": question.text,
                "text_cy": question.text_cy,
                "required": False,
            },
        )
    surveys.open_survey(survey)
    asking = Asking.objects.create(
        project=project,
        point=point,
        activity=activity,
        survey=survey,
        asked_at=now or timezone.now(),
        asked_by=user,
    )
    asking.questions.set(questions)
    return asking


def forget_questions(person: Person) -> None:
    """Erasure: the questions stay the group's, without the proposer's name."""
    EvaluationQuestion.objects.filter(proposed_by=person).update(proposed_by=None)
