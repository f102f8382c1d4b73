#!/usr/bin/env python3
"""Seeded related-text corpora for tests/bench/text.sh.

usage: textgen.py OUT MB [SEED [mixed|latin]]
Lines mix en/de/fr/es/ja/zh sentences with smart quotes, dashes, URLs,
repetitions and several sentences per line; latin leaves out ja and zh.
The same seed and mode give the same bytes.
"""
import random
import sys

EN = ["The quick brown fox jumps over the lazy dog.",
      "Custom Speech models adapt to your domain vocabulary.",
      "Please call the support line before noon tomorrow.",
      "It\u2019s a \u201cgood\u201d result\u2014better than last year\u2026",
      "Dr. Smith met Mr. Jones at 10 a.m. on Jan. 5.",
      "We shipped 1,250 units in 2023 and 3.5 percent more since."]
DE = ["Die Stra\u00dfe f\u00fchrt \u00fcber die Br\u00fccke.",
      "Er sagte: \u201eDas ist sch\u00f6n\u201c \u2013 und ging.",
      "Am 3. Oktober ist das B\u00fcro geschlossen."]
FR = ["L\u2019\u0153uvre d\u2019\u0152dipe est c\u00e9l\u00e8bre.",
      "\u00ab Bonjour ! \u00bb dit-il en souriant.",
      "Il co\u00fbte 12,50 \u20ac ce matin."]
ES = ["\u00bfD\u00f3nde est\u00e1 la estaci\u00f3n?",
      "Ma\u00f1ana vamos a la playa con los ni\u00f1os."]
JA = ["\u6771\u4eac\u90fd\u306e\u5929\u6c17\u306f\u6674\u308c\u3067\u3059\u3002",
      "\u660e\u65e5\u306f\u96e8\u3067\u3057\u3087\u3046\u304b\uff1f"]
ZH = ["\u4f60\u597d\uff0c\u4e16\u754c\u3002",
      "\u6211\u4eca\u5e74\uff12\uff11\u5c81\uff01"]
URL = ["See https://contoso.com/docs?id={n} for more.",
       "Mail support{n}@example.com now."]
REP = ["yeah yeah yeah yeah that is it.", "Sooooo good {n}."]


def line(r):
    k = r.random()
    if k < 0.55:
        pool = EN
    elif k < 0.65:
        pool = DE
    elif k < 0.72:
        pool = FR
    elif k < 0.77:
        pool = ES
    elif k < 0.84:
        pool = JA
    elif k < 0.90:
        pool = ZH
    elif k < 0.95:
        pool = URL
    else:
        pool = REP
    n = r.randint(1, 3)
    return " ".join(r.choice(pool).replace("{n}", str(r.randint(0, 99999)))
                    for _ in range(n))


def line_latin(r):
    k = r.random()
    if k < 0.55:
        pool = EN
    elif k < 0.70:
        pool = DE
    elif k < 0.80:
        pool = FR
    elif k < 0.88:
        pool = ES
    elif k < 0.94:
        pool = URL
    else:
        pool = REP
    n = r.randint(1, 3)
    return " ".join(r.choice(pool).replace("{n}", str(r.randint(0, 99999)))
                    for _ in range(n))


def main():
    out, mb = sys.argv[1], float(sys.argv[2])
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    mode = sys.argv[4] if len(sys.argv) > 4 else "mixed"
    if mode not in ("mixed", "latin"):
        sys.exit("textgen.py: mode must be mixed or latin")
    gen = line_latin if mode == "latin" else line
    want = int(mb * 1000000)
    n = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\ufeff")
        while n < want:
            s = gen(r) + "\n"
            f.write(s)
            n += len(s.encode("utf-8"))


main()
