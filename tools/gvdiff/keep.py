#!/usr/bin/env python3
"""keep.py - turn pairs of a differential run into corpus-style regression
cases (tests/gvdiff/cases/NNN-name/{left.json,right.json,why.txt,
expected.json}), their verdicts recorded from gVisor's own code, so that
tests/conformance/test_gvdiff.sh checks them without Go.

    keep.py GVREAL_BIN PROFILES.tsv OUTDIR FIRST-NUMBER NAME:LEFT:RIGHT...

expected.json has the corpus's "gvisor" (as given) and "gvisor_roundtrip"
keys, one entry per profile; "decode" per profile as in the corpus (left =
checkpoint, right = restore); null when no profile's types decode both.
"""
import json
import os
import shutil
import subprocess
import sys


def verdicts(gvbin, profs, left, right, view, tmp):
    with open(tmp, "w") as f:
        f.write("%s\t%s\t__no_name_0\t%s\n" % (left, right, view))
    out = {}
    for prof, epoch in profs:
        r = json.loads(subprocess.run([os.path.join(gvbin, "gvreal-" + epoch), "--batch", tmp],
                                      capture_output=True, text=True, check=True).stdout)
        e = {"pass": r["pass"], "errors": sorted(r["errors"]), "warnings": r["warnings"]}
        if r.get("decode"):
            e["decode"] = {"left": r["decode"].get("checkpoint"), "right": r["decode"].get("restore")}
        out[prof] = e
    if all("decode" in e for e in out.values()):
        return None
    return out


def main():
    gvbin, profiles_tsv, outdir, first = sys.argv[1:5]
    profs = []
    for line in open(profiles_tsv):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        profs.append((cols[0], cols[5]))
    n = int(first)
    for spec in sys.argv[5:]:
        name, left, right = spec.split(":")
        d = os.path.join(outdir, "%03d-%s" % (n, name))
        os.makedirs(d, exist_ok=True)
        shutil.copy(left, os.path.join(d, "left.json"))
        shutil.copy(right, os.path.join(d, "right.json"))
        tmp = os.path.join(d, ".batch")
        exp = {"schema": 1,
               "gvisor": verdicts(gvbin, profs, os.path.join(d, "left.json"), os.path.join(d, "right.json"), "given", tmp),
               "gvisor_roundtrip": verdicts(gvbin, profs, os.path.join(d, "left.json"), os.path.join(d, "right.json"), "rt", tmp)}
        os.remove(tmp)
        with open(os.path.join(d, "expected.json"), "w") as f:
            json.dump(exp, f, indent=1, ensure_ascii=False)
            f.write("\n")
        with open(os.path.join(d, "why.txt"), "w") as f:
            f.write("tools/gvdiff/mutate.py pair (%s), verdicts from gVisor's code\n" % name)
        n += 1


if __name__ == "__main__":
    main()
