"""The figures an admin uploaded from their local authority's Census 2021 table, so the
dashboards compare the organisation's carers with the carers of its own area rather than
with England or Wales. One set per organisation; an upload replaces the last."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.tenancy.models import Organisation


class CensusFigure(models.Model):
    """One figure of the uploaded table, in the long format of the Census figures shipped
    with the product (area, measure, category, value)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="census_figures"
    )
    area_code = models.CharField(_("area code"), max_length=12)
    area_name = models.CharField(_("area name"), max_length=100)
    measure = models.CharField(max_length=60)
    category = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["measure", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "measure", "category"], name="one_census_figure_each"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="census_figure_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area_code} {self.measure} {self.category}: {self.value}"
