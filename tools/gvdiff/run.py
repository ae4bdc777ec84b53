#!/usr/bin/env python3
"""run.py - differential test of `specdiff check` against gVisor's own
validation code (../shared/reference-gvisor, built with its build.sh).

    nice -n 10 tools/gvdiff/run.py SPECDIFF GVREAL_BIN PROFILES.tsv WORKDIR SEED N BASE.json...

Writes N random pairs (mutate.py), runs every profile's epoch binary
(gvreal-EPOCH --batch, both views: runsc's round trip and --as-given) and
`specdiff check --format json --pairs` (one process per view), and
compares pass, sorted errors, warnings and per-profile decode failures.
Prints pairs/agreements per window; the disagreements go to
WORKDIR/disagree.jsonl.  Not run by make test (it needs Go's binaries).
"""
import json
import os
import re
import subprocess
import sys

ADDR = re.compile(r"0xc[0-9a-f]+")


def scrub(xs):
    return [ADDR.sub("0xADDR", x) for x in xs]


def main():
    specdiff, gvbin, profiles_tsv, work, seed, n = sys.argv[1:7]
    bases = sys.argv[7:]
    # the map-order epochs run their validator until 96 runs in a row bring
    # no new error; 16 keeps 10,000 pairs in minutes, and every disagreement
    # is run again with the full 96 before it counts
    random_epochs = set()
    epochs_tsv = os.path.join(os.path.dirname(gvbin.rstrip("/")), "..", "epochs.tsv")
    for cand in (epochs_tsv, "/work/shared/reference-gvisor/epochs.tsv"):
        if os.path.exists(cand):
            for line in open(cand):
                cols = line.split()
                if cols and not cols[0].startswith("#") and len(cols) > 5 and cols[5] == "random":
                    random_epochs.add(cols[0])
            break
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(work, exist_ok=True)
    pairs = subprocess.run([sys.executable, os.path.join(here, "mutate.py"), seed, n,
                            os.path.join(work, "pairs")] + bases,
                           check=True, capture_output=True, text=True).stdout.split("\n")
    pairs = [p.split() for p in pairs if p.strip()]
    with open(os.path.join(work, "pairs.txt"), "w") as f:
        for l, r in pairs:
            f.write("%s %s\n" % (l, r))
    for view in ("rt", "given"):
        with open(os.path.join(work, "batch.%s.tsv" % view), "w") as f:
            for l, r in pairs:
                f.write("%s\t%s\t__no_name_0\t%s\n" % (l, r, view))
    profs = []
    for line in open(profiles_tsv):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        profs.append((cols[0], cols[5]))
    # specdiff: one process per view
    sd = {}
    for view, extra in (("rt", []), ("given", ["--as-given"])):
        out = subprocess.run([specdiff, "check", "--quiet", "--format", "json", "--pairs",
                              os.path.join(work, "pairs.txt")] + extra,
                             capture_output=True, text=True).stdout
        lines = [json.loads(x) for x in out.split("\n") if x.strip()]
        sd[view] = [x for x in lines if "line" in x]
    disagree = open(os.path.join(work, "disagree.jsonl"), "w")
    print("%-18s %-10s %8s %10s" % ("profile", "epoch", "pairs", "agree"))
    total = agree_all = 0
    for prof, epoch in profs:
        agree = checked = 0
        for view in ("rt", "given"):
            runs = ["--runs", "16"] if epoch in random_epochs else []
            real = subprocess.run([os.path.join(gvbin, "gvreal-" + epoch)] + runs + ["--batch",
                                   os.path.join(work, "batch.%s.tsv" % view)],
                                  capture_output=True, text=True).stdout
            real = {x["id"]: x for x in (json.loads(y) for y in real.split("\n") if y.strip())}
            for i, got in enumerate(sd[view]):
                want = real.get(i + 1)
                checked += 1
                if want is None:
                    continue
                ok = same(want, got, prof)
                if not ok and runs:
                    one = os.path.join(work, "one.tsv")
                    with open(one, "w") as f:
                        f.write("%s\t%s\t__no_name_0\t%s\n" % (pairs[i][0], pairs[i][1], view))
                    want = json.loads(subprocess.run([os.path.join(gvbin, "gvreal-" + epoch), "--batch", one],
                                                     capture_output=True, text=True).stdout)
                    ok = same(want, got, prof)
                agree += ok
                if not ok:
                    disagree.write(json.dumps({"profile": prof, "view": view, "pair": pairs[i],
                                               "real": want, "specdiff": got.get("report", got).get("profiles", {}).get(prof) if "report" in got else got}) + "\n")
        print("%-18s %-10s %8d %10d" % (prof, epoch, checked, agree))
        total += checked
        agree_all += agree
    print("total %d comparisons, %d agree" % (total, agree_all))


def same(want, got, prof):
    if "report" not in got:
        # specdiff could not load the files (a syntax error): runsc cannot decode them either
        return want.get("decode") is not None
    p = got["report"]["profiles"][prof]
    wd = want.get("decode")
    if wd is not None:
        gd = p.get("decode")
        if gd is None:
            return False
        return (wd.get("checkpoint") is None) == (gd.get("checkpoint") is None) and \
               (wd.get("restore") is None) == (gd.get("restore") is None)
    if "decode" in p:
        return False
    return (want["pass"] == p["pass"] and sorted(scrub(want["errors"])) == sorted(scrub(p["errors"]))
            and scrub(want["warnings"]) == scrub(p["warnings"]))


if __name__ == "__main__":
    main()
