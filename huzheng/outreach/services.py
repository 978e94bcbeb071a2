"""The worklist of registrations people still owe (戶政即時通 待辦登記).

Each item is one registration one person owes after one event. Its legal deadline comes
from the catalog (`catalog.services.deadline`: 30 days, 60 for a birth, moved past the
office's closed days) and its fine from the fine schedule (`late_fine`, 戶籍法 第79條).
The item moves new → told (a logged call, a letter or a message) → written reminder
(催告, 第48條第3項) → registered, or handed over for ex-officio registration (第48-2條),
then closed. Every change writes its event, its audit entry and its letters or messages
in one transaction. A registration finished at the desk closes its item by itself
(`complete_registration`, called on `core.signals.registration_completed`)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huzheng.catalog.services import deadline as legal_deadline
from huzheng.catalog.services import late_fine
from huzheng.core import crypto, roc
from huzheng.core.identity import ALL_KINDS, parse_person_id
from huzheng.core.models import AuditEntry
from huzheng.core.sequences import next_number
from huzheng.core.services import record_audit, staff_office
from huzheng.core.text import clean_line, clean_text
from huzheng.core.validators import clean_email, normalize_phone
from huzheng.notify import letters as notify_letters
from huzheng.notify import services as notify
from huzheng.outreach.models import (
    OPEN_STATES,
    AgencyNotice,
    ItemEvent,
    Origin,
    Source,
    State,
    WorkItem,
)

# Letter and message templates the worklist uses (seeded by outreach.demo).
REMINDER_LETTER = "outreach.reminder-letter"
NOTICE_LETTER = "outreach.notice-letter"
NOTICE_SMS = "outreach.notice-sms"
NOTICE_EMAIL = "outreach.notice-email"
CLERK_REMINDER = "outreach.clerk-reminder"
WHAT_NEXT_EMAIL = "outreach.what-next-email"
# The agencies a birth or death registration is passed on to (跨機關通報): the Bureau of
# Labor Insurance for the maternity benefit and funeral allowance (since 2018-07-16) and
# the Ministry of National Defense for military families (since 2019-07-01).
USUAL_AGENCIES = {
    "birth": [("勞動部勞工保險局", "生育給付"), ("國防部", "軍人眷屬生育補助")],
    "death": [("勞動部勞工保險局", "喪葬津貼"), ("國防部", "軍人眷屬喪葬補助")],
}
# Items whose deadline is this close are "due soon" on the worklist.
DUE_SOON_DAYS = 7


class OutreachError(Exception):
    """The request cannot be done; `message` says why in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def add_item(
    *,
    office,
    source,
    service,
    person_name,
    national_id,
    event_date,
    origin=Origin.MANUAL,
    deadline=None,
    others="",
    external_reference="",
    address="",
    postcode="",
    phone="",
    email="",
    note="",
    assigned_to=None,
    user=None,
    today=None,
):
    """Put a registration on the worklist; returns (item, created). The same person,
    service and event date give the one item already there."""
    fields = _checked(
        office=office,
        source=source,
        service=service,
        person_name=person_name,
        national_id=national_id,
        event_date=event_date,
        deadline=deadline,
        phone=phone,
        email=email,
        today=today or roc.today(),
    )
    existing = WorkItem.objects.filter(
        national_id_hash=fields["national_id_hash"], service=service, event_date=event_date
    ).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            year = roc.roc_year((today or roc.today()).year)
            sequence = next_number("outreach", office=office, period=year)
            item = WorkItem.objects.create(
                office=office,
                number=f"R{year}-{office.code.upper()}-{sequence:05d}",
                origin=origin,
                others=clean_line(others, 200),
                external_reference=clean_line(external_reference, 60),
                address=clean_line(address, 200),
                postcode=clean_line(postcode, 6),
                note=clean_text(note, 2000),
                assigned_to=assigned_to,
                **fields,
            )
            _event(item, ItemEvent.Kind.CREATED, user, note=item.get_origin_display())
            record_audit(user, AuditEntry.Action.CREATE, item, fields=["national_id"])
    except IntegrityError:
        # The same event came in twice at once; the first one's item is the answer.
        item = WorkItem.objects.get(
            national_id_hash=fields["national_id_hash"], service=service, event_date=event_date
        )
        return item, False
    return item, True


def log_call(item, *, outcome, note="", user=None):
    """A phone call about the item and its outcome; reaching someone tells them."""
    if outcome not in ItemEvent.Outcome.values:
        raise OutreachError(_("Choose the call's outcome."))
    with transaction.atomic():
        item = _locked_open(item)
        reached = outcome in (ItemEvent.Outcome.REACHED, ItemEvent.Outcome.REFUSED)
        if reached and item.state == State.NEW:
            item.state = State.TOLD
            item.told_at = timezone.now()
            item.save(update_fields=["state", "told_at"])
        _event(item, ItemEvent.Kind.CALL, user, outcome=outcome, note=clean_text(note, 2000))
    return item


