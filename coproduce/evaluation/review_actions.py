"""Verbs for the final review: staff save a draft (each change a new version), a member of
the group comments and says whether they agree, staff publish it and it is sent, once, to
everyone it concerns. Each is one transaction."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.models import Contribution, Privacy
from coproduce.evaluation import rules
from coproduce.evaluation.models import Agreement, Review, ReviewComment
from coproduce.notifications.actions import notify
from coproduce.notifications.models import Message
from coproduce.people.models import Person
from coproduce.people.personal_data import REMOVED
from coproduce.projects.models import GroupRole, Project, ProjectMember

# Every field staff write: each section, its Welsh, and the easy-read summary in both.
WRITTEN = (
    *(name for name, _label in rules.REVIEW_SECTIONS),
    *(f"{name}_cy" for name, _label in rules.REVIEW_SECTIONS),
    "easy_read",
    "easy_read_cy",
)
KIND = "evaluation.review"


class NotPublishable(Exception):
    """The review cannot be published now; the message says why and what to do."""


@transaction.atomic
def save_draft(
    user: User, project: Project, written: dict[str, str], now: datetime.datetime | None = None
) -> Review:
    """Create or revise the review. A revision that changes any words is a new version: the
    group's agreement was to the words they read."""
    review = Review.objects.select_for_update().filter(project=project).first()
    texts = {name: written.get(name, "").strip() for name in WRITTEN}
    if review is None:
        review = Review(project=project)
    elif any(getattr(review, name) != text for name, text in texts.items()):
        review.version += 1
    for name, text in texts.items():
        setattr(review, name, text)
    review.drafted_by = user
    review.updated_at = now or timezone.now()
    review.save()
    return review


@transaction.atomic
def comment(
    review: Review,
    person: Person,
    agreement: Agreement | str,
    text: str,
    now: datetime.datetime | None = None,
) -> ReviewComment:
    return ReviewComment.objects.create(
        review=review,
        person=person,
        agreement=agreement,
        text=text.strip(),
        version=review.version,
        given_at=now or timezone.now(),
    )


def recipients(project: Project) -> QuerySet[Person]:
    """Who is sent the published review: the group now (carers and professional partners;
    the coordinator published it) and everyone whose contribution to the project is linked
    to them. Anonymous views are linked to nobody, so their givers cannot be reached; erased
    people are not told."""
    members = (
        ProjectMember.objects.filter(project=project, left_on=None)
        .exclude(role=GroupRole.COORDINATOR)
        .values("person_id")
    )
    contributors = (
        Contribution.objects.filter(project=project, person__isnull=False)
        .exclude(privacy=Privacy.ANONYMOUS)
        .values("person_id")
    )
    return (
        Person.objects.filter(Q(pk__in=members) | Q(pk__in=contributors), erased_at=None)
        .select_related("carer_profile")
        .order_by("pk")
    )


def links(review: Review) -> dict[str, str]:
    """The published review's public addresses (no signing in)."""
    kwargs = {"review_uuid": review.public_id}
    return {
        name: settings.SITE_URL + reverse(f"evaluation:{view}", kwargs=kwargs)
        for name, view in (
            ("link", "public-review"),
            ("easy_read_link", "public-review-easy-read"),
            ("pdf_link", "public-review-pdf"),
        )
    }


@transaction.atomic
def publish(user: User, project: Project, now: datetime.datetime | None = None) -> list[Message]:
    """Publish the project's review and send it to everyone it concerns, each by their own
    channel and in their own language. Publishing again (after a correction) sends nothing
    to anyone already sent it: only people new since (a member who joined) are told."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    problem = rules.publish_problem(locked.stage)
    if problem is not None:
        raise NotPublishable(problem)
    review = Review.objects.select_for_update().filter(project=locked).first()
    if review is None:
        raise NotPublishable(str(rules.NO_REVIEW))
    if review.published_at is None:
        review.published_at = now or timezone.now()
        review.published_by = user
        review.save(update_fields=["published_at", "published_by"])
    context = {"project": locked, "organisation": locked.organisation, **links(review)}
    return [
        notify(
            person,
            KIND,
            "evaluation_review",
            context,
            idempotency_key=f"{KIND}.{review.pk}.{person.pk}",
        )
        for person in recipients(locked)
    ]


def sent_count(review: Review) -> int:
    """How many people have been sent the published review (one query)."""
    return Message.objects.filter(idempotency_key__startswith=f"{KIND}.{review.pk}.").count()


def forget_comments(person: Person) -> None:
    """Erasure: the group's agreement still counts, unlinked; the words are removed."""
    theirs = ReviewComment.objects.filter(person=person)
    theirs.exclude(text="").update(text=REMOVED)
    theirs.update(person=None)
