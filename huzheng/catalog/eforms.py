"""E-forms (電子表單): the application forms (申請書) of the main registration types,
defined in code so one definition gives the online form, the filled PDF laid out like the
paper form, and the blank form as PDF and as ODF text (ODT).

Nothing a citizen types is stored: the filled form goes back to them as a PDF to print,
sign and bring to the counter. Labels are bilingual data (zh-Hant first, English second),
picked by the active language; the paper always carries the Chinese.
"""

import dataclasses
import io
from dataclasses import dataclass
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from huzheng.core import identity, roc
from huzheng.core.validators import validate_phone

# Field kinds.
TEXT = "text"
NATIONAL_ID = "national_id"  # 國民身分證統一編號 only
PERSON_ID = "person_id"  # a national ID or a resident certificate number (統一證號)
ROC_DATE = "roc_date"
PHONE = "phone"
EMAIL = "email"
CHOICE = "choice"
TEXTAREA = "textarea"
CHECKBOX = "checkbox"
NUMBER = "number"  # a count, such as the copies of a transcript (份數)
KINDS = (TEXT, NATIONAL_ID, PERSON_ID, ROC_DATE, PHONE, EMAIL, CHOICE, TEXTAREA, CHECKBOX, NUMBER)

# The paper grid: a row is four quarters wide, and each field takes `width` quarters
# (a label cell and its value cell), so the paper has eight columns.
ROW_WIDTH = 4
PAPER_COLUMNS = ROW_WIDTH * 2

# How a date is left to be written by hand on the blank paper form.
BLANK_DATE = "民國　　　年　　　月　　　日"
APPLICATION_DATE_LINE = "申請日期：民國　　　年　　　月　　　日"
ADDRESSEE_LINE = "此致　　　　　　　　戶政事務所"
CHECKED, UNCHECKED = "■", "□"

# A typed date is never longer than this; the limit also keeps long input away from the
# date parser's regular expression.
_DATE_MAX_LENGTH = 30
_DEFAULT_MAX_LENGTH = {TEXT: 60, TEXTAREA: 500, EMAIL: 254, PHONE: 30}


def pick(zh, en):
    """The English text when English is active and there is one; otherwise the Chinese."""
    language = (get_language() or "zh-hant").lower()
    return en if language.startswith("en") and en else zh


pick_lazy = lazy(pick, str)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    label_en: str

    @property
    def text(self):
        return pick(self.label, self.label_en)


@dataclass(frozen=True)
class FormField:
    """One field of a form: its kind, bilingual label and hint, and its width on paper."""

    name: str
    label: str
    label_en: str
    kind: str = TEXT
    required: bool = False
    width: int = 2
    choices: tuple[Choice, ...] = ()
    help: str = ""
    help_en: str = ""
    allow_future: bool = True
    max_length: int | None = None
    max_value: int = 20
    autocomplete: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown field kind {self.kind!r}")
        if not 1 <= self.width <= ROW_WIDTH:
            raise ValueError(f"{self.name}: width must be 1 to {ROW_WIDTH}")
        if (self.kind == CHOICE) != bool(self.choices):
            raise ValueError(f"{self.name}: choices go with the choice kind, and only there")

    @property
    def text(self):
        return pick(self.label, self.label_en)

    @property
    def help_text(self):
        return pick(self.help, self.help_en)


@dataclass(frozen=True)
class Section:
    """A group of fields, a fieldset online and a block of rows on paper."""

    title: str
    title_en: str
    fields: tuple[FormField, ...]

    @property
    def text(self):
        return pick(self.title, self.title_en)


@dataclass(frozen=True)
class Box:
    """A box on paper to sign, stamp a seal in, or stick a photo on."""

    label: str
    label_en: str
    tall: bool = False

    @property
    def text(self):
        return pick(self.label, self.label_en)


@dataclass(frozen=True)
class EForm:
    """An application form (申請書): where it belongs in the catalog and what it asks."""

    slug: str
    title: str
    title_en: str
    service_slug: str
    intro: str
    intro_en: str
    sections: tuple[Section, ...]
    boxes: tuple[Box, ...] = (Box("申請人簽名或蓋章", "Applicant's signature or seal"),)
    notes: tuple[tuple[str, str], ...] = ()

    @property
    def title_text(self):
        return pick(self.title, self.title_en)

    @property
    def intro_text(self):
        return pick(self.intro, self.intro_en)

    @property
    def note_texts(self):
        return [pick(zh, en) for zh, en in self.notes]

    @property
    def fields(self):
        return [f for section in self.sections for f in section.fields]


@dataclass
class PaperCell:
    """A label cell and its value cell on paper; a checkbox fills the whole row instead."""

    field: FormField
    span: int
    value: str = ""
    marks: list = dataclasses.field(default_factory=list)

    @property
    def full_row(self):
        return self.field.kind == CHECKBOX


