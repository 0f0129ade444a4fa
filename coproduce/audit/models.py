from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.tenancy.models import Organisation


class AuditAction(models.TextChoices):
    VIEWED = "viewed", _("Viewed")
    CHANGED = "changed", _("Changed")
    EXPORTED = "exported", _("Downloaded")
    ERASURE_REQUESTED = "erasure_requested", _("Asked for erasure")
    ERASED = "erased", _("Erased")
    API_TOKEN_CREATED = "api_token_created", _("Created an API token")
    API_TOKEN_REVOKED = "api_token_revoked", _("Revoked an API token")
    API_REFUSED = "api_refused", _("API request refused")


class DataCategory(models.TextChoices):
    """Kinds of special-category (and other sensitive) data we account for."""

    CARING = "caring", _("Caring details")
    HEALTH = "health", _("Health")
    DISABILITY = "disability", _("Disability and access needs")
    ETHNICITY = "ethnicity", _("Ethnicity and equality monitoring")
    CONTACT = "contact", _("Contact details")
    ALL = "all", _("Everything held")


class AuditEvent(models.Model):
    """Who saw or changed what, and when. Never edited; kept when a person is erased."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, related_name="audit_events"
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    categories = models.JSONField(default=list)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-at"], name="audit_org_recent"),
            models.Index(fields=["person", "-at"], name="audit_person_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.action} {self.person_id} at {self.at:%Y-%m-%d %H:%M}"
