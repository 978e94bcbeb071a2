"""Population statistics as open data (CSV, JSON). Thin: parse, call the services,
render."""

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse

from huzheng.addresses.population import services
from huzheng.core.services import OfficeNotFound, get_office

LICENSE = "政府資料開放授權條款－第1版 (Open Government Data License, version 1.0)"


def population_csv(request):
    office, month = _download_filter(request)
    rows = services.open_data_rows(office, month)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"population-{office.code}" + (f"-{month:%Y-%m}" if month else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # so spreadsheet programs in Taiwan open the Chinese correctly
    writer = csv.writer(response)
    writer.writerow(services.OPEN_DATA_COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(row[key]) for key in services.OPEN_DATA_COLUMNS])
    return response


def population_json(request):
    office, month = _download_filter(request)
    payload = {
        "dataset": "population",
        "office": {"code": office.code, "name": office.name},
        "demo": office.is_demo,
        "note": (
            "Fictional demo figures, not real statistics. 展示用虛構數字，非真實統計。"
            if office.is_demo
            else ""
        ),
        "month": month.strftime("%Y-%m") if month else None,
        "columns": list(services.OPEN_DATA_COLUMNS),
        "rows": services.open_data_rows(office, month),
        "license": LICENSE,
    }
    return JsonResponse(
        payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )


def _download_filter(request):
    """(office, month or None) from ?office=huxi&month=2026-10; a bad value is a 404."""
    code = request.GET.get("office", "")
    if code:
        try:
            office = get_office(code)
        except OfficeNotFound:
            raise Http404("office") from None
    else:
        office = request.office
        if office is None:
            raise Http404("office")
    month = None
    text = request.GET.get("month", "")
    if text:
        month = services.parse_iso_month(text[:20])
        if month is None:
            raise Http404("month")
    return office, month


def _csv_cell(value):
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
