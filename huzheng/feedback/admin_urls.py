"""Back-office URLs of the mailbox desk, mounted under /admin/feedback/ by wagtail_hooks."""

from django.urls import path

from huzheng.feedback import admin_views, document_views

app_name = "feedback_staff"

urlpatterns = [
    path("", admin_views.dashboard, name="dashboard"),
    path("statistics/", admin_views.statistics_page, name="statistics"),
    path("documents/", document_views.register, name="documents"),
    path("documents/<int:pk>/", document_views.document, name="document"),
    path("documents/<int:pk>/move/", document_views.move, name="document_move"),
    path("new/", admin_views.take, name="take"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/letter/", admin_views.reply_letter, name="reply_letter"),
    path("<int:pk>/<str:action>/", admin_views.act, name="act"),
    path("<int:pk>/attachments/<int:attachment_pk>/", admin_views.attachment, name="attachment"),
]
