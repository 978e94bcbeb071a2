"""Demo site: the home page, an introduction, and the four policy pages of the footer.

Idempotent: a page is created only when no page with its slug exists under home, so an
editor's changes survive the next `make run`.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Site

from huzheng.catalog import demo as catalog_demo
from huzheng.catalog.models import RegistrationService
from huzheng.core.demo import ensure_wagtail_roots
from huzheng.core.models import Office
from huzheng.site.models import (
    AgencyPage,
    AgencyUnit,
    ContentPage,
    DisclosureLink,
    DisclosurePage,
    FaqEntry,
    FaqPage,
    HomePage,
    LawIndexPage,
    LawPage,
    LawRelatedService,
    NewsAttachment,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
)

HOME_INTRO = (
    "<p>歡迎來到湖西鄉戶政事務所。在這裡可以查看服務時間、申辦須知與線上服務；"
    "來所辦理前，也可以先確認需要攜帶的證件，一次就辦好。</p>"
)


HOME_INTRO_EN = (
    "<p>Welcome to the Huxi Household Registration Office. Here you can see our service "
    "hours, what each application needs and the services you can use online; check what "
    "to bring before you come, and get it done in one visit.</p>"
)


def _h(text):
    return {"type": "heading", "value": text}


def _p(html):
    return {"type": "paragraph", "value": html}


PAGES = [
    {
        "slug": "about",
        "title": "本所簡介",
        "summary": "湖西鄉戶政事務所的服務理念與服務項目。",
        "show_in_menus": True,
        "body": [
            _h("服務理念"),
            _p(
                "<p>本所秉持以顧客為導向之服務理念，推動單一窗口「One Ticket」一處收件全程服務，"
                "塑造專業、便民、高效率的機關形象。</p>"
            ),
            _h("服務項目"),
            _p(
                "<ul><li>戶籍登記（出生、死亡、結婚、離婚、遷徙、認領、收養等）</li>"
                "<li>國民身分證、戶口名簿之初領、補領與換領</li><li>戶籍謄本、門牌證明之核發</li>"
                "<li>印鑑登記與印鑑證明</li><li>自然人憑證申辦</li><li>門牌初編與改編</li>"
                "<li>到府服務（行動不便民眾）</li></ul>"
            ),
            _h("展示資料說明"),
            _p("<p>本網站目前為展示版本，人員、案件與統計數字皆為虛構，地址與電話尚待查證。</p>"),
        ],
    },
    {
        "slug": "privacy",
        "title": "隱私權保護政策",
        "summary": "本網站如何蒐集、處理、利用及保護您的個人資料。",
        "role": "privacy_page",
        "body": [
            _h("適用範圍"),
            _p(
                "<p>本政策適用於您在本網站及線上服務（預約、案件查詢、意見信箱等）提供之個人資料，"
                "依「個人資料保護法」規定辦理。</p>"
            ),
            _h("蒐集之目的與項目"),
            _p(
                "<p>本所僅為辦理您申請之服務（戶政業務、預約、通知與回覆）蒐集必要之個人資料，"
                "例如姓名、國民身分證統一編號、出生日期、電話與電子郵件，並不作其他用途。</p>"
            ),
            _h("身分證統一編號之保護"),
            _p(
                "<p>身分證統一編號以金鑰雜湊值供查詢比對，並以加密方式儲存，系統不保存明文；"
                "對外僅顯示遮蔽後之號碼（例如 A12****78*，不顯示檢查碼）。"
                "承辦人員每一次讀取或修改個人資料，"
                "均寫入不可修改之稽核紀錄。</p>"
            ),
            _h("保存期限"),
            _p("<p>個人資料依業務需要及相關法令所定之保存期限保存，期滿即予刪除或銷毀。</p>"),
            _h("Cookie 之使用"),
            _p(
                "<p>本網站僅使用維持語言選擇、登入狀態與防止偽造請求所需之 Cookie，"
                "不使用廣告或追蹤 Cookie。</p>"
            ),
            _h("您的權利"),
            _p(
                "<p>您可依個人資料保護法第3條，請求查詢、閱覽、製給複製本、補充或更正、"
                "停止蒐集處理利用或刪除您的個人資料。請洽本所電話或電子郵件。</p>"
            ),
        ],
    },
    {
        "slug": "security",
        "title": "資訊安全政策",
        "summary": "本所保護網站與資料安全之作法。",
        "role": "security_page",
        "body": [
            _h("目標"),
            _p("<p>確保本所資訊資產之機密性、完整性與可用性，使民眾能安心使用線上服務。</p>"),
            _h("作法"),
            _p(
                "<ul><li>網站全程以 HTTPS 加密傳輸。</li>"
                "<li>依職務（主任、承辦人、櫃檯、網站管理）給予最小必要權限。</li>"
                "<li>個人資料加密儲存，並記錄人員之讀取與異動。</li>"
                "<li>定期備份資料庫並演練還原。</li>"
                "<li>發生資安事件時，依規定通報並儘速處理。</li></ul>"
            ),
            _h("民眾注意事項"),
            _p(
                "<p>本所不會以電子郵件或簡訊要求您提供密碼或金融帳號。如收到可疑訊息，請來電查證。</p>"
            ),
        ],
    },
    {
        "slug": "open-data",
        "title": "政府網站資料開放宣告",
        "summary": "本網站資料之授權與利用方式。",
        "role": "open_data_page",
        "body": [
            _h("授權方式"),
            _p(
                "<p>為利各界利用政府資料，本網站上刊載之所有資料與素材，其著作財產權屬本所者，"
                "均以「政府資料開放授權條款－第1版」釋出，您得不限目的、時間及地域，"
                "非專屬、不可撤回、免授權金方式利用。</p>"
            ),
            _h("姓名標示"),
            _p("<p>利用時請標示資料來源：「澎湖縣湖西鄉戶政事務所」。</p>"),
            _h("例外"),
            _p(
                "<p>網站中由第三人提供或標示其他授權方式之內容、機關標誌及個人資料，不在本宣告範圍內。</p>"
            ),
            _h("機器可讀格式"),
            _p(
                "<p>申辦須知、規費、罰鍰與處理期限等表格提供 CSV 與 JSON 下載，"
                "並可經由本網站之開放 API（/api/v1/）取得。</p>"
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "無障礙聲明",
        "summary": "本網站之無障礙設計與檢測方式。",
        "role": "accessibility_page",
        "body": [
            _h("遵循標準"),
            _p("<p>本網站依「網站無障礙規範」設計，以符合 WCAG 2.1 AA 等級為目標。</p>"),
            _h("我們的作法"),
            _p(
                "<ul><li>每一次程式更新，均以自動化瀏覽器測試（axe-core）檢查所有公開頁面。</li>"
                "<li>所有功能皆可僅以鍵盤操作，並提供「跳至主要內容」連結。</li>"
                "<li>放大至 200% 時內容仍完整可讀，並提供列印樣式。</li>"
                "<li>跑馬燈等動態內容可暫停。</li></ul>"
            ),
            _h("意見回饋"),
            _p("<p>如您在使用上遇到困難，歡迎來電或寫信告訴我們，我們將儘速改善。</p>"),
        ],
    },
]


# The demo pages' titles in English, for the menus and headings of the English site.
ENGLISH_TITLES = {
    "home": "Huxi Household Registration Office",
    "about": "About the office",
    "privacy": "Privacy policy",
    "security": "Information security policy",
    "open-data": "Open data statement",
    "accessibility": "Accessibility statement",
    "news": "News",
    "laws": "Laws and interpretations",
    "faq": "Frequently asked questions",
    "organisation": "Organisation and phone numbers",
    "disclosure": "Government information disclosure",
}


@transaction.atomic
def seed():
    home = _home_page()
    settings = SiteSettings.for_site(_default_site(home))
    office = Office.objects.filter(code="huxi").first()
    if settings.office_id is None and office is not None:
        settings.office = office
    for spec in PAGES:
        page = _child_page(home, spec)
        role = spec.get("role")
        if role and getattr(settings, f"{role}_id") is None:
            setattr(settings, role, page)
    settings.save()
    seed_pages(home)
    _english_titles(home)


def _english_titles(home):
    """Give the demo's pages their English titles where nobody has set one: a page
    seeded before English titles existed gets it too, an editor's own is kept."""
    pages = [home, *home.get_children()]
    for page in pages:
        page = page.specific
        english = ENGLISH_TITLES.get(page.slug)
        changed = False
        if english and hasattr(page, "title_en") and not page.title_en:
            page.title_en = english
            changed = True
        if isinstance(page, HomePage) and not page.intro_en:
            page.intro_en = HOME_INTRO_EN
            changed = True
        if changed:
            page.save_revision().publish()


