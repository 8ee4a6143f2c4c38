"""
A realistic newsroom at scale, for benchmarks: ~20 sections, ~500 authors, ~5,000
tags, stories of ~800 words with subheadings, 1–3 authors and 3–6 tags each, publish
times over several years, some drafts and scheduled ones.

Fast: the text is assembled from a pool of generated paragraphs, and rows go to
PostgreSQL with COPY in batches, two loaders at a time, with the story table's
secondary indexes and the foreign keys of the three tables dropped during the load
(then rebuilt two at a time, and checked in one query each; the vacuums that need
not wait for the last index run beside it). The pictures are drawn by two processes
while the pool of text is put together. PostgreSQL parses each
piece of the pool once (``analyse``), and each story brings its search columns put
together from its pieces (``search_columns``), so the trigger of articles 0016 need
not parse and stem every story again (and each byline and tag its story's live
time, as their trigger would set): the columns are exactly what the triggers would
compute, which ``check_kept_columns`` confirms on a sample of 500 stories after
every load (and the tests on tricky texts). The vocabulary comes from the demo
stories (our own writing), so search sees English words in news-like proportions.
"""

import functools
import gc
import itertools
import multiprocessing
import random
import re
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles.demo import content as demo
from articles.demo import images as demo_images
from articles.models import Article, Byline, Image, TaggedArticle
from authors.models import Author
from dailybeat.progress import Progress
from sections.models import Section

# What the benchmark searches for: a word in most stories, a word in a few, and a
# phrase in about one story in five hundred (as "monsoon session" might be).
COMMON_WORD = "government"
RARE_WORD = "zeolite"
RARE_SHARE = 0.0005
PHRASE = "monsoon session"
PHRASE_SHARE = 0.002

SECTION_NAMES = {
    "World": ["Asia", "Middle East", "Europe", "Americas"],
    "India": ["Delhi", "Mumbai", "Bengaluru"],
    "Politics": ["Elections"],
    "Business": ["Markets", "Startups"],
    "Technology": ["Gadgets"],
    "Sports": ["Cricket", "Football"],
    "Entertainment": ["Bollywood"],
    "Opinion": [],
}
FIRST = "Aarav Meera Daniel Kavya Arjun Sneha Nikhil Farhan Ananya Ishaan Priya Rohan"
LAST = "Raghavan Okafor Iyer Deshpande Pillai Varghese Qureshi Sen Menon Rao Das Kapoor"
DATELINES = ["NEW DELHI", "MUMBAI", "BENGALURU", "KOLKATA", "CHENNAI", "MUSCAT", ""]
TABLES = [Article._meta.db_table, Byline._meta.db_table, TaggedArticle._meta.db_table]
ARTICLE_COLUMNS = [
    "id", "headline", "slug", "standfirst", "body", "seo_title",
    "seo_description", "in_news_sitemap", "section_id", "credit_line", "dateline",
    "hero_image_id", "status", "published_at", "revised_at", "created_at",
    "updated_at", "version", "search_vector", "word_pairs",
]  # fmt: skip
STATUS = ARTICLE_COLUMNS.index("status")  # then published_at


@dataclass
class Chunk:
    """A piece of story text (a paragraph, subheading, headline or standfirst) with
    what PostgreSQL's parser makes of it (``analyse``), so that a story's search
    columns can be put together from its pieces instead of parsed again."""

    text: str
    copied: str | None = None  # the text in COPY's format (set by ``analyse``)
    tokens: int = 0  # the words the parser counts, stop words included
    # Its lexemes in tsvector's text format, with its field's weight, each position
    # a placeholder, separated by SEPARATOR, and the positions (from 1) in the same
    # order: "'monsoon':%dC,%dC\0'session':%dC", (3, 40, 4)
    template: str = ""
    positions: tuple = ()
    pairs: str = ""  # the hashes of the pairs of words within it, "1,-2,…"
    first: tuple = ()  # the lexemes at position 1
    last: tuple = ()  # … at position ``tokens`` (none if it ends in a stop word)
    top: int = 0  # its highest position with a lexeme (0: it has none)
    tail: tuple = ()  # the lexemes at ``top``


