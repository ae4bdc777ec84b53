// Differential harness for specdiff's loaders against Go itself: generated
// YAML documents go through gopkg.in/yaml.v3 (decode into interface{}, then
// the YAML->JSON step of ../../../../shared/reference/src/decode.go) and
// generated JSON documents through encoding/json (Unmarshal into
// interface{}); each is also given to `specdiff normalize --to json
// --schema none`, and the two answers are compared (the value as Go reads
// it, the error verdict, and the error line - and column for JSON).
// Not built by make and not needed by `make test`; build it offline in GOPATH
// mode against Debian's packages:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode GOPROXY=off \
//	    go build -o /tmp/ldharness ./tests/loaders/gen
//	/tmp/ldharness -specdiff ./specdiff -yaml 20000 -json 20000 -seed 1 \
//	    [-keep tests/loaders/cases]
//	/tmp/ldharness -record FILE...    # print Go's answer for given files
//
// With -keep, every disagreement is written there as NAME.yaml/.json with
// Go's answer in NAME.go (see tests/cli/test_loaders_go.sh, which checks
// them without Go).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	yaml "gopkg.in/yaml.v3"
)

// answer is what one side made of a document.
type answer struct {
	ok    bool
	value interface{} // the JSON value (after a json.Unmarshal of the JSON text)
	json  []byte      // Go side: the JSON text
	line  int         // error line (0: none known)
	col   int         // JSON errors: column of the byte SyntaxError.Offset names
	msg   string
}

func goYAML(data []byte) (a answer) {
	// yaml.v3 panics on some collection keys (hash of unhashable type):
	// Go's program would crash, so any refusal by specdiff agrees.
	defer func() {
		if r := recover(); r != nil {
			a = answer{msg: fmt.Sprint("panic: ", r)}
		}
	}()
	var v interface{}
	if err := yaml.Unmarshal(data, &v); err != nil {
		return answer{line: yamlErrLine(err.Error()), msg: err.Error()}
	}
	g, err := toJSONValue(v)
	if err != nil {
		return answer{msg: err.Error()}
	}
	js, err := json.Marshal(g)
	if err != nil {
		return answer{msg: err.Error()}
	}
	var back interface{}
	if err := json.Unmarshal(js, &back); err != nil {
		return answer{msg: "json: " + err.Error()}
	}
	return answer{ok: true, value: back, json: js}
}

var lineRe = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(s string) int {
	m := lineRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// toJSONValue and keyString: the corpus's YAML->JSON step (reference
// decode.go), re-typed here so the harness builds on its own.
func toJSONValue(v interface{}) (interface{}, error) {
	switch t := v.(type) {
	case map[string]interface{}:
		out := make(map[string]interface{}, len(t))
		for k, e := range t {
			c, err := toJSONValue(e)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case map[interface{}]interface{}:
		out := make(map[string]interface{}, len(t))
		keys := []string{}
		vals := map[string]interface{}{}
		for k, e := range t {
			ks, err := keyString(k)
			if err != nil {
				return nil, err
			}
			keys = append(keys, ks)
			vals[ks] = e
		}
		sort.Strings(keys)
		for _, ks := range keys {
			c, err := toJSONValue(vals[ks])
			if err != nil {
				return nil, err
			}
			out[ks] = c
		}
		return out, nil
	case []interface{}:
		out := make([]interface{}, len(t))
		for i, e := range t {
			c, err := toJSONValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case float64:
		if math.IsInf(t, 0) || math.IsNaN(t) {
			return nil, fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(t, 'g', -1, 64))
		}
		return t, nil
	default:
		return v, nil
	}
}

func keyString(k interface{}) (string, error) {
	switch t := k.(type) {
	case string:
		return t, nil
	case nil:
		return "null", nil
	case bool:
		return strconv.FormatBool(t), nil
	case int:
		return strconv.FormatInt(int64(t), 10), nil
	case int64:
		return strconv.FormatInt(t, 10), nil
	case uint64:
		return strconv.FormatUint(t, 10), nil
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64), nil
	default:
		return "", fmt.Errorf("unsupported map key of type %T: %v", k, k)
	}
}

func goJSON(data []byte) answer {
	var v interface{}
	err := json.Unmarshal(data, &v)
	if err == nil {
		js, _ := json.Marshal(v)
		return answer{ok: true, value: v, json: js}
	}
	a := answer{msg: err.Error()}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset)
		if strings.HasPrefix(se.Error(), "unexpected end") {
			off = len(data) // the end of the input
		} else if off > 0 {
			off-- // the byte that stopped the scanner
		}
		a.line, a.col = lineCol(data, off)
	}
	return a
}

