/* test_write.c - JSON/YAML writers round-trip; atomic file replacement. */
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

#include "specdiff/doc.h"
#include "specdiff/write.h"

static sd_doc *load(const char *name, const char *text, size_t len)
{
	sd_error err;
	sd_doc *d = sd_doc_load_bytes(name, text, len, NULL, &err);
	if (!d)
		fail_msg("load of %s failed: %u:%u: %s\n%s", name, err.line, err.col, err.msg, text);
	return d;
}

/* Writes d in format to, loads the output back and checks the tree is
 * equal; a second write must be byte-identical.  Returns the output. */
static char *round_trip(const sd_doc *d, sd_format to)
{
	sd_write_opts o = { to, 2, false, SD_JSON_ESCAPE_WRITER };
	sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
	sd_write_node(&a, sd_doc_root(d), &o);
	const char *name = to == SD_FORMAT_YAML ? "out.yaml" : "out.json";
	sd_doc *back = load(name, a.data, a.len);
	if (!sd_node_equal(sd_doc_root(d), sd_doc_root(back)))
		fail_msg("round trip through %s changed the tree:\n%s", name, a.data);
	sd_write_node(&b, sd_doc_root(back), &o);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	sd_doc_free(back);
	sd_buf_release(&b);
	return sd_buf_detach(&a, NULL);
}

static const char tricky[] =
	"{\"big\": 18446744073709551615, \"neg\": -9223372036854775808, \"f\": 1.50E+10,\n"
	" \"s\": [\"\", \" lead\", \"trail \", \"null\", \"~\", \"true\", \"yes\", \"No\", \"12\",\n"
	"   \"0x1F\", \"1e3\", \".inf\", \"- x\", \"a: b\", \"a #c\", \"#c\", \"key:\", \"&a\", \"*a\",\n"
	"   \"!t\", \"|\", \">\", \"@x\", \"`x\", \"%x\", \"[x]\", \"{x}\", \"'q'\", \"\\\"d\\\"\", \"...\",\n"
	"   \"---\", \"2020-01-01\", \"line\\nbreak\", \"tab\\there\", \"nul\\u0000x\", \"\\u00e9t\\u00e9\",\n"
	"   \"\\u2028\", \"\\ufeff\", \"\\u0085\", \"\\u007f\", \"ok plain\", \"a,b\", \".hidden\", \"-\"],\n"
	" \"e\": {}, \"ea\": [], \"n\": null, \"b\": [true, false],\n"
	" \"nest\": [[1, [2, {}]], {\"k\": [{\"x\": {\"y\": []}}]}],\n"
	" \"1\": \"numeric key\", \"true\": 1, \"a: b\": 2, \"\": 3, \"dup\": 1, \"dup\": 2}\n";

static void test_json_round_trip(void **state)
{
	(void)state;
	sd_doc *d = load("t.json", tricky, strlen(tricky));
	char *out = round_trip(d, SD_FORMAT_JSON);
	assert_non_null(strstr(out, "\"big\": 18446744073709551615"));
	assert_non_null(strstr(out, "\"f\": 1.50E+10"));
	assert_non_null(strstr(out, "\"e\": {},\n  \"ea\": [],"));
	assert_non_null(strstr(out, "\"nul\\u0000x\""));
	assert_int_equal(strncmp(out, "{\n  \"big\"", 9), 0);
	free(out);
	sd_doc_free(d);
}

static void test_yaml_round_trip(void **state)
{
	(void)state;
	sd_doc *d = load("t.json", tricky, strlen(tricky));
	char *out = round_trip(d, SD_FORMAT_YAML);
	assert_non_null(strstr(out, "big: 18446744073709551615\n"));
	assert_non_null(strstr(out, "- \"null\"\n"));
	assert_non_null(strstr(out, "- \"yes\"\n"));
	assert_non_null(strstr(out, "- ok plain\n"));
	assert_non_null(strstr(out, "e: {}\nea: []\n"));
	assert_non_null(strstr(out, "\"1\": numeric key\n"));
	/* and the YAML output converts back to the same JSON */
	sd_doc *y = load("t.yaml", out, strlen(out));
	assert_true(sd_node_equal(sd_doc_root(d), sd_doc_root(y)));
	char *again = round_trip(y, SD_FORMAT_JSON);
	sd_doc_free(y);
	free(again);
	free(out);
	sd_doc_free(d);
}

static void test_yaml_source_round_trip(void **state)
{
	(void)state;
	const char *text = "a: 0x1F\nb: [1_000, .inf, -.Inf, .nan, 0o17, +1]\nc: yes\nd: ~\n"
			   "e: True\nf:\n- - x\n  - y\n- {k: v}\n";
	sd_doc *d = load("t.yaml", text, strlen(text));
	char *out = round_trip(d, SD_FORMAT_YAML);
	assert_non_null(strstr(out, "a: 0x1F\n"));
	free(out);
	/* YAML numbers JSON cannot spell: Go's form; .inf as a string */
	sd_write_opts o = { SD_FORMAT_JSON, 2, false, SD_JSON_ESCAPE_WRITER };
	sd_buf b = SD_BUF_INIT;
	sd_write_node(&b, sd_doc_root(d), &o);
	assert_non_null(strstr(b.data, "\"a\": 31,"));
	assert_null(strstr(b.data, "1_000"));
	assert_non_null(strstr(b.data, "    1000,\n"));
	assert_non_null(strstr(b.data, "\".inf\""));
	sd_doc *j = load("o.json", b.data, b.len);
	sd_doc_free(j);
	sd_buf_release(&b);
	sd_doc_free(d);
}

