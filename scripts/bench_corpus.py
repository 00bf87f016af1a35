#!/usr/bin/env python3
"""Builds the throughput benchmark corpora from the development data in
../shared (never committed). Output goes to a directory you name.

  text.jsonl : N plain-text articles of about 4 KB, each a different draw of
               paragraphs from the GeoWebNews and GeoVirus articles and the
               ACLED/UCDP event notes (so no two articles are identical).
               About half the paragraphs are event notes: event-dense.
  news.jsonl : N plain-text articles of about 4 KB drawn from the news
               articles alone (GeoWebNews, GeoVirus; no event notes), cut
               into passages of a few sentences: ordinary news density.
  html.jsonl : N real-size news pages ({"id","html"}), cycling through the
               181 article-extraction benchmark pages (each a different id).
  html.warc.gz : the same N pages as a news crawl ships them: one gzip
               member per record, a request and a response record per page
               (the requests are skipped and counted), HTTP headers with the
               charset.

Usage: scripts/bench_corpus.py SHARED_DATA_DIR OUT_DIR [--text N] [--news N] [--html N]
"""
import argparse
import gzip
import json
import os
import random
import re


def paragraphs(shared):
    paras = []
    for name in ("geo/geowebnews.jsonl", "geo/geovirus.jsonl"):
        with open(os.path.join(shared, name), encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                paras.extend(p.strip() for p in text.split("\n") if len(p.strip()) > 80)
    for name in ("events/acled-africa-2016.jsonl", "events/ucdp-syria-headlines.jsonl"):
        with open(os.path.join(shared, name), encoding="utf-8") as f:
            for line in f:
                paras.append(json.loads(line)["text"].strip())
    return paras


def news_passages(shared):
    """The news articles cut into passages of a few sentences (their
    paragraphs are often whole articles)."""
    out = []
    for name in ("geo/geowebnews.jsonl", "geo/geovirus.jsonl"):
        with open(os.path.join(shared, name), encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                passage = ""
                for sentence in re.split(r"(?<=[.!?])\s+", text):
                    passage = f"{passage} {sentence}".strip()
                    if len(passage) >= 300:
                        out.append(passage)
                        passage = ""
    return out


def build_text(shared, out, n, seed=7, name="text.jsonl", paras=None):
    rng = random.Random(seed)
    paras = paras if paras is not None else paragraphs(shared)
    total = 0
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for i in range(n):
            body, size = [], 0
            while size < 4000:
                p = rng.choice(paras)
                body.append(p)
                size += len(p) + 2
            text = "\n\n".join(body)
            total += len(text.encode("utf-8"))
            doc_id = f"{name.split('.')[0]}-{i}"
            f.write(json.dumps({"id": doc_id, "text": text, "published": "2019-06-01"}) + "\n")
    return total


def build_html(shared, out, n):
    html_dir = os.path.join(shared, "article-extraction", "html")
    pages = []
    for name in sorted(os.listdir(html_dir)):
        with gzip.open(os.path.join(html_dir, name), "rb") as f:
            pages.append(f.read().decode("utf-8", errors="replace"))
    total = 0
    with open(os.path.join(out, "html.jsonl"), "w", encoding="utf-8") as f:
        for i in range(n):
            page = pages[i % len(pages)]
            total += len(page.encode("utf-8"))
            f.write(json.dumps({"id": f"html-{i}", "html": page}) + "\n")
    return total


def warc_record(warc_type, uri, record_id, payload, content_type):
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {warc_type}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "WARC-Date: 2019-06-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode("ascii") + payload + b"\r\n\r\n"


def build_warc(shared, out, n):
    html_dir = os.path.join(shared, "article-extraction", "html")
    pages = []
    for name in sorted(os.listdir(html_dir)):
        with gzip.open(os.path.join(html_dir, name), "rb") as f:
            pages.append(f.read())
    total = 0
    with open(os.path.join(out, "html.warc.gz"), "wb") as f:
        for i in range(n):
            uri = f"https://news.example/{i}.html"
            request = f"GET /{i}.html HTTP/1.1\r\nHost: news.example\r\n\r\n".encode("ascii")
            body = pages[i % len(pages)]
            response = (
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode("ascii")
                + body
            )
            for kind, rid, payload, ctype in (
                ("request", f"req-{i}", request, "application/http; msgtype=request"),
                ("response", f"resp-{i}", response, "application/http; msgtype=response"),
            ):
                # One gzip member per record, as Common Crawl writes them.
                f.write(gzip.compress(warc_record(kind, uri, rid, payload, ctype), 6))
            total += len(body)
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("out")
    ap.add_argument("--text", type=int, default=50000)
    ap.add_argument("--html", type=int, default=5000)
    ap.add_argument("--news", type=int, default=50000)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.text:
        mb = build_text(a.shared, a.out, a.text) / 1e6
        print(f"text.jsonl: {a.text} articles, {mb:.1f} MB of text")
    if a.news:
        passages = news_passages(a.shared)
        mb = build_text(a.shared, a.out, a.news, name="news.jsonl", paras=passages) / 1e6
        print(f"news.jsonl: {a.news} articles, {mb:.1f} MB of text ({len(passages)} passages)")
    if a.html:
        mb = build_html(a.shared, a.out, a.html) / 1e6
        print(f"html.jsonl: {a.html} pages, {mb:.1f} MB of HTML")
        html_bytes = build_warc(a.shared, a.out, a.html)
        with open(os.path.join(a.out, "html.warc.bytes"), "w") as f:
            f.write(f"{html_bytes}\n")
        mb = html_bytes / 1e6
        print(f"html.warc.gz: {a.html} pages, {mb:.1f} MB of HTML")


if __name__ == "__main__":
    main()
