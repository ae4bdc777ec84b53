/*
 * test_gofacts.c - specdiff's Go facts against real Go.  For every node of
 * tests/gofacts/facts-VERSION.jsonl (written by tools/gofacts/gen.sh with
 * Go 1.19 and specs-go VERSION, VERSION being the types specdiff decodes
 * with) both sides' facts must equal Go's: from sd_gofacts_compute() and,
 * where the node is one of the report's differences, the JSON report's "go".
 * Run from the top of the tree (tests/run.sh does).
 */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "specdiff/gofacts.h"
#include "specdiff/report.h"

#define CASES "tests/conformance/cases"

typedef struct side {
	sd_doc *doc;
	sd_goview *view;
} side;

static bool open_side(side *s, const char *casename, const char *name)
{
	static const char *const ext[] = { "json", "yaml" };
	for (size_t i = 0; i < 2; i++) {
		char path[512];
		snprintf(path, sizeof path, CASES "/%s/%s.%s", casename, name, ext[i]);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		fclose(f);
		sd_error e;
		s->doc = sd_doc_load_input(path, NULL, &e);
		if (!s->doc)
			fail_msg("%s: %s", path, e.msg);
		s->view = sd_goview_decode(s->doc, sd_schema_oci(), &e);
		return true;
	}
	return false;
}

static void close_side(side *s)
{
	sd_goview_free(s->view);
	sd_doc_free(s->doc);
}

static json_t *facts_json(const sd_gofacts *f)
{
	sd_buf b = SD_BUF_INIT;
	sd_gofacts_json(&b, f);
	json_error_t je;
	json_t *j = json_loadb(b.data, b.len, JSON_DECODE_ANY, &je);
	if (!j)
		fail_msg("facts are not JSON (%s): %s", je.text, b.data);
	sd_buf_release(&b);
	return j;
}

static int report_mismatch(const char *what, const char *c, const char *path, const char *sidename,
			   json_t *want, json_t *got)
{
	if (json_equal(want, got))
		return 0;
	char *w = json_dumps(want, JSON_ENCODE_ANY), *g = json_dumps(got, JSON_ENCODE_ANY);
	print_error("%s %s %s %s\n  Go:       %s\n  specdiff: %s\n", what, c, path, sidename, w, g);
	free(w);
	free(g);
	return 1;
}

/* The "go" of path's side in the JSON report of the pair, or NULL when the
 * report has no difference at path. */
static json_t *report_go(json_t *report, const char *path, const char *sidename)
{
	size_t i;
	json_t *d;
	json_array_foreach(json_object_get(report, "diffs"), i, d) {
		if (strcmp(json_string_value(json_object_get(d, "path")), path))
			continue;
		json_t *go = json_object_get(json_object_get(d, sidename), "go");
		json_t *len = json_object_get(go, "len");
		if (json_is_real(len))   /* read with JSON_DECODE_INT_AS_REAL */
			json_object_set_new(go, "len", json_integer((json_int_t)json_real_value(len)));
		return go;
	}
	return NULL;
}

typedef struct tally {
	int nodes, report_nodes, failed, skipped_cases;
} tally;

static void check_line(json_t *line, tally *t)
{
	const char *c = json_string_value(json_object_get(line, "case"));
	const char *path = json_string_value(json_object_get(line, "path"));
	side s[2] = { { 0 }, { 0 } };
	if (!open_side(&s[0], c, "left") || !open_side(&s[1], c, "right")) {
		t->skipped_cases++;   /* a case this copy of the corpus lacks */
		if (s[0].doc)
			close_side(&s[0]);
		return;
	}
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	sd_diff *d = sd_diff_compute(s[0].doc, s[0].view, s[1].doc, s[1].view, &o);
	sd_buf rb = SD_BUF_INIT;
	sd_report_opts ro;
	sd_report_opts_init(&ro);
	sd_report_json(&rb, d, &ro);
	json_error_t je;
	/* the report's values may exceed int64: only the "go" strings matter */
	json_t *report = json_loadb(rb.data, rb.len, JSON_DECODE_INT_AS_REAL, &je);
	if (!report)
		fail_msg("%s: the JSON report is not JSON (%s at %d): %.300s", c, je.text, je.position, rb.data);
	static const char *const names[] = { "left", "right" };
	for (int i = 0; i < 2; i++) {
		json_t *want = json_object_get(line, names[i]);
		sd_gofacts f;
		sd_gofacts_compute(&f, sd_goview_root(s[i].view), NULL, 0, sd_doc_root(s[i].doc), path);
		json_t *got = facts_json(&f);
		sd_gofacts_release(&f);
		t->failed += report_mismatch("facts", c, path, names[i], want, got);
		json_decref(got);
		json_t *rgo = report_go(report, path, names[i]);
		if (rgo) {
			t->report_nodes++;
			t->failed += report_mismatch("report", c, path, names[i], want, rgo);
		}
		t->nodes++;
	}
	json_decref(report);
	sd_buf_release(&rb);
	sd_diff_free(d);
	close_side(&s[0]);
	close_side(&s[1]);
}

