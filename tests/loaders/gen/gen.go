package main

// The document generator.  YAML: block and flow collections nested up to
// four deep, scalars drawn from every class yaml.v3 resolves (null, bool,
// int in every base, floats, .inf/.nan, timestamps in each spelling and
// near misses), double-quoted escapes (the full YAML set and the ones it
// lacks), single-quoted and block scalars, tags (!!str !!int !!float
// !!bool !!null !!binary !!timestamp, a bare !, custom), anchors, aliases
// and merge keys, %YAML/%TAG directives, several documents, comments, the
// flow-collection corners of the issue, the YAML 1.2 spec's examples; one
// document in four then gets random edits (a byte deleted or one of YAML's
// indicators inserted) to reach the error paths.  JSON: nested values with
// numbers at float64's edges, strings with every escape, raw control and
// invalid UTF-8 bytes, duplicate keys, whitespace, then random edits to
// one document in three.

import (
	"encoding/base64"
	"fmt"
	"math/rand"
	"strings"
)

type gen struct{ r *rand.Rand }

func newGen(seed int64) *gen { return &gen{rand.New(rand.NewSource(seed))} }

func (g *gen) pick(list []string) string { return list[g.r.Intn(len(list))] }

var plainScalars = []string{
	"", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "FALSE", "yes", "no", "on", "off", "y",
	"0", "-0", "+0", "12", "-12", "+12", "0x1F", "0X1f", "-0x1F", "0o17", "017", "09", "0b101", "-0b1", "1_000",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616", "1e400", "-1e400", "1e-400", "2.5", "0.1", ".5", "1.",
	"-.5", "+.5", "1e3", "1E+3", "1.0e-3", "6.8523015e+5", "685.230_15e+03", "190:20:30", "0.", "._5",
	".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN", "-.nan", "inf", "nan", "Infinity",
	"2001-01-23", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15 2:59:43.10",
	"2001-12-14T21:59:43Z", "2024-05-01 10:00:00", "2024-05-01T10:00:00.5+02:00", "2001-1-2", "2001-01-02T3:4:5Z",
	"2001-01-02T03:04:05.123456789012Z", "2001-13-01", "2001-02-30", "20001-01-01", "2001-01-02T25:00:00Z",
	"2001-01-02 03:04:05 +0100", "2001-01-02T03:04:05+01", "2001-01-02T03:04:05-0130", "1999-12-31T23:59:60Z",
	"2001-01-02T03:04:05.Z", "2001-01-02x", "0001-01-01", "9999-12-31T23:59:59.999999999+14:00",
	"2001-01-02 03:04", "2001-01-02t03:04:05", "2001-01-02   03:04:05", "2001-01-02T03:04:05 Z",
	"hello", "a b", "a:b", "a#b", "-a", "?a", "x-y", "<<", "=", "München", "\u2028x", "a\u0085b",
}

var escapes = []string{`\0`, `\a`, `\b`, `\t`, `\n`, `\v`, `\f`, `\r`, `\e`, `\ `, `\"`, `\/`, `\\`, `\'`,
	`\N`, `\_`, `\L`, `\P`, `\x41`, `\xe9`, `\u00e9`, `\ud800`, `\U0001F600`, `\U00110000`, `\q`, `\x4`, `\u12`,
	"\\\n", `\%`, `\.`}

