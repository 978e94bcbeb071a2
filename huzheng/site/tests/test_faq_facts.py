"""The demo's questions and answers hold the facts the statute gives, each with its
source kept for the office's review (issue 16)."""

from huzheng.site.demo import FAQ


def _answer(question_words):
    return next(answer for _slug, question, answer, _source in FAQ if question_words in question)


def test_a_move_in_is_due_three_months_and_30_days_after_the_move():
    answer = _answer("遷入登記")
    assert "遷入滿3個月後30日內" in answer
    assert "遷入後30日內申請" not in answer


def test_every_answer_keeps_its_source():
    for _slug, question, _answer_html, source in FAQ:
        assert source.strip(), question


def test_the_reissue_answer_leads_to_the_online_loss_report_and_says_the_photo_rules():
    answer = _answer("補領")
    assert 'href="/idcards/lost/"' in answer
    for words in ("白色背景", "3.2至3.6公分", "有色眼鏡"):
        assert words in answer
