/* test_json_load.c - the JSON loader: values, positions, errors, limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "specdiff/doc.h"
#include "specdiff/util.h"

static sd_doc *load(const char *text, size_t len, const sd_load_opts *o, sd_error *err)
{
	sd_load_opts def = { .format = SD_FORMAT_JSON };
	return sd_doc_load_bytes("t.json", text, len, o ? o : &def, err);
}

static sd_doc *ok(const char *text)
{
	sd_error err;
	sd_doc *d = load(text, strlen(text), NULL, &err);
	if (!d)
		fail_msg("load failed: %u:%u: %s", err.line, err.col, err.msg);
	return d;
}

/* Loads text that must fail; checks the position and a message fragment. */
static void bad(const char *text, size_t len, unsigned line, unsigned col, const char *frag)
{
	sd_error err;
	sd_doc *d = load(text, len, NULL, &err);
	if (d)
		fail_msg("'%s' loaded but should fail", text);
	assert_string_equal(err.file, "t.json");
	if (!strstr(err.msg, frag))
		fail_msg("message '%s' lacks '%s'", err.msg, frag);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
}

static void test_scalars(void **state)
{
	(void)state;
	sd_doc *d = ok("[null, true, false, 0, -0, 1.5e+10, \"s\"]");
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(r->kind, SD_ARRAY);
	assert_int_equal(r->len, 7);
	assert_int_equal(r->u.items[0].kind, SD_NULL);
	assert_true(r->u.items[1].u.boolean);
	assert_false(r->u.items[2].u.boolean);
	assert_string_equal(r->u.items[4].u.num, "-0");
	assert_string_equal(r->u.items[5].u.num, "1.5e+10");
	assert_string_equal(r->u.items[6].u.str, "s");
	assert_int_equal(sd_doc_format(d), SD_FORMAT_JSON);
	assert_int_equal(sd_doc_stream_count(d), 1);
	sd_doc_free(d);
}

static void test_big_numbers_exact(void **state)
{
	(void)state;
	sd_doc *d = ok("{\"a\": 18446744073709551615, \"b\": -9223372036854775808, "
		       "\"c\": 123456789012345678901234567890.000000000000001E-300}");
	const sd_node *r = sd_doc_root(d);
	size_t len;
	assert_string_equal(sd_node_get(r, "a")->u.num, "18446744073709551615");
	assert_string_equal(sd_node_get(r, "b")->u.num, "-9223372036854775808");
	assert_string_equal(sd_number_go_text(sd_node_get(r, "a"), &len), "18446744073709551615");
	assert_int_equal(len, 20);
	assert_string_equal(sd_node_get(r, "c")->u.num,
			    "123456789012345678901234567890.000000000000001E-300");
	sd_doc_free(d);
}

static void test_escapes_and_surrogates(void **state)
{
	(void)state;
	sd_doc *d = ok("[\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\ud83d\\ude00\", \"x\\u0000y\", "
		       "\"\\ud800z\", \"\\udc00\", \"plain\"]");
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(r->u.items[0].len, 9);
	assert_memory_equal(r->u.items[0].u.str, "a\"\\/\b\f\n\r\t", 9);
	assert_true(r->u.items[0].flags & SD_NODE_ESCAPED);
	assert_string_equal(r->u.items[1].u.str, "\xc3\xa9\xf0\x9f\x98\x80");
	assert_int_equal(r->u.items[2].len, 3);
	assert_memory_equal(r->u.items[2].u.str, "x\0y", 3);
	assert_string_equal(r->u.items[3].u.str, "\xef\xbf\xbdz");
	assert_true(r->u.items[3].flags & SD_NODE_LOSSY);
	assert_string_equal(r->u.items[4].u.str, "\xef\xbf\xbd");
	assert_true(r->u.items[4].flags & SD_NODE_LOSSY);
	assert_false(r->u.items[5].flags & (SD_NODE_LOSSY | SD_NODE_ESCAPED));
	sd_doc_free(d);
}

static void test_invalid_utf8_kept(void **state)
{
	(void)state;
	sd_doc *d = ok("[\"a\xff\xfe\", \"\xed\xa0\x80\", \"\xc3\xa9\"]");
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(r->u.items[0].len, 3);
	assert_memory_equal(r->u.items[0].u.str, "a\xff\xfe", 3);
	assert_true(r->u.items[0].flags & SD_NODE_BADUTF8);
	assert_true(r->u.items[1].flags & SD_NODE_BADUTF8); /* encoded surrogate */
	assert_false(r->u.items[2].flags & SD_NODE_BADUTF8);
	sd_doc_free(d);
}