static void test_yaml_lossy(void **state)
{
	(void)state;
	const char text[] = "[\"ok\", \"bad\xff\"]";
	sd_doc *d = load("t.json", text, sizeof(text) - 1);
	assert_true(sd_write_yaml_lossy(sd_doc_root(d)));
	sd_write_opts o = { SD_FORMAT_YAML, 2, false, SD_JSON_ESCAPE_WRITER };
	sd_buf b = SD_BUF_INIT;
	sd_write_node(&b, sd_doc_root(d), &o);
	assert_non_null(strstr(b.data, "\"bad\xef\xbf\xbd\""));
	sd_buf_release(&b);
	/* JSON keeps the raw byte */
	char *out = round_trip(d, SD_FORMAT_JSON);
	assert_non_null(strstr(out, "\"bad\xff\""));
	free(out);
	sd_doc_free(d);
	d = load("t.json", "[\"fine\"]", 8);
	assert_false(sd_write_yaml_lossy(sd_doc_root(d)));
	sd_doc_free(d);
}

/* JSON numbers beyond float64 range: no YAML spelling keeps them numbers
 * (plain 1e400 is a string to yaml.v3, !!float 1e400 an error), so they
 * are written quoted, said so, and load back as strings with their text. */
static void test_yaml_number_beyond_float64(void **state)
{
	(void)state;
	const char text[] = "{\"a\": 1e400, \"b\": [-1E+999, 1.5, 1e-400], \"c\": 1e308}";
	sd_doc *d = load("t.json", text, sizeof(text) - 1);
	assert_true(sd_write_yaml_number_strings(sd_doc_root(d)));
	assert_false(sd_write_yaml_lossy(sd_doc_root(d)));
	sd_write_opts o = { SD_FORMAT_YAML, 2, false, SD_JSON_ESCAPE_WRITER };
	sd_buf b = SD_BUF_INIT;
	sd_write_node(&b, sd_doc_root(d), &o);
	assert_non_null(strstr(b.data, "a: \"1e400\"\n"));
	assert_non_null(strstr(b.data, "- \"-1E+999\"\n"));
	assert_non_null(strstr(b.data, "- 1e-400\n"));   /* underflow is a number (0) */
	assert_non_null(strstr(b.data, "c: 1e308\n"));
	sd_doc *back = load("out.yaml", b.data, b.len);
	const sd_node *a = sd_node_get(sd_doc_root(back), "a");
	assert_int_equal(a->kind, SD_STRING);
	assert_int_equal(a->len, 5);
	assert_memory_equal(a->u.str, "1e400", 5);
	assert_int_equal(sd_node_get(sd_doc_root(back), "c")->kind, SD_NUMBER);
	assert_int_equal(sd_node_get(sd_doc_root(back), "b")->u.items[2].kind, SD_NUMBER);
	assert_false(sd_write_yaml_number_strings(sd_doc_root(back)));
	sd_doc_free(back);
	sd_buf_release(&b);
	free(round_trip(d, SD_FORMAT_JSON));   /* JSON keeps them numbers */
	sd_doc_free(d);
	d = load("t.json", "[1, 2.5e10]", 11);
	assert_false(sd_write_yaml_number_strings(sd_doc_root(d)));
	sd_doc_free(d);
}