def _home_page():
    existing = HomePage.objects.first()
    if existing is not None:
        return existing
    root = ensure_wagtail_roots()
    # Wagtail's install leaves a placeholder "Welcome" page with the slug "home".
    for placeholder in (
        root.get_children().filter(slug="home").exclude(content_type__model="homepage")
    ):
        placeholder.slug = f"wagtail-placeholder-{placeholder.pk}"
        placeholder.save()
    home = root.add_child(
        instance=HomePage(title="湖西鄉戶政事務所", slug="home", intro=HOME_INTRO, seo_title="首頁")
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="湖西鄉戶政事務所",
        )
    else:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "湖西鄉戶政事務所"
        site.save()
        if old_root.pk != home.pk and old_root.slug.startswith("wagtail-placeholder-"):
            old_root.delete()
    return home


def _default_site(home):
    return Site.objects.get(root_page=home)


def _child_page(home, spec):
    existing = home.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    page = home.add_child(
        instance=ContentPage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            body=spec["body"],
            show_in_menus=spec.get("show_in_menus", False),
        )
    )
    page.save_revision().publish()
    return page


# --- News, laws, disclosure, FAQ and the agency page (issue 4) ----------------------------

UNVERIFIED = "（本則條文／文號為展示用摘要，尚待與全國法規資料庫逐字查證。）"

