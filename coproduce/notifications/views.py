"""Staff pages about messages: the ones that could not be sent, for staff to deliver."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.notifications import access, actions

PAGE_SIZE = 50


def not_delivered(request: HttpRequest) -> HttpResponse:
    """Messages Notify could not send, or that need a phone call, oldest first: the count
    and one page of them, however many there are."""
    rows = access.messages_not_delivered(request)
    current = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/not_delivered.html", {"page": current})


@require_POST
def deal_with(request: HttpRequest, message_pk: int) -> HttpResponse:
    """A button: staff phoned or wrote to the person instead, so the message leaves the list."""
    message = access.message_not_delivered(request, message_pk)
    if actions.deal_with(message):
        messages.success(
            request, _("Marked as dealt with: %(subject)s") % {"subject": message.subject}
        )
    return redirect("notifications:not-delivered")
