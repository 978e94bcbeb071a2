"""The index's vocabulary (索引詞彙), generated at each rebuild — never hand-kept: the
titles and names of services, tools, forms, laws and pages, cut at punctuation, and the
words jieba finds in them. It is the domain dictionary the query splitter loads (so
戶籍謄本 and 國民身分證 stay whole) and the words a misspelling may be corrected to."""

import re
from collections import Counter

from django.db import transaction

from huzheng.search import analysis, spelling, text
from huzheng.search.models import IndexWord, SearchDocument
from huzheng.search.taxonomy import DocumentType

# News titles are too many and too loose to be the office's terms.
SOURCE_TYPES = [
    DocumentType.SERVICE,
    DocumentType.TOOL,
    DocumentType.FORM,
    DocumentType.LAW,
    DocumentType.PAGE,
    DocumentType.FAQ,
]
_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]{2,12}$")


@transaction.atomic
def rebuild_vocabulary():
    """Replace the vocabulary with the words of the index as it is now."""
    counts = Counter()
    for title, names in SearchDocument.objects.filter(type__in=SOURCE_TYPES).values_list(
        "title", "names"
    ):
        counts.update(set(words_of(f"{title}\n{names}")))
    IndexWord.objects.all().delete()
    IndexWord.objects.bulk_create(
        [IndexWord(word=word, documents=n) for word, n in sorted(counts.items())],
        batch_size=1000,
    )
    analysis.vocabulary_changed()
    spelling.vocabulary_changed()
    return len(counts)


def words_of(value):
    """The pieces of a title between punctuation, then what jieba cuts them into."""
    pieces = [p for p in text.query_text(value).split() if _HAN.match(p)]
    words = set(pieces)
    for piece in pieces:
        words.update(w for w in analysis.split_words(piece) if _HAN.match(w))
    return words