@dataclass
class Pool:
    paragraphs: list  # of Chunk, as HTML
    headings: list  # of Chunk, as HTML
    headlines: list  # of Chunk
    standfirsts: list  # of Chunk
    words: list
    weights: list  # cumulative, for random.choices
    specials: dict  # the paragraphs with the rare word and the phrase


def _vocabulary():
    """Words of the demo stories, most frequent first, with Zipf weights (a word's
    share falls with its rank, as in real text): common words in most stories,
    most words in few."""
    text = " ".join(re.sub(r"<[^>]+>", " ", story["body"]) for story in demo.STORIES)
    counts = {}
    for word in re.findall(r"[A-Za-z][a-z]{2,}", text):
        counts[word.lower()] = counts.get(word.lower(), 0) + 1
    counts.pop(COMMON_WORD, None)
    ranked = [COMMON_WORD, *sorted(counts, key=counts.get, reverse=True)]
    weights = [1 / (rank + 8) ** 1.1 for rank in range(len(ranked))]
    # As cumulative weights, which random.choices would otherwise add up again on
    # every call (the same choices either way).
    return ranked, list(itertools.accumulate(weights))


def _sentence(rng, words, low=8, high=22, weights=None):
    """A sentence of words drawn by ``weights`` (cumulative), or evenly."""
    chosen = rng.choices(words, cum_weights=weights, k=rng.randint(low, high))
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def make_pool(rng, paragraphs=3000):
    """The pieces stories are made of (not yet analysed)."""
    words, weights = _vocabulary()
    pool = Pool([], [], [], [], words, weights, {})
    for _ in range(paragraphs):
        text = " ".join(
            _sentence(rng, words, weights=weights) for _ in range(rng.randint(3, 5))
        )
        pool.paragraphs.append(Chunk(f"<p>{text}</p>"))
    for _ in range(300):
        heading = " ".join(rng.choices(words, k=4)).capitalize()
        pool.headings.append(Chunk(f"<h2>{heading}</h2>"))
    for _ in range(3000):
        pool.headlines.append(Chunk(_sentence(rng, words, 6, 12, weights)[:-1]))
    for _ in range(3000):
        pool.standfirsts.append(Chunk(_sentence(rng, words, 18, 30, weights)))
    pool.specials = {
        RARE_WORD: Chunk(f"<p>Analysts mentioned {RARE_WORD} in passing.</p>"),
        PHRASE: Chunk(f"<p>The {PHRASE} opens next week, officials said.</p>"),
    }
    return pool


def analyse(cursor, chunks, weight):
    """Fill in what PostgreSQL's parser makes of each chunk (its ``english``
    configuration, as the search trigger uses): the words it counts, each lexeme
    with its positions (of the search vector's ``weight``), and the hashes of the
    pairs within the chunk."""
    texts = [chunk.text for chunk in chunks]
    cursor.execute(
        """
        SELECT t.n,
               (SELECT count(*) FROM ts_parse(c.cfgparser, t.text) AS p
                WHERE p.tokid IN (SELECT maptokentype FROM pg_ts_config_map
                                  WHERE mapcfg = c.oid)),
               article_pair_hashes(to_tsvector(c.oid, t.text))
        FROM unnest(%s::text[]) WITH ORDINALITY AS t(text, n),
             pg_ts_config AS c
        WHERE c.oid = 'english'::regconfig
        """,
        [texts],
    )
    for number, tokens, pairs in cursor.fetchall():
        chunk = chunks[number - 1]
        chunk.tokens, chunk.pairs = tokens, ",".join(map(str, pairs))
        chunk.copied = _text(chunk.text)
    cursor.execute(
        """
        SELECT t.n, w.lexeme, w.positions::int[]
        FROM unnest(%s::text[]) WITH ORDINALITY AS t(text, n),
             unnest(to_tsvector('english'::regconfig, t.text)) AS w
        """,
        [texts],
    )
    lexemes = {}
    for number, lexeme, positions in cursor.fetchall():
        lexemes.setdefault(number, []).append((lexeme, positions))
    for number, found in lexemes.items():
        chunk = chunks[number - 1]
        at = {}
        for lexeme, positions in found:
            for position in positions:
                at.setdefault(position, []).append(lexeme)
        chunk.template = SEPARATOR.join(
            f"{_quoted(lexeme).replace('%', '%%')}:"
            f"{','.join([f'%d{weight}'] * len(positions))}"
            for lexeme, positions in found
        )
        chunk.positions = tuple(itertools.chain(*(where for _, where in found)))
        chunk.top = max(at)
        chunk.first, chunk.last = tuple(at.get(1, ())), tuple(at.get(chunk.tokens, ()))
        chunk.tail = tuple(at[chunk.top])


