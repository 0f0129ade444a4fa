"""What the dashboards write: the organisation's own Census table, replacing the last."""

from django.db import transaction
from django.utils import timezone

from coproduce.insight import rules
from coproduce.insight.models import CensusFigure
from coproduce.tenancy.models import Organisation


@transaction.atomic
def replace_census(organisation: Organisation, figures: list[rules.Figure]) -> int:
    """Keep `figures` as the organisation's local Census table; returns how many."""
    now = timezone.now()
    CensusFigure.objects.filter(organisation=organisation).delete()
    CensusFigure.objects.bulk_create(
        CensusFigure(
            organisation=organisation,
            area_code=f.area_code,
            area_name=f.area_name,
            measure=f.measure,
            category=f.category,
            value=f.value,
            uploaded_at=now,
        )
        for f in figures
    )
    return len(figures)


@transaction.atomic
def remove_census(organisation: Organisation) -> None:
    CensusFigure.objects.filter(organisation=organisation).delete()
