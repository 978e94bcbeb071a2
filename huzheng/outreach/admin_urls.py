"""Back-office URLs of the worklist, mounted under /admin/outreach/ by wagtail_hooks."""

from django.urls import path

from huzheng.outreach import admin_views

app_name = "outreach_staff"

urlpatterns = [
    path("", admin_views.worklist, name="worklist"),
    path("new/", admin_views.add, name="add"),
    path("import/", admin_views.import_items, name="import"),
    path("<int:pk>/", admin_views.item, name="item"),
    path("<int:pk>/<slug:action>/", admin_views.act, name="act"),
    path("statistics/", admin_views.statistics, name="statistics"),
    path("what-next/<slug:event>/email/", admin_views.email_checklist, name="email_checklist"),
    path("letters/", admin_views.letter_register, name="letters"),
    path("letters/print.pdf", admin_views.letters_pdf, name="letters_pdf"),
    path("letters/mailed/", admin_views.letters_mailed, name="letters_mailed"),
]
