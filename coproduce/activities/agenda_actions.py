"""The agenda: staff add, reorder and remove items; a carer in the group suggests one, and
staff put it on the agenda (letting the carer lead it, if they asked) or decline it with a
reason the carer sees. Accepting or declining happens once, however often it is sent."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.activities.models import Activity, AgendaItem, AgendaStatus
from coproduce.people.models import Person


class AlreadyDecided(Exception):
    """The suggestion was accepted or declined already (by someone else, or a second click)."""


def _next_position(activity: Activity) -> int:
    last = AgendaItem.objects.filter(activity=activity, status=AgendaStatus.ACCEPTED).aggregate(
        last=Max("position")
    )["last"]
    return 1 if last is None else last + 1


@transaction.atomic
def add_item(activity: Activity, title: str, details: str) -> AgendaItem:
    """Staff put an item at the end of the agenda."""
    Activity.objects.select_for_update().filter(pk=activity.pk).first()
    return AgendaItem.objects.create(
        activity=activity,
        title=title,
        details=details,
        position=_next_position(activity),
        status=AgendaStatus.ACCEPTED,
    )


def suggest_item(
    activity: Activity, person: Person, title: str, details: str, wants_to_lead: bool
) -> AgendaItem:
    """A carer in the group suggests an item; staff decide."""
    return AgendaItem.objects.create(
        activity=activity,
        title=title,
        details=details,
        status=AgendaStatus.SUGGESTED,
        suggested_by=person,
        wants_to_lead=wants_to_lead,
    )


@transaction.atomic
def accept(user: User, item: AgendaItem, let_them_lead: bool) -> None:
    """The suggestion joins the end of the agenda; its carer leads it if they asked to and
    staff agree."""
    Activity.objects.select_for_update().filter(pk=item.activity_id).first()
    lead = item.suggested_by_id if let_them_lead and item.wants_to_lead else None
    claimed = AgendaItem.objects.filter(pk=item.pk, status=AgendaStatus.SUGGESTED).update(
        status=AgendaStatus.ACCEPTED,
        position=_next_position(item.activity),
        led_by_id=lead,
        decided_by=user,
        decided_at=timezone.now(),
    )
    if claimed != 1:
        raise AlreadyDecided(item.pk)


def decline(user: User, item: AgendaItem, reason: str) -> None:
    claimed = AgendaItem.objects.filter(pk=item.pk, status=AgendaStatus.SUGGESTED).update(
        status=AgendaStatus.DECLINED,
        decline_reason=reason,
        decided_by=user,
        decided_at=timezone.now(),
    )
    if claimed != 1:
        raise AlreadyDecided(item.pk)


@transaction.atomic
def move(activity: Activity, item_pk: int, up: bool) -> bool:
    """Swap an item with the one before (or after) it; False when it is already first (or
    last) or not on the agenda."""
    Activity.objects.select_for_update().filter(pk=activity.pk).first()
    items = list(
        AgendaItem.objects.filter(activity=activity, status=AgendaStatus.ACCEPTED).order_by(
            "position", "pk"
        )
    )
    at = next((n for n, item in enumerate(items) if item.pk == item_pk), None)
    other = None if at is None else at - 1 if up else at + 1
    if at is None or other is None or not 0 <= other < len(items):
        return False
    items[at], items[other] = items[other], items[at]
    for position, item in enumerate(items, start=1):
        if item.position != position:
            AgendaItem.objects.filter(pk=item.pk).update(position=position)
    return True


def remove(activity: Activity, item_pk: int) -> bool:
    """Take an item off the agenda (a carer's suggestion goes with it)."""
    deleted, _ = AgendaItem.objects.filter(
        activity=activity, pk=item_pk, status=AgendaStatus.ACCEPTED
    ).delete()
    return deleted > 0
