"""The online services and tools as documents of the index (線上服務): a citizen who
types the task — 身分證掉了, 預約, 案件查詢, 要帶什麼, 門牌 — finds the tool that does it.
Each has a title, a summary and the keywords people use for the task (ranked with the
title). Every e-form is a document of its own (sources.eform_documents)."""

from django.urls import NoReverseMatch, reverse

from huzheng.search.registry import Document
from huzheng.search.taxonomy import DocumentType, Policy, ServiceCategory, Topic

TOOLS = "tools"

# (url name, args, title, summary, keywords, topic, service category)
_TOOLS = [
    (
        "idcards:report_lost",
        (),
        "國民身分證線上掛失",
        "身分證遺失或被竊，立即在網路上辦理掛失，避免被冒用。",
        [
            "身分證掛失",
            "身分證遺失",
            "身分證不見",
            "身分證掉了",
            "掛失",
            "遺失",
            "被偷",
            "lost ID card",
        ],
        Topic.ID_CARD,
        ServiceCategory.ID_CARD,
    ),
    (
        "idcards:validity",
        (),
        "國民身分證有效性查詢",
        "查詢一張國民身分證是否仍然有效（是否已掛失或換發）。",
        ["身分證真偽", "身分證有效", "查驗身分證", "ID card validity"],
        Topic.ID_CARD,
        ServiceCategory.ID_CARD,
    ),
    (
        "idcards:issue_status",
        (),
        "身分證換發進度查詢",
        "查詢國民身分證申請、換發或補領的辦理進度。",
        ["身分證進度", "換發進度", "補領進度", "ID card status"],
        Topic.ID_CARD,
        ServiceCategory.ID_CARD,
    ),
    (
        "appointments:index",
        (),
        "線上預約臨櫃服務",
        "預約到戶政事務所臨櫃辦理的日期與時段，免現場久候。",
        ["預約", "線上預約", "預約掛號", "預約辦理", "網路預約", "booking", "appointment", "book"],
        Topic.CONVENIENCE,
        None,
    ),
    (
        "appointments:manage",
        (),
        "查詢、取消或更改預約",
        "以預約代號查詢、取消或改期已預約的臨櫃服務。",
        ["取消預約", "更改預約", "改期", "預約查詢", "cancel booking"],
        Topic.CONVENIENCE,
        None,
    ),
    (
        "cases:query",
        (),
        "案件進度查詢",
        "以案件編號查詢申請案件的辦理進度，並可設定完成通知。",
        ["案件查詢", "進度查詢", "辦理進度", "辦好了沒", "case progress", "case status"],
        Topic.CONVENIENCE,
        None,
    ),
    (
        "catalog:checklist",
        (),
        "應備文件檢核（要帶什麼）",
        "回答幾個問題，列出臨櫃辦理時要帶的證件與文件。",
        [
            "要帶什麼",
            "應備文件",
            "應備證件",
            "帶什麼證件",
            "攜帶文件",
            "準備文件",
            "checklist",
            "what to bring",
        ],
        Topic.CONVENIENCE,
        None,
    ),
    (
        "addresses:house_search",
        (),
        "門牌查詢",
        "查詢門牌地址、所屬村里鄰與門牌編釘資料。",
        ["門牌查詢", "門牌", "地址查詢", "村里", "鄰", "house number", "address"],
        Topic.HOUSE_NUMBERS,
        ServiceCategory.HOUSE_NUMBER,
    ),
    (
        "catalog:table",
        ("fees",),
        "規費標準表",
        "各項戶政服務的規費（收費）一覽。",
        ["規費", "費用", "收費", "多少錢", "fees"],
        Topic.CONVENIENCE,
        None,
    ),
    (
        "catalog:table",
        ("time-limits",),
        "處理期限表",
        "各項戶政服務的處理期限一覽。",
        ["處理期限", "多久", "幾天", "處理時間", "processing time"],
        Topic.CONVENIENCE,
        None,
    ),
    (
        "catalog:table",
        ("fines",),
        "罰鍰金額基準表",
        "逾期申請戶籍登記的罰鍰金額基準。",
        ["罰鍰", "罰款", "逾期", "遲報", "fine", "late"],
        Topic.REGISTRATION,
        None,
    ),
    (
        "catalog:table",
        ("guides",),
        "申請須知一覽表",
        "各項戶政服務的申請人、應備文件與期限一覽。",
        ["申請須知", "一覽表", "應備文件", "guides"],
        Topic.CONVENIENCE,
        None,
    ),
    (
        "catalog:service_list",
        (),
        "戶政服務項目",
        "所有戶政服務：登記、身分證、謄本與證明、門牌、國籍、印鑑。",
        ["服務項目", "辦什麼", "services"],
        Topic.CONVENIENCE,
        None,
    ),
]


def tool_documents():
    for name, args, title, summary, keywords, topic, category in _TOOLS:
        try:
            url = reverse(name, args=args)
        except NoReverseMatch:  # a tool whose app is not installed here
            continue
        yield Document(
            key=f"tool:{name}:{'-'.join(args)}".rstrip(":-"),
            title=title,
            url=url,
            type=DocumentType.TOOL,
            summary=summary,
            names=keywords,
            topics=[topic],
            policies=[Policy.CITIZEN_SERVICE],
            services=[category] if category else [],
            audiences=["general"],
        )
