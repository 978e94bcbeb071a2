"""Demo registry: twenty made-up people with their latest ID cards, one card already
reported lost, and card applications waiting at the Huxi office. Every name and ID
number is made up (the numbers follow a plain X10000001… pattern); their check digits
are valid so the forms accept them."""

import datetime as dt

from django.utils import timezone

from huzheng.core.crypto import encrypt, lookup_hash
from huzheng.core.identity import check_digit_for, mask
from huzheng.core.models import Office
from huzheng.idcards.models import (
    CardStatus,
    IdCardApplication,
    IssueType,
    LossReport,
    Resident,
)

# (name, first nine characters of the ID number, birth date, card issue date, type, place)
PEOPLE = [
    ("王大同", "X10000001", dt.date(1960, 3, 12), dt.date(2005, 6, 1), "replacement", "10016"),
    ("李美華", "X20000002", dt.date(1972, 8, 30), dt.date(2005, 7, 15), "replacement", "10016"),
    ("陳志明", "X10000003", dt.date(1985, 1, 5), dt.date(2019, 11, 20), "reissue", "10016"),
    ("林淑芬", "X20000004", dt.date(1990, 12, 24), dt.date(2005, 8, 2), "replacement", "63000"),
    ("黃建國", "X10000005", dt.date(2008, 4, 18), dt.date(2022, 5, 3), "first", "10016"),
    ("張雅婷", "X20000006", dt.date(1995, 2, 14), dt.date(2021, 3, 9), "reissue", "64000"),
    ("吳宗翰", "X10000007", dt.date(1958, 10, 1), dt.date(2005, 9, 12), "replacement", "10016"),
    ("劉怡君", "X20000008", dt.date(1983, 7, 7), dt.date(2016, 1, 18), "reissue", "66000"),
    ("蔡明哲", "X10000009", dt.date(1977, 5, 21), dt.date(2005, 10, 4), "replacement", "10016"),
    ("楊佳穎", "X20000010", dt.date(2009, 9, 9), dt.date(2023, 8, 22), "first", "10016"),
    ("許文雄", "X10000011", dt.date(1949, 11, 11), dt.date(2005, 6, 30), "replacement", "10016"),
    ("鄭雅雯", "X20000012", dt.date(1988, 3, 3), dt.date(2018, 4, 27), "reissue", "65000"),
    ("謝俊傑", "X10000013", dt.date(1992, 6, 16), dt.date(2005, 11, 8), "replacement", "67000"),
    ("洪秀英", "X20000014", dt.date(1955, 1, 28), dt.date(2005, 7, 1), "replacement", "10016"),
    ("郭家豪", "X10000015", dt.date(2010, 2, 2), dt.date(2024, 3, 15), "first", "10016"),
    ("曾麗華", "X20000016", dt.date(1968, 4, 4), dt.date(2012, 12, 12), "reissue", "10016"),
    ("邱志豪", "X10000017", dt.date(1999, 8, 8), dt.date(2020, 9, 1), "reissue", "68000"),
    ("廖美玲", "X20000018", dt.date(1975, 10, 10), dt.date(2005, 8, 19), "replacement", "10016"),
    ("賴建宏", "X10000019", dt.date(1981, 12, 1), dt.date(2017, 6, 6), "reissue", "10016"),
    ("周佩君", "X20000020", dt.date(2007, 7, 17), dt.date(2021, 7, 20), "first", "10016"),
]
# A card already reported lost, so the validity check's third answer can be shown.
REPORTED_LOST = "X20000016"


def national_id(first_nine):
    return first_nine + check_digit_for(first_nine)


def seed():
    for name, first_nine, birth, issued, kind, place in PEOPLE:
        number = national_id(first_nine)
        Resident.objects.update_or_create(
            national_id_hash=lookup_hash(number),
            defaults={
                "name": name,
                "national_id_encrypted": encrypt(number),
                "national_id_masked": mask(number),
                "birth_date": birth,
                "card_issue_date": issued,
                "card_issue_type": kind,
                "card_issue_place": place,
                "card_status": CardStatus.VALID,
            },
        )
    _lost_card()
    huxi = Office.objects.filter(code="huxi").first()
    if huxi is not None:
        _applications(huxi)


def _lost_card():
    from huzheng.idcards import services

    number = national_id(REPORTED_LOST)
    if not LossReport.objects.filter(national_id_hash=lookup_hash(number)).exists():
        services._open_report(number, channel=LossReport.Channel.ONLINE)


def _applications(office):
    now = timezone.now()
    rows = [
        # (person index, kind, days ago applied, ready days ago or None)
        (4, IssueType.REISSUE, 2, None),
        (9, IssueType.REISSUE, 5, 1),
        (14, IssueType.REPLACEMENT, 30, 25),
    ]
    for index, kind, applied_days, ready_days in rows:
        _name, first_nine, birth, *_rest = PEOPLE[index]
        number = national_id(first_nine)
        if IdCardApplication.objects.filter(national_id_hash=lookup_hash(number)).exists():
            continue
        status = IdCardApplication.Status.PROCESSING
        if ready_days is not None:
            status = IdCardApplication.Status.READY
        IdCardApplication.objects.create(
            national_id_hash=lookup_hash(number),
            national_id_masked=mask(number),
            birth_date=birth,
            kind=kind,
            applied_at=now - dt.timedelta(days=applied_days),
            ready_at=None if ready_days is None else now - dt.timedelta(days=ready_days),
            collect_at=office,
            status=status,
        )
