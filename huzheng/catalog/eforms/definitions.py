"""The application forms (申請書) of the main registration types, by slug."""

from huzheng.catalog.eforms.parts import (
    MOVE_IN,
    REGISTRATION_TYPES,
    SEXES,
    address,
    agent,
    applicant,
    birth_date,
    declaration,
    email,
    national_id,
    person_id,
    person_name,
    phone,
    registration_application,
    spouse,
)
from huzheng.catalog.eforms.schema import (
    CHOICE,
    NUMBER,
    ROC_DATE,
    Box,
    Choice,
    EForm,
    FormField,
    Section,
)

FORMS = {
    form.slug: form
    for form in (
        registration_application(
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
                        person_name("child_name"),
                        FormField(
                            "child_sex", "性別", "Sex", kind=CHOICE, required=True, choices=SEXES
                        ),
                        birth_date("child_birth_date"),
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
                        address("child_address"),
                    ),
                ),
                Section(
                    "父母",
                    "Parents",
                    (
                        person_name("father_name", "父姓名", "Father's name", required=False),
                        person_id("father_id", "父統一編號", "Father's ID number", required=False),
                        person_name("mother_name", "母姓名", "Mother's name"),
                        person_id("mother_id", "母統一編號", "Mother's ID number"),
                    ),
                ),
                applicant("與出生者關係", "Relationship to the child"),
                agent(),
                declaration(),
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
                spouse("一", "1"),
                spouse("二", "2"),
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
                        person_name("witness1_name", "證人（一）姓名", "Witness 1: name"),
                        person_id("witness1_id", "證人（一）統一編號", "Witness 1: ID number"),
                        person_name("witness2_name", "證人（二）姓名", "Witness 2: name"),
                        person_id("witness2_id", "證人（二）統一編號", "Witness 2: ID number"),
                    ),
                ),
                declaration(),
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
        registration_application(
            "move-in-registration",
            "遷入登記申請書",
            "Move-in registration application",
            "move-in",
            "遷入登記：搬到新住址後，把戶籍遷入新住址。",
            "Moving your household registration to your new address.",
            MOVE_IN,
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
                        person_name("applicant_name", own=True),
                        national_id("applicant_id"),
                        birth_date("applicant_birth_date"),
                        phone("applicant_phone"),
                        email("applicant_email"),
                        address("applicant_address", own=True),
                    ),
                ),
                agent(),
                declaration(),
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
                        person_name("applicant_name", own=True),
                        person_id("applicant_id"),
                        phone("applicant_phone"),
                        email("applicant_email"),
                        address("applicant_address", "通訊地址", "Address", own=True),
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
                        person_name("subject_name", "被申請人姓名", "Name of the person"),
                        person_id(
                            "subject_id",
                            "被申請人統一編號",
                            "ID number of the person",
                            required=False,
                        ),
                        address("subject_address"),
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
                agent(),
                declaration(),
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
                        person_name("applicant_name", own=True),
                        national_id("applicant_id"),
                        birth_date("applicant_birth_date"),
                        phone("applicant_phone"),
                        address("applicant_address", own=True),
                    ),
                ),
                agent("受任人（委任他人申請印鑑證明時填寫）", "Agent (for a seal certificate)"),
                declaration(),
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


def get_form_definition(slug):
    """The form with this slug; LookupError when there is none."""
    try:
        return FORMS[str(slug)]
    except KeyError:
        raise LookupError(slug) from None