NEWS = [
    {
        "slug": "lunar-new-year-hours",
        "title": "春節連假期間服務時間公告",
        "category": "announcement",
        "days_ago": 3,
        "summary": "春節連假期間暫停臨櫃服務，連假前後一日櫃檯延長服務至17時30分。（展示資料）",
        "body": "<p>春節連假期間本所暫停臨櫃服務；連假前後一日櫃檯延長服務至下午5時30分，"
        "歡迎多加利用。急需辦理死亡登記者，請洽鄉公所值班人員。（展示資料）</p>",
        "attachment": True,
    },
    {
        "slug": "new-id-card-reminder",
        "title": "國民身分證遺失請儘速申請補領",
        "category": "latest",
        "days_ago": 10,
        "summary": "國民身分證遺失時，可線上或臨櫃申報遺失，並持相片與證件至戶政事務所補領。",
        "body": "<p>國民身分證遺失時，請儘速申報遺失，以免遭人冒用。補領時請攜帶最近二年內"
        "相片一張及其他身分證明文件，規費新臺幣200元。</p>",
    },
    {
        "slug": "village-outreach-service",
        "title": "本所至各村辦理行動戶政服務",
        "category": "activity",
        "days_ago": 20,
        "summary": "本所於各村活動中心提供行動戶政服務，行動不便民眾可申請到府服務。（展示資料）",
        "body": "<p>為便利偏遠村落及行動不便民眾，本所每月安排至各村活動中心提供行動戶政服務，"
        "日期另行公告。（展示資料）</p>",
    },
    {
        "slug": "service-quality-press-release",
        "title": "湖西鄉戶政事務所推動單一窗口一處收件全程服務",
        "category": "press_release",
        "days_ago": 30,
        "summary": "民眾在單一櫃檯即可辦妥戶籍登記、身分證與謄本等申請。（展示資料）",
        "body": "<p>本所推動單一窗口「One Ticket」一處收件全程服務，民眾在同一櫃檯即可辦妥"
        "戶籍登記、國民身分證及戶籍謄本等申請，減少往返奔波。（展示資料）</p>",
    },
    {
        "slug": "registration-deadline-awareness",
        "title": "戶籍登記請於法定期間內申請，逾期將處罰鍰",
        "category": "legal_awareness",
        "days_ago": 45,
        "summary": "戶籍登記應於事件發生或確定後30日內申請；出生登記至遲60日內。",
        "body": "<p>依戶籍法第48條，戶籍登記之申請應於事件發生或確定後30日內為之，"
        "出生登記至遲應於60日內為之。無正當理由逾期申請者，依戶籍法第79條處新臺幣300元"
        "以上900元以下罰鍰。</p>",
    },
    {
        "slug": "scheduled-holiday-notice",
        "title": "（預約發布）下月戶政系統維護暫停服務公告",
        "category": "announcement",
        "days_ago": -7,
        "scheduled": True,
        "summary": "系統維護期間暫停線上申辦。（展示資料：本則設定為未來發布）",
        "body": "<p>本則消息設定於未來日期自動發布。（展示資料）</p>",
    },
    {
        "slug": "expired-typhoon-notice",
        "title": "（已下架）颱風停止上班期間服務說明",
        "category": "latest",
        "days_ago": 60,
        "expired": True,
        "summary": "本則消息已過下架時間，不在消息列表中顯示。（展示資料）",
        "body": "<p>颱風停止上班期間暫停臨櫃服務。（展示資料）</p>",
    },
]