def send_reminder_letter(item, *, user=None, on=None):
    """The written reminder (催告, 戶籍法 第48條第3項): a numbered letter in the outgoing
    register, and the item moves to "reminder sent". Returns the letter."""
    return _letter(item, REMINDER_LETTER, State.REMINDED, user=user, on=on)


def send_notice_letter(item, *, user=None, on=None):
    """A letter telling the person (or an interested party) what to register by when."""
    return _letter(item, NOTICE_LETTER, State.TOLD, user=user, on=on)


def send_message(item, *, channel, user=None, language="zh-hant"):
    """An SMS or e-mail from the notice template to the number or address on the item."""
    if channel == "sms":
        to, key = item.phone, NOTICE_SMS
    elif channel == "email":
        to, key = item.email, NOTICE_EMAIL
    else:
        raise OutreachError(_("Choose SMS or e-mail."))
    if not to:
        raise OutreachError(_("The item has no phone number or e-mail address for that."))
    with transaction.atomic():
        item = _locked_open(item)
        try:
            message = notify.send_template(
                key,
                to,
                values(item),
                language=language,
                topic="outreach",
                reference=item.number,
                office=item.office,
                person_hash=item.national_id_hash,
            )
        except (notify.TemplateNotFound, notify.TemplateError) as exc:
            message = getattr(exc, "message", _("The message template is missing."))
            raise OutreachError(message) from None
        _tell(item)
        _event(item, ItemEvent.Kind.MESSAGE, user, message=message)
    return message


def mark_registered(item, *, reference="", on=None, user=None):
    """The registration was made (at this office or elsewhere): the item is done."""
    with transaction.atomic():
        item = _locked_open(item)
        _registered(item, clean_line(reference, 60), on or roc.today(), user)
    return item


def hand_over(item, *, note="", user=None):
    """Nobody registered after the reminder: the office registers ex officio (第48-2條)."""
    with transaction.atomic():
        item = _locked_open(item)
        if item.state != State.REMINDED:
            raise OutreachError(_("Only an item whose written reminder was sent is handed over."))
        _set_state(item, State.HANDED_OVER, user, note)
    return item


def close(item, *, note="", user=None):
    """Close an item: registered, handed over, or (with a reason) no longer owed."""
    note = clean_text(note, 2000)
    with transaction.atomic():
        item = WorkItem.objects.select_for_update().get(pk=item.pk)
        if item.state == State.CLOSED:
            raise OutreachError(_("The item is already closed."))
        if item.is_open and not note:
            raise OutreachError(_("Say why an open item is closed."))
        item.closed_at = timezone.now()
        _set_state(item, State.CLOSED, user, note, extra=["closed_at"])
    return item


def complete_registration(*, office, service, national_id_hash, reference, on=None, **kwargs):
    """A registration finished at the desk settles the open item of that person and
    service, whichever office it belongs to; returns how many items it closed."""
    if not national_id_hash:
        return 0
    items = WorkItem.objects.select_for_update().filter(
        national_id_hash=national_id_hash, service=service, state__in=OPEN_STATES
    )
    count = 0
    for item in items:
        _registered(item, str(reference)[:60], on or roc.today(), None)
        count += 1
    return count


def daily(today=None):
    """The daily run: items past their deadline are marked overdue, and each clerk with
    open overdue items gets one e-mail. Safe to run twice a day. Returns (marked, told)."""
    today = today or roc.today()
    marked = WorkItem.objects.filter(
        state__in=OPEN_STATES, deadline__lt=today, overdue_since=None
    ).update(overdue_since=today)
    told = 0
    overdue = WorkItem.objects.filter(state__in=OPEN_STATES, deadline__lt=today)
    clerks = overdue.exclude(assigned_to=None).values_list("assigned_to", flat=True).distinct()
    from django.contrib.auth import get_user_model

    for clerk in get_user_model().objects.filter(pk__in=list(clerks)).exclude(email=""):
        reference = f"{clerk.pk}-{today.isoformat()}"
        if notify.Message.objects.filter(topic=CLERK_REMINDER, reference=reference).exists():
            continue
        count = overdue.filter(assigned_to=clerk).count()
        try:
            notify.send_template(
                CLERK_REMINDER,
                clerk.email,
                {
                    "clerk": clerk.get_full_name() or clerk.get_username(),
                    "count": str(count),
                    "date": roc.format_long(today),
                },
                topic=CLERK_REMINDER,
                reference=reference,
            )
        except (notify.TemplateNotFound, notify.TemplateError):
            break
        told += 1
    return marked, told


