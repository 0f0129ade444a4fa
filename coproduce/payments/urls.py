from django.urls import path

from coproduce.payments import benefit_views, claim_views, staff_views

app_name = "payments"
urlpatterns = [
    # A carer's own claims (staff reach any claim of their organisation the same way).
    path("claims/", claim_views.claims, name="claims"),
    path("claims/<int:claim_pk>/", claim_views.claim, name="claim"),
    path("claims/<int:claim_pk>/lines/<int:claim_line_pk>/", claim_views.line, name="line"),
    path(
        "claims/<int:claim_pk>/lines/<int:claim_line_pk>/receipt/",
        claim_views.receipt,
        name="receipt",
    ),
    path("claims/<int:claim_pk>/add/", claim_views.add_line, name="add-line"),
    path("claims/<int:claim_pk>/method/", claim_views.method, name="method"),
    path("claims/<int:claim_pk>/submit/", claim_views.submit, name="submit"),
    path("claims/<int:claim_pk>/review/", staff_views.review, name="review"),
    path("claims/<int:claim_pk>/paid/", staff_views.paid, name="paid"),
    path("claims/benefits/", benefit_views.benefits, name="benefits"),
    path("claims/statements/<int:year>/", benefit_views.statement, name="statement"),
    path(
        "people/<int:person_pk>/benefits/",
        benefit_views.person_benefits,
        name="person-benefits",
    ),
    path(
        "people/<int:person_pk>/statements/<int:year>/",
        benefit_views.person_statement,
        name="person-statement",
    ),
    # Staff: a project's claims and budget, the finance export, the rates.
    path("projects/<int:project_pk>/payments/", staff_views.project, name="project"),
    path("projects/<int:project_pk>/payments/draft/", staff_views.draft, name="draft"),
    path(
        "projects/<int:project_pk>/payments/export.csv",
        staff_views.export_csv,
        name="export-csv",
    ),
    path(
        "projects/<int:project_pk>/payments/export.xlsx",
        staff_views.export_xlsx,
        name="export-xlsx",
    ),
    path("payments/rates/", staff_views.rates, name="rates"),
]
