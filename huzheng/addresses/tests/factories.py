import datetime as dt

from huzheng.addresses.models import PopulationFigure, Village
from huzheng.core.tests.factories import OfficeFactory

DEFAULTS = {
    "households": 300,
    "males": 420,
    "females": 400,
    "births": 1,
    "deaths": 2,
    "marriages": 1,
    "divorces": 0,
    "moves_in": 5,
    "moves_out": 6,
}


def office_with_villages(code="testoffice", names=("湖西村", "臺北里", "成功村"), **kwargs):
    office = OfficeFactory(code=code, name=kwargs.pop("name", "測試戶政事務所"), **kwargs)
    villages = [
        Village.objects.get_or_create(office=office, name=name, defaults={"sort_order": i})[0]
        for i, name in enumerate(names)
    ]
    return office, villages


def figure(village, month=dt.date(2026, 9, 1), **values):
    return PopulationFigure.objects.create(village=village, month=month, **{**DEFAULTS, **values})
