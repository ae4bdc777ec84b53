/* test_yaml_load.c - the YAML loader: yaml.v3 scalar resolution, Go JSON
 * number text, positions, streams, aliases and their bound, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "specdiff/doc.h"
#include "specdiff/gonum.h"

static sd_doc *load_o(const char *text, const sd_load_opts *o, sd_error *err)
{
	return sd_doc_load_bytes("t.yaml", text, strlen(text), o, err);
}

static sd_doc *ok(const char *text)
{
	sd_error err;
	sd_doc *d = load_o(text, NULL, &err);
	if (!d)
		fail_msg("load failed: %u:%u: %s", err.line, err.col, err.msg);
	return d;
}

static void bad(const char *text, unsigned line, unsigned col, const char *frag)
{
	sd_error err;
	sd_doc *d = load_o(text, NULL, &err);
	if (d)
		fail_msg("'%s' loaded but should fail", text);
	if (!strstr(err.msg, frag))
		fail_msg("message '%s' lacks '%s'", err.msg, frag);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
}

/* Each plain scalar: its kind and the JSON text Go's YAML->JSON step
 * writes (checked against yaml.v3 + encoding/json). */
static void test_scalar_resolution(void **state)
{
	(void)state;
	static const struct { const char *in; sd_kind kind; const char *go; } cases[] = {
		{ "~", SD_NULL, NULL }, { "null", SD_NULL, NULL }, { "Null", SD_NULL, NULL },
		{ "NULL", SD_NULL, NULL }, { "", SD_NULL, NULL },
		{ "true", SD_BOOL, NULL }, { "True", SD_BOOL, NULL }, { "FALSE", SD_BOOL, NULL },
		{ "yes", SD_STRING, NULL }, { "off", SD_STRING, NULL }, { "nULL", SD_STRING, NULL },
		{ "42", SD_NUMBER, "42" }, { "0x1F", SD_NUMBER, "31" }, { "0o17", SD_NUMBER, "15" },
		{ "0755", SD_NUMBER, "493" }, { "0b101", SD_NUMBER, "5" }, { "1_000", SD_NUMBER, "1000" },
		{ "+12", SD_NUMBER, "12" }, { "-0x10", SD_NUMBER, "-16" }, { "08", SD_NUMBER, "8" },
		{ "4096.0", SD_NUMBER, "4096" }, { "1e3", SD_NUMBER, "1000" }, { ".5", SD_NUMBER, "0.5" },
		{ "1.", SD_NUMBER, "1" }, { "-0.0", SD_NUMBER, "-0" }, { "-0", SD_NUMBER, "0" },
		{ "18446744073709551615", SD_NUMBER, "18446744073709551615" },
		{ "18446744073709551616", SD_NUMBER, "18446744073709552000" },
		{ "-9223372036854775808", SD_NUMBER, "-9223372036854775808" },
		{ "-9223372036854775809", SD_NUMBER, "-9223372036854776000" },
		{ "+18446744073709551615", SD_NUMBER, "18446744073709552000" },
		{ "1e21", SD_NUMBER, "1e+21" }, { "1e20", SD_NUMBER, "100000000000000000000" },
		{ "1e-7", SD_NUMBER, "1e-7" }, { "0.000001", SD_NUMBER, "0.000001" },
		{ "12e-9", SD_NUMBER, "1.2e-8" }, { "0.30000000000000004", SD_NUMBER, "0.30000000000000004" },
		{ "5e-324", SD_NUMBER, "5e-324" },
		{ "1e400", SD_STRING, NULL }, { "0x", SD_STRING, NULL }, { "1.2.3", SD_STRING, NULL },
		{ "0x_", SD_STRING, NULL }, { "12abc", SD_STRING, NULL }, { "-.inf", SD_NUMBER, NULL },
		{ ".inf", SD_NUMBER, NULL }, { ".NaN", SD_NUMBER, NULL }, { ".nAn", SD_STRING, NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128];
		snprintf(text, sizeof(text), "v: %s\n", cases[i].in);
		sd_doc *d = ok(text);
		const sd_node *v = sd_node_get(sd_doc_root(d), "v");
		if (v->kind != cases[i].kind)
			fail_msg("'%s': kind %s, want %s", cases[i].in, sd_kind_name(v->kind),
				 sd_kind_name(cases[i].kind));
		if (v->kind == SD_NUMBER) {
			assert_string_equal(v->u.num, cases[i].in); /* source text kept */
			size_t len;
			const char *go = sd_number_go_text(v, &len);
			if (!cases[i].go) {
				assert_null(go);
				assert_true(v->flags & SD_NODE_NUM_NOJSON);
			} else if (!go || strcmp(go, cases[i].go)) {
				fail_msg("'%s': Go text '%s', want '%s'", cases[i].in, go ? go : "(null)",
					 cases[i].go);
			}
		}
		if (v->kind == SD_STRING)
			assert_string_equal(v->u.str, cases[i].in);
		sd_doc_free(d);
	}
}

