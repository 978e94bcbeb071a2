"""The catalog's data: every service of the office, its documents, fees, deadlines, fines
and processing times, in zh-Hant with English beside, as plain Python.

`huzheng.catalog.demo.seed()` loads it into the database once; from then on editors keep it
in the back office. Every figure comes from ../shared/reference/household-registration.md
(fees §2, fines §3, deadlines and processing times §4) or from the law texts it cites
(戶籍法 and its 施行細則, 2015 texts); each service names them in `sources`. What no source
confirms is said in `unverified` (and on a fee, `verified: False`) rather than guessed:
a figure the sources do not give is left out.

Conventions:
- Keys left out take the model's default (empty text, False, None).
- `legal_references`, `sources` and `unverified` are lists, one line each.
- A document's `condition` is "question_key=yes|no" for a question of the same service.
- `processing_working_days`: 0 is done while you wait (隨到隨辦); absent when the office
  does not decide it or no source gives it (see `processing_note`).
- `cross_office` (跨所辦理) follows 戶籍法 第26、61、63、65-1、66、66-1條; where it rests on
  MOI announcements this project has not seen, `unverified` says so.
"""

# Shared pieces, used by many services below.
FEE_BASIS = "戶籍法第69條；戶政規費收費標準（104年7月27日修正）"
FINE_BASIS = "戶籍法第79條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
SAME_DAY = "證件齊全者當場辦理（隨到隨辦）。"
FOREIGN_DOCUMENTS_NOTE = (
    "在國外作成者應經我國駐外館處驗證；在大陸地區或香港、"
    "澳門作成者應經行政院設立或指定之機構或委託之民間團體驗證；"
    "外文文件應附經驗證或國內公證人認證之中文譯本（戶籍法施行細則第14條）。"
)
CROSS_OFFICE_UNVERIFIED = (
    "得否向戶籍地以外之戶政事務所申請（跨所辦理），依內政部依戶籍法第26條第1款公告之指定項目；"
    "本平臺未取得該公告全文，本項標示係依一般作法，申辦前請先洽詢。"
)
ID_CARD = {
    "name": "申請人國民身分證正本",
    "name_en": "Applicant's national ID card (original)",
}
ID_CARD_OR_PHOTO_ID = {
    "name": "申請人國民身分證正本",
    "name_en": "Applicant's national ID card (original)",
    "alternatives": "護照、駕照等具相片之身分證明文件正本",
}
SEAL = {
    "name": "申請人印章或簽名",
    "name_en": "Applicant's seal or signature",
}
HOUSEHOLD_CERTIFICATE = {
    "name": "戶口名簿正本",
    "name_en": "Household certificate (original)",
    "where_to_get": "由戶長保管；戶內人口辦理登記時，戶長應提供，不得扣留（戶籍法第56條）。",
}
TRANSCRIPT_LOOKED_UP = {
    "name": "戶籍謄本",
    "name_en": "Household transcript",
    "note": "免附戶籍謄本：本所以戶役政資訊系統直接查驗戶籍資料。",
    "office_looks_up": True,
}
PHOTO = {
    "name": "最近2年內所攝正面脫帽半身彩色相片1張",
    "name_en": (
        "One colour photo taken in the last 2 years (front view, bare-headed, head and shoulders)"
    ),
    "note": "國民身分證用，規格為直4.5公分、橫3.5公分。",
    "where_to_get": "照相館，或上傳數位相片",
}
PROXY_LETTER = {
    "name": "委託書，及受託人之國民身分證、印章",
    "name_en": "Letter of authorisation, with the agent's ID card and seal",
    "note": "申請人不能親自申請時，得以書面委託他人（戶籍法第47條）。在國外簽署者應經驗證。",
    "where_to_get": "本所櫃檯索取，或自內政部戶政司網站下載",
    "condition": "by_proxy=yes",
}
ASK_PROXY = {
    "key": "by_proxy",
    "text": "是否委託他人代為申請？",
    "text_en": "Is someone applying on your behalf?",
}
FEE_ID_CARD_CHANGE = {
    "label": "隨同換領國民身分證",
    "label_en": "Replacement ID card the registration requires",
    "amount": 50,
    "unit": "張",
    "unit_en": "card",
    "note": "登記致國民身分證記載事項變更者，應同時換領（戶籍法第58條）。",
    "basis": FEE_BASIS,
}
FEE_NEW_HOUSEHOLD_CERTIFICATE = {
    "label": "戶口名簿（新立戶時）",
    "label_en": "Household certificate (for a new household)",
    "amount": 30,
    "unit": "本",
    "unit_en": "booklet",
    "note": "經戶籍登記之戶應請領戶口名簿（戶籍法第57條）。",
    "basis": FEE_BASIS,
}
REGISTRATION_STEPS = [
    {
        "text": "抽號碼牌，或依預約時間至櫃檯。",
        "text_en": "Take a ticket, or come at your booked time.",
    },
    {
        "text": "櫃檯核對身分與應備證件；缺件者開立一次告知單，一次告知所有應補正事項。",
        "text_en": (
            "The counter checks your identity and documents; anything missing is listed on a "
            "one-time notice slip, all at once."
        ),
    },
    {
        "text": "承辦人登打戶籍登記申請書，申請人確認內容後簽名或蓋章。",
        "text_en": "Staff key in the application; you check it and sign or seal it.",
    },
    {
        "text": "完成登記；需要時換發國民身分證或戶口名簿，並收取規費。",
        "text_en": (
            "The registration is made; ID cards or the household certificate are replaced where "
            "needed and any fee is paid."
        ),
    },
]
CERTIFICATE_STEPS = [
    {
        "text": "抽號碼牌，或依預約時間至櫃檯。",
        "text_en": "Take a ticket, or come at your booked time.",
    },
    {
        "text": "填寫申請書，櫃檯核對身分與申請資格。",
        "text_en": "Fill in the application; the counter checks your identity and entitlement.",
    },
    {
        "text": "繳納規費。",
        "text_en": "Pay the fee.",
    },
    {
        "text": "當場列印核發。",
        "text_en": "The document is printed and handed over.",
    },
]
MOVE_QUESTIONS = [
    {
        "key": "not_head",
        "text": "您要遷入的那一戶，戶長是別人嗎？",
        "text_en": "Is someone else the head of the household you are moving into?",
    },
    {
        "key": "owns_house",
        "text": "您是否以自己所有的房屋單獨立戶？",
        "text_en": "Are you setting up your own household in a house you own?",
    },
    {
        "key": "rents",
        "text": "您是否在租屋或借住處單獨立戶？",
        "text_en": "Are you setting up your own household in a rented or borrowed home?",
    },
    {
        "key": "with_others",
        "text": "是否有其他家人與您一同遷徙？",
        "text_en": "Is anyone else moving with you?",
    },
    ASK_PROXY,
]
MOVE_FEES = [
    {
        "label": "隨同換領國民身分證（住址變更）",
        "label_en": "Replacement ID card with the new address",
        "amount": 50,
        "unit": "張",
        "unit_en": "card",
        "note": "每位遷徙者1張；登記致國民身分證記載事項變更者應同時換領（戶籍法第58條）。",
        "basis": FEE_BASIS,
    },
    FEE_NEW_HOUSEHOLD_CERTIFICATE,
]
MOVE_STEPS = [
    {
        "text": "抽號碼牌，或依預約時間至櫃檯。",
        "text_en": "Take a ticket, or come at your booked time.",
    },
    {
        "text": "櫃檯核對身分、居住事實與應備證件；缺件者開立一次告知單。",
        "text_en": (
            "The counter checks your identity, that you really live there, and your documents; "
            "anything missing goes on a one-time notice slip."
        ),
    },
    {
        "text": "完成遷徙登記；國內遷出由本所一併辦理，不必回原戶籍地。",
        "text_en": "The move is registered; moving out of your old township is done here too.",
    },
    {
        "text": "換發國民身分證（新住址），新立戶者核發戶口名簿，並收取規費。",
        "text_en": (
            "New ID cards with the new address are issued (and a household certificate for a new "
            "household), and the fees paid."
        ),
    },
]
ID_CARD_STEPS = [
    {
        "text": "抽號碼牌，或依預約時間至櫃檯。",
        "text_en": "Take a ticket, or come at your booked time.",
    },
    {
        "text": "櫃檯核對人貌、身分與應備證件。",
        "text_en": "The counter checks your face, identity and documents.",
    },
    {
        "text": "繳納規費，當場製發國民身分證；機器故障時核發臨時證明書。",
        "text_en": (
            "Pay the fee; the card is made on the spot (a temporary certificate if the machines "
            "fail)."
        ),
    },
]
ASK_UNDER_14 = {
    "key": "under_14",
    "text": "申請人是否未滿14歲？",
    "text_en": "Is the applicant under 14?",
}
LEGAL_REPRESENTATIVE = {
    "name": "法定代理人之國民身分證正本及印章",
    "name_en": "The legal representative's ID card and seal",
    "note": "未滿14歲者由法定代理人陪同申請。",
    "condition": "under_14=yes",
}

