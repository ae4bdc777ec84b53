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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_facts_equal_go),
		cmocka_unit_test(test_teaching_examples),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
