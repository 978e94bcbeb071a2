"""Where worklist items come from (通報來源): the registry's notifications through a
gateway, a CSV list from a court or a hospital, or staff typing them in.

There is NO connection to the national registry's notifications (戶役政 出生、死亡、
判決通報) here. `get_gateway()` builds the class named by HUZHENG_OUTREACH_GATEWAY
(default: DemoGateway, made-up rulings, births and deaths); a real gateway implements
`NoticeGateway.notifications(office, since)`. Whatever the door, an item goes through
`services.add_item`, so the same event seen twice is one item."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from huzheng.catalog.models import RegistrationService
from huzheng.core import roc
from huzheng.core.csvimport import ImportRefused, RowError, csv_rows
from huzheng.core.identity import check_digit_for, parse_person_id
from huzheng.outreach.models import Origin, Source
from huzheng.outreach.services import OutreachError, add_item

DEFAULT_GATEWAY = "huzheng.outreach.intake.DemoGateway"
MAX_CSV_BYTES = 2 * 1024 * 1024
# The CSV's columns, by their heading (Chinese or English).
COLUMNS = {
    "source": ("來源", "source"),
    "service": ("登記項目", "service"),
    "name": ("姓名", "name"),
    "national_id": ("身分證統一編號", "national_id"),
    "event_date": ("事件日期", "event_date"),
    "reference": ("來源文號", "reference"),
    "address": ("地址", "address"),
    "phone": ("電話", "phone"),
    "others": ("關係人", "others"),
    "deadline": ("期限", "deadline"),
}
REQUIRED = ("source", "service", "name", "national_id", "event_date")


@dataclass(frozen=True)
class Notification:
    """One event the registry reports: who, what happened, when, and what it asks for."""

    source: str
    service_slug: str
    person_name: str
    national_id: str
    event_date: dt.date
    external_reference: str = ""
    address: str = ""
    phone: str = ""
    others: str = ""
    deadline: dt.date | None = None  # for a notice with no statutory deadline


class NoticeGateway:
    """What the worklist needs from the registry's notifications."""

    def notifications(self, office, since):
        """The Notifications for the office's area reported on or after `since`."""
        raise NotImplementedError


class DemoGateway(NoticeGateway):
    """Made-up rulings, births and deaths, dated relative to today (all fictional)."""

    def notifications(self, office, since):
        today = roc.today()
        people = [
            (Source.BIRTH_REPORT, "birth", "陳小寶", "E12000001", 20, "出生通報 H-0001"),
            (Source.DEATH_REPORT, "death", "林老先生", "E10000002", 12, "死亡通報 D-0002"),
            (Source.COURT_RULING, "divorce", "黃美華", "E22000003", 45, "家事判決 0003"),
            (Source.COURT_RULING, "guardianship", "張阿嬤", "E20000004", 8, "監護宣告 0004"),
            (Source.COURT_RULING, "minor-children-rights", "吳小明", "E12000005", 3, "親權 0005"),
            (Source.ABROAD, "move-out", "蔡志明", "E10000006", 40, "出境滿二年 0006"),
            (Source.INTERESTED_PARTY, "birth-date-correction", "許家豪", "E10000007", 5, "更正07"),
            (Source.BOOKLET, "household-booklet", "鄭淑芬", "E20000008", 2, "名簿補註 0008"),
        ]
        found = []
        for source, slug, name, first_nine, days_ago, reference in people:
            event_date = today - dt.timedelta(days=days_ago)
            if since and event_date < since:
                continue
            found.append(
                Notification(
                    source=source,
                    service_slug=slug,
                    person_name=f"{name}（虛構）",
                    national_id=first_nine + check_digit_for(first_nine),
                    event_date=event_date,
                    external_reference=reference,
                    address=f"{office.address[:10]}示範路{days_ago}號",
                    phone="0912345678",
                    # Notices with no statutory deadline get the office's own: 30 days.
                    deadline=today + dt.timedelta(days=30)
                    if source in (Source.INTERESTED_PARTY, Source.BOOKLET)
                    else None,
                )
            )
        return found


def get_gateway():
    return import_string(getattr(settings, "HUZHENG_OUTREACH_GATEWAY", DEFAULT_GATEWAY))()


