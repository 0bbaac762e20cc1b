"""Extraction: clean bodies, titles, URLs and dates from scraped text and HTML."""
from __future__ import annotations

import pytest

from headwater.extract import ExtractError, extract_article
from headwater.extract.outlets import OutletRegistry
from headwater.extract.plaintext import clean_text
from headwater.ingest import iter_inputs
from headwater.model import RawInput

from .conftest import EXAMPLES

SCRAPED = """\
 date 2021-06-03 https://news.example.org/2021/06/03/dam-talks-stall.html

Dam talks stall as water levels fall

Dam talks stall as water levels fall

CAIRO - Negotiators failed to agree... 03.06.2021, Example News

2021-06-03T10:00+0000

politics

water

/html/head/meta[@name='og:title']/@content

https://cdn.example.org/img/2021/06/dam_1920x1080.jpg

Negotiators from three countries failed on Thursday to agree on the filling of the dam, officials said.

The next round of talks is expected in July, according to a statement from the foreign ministry.

Example News info@example.org +12025550123

Example News info@example.org +12025550123

en_US

1920 1080 true

politics, water, dams, africa

Leave a Reply

Your email address will not be published.
"""


def test_scraped_text_keeps_the_article_and_drops_the_page() -> None:
    c = clean_text(SCRAPED)
    assert c.title == "Dam talks stall as water levels fall"
    assert c.url == "https://news.example.org/2021/06/03/dam-talks-stall.html"
    assert c.date is not None and c.date.iso == "2021-06-03"
    assert c.text.startswith("Negotiators from three countries")
    assert c.text.endswith("from the foreign ministry.")
    for junk in ("/html/head", "info@example.org", "1920 1080", "en_US", "cdn.example.org", "Leave a Reply",
                 "politics, water", "failed to agree..."):
        assert junk not in c.text


def test_subheadings_between_paragraphs_are_kept() -> None:
    text = ("Title of the piece\n\n" + "A first paragraph that runs long enough to count as prose for sure. " * 2 +
            "\n\n‘Rockets hit the base’\n\n" + "A second paragraph that also runs long enough to be prose text. " * 2)
    assert "‘Rockets hit the base’" in clean_text(text).text


def test_a_one_line_headline_above_the_body_is_the_title() -> None:
    c = clean_text("Ten civilians killed in rocket attacks on the city.\n\n"
                   "6 September 2016 Ten civilians were killed and 15 injured when rockets hit the old city on Tuesday, "
                   "the police said in a statement.")
    assert c.title == "Ten civilians killed in rocket attacks on the city."
    assert c.date is not None and c.date.iso == "2016-09-06"


@pytest.mark.parametrize("headline", [
    "Senator calls on U.S. to lead, step up the fight against the militias in the east.",
    "Dr. Ben Carson says the governor is not fit to serve as president of the country.",
])
def test_a_one_sentence_headline_with_abbreviations_is_the_title_not_lost(headline: str) -> None:
    body = ("The senator spoke for an hour on Tuesday in front of a crowd of several hundred people in the town hall. "
            "She said the administration had waited too long.\n\n"
            "Her opponents said the speech offered nothing new and would not change the vote in the spring.")
    c = clean_text(f"{headline}\n\n{body}")
    assert c.title == headline and c.text == body
    two = "The talks failed on Monday after a week. Both sides blamed the other for the collapse of the deal."
    c = clean_text(f"{two}\n\n{body}")
    assert c.title is None and c.text.startswith(two)


@pytest.mark.parametrize("text", ["Sanctions hurt Europe more than Russia",
                                  "Ukraine sells grain to pay for weapons\n", "  The border was closed on Monday.  ",
                                  "Photo: the minister meets protesters in the capital",
                                  "Farmers, truckers, teachers join the strike"])
def test_a_text_of_one_line_is_that_line_not_an_empty_article(text: str, registry: OutletRegistry) -> None:
    # a headline, a post, a case summary given alone: it was taken as a title over no text and skipped
    c = clean_text(text)
    assert c.text == text.strip() and c.title is None and c.removed == []
    assert extract_article(RawInput("post.txt", text, "text"), registry).text == text.strip()
    try:
        extract_article(RawInput("share.txt", "Share this article\n", "text"), registry)
    except ExtractError as exc:  # page furniture alone is still no article
        assert "no article text" in str(exc)
    else:
        raise AssertionError("a share button is no article")


def test_examples_are_clean(registry: OutletRegistry) -> None:
    arts = {r.source.rsplit("/", 1)[1][:3]: extract_article(r, registry)
            for r in iter_inputs([str(EXAMPLES)]) if isinstance(r, RawInput)}
    assert arts["000"].published == "2022-02-25" and arts["000"].published_basis == "explicit"
    assert arts["000"].url is not None and arts["000"].url.startswith("https://sputniknews.com/")
    assert "feedback@" not in arts["000"].text and "/html/" not in arts["000"].text
    assert arts["000"].text.count("The Russian Center for Reconciliation receives information") == 1
    assert "SHARE THIS ARTICLE" not in arts["002"].text and "four Katyusha rockets" in arts["002"].text
    assert "Leave a Reply" not in arts["003"].text and "Leave a Reply" not in arts["004"].text
    assert arts["003"].text.endswith("the Russian envoy said.")
    for key in ("001", "002", "003", "004"):
        assert arts[key].published is None  # they state no date: none is made up
    assert arts["004"].title == "US moves ISIS militants from Iraq to Syria"


def test_html_page_metadata(registry: OutletRegistry) -> None:
    page = """<html lang="en"><head><title>Floods hit the valley | Example Times</title>
    <link rel="canonical" href="https://www.example-times.com/floods">
    <meta property="og:site_name" content="Example Times">
    <meta property="article:published_time" content="2023-04-05T08:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Floods hit the valley</h1>
    <p>Heavy rain flooded the valley on Tuesday, forcing hundreds of families from their homes, officials said.</p>
    <p>Rescue teams worked through the night to reach villages cut off by the water, the civil defence said.</p>
    </article><footer>© 2023 Example Times. All rights reserved.</footer></body></html>"""
    a = extract_article(RawInput("page.html", page, "html"), registry)
    assert a.title == "Floods hit the valley"
    assert a.url == "https://www.example-times.com/floods"
    assert a.published == "2023-04-05" and a.published_basis == "explicit"
    assert "Rescue teams worked" in a.text and "All rights reserved" not in a.text and "Sport" not in a.text


def test_page_without_article_is_an_error(registry: OutletRegistry) -> None:
    try:
        extract_article(RawInput("x.html", "<html><body><script>var a=1;</script></body></html>", "html"), registry)
    except ExtractError as exc:
        assert "no article text" in str(exc)
    else:
        raise AssertionError("an empty page must not become an article")


def test_malformed_html_still_extracts(registry: OutletRegistry) -> None:
    page = "<html><body><div><p>Unclosed paragraph with enough words to be the article body of the page.<p>Another <b>one"
    a = extract_article(RawInput("bad.html", page, "html"), registry)
    assert "Unclosed paragraph" in a.text