static void test_quoted_and_tags(void **state)
{
	(void)state;
	sd_doc *d = ok("a: \"1\"\nb: 'true'\nc: !!str 12\nd: !!int \"12\"\ne: !!float 1\n"
		       "f: |\n  lit\ng: \"tab\\there\\x41\\u00e9\\0\"\n");
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(sd_node_get(r, "a")->kind, SD_STRING);
	assert_true(sd_node_get(r, "a")->flags & SD_NODE_QUOTED);
	assert_int_equal(sd_node_get(r, "b")->kind, SD_STRING);
	assert_int_equal(sd_node_get(r, "c")->kind, SD_STRING);
	assert_int_equal(sd_node_get(r, "d")->kind, SD_NUMBER);
	assert_int_equal(sd_node_get(r, "e")->kind, SD_NUMBER);
	assert_string_equal(sd_node_get(r, "f")->u.str, "lit\n");
	const sd_node *g = sd_node_get(r, "g");
	assert_int_equal(g->len, 12);
	assert_memory_equal(g->u.str, "tab\there" "A\xc3\xa9\0", 12);
	sd_doc_free(d);
	bad("a: 1\nb: !!int abc\n", 2, 4, "cannot decode !!str `abc` as a !!int");
}

static void test_keys(void **state)
{
	(void)state;
	sd_doc *d = ok("1: a\ntrue: b\n~: c\n1.5: d\n1e6: e\n0x10: f\n\"q\": g\nyes: h\n");
	const sd_node *r = sd_doc_root(d);
	const char *want[] = { "1", "true", "null", "1.5", "1e+06", "16", "q", "yes" };
	assert_int_equal(r->len, 8);
	for (uint32_t i = 0; i < r->len; i++)
		assert_string_equal(r->u.members[i].key, want[i]);
	sd_doc_free(d);
	bad("[a]: 1\n", 1, 1, "a mapping key must be a scalar");
}

static void test_positions(void **state)
{
	(void)state;
	sd_doc *d = ok("# c\nroot:\n  k: [1, \"x\"]\n  \xc3\xa9t\xc3\xa9: v\n");
	const sd_node *root = sd_node_get(sd_doc_root(d), "root");
	assert_int_equal(sd_member_key_line(&sd_doc_root(d)->u.members[0]), 2);
	assert_int_equal(sd_doc_root(d)->u.members[0].key_col, 1);
	assert_int_equal(root->line, 3);
	assert_int_equal(root->col, 3);
	const sd_node *k = sd_node_get(root, "k");
	assert_int_equal(k->line, 3);
	assert_int_equal(k->col, 6);
	assert_true(k->flags & SD_NODE_FLOW);
	assert_int_equal(k->u.items[1].col, 10);
	/* byte columns after multi-byte characters */
	assert_int_equal(sd_member_key_line(&root->u.members[1]), 4);
	assert_int_equal(root->u.members[1].value.col, 10);
	assert_true(sd_doc_yaml_had_comments(d));
	sd_doc_free(d);
	/* an alias value keeps its anchor's position, its key its own line */
	sd_buf b = SD_BUF_INIT;
	sd_buf_adds(&b, "a: &x\n  k: v\n");
	for (int i = 0; i < 3000; i++)
		sd_buf_addf(&b, "f%d: %d\n", i, i);
	sd_buf_adds(&b, "  \nb:   *x\n");
	d = ok(b.data);
	const sd_member *m = &sd_doc_root(d)->u.members[3001];
	assert_int_equal(m->value.line, sd_doc_root(d)->u.members[0].value.line);
	assert_true(m->value.line < 3);
	assert_int_equal(sd_member_key_line(m), 3004);
	assert_int_equal(m->key_col, 1);
	sd_doc_free(d);
	sd_buf_release(&b);
}

