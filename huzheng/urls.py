from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from huzheng.api import api
from huzheng.core import views as core_views
from huzheng.core.pagecache import public_page
from huzheng.site import views as site_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("offices/", core_views.office_list, name="office_list"),
    path("offices/<str:code>/", core_views.office_detail, name="office_detail"),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("language/<str:code>/", core_views.switch_language, name="switch_language"),
    path("", include("huzheng.catalog.urls")),
    path("forms/", include("huzheng.catalog.eforms.urls")),
    path("", include("huzheng.addresses.urls")),
    path("search/", include("huzheng.search.urls")),
    path("queue/", include("huzheng.queueing.urls")),
    path("appointments/", include("huzheng.appointments.urls")),
    path("idcards/", include("huzheng.idcards.urls")),
    path("cases/documents/", include("huzheng.feedback.document_urls")),
    path("cases/", include("huzheng.cases.urls")),
    path("what-next/", include("huzheng.outreach.urls")),
    path("feedback/", include("huzheng.feedback.urls")),
    path("surveys/", include("huzheng.surveys.urls")),
    path("quality/", include("huzheng.quality.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("feeds/", include("huzheng.site.urls")),
    path("sitemap.xml", public_page("site", "catalog")(site_views.sitemap), name="sitemap"),
    path("robots.txt", public_page()(site_views.robots_txt), name="robots_txt"),
    path("favicon.ico", site_views.favicon, name="favicon"),
]

if settings.DEBUG or settings.HUZHENG_PLAIN_HTTP:
    # Uploads on a development or `make run` machine (nginx serves them in production);
    # django.conf.urls.static.static() would give nothing with DEBUG off.
    from django.urls import re_path
    from django.views.static import serve as serve_media

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})
    ]

# Wagtail's page tree serves everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
