# tests/tui/pair.sh - writes a small pair with three value differences, one
# key a line, so the header's FILE:LINE tells where the cursor is:
#   line 2 /alpha, line 6 /gamma/y, line 10 /omega (all value differences).
LEFT=$T_TMP/left.json
RIGHT=$T_TMP/right.json
cat >"$LEFT" <<'JSON'
{
  "alpha": 1,
  "beta": "same",
  "gamma": {
    "x": 1,
    "y": 2
  },
  "delta": [1, 2],
  "epsilon": {"p": 1, "q": 2, "r": 3},
  "omega": "left"
}
JSON
cat >"$RIGHT" <<'JSON'
{
  "alpha": 2,
  "beta": "same",
  "gamma": {
    "x": 1,
    "y": 3
  },
  "delta": [1, 2],
  "epsilon": {"p": 1, "q": 2, "r": 3},
  "omega": "right"
}
JSON