def email_checklist(checklist, email, *, office, name="", language="zh-hant", link=""):
    """E-mail a "what next" list to a citizen who asked for it at the counter."""
    from huzheng.core.i18n import localized

    try:
        email = clean_email(email)
    except ValidationError:
        email = ""
    if not email:
        raise OutreachError(_("Please enter a valid e-mail address."))
    lines = [
        f"{number}. {localized(line, 'task', language)}（{localized(line, 'agency', language)}）"
        + (f" {localized(line, 'deadline', language)}" if line.deadline else "")
        + (f" {line.link}" if line.link else "")
        + (f" {line.phone}" if line.phone else "")
        for number, line in enumerate(checklist.lines.all(), start=1)
    ]
    values = {
        "name": clean_line(name, 100) or ("citizen" if language.startswith("en") else "民眾"),
        "office": office.display_name(language),
        "office_phone": office.phone,
        "service": localized(checklist, "title", language),
        "link": link,
        "lines": "\n".join(lines),
    }
    try:
        return notify.send_template(
            WHAT_NEXT_EMAIL,
            email,
            values,
            language=language,
            topic=WHAT_NEXT_EMAIL,
            reference=checklist.event,
            office=office,
        )
    except (notify.TemplateNotFound, notify.TemplateError):
        raise OutreachError(_("The message template is missing.")) from None


def agency_notices(case, *, create=False, user=None):
    """The agencies the office notifies of a birth or death case (跨機關通報); with
    `create`, the usual ones for the case's registration are added when missing."""
    slug = getattr(case.service, "slug", "")
    if create:
        with transaction.atomic():
            for agency, purpose in USUAL_AGENCIES.get(slug, ()):
                AgencyNotice.objects.get_or_create(
                    case=case, agency=agency, defaults={"office": case.office, "purpose": purpose}
                )
    return AgencyNotice.objects.filter(case=case)


def mark_agency_notice(notice, what, *, user=None, on=None):
    """Mark a notice sent or acknowledged today (or `on`)."""
    if what not in ("sent", "acknowledged"):
        raise OutreachError(_("Mark a notice sent or acknowledged."))
    field = "sent_on" if what == "sent" else "acknowledged_on"
    with transaction.atomic():
        setattr(notice, field, on or roc.today())
        if what == "acknowledged" and notice.sent_on is None:
            notice.sent_on = notice.acknowledged_on
        notice.save(update_fields=["sent_on", "acknowledged_on"])
        record_audit(user, AuditEntry.Action.UPDATE, notice, fields=[field])
    return notice


def fine(item, on=None):
    """The fine that applies if the registration is made on `on` (default today)."""
    return late_fine(
        item.service,
        item.event_date,
        on or roc.today(),
        reminded=item.reminded_at is not None,
        office=item.office,
    )


def values(item, language="zh-hant"):
    """The placeholder values of the item's letters and messages."""
    english = language.startswith("en")
    show = roc.format_long if not english else (lambda d: d.isoformat())
    return {
        "name": item.person_name,
        "office": item.office.display_name(language),
        "office_phone": item.office.phone,
        "office_address": item.office.address,
        "service": (item.service.name_en if english else "") or item.service.name,
        "event": item.get_source_display(),
        "event_date": show(item.event_date),
        "deadline": show(item.deadline),
        "fine": str(fine(item)),
        "reference": item.number,
        "date": show(roc.today()),
    }


def worklist(items, *, state="", source="", due="", today=None):
    """Filter a (staff-scoped) item queryset as the worklist's filters ask; unknown
    filter values are ignored."""
    today = today or roc.today()
    if state in State.values:
        items = items.filter(state=state)
    elif state != "all":
        items = items.filter(state__in=OPEN_STATES)
    if source in Source.values:
        items = items.filter(source=source)
    if due == "overdue":
        items = items.filter(deadline__lt=today)
    elif due == "soon":
        items = items.filter(
            deadline__gte=today, deadline__lte=today + dt.timedelta(days=DUE_SOON_DAYS)
        )
    return items


def open_worklist(items, *, user, limit, **filters):
    """The worklist's first `limit` items as filtered (see worklist()) for a staff member:
    the names on it are personal data, so a list shown is a staff read, logged."""
    shown = list(worklist(items, **filters).select_related("service", "assigned_to")[:limit])
    if shown:
        record_audit(
            user,
            AuditEntry.Action.READ,
            staff_office(user) or user,
            fields=["person_name"],
            reason="outreach worklist",
        )
    return shown


def open_item(item, *, user):
    """A staff member opens a worklist item: its personal data is a staff read, logged."""
    record_audit(user, AuditEntry.Action.READ, item, fields=list(WorkItem.personal_data_fields))
    return item


