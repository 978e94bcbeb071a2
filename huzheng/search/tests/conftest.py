import datetime as dt

import pytest

from huzheng.search import services
from huzheng.search.registry import Document


@pytest.fixture
def corpus(db):
    """A handful of documents whose words the tests know."""
    documents = [
        Document(
            key="test:lost-id",
            title="國民身分證掛失、撤銷掛失",
            url="/services/test-lost-id/",
            type="service",
            summary="國民身分證遺失時，可向任一戶政事務所申請掛失。",
            names=["國民身分證掛失", "Reporting a lost ID card"],
            topics=["id_card"],
            policies=["citizen_service"],
            services=["id_card"],
            audiences=["general"],
            date=dt.date(2025, 3, 1),
        ),
        Document(
            key="test:move-in",
            title="遷入登記",
            url="/services/test-move-in/",
            type="service",
            summary="搬家後三十日內應辦理遷入登記。",
            topics=["registration"],
            policies=["citizen_service"],
            services=["registration"],
            audiences=["general", "new_immigrants"],
            date=dt.date(2026, 1, 10),
        ),
        Document(
            key="test:news",
            title="農曆春節服務時間",
            url="/news/test-new-year/",
            type="news",
            summary="春節前後的服務時間。",
            body="春節期間暫停受理，民眾可於節後辦理戶籍遷入及其他登記。",
            topics=["agency"],
            policies=["activities"],
            audiences=["general"],
            date=dt.date(2026, 2, 1),
        ),
        Document(
            key="test:indigenous",
            title="原住民身分取得",
            url="/services/test-indigenous/",
            type="service",
            body="<script>alert(1)</script> 原住民身分取得登記 & 回復",
            audiences=["indigenous"],
            services=["registration"],
        ),
        Document(
            key="test:english",
            title="English household transcript",
            url="/services/test-english/",
            type="service",
            names=["英文戶籍謄本"],
            body="A household transcript in English, for study abroad.",
            services=["certificate"],
            date=dt.date(2026, 5, 5),
        ),
    ]
    for document in documents:
        services.index_document("test", document)
    return documents
