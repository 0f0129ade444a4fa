from django.urls import path

from coproduce.evaluation import review_views, views

app_name = "evaluation"
urlpatterns = [
    path("projects/<int:project_pk>/evaluation/", views.project_evaluation, name="project"),
    path("projects/<int:project_pk>/evaluation/propose/", views.propose, name="propose"),
    path(
        "projects/<int:project_pk>/evaluation/put-to-group/",
        views.put_to_group,
        name="put-to-group",
    ),
    path("projects/<int:project_pk>/evaluation/ask/", views.ask, name="ask"),
    # The final review: the group and staff read it; staff write and publish, members comment.
    path("projects/<int:project_pk>/review/", review_views.review, name="review"),
    path("projects/<int:project_pk>/review/write/", review_views.draft, name="review-draft"),
    path("projects/<int:project_pk>/review/comment/", review_views.comment, name="review-comment"),
    path("projects/<int:project_pk>/review/publish/", review_views.publish, name="review-publish"),
    # Published: anyone with the address.
    path("reviews/<uuid:review_uuid>/", review_views.public_review, name="public-review"),
    path(
        "reviews/<uuid:review_uuid>/easy-read/",
        review_views.public_easy_read,
        name="public-review-easy-read",
    ),
    path(
        "reviews/<uuid:review_uuid>/review.pdf", review_views.public_pdf, name="public-review-pdf"
    ),
]
