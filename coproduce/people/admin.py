from django.contrib import admin

from coproduce.people.models import ErasureRequest


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin[ErasureRequest]):
    """Operators can see that requests are being handled; people's details stay in the service,
    where reading them is audited."""

    list_display = ["pk", "person_id", "requested_at", "completed_at"]
    readonly_fields = ["person", "requested_by", "requested_at", "completed_at", "completed_by"]
    exclude = ["reason"]