def _quoted(lexeme):
    """A lexeme as tsvector's text format writes it."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


LAST_POSITION = 16383  # as PostgreSQL's tsvector
# Between a chunk's lexemes in its template: a character no text in PostgreSQL holds.
SEPARATOR = "\0"
LONGEST_PAIRED = 100  # longer words make no pairs (article_pair_hashes)


def search_columns(fields):
    """A story's search vector, as text, and its word pairs, as the hashes within
    its chunks and the texts of the pairs across them (to hash), from its ``fields``
    ([chunks]: the headline, the standfirst and the body, analysed with weights A, B
    and C).

    The same as the trigger of articles 0016 computes from the whole text, which
    ``check_kept_columns`` confirms: each field is parsed as one text, so a chunk's
    positions follow the words counted before it in its field, and each field's
    follow the highest position of those before it (as tsvector's ``||``). A pair
    joins the words at neighbouring positions, across chunks and fields too. A
    lexeme in several chunks is written once for each; PostgreSQL merges them as it
    reads the vector. The lexemes are written in order, so that its sort ends after
    its first pass, which checks the order: reading a story's vector took 205 µs,
    123 µs with the lexemes in order (a chunk's are already: Python's sort merges
    them as runs). A story of ~650 words keeps every lexeme well under tsvector's
    limit of 256 positions."""
    vector, hashes, across = [], [], []
    shift, before = 0, ()  # before: the lexemes at position ``shift``
    for chunks in fields:
        offset, top, tail, start = shift, 0, (), before
        for chunk in chunks:
            if chunk.template:
                vector.extend(
                    (
                        chunk.template % tuple(map(offset.__add__, chunk.positions))
                    ).split(SEPARATOR)
                )
            if chunk.pairs:
                hashes.append(chunk.pairs)
            across.extend(
                f"{one} {two}"
                for one in before
                for two in chunk.first
                if len(one) <= LONGEST_PAIRED and len(two) <= LONGEST_PAIRED
            )
            if chunk.top:
                top, tail = offset - shift + chunk.top, chunk.tail
            if chunk.tokens:
                before = chunk.last
            offset += chunk.tokens
        shift, before = (shift + top, tail) if top else (shift, start)
    if shift > LAST_POSITION:
        raise ValueError("A story too long to put its search vector together.")
    # Sorted as PostgreSQL sorts lexemes, by their bytes (UTF-8 keeps the order of
    # characters), except where one lexeme begins another and the longer goes on
    # with a character before the quote or an escaped quote ("'a'" and "'a!'"):
    # then PostgreSQL sorts them all, as before. Either way the vector is the same.
    vector.sort()
    return " ".join(vector), ",".join(hashes), across


def _copy(cursor, table, columns, rows):
    """COPY ``rows`` (tuples of already-escaped text fields) into ``table``."""
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", _Lines(rows))


class _Lines:
    """Rows in COPY's text format, a few at a time, as the file psycopg2 reads
    from: pieces of ~0.5 MB stay in the CPU's caches. The whole batch written to
    one buffer first (~50 MB for 5,000 stories, copied again on every read) cost
    ~45 µs per story in Python, this ~3 µs."""

    def __init__(self, rows):
        self.rows = iter(rows)

    def read(self, size=-1):  # psycopg2 reads until it gets nothing
        return "".join(
            ["\t".join(row) + "\n" for row in itertools.islice(self.rows, 50)]
        )


def _text(value):
    """A value in COPY's text format."""
    if value is None:
        return r"\N"
    value = str(value)
    # Most values hold none of these: looking for them is a few fast scans (0.3
    # µs for a story's vector), four replacements are four slow ones (7 µs).
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return value


def _array(listed, numbers):
    """Integers (some already listed, as "1,2") as an array in COPY's text format."""
    more = ",".join(map(str, numbers))
    return "{" + ",".join(part for part in (listed, more) if part) + "}"


def clear():
    """Delete every story, image, author, section and tag (a corpus replaces all)."""
    tables = [
        model._meta.db_table
        for model in (Article, Byline, TaggedArticle, Image, Author, Section, Tag)
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def make_newsroom(rng, authors=500, tags=5000, out=sys.stdout):
    sections = []
    for position, (name, children) in enumerate(SECTION_NAMES.items(), start=1):
        parent = Section.objects.create(
            name=name, slug=slugify(name), position=position
        )
        sections.append(parent)
        for child in children:
            sections.append(
                Section.objects.create(
                    name=child, slug=slugify(child), parent=parent, position=position
                )
            )
    firsts, lasts = FIRST.split(), LAST.split()
    Author.objects.bulk_create(
        Author(
            name=f"{rng.choice(firsts)} {rng.choice(lasts)}",
            slug=f"author-{number}",
            role="Correspondent",
            bio="Reports for DailyBeat.",
        )
        for number in range(authors)
    )
    words, _weights = _vocabulary()
    names = set()
    while len(names) < tags:
        names.add(" ".join(rng.choices(words, k=rng.choice((1, 1, 2)))).title())
    Tag.objects.bulk_create(
        Tag(name=name, slug=f"{slugify(name)}-{number}")
        for number, name in enumerate(sorted(names))
    )
    out.write(f"{len(sections)} sections, {authors} authors, {tags} tags\n")


COLOURS = ["#1f4e79", "#7a3b2e", "#2e5e4e", "#5b3f7a", "#6b5a1f", "#1f5b6b"]


def make_pictures(numbers, seed):
    """Draw and store pictures ``numbers``, with their renditions (half a second
    each, mostly encoding the renditions)."""
    try:
        for number in numbers:
            rng = random.Random(seed * 1_000_003 + number)
            picture = demo_images.illustration(
                rng.choice(COLOURS),
                rng.choice(demo_images.MOTIFS),
                size=(1600, 900),
                seed=number,
            )
            Image.objects.create(
                # Its own id, whichever process draws it first: the same
                # stories get the same pictures in every corpus of a seed.
                pk=number + 1,
                file=ContentFile(picture, name=f"corpus-{number}.jpg"),
                alt_text="An illustration",
                caption=f"Illustration {number}",
                credit="DailyBeat",
            )
    finally:
        connection.close()


def _start(target, parts, *args):
    """Run ``target(part, *args)`` for each of ``parts`` in a forked process of its
    own (each opens its own connection: the caller's is closed first)."""
    connection.close()
    for stream in (sys.stdout, sys.stderr):  # or each child prints it again
        stream.flush()
    processes = multiprocessing.get_context("fork")
    started = [processes.Process(target=target, args=(part, *args)) for part in parts]
    for process in started:
        process.start()
    return started


def _secondary_indexes(cursor, tables):
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname
        JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.tablename = ANY(%s) AND NOT x.indisunique AND NOT x.indisprimary
        """,
        [list(tables)],
    )
    return cursor.fetchall()


def _foreign_keys(cursor, tables):
    """The foreign keys of ``tables``, as (table, name, definition): checked row by
    row during a load, so dropped for it and checked in one query each after."""
    cursor.execute(
        """
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)
        """,
        [list(tables)],
    )
    return cursor.fetchall()


def generate(stories, seed=2026, batch=5_000, workers=2, pictures=40, out=sys.stdout):
    """Fill the database with ``stories`` stories (everything else is replaced).

    ``workers`` processes load in parallel, each with a connection of its own.
    """
    rng = random.Random(seed)
    with transaction.atomic():
        clear()
        make_newsroom(rng, out=out)
    # The pictures are drawn by two processes of their own (about half a minute
    # of work on one core) while this one puts the pool of text together.
    out.write(f"{pictures} pictures (with renditions), and the pool of text…\n")
    drawing = _start(make_pictures, [range(pictures)[part::2] for part in (0, 1)], seed)
    try:
        pool = make_pool(random.Random(seed))
        with connection.cursor() as cursor:
            analyse(cursor, pool.headlines, "A")
            analyse(cursor, pool.standfirsts, "B")
            analyse(
                cursor,
                [*pool.paragraphs, *pool.headings, *pool.specials.values()],
                "C",
            )
    except BaseException:
        for process in drawing:  # none left writing pictures behind a failure
            process.terminate()
        raise
    finally:
        for process in drawing:
            process.join()
    if any(process.exitcode for process in drawing):
        raise RuntimeError(
            "Drawing the pictures failed (see its error above), before any story "
            "was loaded: run generate_corpus again."
        )
    with connection.cursor() as cursor:  # the newsroom's next picture follows
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{Image._meta.db_table}', 'id'),"
            f" (SELECT coalesce(max(id), 0) + 1 FROM {Image._meta.db_table}), false)"
        )
    context = {
        "pool": pool,
        "sections": list(Section.objects.values_list("pk", flat=True)),
        "authors": list(Author.objects.values_list("pk", flat=True)),
        "tags": list(Tag.objects.values_list("pk", flat=True)),
        "images": list(Image.objects.order_by("pk").values_list("pk", flat=True)),
        "now": timezone.now(),
        "seed": seed,
        "batch": batch,
    }
    with connection.cursor() as cursor:
        indexes = _secondary_indexes(cursor, TABLES)
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        foreign_keys = _foreign_keys(cursor, TABLES)
        for table, name, _definition in foreign_keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    connection.close()  # each loader opens its own

    try:
        _load_all(stories, workers, context, out)
        check_kept_columns(rng.sample(range(1, stories + 1), min(stories, 500)))
    finally:
        # Even after a failed load: the schema is whole again (the stories
        # loaded so far meet the keys), and the next run finds what to drop.
        started = time.monotonic()
        with connection.cursor() as cursor:
            for table, name, definition in foreign_keys:
                cursor.execute(
                    f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
                )
        out.write(f"Foreign keys checked in {time.monotonic() - started:.0f}s\n")
        rebuild(indexes, out, then=_vacuums())
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        # As autovacuum would soon: the visibility map lets listings skip through
        # their indexes without reading the stories (index-only scans). What the
        # index builders vacuumed (_vacuums) is skipped now, all visible; every
        # table is analysed here, once.
        out.write("Vacuuming and analysing…\n")
        started = time.monotonic()
        cursor.execute("VACUUM ANALYZE")
        out.write(f"  {time.monotonic() - started:.0f}s\n")
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        (size,) = cursor.fetchone()
    return size


def _vacuums():
    """The vacuums that need not wait for the last index builds (the GIN ones
    take minutes): the links' tables, and the TOAST table of the stories, where
    their texts and search columns are (a vacuum of a TOAST table locks it, not
    its story table, which an index build holds)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltoastrelid::regclass::text FROM pg_class"
            " WHERE oid = %s::regclass",
            [TABLES[0]],
        )
        (toast,) = cursor.fetchone()
    return [
        *((f"vacuum of {table}", f"VACUUM {table}") for table in TABLES[1:]),
        (f"vacuum of {TABLES[0]}'s TOAST", f"VACUUM {toast}"),
    ]


