"""What leaves the service: the finance export (CSV and XLSX) and a carer's annual
statement (PDF). Both carry personal details, so producing them is audited."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.template import engines
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.audit.actions import record
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.lib import exports
from coproduce.lib.pdf import render_pdf
from coproduce.payments import rules
from coproduce.payments.models import Claim, Method, Payment, Status
from coproduce.people.models import Person
from coproduce.projects.models import Project


def approved_claims(project: Project, organisation_id: int) -> QuerySet[Claim]:
    return (
        Claim.objects.filter(
            project=project,
            organisation_id=organisation_id,
            status__in=[Status.APPROVED, Status.PAID],
        )
        .select_related("person", "payment")
        .order_by("payment__approved_at", "pk")
    )


def payee_details(claim: Claim) -> str:
    if claim.method == Method.BANK:
        return f"{claim.account_name} {claim.sort_code} {claim.account_number}"
    if claim.method == Method.VOUCHER:
        return claim.voucher_send_to
    if claim.method == Method.IN_KIND:
        return claim.in_kind_note
    return ""


def export_rows(claims: Iterable[Claim]) -> list[list[str]]:
    header = [
        _("Claim"),
        _("Payee"),
        _("Method"),
        _("Payee details"),
        _("Amount (£)"),
        _("Approved on"),
        _("Paid on"),
        _("Payment reference"),
        _("Benefits choice"),
    ]
    rows = [header]
    for claim in claims:
        payment: Payment = claim.payment
        rows.append(
            [
                claim.reference,
                claim.person.full_name,
                str(Method(claim.method).label),
                payee_details(claim),
                f"{payment.amount:.2f}",
                timezone.localdate(payment.approved_at).isoformat(),
                payment.paid_on.isoformat() if payment.paid_on else "",
                payment.reference,
                claim.get_benefit_choice_display() if claim.benefit_choice else "",
            ]
        )
    return rows


def _audit_export(claims: list[Claim], by: User) -> None:
    for claim in claims:
        record(
            actor=by,
            person=claim.person,
            action=AuditAction.EXPORTED,
            categories=[DataCategory.CONTACT],
            detail=f"Finance export of claim {claim.reference}",
        )


def export_csv(claims: list[Claim], by: User) -> bytes:
    _audit_export(claims, by)
    return exports.csv_bytes(export_rows(claims), excel_bom=True)


def export_xlsx(claims: list[Claim], by: User) -> bytes:
    _audit_export(claims, by)
    heading, *rows = export_rows(claims)
    amounts: list[exports.Row] = [[*row[:4], Decimal(row[4]), *row[5:]] for row in rows]
    sheet = exports.Sheet(_("Approved claims"), [heading, *amounts], {5: "#,##0.00"})
    return exports.xlsx_bytes([sheet])


# --- Annual statement ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    person: Person
    year: int
    claims: list[Claim]
    total: Decimal

    @property
    def starts(self) -> str:
        return rules.tax_year_bounds(self.year)[0].strftime("%d/%m/%Y")

    @property
    def ends(self) -> str:
        return rules.tax_year_bounds(self.year)[1].strftime("%d/%m/%Y")


def statement(person: Person, year: int) -> Statement:
    starts, ends = rules.tax_year_bounds(year)
    claims = list(
        Claim.objects.filter(
            person=person,
            status=Status.PAID,
            payment__paid_on__gte=starts,
            payment__paid_on__lte=ends,
            payment__amount__gt=0,
        )
        .select_related("payment", "project")
        .prefetch_related("lines__activity")
        .order_by("payment__paid_on", "pk")
    )
    total = sum((c.payment.amount for c in claims), Decimal("0"))
    return Statement(person=person, year=year, claims=claims, total=total)


def statement_pdf(person: Person, year: int, by: User) -> bytes:

    if person.user_id != by.pk:
        record(
            actor=by,
            person=person,
            action=AuditAction.EXPORTED,
            categories=[DataCategory.CONTACT],
            detail=f"Payments statement {year}",
        )
    html = (
        engines["jinja2"]
        .get_template("payments/statement_pdf.html")
        .render({"statement": statement(person, year)})
    )
    return render_pdf(html)
