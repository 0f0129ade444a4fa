"""Counting related rows in SQL, as a scalar subquery a queryset can annotate with.

A subquery instead of a JOIN with COUNT: several counts on one row don't multiply each
other, and a page of rows is counted without loading the rows counted."""

from typing import Any

from django.db.models import F, Func, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_of(rows: "QuerySet[Any]", distinct: str = "") -> Coalesce:
    """COUNT of `rows` (of the distinct values of the field `distinct`), 0 when none.

    `rows` is usually filtered on OuterRef("pk"): `count_of(Vote.objects.filter(
    proposal=OuterRef("pk")))`."""
    if distinct:
        counter = Func(
            F(distinct), template="COUNT(DISTINCT %(expressions)s)", output_field=IntegerField()
        )
    else:
        counter = Func(template="COUNT(*)", output_field=IntegerField())
    counted = rows.order_by().annotate(n=counter).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
