from django.contrib import admin
from django.http import HttpRequest

from coproduce.notifications.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    """Read-only: what was sent, to whom, and whether it arrived at Notify."""

    list_display = ["created_at", "organisation", "person", "kind", "channel", "status", "sent_at"]
    list_filter = ["status", "channel", "organisation"]
    list_select_related = ["organisation", "person"]
    search_fields = ["idempotency_key", "notify_id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Message | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Message | None = None) -> bool:
        return False