// lineCol: 1-based line and byte column of data[off].
func lineCol(data []byte, off int) (int, int) {
	line, ls := 1, 0
	for i := 0; i < off && i < len(data); i++ {
		if data[i] == '\n' {
			line, ls = line+1, i+1
		}
	}
	return line, off - ls + 1
}

var posRe = regexp.MustCompile(`^specdiff: [^\n]*?:(\d+):(\d+): `)

func specdiff(bin, path string) answer {
	cmd := exec.Command(bin, "normalize", "--to", "json", "--schema", "none", path)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err := cmd.Run()
	if err != nil {
		a := answer{msg: strings.TrimSpace(se.String())}
		if m := posRe.FindStringSubmatch(a.msg); m != nil {
			a.line, _ = strconv.Atoi(m[1])
			a.col, _ = strconv.Atoi(m[2])
		}
		return a
	}
	var v interface{}
	if err := json.Unmarshal(so.Bytes(), &v); err != nil {
		return answer{msg: "specdiff wrote JSON Go cannot read: " + err.Error()}
	}
	return answer{ok: true, value: v}
}

// agree: same verdict; same value; errors on the same line (and column for JSON).
func agree(g, s answer, isJSON bool) bool {
	if g.ok != s.ok {
		return false
	}
	if g.ok {
		return reflect.DeepEqual(g.value, s.value)
	}
	if g.line != 0 && g.line != s.line {
		return false
	}
	return !isJSON || g.col == 0 || g.col == s.col
}

func record(g answer) string {
	if g.ok {
		return "ok " + string(g.json) + "\n"
	}
	if g.line != 0 {
		return fmt.Sprintf("error %d %d %s\n", g.line, g.col, strings.ReplaceAll(g.msg, "\n", "\\n"))
	}
	return "error 0 0 " + strings.ReplaceAll(g.msg, "\n", "\\n") + "\n"
}

func main() {
	bin := flag.String("specdiff", "./specdiff", "specdiff binary")
	ny := flag.Int("yaml", 1000, "generated YAML documents")
	nj := flag.Int("json", 1000, "generated JSON documents")
	seed := flag.Int64("seed", 1, "generator seed")
	keep := flag.String("keep", "", "directory for disagreements")
	rec := flag.Bool("record", false, "print Go's answer for the files named")
	flag.Parse()
	if *rec {
		for _, f := range flag.Args() {
			data, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			if strings.HasSuffix(f, ".json") {
				fmt.Print(record(goJSON(data)))
			} else {
				fmt.Print(record(goYAML(data)))
			}
		}
		return
	}
	dir, _ := os.MkdirTemp("", "ldharness")
	defer os.RemoveAll(dir)
	g := newGen(*seed)
	bad := map[string]int{}
	run := func(kind string, n int, make func() []byte, oracle func([]byte) answer) {
		dis := 0
		for i := 0; i < n; i++ {
			doc := make()
			p := filepath.Join(dir, "doc."+kind)
			os.WriteFile(p, doc, 0o644)
			ga, sa := oracle(doc), specdiff(*bin, p)
			if agree(ga, sa, kind == "json") {
				continue
			}
			dis++
			if dis <= 5 || *keep == "" {
				fmt.Printf("--- %s #%d disagrees\n%s\n--- go: %s--- specdiff: ok=%v line=%d col=%d %s\n",
					kind, i, doc, record(ga), sa.ok, sa.line, sa.col, sa.msg)
			}
			if *keep != "" {
				name := fmt.Sprintf("gen-%d-%s-%d", *seed, kind, i)
				os.WriteFile(filepath.Join(*keep, name+"."+kind), doc, 0o644)
				os.WriteFile(filepath.Join(*keep, name+".go"), []byte(record(ga)), 0o644)
			}
		}
		bad[kind] = dis
		fmt.Printf("%s: %d documents, %d disagreements\n", kind, n, dis)
	}
	run("yaml", *ny, g.yamlDoc, goYAML)
	run("json", *nj, g.jsonDoc, goJSON)
	if bad["yaml"]+bad["json"] > 0 {
		os.Exit(1)
	}
}