@dataclass
class PaperSection:
    section: Section
    rows: list


def get_form_definition(slug):
    """The form with this slug; LookupError when there is none."""
    try:
        return FORMS[str(slug)]
    except KeyError:
        raise LookupError(slug) from None


@cache
def build_django_form(definition):
    """A Django Form class for the definition: one form field per field, validated as the
    office would check the paper (ID checksum, real ROC dates, Taiwan phone numbers)."""
    form_fields = {f.name: _form_field(f) for f in definition.fields}
    class_name = "".join(part.title() for part in definition.slug.split("-")) + "Form"
    return type(class_name, (forms.Form,), form_fields)


def paper_layout(definition, cleaned_data=None):
    """The sections as paper rows of label/value cells; values filled from cleaned_data,
    or left blank (dates as 民國　年　月　日, choices as empty boxes) without it."""
    return [
        PaperSection(section, _paper_rows(section, cleaned_data)) for section in definition.sections
    ]


def blank_odt(definition, *, english=False):
    """The blank form as an ODF text document (bytes): the same title, table of labels with
    empty value cells, signature boxes and date line as the blank PDF."""
    odt = _OdtForm(english=english)
    odt.title(definition.title, definition.title_en)
    odt.grid(paper_layout(definition))
    odt.boxes(definition.boxes)
    odt.line(APPLICATION_DATE_LINE)
    odt.line(ADDRESSEE_LINE)
    odt.notes(definition.notes)
    return odt.to_bytes()


# --- The forms ----------------------------------------------------------------------------
# Modelled on the national paper forms. Field names are the same across forms where the
# meaning is the same, so tests and people find them.

PERSON_ID_HELP = "外籍或無戶籍國民請填居留證統一證號。"
PERSON_ID_HELP_EN = "Foreign residents: the resident certificate number."
DECLARATION = (
    "本人切結以上所填資料均屬實，如有不實，願負法律責任。",
    "I declare that the information above is true, and I accept legal responsibility if it is not.",
)


def _name(name, label="姓名", label_en="Name", *, required=True, own=False, width=2):
    return FormField(
        name,
        label,
        label_en,
        required=required,
        width=width,
        autocomplete="name" if own else "off",
    )


def _national_id(name, label="國民身分證統一編號", label_en="National ID number", **kwargs):
    return FormField(name, label, label_en, kind=NATIONAL_ID, **{"required": True, **kwargs})


def _person_id(name, label="統一編號", label_en="ID number", **kwargs):
    return FormField(
        name,
        label,
        label_en,
        kind=PERSON_ID,
        help=PERSON_ID_HELP,
        help_en=PERSON_ID_HELP_EN,
        **{"required": True, **kwargs},
    )


def _birth_date(name, label="出生日期", label_en="Date of birth", *, required=True):
    return FormField(name, label, label_en, kind=ROC_DATE, required=required, allow_future=False)


def _address(name, label="戶籍地址", label_en="Registered address", *, required=True, own=False):
    return FormField(
        name,
        label,
        label_en,
        required=required,
        width=4,
        max_length=120,
        help="請寫村里、鄰及門牌，例：湖西村1鄰湖西1號。",
        help_en="Village, neighbourhood and house number.",
        autocomplete="street-address" if own else "off",
    )


def _phone(name, label="聯絡電話", label_en="Phone", *, required=True, own=True):
    return FormField(
        name,
        label,
        label_en,
        kind=PHONE,
        required=required,
        help="例：06-9921234 或 0912-345-678",
        help_en="For example 06-9921234 or 0912-345-678",
        autocomplete="tel" if own else "off",
    )


def _email(name):
    return FormField(name, "電子郵件", "E-mail", kind=EMAIL, autocomplete="email")


def _declaration():
    return Section(
        "聲明",
        "Declaration",
        (FormField("declaration", DECLARATION[0], DECLARATION[1], kind=CHECKBOX, required=True),),
    )


def _applicant(relation_label="與被登記人關係", relation_label_en="Relationship to the person"):
    return Section(
        "申請人",
        "Applicant",
        (
            _name("applicant_name", own=True),
            _person_id("applicant_id"),
            FormField(
                "applicant_relation",
                relation_label,
                relation_label_en,
                required=True,
                max_length=20,
                help="例：本人、父、母、配偶、子",
                help_en="For example: self, father, mother, spouse, son",
            ),
            _phone("applicant_phone"),
            _email("applicant_email"),
            _address(
                "applicant_address", "通訊地址", "Address for letters", required=False, own=True
            ),
        ),
    )


def _agent(title="受委託人（委託他人申請時填寫）", title_en="Agent (if someone applies for you)"):
    return Section(
        title,
        title_en,
        (
            _name("agent_name", required=False),
            _person_id("agent_id", required=False),
            _phone("agent_phone", required=False, own=False),
        ),
    )


