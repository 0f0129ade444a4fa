"""API tokens: each acts for one organisation, with the scopes an admin chose.

Only a hash of the secret is kept; the secret is shown once, when the token is made. Who
made or revoked a token is in the audit log (so the token links to no person or sign-in).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.tenancy.models import Organisation


class ApiToken(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    # The token's public first part, by which it is found; the rest is only hashed.
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="api_token_org")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"
