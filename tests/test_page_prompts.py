"""Calls to action left in scraped text (sign-up boxes, share prompts, "read more") are the page's,
not the article's: cleaning takes them out of the body, in the languages whose packs list them."""
from __future__ import annotations

import pytest

from headwater.extract.page_prompts import is_licence_notice, is_reader_prompt
from headwater.extract.plaintext import clean_text


@pytest.mark.parametrize("line", [
    "Sign up to get our morning briefing delivered straight to your inbox.",
    "You can unsubscribe at any time. By subscribing you agree to our Terms of Use.",
    "Follow us on Facebook and Twitter for the latest updates.",
    "Click here to create your free account today!",
    "Please let us know if you're having issues with commenting.",
    "Quickly share this story with your friends with a single click!",
    "Read more: Ministers meet in Brussels over gas prices",
    "READ MORE ON THE ELECTION",
    "Подписывайтесь на наш телеграм-канал!",
    "Assine a nossa newsletter e receba as notícias no seu e-mail.",
    "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
    "Абонирайте се за нашия бюлетин.",
])
def test_calls_to_action_are_the_pages(line: str) -> None:
    assert is_reader_prompt(line)


@pytest.mark.parametrize("line", [
    # news that happens to use the words: no reader addressed, or someone quoted at length
    "The ministry declined to comment on the report.",
    "The US will share intelligence with its allies, the official said.",
    "Sullivan said officials \u201chave not seen anything that would require us to change our posture.\u201d",
    "At one point the book gives an account of the agent telling him to go and see for yourself.",
    "Subscriptions to the state broadcaster fell by a third last year, according to the regulator.",
    "\u201cIf you ask anyone on our team, we are ready to share the burden,\u201d the coach said.",
    # a paragraph, however it ends
    " ".join(["The talks in Geneva went on late into the night as delegates argued over the text."] * 4)
    + " Follow us on Twitter.",
])
def test_article_sentences_are_not(line: str) -> None:
    assert not is_reader_prompt(line)


def test_cleaning_takes_prompts_out_of_the_body() -> None:
    raw = "\n\n".join([
        "Talks on grain exports resume in Istanbul",
        "Delegations from four countries met in Istanbul on Tuesday to resume talks on grain exports "
        "through the Black Sea, officials said.",
        "Sign up to get our morning briefing delivered straight to your inbox.",
        "The previous deal collapsed in July after Moscow withdrew, citing obstacles to its own exports "
        "of food and fertiliser.",
        "Turkish officials said a new agreement could be signed within weeks if the sides agree on "
        "inspections of ships.",
        "Follow us on Facebook and Twitter for the latest updates.",
    ])
    c = clean_text(raw)
    assert "Sign up" not in c.text and "Follow us" not in c.text
    assert "Delegations from four countries" in c.text and "inspections of ships" in c.text
    assert "Sign up to get our morning briefing delivered straight to your inbox." in c.removed


@pytest.mark.parametrize("line", ["Most read in Sport", "Latest videos", "More stories:", "यह भी पढ़ें: मॉस्को में बैठक"])
def test_widget_labels_and_teasers_are_the_pages(line: str) -> None:
    assert is_reader_prompt(line)


@pytest.mark.parametrize("line", ["Telegram channels said there had been explosions before fires erupted.",
                                  "This article was updated with the minister's reply.",
                                  "Breaking news from Kyiv: three dead in a strike on a power station"])
def test_a_sentence_opening_with_a_site_word_is_not(line: str) -> None:
    assert not is_reader_prompt(line)


def test_link_lines_go_and_source_lines_stay() -> None:
    body = ("Officials in the capital confirmed on Friday that the bridge would stay closed for repairs "
            "until the end of the month, the city said.")
    c = clean_text("\n\n".join(["Bridge stays shut for repairs", body, "Truth lives on at https://example.org/", "Source: https://example.org/a/b",
                                  "Traffic will be diverted over the old ring road, where extra buses are to run "
                                  "every ten minutes during the morning rush, the mayor's office added."]))
    assert "Truth lives on" not in c.text
    assert "Source: https://example.org/a/b" in c.text


def test_a_page_closing_with_a_prompt_in_another_language_loses_it() -> None:
    from headwater.extract.html import extract_html

    paras = [
        "Делегации четырёх стран встретились во вторник в Стамбуле, чтобы возобновить переговоры об экспорте "
        "зерна через Чёрное море, сообщили официальные лица.",
        "Предыдущая сделка распалась в июле, после того как Москва вышла из неё, сославшись на препятствия для "
        "экспорта собственного продовольствия и удобрений.",
        "Турецкие чиновники заявили, что новое соглашение может быть подписано в течение нескольких недель, если "
        "стороны договорятся о порядке досмотра судов.",
        "Подписывайтесь на наш телеграм-канал!",
    ]
    page = ("<html><head><title>Переговоры о зерне</title></head><body><article><h1>Переговоры о зерне</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>")
    text = extract_html(page, None).text
    assert "Делегации четырёх стран" in text and "досмотра судов" in text
    assert "Подписывайтесь" not in text


@pytest.mark.parametrize("line", [
    "All stories by the Prairie Newswire may be republished free of charge by any news outlet that credits "
    "the reporter and links to the original. For reprint rights write to rights@prairienewswire.example.",
    "This article is licensed under Creative Commons BY-NC-ND 4.0: https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "При полном или частичном использовании материалов ссылка на https://novosti.example.ru обязательна.",
    "A reprodução deste conteúdo é proibida sem autorização. Contacto: redacao@jornal.example.pt",
])
def test_republication_notices_are_the_pages(line: str) -> None:
    assert is_licence_notice(line)


@pytest.mark.parametrize("line", [
    # reuse words with no address to write to, or an address with no reuse terms: an article's sentences
    "The regulator said the station had broadcast the film without a licence, and fined it 20,000 euros.",
    "The agency said the photos could not be republished without the family's consent.",
    "The ministry posted the new licensing rules on its website, www.ministry.example.gov, on Monday.",
    # a paragraph longer than any notice, whatever it says
    " ".join(["The court heard that the broadcaster had reprinted the letters without a licence."] * 8)
    + " Details: https://court.example.org/ruling",
])
def test_article_sentences_about_licences_are_not(line: str) -> None:
    assert not is_licence_notice(line)


def test_cleaning_takes_a_newswire_notice_off_the_end() -> None:
    notice = ("All stories by the Prairie Newswire may be republished free of charge by any news outlet that "
              "credits the reporter and links to the original. For reprint rights write to rights@prairienewswire.example.")
    raw = "\n\n".join([
        "Farmers in the valley brace for a dry summer",
        "Farmers across the valley are preparing for a third dry summer in a row after the reservoir fell "
        "to its lowest level since records began, the water board said on Monday.",
        "The board said it would cut allocations to irrigation districts by a fifth from June.",
        notice,
    ])
    c = clean_text(raw)
    assert "republished" not in c.text and notice in c.removed
    assert "irrigation districts" in c.text
