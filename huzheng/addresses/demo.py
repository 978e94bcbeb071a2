"""Demo villages: the 22 villages (村) of Huxi Township, and a few of Magong's 里; the
population statistics page and twelve months of fictional figures for Huxi's villages;
a few dozen fictional house numbers (門牌) in five Huxi villages.

Eighteen Huxi names are confirmed by public sources (../shared/reference/
household-registration.md §7); 沙港, 西寮, 西溪 and 東石 are the likely remaining four
and stay marked unconfirmed until checked against the MOI administrative code list.
"""

import datetime as dt
import math
import random

from django.db import transaction

from huzheng.addresses.models import PopulationFigure, PopulationStatisticsPage, Village
from huzheng.core import roc
from huzheng.core.models import Office

HUXI = [
    ("湖西村", True),
    ("湖東村", True),
    ("青螺村", True),
    ("紅羅村", True),
    ("西寮村", False),
    ("白坑村", True),
    ("南寮村", True),
    ("北寮村", True),
    ("許家村", True),
    ("東石村", False),
    ("菓葉村", True),
    ("龍門村", True),
    ("尖山村", True),
    ("太武村", True),
    ("沙港村", False),
    ("中西村", True),
    ("成功村", True),
    ("西溪村", False),
    ("林投村", True),
    ("隘門村", True),
    ("鼎灣村", True),
    ("潭邊村", True),
]
# A handful only: the second office exists to show one deployment serving several.
MAGONG = [("重慶里", False), ("中央里", False), ("啟明里", False), ("長安里", False)]


# Fictional registered population of each Huxi village at the start of the demo year:
# about 13,600 people in all, the size of Huxi Township. Not real statistics.
HUXI_POPULATION = {
    "湖西村": 1480,
    "湖東村": 820,
    "青螺村": 560,
    "紅羅村": 690,
    "西寮村": 470,
    "白坑村": 390,
    "南寮村": 560,
    "北寮村": 520,
    "許家村": 480,
    "東石村": 420,
    "菓葉村": 610,
    "龍門村": 840,
    "尖山村": 600,
    "太武村": 450,
    "沙港村": 580,
    "中西村": 520,
    "成功村": 710,
    "西溪村": 480,
    "林投村": 650,
    "隘門村": 880,
    "鼎灣村": 530,
    "潭邊村": 460,
}
# Events per person per year (births 6‰, deaths 9‰ …): an ageing island township that
# slowly loses people, as Penghu's townships do. Made up, but of a plausible size.
YEARLY_RATES = {
    "births": 0.006,
    "deaths": 0.009,
    "marriages": 0.004,
    "divorces": 0.0018,
    "moves_in": 0.035,
    "moves_out": 0.038,
}
DEMO_MONTHS = 12

STATISTICS_INTRO = (
    "<p>本頁公布本所轄區各村每月之戶數、人口數（男、女）與出生、死亡、結婚、離婚、"
    "遷入、遷出件數，並提供 CSV 與 JSON 開放資料下載。</p>"
)


@transaction.atomic
def seed():
    for code, villages in (("huxi", HUXI), ("magong", MAGONG)):
        office = Office.objects.filter(code=code).first()
        if office is None:
            continue
        for order, (name, confirmed) in enumerate(villages, start=1):
            Village.objects.get_or_create(
                office=office, name=name, defaults={"sort_order": order, "confirmed": confirmed}
            )
    seed_population()
    seed_house_numbers()


