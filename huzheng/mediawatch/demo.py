"""Demo news monitoring for the demo office: the local demo feed and a few words, read
once so the triage list has hits. Nothing needs the internet."""

from huzheng.core.models import Office
from huzheng.mediawatch import services
from huzheng.mediawatch.models import Keyword, Source

WORDS = ["湖西戶政", "戶政事務所", "戶籍", "身分證"]


def seed():
    office = Office.objects.filter(code="huxi", is_demo=True).first()
    if office is None or Source.objects.filter(office=office).exists():
        return
    source = Source.objects.create(
        office=office, name="澎湖在地新聞（示範，本機檔案）", url="demo:penghu-news.xml"
    )
    for word in WORDS:
        Keyword.objects.get_or_create(office=office, word=word)
    services.fetch_source(source)