LAWS = [
    {
        "slug": "household-registration-act-6",
        "title": "戶籍法 第6條（出生登記）",
        "kind": "law",
        "law_name": "戶籍法",
        "article": "第6條",
        "agency": "內政部",
        "issued_on": dt.date(2015, 1, 21),
        "text": "在國內出生未滿十二歲之國民，應為出生登記。" + UNVERIFIED,
        "services": ["birth"],
    },
    {
        "slug": "household-registration-act-16",
        "title": "戶籍法 第16條（遷徙登記）",
        "kind": "law",
        "law_name": "戶籍法",
        "article": "第16條",
        "agency": "內政部",
        "issued_on": dt.date(2015, 1, 21),
        "text": "遷出原鄉（鎮、市、區）三個月以上，應為遷出登記。但法律另有規定、因服兵役、"
        "國內就學、入矯正機關收容、入住長期照顧機構或其他類似場所者，得不為遷出登記。" + UNVERIFIED,
        "services": ["move-out", "move-in"],
    },
    {
        "slug": "household-registration-act-48",
        "title": "戶籍法 第48條（登記申請期限）",
        "kind": "law",
        "law_name": "戶籍法",
        "article": "第48條",
        "agency": "內政部",
        "issued_on": dt.date(2015, 1, 21),
        "text": "戶籍登記之申請，應於事件發生或確定後三十日內為之。但出生登記至遲應於"
        "六十日內為之。" + UNVERIFIED,
        "services": ["birth", "marriage", "move-in"],
    },
    {
        "slug": "household-registration-act-79",
        "title": "戶籍法 第79條（逾期申請之罰鍰）",
        "kind": "law",
        "law_name": "戶籍法",
        "article": "第79條",
        "agency": "內政部",
        "issued_on": dt.date(2015, 1, 21),
        "text": "無正當理由未於法定期間為登記之申請者，處新臺幣三百元以上九百元以下罰鍰；"
        "經催告而仍不為申請者，處新臺幣九百元罰鍰。" + UNVERIFIED,
        "services": ["birth", "move-in"],
    },
    {
        "slug": "enforcement-rules-transcripts",
        "title": "戶籍法施行細則（戶籍謄本之申請）",
        "kind": "regulation",
        "law_name": "戶籍法施行細則",
        "article": "第19條（條次尚待查證）",
        "agency": "內政部",
        "issued_on": dt.date(2015, 6, 15),
        "text": "本人或利害關係人得向任一戶政事務所申請戶籍謄本；申請時應繳驗身分證明文件。"
        "（本則條次與內容為展示用摘要，尚待查證。）",
        "services": ["household-transcript"],
    },
    {
        "slug": "interpretation-id-card-photo",
        "title": "國民身分證相片規格之函釋（展示）",
        "kind": "interpretation",
        "law_name": "國民身分證及戶口名簿製發相片影像檔建置管理辦法",
        "article": "",
        "agency": "內政部",
        "document_number": "台內戶字第0000000000號（展示用文號，非真實文號）",
        "issued_on": dt.date(2024, 3, 8),
        "text": "申請國民身分證所附相片，應為最近二年內所攝之正面、脫帽、露耳、嘴巴閉合、"
        "五官清晰之彩色照片。（本則為展示用函釋，文號與內容尚待查證。）",
        "services": ["id-card-reissue", "id-card-replacement"],
    },
    {
        "slug": "interpretation-cross-office-transcript",
        "title": "跨所申請戶籍謄本之函釋（展示）",
        "kind": "interpretation",
        "law_name": "戶籍法",
        "article": "第65條",
        "agency": "澎湖縣政府",
        "document_number": "府民戶字第0000000000號（展示用文號，非真實文號）",
        "issued_on": dt.date(2023, 9, 1),
        "text": "民眾得向任一戶政事務所申請戶籍謄本，受理機關不得要求回戶籍地申請。"
        "（本則為展示用函釋，文號與內容尚待查證。）",
        "services": ["household-transcript"],
    },
]

