"""The door to evaluation plans.

A project's evaluation page (its rung on the ladder, its questions, when they were asked) is
seen by whoever may see the project: staff, and its current group. Members of the group and
staff propose questions; only staff put them to the group and ask them.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from coproduce.activities.models import Activity, ActivityStatus
from coproduce.evaluation.models import Asking, EvaluationQuestion
from coproduce.projects.access import rows_of_project
from coproduce.projects.models import Project
from coproduce.tenancy.access import Need, one


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
