from django.contrib import admin

from coproduce.payments.models import ReferenceFigure


@admin.register(ReferenceFigure)
class ReferenceFigureAdmin(admin.ModelAdmin[ReferenceFigure]):
    """Platform operators add a row for each new tax year's figures: no code change."""

    list_display = ["key", "value", "unit", "applies_from"]
    list_filter = ["key"]
    ordering = ["key", "-applies_from"]
