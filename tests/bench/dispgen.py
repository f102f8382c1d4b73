#!/usr/bin/env python3
"""Seeded display-format benchmark data for tests/bench/disp.sh.

usage: dispgen.py FORMAT_OUT TEXT_OUT MB [SEED]
FORMAT_OUT gets 200 #itn patterns, 1,000 #rewrite lines and 50
#profanity words; TEXT_OUT gets MB megabytes of lexical text (lowercase
words, spoken amounts, letters spelled out) in which the rules fire now
and then.  The same seed gives the same bytes.
"""
import random
import sys

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
         "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"]
SYL = ["ka", "lo", "mi", "ter", "son", "ba", "ri", "den", "ul", "per",
       "sta", "ni", "go", "vel", "tra", "mo", "re", "in", "ex", "an"]
COMMON = ("the a to of and in is it you that he was for on are with as i "
          "his they be at one have this from or had by not word but what "
          "some we can out other were all there when up use your how said "
          "an each she which do their time if will way about many then "
          "them write would like so these her long make thing see him two "
          "has look more day could go come did number sound no most people "
          "my over know water than call first who may down side been now "
          "find any new work part take get place made live where after "
          "back little only round man year came show every good me give "
          "our under name very through just form sentence great think say "
          "help low line differ turn cause much mean before move right boy "
          "old too same tell does set three want air well also play small "
          "end put home read hand port large spell add even land here must "
          "big high such follow act why ask men change went light kind off "
          "need house picture try us again animal point mother world near "
          "build self earth father head stand own page should country found "
          "answer school grow study still learn plant cover food sun four "
          "between state keep eye never last let thought city tree cross "
          "farm hard start might story saw far sea draw left late run "
          "while press close night real life few north open ticket order "
          "account balance transfer payment card number please thanks").split()


def spoken(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else
                                              " " + spoken(rest))
    return spoken(n // 1000) + " thousand" + ("" if n % 1000 == 0 else
                                              " " + spoken(n % 1000))


UNITS = ["people", "dollars", "items", "times", "days", "miles", "percent",
         "points", "minutes", "euros"]


def amount(r):
    """A number as people say one: mostly small, then a word."""
    k = r.random()
    if k < 0.70:
        n = r.randint(0, 99)
    elif k < 0.95:
        n = r.randint(100, 9999)
    else:
        n = r.randint(10000, 999999)
    return spoken(n) + " " + r.choice(UNITS)


def word(r):
    return "".join(r.choice(SYL) for _ in range(r.randint(1, 3)))


def prefix(r, n):
    return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))


def main():
    fmt_out, text_out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    r = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 42)
    itn, spoken_forms = [], []
    for _ in range(120):
        p = prefix(r, r.randint(2, 4))
        k = r.randint(2, 4)
        itn.append(p + "-" + "\\d" * k)
        spoken_forms.append(lambda p=p, k=k: " ".join(p.lower()) + " " +
                            " ".join(ONES[r.randint(0, 9)]
                                     for _ in range(k)))
    for _ in range(30):
        a, b = prefix(r, 2), prefix(r, 2)
        itn.append("(%s|%s)-(\\d)+" % (a, b))
        spoken_forms.append(lambda a=a: " ".join(a.lower()) + " " +
                            spoken(r.randint(1, 99)))
    for _ in range(20):
        w = word(r)
        itn.append("{%s>%s}-\\d\\d" % (w, w[:3].upper()))
        spoken_forms.append(lambda w=w: w + " " + spoken(r.randint(10, 99)))
    for _ in range(20):
        w = r.choice(["to", "through", "until", "and", "till"])
        k = r.randint(1, 9)
        itn.append("\\d%d{%s>-}\\d%d" % (k, w, k))
        spoken_forms.append(lambda w=w: spoken(r.randint(1, 9) * 10) + " " +
                            w + " " + spoken(r.randint(1, 9) * 10))
    for _ in range(10):
        w = word(r)
        itn.append("{%s} (\\u)+-\\d\\d" % w)
        spoken_forms.append(lambda w=w: w + " " + " ".join(
            r.choice("abcdefgh") for _ in range(3)) + " " +
            spoken(r.randint(10, 99)))
    rewrites, seen = [], set()
    while len(rewrites) < 1000:
        # Originals are names and terms: the first word is rare, the
        # others may be common ("larkspur market", "end to end").
        n = r.randint(1, 4)
        ws = [word(r)] + [word(r) if r.random() < 0.5 else
                          r.choice(COMMON) for _ in range(n - 1)]
        key = " ".join(ws)
        if key in seen:
            continue
        seen.add(key)
        rewrites.append(key)
    prof = sorted(set(word(r) + "x" for _ in range(50)))
    with open(fmt_out, "w", encoding="utf-8") as f:
        f.write("\ufeff// benchmark display rules\n#itn\n")
        f.write("\n".join(itn) + "\n#rewrite\n")
        for k in rewrites:
            f.write(k + "\t" + " ".join(w.capitalize() for w in k.split()) +
                    "\n")
        f.write("#profanity\n" + "\n".join(prof) + "\n")
    size = int(mb * 1e6)
    with open(text_out, "w", encoding="utf-8") as f:
        done = 0
        while done < size:
            parts = []
            for _ in range(r.randint(6, 20)):
                k = r.random()
                if k < 0.80:
                    parts.append(r.choice(COMMON))
                elif k < 0.88:
                    parts.append(amount(r))
                elif k < 0.93:
                    parts.append(r.choice(spoken_forms)())
                elif k < 0.98:
                    parts.append(r.choice(rewrites))
                elif k < 0.99:
                    parts.append(r.choice(prof))
                else:
                    parts.append(word(r))
            line = " ".join(parts) + "\n"
            f.write(line)
            done += len(line.encode("utf-8"))


if __name__ == "__main__":
    main()
