"""
Page quality: `make quality` (or `.venv/bin/python bench/quality.py`).

Runs Lighthouse (the npm package, pinned in bench/lighthouse/package.json) against
Debian's chromium, mobile profile (Lighthouse's default: a mid-range phone on a slow
4G connection, simulated), on the home page and an article of the demo newsroom,
served by the production stack as shipped: gunicorn with deploy/gunicorn.conf.py
behind nginx with deploy/nginx.conf, DEBUG off, static files collected. Each page is
measured several times and the median run (by performance score) is kept.

Prints the scores and Core Web Vitals and writes them to docs/quality.md. It is a
measurement, not a test: scores on a shared 2-core machine move by a few points.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import run as stack  # noqa: E402

ROOT = stack.ROOT
LIGHTHOUSE = ROOT / "bench" / "lighthouse"
DOCS = ROOT / "docs" / "quality.md"
# The stack's files (static, media, nginx's) go apart from the benchmark's.
stack.WORK = Path(tempfile.gettempdir()) / "dailybeat-quality"

PAGES = {
    "home": "/",
    # The demo's first story; its address (with its date) is looked up.
    "article": "iran-oman-talks-a-good-beginning",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {
    "largest-contentful-paint": ("LCP", "s", 1000),
    "cumulative-layout-shift": ("CLS", "", 1),
    "total-blocking-time": ("TBT", "ms", 1),
    "first-contentful-paint": ("FCP", "s", 1000),
    "speed-index": ("Speed Index", "s", 1000),
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "QUALITY_DATABASE_URL",
            "postgres://postgres@127.0.0.1:5432/dailybeat_quality",
        ),
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("QUALITY_REDIS_URL", "redis://127.0.0.1:6379/8"),
    )
    parser.add_argument(
        "--no-docs", action="store_true", help="do not rewrite docs/quality.md"
    )
    return parser.parse_args()


def say(message):
    stack.say(message)


def chromium():
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if not path:
        sys.exit(
            "Lighthouse needs chromium: apt-get install -y chromium "
            "(or set CHROME_PATH)."
        )
    return path


def ensure_lighthouse():
    binary = LIGHTHOUSE / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        sys.exit(
            "Lighthouse needs Node.js 18.16 or newer with npm: "
            "apt-get install -y nodejs npm, then run this again."
        )
    say("Installing Lighthouse (npm, bench/lighthouse/)…")
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=LIGHTHOUSE,
        check=True,
    )
    return binary


def ensure_demo_site(args):
    import psycopg2
    from psycopg2 import sql

    name = args.database_url.rsplit("/", 1)[1]
    server = args.database_url.rsplit("/", 1)[0] + "/postgres"
    try:
        connection = psycopg2.connect(server)
    except psycopg2.OperationalError as error:
        sys.exit(
            f"Cannot reach PostgreSQL ({error}). Set "
            "QUALITY_DATABASE_URL=postgres://user@host:5432/dailybeat_quality."
        )
    connection.autocommit = True
    # A fresh database and media folder each time: the demo is quick to load, and
    # pictures and rows then always match.
    with connection.cursor() as cursor:
        identifier = sql.Identifier(name)
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier)
        )
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(identifier))
    connection.close()
    shutil.rmtree(stack.WORK / "media", ignore_errors=True)
    env = stack.environment(args)
    say("Preparing the demo newsroom (migrate, demo content, static files)…")
    stack.manage(env, "migrate", "--noinput")
    stack.manage(env, "load_demo")
    stack.manage(env, "collectstatic", "--noinput")


def lighthouse(binary, url, output, attempts=3):
    """One Lighthouse run of ``url``; its report. Lighthouse sometimes loses the
    page's trace (NO_NAVSTART, NO_FCP) on a busy machine: such a run is repeated."""
    command = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
        "--disable-dev-shm-usage",
    ]
    for attempt in range(1, attempts + 1):
        finished = subprocess.run(
            command, env={**os.environ, "CHROME_PATH": chromium()}, check=False
        )
        if finished.returncode == 0:
            return json.loads(output.read_text())
        say(f"    Lighthouse failed (attempt {attempt} of {attempts}).")
    sys.exit(f"Lighthouse could not measure {url}: see its messages above.")


