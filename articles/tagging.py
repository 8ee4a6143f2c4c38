"""How tags are typed: a comma-separated list, so "United States" is one tag.

taggit's default also splits on spaces when there is no comma, which turns a single
two-word tag into two tags. Settings point TAGGIT_TAGS_FROM_STRING and
TAGGIT_STRING_FROM_TAGS here.
"""


def parse_tags(text):
    """Tag names from what an editor typed: split on commas, quotes dropped,
    blanks and repeats removed (in the order typed)."""
    names = []
    for part in (text or "").split(","):
        name = " ".join(part.replace('"', " ").split())
        if name and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return names


def join_tags(tags):
    """The tag field's text for existing tags."""
    return ", ".join(sorted(tag.name.replace(",", " ") for tag in tags))
