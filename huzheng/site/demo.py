"""Demo site: the home page, an introduction, and the four policy pages of the footer.

Idempotent: a page is created only when no page with its slug exists under home, so an
editor's changes survive the next `make run`.
"""

from django.db import transaction
from wagtail.models import Site

from huzheng.core.demo import ensure_wagtail_roots
from huzheng.core.models import Office
from huzheng.site.models import ContentPage, HomePage, SiteSettings

HOME_INTRO = (
    "<p>歡迎來到湖西鄉戶政事務所。在這裡可以查看服務時間、申辦須知與線上服務；"
    "來所辦理前，也可以先確認需要攜帶的證件，一次就辦好。</p>"
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
                "對外僅顯示遮蔽後之號碼（例如 A12****789）。承辦人員每一次讀取或修改個人資料，"
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