def summarise(report):
    scores = {
        name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    metrics = {audit: report["audits"][audit]["numericValue"] for audit in METRICS}
    failing = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failing.append(
                    f"{name}: {audit['title']} ({audit.get('displayValue', '')})"
                    if audit.get("displayValue")
                    else f"{name}: {audit['title']}"
                )
    return {"scores": scores, "metrics": metrics, "failing": failing}


def measure(args, binary, base):
    reports = Path(stack.WORK) / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    results = {}
    for page, path in PAGES.items():
        runs = []
        for number in range(1, args.runs + 1):
            say(f"  {page}: run {number} of {args.runs}…")
            report = lighthouse(binary, base + path, reports / f"{page}-{number}.json")
            runs.append(summarise(report))
        runs.sort(key=lambda run: run["scores"]["performance"])
        median = runs[len(runs) // 2]
        median["performance_range"] = (
            runs[0]["scores"]["performance"],
            runs[-1]["scores"]["performance"],
        )
        median["lcp_median"] = statistics.median(
            run["metrics"]["largest-contentful-paint"] for run in runs
        )
        results[page] = median
        scores = median["scores"]
        say(
            f"  {page}: "
            + ", ".join(f"{name} {scores[name]}" for name in CATEGORIES)
            + f"; LCP {median['metrics']['largest-contentful-paint'] / 1000:.2f}s, "
            f"CLS {median['metrics']['cumulative-layout-shift']:.3f}, "
            f"TBT {median['metrics']['total-blocking-time']:.0f}ms"
        )
    return results


def lighthouse_version(binary):
    return subprocess.run(
        [str(binary), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def chromium_version():
    return subprocess.run(
        [chromium(), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()


def render(args, results, versions):
    def metric(audit, value):
        _label, unit, scale = METRICS[audit]
        if unit == "s":
            return f"{value / scale:.2f} s"
        if unit == "ms":
            return f"{value:.0f} ms"
        return f"{value:.3f}"

    lines = [
        "# Page quality",
        "",
        "Lighthouse on the demo newsroom, measured by `make quality` "
        "(`bench/quality.py`; it is not part of the tests). The latest run:",
        "",
        f"- **When:** {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- **Machine:** {stack.machine()}",
        f"- **Tools:** Lighthouse {versions['lighthouse']}, {versions['chromium']} "
        "(Debian's package), mobile profile (Lighthouse's default: a mid-range "
        "phone on slow 4G, simulated throttling)",
        "- **Stack:** gunicorn with `deploy/gunicorn.conf.py` behind nginx with "
        "`deploy/nginx.conf`, DEBUG off, collected static files, plain HTTP on "
        "loopback",
        f"- **Runs:** {args.runs} per page; the median run by performance score is "
        "shown",
        "",
        "## Scores",
        "",
        "| page | performance | accessibility | best practices | SEO |",
        "|---|---:|---:|---:|---:|",
    ]
    for page, result in results.items():
        scores = result["scores"]
        low, high = result["performance_range"]
        spread = f" ({low}–{high})" if low != high else ""
        lines.append(
            f"| {page} (`{PAGES[page]}`) | {scores['performance']}{spread} | "
            f"{scores['accessibility']} | {scores['best-practices']} | "
            f"{scores['seo']} |"
        )
    lines += [
        "",
        "## Core Web Vitals and other timings",
        "",
        "| page | " + " | ".join(label for label, _u, _s in METRICS.values()) + " |",
        "|---|" + "---:|" * len(METRICS),
    ]
    for page, result in results.items():
        lines.append(
            f"| {page} | "
            + " | ".join(metric(audit, result["metrics"][audit]) for audit in METRICS)
            + " |"
        )
    lines += ["", "## Targets", ""]
    for page, result in results.items():
        for name, target in TARGETS.items():
            score = result["scores"][name]
            mark = "✅" if score >= target else "❌"
            lines.append(f"- {mark} {page}, {name}: {score} (target {target})")
    lines += ["", "## What Lighthouse would still improve", ""]
    for page, result in results.items():
        if result["failing"]:
            lines += [f"- **{page}:** " + "; ".join(result["failing"])]
        else:
            lines += [f"- **{page}:** nothing in the scored audits."]
    lines += [
        "",
        "Accessibility is also checked on every test run, by axe-core in chromium "
        "(`tests/browser/test_accessibility.py`), on phone and desktop.",
        "",
    ]
    return "\n".join(lines)


def main():
    args = parse_args()
    binary = ensure_lighthouse()
    if not shutil.which("nginx"):
        sys.exit("The quality run serves pages through nginx: apt-get install -y nginx")
    ensure_demo_site(args)
    versions = {
        "lighthouse": lighthouse_version(binary),
        "chromium": chromium_version(),
    }
    static_dir = Path(stack.WORK) / "ceiling"
    static_dir.mkdir(parents=True, exist_ok=True)
    (static_dir / "article.html").write_text("ready\n")
    stack.setup_django(args)
    from articles.models import Article

    PAGES["article"] = Article.objects.get(slug=PAGES["article"]).get_absolute_url()
    say("Measuring with Lighthouse (mobile)…")
    with stack.gunicorn(args, page_cache=True), stack.nginx(static_dir):
        results = measure(args, binary, f"http://127.0.0.1:{stack.NGINX_PORT}")
    report = render(args, results, versions)
    say(report)
    if not args.no_docs:
        DOCS.write_text(report)
        say(f"Written to {DOCS.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