def _registration_application(
    slug, title, title_en, service_slug, intro, intro_en, types, *, event=None, extra=(), notes=()
):
    """The layout of 戶籍登記申請書, shared by the forms of one fixed registration type."""
    event_label, event_label_en = event or ("事件發生日期", "Date of the event")
    return EForm(
        slug=slug,
        title=title,
        title_en=title_en,
        service_slug=service_slug,
        intro=intro,
        intro_en=intro_en,
        sections=(
            Section(
                "被登記人",
                "Person registered",
                (
                    _name("registrant_name"),
                    _person_id("registrant_id"),
                    _birth_date("registrant_birth_date"),
                    FormField("household_head", "戶長姓名", "Head of household", width=1),
                    FormField(
                        "relation_to_head",
                        "與戶長稱謂",
                        "Relation to the head",
                        width=1,
                        max_length=20,
                    ),
                    _address("registrant_address"),
                ),
            ),
            Section(
                "登記事項",
                "Registration",
                (
                    FormField(
                        "registration_type",
                        "登記類別",
                        "Type of registration",
                        kind=CHOICE,
                        required=True,
                        width=4,
                        choices=types,
                    ),
                    FormField(
                        "event_date",
                        event_label,
                        event_label_en,
                        kind=ROC_DATE,
                        required=True,
                        allow_future=False,
                    ),
                    FormField("event_place", "事件發生地", "Place of the event"),
                    *extra,
                    FormField(
                        "details",
                        "登記內容說明",
                        "Details",
                        kind=TEXTAREA,
                        width=4,
                        help="需要說明的事項，例：更正的內容。",
                        help_en="Anything the office should know, such as what to correct.",
                    ),
                ),
            ),
            _applicant(),
            _agent(),
            _declaration(),
        ),
        boxes=(
            Box("申請人簽名或蓋章", "Applicant's signature or seal"),
            Box("受委託人簽名或蓋章", "Agent's signature or seal"),
        ),
        notes=(
            (
                "請攜帶申請人及受委託人的國民身分證與印章（或簽名）。",
                "Bring the ID cards of the applicant (and of the agent) and a seal, or sign.",
            ),
            *notes,
            (
                "登記應於事件發生後30日內申請，逾期依戶籍法第79條處罰鍰。",
                "Apply within 30 days of the event; a late application is fined "
                "(Household Registration Act, article 79).",
            ),
        ),
    )


REGISTRATION_TYPES = (
    Choice("birth", "出生登記", "Birth"),
    Choice("recognition", "認領登記", "Acknowledgement of a child"),
    Choice("adoption", "收養登記", "Adoption"),
    Choice("adoption_end", "終止收養登記", "End of an adoption"),
    Choice("marriage", "結婚登記", "Marriage"),
    Choice("divorce", "離婚登記", "Divorce"),
    Choice("guardianship", "監護登記", "Guardianship"),
    Choice("death", "死亡登記", "Death"),
    Choice("first_registration", "初設戶籍登記", "First registration"),
    Choice("move_in", "遷入登記", "Moving in"),
    Choice("move_out", "遷出登記", "Moving out"),
    Choice("address_change", "住址變更登記", "Change of address"),
    Choice("household_split", "分（合）戶登記", "Splitting or joining households"),
    Choice("name_change", "姓名變更登記", "Change of name"),
    Choice("correction", "更正登記", "Correction"),
    Choice("other", "其他", "Other"),
)
_MOVE_IN = tuple(c for c in REGISTRATION_TYPES if c.value == "move_in")

SEXES = (Choice("male", "男", "Male"), Choice("female", "女", "Female"))


def _party(number, number_en):
    prefix = f"party{number_en}"
    return Section(
        f"結婚當事人（{number}）",
        f"Spouse {number_en}",
        (
            _name(f"{prefix}_name"),
            _person_id(f"{prefix}_id"),
            _birth_date(f"{prefix}_birth_date"),
            _phone(f"{prefix}_phone", required=number_en == "1", own=False),
            _address(f"{prefix}_address"),
        ),
    )