static void test_facts_equal_go(void **state)
{
	(void)state;
	char fixture[256];
	snprintf(fixture, sizeof fixture, "tests/gofacts/facts-%s.jsonl", sd_gofacts_types_version());
	FILE *f = fopen(fixture, "r");
	if (!f)
		fail_msg("%s: cannot open (run from the top of the tree)", fixture);
	tally t = { 0, 0, 0, 0 };
	char buf[1 << 16];
	while (fgets(buf, sizeof buf, f)) {
		json_error_t je;
		json_t *line = json_loads(buf, 0, &je);
		if (!line)
			fail_msg("%s: %s", fixture, je.text);
		check_line(line, &t);
		json_decref(line);
	}
	fclose(f);
	print_message("%s: %d sides checked (%d also in the JSON report), %d disagree; "
		      "%d nodes of cases this corpus copy lacks skipped\n",
		      fixture, t.nodes, t.report_nodes, t.failed, t.skipped_cases);
	assert_true(t.nodes >= 300);
	assert_int_equal(t.failed, 0);
}

/* The three teaching examples the panel got wrong (issue 13). */
static void facts_at(const char *dir, const char *file, const char *path, const char *want)
{
	char p[256];
	snprintf(p, sizeof p, "examples/%s/%s", dir, file);
	sd_error e;
	sd_doc *doc = sd_doc_load_input(p, NULL, &e);
	assert_non_null(doc);
	sd_goview *v = sd_goview_decode(doc, sd_schema_oci(), &e);
	sd_gofacts f;
	sd_gofacts_compute(&f, sd_goview_root(v), NULL, 0, sd_doc_root(doc), path);
	sd_buf b = SD_BUF_INIT;
	sd_gofacts_json(&b, &f);
	assert_string_equal(b.data, want);
	sd_buf_release(&b);
	sd_gofacts_release(&f);
	sd_goview_free(v);
	sd_doc_free(doc);
}

static void test_teaching_examples(void **state)
{
	(void)state;
	facts_at("absent-vs-zero-value", "checkpoint.json", "/process/terminal",
		 "{\"type\":\"bool\",\"nil\":null,\"len\":null,\"v\":\"false\",\"gov\":\"false\","
		 "\"marshal\":\"false\",\"in_parent\":\"omitted\"}");
	facts_at("pointer-to-zero-struct", "restore.json", "/linux/resources",
		 "{\"type\":\"*specs.LinuxResources\",\"nil\":false,\"len\":null,"
		 "\"v\":\"&{[] <nil> <nil> <nil> <nil> [] <nil> map[] map[]}\","
		 "\"gov\":\"&specs.LinuxResources{Devices:[]specs.LinuxDeviceCgroup(nil), "
		 "Memory:(*specs.LinuxMemory)(nil), CPU:(*specs.LinuxCPU)(nil), Pids:(*specs.LinuxPids)(nil), "
		 "BlockIO:(*specs.LinuxBlockIO)(nil), HugepageLimits:[]specs.LinuxHugepageLimit(nil), "
		 "Network:(*specs.LinuxNetwork)(nil), Rdma:map[string]specs.LinuxRdma(nil), "
		 "Unified:map[string]string(nil)}\",\"marshal\":\"{}\",\"in_parent\":\"{}\"}");
	facts_at("key-case-folding", "restore.json", "/linux/sysctl",
		 "{\"type\":\"map[string]string\",\"nil\":false,\"len\":1,"
		 "\"v\":\"map[net.ipv4.ip_forward:1]\","
		 "\"gov\":\"map[string]string{\\\"net.ipv4.ip_forward\\\":\\\"1\\\"}\","
		 "\"marshal\":\"{\\\"net.ipv4.ip_forward\\\":\\\"1\\\"}\","
		 "\"in_parent\":\"{\\\"net.ipv4.ip_forward\\\":\\\"1\\\"}\"}");
}

/* ---- the reproducers' recorded Go output (tests/gofacts/repro) ---- */

/* s with specs. as main. (the program declares the types in main) and
 * Go's addresses as 0xADDR, appended to b. */
static void add_go_text(sd_buf *b, const char *s)
{
	while (*s) {
		if (!strncmp(s, "specs.", 6)) {
			sd_buf_adds(b, "main.");
			s += 6;
		} else {
			sd_buf_addc(b, *s++);
		}
	}
}

/* Go's heap addresses (0xc000123456) as 0xADDR, as the corpus writes
 * them; shorter hex numbers (%#v of a uint: 0xc8) are values, kept. */
