from urllib.parse import parse_qs, urlsplit

from articles.sharing import share_links

URL = "https://dailybeat.example/world/2026/11/24/iran-oman-talks/"
HEADLINE = "Iran’s ‘good beginning’ & “next steps” — 50% of ₹10? #talks <b>"


def _by_network():
    return {link.network: link for link in share_links(URL, HEADLINE)}


def test_every_network_of_the_bar_in_order():
    assert [link.network for link in share_links(URL, HEADLINE)] == [
        "facebook",
        "x",
        "whatsapp",
        "linkedin",
        "telegram",
        "email",
    ]


def test_each_link_carries_the_exact_url_and_headline():
    links = _by_network()

    def query(network):
        return parse_qs(urlsplit(links[network].href).query, strict_parsing=True)

    assert query("facebook") == {"u": [URL]}
    assert query("x") == {"text": [HEADLINE], "url": [URL]}
    assert query("whatsapp") == {"text": [f"{HEADLINE} {URL}"]}
    assert query("linkedin") == {"url": [URL]}
    assert query("telegram") == {"url": [URL], "text": [HEADLINE]}
    assert query("email") == {"subject": [HEADLINE], "body": [URL]}


def test_links_are_plain_https_share_urls():
    links = _by_network()

    assert links["facebook"].href.startswith("https://www.facebook.com/sharer/")
    assert links["x"].href.startswith("https://x.com/intent/post?")
    assert links["whatsapp"].href.startswith("https://wa.me/?")
    assert links["linkedin"].href.startswith("https://www.linkedin.com/sharing/")
    assert links["telegram"].href.startswith("https://t.me/share/url?")
    assert links["email"].href.startswith("mailto:?")


def test_nothing_is_left_unencoded():
    for link in share_links(URL, HEADLINE):
        query = urlsplit(link.href).query
        for raw in (" ", "&&", "#", "<", "’", "₹", '"'):
            assert raw not in query
        # Spaces are %20: mail apps show a literal "+" otherwise.
        assert "+" not in query
