#!/usr/bin/env python3
"""Builds data/names/: given names, surnames and nicknames from field
datasets shipped in registry packages.

    python3 scripts/names.py

Sources (data/README.md has their licences):
  names         dist.male.first, dist.female.first, dist.all.last: the US
                Census Bureau's 1990 frequency lists of given names and
                surnames (public domain)
  gender-guesser  nam_dict.txt by Jörg Michael: about 45,000 given names
                with their frequency in 55 countries (GNU FDL 1.2 or later)
  nicknames     names.csv by Carlton Northern: given names and their
                nicknames (Apache-2.0); nam_dict's equivalent names add the
                short forms of other languages

Outputs:
  given.tsv      name, census rank (1 = commonest; 0 = not in the census
                 lists) and percent of all people, nam_dict gender code, nam_dict highest frequency
                 in a country (1 = rare to 13 = extremely common; 0 = not
                 in nam_dict), number of countries where nam_dict knows it
  surnames.tsv   name, census rank, share of the population in percent
  nicknames.tsv  formal name, nickname (lower case, as the nicknames list
                 writes them), source: the nicknames list, or nam_dict's
                 equivalent names ("Gianni" for "Giovanni")
"""

import csv
import io
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fetch import Package, fetch, member, write_tsv  # noqa: E402

NAMES = Package(
    "pypi", "names", "0.3.0",
    "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
    "names-0.3.0.tar.gz",
)
GENDER_GUESSER = Package(
    "pypi", "gender-guesser", "0.4.0",
    "7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222",
    "gender_guesser-0.4.0-py2.py3-none-any.whl",
)
NICKNAMES = Package(
    "pypi", "nicknames", "1.0.1",
    "30608a6a50086bb508e6d5f4fb618ef4f988d5604f73ec1ebcccbc92952f9de9",
    "nicknames-1.0.1-py3-none-any.whl",
)

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "names"

# nam_dict.txt: the gender code in columns 0-1, the name from column 3, a
# sort marker in column 29 and one hexadecimal frequency digit per country
# from column 30 on.
NAME_COLUMN = 3
SORT_COLUMN = 29
FREQUENCY_COLUMN = 30


def census(text):
    """Name -> (rank, percent of the people counted) of a census list
    ("SMITH 1.006 1.006 1")."""
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].capitalize()] = (int(parts[3]), parts[1])
    return out


def equivalents(text):
    """nam_dict's "=" lines: a short form and the name it is short for
    ("=  Gianni Giovanni")."""
    out = set()
    for line in text.splitlines():
        if line.startswith("="):
            parts = line[NAME_COLUMN:SORT_COLUMN].split()
            if len(parts) == 2:
                short, formal = (p.replace("+", "-") for p in parts)
                out.add((formal.lower(), short.lower()))
    return out


def nam_dict(text):
    """Name -> (gender code, highest frequency, countries)."""
    out = {}
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("=") or len(line) <= FREQUENCY_COLUMN:
            continue
        # Names with expanded umlauts are listed twice; the reformatting
        # advice of the file's header is to skip the '+' copies.
        if line[SORT_COLUMN] == "+":
            continue
        gender = line[:2].strip()
        name = line[NAME_COLUMN:SORT_COLUMN].strip()
        digits = [int(c, 16) for c in line[FREQUENCY_COLUMN:].split("$")[0] if c not in " \r"]
        if not name or not digits:
            continue
        # "Jun+Wei" stands for "Jun-Wei", "Jun Wei" and "Junwei": the forms
        # one token of text can take are kept.
        forms = [name] if "+" not in name else [name.replace("+", "-"), join_parts(name)]
        for form in forms:
            prev = out.get(form)
            entry = (gender, max(digits), len(digits))
            if prev is None or entry[1:] > prev[1:]:
                out[form] = entry
    return out


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def is_spelling_variant(a, b):
    """Two spellings of one name: about as long and at most two edits
    apart, neither a beginning of the other (a short form: "Dan" /
    "Daniel"). "Gianni" is two letters shorter than "Giovanni": a short
    form."""
    short, long = sorted((a, b), key=len)
    return (len(long) - len(short) <= 1 and not long.startswith(short)
            and edit_distance(a, b) <= 2)


def join_parts(name):
    first, *rest = name.split("+")
    return first + "".join(p.lower() for p in rest)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        names = fetch(NAMES, tmp)
        gg = fetch(GENDER_GUESSER, tmp)
        nn = fetch(NICKNAMES, tmp)
        root = "names-0.3.0/names/"
        male = census(member(names, root + "dist.male.first").decode("ascii"))
        female = census(member(names, root + "dist.female.first").decode("ascii"))
        last = census(member(names, root + "dist.all.last").decode("ascii"))
        michael_text = member(gg, "gender_guesser/data/nam_dict.txt").decode("utf-8")
        michael = nam_dict(michael_text)
        michael_pairs = equivalents(michael_text)
        pairs = list(csv.reader(io.StringIO(member(nn, "nicknames/names.csv").decode("utf-8"))))

    given = []
    for name in sorted(set(male) | set(female) | set(michael)):
        ranks = [d[name][0] for d in (male, female) if name in d]
        # The male and female lists count each sex: half of either share is
        # the share of all people, as the surname list counts.
        share = max((float(d[name][1]) / 2 for d in (male, female) if name in d), default=0.0)
        gender, freq, countries = michael.get(name, ("", 0, 0))
        given.append((name, str(min(ranks) if ranks else 0), f"{share:.4f}", gender, str(freq),
                      str(countries)))
    write_tsv(OUT / "given.tsv", ["name", "census_rank", "census_percent", "gender", "frequency",
                                  "countries"], given)

    surnames = [(name, str(rank), share) for name, (rank, share) in sorted(last.items())]
    write_tsv(OUT / "surnames.tsv", ["name", "census_rank", "percent"], surnames)

    nick = {(a, b, "nicknames") for a, rel, b in pairs[1:] if rel == "has_nickname"}
    nick |= {(a, b, "nam_dict") for a, b in michael_pairs if (a, b, "nicknames") not in nick}
    # Spelling variants ("Brian" / "Bryant", "Jon" / "John") are no
    # nicknames: a name spelled two ways is what the checker reports.
    variants = {p for p in nick if is_spelling_variant(p[0], p[1])}
    nick = sorted(nick - variants)
    print(f"left out {len(variants)} nickname pairs that are spelling variants")
    write_tsv(OUT / "nicknames.tsv", ["formal", "nickname", "source"], nick)
    print(f"{OUT}: {len(given)} given names, {len(surnames)} surnames, {len(nick)} nickname pairs")


if __name__ == "__main__":
    main()
