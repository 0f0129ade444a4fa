"""The door to the self-assessment.

Staff (admins and coordinators) see every round of their organisation, its results with
the comments (never with names), and its action plan; they answer as staff and record a
carer's paper or phone answers. Admins open, close and publish rounds and keep the
questions. Carers see the open round, to answer it, and rounds whose results an admin
published. Professional partners have no part in it. Nobody sees another organisation's.
"""

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from coproduce.people.access import own_rows, people_for
from coproduce.people.models import Person
from coproduce.selfassessment.models import Answer, PlanAction, Question, Round, Submission
from coproduce.tenancy.access import (
    ADMIN_ROLES,
    PEOPLE_ROLES,
    membership_for,
    of_organisation,
    one,
    require_role,
    require_staff,
)
from coproduce.tenancy.models import Membership, Role

# Who takes part: staff and carers.
TAKING_PART = PEOPLE_ROLES | {Role.CARER}
# How many carers a name search shows, to record answers for one of them.
FOUND_SHOWN = 20


def _taking_part(request: HttpRequest) -> Membership:
    return require_role(request, frozenset(TAKING_PART))


def rounds_of(request: HttpRequest) -> QuerySet[Round]:
    """Rounds the user may see listed, each with how many staff and carers answered."""
    membership = _taking_part(request)
    rounds = Round.objects.filter(of_organisation(membership))
    if membership.role == Role.CARER:
        rounds = rounds.filter(Q(closed_at=None) | Q(results_published=True))
    return rounds.annotate(
        staff_answered=Count("submissions", filter=Q(submissions__side="staff")),
        carers_answered=Count("submissions", filter=Q(submissions__side="carers")),
    )


def open_round_of(request: HttpRequest) -> Round | None:
    """The organisation's open round, for staff and carers (None if none is open)."""
    membership = _taking_part(request)
    return Round.objects.filter(of_organisation(membership), closed_at=None).first()


def round_results_for(request: HttpRequest, pk: int) -> Round:
    """A round's results: staff always, carers once published."""
    membership = _taking_part(request)
    rounds = Round.objects.filter(of_organisation(membership))
    if membership.role == Role.CARER:
        rounds = rounds.filter(results_published=True)
    return one(rounds, pk=pk)


def previous_round(round_: Round) -> Round | None:
    """The round opened before `round_` (which came through this module) in its
    organisation."""
    return (
        Round.objects.filter(organisation_id=round_.organisation_id, opened_at__lt=round_.opened_at)
        .order_by("-opened_at", "-pk")
        .first()
    )


def round_to_answer(request: HttpRequest, pk: int) -> Round:
    """The open round, for staff and carers to answer."""
    membership = _taking_part(request)
    return one(Round.objects.filter(of_organisation(membership), closed_at=None), pk=pk)


def round_for_staff(request: HttpRequest, pk: int) -> Round:
    membership = require_staff(request)
    return one(Round.objects.filter(of_organisation(membership)), pk=pk)


def round_to_manage(request: HttpRequest, pk: int) -> Round:
    """Opening, closing and publishing are for admins."""
    membership = require_role(request, ADMIN_ROLES)
    return one(Round.objects.filter(of_organisation(membership)), pk=pk)


def questions_to_ask(request: HttpRequest) -> QuerySet[Question]:
    """The organisation's questions asked in rounds, in order."""
    membership = _taking_part(request)
    return Question.objects.filter(of_organisation(membership), active=True)


def questions_to_keep(request: HttpRequest) -> QuerySet[Question]:
    """All the organisation's own questions, for its admin to change."""
    membership = require_role(request, ADMIN_ROLES)
    return Question.objects.filter(of_organisation(membership))


def guidance_questions(request: HttpRequest) -> QuerySet[Question]:
    """The guidance set (the same for everyone), for an admin to start from."""
    require_role(request, ADMIN_ROLES)
    return Question.objects.filter(organisation=None, active=True)


def question_to_change(request: HttpRequest, pk: int) -> Question:
    return one(questions_to_keep(request), pk=pk)


def own_answers(request: HttpRequest, round_: Round) -> QuerySet[Answer]:
    """The signed-in person's own answers in the round, to start from when answering
    again: a carer's by their record, a staff member's by their sign-in."""
    membership = membership_for(request)
    if membership.role == Role.CARER:
        mine = Q(own_rows(membership, "submission__person"))
    else:
        mine = Q(submission__user_id=membership.user_id, submission__side="staff")
    return Answer.objects.filter(mine, submission__round=round_)


def answers_of_carer(round_: Round, person: Person) -> QuerySet[Answer]:
    """A carer's answers (the carer came through people.access) in a round."""
    return Answer.objects.filter(submission__round=round_, submission__person=person)


def carers_found(request: HttpRequest, words: str) -> QuerySet[Person]:
    """Carers of the organisation whose name, email or postcode holds `words`."""
    found = people_for(request).filter(carer_profile__isnull=False)
    if words:
        found = found.filter(
            Q(full_name__icontains=words) | Q(email__icontains=words) | Q(postcode__icontains=words)
        )
    return found.order_by("full_name", "pk")


def carer_for(request: HttpRequest, pk: int) -> Person:
    return one(people_for(request).filter(carer_profile__isnull=False), pk=pk)


def answered_by(round_: Round, pks: list[int]) -> set[int]:
    """Which of these carers answered the round."""
    return set(
        Submission.objects.filter(round=round_, person_id__in=pks).values_list(
            "person_id", flat=True
        )
    )


def comments_of(round_: Round, carers_shown: bool) -> QuerySet[Answer]:
    """The round's comments, without who gave them; carers' only when enough carers
    answered (rules.carer_comments_shown)."""
    comments = Answer.objects.filter(submission__round=round_).exclude(comment="")
    if not carers_shown:
        comments = comments.filter(submission__side="staff")
    return (
        comments.select_related("question")
        .only("comment", "score", "question__text", "question__text_cy", "submission__side")
        .select_related("submission")
        .order_by("question__position", "question_id", "pk")
    )


def plan_of(round_: Round) -> QuerySet[PlanAction]:
    """The round's action plan (the round came through this module)."""
    return PlanAction.objects.filter(round=round_)


def plan_action_for(request: HttpRequest, round_pk: int, pk: int) -> PlanAction:
    membership = require_staff(request)
    actions = PlanAction.objects.filter(of_organisation(membership, "round"), round_id=round_pk)
    return one(actions.select_related("round"), pk=pk)
