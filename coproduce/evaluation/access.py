"""The door to evaluation plans.

A project's evaluation page (its rung on the ladder, its questions, when they were asked) is
seen by whoever may see the project: staff, and its current group. Members of the group and
staff propose questions; only staff put them to the group and ask them.

The final review is read by the same people while it is a draft; only staff draft it and
publish it, and only members of the group (not staff) comment on it. Staff see every
comment with its author; a member sees only their own. Published, anyone with its address
reads it, signed in or not.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from coproduce.activities.models import Activity, ActivityStatus
from coproduce.evaluation.models import Asking, EvaluationQuestion, Review, ReviewComment
from coproduce.people.access import own_rows
from coproduce.projects.access import projects_of_organisation, rows_of_project
from coproduce.projects.models import GroupRole, Project, ProjectMember
from coproduce.tenancy.access import Need, is_staff, membership_for, one
from coproduce.tenancy.models import Organisation


def questions_of(
    request: HttpRequest, project: Project, need: Need = "view"
) -> QuerySet[EvaluationQuestion]:
    """The evaluation questions of a project that itself came through `project_for`."""
    questions = EvaluationQuestion.objects.select_related("proposal", "proposed_by")
    return rows_of_project(request, questions, project, need)


def askings_of(request: HttpRequest, project: Project) -> QuerySet[Asking]:
    """When the project's agreed questions were asked, each with how many answered."""
    answered = Count("survey__responses", filter=Q(survey__responses__submitted_at__isnull=False))
    askings = Asking.objects.select_related("survey", "activity").annotate(answered=answered)
    return rows_of_project(request, askings, project)


def activities_to_ask_after(request: HttpRequest, project: Project) -> QuerySet[Activity]:
    """Activities of the project that have taken place and whose questions are not yet
    asked; only staff ask."""
    asked = Asking.objects.filter(activity=OuterRef("pk"))
    activities = Activity.objects.filter(
        ~Exists(asked), status=ActivityStatus.SCHEDULED, starts_at__lt=timezone.now()
    ).order_by("-starts_at", "pk")
    return rows_of_project(request, activities, project, need="edit")


def activity_to_ask_after(request: HttpRequest, project: Project, pk: int) -> Activity:
    return one(activities_to_ask_after(request, project), pk=pk)


# --- The final review ------------------------------------------------------------------------


def review_of(request: HttpRequest, project: Project, need: Need = "view") -> Review | None:
    """The review of a project that itself came through `project_for` (None: not drafted);
    only staff change it."""
    return rows_of_project(request, Review.objects.all(), project, need).first()


def review_to_comment_on(request: HttpRequest, project: Project) -> Review:
    """The review of a project whose group the user is in (it came through `project_for`):
    members comment, staff do not (they revise it)."""
    if is_staff(request):
        raise PermissionDenied("Members of the group comment on the review; staff revise it")
    return one(rows_of_project(request, Review.objects.all(), project))


def comments_on(request: HttpRequest, review: Review) -> QuerySet[ReviewComment]:
    """Comments on a review that came through this module: every one, with who gave it, for
    staff; a member's own, for them."""
    comments = ReviewComment.objects.filter(review=review).select_related("person")
    if is_staff(request):
        return comments
    return comments.filter(own_rows(membership_for(request)))


def latest_says(review: Review) -> dict[int, tuple[str, int]]:
    """Each person's latest (agreement, version) on a review that came through this module
    (one query)."""
    rows = ReviewComment.objects.filter(review=review, person__isnull=False).order_by(
        "given_at", "pk"
    )
    return {
        person: (agreement, version)
        for person, agreement, version in rows.values_list("person_id", "agreement", "version")
    }


def current_members(project: Project) -> set[int]:
    """The carers and professional partners in the group now, of a project that came through
    `project_for` (one query); the coordinator drafts, so is not counted."""
    members = ProjectMember.objects.filter(project=project, left_on=None).exclude(
        role=GroupRole.COORDINATOR
    )
    return set(members.values_list("person_id", flat=True))


def public_review_for(review_uuid: uuid.UUID) -> Review:
    """A published review, for anyone who has its address (signed in or not)."""
    published = Review.objects.filter(published_at__isnull=False).select_related(
        "project__organisation"
    )
    return one(published, public_id=review_uuid)


def published_reviews_of(organisation: Organisation) -> QuerySet[Review]:
    """The published final reviews of an organisation's projects (owned or co-owned), for
    its public front door, the latest first, with their projects."""
    published = Review.objects.filter(
        project__in=projects_of_organisation(organisation), published_at__isnull=False
    )
    return published.select_related("project").order_by("-published_at", "-pk")