static void test_duplicates(void **state)
{
	(void)state;
	sd_doc *d = ok("a: 1\nb: 2\n\"a\": 3\n");
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(r->len, 3);
	assert_true(r->flags & SD_NODE_DUPKEYS);
	assert_true(r->u.members[2].flags & SD_MEMBER_DUPLICATE);
	sd_doc_free(d);
}

static void test_streams(void **state)
{
	(void)state;
	const char *text = "a: 1\n---\nb: 2\n---\nc: 3\n";
	sd_doc *d = ok(text);
	assert_int_equal(sd_doc_stream_count(d), 3);
	assert_non_null(sd_node_get(sd_doc_root(d), "a"));
	assert_int_equal(sd_doc_note_count(d), 1);
	assert_non_null(strstr(sd_doc_note(d, 0)->msg,
			       "YAML stream has 3 documents; using document 1 (--doc N picks another)"));
	sd_doc_free(d);
	sd_load_opts o = { .doc_index = 2 };
	sd_error err;
	d = load_o(text, &o, &err);
	assert_non_null(d);
	assert_non_null(sd_node_get(sd_doc_root(d), "c"));
	assert_int_equal(sd_node_get(sd_doc_root(d), "c")->line, 5);
	sd_doc_free(d);
	o.doc_index = 3;
	assert_null(load_o(text, &o, &err));
	assert_non_null(strstr(err.msg, "has 3 documents; there is no document 4"));
	/* empty file, comment-only file, empty document: a null root */
	const char *empties[] = { "", "# nothing\n", "---\n", "\n\n" };
	for (size_t i = 0; i < 4; i++) {
		d = ok(empties[i]);
		assert_int_equal(sd_doc_root(d)->kind, SD_NULL);
		sd_doc_free(d);
	}
}

static void test_aliases(void **state)
{
	(void)state;
	sd_doc *d = ok("base: &b {x: 1, y: [1, 2]}\ncopy: *b\nmerged:\n  <<: *b\n  x: 2\n");
	const sd_node *r = sd_doc_root(d);
	assert_true(sd_node_equal(sd_node_get(r, "base"), sd_node_get(r, "copy")));
	const sd_node *m = sd_node_get(r, "merged");
	assert_int_equal(m->len, 2);
	assert_string_equal(sd_node_get(m, "x")->u.num, "2"); /* written keys win */
	assert_int_equal(sd_node_get(m, "y")->len, 2);
	assert_false(m->flags & SD_NODE_DUPKEYS);
	sd_doc_free(d);
	bad("a: *nope\n", 1, 4, "unknown anchor 'nope'");
	bad("a: &a [1, *a]\n", 1, 11, "recursive alias");
}

