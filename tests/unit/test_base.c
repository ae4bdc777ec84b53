/* test_base.c - the base library (base.h): decoding, JSON literals in each
 * style, pointer segments, path.Clean/Base as Go prints them, the bounded
 * reader, the hash table, and terminal-safe text. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "specdiff/base.h"
#include "specdiff/util.h"

static void test_decode(void **state)
{
	(void)state;
	uint32_t r = 0;
	assert_int_equal(sd_utf8_decode("\xe2\x82\xac", 3, &r), 3);
	assert_int_equal(r, 0x20AC);
	assert_int_equal(sd_utf8_decode("\xf4\x8f\xbf\xbf", 4, &r), 4);
	assert_int_equal(r, 0x10FFFF);
	assert_int_equal(sd_utf8_decode("\xed\xa0\x80", 3, &r), 0);
	assert_true(sd_utf8_valid("a\xc3\xa9", 3));
	assert_false(sd_utf8_valid("a\xc3", 2));
	assert_false(sd_utf8_valid("\xc0\x80", 2));
}

static void test_encode(void **state)
{
	(void)state;
	sd_buf b = SD_BUF_INIT;
	sd_buf_add_rune(&b, 'a');
	sd_buf_add_rune(&b, 0xE9);
	sd_buf_add_rune(&b, 0x20AC);
	sd_buf_add_rune(&b, 0x1F600);
	sd_buf_add_rune(&b, 0xD800);     /* surrogate: U+FFFD, as utf8.EncodeRune */
	sd_buf_add_rune(&b, 0x110000);
	assert_string_equal(b.data, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xef\xbf\xbd\xef\xbf\xbd");
	sd_buf_release(&b);
}

static void quote_is(const char *s, size_t n, unsigned flags, const char *want)
{
	sd_buf b = SD_BUF_INIT;
	sd_json_quote(&b, s, n, flags);
	assert_string_equal(b.data, want);
	sd_buf_release(&b);
}

static void test_json_quote_styles(void **state)
{
	(void)state;
	static const char in[] = "a\"\\\n\r\t\b\f\x01\x7f\xff\xe2\x80\xa8z";
	size_t n = sizeof in - 1;
	/* Go 1.19 json.Marshal (SetEscapeHTML(false)) */
	quote_is(in, n, SD_JSON_GO,
		 "\"a\\\"\\\\\\n\\r\\t\\u0008\\u000c\\u0001\x7f\\ufffd\\u2028z\"");
	/* the report: always valid JSON, DEL escaped */
	quote_is(in, n, SD_JSON_ESCAPE_DEL,
		 "\"a\\\"\\\\\\n\\r\\t\\u0008\\u000c\\u0001\\u007f\\ufffd\xe2\x80\xa8z\"");
	/* the writer: every byte kept */
	sd_buf b = SD_BUF_INIT;
	sd_buf_add_json_string(&b, in, n);
	assert_string_equal(b.data, "\"a\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f\xff\xe2\x80\xa8z\"");
	sd_buf_release(&b);
	quote_is("", 0, 0, "\"\"");
	quote_is("nul\0x", 5, 0, "\"nul\\u0000x\"");
}

static void test_pointer(void **state)
{
	(void)state;
	sd_buf b = SD_BUF_INIT;
	sd_buf_add_ptr_segment(&b, "a/b~c", 5);
	assert_string_equal(b.data, "a~1b~0c");
	sd_buf_reset(&b);

	const char *ptr = "/a~1b//~0/";
	sd_ptr_iter it;
	const char *seg;
	size_t n;
	const char *want[] = { "a/b", "", "~", "" };
	size_t k = 0;
	sd_ptr_iter_init(&it, ptr, strlen(ptr));
	while (sd_ptr_next(&it, &seg, &n)) {
		assert_true(k < 4);
		sd_buf_reset(&b);
		assert_true(sd_ptr_unescape(&b, seg, n, NULL));
		assert_string_equal(b.data, want[k++]);
	}
	assert_int_equal(k, 4);
	sd_ptr_iter_init(&it, "", 0);          /* the root: no segment */
	assert_false(sd_ptr_next(&it, &seg, &n));
	size_t bad = 99;
	sd_buf_reset(&b);
	assert_false(sd_ptr_unescape(&b, "x~2", 3, &bad));
	assert_int_equal(bad, 1);
	assert_false(sd_ptr_unescape(&b, "x~", 2, &bad));
	sd_buf_release(&b);
}

/* Expected values printed by Go's path.Clean and path.Base. */
static void test_path(void **state)
{
	(void)state;
	static const char *const clean[][2] = {
		{ "", "." }, { "/", "/" }, { "//", "/" }, { ".", "." }, { "..", ".." },
		{ "a/b/../..", "." }, { "a/../../b", "../b" }, { "/../a", "/a" },
		{ "/a/./b/", "/a/b" }, { "a//b", "a/b" }, { "../../x/..", "../.." },
		{ "/usr/bin/./../lib", "/usr/lib" }, { "abc/def/ghi/../jkl", "abc/def/jkl" },
	};
	for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		sd_buf b = SD_BUF_INIT;
		sd_buf_adds(&b, "pre:");  /* appends, never rewrites what is there */
		sd_path_clean(&b, clean[i][0], strlen(clean[i][0]));
		assert_string_equal(b.data + 4, clean[i][1]);
		assert_memory_equal(b.data, "pre:", 4);
		sd_buf_release(&b);
	}
	static const char *const base[][2] = {
		{ "", "." }, { "/", "/" }, { "///", "/" }, { "a", "a" }, { "/a/b/", "b" },
		{ "/usr/bin/sh", "sh" }, { "./x", "x" },
	};
	for (size_t i = 0; i < sizeof base / sizeof base[0]; i++) {
		const char *s;
		size_t n;
		sd_path_base(base[i][0], strlen(base[i][0]), &s, &n);
		assert_int_equal(n, strlen(base[i][1]));
		assert_memory_equal(s, base[i][1], n);
	}
}