# Fictional house numbers (虛構門牌) in five Huxi villages, in the open-data CSV layout so
# the demo goes through the same import as real files. Roads, numbers, neighbourhoods
# and dates are made up; the area names follow the villages' names, as Penghu's rural
# addresses do. The last columns give each number's history.
HOUSE_NUMBER_CSV = """\
省市縣市代碼,鄉鎮市區代碼,村里,鄰,街路段,地區,巷,弄,衖,號,樓,編釘日期,異動類型,原門牌
10016,10016020,湖西村,001,,湖西,,,,1號,,0750301,門牌初編,
10016,10016020,湖西村,001,,湖西,,,,2號,,0750301,門牌初編,
10016,10016020,湖西村,001,,湖西,,,,3號,,0750301,門牌初編,
10016,10016020,湖西村,002,,湖西,,,,12號,,0750301,門牌初編,
10016,10016020,湖西村,002,,湖西,,,,12之1號,,1030815,門牌增編,
10016,10016020,湖西村,003,中正路,,,,,5號,,0880520,門牌初編,
10016,10016020,湖西村,003,中正路,,,,,7號,,0880520,門牌初編,
10016,10016020,湖西村,003,中正路,,3巷,,,2號,,0920110,門牌初編,
10016,10016020,湖西村,003,中正路,,3巷,,,4號,,0920110,門牌初編,
10016,10016020,湖西村,004,湖西路二段,,,,,18號,,0950601,門牌初編,
10016,10016020,湖西村,004,湖西路二段,,,,,20號,2樓,0950601,門牌初編,
10016,10016020,湖西村,004,湖西路二段,,10巷,2弄,,6號,,1000304,門牌初編,
10016,10016020,湖西村,004,湖西路二段,,,,,22號,,0950601,門牌初編,
10016,10016020,湖西村,004,湖西路二段,,,,,22號,,1100915,門牌廢止,
10016,10016020,湖西村,004,湖西路二段,,,,,24號,,1100915,門牌改編,湖西村湖西88號
10016,10016020,湖東村,001,,湖東,,,,1號,,0760412,門牌初編,
10016,10016020,湖東村,001,,湖東,,,,5號,,0760412,門牌初編,
10016,10016020,湖東村,002,,湖東,,,,15號,,0760412,門牌初編,
10016,10016020,湖東村,002,,湖東,,,,15之2號,,1050701,門牌增編,
10016,10016020,湖東村,003,湖東路,,,,,8號,,0980226,門牌初編,
10016,10016020,龍門村,001,,龍門,,,,3號,,0770905,門牌初編,
10016,10016020,龍門村,001,,龍門,,,,9號,,0770905,門牌初編,
10016,10016020,龍門村,002,,龍門,,,,21號,,0770905,門牌初編,
10016,10016020,龍門村,002,,龍門,,,,21號,,1080412,門牌廢止,
10016,10016020,龍門村,003,龍門路,,,,,11號,,1010118,門牌初編,
10016,10016020,龍門村,003,龍門路,,6巷,,,1號,,1010118,門牌初編,
10016,10016020,隘門村,001,,隘門,,,,2號,,0790630,門牌初編,
10016,10016020,隘門村,001,,隘門,,,,4號,,0790630,門牌初編,
10016,10016020,隘門村,002,,隘門,,,,30號,,0790630,門牌初編,
10016,10016020,隘門村,002,,隘門,,,,31號,,1120303,門牌改編,隘門村隘門130號
10016,10016020,成功村,001,,成功,,,,7號,,0800210,門牌初編,
10016,10016020,成功村,001,,成功,,,,17號,,0800210,門牌初編,
10016,10016020,成功村,002,成功路一段,,,,,1號,,0990909,門牌初編,
10016,10016020,成功村,002,成功路一段,,,,,3號,3樓,0990909,門牌初編,
10016,10016020,成功村,002,成功路一段,,2巷,,,5號,,1040520,門牌初編,
"""


def seed_house_numbers():
    """Huxi's fictional house numbers, through the CSV import (idempotent)."""
    from huzheng.addresses.housenumbers import import_house_numbers_csv

    office = Office.objects.filter(code="huxi").first()
    if office is None:
        return
    import_house_numbers_csv(office, HOUSE_NUMBER_CSV.encode())


def seed_population():
    """The statistics page under the home page, and twelve months of fictional figures
    for Huxi's villages (months already there are left as they are)."""
    _statistics_page()
    office = Office.objects.filter(code="huxi").first()
    if office is None:
        return
    last = (roc.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    months = [_add_months(last, -offset) for offset in reversed(range(DEMO_MONTHS))]
    existing = set(
        PopulationFigure.objects.filter(village__office=office, month__in=months).values_list(
            "village_id", "month"
        )
    )
    new = []
    for village in Village.objects.filter(office=office, name__in=HUXI_POPULATION):
        for month, values in _village_months(village.name, months):
            if (village.pk, month) not in existing:
                new.append(PopulationFigure(village=village, month=month, **values))
    PopulationFigure.objects.bulk_create(new)


def _village_months(name, months):
    rng = random.Random(f"huzheng-demo-population-{name}")  # the same figures every run
    population = HUXI_POPULATION[name]
    males = round(population * rng.uniform(0.505, 0.53))  # Penghu has more men than women
    persons_per_household = rng.uniform(2.3, 2.8)
    for month in months:
        events = {key: _poisson(rng, population * rate / 12) for key, rate in YEARLY_RATES.items()}
        change = events["births"] - events["deaths"] + events["moves_in"] - events["moves_out"]
        male_change = round(change * 0.51)
        population += change
        males += male_change
        households = round(population / persons_per_household)
        yield (
            month,
            {
                "households": households,
                "males": males,
                "females": population - males,
                **events,
            },
        )


def _poisson(rng, mean):
    """A count of events with this average (Knuth's method; the means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _add_months(month, offset):
    index = month.year * 12 + month.month - 1 + offset
    return dt.date(index // 12, index % 12 + 1, 1)


def _statistics_page():
    existing = PopulationStatisticsPage.objects.first()
    if existing is not None:
        if not existing.title_en:  # seeded before pages had English titles
            existing.title_en = "Population figures"
            existing.save_revision().publish()
        return
    from huzheng.site.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        return
    slug = "statistics"
    if home.get_children().filter(slug=slug).exists():
        slug = "population-statistics"
    page = home.add_child(
        instance=PopulationStatisticsPage(
            title="人口統計",
            title_en="Population figures",
            slug=slug,
            intro=STATISTICS_INTRO,
            show_in_menus=True,
        )
    )
    page.save_revision().publish()