FORMS = {
    form.slug: form
    for form in (
        _registration_application(
            "household-registration",
            "戶籍登記申請書",
            "Household registration application",
            "household-registration",
            "各類戶籍登記共用的申請書：填寫被登記人、登記類別、事件發生日期與申請人資料。",
            "The application for any household registration: the person registered, the "
            "type of registration, the date of the event and the applicant.",
            REGISTRATION_TYPES,
        ),
        EForm(
            slug="birth-registration",
            title="出生登記申請書",
            title_en="Birth registration application",
            service_slug="birth",
            intro="新生兒的出生登記：出生者、父母與申請人資料。",
            intro_en="Registering a newborn child: the child, the parents and the applicant.",
            sections=(
                Section(
                    "出生者",
                    "Child",
                    (
                        _name("child_name"),
                        FormField(
                            "child_sex", "性別", "Sex", kind=CHOICE, required=True, choices=SEXES
                        ),
                        _birth_date("child_birth_date"),
                        FormField(
                            "child_birth_order",
                            "出生別",
                            "Birth order",
                            required=True,
                            max_length=10,
                            help="例：長女、次子",
                            help_en="For example: first daughter, second son",
                        ),
                        FormField(
                            "child_birth_place",
                            "出生地",
                            "Place of birth",
                            required=True,
                            help="縣市，例：澎湖縣",
                            help_en="County or city, for example Penghu County",
                        ),
                        FormField(
                            "child_surname",
                            "子女從姓",
                            "Surname taken",
                            kind=CHOICE,
                            required=True,
                            choices=(
                                Choice("father", "從父姓", "Father's"),
                                Choice("mother", "從母姓", "Mother's"),
                            ),
                            help="由父母以書面約定（民法第1059條）。",
                            help_en="Agreed in writing by the parents (Civil Code art. 1059).",
                        ),
                        FormField("household_head", "戶長姓名", "Head of household"),
                        FormField(
                            "relation_to_head",
                            "與戶長稱謂",
                            "Relation to the head",
                            required=True,
                            max_length=20,
                            help="例：孫、子、女",
                            help_en="For example: grandchild, son, daughter",
                        ),
                        _address("child_address"),
                    ),
                ),
                Section(
                    "父母",
                    "Parents",
                    (
                        _name("father_name", "父姓名", "Father's name", required=False),
                        _person_id("father_id", "父統一編號", "Father's ID number", required=False),
                        _name("mother_name", "母姓名", "Mother's name"),
                        _person_id("mother_id", "母統一編號", "Mother's ID number"),
                    ),
                ),
                _applicant("與出生者關係", "Relationship to the child"),
                _agent(),
                _declaration(),
            ),
            boxes=(
                Box("申請人簽名或蓋章", "Applicant's signature or seal"),
                Box("父簽名或蓋章", "Father's signature or seal"),
                Box("母簽名或蓋章", "Mother's signature or seal"),
            ),
            notes=(
                (
                    "出生登記應於出生後60日內申請。",
                    "Register a birth within 60 days.",
                ),
                (
                    "請攜帶出生證明書、父母及申請人的國民身分證與印章、戶口名簿。",
                    "Bring the birth certificate, the ID cards and seals of the parents and "
                    "of the applicant, and the household certificate.",
                ),
            ),
        ),
        EForm(
            slug="marriage-registration",
            title="結婚登記申請書",
            title_en="Marriage registration application",
            service_slug="marriage",
            intro="結婚登記：雙方當事人、結婚書約與二位證人。",
            intro_en="Registering a marriage: both spouses, the marriage agreement and two "
            "witnesses.",
            sections=(
                _party("一", "1"),
                _party("二", "2"),
                Section(
                    "結婚事項",
                    "Marriage",
                    (
                        FormField(
                            "agreement_date",
                            "結婚書約簽訂日期",
                            "Date of the marriage agreement",
                            kind=ROC_DATE,
                            required=True,
                            allow_future=False,
                        ),
                        FormField(
                            "residence",
                            "婚後住所",
                            "Address after marriage",
                            max_length=120,
                        ),
                        FormField(
                            "spouse_surname",
                            "冠姓",
                            "Spouse's surname",
                            kind=CHOICE,
                            required=True,
                            width=4,
                            choices=(
                                Choice("none", "雙方均不冠姓", "Neither takes the other's"),
                                Choice("party1", "當事人（一）冠配偶姓", "Spouse 1 takes it"),
                                Choice("party2", "當事人（二）冠配偶姓", "Spouse 2 takes it"),
                            ),
                        ),
                    ),
                ),
                Section(
                    "證人",
                    "Witnesses",
                    (
                        _name("witness1_name", "證人（一）姓名", "Witness 1: name"),
                        _person_id("witness1_id", "證人（一）統一編號", "Witness 1: ID number"),
                        _name("witness2_name", "證人（二）姓名", "Witness 2: name"),
                        _person_id("witness2_id", "證人（二）統一編號", "Witness 2: ID number"),
                    ),
                ),
                _declaration(),
            ),
            boxes=(
                Box("當事人（一）簽名或蓋章", "Spouse 1: signature or seal"),
                Box("當事人（二）簽名或蓋章", "Spouse 2: signature or seal"),
                Box("證人（一）簽名或蓋章", "Witness 1: signature or seal"),
                Box("證人（二）簽名或蓋章", "Witness 2: signature or seal"),
            ),
            notes=(
                (
                    "結婚應以書面為之，有二人以上證人之簽名，"
                    "並由雙方當事人向戶政機關登記（民法第982條）。",
                    "A marriage is made in writing, signed by two witnesses, and registered "
                    "by both spouses at an office (Civil Code art. 982).",
                ),
                (
                    "請雙方攜帶國民身分證、印章、戶口名簿、結婚書約及相片。",
                    "Both spouses bring their ID cards, seals, household certificates, the "
                    "marriage agreement and photos.",
                ),
            ),
        ),
        _registration_application(
            "move-in-registration",
            "遷入登記申請書",
            "Move-in registration application",
            "move-in",
            "遷入登記：搬到新住址後，把戶籍遷入新住址。",
            "Moving your household registration to your new address.",
            _MOVE_IN,
            event=("遷入日期", "Date of moving in"),
            extra=(
                FormField(
                    "previous_address",
                    "遷出地址",
                    "Previous address",
                    required=True,
                    width=4,
                    max_length=120,
                    help="遷入前的戶籍地址。",
                    help_en="The registered address before the move.",
                ),
            ),
            notes=(
                (
                    "遷入新址者，請攜帶新址戶長的戶口名簿或房屋所有權狀等住址證明。",
                    "Bring the household certificate of the new address's household, or "
                    "another proof of the address such as the deed.",
                ),
            ),
        ),
        EForm(
            slug="id-card-application",
            title="國民身分證申請書",
            title_en="National ID card application",
            service_slug="id-card-first",
            intro="初領、換領或補領國民身分證。",
            intro_en="A first national ID card, a replacement, or a new card for a lost one.",
            sections=(
                Section(
                    "申請事項",
                    "Application",
                    (
                        FormField(
                            "application_type",
                            "申請類別",
                            "Type of application",
                            kind=CHOICE,
                            required=True,
                            width=4,
                            choices=(
                                Choice("first", "初領", "First card"),
                                Choice("replacement", "換領", "Replacement"),
                                Choice("reissue", "補領", "Reissue of a lost card"),
                            ),
                        ),
                        FormField(
                            "reason",
                            "申請原因",
                            "Reason",
                            width=4,
                            help="換領、補領請寫原因，例：污損、遺失、資料變更。",
                            help_en="For a replacement or reissue: damaged, lost, data changed …",
                        ),
                    ),
                ),
                Section(
                    "申請人",
                    "Applicant",
                    (
                        _name("applicant_name", own=True),
                        _national_id("applicant_id"),
                        _birth_date("applicant_birth_date"),
                        _phone("applicant_phone"),
                        _email("applicant_email"),
                        _address("applicant_address", own=True),
                    ),
                ),
                _agent(),
                _declaration(),
            ),
            boxes=(
                Box("相片黏貼處", "Photo", tall=True),
                Box("申請人簽名或蓋章", "Applicant's signature or seal"),
                Box("受委託人簽名或蓋章", "Agent's signature or seal"),
            ),
            notes=(
                (
                    "請附最近二年內所攝正面、脫帽、彩色相片一張。",
                    "Bring one recent colour photo (taken within two years, front view, no hat).",
                ),
                (
                    "初領及補領須本人親自辦理。",
                    "A first card and a reissue are applied for in person.",
                ),
            ),
        ),
        EForm(
            slug="household-transcript-application",
            title="戶籍謄本申請書",
            title_en="Household transcript application",
            service_slug="household-transcript",
            intro="申請戶籍謄本（中文或英文）。",
            intro_en="Asking for a household transcript, in Chinese or English.",
            sections=(
                Section(
                    "申請人",
                    "Applicant",
                    (
                        _name("applicant_name", own=True),
                        _person_id("applicant_id"),
                        _phone("applicant_phone"),
                        _email("applicant_email"),
                        _address("applicant_address", "通訊地址", "Address", own=True),
                        FormField(
                            "applicant_relation",
                            "與被申請人關係",
                            "Relationship to the person",
                            kind=CHOICE,
                            required=True,
                            width=4,
                            choices=(
                                Choice("self", "本人", "Self"),
                                Choice("household", "同戶之人", "Same household"),
                                Choice("family", "直系血親或配偶", "Parent, child or spouse"),
                                Choice("interested", "利害關係人", "Interested party"),
                            ),
                        ),
                    ),
                ),
                Section(
                    "申請內容",
                    "Transcript",
                    (
                        _name("subject_name", "被申請人姓名", "Name of the person"),
                        _person_id(
                            "subject_id",
                            "被申請人統一編號",
                            "ID number of the person",
                            required=False,
                        ),
                        _address("subject_address"),
                        FormField(
                            "transcript_type",
                            "謄本種類",
                            "Kind of transcript",
                            kind=CHOICE,
                            required=True,
                            width=4,
                            choices=(
                                Choice("current_full", "現戶全部", "Current household, all"),
                                Choice("current_part", "現戶部分", "Current household, part"),
                                Choice("removed_full", "除戶全部", "Removed entries, all"),
                                Choice("removed_part", "除戶部分", "Removed entries, part"),
                            ),
                        ),
                        FormField(
                            "record_notes",
                            "記事",
                            "Notes",
                            kind=CHOICE,
                            required=True,
                            choices=(
                                Choice("full", "詳細記事", "Full"),
                                Choice("brief", "省略記事", "Left out"),
                            ),
                        ),
                        FormField(
                            "language",
                            "語文",
                            "Language",
                            kind=CHOICE,
                            required=True,
                            choices=(
                                Choice("zh", "中文", "Chinese"),
                                Choice("en", "英文", "English"),
                            ),
                        ),
                        FormField(
                            "copies", "份數", "Copies", kind=NUMBER, required=True, max_value=20
                        ),
                        FormField("purpose", "申請用途", "Purpose"),
                    ),
                ),
                _agent(),
                _declaration(),
            ),
            boxes=(
                Box("申請人簽名或蓋章", "Applicant's signature or seal"),
                Box("受委託人簽名或蓋章", "Agent's signature or seal"),
            ),
            notes=(
                (
                    "利害關係人申請，請附利害關係證明文件。",
                    "An interested party brings proof of the interest.",
                ),
                (
                    "電子戶籍謄本可用自然人憑證於網路免費申請。",
                    "An electronic transcript is free online with a citizen digital certificate.",
                ),
            ),
        ),
        EForm(
            slug="seal-registration-application",
            title="印鑑登記申請書",
            title_en="Seal registration application",
            service_slug="seal-registration",
            intro="印鑑登記、變更、廢止，或申請印鑑證明。",
            intro_en="Registering, changing or cancelling a seal, or asking for a seal "
            "certificate.",
            sections=(
                Section(
                    "申請事項",
                    "Application",
                    (
                        FormField(
                            "application_type",
                            "申請類別",
                            "Type of application",
                            kind=CHOICE,
                            required=True,
                            width=4,
                            choices=(
                                Choice("register", "印鑑登記", "Register a seal"),
                                Choice("change", "印鑑變更登記", "Change the seal"),
                                Choice("cancel", "印鑑廢止登記", "Cancel the seal"),
                                Choice("certificate", "印鑑證明", "Seal certificate"),
                            ),
                        ),
                        FormField(
                            "copies",
                            "印鑑證明份數",
                            "Certificate copies",
                            kind=NUMBER,
                            max_value=20,
                        ),
                        FormField("purpose", "用途", "Purpose"),
                    ),
                ),
                Section(
                    "申請人",
                    "Applicant",
                    (
                        _name("applicant_name", own=True),
                        _national_id("applicant_id"),
                        _birth_date("applicant_birth_date"),
                        _phone("applicant_phone"),
                        _address("applicant_address", own=True),
                    ),
                ),
                _agent("受任人（委任他人申請印鑑證明時填寫）", "Agent (for a seal certificate)"),
                _declaration(),
            ),
            boxes=(
                Box("印鑑（請蓋於框內）", "Seal (stamp inside the box)", tall=True),
                Box("申請人簽名", "Applicant's signature"),
                Box("受任人簽名或蓋章", "Agent's signature or seal"),
            ),
            notes=(
                (
                    "印鑑登記、變更及廢止須本人親自辦理。",
                    "Registering, changing and cancelling a seal are done in person.",
                ),
                (
                    "請攜帶國民身分證及印鑑章。",
                    "Bring your ID card and the seal.",
                ),
            ),
        ),
    )
}


