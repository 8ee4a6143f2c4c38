"""Share links for the "Spread the love" bar: plain URLs, no third-party script."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def _query(**params):
    # quote (%20), not quote_plus (+): mail clients and some apps show a literal "+".
    return urlencode(params, quote_via=quote)


def share_links(url: str, headline: str) -> list[ShareLink]:
    """The share targets for a story at absolute ``url``, in the bar's order."""
    return [
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + _query(u=url),
        ),
        ShareLink(
            "x", "X", "https://x.com/intent/post?" + _query(text=headline, url=url)
        ),
        ShareLink(
            "whatsapp", "WhatsApp", "https://wa.me/?" + _query(text=f"{headline} {url}")
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url),
        ),
        ShareLink(
            "telegram",
            "Telegram",
            "https://t.me/share/url?" + _query(url=url, text=headline),
        ),
        ShareLink("email", "Email", "mailto:?" + _query(subject=headline, body=url)),
    ]