static void test_alias_bomb(void **state)
{
	(void)state;
	sd_buf b = SD_BUF_INIT;
	sd_buf_adds(&b, "a: &a [x, x, x, x, x, x, x, x, x, x]\n");
	for (char c = 'b'; c <= 'z'; c++) {
		sd_buf_addf(&b, "%c: &%c [", c, c);
		for (int i = 0; i < 10; i++)
			sd_buf_addf(&b, "%s*%c", i ? ", " : "", c - 1);
		sd_buf_adds(&b, "]\n");
	}
	sd_error err;
	assert_null(load_o(b.data, NULL, &err));
	assert_non_null(strstr(err.msg, "aliases expand to more than 1000000 nodes"));
	assert_int_equal(err.line, 6); /* fails as soon as the bound is passed */
	sd_load_opts o = { .max_alias_nodes = 100 };
	assert_null(load_o("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
			   &o, &err));
	assert_non_null(strstr(err.msg, "more than 100 nodes"));
	sd_buf_release(&b);
}

static void test_errors_and_limits(void **state)
{
	(void)state;
	/* yaml.v3 says "line 1" (the 0-based line of libyaml's problem mark) */
	bad("a: [1\n", 1, 1, "did not find expected ',' or ']'");
	bad("a: b\n\xff: c\n", 2, 1, "invalid UTF-8");
	bad("a:\n\tb: 1\n", 2, 1, "");
	sd_error err;
	size_t n = 100000;
	char *deep = malloc(n + 1);
	memset(deep, '[', n);
	deep[n] = '\0';
	assert_null(load_o(deep, NULL, &err));
	assert_non_null(strstr(err.msg, "nesting deeper than 10000 levels"));
	free(deep);
	sd_load_opts o = { .max_bytes = 3 };
	assert_null(load_o("a: 1", &o, &err));
	assert_non_null(strstr(err.msg, "above the limit"));
}

static void test_notes(void **state)
{
	(void)state;
	sd_doc *d = ok("a: yes\nb: \"no\"\nc: 2020-01-01\n");
	assert_int_equal(sd_doc_note_count(d), 2);
	assert_int_equal(sd_doc_note(d, 0)->line, 1);
	assert_int_equal(sd_doc_note(d, 0)->col, 4);
	assert_non_null(strstr(sd_doc_note(d, 0)->msg, "YAML 1.1"));
	assert_non_null(strstr(sd_doc_note(d, 1)->msg, "timestamp"));
	assert_false(sd_doc_yaml_had_comments(d));
	sd_doc_free(d);
}

static void test_go_floats(void **state)
{
	(void)state;
	static const struct { double f; const char *e, *fm, *g, *json; } cases[] = {
		{ 0, "0e+00", "0", "0", "0" },
		{ 1e21, "1e+21", "1000000000000000000000", "1e+21", "1e+21" },
		{ 1e6, "1e+06", "1000000", "1e+06", "1000000" },
		{ 123456.7, "1.234567e+05", "123456.7", "123456.7", "123456.7" },
		{ 1e-7, "1e-07", "0.0000001", "1e-07", "1e-7" },
		{ 0.0001, "1e-04", "0.0001", "0.0001", "0.0001" },
		{ -2.5, "-2.5e+00", "-2.5", "-2.5", "-2.5" },
		{ 1.7976931348623157e308, "1.7976931348623157e+308", NULL, "1.7976931348623157e+308",
		  "1.7976931348623157e+308" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sd_buf b = SD_BUF_INIT;
		sd_go_format_float(&b, cases[i].f, 'e');
		assert_string_equal(b.data, cases[i].e);
		if (cases[i].fm) {
			sd_buf_reset(&b);
			sd_go_format_float(&b, cases[i].f, 'f');
			assert_string_equal(b.data, cases[i].fm);
		}
		sd_buf_reset(&b);
		sd_go_format_float(&b, cases[i].f, 'g');
		assert_string_equal(b.data, cases[i].g);
		sd_buf_reset(&b);
		sd_go_json_float(&b, cases[i].f);
		assert_string_equal(b.data, cases[i].json);
		sd_buf_release(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalar_resolution),
		cmocka_unit_test(test_quoted_and_tags),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_streams),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_errors_and_limits),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_go_floats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