# --- Helpers --------------------------------------------------------------------------------


class _BoundedRocDateField(roc.RocDateField):
    """RocDateField that refuses overlong text before parsing it: the parser's regular
    expression takes quadratic time on long runs of spaces."""

    def to_python(self, value):
        if isinstance(value, str) and len(value) > _DATE_MAX_LENGTH:
            raise ValidationError(
                _("Please write the date in the ROC calendar, for example 115/1/5 or 1150105."),
                code="format",
            )
        return super().to_python(value)


def _form_field(f):
    label = pick_lazy(f.label, f.label_en)
    help_text = pick_lazy(f.help, f.help_en) if f.help else ""
    common = {"label": label, "required": f.required, "help_text": help_text}
    if f.kind == CHOICE:
        common["error_messages"] = {"required": _required_message(f, choose=True)}
    elif f.kind == CHECKBOX:
        common["error_messages"] = {"required": _("Please tick the box to confirm.")}
    else:
        common["error_messages"] = {"required": _required_message(f)}
    max_length = f.max_length or _DEFAULT_MAX_LENGTH.get(f.kind)

    if f.kind in (NATIONAL_ID, PERSON_ID):
        kinds = (identity.NATIONAL_ID,) if f.kind == NATIONAL_ID else identity.ALL_KINDS
        form_field = identity.PersonIdField(kinds=kinds, **common)
    elif f.kind == ROC_DATE:
        roc_hint = _("ROC calendar, for example 115/1/5")
        common["help_text"] = format_lazy("{} {}", help_text, roc_hint) if f.help else roc_hint
        form_field = _BoundedRocDateField(allow_future=f.allow_future, **common)
        form_field.widget.attrs["maxlength"] = str(_DATE_MAX_LENGTH)
    elif f.kind == PHONE:
        form_field = forms.CharField(
            max_length=max_length,
            validators=[validate_phone],
            widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
            **common,
        )
    elif f.kind == EMAIL:
        form_field = forms.EmailField(max_length=max_length, **common)
    elif f.kind == CHOICE:
        choices = [(c.value, pick_lazy(c.label, c.label_en)) for c in f.choices]
        initial = f.choices[0].value if len(f.choices) == 1 else None
        form_field = forms.ChoiceField(
            choices=choices, widget=forms.RadioSelect, initial=initial, **common
        )
    elif f.kind == CHECKBOX:
        form_field = forms.BooleanField(**common)
    elif f.kind == NUMBER:
        form_field = forms.IntegerField(min_value=1, max_value=f.max_value, **common)
    elif f.kind == TEXTAREA:
        form_field = forms.CharField(
            max_length=max_length, widget=forms.Textarea(attrs={"rows": 3}), **common
        )
    else:
        form_field = forms.CharField(max_length=max_length, **common)
    if f.autocomplete:
        form_field.widget.attrs["autocomplete"] = f.autocomplete
    return form_field