static void scrub_addr(char *s)
{
	static const char hex[] = "0123456789abcdef";
	char *w = s;
	for (char *r = s; *r;) {
		size_t n = r[0] == '0' && r[1] == 'x' ? strspn(r + 2, hex) : 0;
		if (n >= 10 && r[2] == 'c') {
			memcpy(w, "0xADDR", 6);
			w += 6;
			r += 2 + n;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

/* The lines the program prints for one side, from specdiff's facts. */
static void expected_side(sd_buf *b, const char *who, const sd_gofacts *f, const char *field)
{
	if (f->kind != SD_GOFACTS_VALUE) {
		sd_buf_addf(b, "%s: no Go value here (no such map key or list element)\n", who);
		return;
	}
	sd_buf_addf(b, "%s %%T: ", who);
	add_go_text(b, f->type);
	sd_buf_addc(b, '\n');
	if (f->nil >= 0)
		sd_buf_addf(b, "%s nil: %s\n", who, f->nil ? "true" : "false");
	if (f->has_len)
		sd_buf_addf(b, "%s len: %zu\n", who, f->len);
	sd_buf_addf(b, "%s %%v: ", who);
	sd_buf_add(b, f->v, f->v_len);
	sd_buf_addf(b, "\n%s %%#v: ", who);
	add_go_text(b, f->gov);
	sd_buf_addf(b, "\n%s json.Marshal: %s\n", who, f->marshal);
	if (f->in_parent == SD_GOFACTS_OMITTED)
		sd_buf_addf(b, "%s parent json.Marshal: {}\n", who);
	else if (f->in_parent == SD_GOFACTS_WRITTEN)
		sd_buf_addf(b, "%s parent json.Marshal: {\"%s\":%s}\n", who, field, f->marshal);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("%s: cannot open", path);
	sd_buf b = SD_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sd_buf_add(&b, chunk, n);
	fclose(f);
	return sd_buf_detach(&b, NULL);
}

/* Go's output without its decode-error lines (informative: the facts are
 * of the partly decoded values, which the other lines show). */
static void drop_decode_lines(char *s)
{
	char *w = s;
	for (char *r = s; *r;) {
		char *nl = strchr(r, '\n');
		size_t len = nl ? (size_t)(nl - r + 1) : strlen(r);
		if (strncmp(r, "left: json.Unmarshal:", 21) && strncmp(r, "right: json.Unmarshal:", 22)) {
			memmove(w, r, len);
			w += len;
		}
		r += len;
	}
	*w = '\0';
}

static int check_repro(const char *name, const char *left, const char *right, const char *ptr)
{
	sd_error e;
	sd_doc *doc[2] = { sd_doc_load_input(left, NULL, &e), sd_doc_load_input(right, NULL, &e) };
	assert_non_null(doc[0]);
	assert_non_null(doc[1]);
	sd_goview *v[2];
	for (int i = 0; i < 2; i++)
		v[i] = sd_goview_decode(doc[i], sd_goview_pick_type(doc[i], SD_SCHEMA_AUTO), &e);
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	sd_diff *d = sd_diff_compute(doc[0], v[0], doc[1], v[1], &o);
	const sd_diff_item *it = NULL;
	for (size_t i = 0; i < sd_diff_count(d) && !*ptr; i++)   /* explain --go's choice */
		if (sd_class_counts(sd_diff_item_at(d, i)->cls, SD_MODE_STRICT) && !it)
			it = sd_diff_item_at(d, i);
	if (!*ptr && !it)
		it = sd_diff_item_at(d, 0);
	const char *path = *ptr ? ptr : it->path;
	if (*ptr) {
		const sd_pair *p = sd_diff_find(d, ptr);
		it = p ? p->item : NULL;
	}
	const char *field = strrchr(path, '/') + 1;
	sd_buf want = SD_BUF_INIT;
	sd_buf_addf(&want, "reflect.DeepEqual: %s\n", it && it->cls != SD_CLASS_COSMETIC ? "false" : "true");
	static const char *const names[] = { "left", "right" };
	for (int i = 0; i < 2; i++) {
		sd_gofacts f;
		sd_gofacts_side(&f, d, it, path, i, 0);
		expected_side(&want, names[i], &f, field);
		sd_gofacts_release(&f);
	}
	char out[256];
	snprintf(out, sizeof out, "tests/gofacts/repro/%s.out", name);
	char *got = read_all(out);
	scrub_addr(got);
	drop_decode_lines(got);
	int bad = strcmp(want.data, got) != 0;
	if (bad)
		print_error("%s (%s): Go printed\n%s\nspecdiff's facts say\n%s\n", name, path, got, want.data);
	free(got);
	sd_buf_release(&want);
	sd_diff_free(d);
	for (int i = 0; i < 2; i++) {
		sd_goview_free(v[i]);
		sd_doc_free(doc[i]);
	}
	return bad;
}

static void test_reproducer_output(void **state)
{
	(void)state;
	char *tsv = read_all("tests/gofacts/repro.tsv");
	int n = 0, bad = 0;
	for (char *line = strtok(tsv, "\n"); line; line = strtok(NULL, "\n")) {
		if (*line == '#')
			continue;
		char *f[4] = { line, NULL, NULL, NULL };
		for (int i = 1; i < 4; i++) {
			f[i] = strchr(f[i - 1], '\t');
			assert_non_null(f[i]);
			*f[i]++ = '\0';
		}
		bad += check_repro(f[0], f[1], f[2], f[3]);
		n++;
	}
	free(tsv);
	print_message("%d reproducers: Go's recorded output equals specdiff's facts in %d\n", n, n - bad);
	assert_true(n >= 29);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_facts_equal_go),
		cmocka_unit_test(test_teaching_examples),
		cmocka_unit_test(test_reproducer_output),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
