"""Platform operators keep the guidance questions (those of no organisation) here; each
organisation's admin keeps its own copy on the self-assessment pages."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.selfassessment.models import Question


@admin.register(Question)
class GuidanceQuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ("position", "area", "principle", "text", "active")
    list_display_links = ("text",)
    list_filter = ("area", "principle", "active")
    fields = ("area", "principle", "position", "text", "text_cy", "active")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).filter(organisation=None)