def _required_message(f, *, choose=False):
    return _required_message_lazy(f.label, f.label_en, choose)


def _required_message_text(zh, en, choose):
    params = {"label": pick(zh, en)}
    if choose:
        return gettext("Please choose “%(label)s”.") % params
    return gettext("Please fill in “%(label)s”.") % params


_required_message_lazy = lazy(_required_message_text, str)


def _paper_rows(section, cleaned_data):
    rows, row, used = [], [], 0
    for f in section.fields:
        width = ROW_WIDTH if f.kind == CHECKBOX else f.width
        if row and used + width > ROW_WIDTH:
            rows.append(_close_row(row, used))
            row, used = [], 0
        row.append(_paper_cell(f, cleaned_data))
        used += width
    if row:
        rows.append(_close_row(row, used))
    return rows


def _close_row(row, used):
    # A row the fields do not fill stretches its last value cell to the right edge.
    row[-1].span += (ROW_WIDTH - used) * 2
    return row


def _paper_cell(f, cleaned_data):
    cell = PaperCell(field=f, span=f.width * 2 - 1)
    if f.kind == CHECKBOX:
        cell.span = PAPER_COLUMNS
    filled = cleaned_data is not None
    value = cleaned_data.get(f.name) if filled else None
    if f.kind == CHOICE:
        cell.marks = [(filled and value == c.value, c.label, c.label_en) for c in f.choices]
    elif f.kind == CHECKBOX:
        cell.marks = [(bool(value), f.label, f.label_en)]
    elif not filled:
        cell.value = BLANK_DATE if f.kind == ROC_DATE else ""
    else:
        cell.value = _display(f, value)
    return cell


