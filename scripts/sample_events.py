#!/usr/bin/env python3
"""Draw a reproducible random sample of extracted events for judging by hand.

Usage: sample_events.py EVENTS.jsonl ARTICLES.jsonl SEED N

EVENTS.jsonl is `sitrep extract --no-store --format jsonl ARTICLES.jsonl`;
ARTICLES.jsonl holds the {"id","text"} articles it was run on. Each line
printed is one event: type / sub-type, fatalities, actor1 and the text
around the word that decided its type (the sub-event type's evidence), so a
reader can judge whether the sentence reports an event at all. Used for the
precision spot checks in BENCHMARKS.md; the judging is by hand.
"""
import json
import random
import sys


def main() -> None:
    events_path, articles_path, seed, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    texts = {}
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts[r["id"]] = r.get("text", "")
    with open(events_path, encoding="utf-8") as f:
        events = [json.loads(line) for line in f]
    random.seed(seed)
    for e in random.sample(events, min(n, len(events))):
        doc = e["doc_id"]
        # Document ids are the input id with a content-hash suffix.
        text = texts.get(doc) or texts.get(doc.rsplit("-", 1)[0], "")
        evidence = e["evidence"].get("sub_event_type") or {}
        at = evidence.get("start") or 0  # character offsets
        context = text[max(0, at - 120) : at + 80].replace("\n", " ")
        print(
            f"- {e.get('event_type')} / {e.get('sub_event_type')} "
            f"f={e.get('fatalities')} a1={e.get('actor1')} | {context}"
        )


if __name__ == "__main__":
    main()