SERVICES = [
    {
        "slug": "birth",
        "name": "出生登記",
        "name_en": "Birth registration",
        "category": "registration",
        "summary": (
            "嬰兒出生後60日內辦理出生登記，取得國民身分證統一編號並登載於戶口名簿。"
            "辦理時可一併通報勞動部勞工保險局，申請勞保生育給付。戶籍登記不收規費。"
        ),
        "summary_en": (
            "Register a baby within 60 days of the birth: the child gets a national ID number and "
            "is entered in the household certificate. The office can pass the birth on to the "
            "Bureau of Labor Insurance for the maternity benefit. Registrations themselves are "
            "free."
        ),
        "who_may_apply": (
            "父、母、祖父、祖母、戶長、同居人或撫養人；無依兒童並得由兒童及少年福利機構申請（戶籍法"
            "第29條）。得以書面委託他人辦理。"
        ),
        "who_may_apply_en": (
            "The father, mother, a grandparent, the head of household, someone living with or "
            "raising the child; for an abandoned child also a child welfare institution (Household "
            "Registration Act art. 29). You may authorise someone in writing."
        ),
        "deadline_days": 60,
        "deadline_note": "出生後60日內",
        "deadline_basis": "戶籍法第48條第1項但書",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "sort_order": 50,
        "legal_references": [
            "戶籍法第6條",
            "戶籍法第29條",
            "戶籍法第48條",
            "戶籍法第49條",
            "戶籍法第79條",
            "民法第1059條",
            "民法第1059條之1",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1b（出生登記，60日）、§3（罰鍰基準表）"
                "、§4a（出生通報）、§6（勞保生育給付通報）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://siluo.household.yunlin.gov.tw/latestevent/Details.aspx?Parser=9%2C6%2C50%2C%2C%2C%2C108",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            "在國外出生之子女入境後應辦理之登記類別（出生或初設戶籍登記）及期限依個案認定，本平臺未查得統一規定。",
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "parents_married",
                "text": "子女出生時，父母是否有婚姻關係？",
                "text_en": "Were the parents married to each other when the child was born?",
            },
            {
                "key": "born_abroad",
                "text": "子女是否在國外出生？",
                "text_en": "Was the child born abroad?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "出生證明書",
                "name_en": "Birth certificate from the hospital or midwife",
                "note": (
                    "醫療院所或助產人員已完成出生通報者，本所經出生通報系統查驗，免附；"
                    "未經通報者請提出正本。"
                ),
                "where_to_get": "接生之醫療院所或助產人員",
                "office_looks_up": True,
            },
            ID_CARD,
            SEAL,
            {
                "name": "子女入籍之戶口名簿正本",
                "name_en": "Household certificate of the household the child joins",
                "where_to_get": "由戶長保管",
            },
            {
                "name": "子女姓氏約定書",
                "name_en": "Parents' written agreement on the child's surname",
                "note": (
                    "父母於出生登記前以書面約定子女從父姓或母姓；未約定或約定不成者，"
                    "於戶政事務所抽籤決定（民法第1059條、戶籍法第49條）。可於櫃檯當場填寫，"
                    "須父母雙方簽名或蓋章。"
                ),
                "where_to_get": "本所櫃檯",
                "condition": "parents_married=yes",
            },
            {
                "name": "生母之國民身分證正本",
                "name_en": "The mother's national ID card",
                "note": "非婚生子女從母姓（民法第1059條之1）；生父欲認領者，可同時辦理認領登記。",
                "condition": "parents_married=no",
            },
            {
                "name": "經驗證之國外出生證明及中文譯本",
                "name_en": "Foreign birth certificate, authenticated, with a Chinese translation",
                "note": FOREIGN_DOCUMENTS_NOTE,
                "where_to_get": "出生地之主管機關；驗證向我國駐外館處申請",
                "condition": "born_abroad=yes",
            },
            {
                "name": "子女入境所持之中華民國護照",
                "name_en": "The ROC passport the child entered Taiwan with",
                "note": "子女須已入境。",
                "condition": "born_abroad=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": [
            {
                "text": "抽號碼牌，或依預約時間至櫃檯。",
                "text_en": "Take a ticket, or come at your booked time.",
            },
            {
                "text": "承辦人查驗出生通報資料及應備證件。",
                "text_en": "Staff check the hospital's birth report and your documents.",
            },
            {
                "text": "父母約定子女姓氏，決定子女姓名。",
                "text_en": "The parents agree the child's surname and give the name.",
            },
            {
                "text": "完成出生登記，配賦國民身分證統一編號，登載於戶口名簿。",
                "text_en": (
                    "The birth is registered, the child gets an ID number and is entered in the "
                    "household certificate."
                ),
            },
            {
                "text": "依申請人意願通報勞工保險局申請生育給付。",
                "text_en": (
                    "If you wish, the office notifies the Bureau of Labor Insurance for the "
                    "maternity benefit."
                ),
            },
        ],
    },
    {
        "slug": "death",
        "name": "死亡登記",
        "name_en": "Death registration",
        "category": "registration",
        "summary": (
            "親屬等應於死亡後30日內辦理死亡登記。在國內死亡且醫療機構或檢察機關已通報者，"
            "亦可使用自然人憑證線上申辦。辦理時可一併通報勞工保險局申請喪葬津貼。"
        ),
        "summary_en": (
            "The family registers a death within 30 days. Where a hospital or prosecutor in Taiwan "
            "has already reported the death, it can also be registered online with a citizen "
            "digital certificate. The office can notify the Bureau of Labor Insurance for the "
            "funeral allowance."
        ),
        "who_may_apply": (
            "配偶、親屬、戶長、同居人、經理殮葬之人、死亡者死亡時之房屋或土地管理人（戶籍法第36條）"
            "。得以書面委託他人辦理。"
        ),
        "who_may_apply_en": (
            "The spouse, a relative, the head of household, someone who lived with the deceased, "
            "the person arranging the funeral, or the manager of the house or land where the "
            "person died (art. 36). You may authorise someone in writing."
        ),
        "deadline_days": 30,
        "deadline_note": "死亡後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 100,
        "legal_references": [
            "戶籍法第14條",
            "戶籍法第36條",
            "戶籍法第48條",
            "戶籍法第48條之2",
            "戶籍法第62條",
            "戶籍法第79條",
            "死亡資料通報辦法",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1a（線上申辦）、§1b、§3、"
                "§4a（死亡資料通報辦法）、§6"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://siluo.household.yunlin.gov.tw/latestevent/Details.aspx?Parser=9%2C6%2C50%2C%2C%2C%2C108",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "died_abroad",
                "text": "是否在國外死亡？",
                "text_en": "Did the person die abroad?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "死亡證明書或相驗屍體證明書正本",
                "name_en": "Death certificate or post-mortem certificate (original)",
                "note": (
                    "醫療機構及檢察機關依死亡資料通報辦法通報；以自然人憑證線上申辦者，"
                    "由本所查核通報資料。"
                ),
                "where_to_get": "開立之醫療機構或檢察機關",
            },
            {
                "name": "死亡者之國民身分證",
                "name_en": "The deceased's national ID card",
                "note": "由本所截角後收回（戶籍法第62條）；無法繳回者請告知承辦人。",
            },
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            {
                "name": "經驗證之國外死亡證明及中文譯本",
                "name_en": "Foreign death certificate, authenticated, with a Chinese translation",
                "note": FOREIGN_DOCUMENTS_NOTE,
                "condition": "died_abroad=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "death-declaration",
        "name": "死亡宣告登記",
        "name_en": "Registration of a declaration of death",
        "category": "registration",
        "summary": (
            "失蹤人經法院為死亡宣告之裁判確定後，應於30日內辦理死亡宣告登記。"
            "死亡宣告登記由本所免經催告逕行辦理（戶籍法第48條之1）；當事人亦可臨櫃申請，"
            "或使用自然人憑證線上申辦。"
        ),
        "summary_en": (
            "When a court's declaration of death of a missing person becomes final, it is "
            "registered within 30 days. The office registers it itself without sending a reminder "
            "(art. 48-1); you may also file it at the counter or online with a citizen digital "
            "certificate."
        ),
        "who_may_apply": "聲請死亡宣告者或利害關係人（戶籍法第39條）。得以書面委託他人辦理。",
        "who_may_apply_en": (
            "Whoever applied for the declaration, or an interested party (art. 39). You may "
            "authorise someone in writing."
        ),
        "deadline_days": 30,
        "deadline_note": "死亡宣告裁判確定後30日內",
        "deadline_basis": "戶籍法第48條第1項；第48條之1",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 110,
        "legal_references": [
            "民法第8條",
            "戶籍法第14條",
            "戶籍法第39條",
            "戶籍法第48條",
            "戶籍法第48條之1",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1a（線上申辦）、§1b、§3、§4a",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://siluo.household.yunlin.gov.tw/latestevent/Details.aspx?Parser=9%2C6%2C50%2C%2C%2C%2C108",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "法院死亡宣告裁定及確定證明書",
                "name_en": "Court ruling declaring the death, with its certificate of finality",
                "note": (
                    "國內法院已將裁判要旨通報者（戶籍法第14條第2項），本所查驗通報資料，免附；"
                    "外國法院之裁判應經驗證並附中文譯本。"
                ),
                "where_to_get": "為裁判之法院",
                "office_looks_up": True,
            },
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "marriage",
        "name": "結婚登記",
        "name_en": "Marriage registration",
        "category": "registration",
        "summary": (
            "結婚應以書面為之，有二人以上證人之簽名，並由雙方當事人向戶政機關辦理結婚登記，"
            "婚姻自登記時生效（民法第982條）。可向任一戶政事務所辦理；"
            "假日結婚登記請於3個工作日前網路預約。外籍或大陸配偶所需文件依個案不同，"
            "以一次告知單為準。"
        ),
        "summary_en": (
            "A marriage is made in writing, signed by at least two witnesses, and registered by "
            "both spouses at a household registration office; it takes effect on registration "
            "(Civil Code art. 982). Any office may register it. Weekend and holiday registrations "
            "are booked online at least 3 working days ahead. Documents for a foreign or mainland "
            "Chinese spouse differ case by case; the notice slip lists them."
        ),
        "who_may_apply": (
            "雙方當事人親自到場（戶籍法第33條）；除有正當理由經戶政事務所核准外，"
            "不得委託他人（戶籍法第47條）。97年5月22日以前結婚或結婚已生效者，得由一方申請。"
        ),
        "who_may_apply_en": (
            "Both spouses in person (art. 33); authorising someone else is not allowed unless the "
            "office accepts a good reason (art. 47). For marriages made on or before 22 May 2008, "
            "or already in effect, one spouse may apply."
        ),
        "deadline_days": 30,
        "deadline_note": (
            "國內結婚自登記時生效；在國外結婚等已生效之婚姻，應於事件發生後30日內申請。"
        ),
        "deadline_basis": "戶籍法第48條第1項；民法第982條",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "sort_order": 60,
        "for_new_immigrants": True,
        "legal_references": [
            "民法第982條",
            "戶籍法第9條",
            "戶籍法第26條",
            "戶籍法第33條",
            "戶籍法第47條",
            "戶籍法第48條",
            "戶籍法第58條",
            "戶籍法第79條",
            "戶籍法施行細則第14條",
            "臺灣地區與大陸地區人民關係條例",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1a（假日結婚登記預約："
                "3個工作日前至30日內）、§1b、§2（換領國民身分證50元）、§3"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030007",
            "https://jhunan.house.miaoli.gov.tw/News_Content.aspx?n=1256&sms=9826&s=524051",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "questions": [
            {
                "key": "foreign_spouse",
                "text": "配偶是否為外國人？",
                "text_en": "Is either spouse a foreign national?",
            },
            {
                "key": "mainland_spouse",
                "text": "配偶是否為大陸地區人民？",
                "text_en": "Is either spouse from mainland China?",
            },
            {
                "key": "married_abroad",
                "text": "是否已在國外結婚？",
                "text_en": "Did you marry abroad?",
            },
        ],
        "documents": [
            {
                "name": "結婚書約",
                "name_en": "Written marriage agreement signed by two witnesses",
                "note": "須有二人以上證人簽名（民法第982條）。",
                "where_to_get": "自行準備，或於本所櫃檯、內政部戶政司網站取得參考格式",
            },
            {
                "name": "雙方之國民身分證正本",
                "name_en": "Both spouses' national ID cards (original)",
            },
            {
                "name": "雙方之印章或簽名",
                "name_en": "Both spouses' seals or signatures",
            },
            {
                "name": "雙方之戶口名簿正本",
                "name_en": "Both spouses' household certificates (original)",
                "where_to_get": "由各該戶戶長保管",
            },
            PHOTO,
            TRANSCRIPT_LOOKED_UP,
            {
                "name": "外籍配偶之護照正本",
                "name_en": "The foreign spouse's passport (original)",
                "condition": "foreign_spouse=yes",
            },
            {
                "name": "外籍配偶原屬國核發之婚姻狀況證明（單身證明）及中文譯本",
                "name_en": (
                    "The foreign spouse's certificate of marital status from their country, with a "
                    "Chinese translation"
                ),
                "note": FOREIGN_DOCUMENTS_NOTE,
                "condition": "foreign_spouse=yes",
            },
            {
                "name": "經財團法人海峽交流基金會驗證之大陸地區結婚公證書",
                "name_en": (
                    "Mainland Chinese notarial marriage certificate authenticated by the Straits "
                    "Exchange Foundation"
                ),
                "where_to_get": "大陸地區公證處；驗證向海峽交流基金會申請",
                "condition": "mainland_spouse=yes",
            },
            {
                "name": "大陸配偶之入出境許可證（經面談通過入境）",
                "name_en": (
                    "The mainland Chinese spouse's entry permit (after passing the interview)"
                ),
                "where_to_get": "內政部移民署",
                "condition": "mainland_spouse=yes",
            },
            {
                "name": "經驗證之國外結婚證明及中文譯本",
                "name_en": (
                    "Foreign marriage certificate, authenticated, with a Chinese translation"
                ),
                "note": (
                    "在國外作成者應經我國駐外館處驗證；在大陸地區或香港、"
                    "澳門作成者應經行政院設立或指定之機構或委託之民間團體驗證；"
                    "外文文件應附經驗證或國內公證人認證之中文譯本（戶籍法施行細則第14條）。"
                    "外籍配偶之國籍屬外交部規定須境外面談者，請先完成面談。"
                ),
                "condition": "married_abroad=yes",
            },
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": [
            {
                "text": "網路或電話預約（假日結婚登記須預約），雙方與證件一同到所。",
                "text_en": (
                    "Book online or by phone (required for weekends and holidays); both spouses "
                    "come with their documents."
                ),
            },
            {
                "text": "承辦人核對雙方身分、結婚書約及證人簽名，確認結婚意願。",
                "text_en": (
                    "Staff check both identities, the marriage agreement and the witnesses' "
                    "signatures, and confirm that both wish to marry."
                ),
            },
            {
                "text": "雙方確認申請書內容後簽名或蓋章，完成結婚登記。",
                "text_en": (
                    "Both spouses check and sign the application; the marriage is registered."
                ),
            },
            {
                "text": "換發雙方之國民身分證（配偶欄）並收取規費。",
                "text_en": "New ID cards with the spouse's name are issued and the fee paid.",
            },
        ],
    },
    {
        "slug": "divorce",
        "name": "離婚登記",
        "name_en": "Divorce registration",
        "category": "registration",
        "summary": (
            "兩願離婚應以書面為之，有二人以上證人之簽名，"
            "並由雙方親自向戶政機關辦理離婚登記（民法第1050條）。經法院判決、調解或和解離婚者，"
            "得由一方申請；國內法院已通報者，亦可使用自然人憑證線上申辦。可向任一戶政事務所辦理。"
        ),
        "summary_en": (
            "A divorce by agreement is made in writing, signed by at least two witnesses, and "
            "registered by both spouses in person (Civil Code art. 1050). A divorce by court "
            "judgment, mediation or settlement may be registered by one spouse, and online with a "
            "citizen digital certificate where a court in Taiwan has reported it. Any office may "
            "register it."
        ),
        "who_may_apply": (
            "兩願離婚：雙方當事人親自到場，除有正當理由經核准外不得委託（戶籍法第34條、第47條）。"
            "判決、調解或和解離婚：得由一方申請，並得書面委託他人。"
        ),
        "who_may_apply_en": (
            "Divorce by agreement: both spouses in person; no authorised agent unless the office "
            "accepts a good reason (arts. 34, 47). Divorce by a court: either spouse, who may "
            "authorise someone in writing."
        ),
        "deadline_days": 30,
        "deadline_note": "兩願離婚自登記時生效；判決、調解或和解離婚，應於確定或成立後30日內申請。",
        "deadline_basis": "戶籍法第48條第1項；民法第1050條",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 120,
        "for_new_immigrants": True,
        "legal_references": [
            "民法第1050條",
            "民法第1055條",
            "戶籍法第9條",
            "戶籍法第26條",
            "戶籍法第34條",
            "戶籍法第47條",
            "戶籍法第48條",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1a（法院判決離婚線上申辦）、§1b、§2、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://siluo.household.yunlin.gov.tw/latestevent/Details.aspx?Parser=9%2C6%2C50%2C%2C%2C%2C108",
            "https://www.ris.gov.tw/834",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "questions": [
            {
                "key": "by_court",
                "text": "是否經法院判決、調解或和解離婚？",
                "text_en": "Was the divorce decided by a court judgment, mediation or settlement?",
            },
            {
                "key": "minor_children",
                "text": "是否有未成年子女？",
                "text_en": "Do you have children under 18?",
            },
            {
                "key": "divorced_abroad",
                "text": "是否在國外離婚或經外國法院判決？",
                "text_en": "Did you divorce abroad or by a foreign court?",
            },
            {
                "key": "by_proxy",
                "text": "（法院離婚）是否委託他人代為申請？",
                "text_en": "(Divorce by a court) Is someone applying on your behalf?",
            },
        ],
        "documents": [
            {
                "name": "離婚協議書",
                "name_en": "Written divorce agreement signed by two witnesses",
                "note": "須有二人以上證人簽名（民法第1050條）。",
                "where_to_get": "自行準備，或於本所櫃檯取得參考格式",
                "condition": "by_court=no",
            },
            {
                "name": "法院判決書及確定證明書，或調解、和解筆錄",
                "name_en": (
                    "Court judgment with its certificate of finality, or the record of mediation "
                    "or settlement"
                ),
                "note": "國內法院已通報者，本所查驗通報資料，免附。",
                "where_to_get": "為裁判或調解之法院",
                "office_looks_up": True,
                "condition": "by_court=yes",
            },
            ID_CARD,
            SEAL,
            {
                "name": "他方之國民身分證正本及印章",
                "name_en": "The other spouse's ID card and seal",
                "note": "兩願離婚雙方均須到場。",
                "condition": "by_court=no",
            },
            HOUSEHOLD_CERTIFICATE,
            PHOTO,
            TRANSCRIPT_LOOKED_UP,
            {
                "name": "未成年子女權利義務行使負擔之協議",
                "name_en": "Agreement on the rights and duties over minor children",
                "note": "可於離婚協議書中約定，並同時辦理未成年子女權利義務行使負擔登記。",
                "condition": "minor_children=yes",
            },
            {
                "name": "經驗證之國外離婚證明或外國法院判決，及中文譯本",
                "name_en": (
                    "Foreign divorce certificate or foreign court judgment, authenticated, with a "
                    "Chinese translation"
                ),
                "note": FOREIGN_DOCUMENTS_NOTE,
                "condition": "divorced_abroad=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "move-in",
        "name": "遷入登記",
        "name_en": "Move-in registration",
        "category": "registration",
        "summary": (
            "由其他鄉（鎮、市、區）遷入湖西鄉居住3個月以上，應辦理遷入登記，"
            "申請期限為遷入滿3個月後30日內；原戶籍地之遷出登記由本所一併辦理（戶籍法第26條第6款）。"
            "戶籍已遷出國外者，持我國護照或入國證明文件入境3個月以上，亦應辦理遷入登記。"
            "遷徙登記應依居住事實；虛報遷徙處新臺幣3,000元以上9,000元以下罰鍰（戶籍法第76條）。"
        ),
        "summary_en": (
            "Moving to Huxi from another township for 3 months or more must be registered, at the "
            "latest 30 days after those 3 months. We also register the move out of your old "
            "township (art. 26(6)). If your registration was moved abroad, entering on an ROC "
            "passport or entry document for 3 months or more also counts. Registration must follow "
            "where you really live; a false move is fined NT$3,000–9,000 (art. 76)."
        ),
        "who_may_apply": (
            "本人或戶長；全戶遷徙以戶長為申請人（戶籍法第41條）。得以書面委託他人辦理。"
        ),
        "who_may_apply_en": (
            "The person moving or the head of household; a whole household's move is filed by its "
            "head (art. 41). You may authorise someone in writing."
        ),
        "deadline_months": 3,
        "deadline_days": 30,
        "deadline_note": "遷入滿3個月後30日內",
        "deadline_basis": "戶籍法第17條、第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": False,
        "bookable": True,
        "is_hot": True,
        "sort_order": 40,
        "legal_references": [
            "戶籍法第17條",
            "戶籍法第26條",
            "戶籍法第41條",
            "戶籍法第48條",
            "戶籍法第56條",
            "戶籍法第58條",
            "戶籍法第60條",
            "戶籍法第76條",
            "戶籍法第79條",
            "戶籍法施行細則第13條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1b（3個月＋30日）、"
                "§2（國民身分證50元、戶口名簿30元）、§3"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030007",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            "遷入登記是否列入內政部公告之跨所辦理項目，本平臺未取得公告全文；本項依戶籍法第26條標示為向遷入地（本所）申請。",
            "單獨立戶應附房屋證明之種類，依一般作法列示，本所得依個案要求其他證明。",
        ],
        "questions": MOVE_QUESTIONS,
        "documents": [
            {
                "name": "遷徙者之國民身分證正本",
                "name_en": "National ID card of each person moving (original)",
            },
            SEAL,
            {
                "name": "原戶口名簿正本",
                "name_en": "Your present household certificate (original)",
                "note": "遷出原戶時提出，以更新原戶之記載。",
                "where_to_get": "由戶長保管",
            },
            {
                "name": "遷入戶之戶口名簿正本",
                "name_en": "Household certificate of the household you move into",
                "note": "遷入他人為戶長之戶內時提出。",
                "where_to_get": "由該戶戶長提供（戶籍法第56條）",
                "condition": "not_head=yes",
            },
            {
                "name": "建物所有權狀或最近一期房屋稅單",
                "name_en": "Title deed of the building, or the latest house tax bill",
                "note": "以自有房屋單獨立戶時提出，證明房屋所有權。",
                "where_to_get": "地政事務所、地方稅務局",
                "condition": "owns_house=yes",
            },
            {
                "name": "房屋所有權人同意書或租賃契約，及房屋所有權證明",
                "name_en": (
                    "The owner's written consent or the tenancy agreement, with proof of ownership"
                ),
                "note": "在租屋或借住處單獨立戶時提出。",
                "condition": "rents=yes",
            },
            {
                "name": "同遷者之國民身分證（未領證者免附）",
                "name_en": "National ID cards of the others moving with you (if they have one)",
                "note": (
                    "戶長為戶內人口申請遷徙時，一併換領其國民身分證，"
                    "免附委託書（戶籍法第60條第3項）；非戶長代他人申請者，應附其委託書。"
                ),
                "condition": "with_others=yes",
            },
            TRANSCRIPT_LOOKED_UP,
            PROXY_LETTER,
        ],
        "fees": MOVE_FEES,
        "steps": MOVE_STEPS,
    },
    {
        "slug": "move-out",
        "name": "遷出登記",
        "name_en": "Move-out registration",
        "category": "registration",
        "summary": (
            "遷出本鄉3個月以上應辦理遷出登記。在國內遷徙者，"
            "於遷入地戶政事務所辦理遷入登記時一併辦理，不必先回本所（戶籍法第26條第6款）。"
            "出境2年以上應辦理遷出登記（出境遷出），可至本所臨櫃或以內政部戶政司網站線上申辦；"
            "戶籍遷出國外不影響國籍。"
        ),
        "summary_en": (
            "Leaving the township for 3 months or more must be registered. For a move within "
            "Taiwan, the office of your new home registers it together with the move-in, so you "
            "need not come back here (art. 26(6)). Living abroad for 2 years or more must be "
            "registered as a move abroad, here or online on the MOI site; it does not affect your "
            "nationality."
        ),
        "who_may_apply": "本人、戶長或受委託人；未成年人以法定代理人為申請人（戶籍法第41條）。",
        "who_may_apply_en": (
            "The person, the head of household or someone they authorise; for a minor, the legal "
            "representative (art. 41)."
        ),
        "deadline_months": 3,
        "deadline_days": 30,
        "deadline_note": "遷出滿3個月後30日內；出境2年以上者應為遷出登記（戶籍法第16條）。",
        "deadline_basis": "戶籍法第16條、第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": False,
        "bookable": True,
        "sort_order": 130,
        "legal_references": [
            "戶籍法第16條",
            "戶籍法第26條",
            "戶籍法第41條",
            "戶籍法第42條",
            "戶籍法第48條",
            "戶籍法第79條",
            "戶籍法施行細則第5條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030007",
            "https://civil.chcg.gov.tw/03bulletin/bulletin03_con.aspx?bull_id=426060（彰化縣政府：出境遷出登記應備證件、向戶籍所在地戶政事務所辦理、可線上申辦）",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "questions": [
            {
                "key": "one_parent",
                "text": "是否由父或母一方為未成年子女申請？",
                "text_en": "Is one parent applying alone for a minor child?",
            },
            ASK_PROXY,
        ],
        "documents": [
            HOUSEHOLD_CERTIFICATE,
            ID_CARD,
            SEAL,
            {
                "name": "他方之同意書",
                "name_en": "The other parent's written consent",
                "note": "父或母單獨為未成年子女申請時提出。",
                "condition": "one_parent=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "address-change",
        "name": "住址變更登記",
        "name_en": "Change of address within the township",
        "category": "registration",
        "summary": (
            "在湖西鄉內搬家3個月以上，應辦理住址變更登記，申請期限為變更住址滿3個月後30日內。"
            "遷徙登記應依居住事實；虛報遷徙處新臺幣3,000元以上9,000元以下罰鍰（戶籍法第76條）。"
        ),
        "summary_en": (
            "Moving house within Huxi Township for 3 months or more must be registered, at the "
            "latest 30 days after those 3 months. Registration must follow where you really live; "
            "a false move is fined NT$3,000–9,000 (art. 76)."
        ),
        "who_may_apply": (
            "本人或戶長；全戶遷徙以戶長為申請人（戶籍法第41條）。得以書面委託他人辦理。"
        ),
        "who_may_apply_en": (
            "The person moving or the head of household; a whole household's move is filed by its "
            "head (art. 41). You may authorise someone in writing."
        ),
        "deadline_months": 3,
        "deadline_days": 30,
        "deadline_note": "變更住址滿3個月後30日內",
        "deadline_basis": "戶籍法第18條、第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": False,
        "bookable": True,
        "sort_order": 140,
        "legal_references": [
            "戶籍法第18條",
            "戶籍法第41條",
            "戶籍法第48條",
            "戶籍法第58條",
            "戶籍法第76條",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（3個月＋30日）、§2、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            "單獨立戶應附房屋證明之種類，依一般作法列示，本所得依個案要求其他證明。",
        ],
        "questions": MOVE_QUESTIONS,
        "documents": [
            {
                "name": "遷徙者之國民身分證正本",
                "name_en": "National ID card of each person moving (original)",
            },
            SEAL,
            {
                "name": "原戶口名簿正本",
                "name_en": "Your present household certificate (original)",
                "note": "遷離原戶時提出。",
                "where_to_get": "由戶長保管",
            },
            {
                "name": "遷入戶之戶口名簿正本",
                "name_en": "Household certificate of the household you move into",
                "note": "遷入他人為戶長之戶內時提出。",
                "where_to_get": "由該戶戶長提供（戶籍法第56條）",
                "condition": "not_head=yes",
            },
            {
                "name": "建物所有權狀或最近一期房屋稅單",
                "name_en": "Title deed of the building, or the latest house tax bill",
                "note": "以自有房屋單獨立戶時提出，證明房屋所有權。",
                "where_to_get": "地政事務所、地方稅務局",
                "condition": "owns_house=yes",
            },
            {
                "name": "房屋所有權人同意書或租賃契約，及房屋所有權證明",
                "name_en": (
                    "The owner's written consent or the tenancy agreement, with proof of ownership"
                ),
                "note": "在租屋或借住處單獨立戶時提出。",
                "condition": "rents=yes",
            },
            {
                "name": "同遷者之國民身分證（未領證者免附）",
                "name_en": "National ID cards of the others moving with you (if they have one)",
                "note": (
                    "戶長為戶內人口申請遷徙時，一併換領其國民身分證，"
                    "免附委託書（戶籍法第60條第3項）；非戶長代他人申請者，應附其委託書。"
                ),
                "condition": "with_others=yes",
            },
            TRANSCRIPT_LOOKED_UP,
            PROXY_LETTER,
        ],
        "fees": MOVE_FEES,
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "household-split-merge",
        "name": "分（合）戶登記",
        "name_en": "Splitting or merging households",
        "category": "registration",
        "summary": (
            "在同一戶籍地址內，不同戶間另立新戶或合併為一戶時，辦理分（合）戶登記（戶籍法第19條）。"
        ),
        "summary_en": (
            "Setting up a separate household at the same registered address, or merging households "
            "living at one address (art. 19)."
        ),
        "who_may_apply": "本人或戶長（戶籍法第43條）。得以書面委託他人辦理。",
        "who_may_apply_en": (
            "The person or the head of household (art. 43). You may authorise someone in writing."
        ),
        "deadline_note": "戶籍罰鍰處罰金額基準表未列本項申請期間。",
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": False,
        "bookable": True,
        "sort_order": 150,
        "legal_references": [
            "戶籍法第19條",
            "戶籍法第43條",
            "戶籍法施行細則第13條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1b（分(合)戶：無期限）、"
                "§2（戶口名簿30元）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030007",
        ],
        "unverified": [
            "分（合）戶應附證明文件之種類未查得。",
            "是否得跨所辦理未查得；本項標示為向戶籍地戶政事務所申請（戶籍法第26條）。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            {
                "name": "分（合）戶之證明文件正本",
                "name_en": "Documents showing the split or merger (original)",
                "note": (
                    "依戶籍法施行細則第13條應提出證明文件正本；所需文件依個案認定，請先洽承辦人。"
                ),
            },
            TRANSCRIPT_LOOKED_UP,
            PROXY_LETTER,
        ],
        "fees": [
            FEE_NEW_HOUSEHOLD_CERTIFICATE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "head-of-household-change",
        "name": "戶長變更登記",
        "name_en": "Change of head of household",
        "category": "registration",
        "summary": (
            "戶長變更時辦理，例如家屬協議改由他人擔任戶長。戶長死亡、遷出或分戶等致除戶時，"
            "由該項登記之申請人擇定戶內具行為能力者一人繼為戶長（戶籍法施行細則第22條），"
            "與該項登記一併辦理。戶口名簿以戶長列為首欄，應換領。"
        ),
        "summary_en": (
            "Registering a new head of household, for example when the family agree someone else "
            "takes over. When the head dies, moves out or splits off, whoever files that "
            "registration names a successor with full legal capacity at the same time (Enforcement "
            "Rules art. 22). The household certificate lists the head first, so it is replaced."
        ),
        "who_may_apply": "新戶長或原戶長；得以書面委託他人辦理。",
        "who_may_apply_en": (
            "The new or the former head of household; either may authorise someone."
        ),
        "deadline_note": "依申請辦理；因戶長死亡、遷出等變更者，隨該項登記之期限辦理。",
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": False,
        "bookable": True,
        "sort_order": 160,
        "legal_references": [
            "戶籍法第3條",
            "戶籍法第21條",
            "戶籍法第51條",
            "戶籍法第58條",
            "戶籍法施行細則第22條",
        ],
        "sources": [
            "shared/reference/household-registration.md §2（戶口名簿30元）",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030007",
        ],
        "unverified": [
            "主動變更戶長時，原戶長應否到場或出具同意書，未查得規定；依一般作法列示。",
            "是否得跨所辦理未查得；本項標示為向戶籍地戶政事務所申請（戶籍法第26條）。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "新戶長之國民身分證正本",
                "name_en": "The new head's national ID card (original)",
            },
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            {
                "name": "原戶長之國民身分證及印章",
                "name_en": "The former head's ID card and seal",
                "note": "原戶長仍在戶內時提出。",
            },
            TRANSCRIPT_LOOKED_UP,
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "換領戶口名簿",
                "label_en": "Replacement household certificate",
                "amount": 30,
                "unit": "本",
                "unit_en": "booklet",
                "note": "戶口名簿記載事項變更應換領（戶籍法第51條、第58條）。",
                "basis": FEE_BASIS,
            },
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "recognition",
        "name": "認領登記",
        "name_en": "Registration of acknowledgement of paternity",
        "category": "registration",
        "summary": (
            "生父認領非婚生子女（或經法院判決認領）時，應於30日內辦理認領登記。"
            "非婚生子女經生父撫育者，視為認領（民法第1065條）。認領後如欲變更子女姓氏，"
            "請另辦姓氏變更。"
        ),
        "summary_en": (
            "When a father acknowledges a child born outside marriage (or a court decides it), the "
            "acknowledgement is registered within 30 days. A child the father has raised counts as "
            "acknowledged (Civil Code art. 1065). A change of the child's surname is a separate "
            "registration."
        ),
        "who_may_apply": (
            "認領人（生父）；認領人不為申請時，由被認領人申請（戶籍法第30條）。應親自申請，"
            "除有正當理由經戶政事務所核准外，不得委託（戶籍法第47條）。"
        ),
        "who_may_apply_en": (
            "The father; if he does not apply, the child (art. 30). In person: an authorised agent "
            "is not allowed unless the office accepts a good reason (art. 47)."
        ),
        "deadline_days": 30,
        "deadline_note": "認領（或認領判決確定）後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 200,
        "legal_references": [
            "民法第1065條",
            "民法第1067條",
            "戶籍法第7條",
            "戶籍法第30條",
            "戶籍法第47條",
            "戶籍法第48條",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（認領：30日）、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            "任意認領時生母或被認領人應否到場、是否須提出親子血緣關係之證明，依內政部規定及個案認定，本平臺未查得統一規定。",
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "by_court",
                "text": "是否經法院判決認領？",
                "text_en": "Did a court decide the paternity?",
            },
            {
                "key": "abroad",
                "text": "是否在國外辦理認領？",
                "text_en": "Was the acknowledgement made abroad?",
            },
        ],
        "documents": [
            {
                "name": "認領人之國民身分證正本及印章",
                "name_en": "The father's national ID card and seal",
            },
            {
                "name": "被認領人之戶口名簿正本",
                "name_en": "The child's household certificate (original)",
            },
            {
                "name": "被認領人之生母（或法定代理人）之國民身分證正本",
                "name_en": "ID card of the child's mother (or legal representative)",
                "note": "被認領人未成年時提出。",
            },
            {
                "name": "法院認領判決書及確定證明書",
                "name_en": "Court judgment of paternity with its certificate of finality",
                "note": "外國法院之裁判應經驗證並附中文譯本，並依法須經我國法院承認者從其規定。",
                "where_to_get": "為裁判之法院",
                "condition": "by_court=yes",
            },
            {
                "name": "經驗證之國外認領證明及中文譯本",
                "name_en": (
                    "Foreign proof of acknowledgement, authenticated, with a Chinese translation"
                ),
                "note": FOREIGN_DOCUMENTS_NOTE,
                "condition": "abroad=yes",
            },
            TRANSCRIPT_LOOKED_UP,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "adoption",
        "name": "收養登記",
        "name_en": "Adoption registration",
        "category": "registration",
        "summary": (
            "收養應以書面為之，並向法院聲請認可（民法第1079條）；"
            "法院認可裁定確定後30日內辦理收養登記。"
        ),
        "summary_en": (
            "An adoption is made in writing and approved by a court (Civil Code art. 1079); it is "
            "registered within 30 days after the court's approval becomes final."
        ),
        "who_may_apply": "收養人或被收養人（戶籍法第31條）。得以書面委託他人辦理。",
        "who_may_apply_en": (
            "The adoptive parent or the adopted person (art. 31). You may authorise someone in "
            "writing."
        ),
        "deadline_days": 30,
        "deadline_note": "法院認可收養之裁定確定後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 210,
        "legal_references": [
            "民法第1079條",
            "戶籍法第8條",
            "戶籍法第31條",
            "戶籍法第48條",
            "戶籍法第58條",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（收養：30日）、§2、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "abroad",
                "text": "是否在國外收養或由外國法院裁定？",
                "text_en": "Was the adoption made abroad or approved by a foreign court?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "法院認可收養之裁定及確定證明書",
                "name_en": "Court ruling approving the adoption, with its certificate of finality",
                "note": "外國法院之裁判應經驗證並附中文譯本，並依法須經我國法院承認者從其規定。",
                "where_to_get": "為裁定之法院",
            },
            {
                "name": "收養人及被收養人之國民身分證正本、印章",
                "name_en": "ID cards and seals of the adoptive parent(s) and the adopted person",
            },
            HOUSEHOLD_CERTIFICATE,
            TRANSCRIPT_LOOKED_UP,
            {
                "name": "經驗證之國外收養文件及中文譯本",
                "name_en": "Foreign adoption documents, authenticated, with a Chinese translation",
                "note": FOREIGN_DOCUMENTS_NOTE,
                "condition": "abroad=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "adoption-termination",
        "name": "終止收養登記",
        "name_en": "Registration of the termination of an adoption",
        "category": "registration",
        "summary": (
            "養父母與養子女合意終止收養應以書面為之，養子女未成年者並應向法院聲請認可（民法第1080條"
            "）；經法院判決終止者亦同。終止後30日內辦理終止收養登記。"
        ),
        "summary_en": (
            "Ending an adoption by agreement is done in writing; for a minor the court must "
            "approve it (Civil Code art. 1080). An adoption can also be ended by a court. Either "
            "is registered within 30 days."
        ),
        "who_may_apply": (
            "收養人或被收養人（戶籍法第32條）。應親自申請，除有正當理由經戶政事務所核准外，"
            "不得委託（戶籍法第47條）。"
        ),
        "who_may_apply_en": (
            "The adoptive parent or the adopted person (art. 32), in person; an authorised agent "
            "is not allowed unless the office accepts a good reason (art. 47)."
        ),
        "deadline_days": 30,
        "deadline_note": "終止收養生效（或判決、裁定確定）後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 220,
        "legal_references": [
            "民法第1080條",
            "民法第1081條",
            "戶籍法第8條",
            "戶籍法第32條",
            "戶籍法第47條",
            "戶籍法第48條",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（終止收養：30日）、§2、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "by_court",
                "text": "是否經法院判決終止收養？",
                "text_en": "Did a court end the adoption?",
            },
        ],
        "documents": [
            {
                "name": "終止收養書約",
                "name_en": "Written agreement to end the adoption",
                "note": "養子女未成年者，並附法院認可之裁定及確定證明書。",
                "condition": "by_court=no",
            },
            {
                "name": "法院判決或認可之裁定及確定證明書",
                "name_en": "Court judgment or approving ruling, with its certificate of finality",
                "note": "外國法院之裁判應經驗證並附中文譯本，並依法須經我國法院承認者從其規定。",
                "condition": "by_court=yes",
            },
            {
                "name": "雙方之國民身分證正本、印章",
                "name_en": "Both parties' ID cards and seals",
            },
            HOUSEHOLD_CERTIFICATE,
            TRANSCRIPT_LOOKED_UP,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "guardianship",
        "name": "監護登記",
        "name_en": "Guardianship registration",
        "category": "registration",
        "summary": (
            "為未成年人或受監護宣告之人設置、選定、改定、酌定、指定或委託監護人時，"
            "應於30日內辦理監護登記（戶籍法第11條）。"
        ),
        "summary_en": (
            "When a guardian is appointed, chosen, changed or entrusted for a minor or for an "
            "adult under a guardianship order, it is registered within 30 days (art. 11)."
        ),
        "who_may_apply": "監護人（戶籍法第35條）。得以書面委託他人辦理。",
        "who_may_apply_en": "The guardian (art. 35), who may authorise someone in writing.",
        "deadline_days": 30,
        "deadline_note": "監護事件發生或裁定確定後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 230,
        "legal_references": [
            "民法第14條",
            "民法第1092條",
            "民法第1094條",
            "民法第1110條",
            "戶籍法第11條",
            "戶籍法第35條",
            "戶籍法第48條",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（監護：30日）、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "by_court",
                "text": "監護人是否由法院裁定？",
                "text_en": "Was the guardian appointed by a court?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "法院裁定（監護宣告、選定或改定監護人）及確定證明書",
                "name_en": (
                    "Court ruling (guardianship order, or choice or change of guardian) with its "
                    "certificate of finality"
                ),
                "where_to_get": "為裁定之法院",
                "condition": "by_court=yes",
            },
            {
                "name": "監護之證明文件",
                "name_en": "Proof of the guardianship",
                "note": (
                    "例如遺囑指定、父母書面委託（民法第1092條）或法定監護人順序（民法第1094條）"
                    "之證明。"
                ),
                "condition": "by_court=no",
            },
            {
                "name": "監護人之國民身分證正本及印章",
                "name_en": "The guardian's ID card and seal",
            },
            {
                "name": "受監護人之戶口名簿正本",
                "name_en": "Household certificate of the person under guardianship",
            },
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "assistance",
        "name": "輔助登記",
        "name_en": "Registration of assistance (supported decision-making)",
        "category": "registration",
        "summary": (
            "因精神障礙或其他心智缺陷，經法院為輔助宣告者，"
            "應於裁定確定後30日內辦理輔助登記（戶籍法第12條）。"
        ),
        "summary_en": (
            "When a court places someone under an assistance order because of a mental disability, "
            "it is registered within 30 days after the ruling becomes final (art. 12)."
        ),
        "who_may_apply": "輔助人或受輔助宣告之人（戶籍法第35條）。得以書面委託他人辦理。",
        "who_may_apply_en": (
            "The assistant or the assisted person (art. 35); either may authorise someone."
        ),
        "deadline_days": 30,
        "deadline_note": "輔助宣告裁定確定後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 240,
        "legal_references": [
            "民法第15條之1",
            "民法第1113條之1",
            "戶籍法第12條",
            "戶籍法第35條",
            "戶籍法第48條",
            "戶籍法第79條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（輔助：30日）、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "法院輔助宣告之裁定及確定證明書",
                "name_en": "Court assistance order with its certificate of finality",
                "where_to_get": "為裁定之法院",
            },
            {
                "name": "申請人之國民身分證正本及印章",
                "name_en": "Applicant's ID card and seal",
            },
            {
                "name": "受輔助宣告之人之戶口名簿正本",
                "name_en": "Household certificate of the assisted person",
            },
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "minor-children-rights",
        "name": "未成年子女權利義務行使負擔登記",
        "name_en": "Registration of rights and duties over minor children",
        "category": "registration",
        "summary": (
            "父母協議或經法院裁判確定、調解或和解成立，由父母一方或雙方行使負擔未成年子女之權利義務"
            "時，應於30日內辦理登記（戶籍法第13條），常與離婚登記一併辦理。"
        ),
        "summary_en": (
            "When parents agree, or a court decides, which of them exercises the rights and duties "
            "over a minor child, it is registered within 30 days (art. 13), often together with a "
            "divorce."
        ),
        "who_may_apply": "行使或負擔之一方或雙方（戶籍法第35條）。得以書面委託他人辦理。",
        "who_may_apply_en": (
            "One or both of the parents concerned (art. 35); they may authorise someone."
        ),
        "deadline_days": 30,
        "deadline_note": "協議或裁判確定、調解或和解成立後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 250,
        "legal_references": [
            "民法第1055條",
            "戶籍法第13條",
            "戶籍法第35條",
            "戶籍法第48條",
            "戶籍法第79條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1b（未成年子女權利義務行使負擔：30日）"
                "、§3"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "by_court",
                "text": "是否經法院裁判、調解或和解？",
                "text_en": "Was it decided by a court, mediation or settlement?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "父母之協議書",
                "name_en": "The parents' written agreement",
                "condition": "by_court=no",
            },
            {
                "name": "法院裁判書及確定證明書，或調解、和解筆錄",
                "name_en": (
                    "Court ruling with its certificate of finality, or the record of mediation or "
                    "settlement"
                ),
                "condition": "by_court=yes",
            },
            ID_CARD,
            SEAL,
            {
                "name": "未成年子女之戶口名簿正本",
                "name_en": "The child's household certificate (original)",
            },
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "name-change",
        "name": "改名（姓名變更）登記",
        "name_en": "Change of given name",
        "category": "registration",
        "summary": (
            "依姓名條例所定事由申請改名或更改姓名；外國人、"
            "無國籍人歸化後取用中文姓名亦依該條例辦理。改名後應同時換領國民身分證，"
            "並請自行更新護照、駕照、健保卡與金融機構等資料。"
        ),
        "summary_en": (
            "Changing a given name on one of the grounds in the Name Act; naturalised citizens "
            "taking a Chinese name follow the same Act. The ID card is replaced at the same time; "
            "remember to update your passport, driving licence, health card and bank records."
        ),
        "who_may_apply": (
            "本人；未成年人由法定代理人申請（父母共同行使親權者，須雙方同意）。"
            "得以書面委託他人辦理，惟委託辦理者換領國民身分證不得更換相片（戶籍法第60條）。"
        ),
        "who_may_apply_en": (
            "The person; for a minor, the legal representatives (both parents where they share "
            "parental authority). An authorised agent may apply, but then the ID card cannot get a "
            "new photo (art. 60)."
        ),
        "deadline_note": "依申請辦理之變更，無應於事件發生後申請之期間，不生逾期罰鍰。",
        "deadline_basis": "姓名條例",
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 300,
        "for_new_immigrants": True,
        "legal_references": [
            "姓名條例",
            "姓名條例施行細則",
            "戶籍法第21條",
            "戶籍法第46條",
            "戶籍法第58條",
            "戶籍法第60條",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（變更登記）、§2（換領國民身分證50元）",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
        ],
        "unverified": [
            "姓名條例各改名事由應附之證明文件及改名次數限制，本平臺未逐條查證，以本所一次告知單為準。",
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "minor",
                "text": "改名者是否未滿18歲？",
                "text_en": "Is the person changing name under 18?",
            },
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            PHOTO,
            {
                "name": "改名事由之證明文件",
                "name_en": "Proof of the ground for the change",
                "note": "依姓名條例所列事由提出；事由不須證明者免附。",
            },
            {
                "name": "法定代理人之國民身分證正本及印章",
                "name_en": "The legal representatives' ID cards and seals",
                "note": "父母共同行使親權者，須雙方同意。",
                "condition": "minor=yes",
            },
            TRANSCRIPT_LOOKED_UP,
            PROXY_LETTER,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "surname-change",
        "name": "姓氏變更登記",
        "name_en": "Change of surname",
        "category": "registration",
        "summary": (
            "子女從父姓或母姓。子女未成年時得由父母以書面約定變更，成年後得自行變更為父姓或母姓，"
            "各以一次為限；有民法所定事由者得請求法院宣告變更（民法第1059條、第1059條之1）。"
            "變更後應換領國民身分證。"
        ),
        "summary_en": (
            "A child takes the father's or the mother's surname. While the child is a minor the "
            "parents may agree in writing to change it; an adult may change to the father's or "
            "mother's surname; each only once. A court may order a change on the grounds in the "
            "Civil Code (arts. 1059, 1059-1). The ID card is replaced afterwards."
        ),
        "who_may_apply": (
            "成年人本人；未成年子女由父母共同申請。經法院宣告變更者，依裁判申請。"
            "得以書面委託他人辦理。"
        ),
        "who_may_apply_en": (
            "An adult, for themselves; for a minor, both parents together; after a court order, as "
            "the order says. You may authorise someone in writing."
        ),
        "deadline_note": "依申請辦理之變更，無應於事件發生後申請之期間，不生逾期罰鍰。",
        "deadline_basis": "民法第1059條",
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 310,
        "legal_references": [
            "民法第1059條",
            "民法第1059條之1",
            "姓名條例",
            "戶籍法第21條",
            "戶籍法第58條",
        ],
        "sources": [
            "shared/reference/household-registration.md §2（換領國民身分證50元）",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "minor",
                "text": "變更姓氏者是否未滿18歲？",
                "text_en": "Is the person whose surname changes under 18?",
            },
            {
                "key": "by_court",
                "text": "是否經法院宣告變更姓氏？",
                "text_en": "Did a court order the change?",
            },
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            PHOTO,
            {
                "name": "父母約定變更子女姓氏之書面，及父母雙方之國民身分證、印章",
                "name_en": (
                    "The parents' written agreement to change the child's surname, with both "
                    "parents' ID cards and seals"
                ),
                "where_to_get": "本所櫃檯可當場填寫",
                "condition": "minor=yes",
            },
            {
                "name": "法院宣告變更子女姓氏之裁判及確定證明書",
                "name_en": "Court order changing the surname, with its certificate of finality",
                "where_to_get": "為裁判之法院",
                "condition": "by_court=yes",
            },
            TRANSCRIPT_LOOKED_UP,
            PROXY_LETTER,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "birth-date-correction",
        "name": "出生年月日更正登記",
        "name_en": "Correction of the date of birth",
        "category": "registration",
        "summary": (
            "出生年月日因申報錯誤與事實不符時，檢附證明文件向戶籍地戶政事務所申請更正。"
            "證明文件須早於在臺灣地區初次登記戶籍之證件日期（戶籍法施行細則第16條、第17條）。"
            "戶政事務所作業錯誤者，由本所查明更正並通知當事人。"
        ),
        "summary_en": (
            "A date of birth registered wrongly because of a wrong report is corrected at the "
            "office of your registered address, on proof dated before your first registration in "
            "Taiwan (Enforcement Rules arts. 16, 17). Errors made by an office are corrected by "
            "the office, which then tells you."
        ),
        "who_may_apply": (
            "本人；本人不為或不能申請時，由原申請人或利害關係人申請（戶籍法第46條）。"
            "得以書面委託他人辦理。"
        ),
        "who_may_apply_en": (
            "The person; if they do not or cannot, the original applicant or an interested party "
            "(art. 46). You may authorise someone in writing."
        ),
        "deadline_note": "依申請辦理，無應於事件發生後申請之期間。",
        "deadline_basis": "戶籍法第22條；戶籍法施行細則第16條、第17條",
        "processing_note": "須審查證明文件，處理時間依個案查證情形而定。",
        "cross_office": False,
        "bookable": True,
        "sort_order": 320,
        "legal_references": [
            "戶籍法第22條",
            "戶籍法第46條",
            "戶籍法施行細則第15條",
            "戶籍法施行細則第16條",
            "戶籍法施行細則第17條",
            "戶籍法施行細則第18條",
        ],
        "sources": [
            "shared/reference/household-registration.md §2",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030007",
        ],
        "unverified": [
            "本所處理期限表未查得，處理時間未列數字。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            {
                "name": "證明出生年月日之文件正本",
                "name_en": "Original document proving the date of birth",
                "note": (
                    "戶籍法施行細則第16條所列之一，例如在臺初次登記戶籍前之戶籍資料、"
                    "原始國民身分證、學校畢（肄）業證明、醫療機構出生證明書、兵籍資料證明書、"
                    "法院確定裁判；發證或資料建立日期須早於在臺初次登記戶籍之證件（第17條）。"
                    "在國外作成者應經我國駐外館處驗證；在大陸地區或香港、"
                    "澳門作成者應經行政院設立或指定之機構或委託之民間團體驗證；"
                    "外文文件應附經驗證或國內公證人認證之中文譯本（戶籍法施行細則第14條）。"
                ),
            },
            {
                "name": "在臺初次登記戶籍之資料",
                "name_en": "Records of your first registration in Taiwan",
                "note": "本所調閱戶籍檔案查驗，免附。",
                "office_looks_up": True,
            },
            PHOTO,
            PROXY_LETTER,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": [
            {
                "text": "抽號碼牌，或依預約時間至櫃檯。",
                "text_en": "Take a ticket, or come at your booked time.",
            },
            {
                "text": "承辦人審查證明文件之種類與日期，調閱初次登記戶籍資料比對。",
                "text_en": (
                    "Staff check the kind and date of your proof against your first registration."
                ),
            },
            {
                "text": "符合規定者辦理更正登記；需查證者，查證完成後通知申請人。",
                "text_en": (
                    "If the proof qualifies the date is corrected; if it needs checking, you are "
                    "told when it is done."
                ),
            },
            {
                "text": "換發國民身分證並收取規費。",
                "text_en": "A new ID card is issued and the fee paid.",
            },
        ],
    },
    {
        "slug": "birthplace",
        "name": "出生地登記",
        "name_en": "Registration or correction of the birthplace",
        "category": "registration",
        "summary": (
            "出生地以出生地所屬之省（市）及縣（市）登記；在國外出生者，"
            "以出生所在地之國家或地區為出生地（戶籍法第20條）。出生地未登記或需補登、更正者申請；"
            "亦可使用自然人憑證線上申辦。"
        ),
        "summary_en": (
            "The birthplace is registered as the province (or city) and county of birth; for a "
            "birth abroad, the country or area (art. 20). Apply if it was never registered or "
            "needs correcting; it can also be filed online with a citizen digital certificate."
        ),
        "who_may_apply": "本人或出生登記之申請人（戶籍法第44條）。得以書面委託他人辦理。",
        "who_may_apply_en": (
            "The person, or whoever may file a birth registration (art. 44). You may authorise "
            "someone in writing."
        ),
        "deadline_note": "戶籍罰鍰處罰金額基準表未列本項申請期間。",
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 330,
        "legal_references": [
            "戶籍法第20條",
            "戶籍法第44條",
            "戶籍法第58條",
            "戶籍法施行細則第13條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1a（出生地登記線上申辦）、"
                "§1b（出生地登記：無期限）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://siluo.household.yunlin.gov.tw/latestevent/Details.aspx?Parser=9%2C6%2C50%2C%2C%2C%2C108",
        ],
        "unverified": [
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            {
                "name": "出生地之證明文件正本",
                "name_en": "Original document proving the birthplace",
                "note": (
                    "例如出生證明書。在國外作成者應經我國駐外館處驗證；在大陸地區或香港、"
                    "澳門作成者應經行政院設立或指定之機構或委託之民間團體驗證；"
                    "外文文件應附經驗證或國內公證人認證之中文譯本（戶籍法施行細則第14條）。"
                ),
            },
            PROXY_LETTER,
        ],
        "fees": [
            FEE_ID_CARD_CHANGE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "indigenous-status",
        "name": "原住民身分及民族別登記",
        "name_en": "Indigenous status and ethnicity registration",
        "category": "registration",
        "summary": (
            "原住民身分之取得、喪失、變更或回復，及民族別之登記或變更，"
            "依原住民身分法辦理（戶籍法第14條之1）。原住民身分法已於113年1月3日全文修正公布。"
            "父母之原住民身分由本所以戶籍資料查驗。"
        ),
        "summary_en": (
            "Acquiring, losing, changing or restoring indigenous status, and registering or "
            "changing one's people (ethnicity), follow the Status Act for Indigenous Peoples (art. "
            "14-1), fully amended on 3 January 2024. The office checks the parents' status in the "
            "registry itself."
        ),
        "who_may_apply": (
            "本人；本人未婚未成年時，原住民身分及民族別之取得或變更得由法定代理人申請（戶籍法第34條"
            "之1）。"
        ),
        "who_may_apply_en": (
            "The person; for an unmarried minor, acquiring or changing status and people may be "
            "filed by the legal representative (art. 34-1)."
        ),
        "deadline_note": "依原住民身分法規定辦理。",
        "deadline_basis": "原住民身分法",
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": True,
        "bookable": True,
        "sort_order": 340,
        "for_indigenous": True,
        "legal_references": [
            "原住民身分法",
            "姓名條例",
            "戶籍法第14條之1",
            "戶籍法第34條之1",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1b（原住民身分及民族別登記："
                "依原住民身分法）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.hwufeng.taichung.gov.tw/1486242/1486254/1486255/?Page=2&PageSize=30&type=（內政部113.1.5台內戶字第1130240110號函：原住民身分法全文修正）",
        ],
        "unverified": [
            "原住民身分法對申請期間之規定，及因取用傳統名字換領國民身分證是否收費，本平臺未查證。",
            CROSS_OFFICE_UNVERIFIED,
        ],
        "questions": [
            {
                "key": "minor",
                "text": "申請人是否為未婚之未成年人？",
                "text_en": "Is the person an unmarried minor?",
            },
            {
                "key": "traditional_name",
                "text": "是否同時取用原住民傳統名字或並列原住民族文字？",
                "text_en": (
                    "Are you also taking a traditional indigenous name, or adding it in an "
                    "indigenous script?"
                ),
            },
        ],
        "documents": [
            ID_CARD,
            SEAL,
            HOUSEHOLD_CERTIFICATE,
            {
                "name": "父或母之原住民身分及民族別記載",
                "name_en": "The parent's indigenous status and people on record",
                "note": "本所以戶籍資料查驗，免附。",
                "office_looks_up": True,
            },
            {
                "name": "法定代理人之國民身分證正本及印章",
                "name_en": "The legal representative's ID card and seal",
                "condition": "minor=yes",
            },
            {
                "name": "最近2年內所攝正面脫帽半身彩色相片1張",
                "name_en": "One colour photo taken in the last 2 years",
                "note": "取用原住民傳統名字或並列原住民族文字，須換領國民身分證時提出。",
                "condition": "traditional_name=yes",
            },
        ],
        "fees": [],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "first-registration",
        "name": "初設戶籍登記",
        "name_en": "First household registration",
        "category": "registration",
        "summary": (
            "在國內未曾設有戶籍，經核准定居之國民、歸化或回復國籍後經核准定居者、"
            "經核准定居之大陸地區人民或港澳居民，以及在國內出生12歲以上未辦出生登記者，"
            "應向現住地戶政事務所辦理初設戶籍登記（戶籍法第15條、第26條第5款）。"
        ),
        "summary_en": (
            "People never registered in Taiwan — nationals given permission to settle, naturalised "
            "or restored citizens given permission to settle, settled mainland Chinese, Hong Kong "
            "or Macau residents, and people born in Taiwan aged 12 or over who were never "
            "registered — register at the office where they live (arts. 15, 26(5))."
        ),
        "who_may_apply": "本人或戶長（戶籍法第40條）。得以書面委託他人辦理。",
        "who_may_apply_en": (
            "The person or the head of household (art. 40). You may authorise someone in writing."
        ),
        "deadline_days": 30,
        "deadline_note": "核准定居後30日內",
        "deadline_basis": "戶籍法第48條第1項",
        "late_fine_applies": True,
        "fine_basis": FINE_BASIS,
        "processing_note": "依個案查證情形而定，請洽承辦人。",
        "cross_office": False,
        "bookable": True,
        "sort_order": 350,
        "for_new_immigrants": True,
        "legal_references": [
            "戶籍法第15條",
            "戶籍法第26條",
            "戶籍法第40條",
            "戶籍法第48條",
            "戶籍法第48條之2",
            "戶籍法第79條",
            "戶籍法施行細則第9條之1",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b（初設戶籍：30日）、§2、§3",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030007",
            "https://www.hnorth.taichung.gov.tw/1597317/1597339/1597346/1634964/post",
        ],
        "unverified": [
            "本所處理期限表未查得，處理時間未列數字。",
            "在國內出生12歲以上未辦出生登記者應附文件依個案認定，未列示。",
        ],
        "questions": [
            {
                "key": "not_head",
                "text": "您是否遷入他人為戶長的戶內？",
                "text_en": "Are you joining a household whose head is someone else?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "定居證",
                "name_en": "Settlement certificate",
                "where_to_get": "內政部移民署",
            },
            {
                "name": "入國所持之護照或入國證明文件正本",
                "name_en": "The passport or entry document you entered with",
            },
            PHOTO,
            SEAL,
            {
                "name": "遷入戶之戶口名簿正本",
                "name_en": "Household certificate of the household you join",
                "where_to_get": "由該戶戶長提供",
                "condition": "not_head=yes",
            },
            {
                "name": "居住處所之證明",
                "name_en": "Proof of your home",
                "note": "例如建物所有權狀、租賃契約或房屋所有權人同意書；單獨立戶時提出。",
                "condition": "not_head=no",
            },
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "初領國民身分證",
                "label_en": "First national ID card",
                "amount": 50,
                "unit": "張",
                "unit_en": "card",
                "note": "年滿14歲者應申請（戶籍法第57條）。",
                "basis": FEE_BASIS,
            },
            FEE_NEW_HOUSEHOLD_CERTIFICATE,
        ],
        "steps": REGISTRATION_STEPS,
    },
    {
        "slug": "nationality",
        "name": "國籍案件（歸化、喪失、回復國籍及國籍證明）",
        "name_en": "Nationality: naturalisation, loss, restoration, certificate",
        "category": "nationality",
        "summary": (
            "歸化、喪失、回復中華民國國籍及申請國籍證明，由戶政事務所受理後轉送內政部審查許可，"
            "許可證書由內政部核發；規費以郵政匯票繳納，受款人為內政部。案件進度可於本所網站查詢。"
        ),
        "summary_en": (
            "Applications to naturalise, to give up or restore ROC nationality, or for a "
            "nationality certificate are taken here and decided by the Ministry of the Interior, "
            "which issues the certificates; fees are paid to the Ministry by postal money order. "
            "You can follow the case on this site."
        ),
        "who_may_apply": (
            "歸化：在臺合法居留之外國人、無國籍人；喪失：具中華民國國籍而有國籍法所定事由者；回復："
            "曾喪失中華民國國籍者；國籍證明：須證明具中華民國國籍者。"
        ),
        "who_may_apply_en": (
            "Naturalisation: foreign or stateless residents lawfully in Taiwan; loss: ROC "
            "nationals on the grounds of the Nationality Act; restoration: those who lost ROC "
            "nationality; certificate: anyone who must prove ROC nationality."
        ),
        "deadline_note": "國籍案件無戶籍法第48條之申請期間；許可後之戶籍登記依各該登記之期限。",
        "processing_note": (
            "由內政部審查許可，處理時間由內政部決定；本所受理後轉送並可於網站查詢進度。"
        ),
        "cross_office": False,
        "bookable": True,
        "sort_order": 360,
        "for_new_immigrants": True,
        "legal_references": [
            "國籍法",
            "國籍法施行細則",
            "戶籍法第15條",
            "戶籍法第24條",
            "戶籍法第48條之1",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1b（國籍案件由戶政事務所受理、"
                "內政部核發）、§2（國籍規費）、§4b（處理期限未查得）"
            ),
            "https://bthr.gov.taipei/cp.aspx?n=C47C1D3A62FD17E2",
        ],
        "unverified": [
            "內政部審查國籍案件所需時間未查得。",
            "各類國籍案件之應備文件依國籍法及其施行細則，本平臺僅列主要項目，以內政部最新規定為準。",
            "受理之戶政事務所（居留地或戶籍地）依一般作法標示為本所。",
        ],
        "questions": [
            {
                "key": "naturalisation",
                "text": "您是申請歸化嗎？",
                "text_en": "Are you applying to naturalise?",
            },
            {
                "key": "renounce",
                "text": "您是申請喪失中華民國國籍嗎？",
                "text_en": "Are you applying to give up ROC nationality?",
            },
            {
                "key": "restore",
                "text": "您是申請回復中華民國國籍嗎？",
                "text_en": "Are you applying to restore ROC nationality?",
            },
        ],
        "documents": [
            {
                "name": "申請書及最近2年內所攝相片",
                "name_en": "Application form and a recent photo",
                "where_to_get": "本所櫃檯或內政部戶政司網站",
            },
            {
                "name": "外僑居留證及護照正本",
                "name_en": "Alien resident certificate and passport (original)",
                "condition": "naturalisation=yes",
            },
            {
                "name": "無犯罪紀錄證明",
                "name_en": "Police clearance certificates",
                "note": (
                    "我國警察刑事紀錄證明，及原屬國之無犯罪紀錄證明。"
                    "在國外作成者應經我國駐外館處驗證；在大陸地區或香港、"
                    "澳門作成者應經行政院設立或指定之機構或委託之民間團體驗證；"
                    "外文文件應附經驗證或國內公證人認證之中文譯本（戶籍法施行細則第14條）。"
                ),
                "condition": "naturalisation=yes",
            },
            {
                "name": "具備我國基本語言能力及國民權利義務基本常識之證明",
                "name_en": "Proof of basic Mandarin and knowledge of citizens' rights and duties",
                "note": "例如歸化測試合格或上課時數證明。",
                "condition": "naturalisation=yes",
            },
            {
                "name": "足以自立或生活保障無虞之證明",
                "name_en": "Proof that you can support yourself",
                "condition": "naturalisation=yes",
            },
            {
                "name": "喪失原有國籍證明",
                "name_en": "Proof of loss of your former nationality",
                "note": (
                    "依國籍法規定，得於許可歸化後限期提出。在國外作成者應經我國駐外館處驗證；"
                    "在大陸地區或香港、澳門作成者應經行政院設立或指定之機構或委託之民間團體驗證；"
                    "外文文件應附經驗證或國內公證人認證之中文譯本（戶籍法施行細則第14條）。"
                ),
                "condition": "naturalisation=yes",
            },
            {
                "name": "國民身分證及戶口名簿正本",
                "name_en": "National ID card and household certificate",
                "condition": "renounce=yes",
            },
            {
                "name": "取得或將取得外國國籍之證明",
                "name_en": "Proof that you have or will get a foreign nationality",
                "note": FOREIGN_DOCUMENTS_NOTE,
                "condition": "renounce=yes",
            },
            {
                "name": "原喪失國籍之證明",
                "name_en": "Proof of the earlier loss of ROC nationality",
                "condition": "restore=yes",
            },
            {
                "name": "在臺居留之證明",
                "name_en": "Proof of residence in Taiwan",
                "condition": "restore=yes",
            },
        ],
        "fees": [
            {
                "label": "歸化國籍測試報名費",
                "label_en": "Naturalisation test registration",
                "amount": 500,
                "unit": "次",
                "unit_en": "sitting",
                "note": "以郵政匯票繳納，受款人為內政部。",
                "basis": "內政部國籍規費",
            },
            {
                "label": "歸化國籍許可證書",
                "label_en": "Certificate of naturalisation",
                "amount": 1200,
                "unit": "件",
                "unit_en": "certificate",
                "note": "以郵政匯票繳納，受款人為內政部。",
                "basis": "內政部國籍規費",
            },
            {
                "label": "喪失國籍許可證書",
                "label_en": "Certificate of loss of nationality",
                "amount": 1200,
                "unit": "件",
                "unit_en": "certificate",
                "note": "以郵政匯票繳納，受款人為內政部。",
                "basis": "內政部國籍規費",
            },
            {
                "label": "回復國籍許可證書",
                "label_en": "Certificate of restoration of nationality",
                "amount": 1200,
                "unit": "件",
                "unit_en": "certificate",
                "note": "以郵政匯票繳納，受款人為內政部。",
                "basis": "內政部國籍規費",
            },
            {
                "label": "中華民國國籍證明",
                "label_en": "Certificate of ROC nationality",
                "amount": 1000,
                "unit": "件",
                "unit_en": "certificate",
                "note": "以郵政匯票繳納，受款人為內政部。",
                "basis": "內政部國籍規費",
            },
        ],
        "steps": [
            {
                "text": "至本所櫃檯提出申請，承辦人核對文件並開立一次告知單。",
                "text_en": (
                    "Apply at the counter; staff check the documents and list anything missing."
                ),
            },
            {
                "text": "本所初審後函轉內政部。",
                "text_en": "The office checks the file and sends it to the Ministry.",
            },
            {
                "text": "內政部審查許可，核發許可證書或國籍證明。",
                "text_en": "The Ministry decides and issues the certificate.",
            },
            {
                "text": "許可後依規定辦理戶籍登記（例如初設戶籍或廢止戶籍）。",
                "text_en": (
                    "After approval, the household registration follows (for example a first "
                    "registration, or the end of the registration)."
                ),
            },
        ],
    },
    {
        "slug": "house-number-assignment",
        "name": "門牌初編、增編、改編",
        "name_en": "House number assignment and renumbering",
        "category": "house_number",
        "summary": (
            "新建房屋申請編釘門牌（初編），同一建物增加出入口或分間使用申請增編，因道路命名、"
            "更名或重劃等改編門牌。門牌編釘屬縣（市）自治事項，依澎湖縣規定辦理；"
            "本所受理後會同現場勘查，核定門牌號碼並核發門牌證明。"
        ),
        "summary_en": (
            "A new building gets its first house number; extra numbers are added for extra "
            "entrances or units; numbers change when roads are named, renamed or replanned. House "
            "numbers are a county matter under Penghu County's rules; the office visits the site, "
            "assigns the number and issues a house-number certificate."
        ),
        "who_may_apply": "建築物所有權人或起造人；得以書面委託他人辦理。",
        "who_may_apply_en": "The owner or builder of the building, who may authorise someone.",
        "processing_working_days": 3,
        "processing_note": "受理後3個工作日（依臺中市公告之門牌編釘處理期限）。",
        "cross_office": False,
        "bookable": True,
        "sort_order": 400,
        "sources": [
            (
                "shared/reference/household-registration.md §1b（門牌初編、增編、改編屬地方事項）、"
                "§2（門牌工本費各縣市不同）、§4b（門牌編釘3個工作日及流程）"
            ),
            "https://eservices.taichung.gov.tw/AdvSearch/CaseInfo/160/Notices/020464/387023600A?isHandling=True&isLink=False",
        ],
        "unverified": [
            "門牌工本費：各縣市不同（臺北市松山64元、北投90元、桃園八德85元、臺南50元、雲林40元、連江40元、苗栗60元），澎湖縣之金額未查得，故未列收費，實際以澎湖縣規定為準。",
            "3個工作日係臺中市之處理期限，本所之處理期限未查得。",
            "澎湖縣門牌編釘自治法規之名稱、條文及無使用執照房屋應附文件未查得。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "門牌編釘申請書",
                "name_en": "Application for a house number",
                "where_to_get": "本所櫃檯",
            },
            ID_CARD,
            SEAL,
            {
                "name": "建築物使用執照影本",
                "name_en": "Copy of the building's occupancy permit",
                "alternatives": "無使用執照之房屋，依澎湖縣規定提出合法房屋證明文件",
                "where_to_get": "縣政府建築管理單位",
            },
            PROXY_LETTER,
        ],
        "fees": [],
        "steps": [
            {
                "text": "受理申請。",
                "text_en": "The application is accepted.",
            },
            {
                "text": "書面審查。",
                "text_en": "The documents are reviewed.",
            },
            {
                "text": "現場勘查。",
                "text_en": "Staff visit the site.",
            },
            {
                "text": "核定門牌號碼。",
                "text_en": "The number is assigned.",
            },
            {
                "text": "核發門牌證明。",
                "text_en": "The house-number certificate is issued.",
            },
        ],
    },
    {
        "slug": "house-number-certificate",
        "name": "門牌證明",
        "name_en": "House-number certificate",
        "category": "house_number",
        "summary": "證明門牌編釘、增編或改編情形之文件，可供向其他機關或單位證明地址之用。",
        "summary_en": (
            "A certificate of a house number's assignment or renumbering, to prove an address to "
            "other agencies."
        ),
        "who_may_apply": "需證明門牌編釘情形者；申請資格依澎湖縣規定。",
        "who_may_apply_en": (
            "Anyone who needs to prove a house number; eligibility follows county rules."
        ),
        "processing_working_days": 0,
        "processing_note": "當場核發。",
        "cross_office": False,
        "bookable": True,
        "sort_order": 410,
        "sources": [
            (
                "shared/reference/household-registration.md §2（門牌證明20元：臺北、雲林、"
                "連江之地方規定）"
            ),
            "https://law.matsu.gov.tw/LawContent.aspx?id=GL000380",
        ],
        "unverified": [
            "門牌證明規費20元係臺北市、雲林縣、連江縣之規定，澎湖縣之金額未經查證。",
            "申請資格依澎湖縣規定，未查得。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD_OR_PHOTO_ID,
            SEAL,
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "門牌證明",
                "label_en": "House-number certificate",
                "amount": 20,
                "unit": "張",
                "unit_en": "sheet",
                "note": "臺北市、雲林縣、連江縣為每張20元；澎湖縣之金額未經查證。",
                "basis": "縣（市）自治規費",
                "verified": False,
            },
        ],
        "steps": CERTIFICATE_STEPS,
    },
    {
        "slug": "household-transcript",
        "name": "戶籍謄本（中文）",
        "name_en": "Household transcript (Chinese)",
        "category": "certificate",
        "summary": (
            "可向任一戶政事務所申請（戶籍法第66條）。使用自然人憑證於內政部戶政司網站申請電子戶籍謄"
            "本免費，與臨櫃謄本效力相同。103年2月5日起核發之新式戶口名簿，多可替代戶籍謄本。"
            "本所受理戶籍登記時免附戶籍謄本。"
        ),
        "summary_en": (
            "Any office can issue one (art. 66). An electronic transcript from the MOI site, with "
            "a citizen digital certificate, is free and has the same effect. The new-style "
            "household certificate issued since 5 February 2014 can often be used instead. You "
            "never need a transcript for a registration here."
        ),
        "who_may_apply": (
            "本人或利害關係人；不能親自申請時得以書面委託他人。"
            "利害關係人僅得申請有利害關係部分（戶籍法第65條）。"
        ),
        "who_may_apply_en": (
            "The person or an interested party; either may authorise someone in writing. An "
            "interested party only gets the part that concerns them (art. 65)."
        ),
        "processing_working_days": 0,
        "processing_note": "當場核發。",
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "sort_order": 10,
        "legal_references": [
            "戶籍法第65條",
            "戶籍法第66條",
            "戶籍法第69條",
            "戶政規費收費標準",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1a（電子戶籍謄本免費、新式戶口名簿）、"
                "§2（戶籍謄本15元、閱覽15元、影本10元）、§4b（謄本當場核發）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
            "https://sshr.gov.taipei/cp.aspx?n=9140630206502640",
            "https://www.bade-hro.tycg.gov.tw/cp.aspx?n=12839",
            "https://nghr.gov.taipei/News_Content.aspx?n=4FA62992A479FBB5&s=40494DCDD11F8A99&sms=A99823DAB14A1E7F",
        ],
        "questions": [
            {
                "key": "interested_party",
                "text": "您是以利害關係人身分申請他人之謄本嗎？",
                "text_en": "Are you applying for someone else's transcript as an interested party?",
            },
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD_OR_PHOTO_ID,
            SEAL,
            {
                "name": "利害關係人之證明文件正本",
                "name_en": "Proof of your interest (original)",
                "note": "例如債權憑證、法院通知或訴訟文件；僅提供有利害關係部分（戶籍法第65條）。",
                "condition": "interested_party=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "戶籍謄本",
                "label_en": "Household transcript",
                "amount": 15,
                "unit": "張",
                "unit_en": "sheet",
                "note": "電子戶籍謄本（自然人憑證線上申請）免費。100年5月1日前為每張20元。",
                "basis": FEE_BASIS,
            },
            {
                "label": "閱覽戶籍資料",
                "label_en": "Inspecting household records",
                "amount": 15,
                "unit": "次",
                "unit_en": "visit",
                "basis": FEE_BASIS,
            },
            {
                "label": "戶籍檔案原始資料影本",
                "label_en": "Copy of original archive records",
                "amount": 10,
                "unit": "張",
                "unit_en": "sheet",
                "note": "應向原戶籍登記之戶政事務所申請（戶籍法第66條）。",
                "basis": FEE_BASIS,
            },
        ],
        "steps": CERTIFICATE_STEPS,
    },
    {
        "slug": "household-transcript-english",
        "name": "英文戶籍謄本",
        "name_en": "English household transcript",
        "category": "certificate",
        "summary": (
            "供出國留學、移民、工作等使用之英文戶籍謄本。同一申請案第1份100元，每增加1份15元。"
            "英文姓名依護照拼寫。"
        ),
        "summary_en": (
            "A household transcript in English, for study, work or immigration abroad. NT$100 for "
            "the first copy and NT$15 for each further copy in the same application. Names are "
            "spelt as in your passport."
        ),
        "who_may_apply": "本人或利害關係人；不能親自申請時得以書面委託他人（戶籍法第65條）。",
        "who_may_apply_en": (
            "The person or an interested party; either may authorise someone in writing (art. 65)."
        ),
        "processing_note": (
            "本所103年服務品質計畫列為縮短核發時間之項目；處理期限待本所處理期限表確認。"
        ),
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "sort_order": 80,
        "legal_references": [
            "戶籍法第65條",
            "戶籍法第66條",
            "戶籍法第69條",
            "戶政規費收費標準",
        ],
        "sources": [
            "shared/reference/household-registration.md §2（英文戶籍謄本100元，每增加1份15元）",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.bade-hro.tycg.gov.tw/cp.aspx?n=12839",
        ],
        "unverified": [
            "英文戶籍謄本之處理期限未查得（本所103年計畫列為縮短核發時間之項目）。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD_OR_PHOTO_ID,
            SEAL,
            {
                "name": "護照或其他載有英文姓名之文件",
                "name_en": "Passport or another document with your name in English",
                "note": "用以核對英文姓名之拼寫。",
            },
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "英文戶籍謄本",
                "label_en": "English household transcript",
                "amount": 100,
                "unit": "份",
                "unit_en": "copy",
                "additional_amount": 15,
                "note": "同一申請案第1份100元，每增加1份15元（100年5月1日前為150元、20元）。",
                "basis": FEE_BASIS,
            },
        ],
        "steps": [
            {
                "text": "抽號碼牌，或依預約時間至櫃檯。",
                "text_en": "Take a ticket, or come at your booked time.",
            },
            {
                "text": "填寫申請書，櫃檯核對身分與申請資格。",
                "text_en": (
                    "Fill in the application; the counter checks your identity and entitlement."
                ),
            },
            {
                "text": "繳納規費。",
                "text_en": "Pay the fee.",
            },
            {
                "text": "核對英文姓名與內容後核發。",
                "text_en": "The English names are checked and the transcript is issued.",
            },
        ],
    },
    {
        "slug": "marriage-divorce-certificate",
        "name": "結婚證明書、離婚證明書（中、英文）",
        "name_en": "Marriage or divorce certificate (Chinese or English)",
        "category": "certificate",
        "summary": (
            "證明結婚或離婚事實之證明書，有中文及英文版，可向任一戶政事務所申請（戶籍法第66條之1）"
            "。"
        ),
        "summary_en": (
            "A certificate of a marriage or divorce, in Chinese or English, from any office (art. "
            "66-1)."
        ),
        "who_may_apply": "本人；不能親自申請時得以書面委託他人（戶籍法第66條之1）。",
        "who_may_apply_en": "The person, who may authorise someone in writing (art. 66-1).",
        "processing_working_days": 0,
        "processing_note": "當場核發。",
        "cross_office": True,
        "bookable": True,
        "sort_order": 500,
        "legal_references": [
            "戶籍法第66條之1",
            "戶籍法第69條",
            "戶政規費收費標準",
        ],
        "sources": [
            "shared/reference/household-registration.md §2（結婚、離婚證明書100元）",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://bthr.gov.taipei/cp.aspx?n=C47C1D3A62FD17E2",
        ],
        "questions": [
            {
                "key": "english",
                "text": "是否申請英文版？",
                "text_en": "Do you want the English version?",
            },
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD_OR_PHOTO_ID,
            SEAL,
            {
                "name": "護照或其他載有英文姓名之文件",
                "name_en": "Passport or another document with your name in English",
                "note": "申請英文證明書時，用以核對英文姓名。",
                "condition": "english=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "結婚、離婚證明書（中、英文）",
                "label_en": "Marriage or divorce certificate (Chinese or English)",
                "amount": 100,
                "unit": "張",
                "unit_en": "sheet",
                "basis": FEE_BASIS,
            },
        ],
        "steps": CERTIFICATE_STEPS,
    },
    {
        "slug": "record-certificates",
        "name": "婚姻紀錄、遷徙紀錄、姓名更改紀錄證明書",
        "name_en": "Marriage-history, address-history and name-change-history certificates",
        "category": "certificate",
        "summary": (
            "104年4月2日起核發，分別證明歷次婚姻、遷徙及姓名更改紀錄，"
            "可向任一戶政事務所申請（戶籍法第66條之1）。"
        ),
        "summary_en": (
            "Since 2 April 2015, certificates of one's marriages, addresses and name changes over "
            "time, from any office (art. 66-1)."
        ),
        "who_may_apply": "本人；不能親自申請時得以書面委託他人（戶籍法第66條之1）。",
        "who_may_apply_en": "The person, who may authorise someone in writing (art. 66-1).",
        "processing_working_days": 0,
        "processing_note": "當場核發。",
        "cross_office": True,
        "bookable": True,
        "sort_order": 510,
        "legal_references": [
            "戶籍法第66條之1",
            "戶籍法第69條",
            "戶政規費收費標準",
        ],
        "sources": [
            "shared/reference/household-registration.md §2（三種紀錄證明書各15元，104年4月2日起）",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.bade-hro.tycg.gov.tw/cp.aspx?n=12839",
            "https://shinhua.tainan.gov.tw/cp.aspx?n=9536",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD_OR_PHOTO_ID,
            SEAL,
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "婚姻紀錄證明書",
                "label_en": "Marriage-history certificate",
                "amount": 15,
                "unit": "張",
                "unit_en": "sheet",
                "basis": FEE_BASIS,
            },
            {
                "label": "遷徙紀錄證明書",
                "label_en": "Address-history certificate",
                "amount": 15,
                "unit": "張",
                "unit_en": "sheet",
                "basis": FEE_BASIS,
            },
            {
                "label": "姓名更改紀錄證明書",
                "label_en": "Name-change-history certificate",
                "amount": 15,
                "unit": "張",
                "unit_en": "sheet",
                "basis": FEE_BASIS,
            },
        ],
        "steps": CERTIFICATE_STEPS,
    },
    {
        "slug": "kinship-data",
        "name": "親等關聯資料",
        "name_en": "Kinship data",
        "category": "certificate",
        "summary": (
            "戶政機關依戶籍資料連結親屬關係所提供之證明，用於繼承登記、器官捐贈、人工生殖、"
            "依國籍法第2條取得國籍、法院審判等查證親屬關係之需要，"
            "可向任一戶政事務所申請（戶籍法第65條之1）。"
        ),
        "summary_en": (
            "A statement of family relationships linked from the household records, for "
            "inheritance, organ donation, assisted reproduction, nationality by descent, court "
            "cases and other legal needs; from any office (art. 65-1)."
        ),
        "who_may_apply": (
            "有戶籍法第65條之1所定需求之人；不能親自申請時得以書面委託他人。"
            "僅提供有利害關係之部分。"
        ),
        "who_may_apply_en": (
            "Anyone with one of the needs in art. 65-1; they may authorise someone in writing. "
            "Only the relationships that concern them are given."
        ),
        "processing_note": "依所需查證之親屬範圍而定，請洽承辦人。",
        "cross_office": True,
        "bookable": True,
        "sort_order": 520,
        "legal_references": [
            "戶籍法第65條之1",
            "戶籍法第67條",
            "戶籍法第69條",
            "戶政規費收費標準",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b、§2（親等關聯資料30元，每增加1份15元）",
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://www.bade-hro.tycg.gov.tw/cp.aspx?n=12839",
        ],
        "unverified": [
            "處理期限未查得。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD_OR_PHOTO_ID,
            SEAL,
            {
                "name": "申請目的之證明文件",
                "name_en": "Proof of why you need it",
                "note": "例如辦理繼承登記者，為被繼承人之死亡事實；戶籍資料可查者免附。",
            },
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "親等關聯資料",
                "label_en": "Kinship data",
                "amount": 30,
                "unit": "份",
                "unit_en": "copy",
                "additional_amount": 15,
                "note": "同一申請案第1份30元，每增加1份15元（100年7月1日起）。",
                "basis": FEE_BASIS,
            },
        ],
        "steps": CERTIFICATE_STEPS,
    },
    {
        "slug": "id-card-first",
        "name": "初領國民身分證",
        "name_en": "First national ID card",
        "category": "id_card",
        "summary": (
            "有戶籍國民年滿14歲應申請初領國民身分證，未滿14歲者得申請發給（戶籍法第57條）。"
            "應由本人親自申請（戶籍法第60條），103年7月1日起可向任一戶政事務所申請。"
            "本所並赴轄區國中集體受理。"
        ),
        "summary_en": (
            "Registered citizens must get their first ID card at 14 and may get one earlier (art. "
            "57). Apply in person (art. 60), at any office since 1 July 2014. The office also "
            "takes applications at the township's junior high schools."
        ),
        "who_may_apply": "本人親自申請；未滿14歲者由法定代理人陪同。",
        "who_may_apply_en": "The person, in person; under 14, with a legal representative.",
        "processing_working_days": 0,
        "processing_note": (
            "當日核發；機器故障時核發臨時證明書（國民身分證及戶口名簿格式內容製發相片影像檔建置管理"
            "辦法第23條）。"
        ),
        "cross_office": True,
        "bookable": True,
        "sort_order": 600,
        "legal_references": [
            "戶籍法第57條",
            "戶籍法第60條",
            "戶籍法第61條",
            "國民身分證及戶口名簿格式內容製發相片影像檔建置管理辦法第23條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §2（初領50元）、§4b（當日核發；"
                "初領隨到隨辦）、§6（初領、補領自103年7月1日起得向任一戶政事務所申請）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
            "https://law.moj.gov.tw/LawClass/LawSingle.aspx?flno=23&pcode=D0030030",
            "https://guantian.tainan.gov.tw/News_Content.aspx?n=8986&s=80674",
        ],
        "questions": [
            ASK_UNDER_14,
        ],
        "documents": [
            {
                "name": "戶口名簿正本",
                "name_en": "Household certificate (original)",
                "where_to_get": "由戶長保管",
            },
            PHOTO,
            SEAL,
            LEGAL_REPRESENTATIVE,
        ],
        "fees": [
            {
                "label": "初領國民身分證",
                "label_en": "First national ID card",
                "amount": 50,
                "unit": "張",
                "unit_en": "card",
                "basis": FEE_BASIS,
            },
        ],
        "steps": ID_CARD_STEPS,
    },
    {
        "slug": "id-card-reissue",
        "name": "補領國民身分證",
        "name_en": "ID card reissue (lost or destroyed)",
        "category": "id_card",
        "summary": (
            "國民身分證遺失或滅失時，應申請補領（戶籍法第57條），本人親自向任一戶政事務所申請。"
            "遺失者請先掛失；補發新證後，原證失效。同日第二次補領者先核發臨時證明書，"
            "次一工作日製發新證。"
        ),
        "summary_en": (
            "A lost or destroyed ID card must be reissued (art. 57), in person at any office. "
            "Report the loss first; the old card becomes invalid when the new one is issued. A "
            "second reissue on the same day gets a temporary certificate and the card the next "
            "working day."
        ),
        "who_may_apply": "本人親自申請（戶籍法第60條）；未滿14歲者由法定代理人陪同。",
        "who_may_apply_en": (
            "The person, in person (art. 60); under 14, with a legal representative."
        ),
        "processing_working_days": 0,
        "processing_note": (
            "當日核發；機器故障時核發臨時證明書（國民身分證及戶口名簿格式內容製發相片影像檔建置管理"
            "辦法第23條）。"
        ),
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "sort_order": 20,
        "legal_references": [
            "戶籍法第57條",
            "戶籍法第60條",
            "戶籍法第61條",
            "戶籍法第62條",
            "國民身分證及戶口名簿格式內容製發相片影像檔建置管理辦法第23條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §2（補領200元）、§4b、"
                "§6（補領應備證件、得向任一戶政事務所申請）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
            "https://sshr.gov.taipei/cp.aspx?n=9140630206502640",
            "https://law.moj.gov.tw/LawClass/LawSingle.aspx?flno=23&pcode=D0030030",
            "https://sshr.gov.taipei/cp.aspx?n=B25BA88A20EF7D1D",
        ],
        "questions": [
            ASK_UNDER_14,
        ],
        "documents": [
            {
                "name": "戶口名簿正本",
                "name_en": "Household certificate (original)",
                "alternatives": "護照、駕照等具相片之身分證明文件正本",
                "where_to_get": "由戶長保管",
            },
            PHOTO,
            SEAL,
            LEGAL_REPRESENTATIVE,
        ],
        "fees": [
            {
                "label": "補領國民身分證",
                "label_en": "ID card reissue",
                "amount": 200,
                "unit": "張",
                "unit_en": "card",
                "basis": FEE_BASIS,
            },
        ],
        "steps": [
            {
                "text": "已遺失者先辦理掛失（臨櫃、電話或網路）。",
                "text_en": (
                    "If it is lost, report the loss first (at a counter, by phone or online)."
                ),
            },
            {
                "text": "抽號碼牌，或依預約時間至櫃檯。",
                "text_en": "Take a ticket, or come at your booked time.",
            },
            {
                "text": "櫃檯核對人貌、身分與應備證件。",
                "text_en": "The counter checks your face, identity and documents.",
            },
            {
                "text": "繳納規費，當場製發國民身分證；機器故障時核發臨時證明書。",
                "text_en": (
                    "Pay the fee; the card is made on the spot (a temporary certificate if the "
                    "machines fail)."
                ),
            },
        ],
    },
    {
        "slug": "id-card-replacement",
        "name": "換領國民身分證",
        "name_en": "ID card replacement (damage, new photo, changed data)",
        "category": "id_card",
        "summary": (
            "國民身分證毀損、更換相片或記載事項變更時換領（戶籍法第58條）。"
            "毀損或更換相片者可向任一戶政事務所申請；因戶籍登記致記載事項變更者，"
            "於辦理登記時一併換領。更換相片須本人親自申請。因行政區域調整或門牌整編而換證者免費。"
        ),
        "summary_en": (
            "Replace the card when it is damaged, to change the photo, or when its data change "
            "(art. 58). Damage or a new photo: at any office; changed data: with the registration "
            "that changes them. A new photo needs you in person. Free when the change comes from "
            "re-districting or renumbering."
        ),
        "who_may_apply": "本人親自或以書面委託他人；更換相片者應由本人親自申請（戶籍法第60條）。",
        "who_may_apply_en": (
            "The person, or someone they authorise in writing; a new photo needs the person in "
            "person (art. 60)."
        ),
        "processing_working_days": 0,
        "processing_note": (
            "當日核發；機器故障時核發臨時證明書（國民身分證及戶口名簿格式內容製發相片影像檔建置管理"
            "辦法第23條）。"
        ),
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "sort_order": 30,
        "legal_references": [
            "戶籍法第58條",
            "戶籍法第60條",
            "戶籍法第61條",
            "戶籍法第62條",
            "國民身分證及戶口名簿格式內容製發相片影像檔建置管理辦法第23條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §2（換領50元；"
                "行政區域調整或門牌整編免費）、§4b"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://sahhr.e-land.gov.tw/News_Content.aspx?n=0E4A5457F9812024&sms=24D4F1B081C7825E&s=7CB85E7FBC1BA6F3",
            "https://law.moj.gov.tw/LawClass/LawSingle.aspx?flno=23&pcode=D0030030",
        ],
        "questions": [
            {
                "key": "new_photo",
                "text": "是否更換身分證相片？",
                "text_en": "Are you changing the photo?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "原國民身分證",
                "name_en": "Your current ID card",
                "note": "由本所截角後收回（戶籍法第62條）。",
            },
            {
                "name": "戶口名簿正本",
                "name_en": "Household certificate (original)",
                "where_to_get": "由戶長保管",
            },
            SEAL,
            {
                "name": "最近2年內所攝正面脫帽半身彩色相片1張",
                "name_en": "One colour photo taken in the last 2 years",
                "note": "更換相片者提出，並須本人親自申請；規格為直4.5公分、橫3.5公分。",
                "condition": "new_photo=yes",
            },
            {
                "name": "委託書，及受託人之國民身分證、印章",
                "name_en": "Letter of authorisation, with the agent's ID card and seal",
                "note": "更換相片者不得委託（戶籍法第60條）。",
                "where_to_get": "本所櫃檯索取，或自內政部戶政司網站下載",
                "condition": "by_proxy=yes",
            },
        ],
        "fees": [
            {
                "label": "換領國民身分證",
                "label_en": "ID card replacement",
                "amount": 50,
                "unit": "張",
                "unit_en": "card",
                "note": "因行政區域調整或門牌整編而換證者免費。",
                "basis": FEE_BASIS,
            },
        ],
        "steps": ID_CARD_STEPS,
    },
    {
        "slug": "id-card-loss",
        "name": "國民身分證掛失、撤銷掛失",
        "name_en": "Reporting a lost ID card, or cancelling the report",
        "category": "id_card",
        "summary": (
            "國民身分證遺失時，可親至任一戶政事務所、於上班時間以電話向任一戶政事務所，"
            "或於內政部戶政司網站線上掛失（使用自然人憑證，或免憑證並設定撤銷掛失密碼）；"
            "在國外者可撥打+886-2-81958151。掛失後原證停止使用並登錄於國民身分證領補換資料查詢系統"
            "，補發新證時原證失效。撤銷掛失不得於下班時間以電話辦理。"
        ),
        "summary_en": (
            "Report a lost ID card at any office, by phone to any office in office hours, or "
            "online on the MOI site (with a citizen digital certificate, or without one by setting "
            "a cancellation password); from abroad call +886-2-81958151. The card is suspended and "
            "listed in the public ID-card check; it becomes invalid when a new card is issued. A "
            "report cannot be cancelled by phone outside office hours."
        ),
        "who_may_apply": (
            "電話掛失：年滿18歲者由本人；14歲以上未滿18歲者由本人或法定代理人；"
            "未滿14歲者由法定代理人。電話掛失須留聯絡電話，本所於次一工作日回電確認身分。"
        ),
        "who_may_apply_en": (
            "By phone: 18 and over, the person; 14–17, the person or a legal representative; under "
            "14, a legal representative. A phone report needs a contact number; the office calls "
            "back the next working day to confirm who you are."
        ),
        "processing_working_days": 0,
        "processing_note": "臨櫃及網路掛失即時生效；電話掛失於次一工作日回電確認身分。",
        "cross_office": True,
        "bookable": False,
        "sort_order": 610,
        "legal_references": [
            "戶籍法第57條",
            "戶籍法第62條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1a（#8、#9、#10 "
                "網路掛失與領補換資料查詢）、§6（掛失流程）"
            ),
            "https://sshr.gov.taipei/cp.aspx?n=B25BA88A20EF7D1D",
            "https://www.hdaya.taichung.gov.tw/1551366/post",
            "https://nhhr.gov.taipei/cp.aspx?n=771CCB250F4FDB0D",
            "https://mlhr.miaoli.gov.tw/news_views.php?id=1497494532",
        ],
        "questions": [
            {
                "key": "cancel",
                "text": "您是要撤銷掛失（已找回身分證）嗎？",
                "text_en": "Are you cancelling a loss report (you found the card)?",
            },
        ],
        "documents": [
            {
                "name": "身分證明文件",
                "name_en": "Proof of identity",
                "note": "臨櫃掛失時提出。",
                "alternatives": "戶口名簿、護照、駕照等具相片之證件",
            },
            {
                "name": "已尋獲之國民身分證",
                "name_en": "The ID card you found",
                "note": "臨櫃撤銷掛失時提出；免憑證線上掛失者，線上撤銷須輸入掛失時設定之密碼。",
                "condition": "cancel=yes",
            },
        ],
        "fees": [],
        "steps": [
            {
                "text": "臨櫃、電話（上班時間）或網路掛失。",
                "text_en": "Report at a counter, by phone (office hours) or online.",
            },
            {
                "text": "電話掛失者，本所於次一工作日回電確認身分。",
                "text_en": "For a phone report, the office calls back the next working day.",
            },
            {
                "text": "原證停止使用，掛失資料登錄於領補換資料查詢系統。",
                "text_en": (
                    "The card is suspended and the report goes into the public ID-card check."
                ),
            },
            {
                "text": "本人親自申請補領（200元），新證核發後原證失效。",
                "text_en": (
                    "Apply in person for a reissue (NT$200); the old card is invalid once the new "
                    "one is issued."
                ),
            },
        ],
    },
    {
        "slug": "household-booklet",
        "name": "戶口名簿（初領、補領、換領）",
        "name_en": "Household certificate: first issue, reissue, replacement",
        "category": "certificate",
        "summary": (
            "經戶籍登記之戶應請領戶口名簿，遺失應補領，記載事項變更應換領（戶籍法第57條、第58條）。"
            "初領或全面換領向戶籍地戶政事務所申請；補領、換領得向任一戶政事務所申請（戶籍法第63條）"
            "。新式戶口名簿可替代戶籍謄本，第三人可上網查驗其請領紀錄。"
        ),
        "summary_en": (
            "Every registered household holds a household certificate; it must be reissued when "
            "lost and replaced when its data change (arts. 57, 58). A first issue is made at the "
            "office of the registered address; a reissue or replacement at any office (art. 63). "
            "The new-style certificate can stand in for a transcript, and others can check it "
            "online."
        ),
        "who_may_apply": "戶長親自或以書面委託他人（戶籍法第63條）。",
        "who_may_apply_en": (
            "The head of household, or someone they authorise in writing (art. 63)."
        ),
        "processing_working_days": 0,
        "processing_note": "當場核發。",
        "cross_office": True,
        "bookable": True,
        "sort_order": 620,
        "legal_references": [
            "戶籍法第51條",
            "戶籍法第56條",
            "戶籍法第57條",
            "戶籍法第58條",
            "戶籍法第63條",
            "戶籍法第69條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1a（#13 新式戶口名簿查驗）、"
                "§2（戶口名簿30元）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://sshr.gov.taipei/cp.aspx?n=9140630206502640",
            "https://web.tainan.gov.tw/tnecg/News_Content.aspx?n=10128&sms=12003&s=82506&Create=1",
        ],
        "questions": [
            {
                "key": "replace",
                "text": "是否換領（記載事項變更或毀損）？",
                "text_en": "Are you replacing it (changed data or damage)?",
            },
            ASK_PROXY,
        ],
        "documents": [
            {
                "name": "戶長之國民身分證正本",
                "name_en": "The head of household's ID card (original)",
            },
            {
                "name": "戶長之印章或簽名",
                "name_en": "The head of household's seal or signature",
            },
            {
                "name": "原戶口名簿",
                "name_en": "The current household certificate",
                "note": "換領時繳回。",
                "condition": "replace=yes",
            },
            PROXY_LETTER,
        ],
        "fees": [
            {
                "label": "戶口名簿",
                "label_en": "Household certificate",
                "amount": 30,
                "unit": "本",
                "unit_en": "booklet",
                "basis": FEE_BASIS,
            },
        ],
        "steps": CERTIFICATE_STEPS,
    },
    {
        "slug": "digital-certificate",
        "name": "自然人憑證",
        "name_en": "Citizen digital certificate",
        "category": "digital_certificate",
        "summary": (
            "內政部憑證管理中心簽發之網路身分證（IC卡），可用於網路申辦電子戶籍謄本（免費）、"
            "線上戶籍登記、網路預約與報稅等；線上申請戶籍登記之電子簽章限以自然人憑證為之（戶籍法第"
            "28條）。本人親自至任一戶政事務所申請，當場製發。"
        ),
        "summary_en": (
            "An electronic ID on an IC card from the MOI Certification Authority, for free "
            "electronic transcripts, online registrations and bookings, tax filing and more; "
            "online registration must be signed with it (art. 28). Apply in person at any office; "
            "it is made on the spot."
        ),
        "who_may_apply": "已領有國民身分證之本人親自申請。",
        "who_may_apply_en": "The person holding a national ID card, in person.",
        "processing_working_days": 0,
        "processing_note": "當場製發。",
        "cross_office": True,
        "bookable": True,
        "is_hot": True,
        "sort_order": 70,
        "legal_references": [
            "電子簽章法",
            "戶籍法第28條",
        ],
        "sources": [
            (
                "shared/reference/household-registration.md §1a（電子戶籍謄本、"
                "線上申辦須自然人憑證）、§2（自然人憑證250元）"
            ),
            "https://law.moj.gov.tw/LawClass/LawContent.aspx?PCODE=D0030006",
            "https://bthr.gov.taipei/cp.aspx?n=C47C1D3A62FD17E2",
        ],
        "unverified": [
            "未成年人申請之年齡與法定代理人同意文件、憑證效期，依內政部憑證管理中心規定，本平臺未查證，故未列示。",
        ],
        "questions": [],
        "documents": [
            {
                "name": "國民身分證正本",
                "name_en": "National ID card (original)",
                "note": "本人親自申請。",
            },
        ],
        "fees": [
            {
                "label": "自然人憑證",
                "label_en": "Citizen digital certificate",
                "amount": 250,
                "unit": "張",
                "unit_en": "card",
                "basis": "內政部憑證管理中心收費（非戶政規費）",
            },
        ],
        "steps": [
            {
                "text": "抽號碼牌，或依預約時間至櫃檯。",
                "text_en": "Take a ticket, or come at your booked time.",
            },
            {
                "text": "核對身分，填寫申請書並繳費。",
                "text_en": "Identity check, application form and fee.",
            },
            {
                "text": "當場製卡，本人設定PIN碼後領取。",
                "text_en": "The card is made; you set your PIN and take it.",
            },
        ],
    },
    {
        "slug": "seal-registration",
        "name": "印鑑登記、變更、廢止",
        "name_en": "Seal registration, change or cancellation",
        "category": "seal",
        "summary": (
            "將個人印章登記為印鑑，以便申請印鑑證明；印章遺失或更換時辦理變更，不再使用時辦理廢止。"
            "依印鑑登記辦法，向戶籍地戶政事務所辦理。"
        ),
        "summary_en": (
            "Register your personal seal so you can get seal certificates; change it when the seal "
            "is lost or replaced, cancel it when you no longer use it. Done at the office of your "
            "registered address under the Seal Registration Regulations."
        ),
        "who_may_apply": (
            "本人；委任他人或未成年人、受監護或輔助宣告者之辦理方式依印鑑登記辦法，請先洽本所。"
        ),
        "who_may_apply_en": (
            "The person. For an agent, a minor, or someone under guardianship or assistance, ask "
            "the office first: the Seal Registration Regulations set the rules."
        ),
        "processing_working_days": 0,
        "processing_note": SAME_DAY,
        "cross_office": False,
        "bookable": True,
        "sort_order": 700,
        "legal_references": [
            "印鑑登記辦法",
        ],
        "sources": [
            "shared/reference/household-registration.md §1b、§2（印鑑登記20元，地方規定）",
            "https://www.laws.taipei.gov.tw/Law/LawSearch/LawArticleAmend/FL049364",
        ],
        "unverified": [
            "印鑑規費屬地方自治規費；20元係臺北市、雲林縣之規定，澎湖縣之金額未經查證。",
            "委任他人辦理之要件未查證，故未列示委任文件。",
        ],
        "questions": [
            {
                "key": "change",
                "text": "是辦理印鑑變更或廢止嗎？",
                "text_en": "Are you changing or cancelling a seal?",
            },
        ],
        "documents": [
            ID_CARD,
            {
                "name": "欲登記之印章",
                "name_en": "The seal to be registered",
            },
            {
                "name": "原登記之印鑑章",
                "name_en": "The seal registered before",
                "note": "變更或廢止時提出；遺失者請告知承辦人。",
                "condition": "change=yes",
            },
        ],
        "fees": [
            {
                "label": "印鑑登記（申請、變更、廢止）",
                "label_en": "Seal registration, change or cancellation",
                "amount": 20,
                "unit": "次",
                "unit_en": "time",
                "note": "臺北市等地為每次20元；澎湖縣之金額未經查證。",
                "basis": "縣（市）印鑑規費自治法規",
                "verified": False,
            },
        ],
        "steps": [
            {
                "text": "抽號碼牌，或依預約時間至櫃檯。",
                "text_en": "Take a ticket, or come at your booked time.",
            },
            {
                "text": "櫃檯核對身分與應備證件；缺件者開立一次告知單，一次告知所有應補正事項。",
                "text_en": (
                    "The counter checks your identity and documents; anything missing is listed on "
                    "a one-time notice slip, all at once."
                ),
            },
            {
                "text": "承辦人登打戶籍登記申請書，申請人確認內容後簽名或蓋章。",
                "text_en": "Staff key in the application; you check it and sign or seal it.",
            },
            {
                "text": "完成印鑑登記、變更或廢止，並收取規費。",
                "text_en": "The seal is registered, changed or cancelled and the fee paid.",
            },
        ],
    },
    {
        "slug": "seal-certificate",
        "name": "印鑑證明",
        "name_en": "Seal certificate",
        "category": "seal",
        "summary": "證明印章與登記之印鑑相符，常用於不動產買賣、抵押、繼承等。須先辦妥印鑑登記。",
        "summary_en": (
            "Proves that a seal matches the one registered; used for property sales, mortgages, "
            "inheritance and the like. The seal must be registered first."
        ),
        "who_may_apply": "本人，或經本人委任之受任人。",
        "who_may_apply_en": "The person, or someone they appoint.",
        "processing_working_days": 0,
        "processing_note": "當場核發。",
        "cross_office": False,
        "bookable": True,
        "is_hot": True,
        "sort_order": 90,
        "legal_references": [
            "印鑑登記辦法",
        ],
        "sources": [
            "shared/reference/household-registration.md §2（印鑑證明20元，地方規定）",
            "https://www.laws.taipei.gov.tw/Law/LawSearch/LawArticleAmend/FL049364",
            "https://mailiao.household.yunlin.gov.tw/content/index.aspx?Parser=1%2C4%2C33",
        ],
        "unverified": [
            "印鑑規費屬地方自治規費；20元係臺北市、雲林縣之規定，澎湖縣之金額未經查證。",
            "本人親自申請印鑑證明得否向戶籍地以外之戶政事務所申請未查證；本項標示為向本所申請。",
            "委任申請之應備文件依一般作法列示，以印鑑登記辦法為準。",
        ],
        "questions": [
            ASK_PROXY,
        ],
        "documents": [
            ID_CARD,
            {
                "name": "已登記之印鑑章",
                "name_en": "Your registered seal",
                "note": "本人申請時提出。",
            },
            {
                "name": "委任書，及委任人之國民身分證正本、受任人之國民身分證及印章",
                "name_en": (
                    "Letter of appointment, the appointer's ID card and the agent's ID card and "
                    "seal"
                ),
                "note": "委任書應由委任人親自簽名並加蓋已登記之印鑑。",
                "condition": "by_proxy=yes",
            },
        ],
        "fees": [
            {
                "label": "印鑑證明",
                "label_en": "Seal certificate",
                "amount": 20,
                "unit": "張",
                "unit_en": "sheet",
                "note": "臺北市、雲林縣為每張20元；澎湖縣之金額未經查證。",
                "basis": "縣（市）印鑑規費自治法規",
                "verified": False,
            },
        ],
        "steps": CERTIFICATE_STEPS,
    },
    {
        "slug": "home-service",
        "name": "到府（院）服務",
        "name_en": "Home and hospital visits",
        "category": "home_service",
        "summary": (
            "行動不便無法親自到所者，可預約由本所派員到府或到醫院、安養機構受理戶籍登記及證件申請。"
            "可網路或電話預約。"
        ),
        "summary_en": (
            "If you cannot come to the office, book a visit: staff come to your home, hospital or "
            "care home to take registrations and document applications. Book online or by phone."
        ),
        "who_may_apply": (
            "年滿65歲、重度身心障礙或行動不便者，或家中有6歲以下兒童者等（內政部戶政行動化服務之適"
            "用對象）。"
        ),
        "who_may_apply_en": (
            "People aged 65 or over, with a severe disability or reduced mobility, or with "
            "children under 6 at home (the groups of the MOI mobile household registration "
            "service)."
        ),
        "processing_note": "依預約約定時間派員。",
        "cross_office": False,
        "bookable": True,
        "sort_order": 800,
        "sources": [
            (
                "shared/reference/household-registration.md §6（戶政行動化服務：103年試辦、"
                "105年8月全國實施、適用對象；臺南市安平區3日內派員）"
            ),
            "https://mygonews.com/news/detail/news_id/118619",
            "https://anpinghro.tainan.gov.tw/cp.aspx?n=24473",
        ],
        "unverified": [
            "本所到府服務之適用對象、可辦項目（是否含國民身分證補、換領）及派員時限未查得；臺南市安平區戶政事務所於受理後3日內派員，本所未列數字。",
            "到府服務本身是否另收費用未查證；所辦項目依各該項目規費收取。",
        ],
        "questions": [],
        "documents": [
            {
                "name": "依所申辦項目之應備證件",
                "name_en": "The documents of the service you need",
                "note": "請參閱各該項目之說明；預約時承辦人會一次告知。",
            },
        ],
        "fees": [],
        "steps": [
            {
                "text": "網路或電話預約，說明申辦項目與地點。",
                "text_en": "Book online or by phone, saying what you need and where.",
            },
            {
                "text": "承辦人電話確認申辦項目與應備證件。",
                "text_en": "Staff call to confirm the service and the documents.",
            },
            {
                "text": "依約定時間派員到府（院），核對身分與證件並受理申請。",
                "text_en": (
                    "Staff visit at the agreed time, check identity and documents and take the "
                    "application."
                ),
            },
            {
                "text": "辦妥後交付證件或通知領取。",
                "text_en": "Documents are handed over, or you are told when they are ready.",
            },
        ],
    },
]

# 戶籍罰鍰處罰金額基準表 (2010), line by line; keyed by article + condition.
FINE_RULES = [
    {
        "article": "第79條",
        "offence": "無正當理由未於法定期間申請戶籍登記",
        "offence_en": "Filing a registration late without good reason",
        "condition": "逾期1日至15日",
        "condition_en": "1–15 days late",
        "min_days_late": 1,
        "max_days_late": 15,
        "amount": 300,
        "basis": FINE_BASIS,
        "sort_order": 10,
    },
    {
        "article": "第79條",
        "offence": "無正當理由未於法定期間申請戶籍登記",
        "offence_en": "Filing a registration late without good reason",
        "condition": "逾期16日至30日",
        "condition_en": "16–30 days late",
        "min_days_late": 16,
        "max_days_late": 30,
        "amount": 500,
        "basis": FINE_BASIS,
        "sort_order": 11,
    },
    {
        "article": "第79條",
        "offence": "無正當理由未於法定期間申請戶籍登記",
        "offence_en": "Filing a registration late without good reason",
        "condition": "逾期31日至180日",
        "condition_en": "31–180 days late",
        "min_days_late": 31,
        "max_days_late": 180,
        "amount": 700,
        "basis": FINE_BASIS,
        "sort_order": 12,
    },
    {
        "article": "第79條",
        "offence": "無正當理由未於法定期間申請戶籍登記",
        "offence_en": "Filing a registration late without good reason",
        "condition": "逾期181日以上",
        "condition_en": "181 or more days late",
        "min_days_late": 181,
        "max_days_late": None,
        "amount": 900,
        "basis": FINE_BASIS,
        "sort_order": 13,
    },
    {
        "article": "第79條",
        "offence": "無正當理由未於法定期間申請戶籍登記",
        "offence_en": "Filing a registration late without good reason",
        "condition": "經催告仍不申請",
        "condition_en": "Still not filed after a written reminder",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 900,
        "basis": FINE_BASIS,
        "sort_order": 14,
    },
    {
        "article": "第76條",
        "offence": "故意為不實之申請或提供不實之資料",
        "offence_en": "Knowingly false application or data",
        "condition": "申請人自動申請更正",
        "condition_en": "The applicant corrects it of their own accord",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 3000,
        "basis": (
            "戶籍法第76條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 20,
    },
    {
        "article": "第76條",
        "offence": "故意為不實之申請或提供不實之資料",
        "offence_en": "Knowingly false application or data",
        "condition": "經戶政人員查獲",
        "condition_en": "Found by registration staff",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 6000,
        "basis": (
            "戶籍法第76條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 21,
    },
    {
        "article": "第76條",
        "offence": "故意為不實之申請或提供不實之資料",
        "offence_en": "Knowingly false application or data",
        "condition": "經他人檢舉",
        "condition_en": "Reported by someone else",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 9000,
        "basis": (
            "戶籍法第76條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 22,
    },
    {
        "article": "第77條",
        "offence": "無正當理由拒絕接受戶口調查或查對校正",
        "offence_en": "Refusing a household survey or records check",
        "condition": "拒絕戶口調查或查對校正，第1次通知仍拒絕",
        "condition_en": "Survey or check: refused after the first notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 3000,
        "basis": (
            "戶籍法第77條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 30,
    },
    {
        "article": "第77條",
        "offence": "無正當理由拒絕接受戶口調查或查對校正",
        "offence_en": "Refusing a household survey or records check",
        "condition": "拒絕戶口調查或查對校正，第2次通知仍拒絕",
        "condition_en": "Survey or check: refused after the second notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 6000,
        "basis": (
            "戶籍法第77條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 31,
    },
    {
        "article": "第77條",
        "offence": "無正當理由拒絕接受戶口調查或查對校正",
        "offence_en": "Refusing a household survey or records check",
        "condition": "拒絕戶口調查或查對校正，第3次通知仍拒絕",
        "condition_en": "Survey or check: refused after the third notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 9000,
        "basis": (
            "戶籍法第77條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 32,
    },
    {
        "article": "第77條",
        "offence": "拒絕提供查證戶籍登記事項之資料",
        "offence_en": "Refusing to provide data to verify a registration",
        "condition": "拒絕提供查證資料，第1次通知仍拒絕",
        "condition_en": "Verification data: refused after the first notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 3000,
        "basis": (
            "戶籍法第77條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 33,
    },
    {
        "article": "第77條",
        "offence": "拒絕提供查證戶籍登記事項之資料",
        "offence_en": "Refusing to provide data to verify a registration",
        "condition": "拒絕提供查證資料，第2次通知仍拒絕",
        "condition_en": "Verification data: refused after the second notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 6000,
        "basis": (
            "戶籍法第77條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 34,
    },
    {
        "article": "第77條",
        "offence": "拒絕提供查證戶籍登記事項之資料",
        "offence_en": "Refusing to provide data to verify a registration",
        "condition": "拒絕提供查證資料，第3次通知仍拒絕",
        "condition_en": "Verification data: refused after the third notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 9000,
        "basis": (
            "戶籍法第77條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 35,
    },
    {
        "article": "第78條",
        "offence": "醫療機構未依規定通報死亡資料",
        "offence_en": "A medical institution reporting a death late",
        "condition": "逾期1日至15日",
        "condition_en": "1–15 days late",
        "min_days_late": 1,
        "max_days_late": 15,
        "amount": 1000,
        "basis": (
            "戶籍法第78條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 40,
    },
    {
        "article": "第78條",
        "offence": "醫療機構未依規定通報死亡資料",
        "offence_en": "A medical institution reporting a death late",
        "condition": "逾期16日至30日",
        "condition_en": "16–30 days late",
        "min_days_late": 16,
        "max_days_late": 30,
        "amount": 1500,
        "basis": (
            "戶籍法第78條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 41,
    },
    {
        "article": "第78條",
        "offence": "醫療機構未依規定通報死亡資料",
        "offence_en": "A medical institution reporting a death late",
        "condition": "逾期31日至180日",
        "condition_en": "31–180 days late",
        "min_days_late": 31,
        "max_days_late": 180,
        "amount": 2000,
        "basis": (
            "戶籍法第78條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 42,
    },
    {
        "article": "第78條",
        "offence": "醫療機構未依規定通報死亡資料",
        "offence_en": "A medical institution reporting a death late",
        "condition": "逾期181日以上",
        "condition_en": "181 or more days late",
        "min_days_late": 181,
        "max_days_late": None,
        "amount": 3000,
        "basis": (
            "戶籍法第78條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 43,
    },
    {
        "article": "第80條",
        "offence": "戶長未依規定提供戶口名簿",
        "offence_en": "Head of household refusing to produce the household certificate",
        "condition": "第1次通知仍拒絕",
        "condition_en": "Refused after the first notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 1000,
        "basis": (
            "戶籍法第80條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 50,
    },
    {
        "article": "第80條",
        "offence": "戶長未依規定提供戶口名簿",
        "offence_en": "Head of household refusing to produce the household certificate",
        "condition": "第2次通知仍拒絕",
        "condition_en": "Refused after the second notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 2000,
        "basis": (
            "戶籍法第80條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 51,
    },
    {
        "article": "第80條",
        "offence": "戶長未依規定提供戶口名簿",
        "offence_en": "Head of household refusing to produce the household certificate",
        "condition": "第3次通知仍拒絕",
        "condition_en": "Refused after the third notice",
        "min_days_late": None,
        "max_days_late": None,
        "amount": 3000,
        "basis": (
            "戶籍法第80條；戶籍罰鍰處罰金額基準表（內政部99年9月17日台內戶字第0990186657號函修正）"
        ),
        "sort_order": 52,
    },
]

# Who answers for each category at the demo office; the numbers are the demo
# office's extensions (see huzheng.core.demo), not yet confirmed.
CONTACT_OFFICE = "huxi"
CONTACTS_BY_CATEGORY = {
    "registration": {
        "title": "戶籍登記承辦人",
        "phone": "06-9921145#21",
    },
    "house_number": {
        "title": "門牌承辦人",
        "phone": "06-9921145#21",
    },
    "nationality": {
        "title": "國籍業務承辦人",
        "phone": "06-9921145#21",
    },
    "id_card": {
        "title": "國民身分證櫃檯",
        "phone": "06-9921145#22",
    },
    "certificate": {
        "title": "謄本及證明櫃檯",
        "phone": "06-9921145#22",
    },
    "digital_certificate": {
        "title": "自然人憑證櫃檯",
        "phone": "06-9921145#22",
    },
    "seal": {
        "title": "印鑑櫃檯",
        "phone": "06-9921145#22",
    },
    "home_service": {
        "title": "到府服務預約（主任室）",
        "phone": "06-9921145#10",
    },
}