def _display(f, value):
    if value in (None, ""):
        return ""
    if f.kind in (NATIONAL_ID, PERSON_ID):
        return value.number
    if f.kind == ROC_DATE:
        return roc.format_long(value)
    return str(value).strip()


def _mark_text(mark, english):
    _checked, label, label_en = mark
    return f"{UNCHECKED}{label}" + (f" {label_en}" if english and label_en else "")


class _OdtForm:
    """Writes the paper layout as an ODF text document with odfpy: styles first, then the
    title, the grid of label/value cells, the boxes and the closing lines."""

    FONT = "Noto Sans CJK TC"

    def __init__(self, *, english):
        from odf import style
        from odf.opendocument import OpenDocumentText

        self.english = english
        self.document = OpenDocumentText()
        self.document.fontfacedecls.addElement(
            style.FontFace(name=self.FONT, fontfamily=f"'{self.FONT}'", fontfamilygeneric="swiss")
        )
        page = style.PageLayout(name="A4")
        page.addElement(
            style.PageLayoutProperties(
                pagewidth="21cm", pageheight="29.7cm", printorientation="portrait", margin="1.6cm"
            )
        )
        self.document.automaticstyles.addElement(page)
        self.document.masterstyles.addElement(
            style.MasterPage(name="Standard", pagelayoutname=page)
        )
        self.title_style = self._paragraph_style("FormTitle", "18pt", bold=True, align="center")
        self.body_style = self._paragraph_style("FormBody", "10.5pt")
        self.label_style = self._paragraph_style("FormLabel", "10pt", bold=True)
        self.small_style = self._paragraph_style("FormSmall", "8pt")
        self.label_cell = self._automatic_style(
            "LabelCell",
            "table-cell",
            style.TableCellProperties(
                border="0.5pt solid #000000", padding="0.1cm", backgroundcolor="#eeeeee"
            ),
        )
        self.value_cell = self._automatic_style(
            "ValueCell",
            "table-cell",
            style.TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"),
        )
        self.row_style = self._automatic_style(
            "Row", "table-row", style.TableRowProperties(minrowheight="0.9cm")
        )
        self.tall_row_style = self._automatic_style(
            "TallRow", "table-row", style.TableRowProperties(minrowheight="3.5cm")
        )
        self.column_style = self._automatic_style(
            "Column", "table-column", style.TableColumnProperties(relcolumnwidth="1*")
        )
        self.table_style = self._automatic_style(
            "FormTable", "table", style.TableProperties(width="17.8cm", align="center")
        )

    def title(self, zh, en):
        self.line(zh, self.title_style)
        if self.english:
            self.line(en, self.title_style)

    def grid(self, paper_sections):
        from odf import table

        grid = table.Table(name="Form", stylename=self.table_style)
        grid.addElement(
            table.TableColumn(numbercolumnsrepeated=PAPER_COLUMNS, stylename=self.column_style)
        )
        for paper_section in paper_sections:
            section = paper_section.section
            row = table.TableRow(stylename=self.row_style)
            self._cell(row, self._labels(section.title, section.title_en), PAPER_COLUMNS, True)
            grid.addElement(row)
            for cells in paper_section.rows:
                row = table.TableRow(stylename=self.row_style)
                for cell in cells:
                    self._paper_cell(row, cell)
                grid.addElement(row)
        self.document.text.addElement(grid)

    def boxes(self, boxes):
        from odf import table

        grid = table.Table(name="Signatures", stylename=self.table_style)
        grid.addElement(
            table.TableColumn(numbercolumnsrepeated=len(boxes), stylename=self.column_style)
        )
        labels = table.TableRow(stylename=self.row_style)
        spaces = table.TableRow(stylename=self.tall_row_style)
        for box in boxes:
            self._cell(labels, self._labels(box.label, box.label_en), 1, True)
            self._cell(spaces, [("", self.body_style)], 1, False)
        grid.addElement(labels)
        grid.addElement(spaces)
        self.line("")
        self.document.text.addElement(grid)

    def notes(self, notes):
        if not notes:
            return
        self.line("注意事項", self.label_style)
        for number, (zh, en) in enumerate(notes, start=1):
            self.line(f"{number}. {zh}", self.small_style)
            if self.english and en:
                self.line(en, self.small_style)

    def line(self, content, paragraph_style=None):
        from odf import text

        self.document.text.addElement(
            text.P(stylename=paragraph_style or self.body_style, text=content)
        )

    def to_bytes(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _paper_cell(self, row, cell):
        f = cell.field
        if cell.full_row:
            line = f"{UNCHECKED} {f.label}"
            self._cell(row, self._labels(line, f.label_en, self.body_style), cell.span, False)
            return
        marker = "※" if f.required else ""
        self._cell(row, self._labels(marker + f.label, f.label_en), 1, True)
        if cell.marks:
            content = "　".join(_mark_text(mark, self.english) for mark in cell.marks)
        else:
            content = cell.value
        self._cell(row, [(content, self.body_style)], cell.span, False)

    def _cell(self, row, paragraphs, span, shaded):
        from odf import table, text

        element = table.TableCell(
            stylename=self.label_cell if shaded else self.value_cell, valuetype="string"
        )
        if span > 1:
            element.setAttribute("numbercolumnsspanned", span)
        for content, paragraph_style in paragraphs:
            element.addElement(text.P(stylename=paragraph_style, text=content))
        row.addElement(element)
        # ODF keeps a covered cell in place of each column a spanning cell takes.
        for _covered in range(span - 1):
            row.addElement(table.CoveredTableCell())

    def _labels(self, zh, en, paragraph_style=None):
        paragraphs = [(zh, paragraph_style or self.label_style)]
        if self.english and en:
            paragraphs.append((en, self.small_style))
        return paragraphs

    def _paragraph_style(self, name, size, *, bold=False, align="start"):
        from odf import style

        weight = "bold" if bold else "normal"
        paragraph_style = style.Style(name=name, family="paragraph")
        paragraph_style.addElement(
            style.TextProperties(
                fontname=self.FONT,
                fontnameasian=self.FONT,
                fontsize=size,
                fontsizeasian=size,
                fontweight=weight,
                fontweightasian=weight,
            )
        )
        paragraph_style.addElement(
            style.ParagraphProperties(textalign=align, marginbottom="0.15cm")
        )
        self.document.styles.addElement(paragraph_style)
        return paragraph_style

    def _automatic_style(self, name, family, properties):
        from odf import style

        automatic = style.Style(name=name, family=family)
        automatic.addElement(properties)
        self.document.automaticstyles.addElement(automatic)
        return automatic