def open_letter_register(letters, *, user, limit):
    """The outgoing-letter register's first `limit` letters (a staff-scoped queryset):
    recipients and addresses shown are a staff read, logged."""
    shown = list(letters[:limit])
    if shown:
        record_audit(
            user,
            AuditEntry.Action.READ,
            staff_office(user) or user,
            fields=["recipient", "address"],
            reason="outgoing-letter register",
        )
    return shown


def print_letters(letters, *, user):
    """One PDF of the letters for a staff member to print; each letter read is logged."""
    for letter in letters:
        record_audit(
            user,
            AuditEntry.Action.READ,
            letter,
            fields=["recipient", "address"],
            reason="letter printed",
        )
    return notify_letters.letters_pdf(letters, user=user)


# --- helpers ------------------------------------------------------------------------------


def _checked(
    *, office, source, service, person_name, national_id, event_date, deadline, phone, email, today
):
    if source not in Source.values:
        raise OutreachError(_("Choose where the item comes from."))
    name = clean_line(person_name, 100)
    if not name:
        raise OutreachError(_("Please enter the name of the person concerned."))
    try:
        person = parse_person_id(national_id, kinds=ALL_KINDS)
    except ValidationError as exc:
        raise OutreachError(exc.messages[0]) from None
    if not isinstance(event_date, dt.date):
        raise OutreachError(_("Please enter the event date."))
    if event_date > today:
        raise OutreachError(_("The event date cannot be in the future."))
    if service.deadline_days is None and deadline is None:
        raise OutreachError(
            _("%(service)s has no legal deadline; please enter the deadline.")
            % {"service": service.name}
        )
    if deadline is not None and deadline < today:
        raise OutreachError(_("The deadline you entered is already past."))
    if deadline is not None and deadline < event_date:
        raise OutreachError(_("The deadline cannot be before the event."))
    try:
        email = clean_email(email)
    except ValidationError:
        raise OutreachError(_("Please enter a valid e-mail address.")) from None
    phone = clean_line(phone, 30)
    return {
        "source": source,
        "service": service,
        "person_name": name,
        "national_id_hash": crypto.lookup_hash(person.number),
        "national_id_encrypted": crypto.encrypt(person.number),
        "national_id_masked": person.masked,
        "event_date": event_date,
        "deadline": deadline or legal_deadline(service, event_date, office),
        "phone": normalize_phone(phone) if phone else "",
        "email": email,
    }


def _letter(item, template_key, new_state, *, user, on):
    if not item.address:
        raise OutreachError(_("The item has no address to send a letter to."))
    with transaction.atomic():
        item = _locked_open(item)
        if new_state == State.REMINDED and item.deadline >= (on or roc.today()):
            raise OutreachError(_("A written reminder is sent only after the deadline."))
        try:
            letter = notify_letters.issue_letter(
                office=item.office,
                template_key=template_key,
                recipient=item.person_name,
                address=item.address,
                postcode=item.postcode,
                values=values(item),
                topic="outreach",
                reference=item.number,
                person_hash=item.national_id_hash,
                user=user,
                on=on,
            )
        except notify_letters.LetterError as exc:
            raise OutreachError(exc.message) from None
        if new_state == State.REMINDED:
            item.reminded_at = timezone.now()
            _set_state(item, State.REMINDED, user, "", extra=["reminded_at"], record=False)
        else:
            _tell(item)
        _event(item, ItemEvent.Kind.LETTER, user, letter=letter, note=letter.number)
    return letter


def _tell(item):
    if item.state == State.NEW:
        item.state = State.TOLD
        item.told_at = timezone.now()
        item.save(update_fields=["state", "told_at"])


def _registered(item, reference, on, user):
    item.registered_on = on
    item.registered_by = reference
    _set_state(item, State.REGISTERED, user, reference, extra=["registered_on", "registered_by"])


def _locked_open(item):
    item = WorkItem.objects.select_for_update().select_related("office", "service").get(pk=item.pk)
    if not item.is_open:
        raise OutreachError(
            _("The item is %(state)s; that cannot be done now.")
            % {"state": item.get_state_display()}
        )
    return item


def _set_state(item, state, user, note, *, extra=(), record=True):
    item.state = state
    item.save(update_fields=["state", *extra])
    if record:
        _event(item, ItemEvent.Kind.STATE, user, note=clean_text(note, 2000))
    record_audit(user, AuditEntry.Action.UPDATE, item, fields=["state"])


def _event(item, kind, user, **fields):
    return ItemEvent.objects.create(
        item=item,
        kind=kind,
        state=item.state,
        at=timezone.now(),
        by=user if getattr(user, "pk", None) else None,
        **fields,
    )
