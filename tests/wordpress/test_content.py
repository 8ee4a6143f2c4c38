"""WordPress content made into a story body."""

import pytest

from wordpress.content import autop, convert


def test_blank_lines_make_paragraphs_and_single_breaks_br():
    assert autop("One\ntwo.\n\nThree.") == "<p>One<br>\ntwo.</p>\n<p>Three.</p>"


def test_block_elements_are_not_wrapped():
    html = autop("Intro.\n<h2>Head</h2>\nText.\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>")

    assert html == (
        "<p>Intro.</p>\n<h2>Head</h2>\n<p>Text.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n"
        "</ul>"
    )


def test_already_marked_up_paragraphs_stay_as_they_are():
    assert autop("<p>Done.</p>\n\n<p>Also.</p>") == "<p>Done.</p>\n<p>Also.</p>"


def test_caption_becomes_a_figure():
    body = convert(
        '[caption id="attachment_5" width="300"]<a href="https://x.example/a.jpg">'
        '<img src="https://x.example/wp-content/uploads/a-300x200.jpg" alt="A boat" />'
        "</a> Boats at dawn[/caption]",
        picture=lambda url: "/media/images/boat.jpg",
    ).html

    body = body.replace("\n", "")
    assert body.startswith("<figure><a href")
    assert '<img src="/media/images/boat.jpg" alt="A boat">' in body
    assert body.endswith("<figcaption>Boats at dawn</figcaption></figure>")


def test_caption_from_the_attribute():
    body = convert(
        '[caption caption="From the attribute"]<img src="https://x/a.jpg" alt="">'
        "[/caption]",
        picture=lambda url: "/media/a.jpg",
    ).html

    assert "<figcaption>From the attribute</figcaption>" in body


@pytest.mark.parametrize(
    "content",
    [
        "https://www.youtube.com/watch?v=abc",
        "[embed]https://www.youtube.com/watch?v=abc[/embed]",
        '[video src="https://www.youtube.com/watch?v=abc"]',
    ],
)
def test_embeds_keep_a_link(content):
    body = convert(f"Before.\n\n{content}\n\nAfter.").html

    assert (
        '<p><a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer">'
        "https://www.youtube.com/watch?v=abc</a></p>"
    ) in body


def test_unknown_shortcodes_are_removed_keeping_what_they_enclose():
    result = convert(
        '[vc_row][vc_column]Kept text.[/vc_column][/vc_row] [gallery ids="1,2"] '
        '[contact-form-7 id="4"] [newsletter/] A note [sic] and [1].'
    )

    assert result.html == "<p>Kept text. A note [sic] and [1].</p>"
    assert result.removed == {
        "vc_row": 1,
        "vc_column": 1,
        "gallery": 1,
        "contact-form-7": 1,
        "newsletter": 1,
    }


def test_a_missing_picture_becomes_a_link_and_is_reported():
    result = convert('<img src="https://old.example/up/pic.jpg" alt="The pier">')

    assert result.html == (
        '<p><a href="https://old.example/up/pic.jpg" rel="noopener noreferrer">'
        "The pier</a></p>"
    )
    assert result.missing_pictures == ["https://old.example/up/pic.jpg"]


def test_the_result_passes_the_sanitiser():
    body = convert(
        'Text<script>alert(1)</script> <a href="javascript:alert(1)">x</a>'
        '<p onclick="x()">y</p>'
    ).html

    assert "script" not in body
    assert "javascript" not in body
    assert "onclick" not in body