static void test_read_bounded(void **state)
{
	(void)state;
	char dir[] = "/tmp/sdbase.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/f", dir);
	FILE *f = fopen(path, "wb");
	for (int i = 0; i < 100000; i++)
		fputc('a' + i % 26, f);
	fclose(f);
	sd_buf b = SD_BUF_INIT;
	assert_int_equal(sd_read_file(path, 100000, &b), 0);
	assert_int_equal(b.len, 100000);
	assert_int_equal(b.data[99999], 'a' + 99999 % 26);
	sd_buf_reset(&b);
	errno = 0;
	assert_int_equal(sd_read_file(path, 99999, &b), -1);
	assert_int_equal(errno, EFBIG);
	sd_buf_reset(&b);
	assert_int_equal(sd_read_file(dir, 10, &b), -1);
	assert_int_equal(errno, EISDIR);
	snprintf(path + strlen(dir), sizeof path - strlen(dir), "/none");
	assert_int_equal(sd_read_file(path, 10, &b), -1);
	assert_int_equal(errno, ENOENT);
	sd_buf_release(&b);
	snprintf(path, sizeof path, "%s/f", dir);
	unlink(path);
	rmdir(dir);
}

static void test_strmap(void **state)
{
	(void)state;
	sd_strmap m;
	sd_strmap_init(&m);
	assert_null(sd_strmap_get(&m, "x", 1));
	static char keys[5000][8];
	for (int i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		sd_strmap_put(&m, keys[i], strlen(keys[i]), keys[i]);
	}
	assert_int_equal(m.n, 5000);
	for (int i = 0; i < 5000; i++)
		assert_ptr_equal(sd_strmap_get(&m, keys[i], strlen(keys[i])), keys[i]);
	/* keys with NUL bytes differ by their length, not strlen */
	static const char a[] = "n\0a", b2[] = "n\0b";
	assert_null(sd_strmap_add(&m, a, 3, (void *)a));
	assert_null(sd_strmap_add(&m, b2, 3, (void *)b2));
	assert_ptr_equal(sd_strmap_add(&m, a, 3, (void *)b2), a);
	assert_ptr_equal(sd_strmap_get(&m, b2, 3), b2);
	assert_null(sd_strmap_get(&m, "n", 1));
	sd_strmap_release(&m);
}

/* Every C0 and C1 control, DEL, ESC sequences, bidi overrides and invalid
 * UTF-8 come out visible; nothing else changes. */
static void test_safe_text(void **state)
{
	(void)state;
	for (unsigned c = 0; c < 0x20; c++) {
		char in[3] = { 'x', (char)c, 'y' };
		sd_buf b = SD_BUF_INIT;
		sd_buf_add_safe(&b, in, 3, false);
		if (c == '\t') {
			assert_memory_equal(b.data, "x\ty", 3);
		} else {
			char want[8];
			snprintf(want, sizeof want, "x\\x%02xy", c);
			assert_string_equal(b.data, want);
			assert_true(sd_text_needs_escape(in, 3) == (c != '\n'));
		}
		sd_buf_release(&b);
	}
	for (unsigned c = 0x80; c < 0xA0; c++) {
		char in[2] = { (char)0xC2, (char)c }, want[8];
		sd_buf b = SD_BUF_INIT;
		sd_buf_add_safe(&b, in, 2, true);
		snprintf(want, sizeof want, "\\u%04x", c);
		assert_string_equal(b.data, want);
		assert_true(sd_text_needs_escape(in, 2));
		sd_buf_release(&b);
	}
	sd_buf b = SD_BUF_INIT;
	sd_buf_add_safe(&b, "\x1b[2J\x1b]0;t\x07\x7f", 11, true);
	assert_string_equal(b.data, "\\x1b[2J\\x1b]0;t\\x07\\x7f");
	sd_buf_reset(&b);
	sd_buf_add_safe(&b, "a\xff\xc3\x28\xe2\x80\xae", 7, true);
	assert_string_equal(b.data, "a\\xff\\xc3(\\u202e");
	sd_buf_reset(&b);
	sd_buf_add_safe(&b, "line\nnext", 9, true);
	assert_string_equal(b.data, "line\nnext");
	sd_buf_reset(&b);
	sd_buf_add_safe(&b, "line\nnext", 9, false);
	assert_string_equal(b.data, "line\\x0anext");
	sd_buf_reset(&b);
	static const char plain[] = "caf\xc3\xa9 \xe2\x82\xac /a~1b \\n {\"k\": 1}";
	sd_buf_add_safe(&b, plain, sizeof plain - 1, false);
	assert_string_equal(b.data, plain);
	assert_false(sd_text_needs_escape(plain, sizeof plain - 1));
	sd_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_json_quote_styles),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_read_bounded),
		cmocka_unit_test(test_strmap),
		cmocka_unit_test(test_safe_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