static void test_positions(void **state)
{
	(void)state;
	sd_doc *d = ok("{\n  \"a\": [1,\n    \"x\"],\n\t\"b\": {}\n}");
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(r->line, 1);
	assert_int_equal(r->col, 1);
	const sd_member *a = &r->u.members[0], *b = &r->u.members[1];
	assert_int_equal(sd_member_key_line(a), 2);
	assert_int_equal(a->key_col, 3);
	assert_int_equal(a->value.line, 2);
	assert_int_equal(a->value.col, 8);
	assert_int_equal(a->value.u.items[1].line, 3);
	assert_int_equal(a->value.u.items[1].col, 5);
	assert_int_equal(sd_member_key_line(b), 4);
	assert_int_equal(b->key_col, 2); /* a tab is one byte */
	assert_int_equal(b->value.col, 7);
	sd_doc_free(d);
	/* the key's line is kept apart from its value's (sd_member_key_line) */
	d = ok("{\"a\"\n:\n\n  1, \"b\":2}");
	a = &sd_doc_root(d)->u.members[0];
	assert_int_equal(sd_member_key_line(a), 1);
	assert_int_equal(a->key_col, 2);
	assert_int_equal(a->value.line, 4);
	assert_int_equal(sd_member_key_line(&sd_doc_root(d)->u.members[1]), 4);
	sd_doc_free(d);
	/* columns count bytes, not characters */
	d = ok("[\"\xc3\xa9\xc3\xa9\", 1]");
	assert_int_equal(sd_doc_root(d)->u.items[1].col, 10);
	sd_doc_free(d);
}

static void test_duplicates(void **state)
{
	(void)state;
	sd_doc *d = ok("{\"a\": 1, \"b\": 2, \"a\": 3}");
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(r->len, 3);
	assert_true(r->flags & SD_NODE_DUPKEYS);
	assert_false(r->u.members[0].flags & SD_MEMBER_DUPLICATE);
	assert_true(r->u.members[2].flags & SD_MEMBER_DUPLICATE);
	assert_string_equal(sd_node_get(r, "a")->u.num, "3"); /* the last one */
	sd_doc_free(d);
	/* a large object goes through the hash table */
	char buf[4096] = "{";
	for (int i = 0; i < 40; i++)
		sprintf(buf + strlen(buf), "\"k%d\": %d, ", i, i);
	strcat(buf, "\"k7\": 0}");
	d = ok(buf);
	r = sd_doc_root(d);
	assert_true(r->flags & SD_NODE_DUPKEYS);
	assert_true(r->u.members[40].flags & SD_MEMBER_DUPLICATE);
	for (int i = 0; i < 40; i++)
		assert_false(r->u.members[i].flags & SD_MEMBER_DUPLICATE);
	sd_doc_free(d);
}

static void test_errors(void **state)
{
	(void)state;
	/* Positions: the byte Go's SyntaxError.Offset names (recorded from
	 * encoding/json of Go 1.19; the end of input when it ends too soon). */
	bad("", 0, 1, 1, "empty input");
	bad("  \n ", 4, 2, 2, "only white space");
	bad("\xef\xbb\xbf{}", 5, 1, 1, "a UTF-8 byte-order mark is not allowed in JSON");
	bad("{} []", 5, 1, 4, "after the top-level value");
	bad("[1,\n 2,\n]", 9, 3, 1, "trailing comma");
	bad("{\"a\": 1,}", 9, 1, 9, "trailing comma");
	bad("[\"abc", 5, 1, 6, "unterminated string");
	bad("[\"ab\ncd\"]", 9, 1, 5, "line break");
	bad("\"a\x01\"", 4, 1, 3, "control characters must be escaped");
	bad("\"\\x\"", 4, 1, 3, "invalid escape");
	bad("\"\\u12g4\"", 8, 1, 6, "four hex digits");
	bad("01", 2, 1, 2, "leading zeros");
	bad("+1", 2, 1, 1, "cannot start with '+'");
	bad("[1.]", 4, 1, 4, "digit after the decimal point");
	bad("1e", 2, 1, 2, "exponent");
	bad("-", 1, 1, 1, "digit after '-'");
	bad("[1 2]", 5, 1, 4, "expected ',' or ']'");
	bad("{\"a\" 1}", 7, 1, 6, "expected ':'");
	bad("{1: 2}", 6, 1, 2, "object key in double quotes");
	bad("[True]", 6, 1, 2, "invalid value 'True'");
	bad("['a']", 5, 1, 2, "double quotes");
	bad("{\"a\": [1, {\"b\": 2}", 18, 1, 19, "array opened at line 1 column 7");
}

static void test_depth_limit(void **state)
{
	(void)state;
	size_t n = 1000000;
	char *s = malloc(n);
	memset(s, '[', n);
	sd_error err;
	assert_null(load(s, n, NULL, &err));
	assert_non_null(strstr(err.msg, "nesting deeper than 10000 levels"));
	assert_int_equal(err.col, 10001);
	sd_load_opts o = { .format = SD_FORMAT_JSON, .max_depth = 3 };
	assert_null(load("[[[[1]]]]", 9, &o, &err));
	assert_int_equal(err.col, 4);
	sd_doc *d = load("[[[1]]]", 7, &o, &err);
	assert_non_null(d);
	sd_doc_free(d);
	free(s);
}

