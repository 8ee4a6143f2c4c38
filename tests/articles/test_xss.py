"""Stored XSS: whatever an editor types, in any field, is harmless on every surface
readers (and their feed readers, search engines and social networks) get."""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile

from articles.models import Article, Correction, Image
from authors.models import Author
from sections.models import Section
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db

# The hostile corpus: script tags, event handlers, javascript:/data: URLs, SVG
# payloads, broken markup, CSS expressions, nested and encoded tricks.
HOSTILE = [
    "<script>alert('xss1')</script>",
    '"><script>alert("xss2")</script>',
    "'><img src=x onerror=alert('xss3')>",
    '<svg onload=alert("xss4")><circle r="1"/></svg>',
    "<a href=\"javascript:alert('xss5')\">click</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzNicpPC9zY3JpcHQ+">x</a>',
    "<div style=\"background:url(javascript:alert('xss7'))\">x</div>",
    "<p style=\"width:expression(alert('xss8'))\">x</p>",
    "<scr<script>ipt>alert('xss9')</scr</script>ipt>",
    "&lt;script&gt;alert('xss10')&lt;/script&gt;",
    "</script><script>alert('xss11')</script>",
    "<iframe src=javascript:alert('xss12')></iframe>",
    "<body onload=alert('xss13')>",
    "<math><a xlink:href=\"javascript:alert('xss14')\">m</a></math>",
    "<<img src=x onerror=alert('xss15')//>",
    "\u003cscript\u003ealert('xss16')\u003c/script\u003e",
    "<img src=x:alert(alt) onerror=eval(src) alt='xss17'>",
    "<form action=\"javascript:alert('xss18')\"><button>go</button></form>",
]
PAYLOAD = " ".join(HOSTILE)


class Markup(HTMLParser):
    """The elements and attributes a browser would build from a page: what must
    never be there is checked on those, not on the (escaped) text."""

    FORBIDDEN = {"svg", "iframe", "math", "object", "embed", "frame", "base"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.FORBIDDEN:
            self.problems.append(f"<{tag}>")
        if tag == "script" and not (
            (attrs.get("src") or "").startswith("/static/")
            or attrs.get("type") == "application/ld+json"
        ):
            self.problems.append(f"<script {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                scheme = (value or "").strip().lower().replace("\t", "")
                if scheme.startswith(("javascript:", "data:", "vbscript:")):
                    self.problems.append(f"<{tag} {name}={value}>")
            if name == "style" and "expression(" in (value or "").lower():
                self.problems.append(f"<{tag} style={value}>")


def problems(html):
    parser = Markup()
    parser.feed(html)
    return parser.problems


@pytest.fixture
def hostile_story():
    section = Section.objects.create(
        name=f"World {HOSTILE[1]}"[:80], slug="world", description=PAYLOAD
    )
    author = Author.objects.create(
        name=f"Meera {HOSTILE[2]}"[:120],
        slug="meera",
        role=HOSTILE[0][:120],
        bio=PAYLOAD,
    )
    image = Image(
        file=ContentFile(image_bytes(), name="x.jpg"),
        alt_text=HOSTILE[3][:250],
        caption=HOSTILE[1][:300],
        credit=HOSTILE[2][:120],
    )
    image.save()
    article = Article(
        headline=f"Talks {HOSTILE[1]} {HOSTILE[3]}"[:300],
        slug="hostile-story",
        standfirst=PAYLOAD[:400],
        body=PAYLOAD,
        section=section,
        dateline=HOSTILE[0][:60],
        credit_line=HOSTILE[2][:200],
        seo_title=HOSTILE[10][:70],
        seo_description=HOSTILE[1][:160],
        hero_image=image,
    )
    article.publish()
    article.save()
    article.bylines.create(author=author, position=1)
    article.tags.add(f"Iran {HOSTILE[0]}"[:100], "Diplomacy")
    Correction.objects.create(article=article, note=PAYLOAD)
    Article.objects.filter(pk=article.pk).update(revised_at=article.published_at)
    return Article.objects.get(pk=article.pk)


def pages(story):
    tag = story.tags.exclude(name="Diplomacy").get()
    return [
        "/",
        story.get_absolute_url(),
        "/world/",
        "/author/meera/",
        f"/tag/{tag.slug}/",
        "/search/?q=talks",
        f"/search/?q={HOSTILE[1]}",
    ]


def test_no_markup_survives_on_any_page(client, hostile_story):
    for url in pages(hostile_story):
        response = client.get(url)
        assert response.status_code == 200, url
        assert problems(response.content.decode()) == [], url


def test_json_ld_stays_data(client, hostile_story):
    html = client.get(hostile_story.get_absolute_url()).content.decode()

    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert blocks
    for block in blocks:
        assert "</script" not in block.lower()
        assert "<" not in block  # escaped as \\u003C
        json.loads(block)  # still valid data
    article = json.loads(blocks[0])
    assert "<script>" in article["headline"] or "<svg" in article["headline"]


def test_opengraph_and_meta_tags_stay_attributes(client, hostile_story):
    html = client.get(hostile_story.get_absolute_url()).content.decode()
    head = html.split("</head>", 1)[0]

    for line in head.splitlines():
        if line.strip().startswith("<meta"):
            assert line.strip().endswith(">")
            # One element per line: nothing broke out of a content="…" attribute.
            assert line.count("<") == 1, line


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/sitemap-news.xml"])
def test_feeds_and_sitemaps_are_valid_xml_with_text_only(client, hostile_story, url):
    response = client.get(url)

    root = ET.fromstring(response.content)  # well-formed, or this raises
    for element in root.iter():
        assert not element.tag.lower().endswith(("script", "svg", "iframe")), url
    assert "<script" not in response.content.decode().lower()


def test_the_admin_shows_hostile_text_as_text(editor_client, hostile_story):
    urls = [
        f"/admin/articles/article/{hostile_story.pk}/change/",
        "/admin/articles/article/",
        f"/admin/articles/article/{hostile_story.pk}/revisions/",
        "/admin/articles/image/",
    ]
    for url in urls:
        html = editor_client.get(url).content.decode()
        assert "<script>alert('xss1')</script>" not in html, url
        assert "onerror=alert('xss3')>" not in html, url
