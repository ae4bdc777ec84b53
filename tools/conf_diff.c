/*
 * conf_diff - checks "specdiff diff --format json" output against a
 * conformance case's expected.json (tests/conformance/README.md, "How to use
 * it in tests"):
 *   1. decode failure flags equal expected decode.left/right != null; if
 *      either side failed, stop there;
 *   2. strict_equal and semantic_equal equal the expected ones;
 *   3. the set of (path, class) of the non-cosmetic diffs equals expected's.
 *   4. with RC given: the exit status of specdiff diff (strict mode) is 2
 *      when a side failed to decode, else 0 equal / 1 different.
 * usage: conf_diff ACTUAL.json EXPECTED.json [RC]
 * Exit 0 agree, 1 disagree (each disagreement on stdout), 2 trouble.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

static void fail(const char *fmt, const char *a, const char *b)
{
	printf(fmt, a, b);
	putchar('\n');
	failures++;
}

static json_t *load(const char *path)
{
	json_error_t e;
	json_t *j = json_load_file(path, JSON_DECODE_INT_AS_REAL | JSON_ALLOW_NUL, &e);
	if (!j)
		fprintf(stderr, "conf_diff: %s:%d:%d: %s\n", path, e.line, e.column, e.text);
	return j;
}

static bool failed(json_t *doc, const char *side)
{
	json_t *v = json_object_get(json_object_get(doc, "decode"), side);
	return v && !json_is_null(v);
}

static void check_bool(json_t *act, json_t *exp, const char *key)
{
	json_t *a = json_object_get(act, key), *e = json_object_get(exp, key);
	if (!json_is_boolean(a) || !json_is_boolean(e) || json_is_true(a) != json_is_true(e))
		fail("%s: expected %s", key, json_is_true(e) ? "true" : "false");
}

/* "path\tclass" strings of the non-cosmetic diffs, sorted. */
static char **diff_set(json_t *doc, size_t *n)
{
	json_t *diffs = json_object_get(doc, "diffs");
	size_t cap = json_array_size(diffs) + 1, k = 0;
	char **set = calloc(cap, sizeof(*set));
	size_t i;
	json_t *d;
	json_array_foreach(diffs, i, d) {
		const char *p = json_string_value(json_object_get(d, "path"));
		const char *c = json_string_value(json_object_get(d, "class"));
		if (!p || !c || !strcmp(c, "cosmetic"))
			continue;
		set[k] = malloc(strlen(p) + strlen(c) + 2);
		sprintf(set[k++], "%s\t%s", p, c);
	}
	*n = k;
	return set;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_diffs(json_t *act, json_t *exp)
{
	size_t na, ne;
	char **a = diff_set(act, &na), **e = diff_set(exp, &ne);
	qsort(a, na, sizeof(*a), cmp_str);
	qsort(e, ne, sizeof(*e), cmp_str);
	size_t i = 0, j = 0;
	while (i < na || j < ne) {
		int c = i == na ? 1 : j == ne ? -1 : strcmp(a[i], e[j]);
		if (c < 0)
			fail("unexpected diff: %s%s", a[i], "");
		else if (c > 0)
			fail("missing diff: %s%s", e[j], "");
		i += c <= 0;
		j += c >= 0;
	}
	for (i = 0; i < na; i++)
		free(a[i]);
	for (j = 0; j < ne; j++)
		free(e[j]);
	free(a);
	free(e);
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: conf_diff ACTUAL.json EXPECTED.json [RC]\n");
		return 2;
	}
	json_t *act = load(argv[1]), *exp = load(argv[2]);
	if (!act || !exp)
		return 2;
	bool al = failed(act, "left"), ar = failed(act, "right");
	bool el = failed(exp, "left"), er = failed(exp, "right");
	if (al != el)
		fail("decode.left: expected %s%s", el ? "a failure" : "success", "");
	if (ar != er)
		fail("decode.right: expected %s%s", er ? "a failure" : "success", "");
	if (!failures && !el && !er) {
		check_bool(act, exp, "strict_equal");
		check_bool(act, exp, "semantic_equal");
		check_diffs(act, exp);
	}
	if (argc == 4) {
		int want = el || er ? 2 : json_is_true(json_object_get(exp, "strict_equal")) ? 0 : 1;
		if (atoi(argv[3]) != want) {
			char w[16];
			snprintf(w, sizeof(w), "%d", want);
			fail("exit status %s, expected %s", argv[3], w);
		}
	}
	json_decref(act);
	json_decref(exp);
	return failures ? 1 : 0;
}
