"""Back-office reports for web editors: pages overdue for review, and which categories of
the information disclosure page have nothing yet."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.permissions import page_permission_policy

from huzheng.site.models import DisclosurePage, reviewed_page_models


def overdue_pages(today=None):
    """Pages whose review-by date has passed, the longest overdue first."""
    today = today or timezone.localdate()
    rows = []
    for model in reviewed_page_models():
        for page in model.objects.filter(review_by__lt=today).only("id", "title", "review_by"):
            rows.append(page)
    return sorted(rows, key=lambda p: (p.review_by, p.title))


def disclosure_gaps():
    """[(disclosure page, [missing category rows])] for every disclosure page."""
    return [(page, page.missing_categories()) for page in DisclosurePage.objects.all()]


def overdue_review_report(request):
    _require_page_editor(request)
    return render(
        request,
        "site/admin/overdue_review.html",
        {
            "pages": overdue_pages(),
            "page_title": _("Pages overdue for review"),
            "header_icon": "time",
        },
    )


def disclosure_coverage_report(request):
    _require_page_editor(request)
    return render(
        request,
        "site/admin/disclosure_coverage.html",
        {
            "rows": disclosure_gaps(),
            "page_title": _("Information disclosure coverage"),
            "header_icon": "list-ul",
        },
    )


def user_may_see_reports(user):
    return page_permission_policy.user_has_any_permission(user, ["add", "change", "publish"])


def _require_page_editor(request):
    if not user_may_see_reports(request.user):
        raise PermissionDenied
