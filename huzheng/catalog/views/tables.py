"""The catalog's tables (一覽表) as pages and as open data (CSV, JSON)."""

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from huzheng.catalog import tables


def table_view(request, table, fmt="html"):
    try:
        data = tables.build(table)
    except KeyError:
        raise Http404(table) from None
    if fmt == "csv":
        return _csv_response(data)
    if fmt == "json":
        return _json_response(data)
    return render(
        request,
        "catalog/table.html",
        {
            "table": data,
            "tables": tables.TABLE_TITLES,
            "body": _table_body(data),
        },
    )


def _table_body(table):
    """The table's rows as HTML, built in Python: hundreds of cells through template tags
    cost more than the rest of the page together."""
    if not table.rows:
        return format_html(
            '<tr><td colspan="{}">{}</td></tr>', len(table.columns), _("Nothing published yet.")
        )
    rows = []
    for row in table.rows:
        cells = []
        for index, (key, _label) in enumerate(table.columns):
            value = row.get(key)
            if index == 0 and row.get("slug"):
                url = reverse("catalog:service_detail", args=[row["slug"]])
                cells.append(format_html('<th scope="row"><a href="{}">{}</a></th>', url, value))
                continue
            if value is None or value == "":
                text = "—"
            elif key == "bookable" and value and row.get("slug"):
                # "Bookable online: yes" is the way to book it, not a bare word.
                url = reverse("appointments:service", args=[row["slug"]])
                cells.append(format_html('<td><a href="{}">{}</a></td>', url, _("Yes: book")))
                continue
            elif isinstance(value, bool):
                text = _("Yes") if value else _("No")
            else:
                text = value
            cells.append(format_html("<td>{}</td>", text))
        rows.append(format_html("<tr>{}</tr>", mark_safe("".join(cells))))  # noqa: S308
    return mark_safe("\n".join(rows))  # noqa: S308 - every piece went through format_html


def _csv_response(table):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.slug}.csv"'
    # A byte-order mark, so spreadsheet programs in Taiwan open the Chinese correctly.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(label) for _key, label in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(row.get(key)) for key, _label in table.columns])
    return response


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    text = str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _json_response(table):
    payload = {
        "table": table.slug,
        "title": str(table.title),
        "updated_at": table.updated_at,
        "columns": [{"key": key, "label": str(label)} for key, label in table.columns],
        "rows": table.rows,
        "license": "政府資料開放授權條款－第1版 (Open Government Data License, version 1.0)",
    }
    return JsonResponse(
        payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