FAQ = [  # (service slug or None, question, answer, source kept for review, never shown)
    (
        "id-card-reissue",
        "身分證遺失了，要帶什麼去補領？",
        '<p>請先<a href="/idcards/lost/">線上掛失</a>，再攜帶最近二年內所攝之彩色正面相片一張'
        "（白色背景、脫帽、露耳、嘴巴閉合，頭部長度3.2至3.6公分，不得配戴有色眼鏡）"
        "及其他足資證明身分之文件（如駕照、護照），規費新臺幣200元。可至任一戶政事務所辦理。</p>",
        "戶政規費收費標準第3條；國民身分證相片規格（內政部）",
    ),
    (
        "id-card-reissue",
        "補領身分證要多久？",
        "<p>資料齊全時當場辦妥，約需30分鐘。（展示資料）</p>",
        "國民身分證及戶口名簿格式內容製發相片影像檔建置管理辦法第23條",
    ),
    (
        "household-transcript",
        "可以在別的鄉鎮申請戶籍謄本嗎？",
        "<p>可以。戶籍謄本可向任一戶政事務所申請，也可以自然人憑證線上申請。</p>",
        "戶籍法第65條、第66條",
    ),
    (
        "move-in",
        "搬家後多久內要辦遷入登記？",
        "<p>遷入他鄉（鎮、市、區）3個月以上者，應於遷入滿3個月後30日內申請，逾期處罰鍰。</p>",
        "戶籍法第17條、第48條第1項、第79條",
    ),
    (
        "birth",
        "小孩出生後多久內要辦出生登記？",
        "<p>出生登記至遲應於出生後60日內申請（戶籍法第48條）。</p>",
        "戶籍法第48條第1項但書",
    ),
    (
        None,
        "可以先預約再到戶政事務所嗎？",
        '<p>可以。部分服務提供<a href="/appointments/">線上預約</a>，預約時段到所可優先辦理。</p>',
        "本所服務品質計畫（線上預約）",
    ),
]

UNITS = [
    ("主任", "綜理所務，督導各項戶政業務。"),
    ("戶籍登記股（展示）", "各項戶籍登記、國民身分證與戶口名簿、戶籍謄本、印鑑登記。"),
    ("行政股（展示）", "門牌編釘、人口統計、文書、總務與網站維護。"),
]

BUS_INFO = (
    "<p>搭乘澎湖縣公車往湖西方向之路線，於「湖西」站下車，步行約5分鐘可達本所。</p>"
    "<p>（公車路線、站名與班次尚未查證，請以澎湖縣公共車船管理處公告為準。）</p>"
)


def seed_pages(home):
    """The news, laws, disclosure, FAQ and agency pages, with their content."""
    # Laws and questions link to catalog services, and the catalog seeds after this app;
    # its seed is idempotent, so running it first here costs nothing later.
    catalog_demo.seed()
    news_index = _index(home, NewsIndexPage, "news", "最新消息", "本所最新消息、公告與活動。")
    for spec in NEWS:
        _news(news_index, spec)
    law_index = _index(
        home,
        LawIndexPage,
        "laws",
        "法規命令與函釋",
        "戶政相關法律、法規命令與解釋函令，可依關鍵字、類別、發布機關及年度查詢。",
    )
    for spec in LAWS:
        _law(law_index, spec)
    faq = _faq(home)
    agency = _agency(home)
    _disclosure(home, news_index, law_index, agency, faq)


def _index(home, model, slug, title, intro):
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = home.add_child(
        instance=model(title=title, slug=slug, intro=f"<p>{intro}</p>", show_in_menus=True)
    )
    page.save_revision().publish()
    return page


def _news(index, spec):
    if index.get_children().filter(slug=spec["slug"]).exists():
        return
    now = timezone.now()
    day = timezone.localdate() - dt.timedelta(days=spec["days_ago"])
    page = NewsPage(
        title=spec["title"],
        slug=spec["slug"],
        category=spec["category"],
        date=day,
        summary=spec["summary"],
        body=[{"type": "paragraph", "value": spec["body"]}],
    )
    if spec.get("scheduled"):
        page.live = False
        page.go_live_at = now + dt.timedelta(days=-spec["days_ago"])
    if spec.get("expired"):
        page.live = False
        page.expired = True
        page.expire_at = now - dt.timedelta(days=1)
    index.add_child(instance=page)
    if spec.get("attachment"):
        page.attachments.add(NewsAttachment(document=_demo_document(), title="服務時間表（展示）"))
        page.save()
    revision = page.save_revision()
    if not spec.get("expired"):
        revision.publish()