def import_notifications(office, *, gateway=None, since=None, user=None):
    """Put the gateway's notifications on the worklist; returns (created, already there).
    A notification naming an unknown service or failing a check is skipped, not fatal:
    the registry's feed must not stop on one bad record."""
    gateway = gateway or get_gateway()
    created = existing = 0
    for notification in gateway.notifications(office, since):
        service = RegistrationService.objects.filter(slug=notification.service_slug).first()
        if service is None:
            continue
        try:
            _, new = add_item(
                office=office,
                source=notification.source,
                origin=Origin.GATEWAY,
                service=service,
                person_name=notification.person_name,
                national_id=notification.national_id,
                event_date=notification.event_date,
                external_reference=notification.external_reference,
                address=notification.address,
                phone=notification.phone,
                others=notification.others,
                deadline=notification.deadline,
                user=user,
            )
        except OutreachError:
            continue
        created, existing = created + new, existing + (not new)
    return created, existing


def import_csv(office, data, *, user=None):
    """Import a court's or hospital's list (CSV, UTF-8 or Big5). Every row is checked
    first; one bad row refuses the file with its line and reason, and nothing is
    written. Returns (created, already there)."""
    rows, _encoding = csv_rows(data, max_bytes=MAX_CSV_BYTES, refused=ImportRefused)
    (_, heading), body = rows[0], rows[1:]
    columns = _columns(heading)
    if not body:
        raise ImportRefused([RowError(None, "", _("The file has no rows under its heading."))])
    parsed, errors = [], []
    for line, cells in body:
        row = {key: (cells[i].strip() if i < len(cells) else "") for key, i in columns.items()}
        try:
            parsed.append(_parsed_row(row))
        except OutreachError as exc:
            errors.append(RowError(line, "", exc.message))
    if errors:
        raise ImportRefused(errors)
    created = existing = 0
    with transaction.atomic():
        for row in parsed:
            try:
                _, new = add_item(office=office, origin=Origin.CSV, user=user, **row)
            except OutreachError as exc:
                errors.append(RowError(None, "", f"{row['person_name']}: {exc.message}"))
                continue
            created, existing = created + new, existing + (not new)
        if errors:
            transaction.set_rollback(True)
            raise ImportRefused(errors)
    return created, existing


def _columns(heading):
    names = [cell.strip().lower() for cell in heading]
    columns = {}
    for key, labels in COLUMNS.items():
        for label in labels:
            if label.lower() in names:
                columns[key] = names.index(label.lower())
                break
    missing = [COLUMNS[key][0] for key in REQUIRED if key not in columns]
    if missing:
        raise ImportRefused(
            [
                RowError(
                    1,
                    "",
                    _("The heading lacks the columns: %(names)s.") % {"names": "、".join(missing)},
                )
            ]
        )
    return columns


def _parsed_row(row):
    source = _source(row["source"])
    service = RegistrationService.objects.filter(slug=row["service"]).first()
    if service is None:
        service = RegistrationService.objects.filter(name=row["service"]).first()
    if service is None:
        raise OutreachError(_("Unknown registration “%(value)s”.") % {"value": row["service"][:40]})
    try:
        event_date = roc.parse(row["event_date"])
    except ValidationError as exc:
        raise OutreachError(
            _("Event date “%(value)s”: %(error)s")
            % {"value": row["event_date"][:20], "error": exc.messages[0]}
        ) from None
    try:
        parse_person_id(row["national_id"])
    except ValidationError as exc:
        raise OutreachError(exc.messages[0]) from None
    if event_date > roc.today():
        raise OutreachError(_("The event date cannot be in the future."))
    deadline = None
    if row.get("deadline"):
        try:
            deadline = roc.parse(row["deadline"])
        except ValidationError as exc:
            raise OutreachError(
                _("Deadline “%(value)s”: %(error)s")
                % {"value": row["deadline"][:20], "error": exc.messages[0]}
            ) from None
    return {
        "deadline": deadline,
        "source": source,
        "service": service,
        "person_name": row["name"],
        "national_id": row["national_id"],
        "event_date": event_date,
        "external_reference": row.get("reference", ""),
        "address": row.get("address", ""),
        "phone": row.get("phone", ""),
        "others": row.get("others", ""),
    }


def _source(value):
    value = value.strip()
    for choice, label in Source.choices:
        if value.lower() == choice or value == str(label):
            return choice
    chinese = {
        "法院判決": Source.COURT_RULING,
        "出生通報": Source.BIRTH_REPORT,
        "死亡通報": Source.DEATH_REPORT,
        "出境滿二年": Source.ABROAD,
        "利害關係人": Source.INTERESTED_PARTY,
        "戶口名簿補註": Source.BOOKLET,
    }
    if value in chinese:
        return chinese[value]
    raise OutreachError(_("Unknown source “%(value)s”.") % {"value": value[:40]})
