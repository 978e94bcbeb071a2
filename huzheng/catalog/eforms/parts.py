"""The building blocks the forms share: a name, an ID number, an address, the applicant,
the agent, the declaration, and the layout of 戶籍登記申請書. Modelled on the national
paper forms; field names are the same across forms where the meaning is the same, so tests
and people find them."""

from huzheng.catalog.eforms.schema import (
    CHECKBOX,
    CHOICE,
    EMAIL,
    NATIONAL_ID,
    PERSON_ID,
    PHONE,
    ROC_DATE,
    TEXTAREA,
    Box,
    Choice,
    EForm,
    FormField,
    Section,
)

PERSON_ID_HELP = "外籍或無戶籍國民請填居留證統一證號。"
PERSON_ID_HELP_EN = "Foreign residents: the resident certificate number."
DECLARATION = (
    "本人切結以上所填資料均屬實，如有不實，願負法律責任。",
    "I declare that the information above is true, and I accept legal responsibility if it is not.",
)


def person_name(name, label="姓名", label_en="Name", *, required=True, own=False, width=2):
    return FormField(
        name,
        label,
        label_en,
        required=required,
        width=width,
        autocomplete="name" if own else "off",
    )


def national_id(name, label="國民身分證統一編號", label_en="National ID number", **kwargs):
    return FormField(name, label, label_en, kind=NATIONAL_ID, **{"required": True, **kwargs})


def person_id(name, label="統一編號", label_en="ID number", **kwargs):
    return FormField(
        name,
        label,
        label_en,
        kind=PERSON_ID,
        help=PERSON_ID_HELP,
        help_en=PERSON_ID_HELP_EN,
        **{"required": True, **kwargs},
    )


def birth_date(name, label="出生日期", label_en="Date of birth", *, required=True):
    return FormField(name, label, label_en, kind=ROC_DATE, required=required, allow_future=False)


def address(name, label="戶籍地址", label_en="Registered address", *, required=True, own=False):
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


def phone(name, label="聯絡電話", label_en="Phone", *, required=True, own=True):
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


def email(name):
    return FormField(name, "電子郵件", "E-mail", kind=EMAIL, autocomplete="email")


def declaration():
    return Section(
        "聲明",
        "Declaration",
        (FormField("declaration", DECLARATION[0], DECLARATION[1], kind=CHECKBOX, required=True),),
    )


def applicant(relation_label="與被登記人關係", relation_label_en="Relationship to the person"):
    return Section(
        "申請人",
        "Applicant",
        (
            person_name("applicant_name", own=True),
            person_id("applicant_id"),
            FormField(
                "applicant_relation",
                relation_label,
                relation_label_en,
                required=True,
                max_length=20,
                help="例：本人、父、母、配偶、子",
                help_en="For example: self, father, mother, spouse, son",
            ),
            phone("applicant_phone"),
            email("applicant_email"),
            address(
                "applicant_address", "通訊地址", "Address for letters", required=False, own=True
            ),
        ),
    )


def agent(title="受委託人（委託他人申請時填寫）", title_en="Agent (if someone applies for you)"):
    return Section(
        title,
        title_en,
        (
            person_name("agent_name", required=False),
            person_id("agent_id", required=False),
            phone("agent_phone", required=False, own=False),
        ),
    )


def registration_application(
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
                    person_name("registrant_name"),
                    person_id("registrant_id"),
                    birth_date("registrant_birth_date"),
                    FormField("household_head", "戶長姓名", "Head of household", width=1),
                    FormField(
                        "relation_to_head",
                        "與戶長稱謂",
                        "Relation to the head",
                        width=1,
                        max_length=20,
                    ),
                    address("registrant_address"),
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
            applicant(),
            agent(),
            declaration(),
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
MOVE_IN = tuple(c for c in REGISTRATION_TYPES if c.value == "move_in")

SEXES = (Choice("male", "男", "Male"), Choice("female", "女", "Female"))


def spouse(number, number_en):
    prefix = f"party{number_en}"
    return Section(
        f"結婚當事人（{number}）",
        f"Spouse {number_en}",
        (
            person_name(f"{prefix}person_name"),
            person_id(f"{prefix}_id"),
            birth_date(f"{prefix}birth_date"),
            phone(f"{prefix}phone", required=number_en == "1", own=False),
            address(f"{prefix}address"),
        ),
    )
