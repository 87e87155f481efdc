"""Bytes on the wire for a reader's pages: `bench/pageweight [BASE_URL]`.

Without BASE_URL it builds a scratch network (SQLite in a temporary CHAIKHANA_VAR_DIR:
migrate, demo --blogs 20 --posts 300, reindex_search, collectstatic), serves it with gunicorn
on a free 127.0.0.1 port and stops it at the end. With BASE_URL (http://127.0.0.1:PORT) it
measures that server; the pages are then chosen by the environment's database, so point both
at the same network (or pass --post/--home/--photo paths).

How bytes are counted: each response's HTTP/1.1 status line + header block as received
(names, values, CRLFs) + the body exactly as sent (Content-Length of the encoded body).
Request headers are not counted. When the server sends a body uncompressed although the
client asked for gzip/br, the "edge" column also shows what a compressing proxy would send
(gzip level 6, brotli quality 5, computed here on the same body, same headers).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reading as r

TEXT_POST_BUDGET, HOME_BUDGET, FRONT_BUDGET = 14_000, 20_000, 30_000
VIEWPORT, DPR = 360, 2
FETCHED_ATTRS = {"src", "srcset", "poster", "data"}
FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}


@dataclass
class Img:
    src: str
    srcset: str = ""
    sizes: str = ""
    lazy: bool = False
    sources: list[tuple[str, str, str]] = field(default_factory=list)  # (type, srcset, sizes)


class Page(HTMLParser):
    """What a browser would fetch from this HTML, and which URLs point elsewhere."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stylesheets: list[str] = []
        self.images: list[Img] = []
        self.scripts: list[str] = []
        self.fetched_urls: list[str] = []  # src, srcset, <link rel=stylesheet|icon|…>
        self.link_urls: list[str] = []  # <a href>, <link rel=alternate|webmention|…>
        self._sources: list[tuple[str, str, str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & FETCHED_LINK_RELS:
                self.fetched_urls.append(a.get("href", ""))
                if "stylesheet" in rels:
                    self.stylesheets.append(a.get("href", ""))
            else:
                self.link_urls.append(a.get("href", ""))
        elif tag == "a":
            self.link_urls.append(a.get("href", ""))
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif tag == "picture":
            self._sources = []
        elif tag == "source" and self._sources is not None:
            self._sources.append((a.get("type", ""), a.get("srcset", ""), a.get("sizes", "")))
        elif tag == "img":
            img = Img(a.get("src", ""), a.get("srcset", ""), a.get("sizes", ""))
            img.lazy = a.get("loading") == "lazy"
            img.sources = list(self._sources or [])
            self.images.append(img)
        for name in FETCHED_ATTRS & set(a):
            if name == "srcset":
                self.fetched_urls += [c.split()[0] for c in a[name].split(",") if c.strip()]
            elif tag != "a":
                self.fetched_urls.append(a[name])

    def handle_endtag(self, tag: str) -> None:
        if tag == "picture":
            self._sources = None


def slot_px(sizes: str) -> float:
    """The slot width for a 360-px viewport: first matching (max|min-width) condition."""
    for part in (p.strip() for p in sizes.split(",") if p.strip()):
        cond = re.match(r"\((max|min)-width:\s*(\d+)px\)\s*(.+)", part)
        if cond:
            kind, px, value = cond.group(1), int(cond.group(2)), cond.group(3)
            if (kind == "max" and px >= VIEWPORT) or (kind == "min" and px <= VIEWPORT):
                return length_px(value)
            continue
        return length_px(part)
    return VIEWPORT  # no sizes: 100vw


def length_px(value: str) -> float:
    value = value.strip()
    if value.endswith("vw"):
        return float(value[:-2]) * VIEWPORT / 100
    if value.endswith("px"):
        return float(value[:-2])
    return VIEWPORT


def choose(srcset: str, sizes: str, fallback: str) -> str:
    """The candidate a 360-px, DPR-2 phone picks: smallest with w ≥ slot × DPR (x: ≥ DPR)."""
    cands = []
    for c in (c.strip() for c in srcset.split(",") if c.strip()):
        url, *desc = c.split()
        d = desc[0] if desc else "1x"
        if d.endswith("w"):
            cands.append((float(d[:-1]) / slot_px(sizes), url))
        elif d.endswith("x"):
            cands.append((float(d[:-1]), url))
    if not cands:
        return fallback
    cands.sort()
    for density, url in cands:
        if density >= DPR:
            return url
    return cands[-1][1]


def image_url(img: Img) -> str:
    """A phone browser takes the first <source> it supports (AVIF/WebP today), else the img."""
    for _type, srcset, sizes in img.sources:
        if srcset:
            return choose(srcset, sizes or img.sizes, img.src)
    return choose(img.srcset, img.sizes, img.src)


# What Chromium and Firefox send; the budget is judged on it. "gzip" and "br" alone are shown too.
BROWSER = "gzip, deflate, br"


def wire(status: int, headers: list, body: bytes) -> int:
    return r.header_bytes(status, headers) + len(body)


def edge(status: int, headers: list, body: bytes, enc: str) -> int:
    """What a compressing proxy would send for this response (same headers + encoding)."""
    if r.header(headers, "Content-Encoding") or enc == "identity" or status != 200:
        return wire(status, headers, body)
    chosen = "br" if "br" in enc else "gzip"
    packed = gzip.compress(body, 6) if chosen == "gzip" else brotli.compress(body, quality=5)
    return r.header_bytes(status, headers) + len(f"Content-Encoding: {chosen}\r\n") + len(packed)


def decoded(headers: list, body: bytes) -> bytes:
    """The body as the browser reads it, whatever encoding the server chose."""
    encoding = r.header(headers, "Content-Encoding")
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        return brotli.decompress(body)
    return body


def third_party(urls: list[str], base: str) -> list[str]:
    host = urlsplit(base).netloc
    return [u for u in urls if urlsplit(urljoin(base + "/", u)).netloc not in ("", host)]


def cookies_from(headers: list) -> str:
    return "; ".join(v.split(";", 1)[0] for k, v in headers if k.lower() == "set-cookie")


def visit(base: str, path: str, enc: str, extra: dict | None = None, images: bool = True) -> dict:
    """A first visit: HTML, its stylesheets, the images a 360-px DPR-2 phone would fetch."""
    h = {"Accept-Encoding": enc, **(extra or {})}
    status, headers, body = r.get(base + path, h)
    assert status == 200, (path, status)
    page = Page()
    page.feed(decoded(headers, body).decode("utf-8", "replace"))
    res = {
        "html": wire(status, headers, body),
        "html_edge": edge(status, headers, body, enc),
        "html_raw": len(decoded(headers, body)),
        "css": 0,
        "css_immutable": True,
        "images": 0,
        "image_bytes": 0,
        "lazy_images": sum(i.lazy for i in page.images),
        "scripts": len(page.scripts),
        "third_party": third_party(page.fetched_urls + page.scripts, base),
        "outbound_links": len(third_party(page.link_urls, base)),
        "inline_css": sum(
            len(m) for m in re.findall(rb"<style[^>]*>(.*?)</style>", decoded(headers, body), re.S)
        ),
        "headers": headers,
        "status": status,
        "cookies": cookies_from(headers),
    }
    for href in page.stylesheets + page.scripts:  # scripts: bytes and requests all the same
        s, hh, b = r.get(urljoin(base + path, href), {"Accept-Encoding": enc})
        res["css"] += wire(s, hh, b)
        res["css_immutable"] &= "immutable" in r.header(hh, "Cache-Control")
    if images:
        for img in page.images:
            s, hh, b = r.get(urljoin(base + path, image_url(img)), {"Accept-Encoding": enc})
            res["images"] += 1
            res["image_bytes"] += wire(s, hh, b)
    res["requests"] = 1 + len(page.stylesheets) + res["images"] + len(page.scripts)
    return res


def repeat(base: str, path: str, enc: str, first: dict) -> dict:
    """The browser comes back: CSS from its cache (immutable), cookies and validators sent."""
    h = {"Accept-Encoding": enc}
    if first["cookies"]:
        h["Cookie"] = first["cookies"]
    if etag := r.header(first["headers"], "ETag"):
        h["If-None-Match"] = etag
    if lm := r.header(first["headers"], "Last-Modified"):
        h["If-Modified-Since"] = lm
    status, headers, body = r.get(base + path, h)
    return {"status": status, "bytes": wire(status, headers, body)}


def in_chromium(base: str, path: str) -> list[tuple[str, int]] | None:
    """Image bytes a real phone-sized Chromium fetches on a first view (no scrolling)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    fetched: list[tuple[str, int]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            context = browser.new_context(
                viewport={"width": VIEWPORT, "height": 740}, device_scale_factor=DPR
            )
            page = context.new_page()

            def record(response: object) -> None:
                request = response.request  # type: ignore[attr-defined]
                if request.resource_type == "image":
                    fetched.append((request.url, len(response.body())))  # type: ignore[attr-defined]

            page.on("response", record)
            page.goto(base + path, wait_until="networkidle")
        finally:
            browser.close()
    return fetched


MISSED: list[bool] = []  # one entry per budget verdict that failed, for --check


def ok(flag: bool) -> str:
    if not flag:
        MISSED.append(True)
    return "met" if flag else "**NOT met**"


def measure(base: str, pages: dict) -> None:
    rows = []
    print("\n### First visits (HTML + CSS; images separately)\n")
    print(
        "| page | encoding | HTML as served | HTML via compressing edge | CSS + JS | total as "
        "served | total via edge | requests | third-party fetches | outbound `<a>` links |"
    )
    print("| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |")
    results = {}
    for name, path in (("text post", pages["post"]), ("blog home", pages["home"])):
        for enc in (BROWSER, "gzip", "br"):
            v = visit(base, path, enc, images=True)
            results[(name, enc)] = v
            tot = v["html"] + v["css"]
            tot_e = v["html_edge"] + v["css"]
            print(
                f"| {name} (`{path}`) | {enc} | {v['html']:,} | {v['html_edge']:,} | "
                f"{v['css']:,} | {tot:,} | {tot_e:,} | {v['requests']} | "
                f"{len(v['third_party'])} | {v['outbound_links']} |"
            )
            rows.append((name, enc, v))

    print(
        "\nHTML bodies: text post {:,} bytes uncompressed ({} words); blog home {:,} bytes.".format(
            results[("text post", BROWSER)]["html_raw"],
            pages.get("post_words", "?"),
            results[("blog home", BROWSER)]["html_raw"],
        )
    )
    served_enc = r.header(results[("text post", BROWSER)]["headers"], "Content-Encoding") or "none"
    print(f"Content-Encoding of the HTML for a browser ({BROWSER}): **{served_enc}**.")
    scripts = results[("text post", BROWSER)]["scripts"]
    print(
        f"Scripts on the text post: {scripts} (counted as requests and bytes: a browser fetches "
        "a deferred script on the first visit too)."
    )

    print("\n### Repeat visit (CSS from the browser's cache; cookies + validators sent)\n")
    print("| page | CSS/JS `Cache-Control` immutable | repeat status | repeat bytes (HTML only) |")
    print("| --- | --- | --: | --: |")
    for name in ("text post", "blog home"):
        first = results[(name, BROWSER)]
        rep = repeat(base, pages["post" if name == "text post" else "home"], BROWSER, first)
        results[(name, "repeat")] = rep
        print(
            f"| {name} | {'yes' if first['css_immutable'] else '**no**'} | {rep['status']} | "
            f"{rep['bytes']:,} |"
        )

    print(f"\n### Save-Data and light mode (Accept-Encoding: {BROWSER})\n")
    print(
        "| page | variant | HTML as served | HTML via edge | CSS + JS | inline CSS bytes | "
        "images fetched | requests |"
    )
    print("| --- | --- | --: | --: | --: | --: | --: | --: |")
    for name, key in (("text post", "post"), ("blog home", "home"), ("photo post", "photo")):
        if not pages.get(key):
            continue
        for variant, extra, suffix in (
            ("full", {}, ""),
            ("Save-Data: on", {"Save-Data": "on"}, ""),
            ("?format=light", {}, "?format=light"),
        ):
            v = visit(base, pages[key] + suffix, BROWSER, extra)
            results[(name, variant)] = v
            print(
                f"| {name} | {variant} | {v['html']:,} | {v['html_edge']:,} | {v['css']:,} | "
                f"{v['inline_css']:,} | {v['images']} ({v['image_bytes']:,} B) | "
                f"{v['requests']} |"
            )

    if pages.get("photo"):
        v = results[("photo post", "full")]
        print(
            f"\nPhoto post `{pages['photo']}` at {VIEWPORT} px, DPR {DPR}: {v['images']} "
            f"images, {v['image_bytes']:,} bytes (the candidates chosen from srcset/sizes or "
            f"<picture> sources; src when there is no srcset); lazy: {v['lazy_images']}."
        )

    if pages.get("photo"):
        shots = in_chromium(base, pages["photo"])
        if shots is not None:
            total = sum(size for _url, size in shots)
            print(
                f"\nThe same photo post's first view in Debian's Chromium at {VIEWPORT}×740, DPR "
                f"{DPR}, no scrolling (what the browser really fetched, lazy images included only "
                f"if it chose to): {len(shots)} image(s), {total:,} bytes — "
                + ", ".join(f"`{url.rsplit('/', 1)[-1]}` {size:,} B" for url, size in shots)
                + f". Budget ≤ 60,000 B of images: {ok(total <= 60_000)}."
            )

    tp = results[("text post", BROWSER)]
    hp = results[("blog home", BROWSER)]
    tp_bytes, tp_edge = tp["html"] + tp["css"], tp["html_edge"] + tp["css"]
    hp_bytes, hp_edge = hp["html"] + hp["css"], hp["html_edge"] + hp["css"]
    print(
        f'\n### Budget (Accept-Encoding: {BROWSER}, as Chromium sends it; "as served" = what '
        'gunicorn sends; "edge" = behind a brotli-compressing proxy)\n'
    )
    print("| budget | as served | verdict | via compressing edge | verdict |")
    print("| --- | --: | --- | --: | --- |")
    print(
        f"| text post ≤ 14,000 B incl. CSS (+JS) | {tp_bytes:,} | "
        f"{ok(tp_bytes <= TEXT_POST_BUDGET)} "
        f"| {tp_edge:,} | {ok(tp_edge <= TEXT_POST_BUDGET)} |"
    )
    print(
        f"| text post ≤ 2 requests | {tp['requests']} | {ok(tp['requests'] <= 2)} | "
        f"{tp['requests']} | {ok(tp['requests'] <= 2)} |"
    )
    print(
        f"| blog home ≤ 20,000 B incl. CSS | {hp_bytes:,} | {ok(hp_bytes <= HOME_BUDGET)} | "
        f"{hp_edge:,} | {ok(hp_edge <= HOME_BUDGET)} |"
    )
    limit = 2 + hp["images"]
    print(
        f"| blog home ≤ 2 + visible images ({hp['images']}) | {hp['requests']} | "
        f"{ok(hp['requests'] <= limit)} | {hp['requests']} | {ok(hp['requests'] <= limit)} |"
    )
    for name in ("text post", "blog home"):
        first, rep = results[(name, BROWSER)], results[(name, "repeat")]
        good = first["css_immutable"]
        print(
            f"| repeat visit = HTML only ({name}) | {rep['bytes']:,} B, 1 request "
            f"(HTTP {rep['status']}) | {ok(good)} | same | {ok(good)} |"
        )
    if pages.get("front"):
        fp = visit(base, pages["front"], BROWSER, images=False)
        results[("front page", BROWSER)] = fp
        fp_bytes, fp_edge = fp["html"] + fp["css"], fp["html_edge"] + fp["css"]
        print(
            f"| portal front page ≤ 30,000 B incl. CSS, before images | {fp_bytes:,} | "
            f"{ok(fp_bytes <= FRONT_BUDGET)} | {fp_edge:,} | {ok(fp_edge <= FRONT_BUDGET)} |"
        )
    n3 = sum(
        len(v["third_party"])
        for k, v in results.items()
        if isinstance(v, dict) and "third_party" in v
    )
    print(
        f"| third-party fetches = 0 (all pages, all variants) | {n3} | {ok(n3 == 0)} | {n3} | "
        f"{ok(n3 == 0)} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base_url", nargs="?")
    ap.add_argument("--post")
    ap.add_argument("--home")
    ap.add_argument("--photo")
    ap.add_argument("--check", action="store_true", help="exit 1 when a budget is not met")
    args = ap.parse_args()
    try:
        run(args)
    finally:
        if args.check and MISSED:
            print(f"\n{len(MISSED)} budget verdict(s) not met.")
    sys.exit(1 if args.check and MISSED else 0)


def run(args: argparse.Namespace) -> None:
    m = r.machine()
    print("## Reading: page weight (`bench/pageweight`)\n")
    r.print_machine(m)
    if args.base_url:
        pages = {"post": args.post, "home": args.home, "photo": args.photo, "front": "/"}
        if not (args.post and args.home):
            pages = {
                **r.pick_pages(r.base_env(str(r.ROOT / "var"))),
                **{k: v for k, v in pages.items() if v},
            }
        print(f"- Server: {args.base_url} (given)")
        measure(args.base_url.rstrip("/"), pages)
        return
    with r.scratch_dir("chaikhana-pageweight-") as var:
        env = r.base_env(var)
        r.log("building the demo network (SQLite, 20 blogs, 300 posts)…")
        r.load_network(env, 20, 300)
        r.manage(env, "demo_portal", "--if-empty")
        pages = {**r.pick_pages(env), "front": "/"}
        with r.gunicorn(env, workers=2) as server:
            print(
                "- Server: gunicorn, 2 sync workers, SQLite scratch network "
                "(demo --blogs 20 --posts 300), no proxy in front"
            )
            print(
                f"- Pages: text post `{pages['post']}` ({pages['post_words']} words), blog "
                f"home `{pages['home']}`, photo post `{pages['photo']}`"
            )
            measure(server.base, pages)


if __name__ == "__main__":
    main()
