"""The one table lib keeps: which forms have been sent (see `coproduce.lib.once`)."""

from django.db import models


class FormSubmission(models.Model):
    """A form's one-time token, claimed by the first request that sent it; `location` is
    where that request sent the person, so a repeat of it goes there too."""

    token = models.CharField(max_length=64, unique=True)
    location = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.token
