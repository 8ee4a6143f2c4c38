"""Pictures for the demo content, drawn with Pillow (nothing is downloaded)."""

import io
import random

from PIL import Image, ImageDraw, ImageFont

MOTIFS = ("skyline", "waves", "bars", "circles", "stripes", "mountains")
# Hero pictures as a camera of a news desk would give them, give or take.
SIZE = (1600, 900)


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _shade(rgb, factor):
    return tuple(max(0, min(255, round(c * factor))) for c in rgb)


def illustration(colour, motif, size=None, seed=0):
    """A JPEG (bytes) of a simple illustration: a gradient sky and a motif."""
    size = size or SIZE
    width, height = size
    base = _rgb(colour)
    rng = random.Random(f"{colour}{motif}{seed}")
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_shade(base, 1.35 - 0.6 * y / height))

    dark = _shade(base, 0.45)
    light = _shade(base, 1.6)
    if motif == "skyline":
        x = 0
        while x < width:
            w = rng.randint(60, 160)
            h = rng.randint(height // 5, height * 3 // 5)
            draw.rectangle([x, height - h, x + w, height], fill=dark)
            for wy in range(height - h + 20, height - 20, 40):
                for wx in range(x + 12, x + w - 12, 30):
                    if rng.random() < 0.45:
                        draw.rectangle([wx, wy, wx + 10, wy + 16], fill=light)
            x += w + rng.randint(4, 20)
    elif motif == "waves":
        for band in range(6):
            top = height // 2 + band * height // 14
            points = [(0, height)]
            for x in range(0, width + 40, 40):
                points.append((x, top + int(18 * ((x // 40 + band) % 2))))
            points.append((width, height))
            draw.polygon(points, fill=_shade(base, 0.9 - band * 0.1))
    elif motif == "bars":
        count = 12
        gap = width // (count * 4)
        bar = (width - gap * (count + 1)) // count
        for i in range(count):
            h = rng.randint(height // 6, height * 4 // 5)
            x = gap + i * (bar + gap)
            draw.rectangle(
                [x, height - h, x + bar, height], fill=light if i % 3 else dark
            )
    elif motif == "circles":
        for _ in range(14):
            r = rng.randint(height // 12, height // 4)
            cx, cy = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=light, width=12)
    elif motif == "stripes":
        for i in range(-height, width, 90):
            draw.polygon(
                [(i, height), (i + 45, height), (i + 45 + height, 0), (i + height, 0)],
                fill=_shade(base, 0.75),
            )
    else:  # mountains
        for layer, factor in enumerate((0.8, 0.6, 0.4)):
            points = [(0, height)]
            for x in range(0, width + 200, 200):
                peak = height // 3 + layer * height // 7 + rng.randint(-60, 60)
                points.append((x, peak if (x // 200) % 2 else peak + 160))
            points.append((width, height))
            draw.polygon(points, fill=_shade(base, factor))

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def portrait(name, colour="#3a4a5c", size=400):
    """A JPEG (bytes) of a monogram portrait: initials on a coloured disc."""
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    image = Image.new("RGB", (size, size), _shade(_rgb(colour), 1.1))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