static void test_size_limit(void **state)
{
	(void)state;
	sd_load_opts o = { .format = SD_FORMAT_JSON, .max_bytes = 4 };
	sd_error err;
	assert_null(load("[1,2]", 5, &o, &err));
	assert_non_null(strstr(err.msg, "above the limit of 4 bytes"));
	sd_doc *d = load("[12]", 4, &o, &err);
	assert_non_null(d);
	sd_doc_free(d);
}

static void test_format_detection(void **state)
{
	(void)state;
	sd_error err;
	sd_doc *d = sd_doc_load_bytes("noext", " {\"a\": 1}", 9, NULL, &err);
	assert_non_null(d);
	assert_int_equal(sd_doc_format(d), SD_FORMAT_JSON);
	sd_doc_free(d);
	d = sd_doc_load_bytes("noext", "a: 1", 4, NULL, &err);
	assert_non_null(d);
	assert_int_equal(sd_doc_format(d), SD_FORMAT_YAML);
	sd_doc_free(d);
	/* the extension wins over the content */
	assert_null(sd_doc_load_bytes("x.json", "a: 1", 4, NULL, &err));
	d = sd_doc_load_bytes("x.yaml", "{\"a\": 1}", 8, NULL, &err);
	assert_non_null(d);
	assert_int_equal(sd_doc_format(d), SD_FORMAT_YAML);
	sd_doc_free(d);
}

static void test_pointer_and_equal(void **state)
{
	(void)state;
	sd_doc *d = ok("{\"a/b\": {\"~x\": [10, 20]}, \"\": 1}");
	const sd_node *r = sd_doc_root(d);
	assert_ptr_equal(sd_node_at_pointer(r, ""), r);
	assert_string_equal(sd_node_at_pointer(r, "/a~1b/~0x/1")->u.num, "20");
	assert_string_equal(sd_node_at_pointer(r, "/")->u.num, "1");
	assert_null(sd_node_at_pointer(r, "/a~1b/~0x/2"));
	assert_null(sd_node_at_pointer(r, "/a~1b/~0x/01"));
	assert_null(sd_node_at_pointer(r, "/a~2b"));
	assert_null(sd_node_at_pointer(r, "a"));
	sd_doc *e = ok("{\"a/b\": {\"~x\": [10, 20]}, \"\": 1}");
	sd_doc *f = ok("{\"a/b\": {\"~x\": [10, 20.0]}, \"\": 1}");
	sd_doc *g = ok("{\"\": 1, \"a/b\": {\"~x\": [10, 20]}}");
	assert_true(sd_node_equal(r, sd_doc_root(e)));
	assert_false(sd_node_equal(r, sd_doc_root(f)));
	assert_false(sd_node_equal(r, sd_doc_root(g))); /* member order counts */
	sd_doc_free(d);
	sd_doc_free(e);
	sd_doc_free(f);
	sd_doc_free(g);
}

/* A big input (past the loader's 1 MiB steps of giving parsed source back):
 * every text is right however far into the input it is, equal texts are
 * stored once, and an error after the released part still has its place. */
static void test_big_input_texts(void **state)
{
	(void)state;
	sd_buf b = SD_BUF_INIT;
	sd_buf_adds(&b, "[\n");
	for (int i = 0; i < 40000; i++)
		sd_buf_addf(&b, "{\"name\":\"app-%d\",\"k\\u0065y\":\"a\\tb\",\"n\":%d,\"same\":\"x\"},\n",
			    i, i % 7);
	sd_buf_adds(&b, "{\"last\":\"\\u00e9nd\"}]");
	sd_error err;
	sd_doc *d = load(b.data, b.len, NULL, &err);
	assert_non_null(d);
	const sd_node *r = sd_doc_root(d);
	assert_int_equal(r->len, 40001);
	const sd_node *o = &r->u.items[39999];
	assert_int_equal(o->line, 40001);
	assert_string_equal(o->u.members[0].value.u.str, "app-39999");
	assert_string_equal(o->u.members[1].key, "key");
	assert_true(o->u.members[1].value.flags & SD_NODE_ESCAPED);
	assert_string_equal(o->u.members[1].value.u.str, "a\tb");
	assert_string_equal(o->u.members[2].value.u.num, "1");
	/* stored once: the same key and value text in the first object */
	const sd_node *first = &r->u.items[0];
	assert_ptr_equal(first->u.members[3].key, o->u.members[3].key);
	assert_ptr_equal(first->u.members[3].value.u.str, o->u.members[3].value.u.str);
	assert_string_equal(sd_node_get(&r->u.items[40000], "last")->u.str, "\xc3\xa9nd");
	sd_doc_free(d);

	/* an error near the end of a big input */
	b.len -= 2;
	sd_buf_adds(&b, "x]");
	assert_null(load(b.data, b.len, NULL, &err));
	assert_int_equal(err.line, 40002);
	assert_true(strstr(err.msg, "expected ',' or '}'") != NULL);
	sd_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_big_numbers_exact),
		cmocka_unit_test(test_escapes_and_surrogates),
		cmocka_unit_test(test_invalid_utf8_kept),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_format_detection),
		cmocka_unit_test(test_pointer_and_equal),
		cmocka_unit_test(test_big_input_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
