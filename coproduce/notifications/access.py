"""The door to messages: staff of an organisation see the messages it sent (or could not
send) to its people; nobody else sees any."""

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.notifications.models import Message, Status
from coproduce.tenancy.access import of_organisation, one, require_staff

# What staff must deliver themselves: Notify refused it, or there is no way to send it.
NOT_DELIVERED = (Status.FAILED, Status.PHONE_CALL_NEEDED)


def messages_not_delivered(request: HttpRequest) -> QuerySet[Message]:
    """Staff: the organisation's messages that could not be sent and nobody has dealt with
    yet, oldest first, each with the person it was for."""
    membership = require_staff(request)
    failed = Message.objects.filter(
        of_organisation(membership), status__in=NOT_DELIVERED, dealt_with_at=None
    )
    return failed.select_related("person").order_by("created_at", "pk")


def message_not_delivered(request: HttpRequest, pk: int) -> Message:
    """One of the organisation's messages that could not be sent, for staff to deal with."""
    membership = require_staff(request)
    failed = Message.objects.filter(of_organisation(membership), status__in=NOT_DELIVERED)
    return one(failed, pk=pk)
