"""Back office for the public site: the editors' reports and their menu items."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from huzheng.core import pagecache
from huzheng.site import admin_views


@hooks.register("before_serve_page")
def keep_public_pages(page, request, serve_args, serve_kwargs):
    """Every published page is the same for every anonymous visitor until pages or the
    catalog change (law and FAQ pages name services); the page cache keeps it."""
    pagecache.mark_public()
    pagecache.depends_on("site")
    pagecache.depends_on("catalog")


@hooks.register("register_admin_urls")
def register_site_report_urls():
    return [
        path(
            "reports/overdue-review/",
            admin_views.overdue_review_report,
            name="site_overdue_review",
        ),
        path(
            "reports/disclosure-coverage/",
            admin_views.disclosure_coverage_report,
            name="site_disclosure_coverage",
        ),
    ]


class PageEditorReportItem(MenuItem):
    def is_shown(self, request):
        return admin_views.user_may_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_overdue_review_menu_item():
    return PageEditorReportItem(
        _("Pages overdue for review"),
        reverse("site_overdue_review"),
        icon_name="time",
        order=700,
    )


@hooks.register("register_reports_menu_item")
def register_disclosure_coverage_menu_item():
    return PageEditorReportItem(
        _("Information disclosure coverage"),
        reverse("site_disclosure_coverage"),
        icon_name="list-ul",
        order=701,
    )


@hooks.register("insert_editor_js")
def rich_text_names():
    """Names for the rich text boxes of StreamField blocks (static/js/admin-rich-text.js)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-rich-text.js"))