def _load_all(stories, workers, context, out):
    """Load the stories in ``workers`` processes, with a progress line."""
    done = multiprocessing.get_context("fork").Value("q", 0)
    bounds = [1 + stories * part // workers for part in range(workers + 1)]
    parts = [range(low, high) for low, high in zip(bounds, bounds[1:], strict=False)]
    progress = Progress(stories, out)
    loaders = _start(_load, [numbers for numbers in parts if numbers], context, done)
    while any(loader.is_alive() for loader in loaders):
        progress.update(done.value)
        time.sleep(0.5)
    progress.update(done.value)
    progress.finish()
    if any(loader.exitcode for loader in loaders):
        raise RuntimeError(
            "A loader failed (see its error above). The indexes and keys are put "
            "back, but the corpus is incomplete: run generate_corpus again."
        )


def rebuild(indexes, out, workers=2, then=()):
    """Build ``indexes`` (name, definition) again, ``workers`` at a time, the GIN
    ones (the slowest: the search and word-pair indexes) first, and then run the
    statements ``then`` (name, statement) in the same way.
    The progress line follows the GIN builds, in table blocks read (from
    PostgreSQL's pg_stat_progress_create_index); the others take seconds."""
    with connection.cursor() as cursor:
        blocks = {}  # the blocks of each GIN index's table, which its build reads
        for name, definition in indexes:
            if " gin " in definition.lower():
                table = re.search(r" ON (?:ONLY )?(\S+) ", definition).group(1)
                cursor.execute("SELECT pg_relation_size(%s::regclass) / 8192", [table])
                (blocks[name],) = cursor.fetchone()
    queue = [*sorted(indexes, key=lambda index: index[0] not in blocks), *then]
    out.write(f"Rebuilding {len(indexes)} indexes, {workers} at a time…\n")
    progress = Progress(sum(blocks.values()), out, "blocks")
    built, building, lock = [], {}, threading.Lock()  # building: {pid: name}

    def build():
        try:
            with connection.cursor() as cursor:
                # Small enough that a GIN build's tree of keys stays near the CPU's
                # caches: at a million stories the pair index (millions of keys)
                # took 236 s with 64 MB, 308 s with 512 MB (each alongside the
                # search index).
                cursor.execute("SET maintenance_work_mem = '64MB'")
                cursor.execute("SELECT pg_backend_pid()")
                (pid,) = cursor.fetchone()
                while True:
                    with lock:
                        if not queue:
                            return
                        name, definition = queue.pop(0)
                        building[pid] = name
                    started = time.monotonic()
                    cursor.execute(definition)
                    with lock:
                        built.append((name, time.monotonic() - started))
                        del building[pid]
        except BaseException:
            with lock:
                queue.clear()  # the other builder stops after its index, too
            raise
        finally:
            connection.close()

    with ThreadPoolExecutor(workers) as pool:
        running = [pool.submit(build) for _ in range(workers)]
        with connection.cursor() as cursor:
            while not all(future.done() for future in running):
                cursor.execute(
                    "SELECT pid, blocks_done FROM pg_stat_progress_create_index"
                )
                reading = dict(cursor.fetchall())
                with lock:
                    done = sum(blocks.get(name, 0) for name, _ in built) + sum(
                        reading.get(pid, 0)
                        for pid, name in building.items()
                        if name in blocks
                    )
                progress.update(done)
                time.sleep(0.5)
        for future in running:
            future.result()  # a failed build raises here
    progress.update(progress.total)
    progress.finish()
    for name, seconds in built:
        out.write(f"  {name}: {seconds:.0f}s\n")


# The stories' columns and their links' that triggers keep (articles 0014 and
# 0016), which the loaders write themselves: (table, the story's column, trigger
# function, the expressions to compare for a {row}, what they are).
KEPT = [
    (
        Article._meta.db_table,
        "id",
        "article_search_columns",
        ["{row}.search_vector", "ARRAY(SELECT unnest({row}.word_pairs) ORDER BY 1)"],
        "search columns",
    ),
    (
        Byline._meta.db_table,
        "article_id",
        f"{Byline._meta.db_table}_take_live_at",
        ["{row}.live_at"],
        "bylines' live times",
    ),
    (
        TaggedArticle._meta.db_table,
        "content_object_id",
        f"{TaggedArticle._meta.db_table}_take_live_at",
        ["{row}.live_at"],
        "tags' live times",
    ),
]


def check_kept_columns(numbers):
    """Check that the stories ``numbers`` and their bylines and tags have what the
    triggers compute (the triggers themselves, on copies of the rows in temporary
    tables): search columns as from their text (the pairs as the same hashes, in
    any order), and the links' live times as from their story."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table, story, function, columns, what in KEPT:
            cursor.execute(
                f"CREATE TEMPORARY TABLE corpus_check (LIKE {table}) ON COMMIT DROP"
            )
            cursor.execute(
                "CREATE TRIGGER corpus_check BEFORE INSERT ON corpus_check"
                f" FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
            cursor.execute(
                f"INSERT INTO corpus_check SELECT * FROM {table}"
                f" WHERE {story} = ANY(%s)",
                [list(numbers)],
            )
            differ = " OR ".join(
                f"{column.format(row='c')} IS DISTINCT FROM {column.format(row='a')}"
                for column in columns
            )
            cursor.execute(
                f"SELECT count(DISTINCT a.{story}) FROM corpus_check AS c"
                f" JOIN {table} AS a USING (id) WHERE {differ}"
            )
            (wrong,) = cursor.fetchone()
            if wrong:
                raise RuntimeError(
                    f"{wrong} of {len(numbers)} stories checked have {what} other "
                    "than the triggers compute, so readers' pages would not show "
                    "them as they should: this is a bug in bench/corpus.py; until "
                    "it is fixed, do not benchmark on this corpus."
                )
            cursor.execute("DROP TABLE corpus_check")


def _may_leave_triggers_out(cursor):
    """Each story brings its search columns (put together from its pieces, as the
    trigger would compute them), so the trigger need not parse it again, and each
    link its story's live time: a superuser's session can leave the triggers out.
    Otherwise they run, and compute the same."""
    cursor.execute("SELECT current_setting('is_superuser') = 'on'")
    return cursor.fetchone() == (True,)


def _load(numbers, context, done):
    """Load the stories ``numbers`` (a range; in a process of its own)."""
    low, high = numbers.start, numbers.stop
    rng = random.Random(context["seed"] * 1_000_003 + low)
    pool = context["pool"]
    years = 5 * 365 * 24 * 3600
    hashes = {}  # of the pairs of words across chunks, as PostgreSQL hashes them
    # The rows make no reference cycles (they are freed as each batch goes), so
    # the collector has nothing to find; left on, it went through the pool and
    # the batch again and again (~5% of the time it takes to make a story).
    gc.freeze()
    gc.disable()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        if _may_leave_triggers_out(cursor):
            cursor.execute("SET session_replication_role = replica")
        # lz4 compresses the bodies several times faster than the default pglz,
        # where PostgreSQL was built with it (the embedded one is not).
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings"
            " WHERE name = 'default_toast_compression'"
        )
        if cursor.fetchone() == (True,):
            cursor.execute("SET default_toast_compression = 'lz4'")
        for start in range(low, high, context["batch"]):
            numbers = range(start, min(start + context["batch"], high))
            stories, bylines, tagged = [], [], []
            for number in numbers:
                story = _story(rng, number, pool, context, years)
                stories.append(story)
                # Links carry their story's live time (as their trigger would
                # set): its publication time while it is published.
                status, published = story[0][STATUS : STATUS + 2]
                live = published if status == "published" else r"\N"
                authors = rng.sample(context["authors"], rng.choice((1, 1, 1, 2, 2, 3)))
                for position, author in enumerate(authors, start=1):
                    bylines.append((str(number), str(author), str(position), live))
                for tag in rng.sample(context["tags"], rng.randint(3, 6)):
                    tagged.append((str(number), str(tag), live))
            missing = {pair for *_, across in stories for pair in across}
            missing.difference_update(hashes)
            if missing:
                cursor.execute(
                    "SELECT pair, article_pair_hash(pair) FROM unnest(%s::text[]) pair",
                    [list(missing)],
                )
                hashes.update(cursor.fetchall())
            articles = [
                (
                    *row,
                    _text(vector),
                    _array(within, map(hashes.get, across)),
                )
                for row, vector, within, across in stories
            ]
            _copy(cursor, TABLES[0], ARTICLE_COLUMNS, articles)
            _copy(
                cursor,
                TABLES[1],
                ["article_id", "author_id", "position", "live_at"],
                bylines,
            )
            _copy(cursor, TABLES[2], ["content_object_id", "tag_id", "live_at"], tagged)
            with done.get_lock():
                done.value += len(numbers)
    connection.close()


@functools.cache  # a pool's few thousand headlines, each in hundreds of stories
def _slug(headline):
    return slugify(headline)[:80]


def _story(rng, number, pool, context, years):
    """A story's row (fields in COPY's text format, but for the search columns), its
    search vector (as text) and its word pairs: hashes ("1,2"), and texts still to
    hash."""
    now, image_ids = context["now"], context["images"]
    paragraphs = rng.sample(pool.paragraphs, rng.randint(9, 11))
    body = []
    for index, paragraph in enumerate(paragraphs):
        if index in (3, 7):
            body.append(rng.choice(pool.headings))
        body.append(paragraph)
    if rng.random() < RARE_SHARE:
        body.append(pool.specials[RARE_WORD])
    if rng.random() < PHRASE_SHARE:
        body.append(pool.specials[PHRASE])
    headline = rng.choice(pool.headlines)
    standfirst = rng.choice(pool.standfirsts)
    roll = rng.random()
    if roll < 0.03:
        status, published = "draft", None
    elif roll < 0.05:
        status, published = "published", now + timedelta(hours=rng.randint(1, 240))
    else:
        status = "published"
        published = now - timedelta(seconds=int(years * rng.random() ** 1.5))
    created = (published or now) - timedelta(hours=2)
    revised = (
        published + timedelta(hours=3) if published and rng.random() < 0.1 else None
    )
    if revised and revised > now:
        revised = None
    image = rng.choice(image_ids) if image_ids and rng.random() < 0.6 else None
    # In COPY's text format: the pool's texts escaped once (Chunk.copied), the
    # rest numbers, times, and slugs and datelines (escaped, though plain).
    row = (
        str(number),
        headline.copied,
        _text(f"{_slug(headline.text)}-{number}"),
        standfirst.copied,
        "".join([chunk.copied for chunk in body]),
        "",
        "",
        "t",
        str(rng.choice(context["sections"])),
        "",
        _text(rng.choice(DATELINES)),
        r"\N" if image is None else str(image),
        status,
        published.isoformat() if published else r"\N",
        revised.isoformat() if revised else r"\N",
        created.isoformat(),
        (revised or created).isoformat(),
        "1",
    )
    vector, within, across = search_columns([[headline], [standfirst], body])
    return row, vector, within, across
