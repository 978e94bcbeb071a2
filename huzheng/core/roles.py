"""Staff roles as groups with least-privilege permissions (職務權限).

The group names are the office's own words. `ensure_roles()` is idempotent: it creates
what is missing and sets each role's permissions to exactly the list below, so a
permission granted by hand in the admin and not written here is removed on the next run.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

DIRECTOR = "主任"
REGISTRAR = "承辦人"
COUNTER_STAFF = "櫃檯"
WEB_EDITOR = "網站管理"
ALL_ROLES = (DIRECTOR, REGISTRAR, COUNTER_STAFF, WEB_EDITOR)

_ADMIN = "wagtailadmin.access_admin"

# Who keeps the catalog right: the director, the registrars who know the rules, and the
# web editors who publish it. Every counter role issues one-time notice slips.
CATALOG_EDIT = [
    "catalog.view_registrationservice",
    "catalog.add_registrationservice",
    "catalog.change_registrationservice",
    "catalog.view_finerule",
    "catalog.add_finerule",
    "catalog.change_finerule",
]
SLIPS = ["catalog.view_noticeslip", "catalog.add_noticeslip"]
# The marquee (跑馬燈): the counter posts a system outage at once; the director and the web
# editors keep the notices. Broken links are for the people who fix pages.
MARQUEE = [
    "queueing.view_marqueemessage",
    "queueing.add_marqueemessage",
    "queueing.change_marqueemessage",
    "queueing.delete_marqueemessage",
]
LINK_REPORT = ["linkcheck.view_checkedlink"]
# Search (搜尋): the web editors and the director keep the synonyms and best bets and
# read which searches found nothing.
SEARCH_EDIT = [
    f"search.{action}_{model}"
    for model in ("synonym", "bestbet")
    for action in ("view", "add", "change", "delete")
] + ["search.view_querystat"]
# The queue (叫號): every counter role calls and serves tickets; the director also keeps
# the series, counters and kiosks and reads the statistics.
QUEUE_SERVE = ["queueing.serve_ticket", "queueing.view_counter", "queueing.view_series"]
QUEUE_MANAGE = [
    "queueing.change_counter",
    "queueing.add_counter",
    "queueing.add_series",
    "queueing.change_series",
    "queueing.view_kiosk",
    "queueing.add_kiosk",
    "queueing.change_kiosk",
    "queueing.view_queue_statistics",
]
# Appointments (預約): every counter role sees the schedule, marks attendance and answers
# home-visit and group requests; the director also sets the booking rules, blocks time
# and publishes outreach sessions.
APPOINTMENTS_SERVE = [
    "appointments.view_booking",
    "appointments.change_booking",
    "appointments.view_slotblock",
    "appointments.view_homevisit",
    "appointments.change_homevisit",
    "appointments.view_grouprequest",
    "appointments.change_grouprequest",
    "appointments.view_outreachsession",
    "appointments.view_sessionbooking",
]
APPOINTMENTS_MANAGE = [
    "appointments.view_appointmentpolicy",
    "appointments.change_appointmentpolicy",
    "appointments.add_appointmentpolicy",
    "appointments.add_slotblock",
    "appointments.change_slotblock",
    "appointments.delete_slotblock",
    "appointments.add_outreachsession",
    "appointments.change_outreachsession",
    "appointments.change_sessionbooking",
]
# ID cards (身分證): every counter role takes phone loss reports, cancels a report at the
# counter after checking the person's identity, and records card applications as they
# become ready and are collected.
IDCARDS = [
    "idcards.view_lossreport",
    "idcards.add_lossreport",
    "idcards.change_lossreport",
    "idcards.view_idcardapplication",
    "idcards.add_idcardapplication",
    "idcards.change_idcardapplication",
]
# House numbers (門牌): every counter role looks numbers up; the director and registrars
# record changes, only through the audited services (addresses.housenumbers.admin_views).
HOUSE_NUMBERS_VIEW = ["addresses.view_housenumber"]
HOUSE_NUMBERS_CHANGE = ["addresses.change_housenumber"]
# Population figures change only through the audited CSV import.
POPULATION = ["addresses.view_populationfigure", "addresses.import_populationfigure"]

# Cases (案件): every counter role registers and moves cases; the director sees the office.
CASES = ["cases.view_case", "cases.add_case", "cases.change_case"]
# Proactive notices (戶政即時通): the director and the registrars keep the worklist, the
# letter and message templates and the "what next" lists; every counter role marks the
# agencies told of a case and reads the outbox.
OUTREACH = [
    "outreach.view_workitem",
    "outreach.add_workitem",
    "outreach.change_workitem",
    "outreach.view_lifeeventchecklist",
    "outreach.add_lifeeventchecklist",
    "outreach.change_lifeeventchecklist",
    "notify.view_template",
    "notify.add_template",
    "notify.change_template",
    "notify.view_letter",
    "notify.change_letter",
]
AGENCY_NOTICES = [
    "outreach.view_lifeeventchecklist",
    "outreach.view_agencynotice",
    "outreach.add_agencynotice",
    "outreach.change_agencynotice",
    "notify.view_message",
]

# The mailboxes (民意信箱): every counter role takes and answers messages; the director
# also keeps the categories, reply templates and the block list.
FEEDBACK = [
    "feedback.view_feedbackmessage",
    "feedback.add_feedbackmessage",
    "feedback.change_feedbackmessage",
    "feedback.view_officialdocument",
    "feedback.add_officialdocument",
    "feedback.change_officialdocument",
]
FEEDBACK_MANAGE = [
    "feedback.view_category",
    "feedback.add_category",
    "feedback.change_category",
    "feedback.view_replytemplate",
    "feedback.add_replytemplate",
    "feedback.change_replytemplate",
    "feedback.delete_replytemplate",
    "feedback.view_blockedsender",
    "feedback.add_blockedsender",
    "feedback.change_blockedsender",
    "feedback.delete_blockedsender",
    "feedback.view_speedlimit",
    "feedback.add_speedlimit",
    "feedback.change_speedlimit",
    # News monitoring (輿情監看): the director keeps the sources and words and triages.
    "mediawatch.view_hit",
    "mediawatch.change_hit",
    "mediawatch.view_source",
    "mediawatch.add_source",
    "mediawatch.change_source",
    "mediawatch.view_keyword",
    "mediawatch.add_keyword",
    "mediawatch.change_keyword",
    "mediawatch.delete_keyword",
]

# The service-quality plan (提升服務品質): the director keeps the plan, the meetings and
# the self-evaluation; a registrar reads them.
QUALITY_VIEW = ["quality.view_plan", "quality.view_meeting", "quality.view_selfscore"]
QUALITY_MANAGE = [
    "quality.change_plan",
    "quality.add_meeting",
    "quality.change_selfscore",
    "quality.view_evidence",
    "quality.add_evidence",
    "quality.change_evidence",
    "quality.delete_evidence",
]

MODEL_PERMISSIONS = {
    DIRECTOR: [
        _ADMIN,
        "core.view_office",
        "core.change_office",
        "core.view_specialday",
        "core.add_specialday",
        "core.change_specialday",
        "core.delete_specialday",
        "core.view_staffprofile",
        "core.view_auditentry",
        "addresses.view_village",
        *QUEUE_SERVE,
        *QUEUE_MANAGE,
        *APPOINTMENTS_SERVE,
        *APPOINTMENTS_MANAGE,
        *CASES,
        *FEEDBACK,
        *FEEDBACK_MANAGE,
        *CATALOG_EDIT,
        *SLIPS,
        *MARQUEE,
        *LINK_REPORT,
        *SEARCH_EDIT,
        *POPULATION,
        *IDCARDS,
        *HOUSE_NUMBERS_VIEW,
        *HOUSE_NUMBERS_CHANGE,
        *OUTREACH,
        *AGENCY_NOTICES,
        *QUALITY_VIEW,
        *QUALITY_MANAGE,
    ],
    REGISTRAR: [
        _ADMIN,
        "core.view_office",
        "core.view_specialday",
        "addresses.view_village",
        *QUEUE_SERVE,
        *APPOINTMENTS_SERVE,
        *CASES,
        *FEEDBACK,
        *CATALOG_EDIT,
        *SLIPS,
        *POPULATION,
        *IDCARDS,
        *HOUSE_NUMBERS_VIEW,
        *HOUSE_NUMBERS_CHANGE,
        *OUTREACH,
        *AGENCY_NOTICES,
        *QUALITY_VIEW,
    ],
    COUNTER_STAFF: [
        _ADMIN,
        "core.view_office",
        "core.view_specialday",
        *QUEUE_SERVE,
        *APPOINTMENTS_SERVE,
        *CASES,
        *FEEDBACK,
        "catalog.view_registrationservice",
        *SLIPS,
        *MARQUEE,
        *IDCARDS,
        *HOUSE_NUMBERS_VIEW,
        *AGENCY_NOTICES,
    ],
    WEB_EDITOR: [
        _ADMIN,
        "core.view_office",
        *CATALOG_EDIT,
        *MARQUEE,
        *LINK_REPORT,
        *SEARCH_EDIT,
        *POPULATION,
    ],
}

# Surveys (滿意度調查): the director builds surveys, reads results and keeps the improvement
# actions; every staff role answers the staff survey (no permission needed beyond the
# back office).
SURVEYS_MANAGE = [
    "surveys.view_survey",
    "surveys.add_survey",
    "surveys.change_survey",
    "surveys.view_survey_results",
    "surveys.view_improvementaction",
    "surveys.add_improvementaction",
    "surveys.change_improvementaction",
]
MODEL_PERMISSIONS[DIRECTOR] += SURVEYS_MANAGE

# The staff room (同仁園地): every staff role reads and adds to the Q&A book and the
# training records; the director keeps the question bank, tests and votes, sends answers
# to the public FAQ and reviews proposals (the innovation team).
STAFFROOM_SHARED = [
    "staffroom.view_qaentry",
    "staffroom.add_qaentry",
    "staffroom.view_trainingsession",
]
STAFFROOM_MANAGE = [
    "staffroom.change_qaentry",
    "staffroom.view_lawquestion",
    "staffroom.add_lawquestion",
    "staffroom.change_lawquestion",
    "staffroom.view_lawtest",
    "staffroom.add_lawtest",
    "staffroom.change_lawtest",
    "staffroom.add_trainingsession",
    "staffroom.change_trainingsession",
    "staffroom.view_voteperiod",
    "staffroom.add_voteperiod",
    "staffroom.change_voteperiod",
    "staffroom.review_proposal",
]
for _role in (DIRECTOR, REGISTRAR, COUNTER_STAFF, WEB_EDITOR):
    MODEL_PERMISSIONS[_role] += STAFFROOM_SHARED
MODEL_PERMISSIONS[DIRECTOR] += STAFFROOM_MANAGE

# The catalog (fees, documents, deadlines): registrars and editors save drafts and submit
# them to the director's approval; only the director publishes what citizens read.
MODEL_PERMISSIONS[DIRECTOR] += ["catalog.publish_registrationservice"]
# The marquee likewise: an editor's notice waits for the director's approval; a counter
# clerk's system outage shows at once (queueing/marquee.py `save_message`).
MODEL_PERMISSIONS[DIRECTOR] += ["queueing.approve_marqueemessage"]

# Pages: an editor drafts and submits; the director approves and publishes.
PAGE_PERMISSIONS = {
    DIRECTOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    WEB_EDITOR: ["add_page", "change_page"],
}

# Images and documents live in collections; both content roles may upload and choose.
COLLECTION_PERMISSIONS = {
    DIRECTOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    WEB_EDITOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}

APPROVAL_WORKFLOW = "主任核可"  # the director approves what editors submit

# Apps that move page permissions off the root page (a county's per-office sites) register
# here; `ensure_roles` runs them last, so setting up the roles never hands the root's pages
# back to every office's director.
_page_scopes = []


def register_page_scope(callback):
    """Run `callback()` at the end of every `ensure_roles`, in its transaction."""
    if callback not in _page_scopes:
        _page_scopes.append(callback)


def scope_pages():
    """Apply the registered page scopes (idempotent): after roles or staff change."""
    for callback in _page_scopes:
        callback()


@transaction.atomic
def ensure_roles():
    """Create the four role groups with exactly their permissions; return them by name."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_ROLES}
    for name, perms in MODEL_PERMISSIONS.items():
        groups[name].permissions.set(_permissions(perms))

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for name in ALL_ROLES:
            codenames = PAGE_PERMISSIONS.get(name, [])
            wanted = set(_permissions(f"wagtailcore.{c}" for c in codenames))
            existing = GroupPagePermission.objects.filter(group=groups[name], page=root_page)
            existing.exclude(permission__in=wanted).delete()
            for permission in wanted:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root_page, permission=permission
                )
        _ensure_approval_workflow(groups[DIRECTOR], root_page)

    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for name in ALL_ROLES:
            wanted = set(_permissions(COLLECTION_PERMISSIONS.get(name, [])))
            existing = GroupCollectionPermission.objects.filter(
                group=groups[name], collection=root_collection
            )
            existing.exclude(permission__in=wanted).delete()
            for permission in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission
                )
    scope_pages()
    return groups


def _ensure_approval_workflow(director_group, root_page):
    task, _ = GroupApprovalTask.objects.get_or_create(name=APPROVAL_WORKFLOW)
    task.groups.set([director_group])
    workflow, _ = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Snippets that go through the same approval: the catalog's services.
    for model in _moderated_snippets():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )


def _moderated_snippets():
    from django.apps import apps

    return [apps.get_model("catalog", "RegistrationService")]


def _permissions(dotted_names):
    result = []
    for dotted in dotted_names:
        app_label, codename = dotted.split(".", 1)
        result.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return result
