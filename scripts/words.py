#!/usr/bin/env python3
"""Builds data/words/english.tsv: the common English words, from the SCOWL
word list Debian ships as `wamerican` (size 50, American spelling).

    python3 scripts/words.py

The list marks a place or a given name that is also an everyday word
("Bath", "Mobile", "Split", "Police", "Grace"), so that extraction asks for
more evidence before it takes one for a name. Only entries written in lower
case are words in that sense ("bath"; "Bath" alone is a proper noun), and
possessives ("bath's") are left out.
"""

import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fetch import Package, fetch, member, write_tsv  # noqa: E402

WAMERICAN = Package(
    "deb", "wamerican", "2020.12.07-2",
    "c8f8e2b2ad0d37bfdd41f0e40f1e4c8e5f907467d768a1d3698b164e9617f0b4",
    "wamerican_2020.12.07-2_all.deb",
)

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "words" / "english.tsv"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        deb = fetch(WAMERICAN, tmp)
        text = member(deb, "./usr/share/dict/american-english").decode("utf-8")
    words = sorted({w for w in text.splitlines() if w and w[0].islower() and "'" not in w})
    write_tsv(OUT, ["word"], [(w,) for w in words])
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
