from django.urls import path

from huzheng.catalog.views import checklist, counter, guides, slips, tables
from huzheng.core.pagecache import public_page

app_name = "catalog"
# The guides and tables are the same for every visitor until the catalog changes.
catalog_page = public_page("catalog")

urlpatterns = [
    path("services/", catalog_page(guides.service_list), name="service_list"),
    path("services/checklist/", checklist.checklist_view, name="checklist"),
    path("services/tables/<slug:table>/", catalog_page(tables.table_view), name="table"),
    path(
        "services/tables/<slug:table>.csv",
        catalog_page(tables.table_view),
        {"fmt": "csv"},
        name="table_csv",
    ),
    path(
        "services/tables/<slug:table>.json",
        catalog_page(tables.table_view),
        {"fmt": "json"},
        name="table_json",
    ),
    path("services/<slug:slug>/", catalog_page(guides.service_detail), name="service_detail"),
    path("slips/<str:number>.pdf", slips.slip_pdf, name="slip_pdf"),
    path("slips/<str:number>/", slips.slip_detail, name="slip_detail"),
    path("staff/slips/new/", counter.staff_slip_new, name="staff_slip_new"),
]