func (g *gen) dq() string {
	var b strings.Builder
	b.WriteByte('"')
	for i, n := 0, g.r.Intn(4); i < n; i++ {
		if g.r.Intn(2) == 0 {
			b.WriteString(g.pick(escapes))
		} else {
			b.WriteString(g.pick([]string{"a", " ", "x y", "'", "#", "\u00e9", ":"}))
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (g *gen) binary() string {
	raw := []string{"hello", "\xff\xfe", "a\x00b", "\xe2\x82", "ok\u00e9", ""}
	s := base64.StdEncoding.EncodeToString([]byte(g.pick(raw)))
	switch g.r.Intn(6) {
	case 0:
		return s + "!"
	case 1:
		return strings.TrimRight(s, "=")
	case 2:
		return "\"" + s + "\""
	}
	return s
}

var tags = []string{"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!", "!local", "!!binary",
	"!<tag:yaml.org,2002:str>", "!!map", "!!seq", "!!merge"}

func (g *gen) scalar(inFlow bool) string {
	switch g.r.Intn(12) {
	case 0:
		return g.dq()
	case 1:
		return "'" + strings.ReplaceAll(g.pick(plainScalars), "'", "''") + "'"
	case 2:
		t := g.pick(tags)
		if t == "!!binary" {
			return t + " " + g.binary()
		}
		if g.r.Intn(4) == 0 {
			return t
		}
		return t + " " + g.pick(plainScalars)
	case 3:
		if !inFlow {
			return g.pick([]string{"|\n  a\n  b\n", ">-\n  a\n  b\n", "|+\n  x\n\n", "|2\n   y\n"})
		}
	}
	s := g.pick(plainScalars)
	if inFlow && strings.ContainsAny(s, ",[]{}#") {
		return "'" + s + "'"
	}
	if strings.HasPrefix(s, "?") || strings.HasPrefix(s, "-") && len(s) > 1 && s[1] == 'a' {
		return s
	}
	return s
}

func (g *gen) key() string {
	switch g.r.Intn(10) {
	case 0:
		return g.pick(plainScalars)
	case 1:
		return g.dq()
	case 2:
		return "? " + g.pick([]string{"a", "[1, 2]", "{x: 1}", "2001-01-02"})
	}
	return g.pick([]string{"a", "b", "c", "name", "a", "1", "0x10", "true", "null", "1.5", "<<"})
}

func (g *gen) flow(depth int) string {
	if depth > 3 || g.r.Intn(3) == 0 {
		return g.scalar(true)
	}
	var parts []string
	n := g.r.Intn(4)
	if g.r.Intn(2) == 0 {
		for i := 0; i < n; i++ {
			switch g.r.Intn(8) {
			case 0:
				parts = append(parts, g.key()+":")
			case 1:
				parts = append(parts, g.key())
			default:
				parts = append(parts, g.key()+": "+g.flow(depth+1))
			}
		}
		tail := ""
		if g.r.Intn(4) == 0 {
			tail = ","
		}
		return "{" + strings.Join(parts, ", ") + tail + "}"
	}
	for i := 0; i < n; i++ {
		if g.r.Intn(6) == 0 {
			parts = append(parts, g.key()+": "+g.scalar(true))
		} else {
			parts = append(parts, g.flow(depth+1))
		}
	}
	tail := ""
	if g.r.Intn(4) == 0 {
		tail = ","
	}
	return "[" + strings.Join(parts, ", ") + tail + "]"
}

func (g *gen) block(b *strings.Builder, indent string, depth int) {
	n := 1 + g.r.Intn(4)
	seq := g.r.Intn(3) == 0
	for i := 0; i < n; i++ {
		anchor := ""
		if g.r.Intn(8) == 0 {
			anchor = fmt.Sprintf("&a%d ", g.r.Intn(3))
		}
		if seq {
			b.WriteString(indent + "- ")
		} else {
			b.WriteString(indent + g.key() + ":")
		}
		switch r := g.r.Intn(10); {
		case r < 2 && depth < 4:
			b.WriteString(" " + strings.TrimSpace(anchor) + "\n")
			g.block(b, indent+"  ", depth+1)
		case r == 2:
			b.WriteString(" " + anchor + g.flow(depth) + "\n")
		case r == 3:
			b.WriteString(fmt.Sprintf(" *a%d\n", g.r.Intn(3)))
		case r == 4 && g.r.Intn(3) == 0:
			b.WriteString(" # note\n")
		default:
			s := g.scalar(false)
			if strings.HasPrefix(s, "|") || strings.HasPrefix(s, ">") {
				s = strings.ReplaceAll(s, "\n  ", "\n"+indent+"  ")
				b.WriteString(" " + anchor + s)
			} else {
				b.WriteString(" " + anchor + s + "\n")
			}
		}
	}
}

var yamlPrefixes = []string{"", "", "", "---\n", "%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%YAML 2.0\n---\n",
	"%YAML 1.1\n", "%TAG ! tag:example.com,2000:\n---\n", "--- !!map\n", "--- |\n  text\n", "# c\n", "\xef\xbb\xbf"}

var yamlCorners = []string{"{omitted value:,}", "[a?string]", "{ foo : !!str, !!str : bar }", "- !!str, xxx",
	"- !!str\n- x", "{a: !!str}", "[!!str]", "[? a : b]", "{? a}", "[a: b, c]", "{a: [b, c], d}", "? a\n: b",
	"- [a, b]: c", "{\"a\":b}", "[\"a\":b]", "{a:b}", "[a:b]", "! 12", "!", "a: !", "- ! a", "key: ! x",
	"a: &x 1\nb: *x", "a: *x", "&x [*x]", "a: &a {x: 1}\nb:\n  <<: *a\n  y: 2", "<<: [1]", "a: 1\na: 2",
	"--- 1\n--- 2", "...\n", "a: 'x\n  y'", "a: \"x\\\n  y\"", "- a\n -b", "a:\n- b", "\t- a", "a:\tb",
	"? [a]\n: 1", "{[a]: 1}", "a: @x", "a: `x", "[a, b]]", "{a: 1}}", "- - - x", "a: b: c", "'a': b", "\"a\": b",
	"!!binary aGVsbG8=", "!!binary /w==", "a: !!binary |\n  aGVs\n  bG8=", "!!timestamp 2001-01-02", "!!timestamp x",
	"!!int 0x10", "!!float 1", "!!float x", "!!int 1.5", "!!bool yes", "!!null ''", "!!str 2001-01-02",
	"2001-01-02: x", "{2001-01-02: x}", "[2001-01-02]", "a: 2001-01-02T03:04:05.5-07:30",
}

func (g *gen) yamlDoc() []byte {
	var b strings.Builder
	switch g.r.Intn(10) {
	case 0:
		b.WriteString(g.pick(yamlCorners) + "\n")
	case 1:
		b.WriteString(g.pick(specExamples))
	case 2:
		b.WriteString(g.flow(0) + "\n")
	default:
		b.WriteString(g.pick(yamlPrefixes))
		g.block(&b, "", 0)
		if g.r.Intn(8) == 0 {
			b.WriteString("---\n")
			g.block(&b, "", 0)
		}
	}
	s := b.String()
	if g.r.Intn(4) == 0 {
		s = g.mutate(s, ":-[]{},?!&*#'\"\n |>%@\t\\")
	}
	return []byte(s)
}

func (g *gen) mutate(s, alphabet string) string {
	for n := 1 + g.r.Intn(2); n > 0 && len(s) > 0; n-- {
		i := g.r.Intn(len(s))
		if g.r.Intn(2) == 0 {
			s = s[:i] + s[i+1:]
		} else {
			s = s[:i] + string(alphabet[g.r.Intn(len(alphabet))]) + s[i:]
		}
	}
	return s
}

var jsonNumbers = []string{"0", "-0", "1", "-1", "12.5", "1e3", "1E-3", "1e400", "-1e400", "1e-400", "1.7976931348623157e308",
	"1.7976931348623159e308", "4.9e-324", "2.4e-324", "9223372036854775807", "18446744073709551616",
	"123456789012345678901234567890", "0.1", "1.0", "1e+2", "01", "1.", ".5", "-", "+1", "1e", "0x10", "1_0"}

var jsonStrings = []string{`""`, `"a"`, `"\u00e9"`, `"\ud800"`, `"\ud83d\ude00"`, `"\udc00\ud800"`, `"\b\f\n\r\t\/\\\""`,
	"\"\x7f\"", "\"\xff\"", "\"\xe2\x80\xa8\"", "\"\xed\xa0\x80\"", "\"a\x01\"", `"\x41"`, `"\'"`, `"\u12"`, `"\U0001F600"`,
	"\"\u2028\u2029\"", `"<&>"`}

func (g *gen) jsonValue(depth int) string {
	if depth > 4 {
		return g.pick(jsonNumbers)
	}
	switch g.r.Intn(9) {
	case 0, 1:
		return g.pick(jsonNumbers)
	case 2, 3:
		return g.pick(jsonStrings)
	case 4:
		return g.pick([]string{"true", "false", "null", "nul", "True", "NaN", "Infinity"})
	case 5, 6:
		var parts []string
		for i, n := 0, g.r.Intn(4); i < n; i++ {
			parts = append(parts, g.pick([]string{`"a"`, `"b"`, `"a"`, `"\u0061"`, `""`})+g.ws()+":"+g.ws()+g.jsonValue(depth+1))
		}
		return "{" + strings.Join(parts, ","+g.ws()) + "}"
	default:
		var parts []string
		for i, n := 0, g.r.Intn(4); i < n; i++ {
			parts = append(parts, g.jsonValue(depth+1))
		}
		return "[" + strings.Join(parts, ","+g.ws()) + "]"
	}
}

func (g *gen) ws() string { return g.pick([]string{"", "", "", " ", "\n", "\n  ", "\t", "\r\n"}) }

func (g *gen) jsonDoc() []byte {
	s := g.ws() + g.jsonValue(0) + g.ws()
	if g.r.Intn(3) == 0 {
		s = g.mutate(s, "{}[]:,\"\\ \nx0-.e\x00")
	}
	return []byte(s)
}
