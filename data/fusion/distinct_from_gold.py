#!/usr/bin/env python3
"""Over-merge check on real data: turns the development gold events
(../shared/data/events/*.jsonl, not in the repo) into sitrep `Event` lines,
one per gold event. Every gold event is a distinct incident for its coders,
so every pair the fuser merges is a merge those coders did not make.
Reports that share a text are one document (one article coded into
several events), as the pipeline would see them.

    python3 data/fusion/distinct_from_gold.py ../shared/data/events/ucdp-syria-headlines.jsonl > /tmp/ucdp.jsonl
    cargo run --release -p sitrep-fuse --example fuse_jsonl -- /tmp/ucdp.jsonl
"""
import hashlib
import json
import sys

GEO = {1: 1, 2: 2}


def convert(record):
    gold = record["gold"]
    types = gold.get("event_type_any") or [gold.get("event_type")]
    if not types or not types[0] or gold.get("event_date") is None:
        return None
    precision = gold.get("geo_precision") or gold.get("where_prec")
    doc = hashlib.sha1(record["text"].encode()).hexdigest()[:12]
    return {
        "event_id": record["id"],
        "doc_id": doc,
        "event_date": gold["event_date"],
        "time_precision": gold.get("time_precision") or 1,
        "event_type": types[0],
        "actor1": gold.get("actor1") or None,
        "actor2": gold.get("actor2") or None,
        "country": gold.get("country"),
        "admin1": gold.get("admin1"),
        "location": gold.get("location"),
        "latitude": gold.get("latitude"),
        "longitude": gold.get("longitude"),
        "geo_precision": GEO.get(precision, 3) if precision else None,
        "fatalities": gold.get("fatalities", gold.get("fatalities_best")),
        "notes": record["text"],
        "doc_source": record.get("source"),
        "confidence": 1.0,
        "evidence": {},
    }


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            event = convert(json.loads(line))
            if event:
                print(json.dumps(event, ensure_ascii=False))