def _demo_document():
    title = "春節服務時間表（展示）"
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    content = "春節連假期間服務時間（展示資料）\n連假前後一日：08:00–17:30\n".encode()
    document = Document(title=title)
    document.file.save("demo-new-year-hours.txt", ContentFile(content), save=False)
    document.save()
    return document


def _law(index, spec):
    if index.get_children().filter(slug=spec["slug"]).exists():
        return
    page = LawPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        law_name=spec["law_name"],
        article=spec["article"],
        agency=spec["agency"],
        document_number=spec.get("document_number", ""),
        issued_on=spec["issued_on"],
        full_text=spec["text"],
    )
    for slug in spec["services"]:
        service = RegistrationService.objects.filter(slug=slug).first()
        if service is not None:
            page.related_services.add(LawRelatedService(service=service))
    index.add_child(instance=page)
    page.save_revision().publish()


def _faq(home):
    existing = home.get_children().filter(slug="faq").first()
    if existing is not None:
        return existing.specific
    page = FaqPage(
        title="常見問答",
        slug="faq",
        intro="<p>民眾最常詢問的問題，依申辦項目分類。</p>",
        show_in_menus=True,
    )
    for service_slug, question, answer, source in FAQ:
        service = None
        if service_slug:
            service = RegistrationService.objects.filter(slug=service_slug).first()
        page.entries.add(FaqEntry(question=question, answer=answer, service=service, source=source))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _agency(home):
    existing = home.get_children().filter(slug="organisation").first()
    if existing is not None:
        return existing.specific
    # The staff phone list on the page comes from the demo staff's profiles (core.demo).
    page = AgencyPage(
        title="組織與聯絡電話",
        slug="organisation",
        intro="<p>本所隸屬澎湖縣政府，辦理湖西鄉各項戶政業務。以下人員姓名皆為虛構之展示資料。</p>",
        bus_info=BUS_INFO,
        show_in_menus=True,
    )
    for name, duties in UNITS:
        page.units.add(AgencyUnit(name=name, duties=duties))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


# Where each category of 政府資訊公開法 第7條第1項 points in the demo.
DISCLOSURE_LINKS = [
    ("laws", "戶政法規命令", "laws_index", ""),
    (
        "laws",
        "全國法規資料庫：戶籍法",
        None,
        "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0030006",
    ),
    ("interpretations", "解釋函令", "laws_index", ""),
    ("organisation", "本所組織、職掌與聯絡方式", "agency", ""),
    ("guidance", "戶籍登記法令宣導", "news", ""),
    ("plans", "提升服務品質執行計畫（展示）", "about", ""),
    ("plans", "內政部戶政司人口統計資料", None, "https://www.ris.gov.tw/app/portal/346"),
    ("budgets", "澎湖縣總預算及決算（澎湖縣政府主計處）", None, "https://www.penghu.gov.tw/"),
    ("petitions", "本所受理請願與訴願情形（展示）", "faq", ""),
    ("contracts", "政府電子採購網：決標公告", None, "https://web.pcc.gov.tw/"),
    ("subsidies", "本所支付或接受之補助（展示：目前無）", "about", ""),
    ("meetings", "本所無合議制機關之會議紀錄（展示）", "about", ""),
]


def _disclosure(home, news_index, law_index, agency, faq):
    if home.get_children().filter(slug="disclosure").exists():
        return
    targets = {
        "laws_index": law_index,
        "news": news_index,
        "agency": agency,
        "faq": faq,
        "about": home.get_children().filter(slug="about").first(),
    }
    page = DisclosurePage(
        title="政府資訊公開",
        slug="disclosure",
        intro="<p>依政府資訊公開法第7條第1項，本所主動公開下列政府資訊。</p>",
        show_in_menus=True,
    )
    for category, title, target, url in DISCLOSURE_LINKS:
        link_page = targets.get(target) if target else None
        page.disclosure_links.add(
            DisclosureLink(category=category, title=title, link_page=link_page, link_url=url)
        )
    home.add_child(instance=page)
    page.save_revision().publish()