static void test_scalar_roots(void **state)
{
	(void)state;
	const char *texts[] = { "1", "\"s\"", "null", "{}", "[]", "true" };
	for (size_t i = 0; i < 6; i++) {
		sd_doc *d = load("t.json", texts[i], strlen(texts[i]));
		free(round_trip(d, SD_FORMAT_JSON));
		free(round_trip(d, SD_FORMAT_YAML));
		sd_doc_free(d);
	}
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = calloc(1, 4096);
	size_t n = fread(buf, 1, 4095, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The string bytes of Go's json.Marshal by release.  Go 1.19's are
 * recorded from Debian's Go 1.19 (json.Marshal of the same map); Go
 * 1.22's differ only in \b and \f (Go 1.22 release notes). */
static void test_go_escape_modes(void **state)
{
	(void)state;
	static const char in[] = "{\"k\\b\": \"a\\b\\f\x7f\xe2\x80\xa8\xe2\x80\xa9<>&\xff\\u0001\\t\\n\\r\\\"\\\\\xc3\xa9\"}";
	static const char go119[] = "{\n  \"k\\u0008\": \"a\\u0008\\u000c\x7f\\u2028\\u2029\\u003c\\u003e"
		"\\u0026\\ufffd\\u0001\\t\\n\\r\\\"\\\\\xc3\xa9\"\n}\n";
	static const char go122[] = "{\n  \"k\\b\": \"a\\b\\f\x7f\\u2028\\u2029\\u003c\\u003e"
		"\\u0026\\ufffd\\u0001\\t\\n\\r\\\"\\\\\xc3\xa9\"\n}\n";
	sd_doc *d = load("in.json", in, sizeof(in) - 1);
	static const struct { const char *go; const char *want; } cases[] = {
		{ "go1.19.8", go119 }, { "1.21", go119 }, { "go1.22.0", go122 }, { "go1.23.4", go122 },
		{ NULL, go122 }, { "devel", go122 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sd_write_opts o = { SD_FORMAT_JSON, 2, false, sd_json_escape_for_go(cases[i].go) };
		sd_buf b = SD_BUF_INIT;
		sd_write_node(&b, sd_doc_root(d), &o);
		if (strcmp(b.data, cases[i].want))
			fail_msg("Go %s: wrote %s", cases[i].go ? cases[i].go : "(newest)", b.data);
		sd_buf_release(&b);
	}
	/* the writer's own style keeps every byte */
	sd_write_opts w = { SD_FORMAT_JSON, 2, false, SD_JSON_ESCAPE_WRITER };
	sd_buf b = SD_BUF_INIT;
	sd_write_node(&b, sd_doc_root(d), &w);
	assert_non_null(strstr(b.data, "\"a\\b\\f\\u007f"));
	assert_non_null(strstr(b.data, "\xff"));
	sd_buf_release(&b);
	sd_doc_free(d);
}

static void test_atomic_write(void **state)
{
	(void)state;
	char dir[] = "/tmp/sdwrite.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256], sub[256];
	snprintf(path, sizeof(path), "%s/out.json", dir);
	sd_error err;
	assert_int_equal(sd_write_file_atomic(path, "one\n", 4, &err), 0);
	chmod(path, 0640);
	assert_int_equal(sd_write_file_atomic(path, "two\n", 4, &err), 0);
	char *got = slurp(path);
	assert_string_equal(got, "two\n");
	free(got);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640); /* the mode is kept */
	/* failures: a directory, a missing directory; nothing left behind */
	snprintf(sub, sizeof(sub), "%s/d", dir);
	mkdir(sub, 0755);
	assert_int_equal(sd_write_file_atomic(sub, "x", 1, &err), -1);
	assert_non_null(strstr(err.msg, "directory"));
	snprintf(sub, sizeof(sub), "%s/missing/out.json", dir);
	assert_int_equal(sd_write_file_atomic(sub, "x", 1, &err), -1);
	assert_non_null(strstr(err.msg, "No such file or directory"));
	got = slurp(path);
	assert_string_equal(got, "two\n");
	free(got);
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "test $(ls -A %s | wc -l) -eq 2", dir);
	assert_int_equal(system(cmd), 0); /* out.json and d: no temporary files */
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* The source's indentation, line ends and final newline are detected and
 * written back, so an unchanged tree comes out byte-identical. */
static void test_shape_kept(void **state)
{
	static const char *const texts[] = {
		"{\n\t\"a\": [\n\t\t1\n\t],\n\t\"b\": {}\n}",          /* runc spec: tabs, no final newline */
		"{\r\n    \"a\": [\r\n        1\r\n    ]\r\n}\r\n",     /* four spaces, CRLF */
		"{\n   \"a\": {\n      \"b\": null\n   }\n}\n",          /* three spaces */
		"a:\n   b: 1\n   c:\n      - x\n",                      /* YAML, three spaces */
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		const char *t = texts[i];
		sd_write_shape sh;
		sd_write_detect_shape(t, strlen(t), &sh);
		sd_doc *d = load(i == 3 ? "in.yaml" : "in.json", t, strlen(t));
		sd_write_opts o = { i == 3 ? SD_FORMAT_YAML : SD_FORMAT_JSON, 2, false, SD_JSON_ESCAPE_WRITER };
		sd_buf b = SD_BUF_INIT;
		sd_write_node_shaped(&b, sd_doc_root(d), &o, &sh);
		assert_string_equal(b.data, t);
		sd_buf_release(&b);
		sd_doc_free(d);
	}
	sd_write_shape sh;
	sd_write_detect_shape("{\"a\": 1}", 8, &sh);   /* compact: the writer's default */
	assert_int_equal(sh.indent, 0);
	assert_false(sh.tabs);
	assert_true(sh.no_final_newline);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_yaml_round_trip),
		cmocka_unit_test(test_yaml_source_round_trip),
		cmocka_unit_test(test_yaml_lossy),
		cmocka_unit_test(test_yaml_number_beyond_float64),
		cmocka_unit_test(test_scalar_roots),
		cmocka_unit_test(test_go_escape_modes),
		cmocka_unit_test(test_atomic_write),
		cmocka_unit_test(test_shape_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
