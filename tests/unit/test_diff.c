/* test_diff.c - the comparison engine (diff.h): the walker's classes and
 * paths, cosmetic differences, the aligned pair tree, and the reports
 * (report.h), including applying the RFC 6902 patch to corpus pairs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include <cmocka.h>
#include <jansson.h>

#include "specdiff/diff.h"
#include "specdiff/report.h"
#include "test_util.h"

/* Two JSON specs decoded as OCI specs. */
static sd_diff *mk(test_pair *f, const char *l, const char *r)
{
	return test_pair_open(f, "l.json", l, "r.json", r, SD_SCHEMA_OCI);
}

static size_t counted(const sd_diff *d)
{
	return sd_diff_count(d) - sd_diff_count_class(d, SD_CLASS_COSMETIC);
}

/* Exactly one item of class c at path, nothing else that counts. */
static void expect_one(const sd_diff *d, const char *path, sd_class c)
{
	if (!test_find_item(d, path, c) || counted(d) != 1) {
		for (size_t i = 0; i < sd_diff_count(d); i++)
			print_message("  item %s %s\n", sd_diff_item_at(d, i)->path,
				      sd_class_name(sd_diff_item_at(d, i)->cls));
		fail_msg("expected one %s at %s", sd_class_name(c), path);
	}
}

/* Only a cosmetic difference at path: equal in both modes. */
static void expect_cosmetic(const char *l, const char *r, const char *path)
{
	test_pair f;
	mk(&f, l, r);
	assert_int_equal(counted(f.d), 0);
	assert_true(sd_diff_equal(f.d, SD_MODE_STRICT));
	if (!test_find_item(f.d, path, SD_CLASS_COSMETIC)) {
		for (size_t i = 0; i < sd_diff_count(f.d); i++)
			print_message("  item %s %s\n", sd_diff_item_at(f.d, i)->path,
				      sd_class_name(sd_diff_item_at(f.d, i)->cls));
		fail_msg("no cosmetic difference at %s", path);
	}
	test_pair_close(&f);
}

/* ---- classes ---- */

static void test_class_names(void **state)
{
	(void)state;
	sd_class c;
	assert_true(sd_class_parse("nil-vs-empty", &c));
	assert_int_equal(c, SD_CLASS_NIL_VS_EMPTY);
	assert_string_equal(sd_class_name(SD_CLASS_ORDER_ONLY), "order-only");
	assert_false(sd_class_parse("bogus", &c));
	assert_true(sd_class_counts(SD_CLASS_VALUE, SD_MODE_SEMANTIC));
	assert_true(sd_class_counts(SD_CLASS_NIL_VS_EMPTY, SD_MODE_STRICT));
	assert_false(sd_class_counts(SD_CLASS_NIL_VS_EMPTY, SD_MODE_SEMANTIC));
	assert_false(sd_class_counts(SD_CLASS_ORDER_ONLY, SD_MODE_SEMANTIC));
	assert_false(sd_class_counts(SD_CLASS_COSMETIC, SD_MODE_STRICT));
}

/* ---- the walker ---- */

static void test_sysctl_nil_vs_empty(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"linux\":{}}", "{\"linux\":{\"sysctl\":{}}}");
	expect_one(f.d, "/linux/sysctl", SD_CLASS_NIL_VS_EMPTY);
	const sd_diff_item *it = test_find_item(f.d, "/linux/sysctl", SD_CLASS_NIL_VS_EMPTY);
	assert_null(it->lnode);
	assert_non_null(it->rnode);
	assert_true(it->left->is_nil);
	assert_false(it->right->is_nil);
	assert_non_null(strstr(it->reason, "nil map"));
	assert_false(sd_diff_equal(f.d, SD_MODE_STRICT));
	assert_true(sd_diff_equal(f.d, SD_MODE_SEMANTIC));
	test_pair_close(&f);
}

static void test_null_vs_absent_is_equal(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"linux\":{\"sysctl\":null}}", "{\"linux\":{}}");
	assert_int_equal(counted(f.d), 0);
	test_pair_close(&f);
}

static void test_nil_map_vs_values(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"linux\":{}}", "{\"linux\":{\"sysctl\":{\"b\":\"2\",\"a\":\"1\"}}}");
	assert_int_equal(counted(f.d), 2);
	assert_non_null(test_find_item(f.d, "/linux/sysctl/a", SD_CLASS_VALUE));
	assert_non_null(test_find_item(f.d, "/linux/sysctl/b", SD_CLASS_VALUE));
	/* sorted key order, Go's */
	assert_string_equal(sd_diff_item_at(f.d, 0)->path, "/linux/sysctl/a");
	assert_null(sd_diff_item_at(f.d, 0)->left);
	assert_false(sd_diff_equal(f.d, SD_MODE_SEMANTIC));
	test_pair_close(&f);
}

static void test_pointer_nil_vs_zero_struct(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"linux\":{}}", "{\"linux\":{\"resources\":{}}}");
	expect_one(f.d, "/linux/resources", SD_CLASS_VALUE);
	assert_false(sd_diff_equal(f.d, SD_MODE_SEMANTIC));
	test_pair_close(&f);
}

static void test_set_like_order_only(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"process\":{\"capabilities\":{\"bounding\":[\"A\",\"B\",\"C\"]}}}",
	   "{\"process\":{\"capabilities\":{\"bounding\":[\"C\",\"A\",\"B\"]}}}");
	expect_one(f.d, "/process/capabilities/bounding", SD_CLASS_ORDER_ONLY);
	assert_true(sd_diff_equal(f.d, SD_MODE_SEMANTIC));
	test_pair_close(&f);
	/* same length but not the same multiset: per element */
	mk(&f, "{\"process\":{\"env\":[\"A=1\",\"B=2\"]}}", "{\"process\":{\"env\":[\"B=2\",\"A=3\"]}}");
	assert_int_equal(counted(f.d), 2);
	assert_non_null(test_find_item(f.d, "/process/env/0", SD_CLASS_VALUE));
	assert_non_null(test_find_item(f.d, "/process/env/1", SD_CLASS_VALUE));
	test_pair_close(&f);
}

static void test_ordered_list_permuted(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"process\":{\"args\":[\"a\",\"b\"]}}", "{\"process\":{\"args\":[\"b\",\"a\"]}}");
	assert_int_equal(counted(f.d), 2);
	assert_non_null(test_find_item(f.d, "/process/args/0", SD_CLASS_VALUE));
	assert_non_null(test_find_item(f.d, "/process/args/1", SD_CLASS_VALUE));
	test_pair_close(&f);
}

static void test_lengths_and_empty_slices(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"process\":{\"args\":[\"a\"]}}", "{\"process\":{\"args\":[\"a\",\"b\"]}}");
	expect_one(f.d, "/process/args", SD_CLASS_VALUE);
	test_pair_close(&f);
	mk(&f, "{\"process\":{\"args\":null}}", "{\"process\":{\"args\":[]}}");
	expect_one(f.d, "/process/args", SD_CLASS_NIL_VS_EMPTY);
	test_pair_close(&f);
	mk(&f, "{\"process\":{\"args\":[]}}", "{\"process\":{\"args\":[]}}");
	assert_int_equal(sd_diff_count(f.d), 0);
	test_pair_close(&f);
}

static void test_map_key_escaping(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"annotations\":{\"a/b~c\":\"1\"}}", "{\"annotations\":{\"a/b~c\":\"2\"}}");
	expect_one(f.d, "/annotations/a~1b~0c", SD_CLASS_VALUE);
	test_pair_close(&f);
}

static void test_interface_types(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"windows\":{\"credentialSpec\":[]}}", "{\"windows\":{\"credentialSpec\":{}}}");
	expect_one(f.d, "/windows/credentialSpec", SD_CLASS_VALUE);
	test_pair_close(&f);
	test_pair_open(&f, "l.json", "{\"a\":null}", "r.json", "{}", SD_SCHEMA_NONE);
	expect_one(f.d, "/a", SD_CLASS_VALUE);
	test_pair_close(&f);
	test_pair_open(&f, "l.json", "[1,2]", "r.json", "[1,3]", SD_SCHEMA_NONE);
	expect_one(f.d, "/1", SD_CLASS_VALUE);
	test_pair_close(&f);
	test_pair_open(&f, "l.json", "5", "r.json", "5", SD_SCHEMA_NONE);
	assert_int_equal(sd_diff_count(f.d), 0);
	test_pair_close(&f);
	test_pair_open(&f, "l.json", "5", "r.json", "6", SD_SCHEMA_NONE);
	expect_one(f.d, "/", SD_CLASS_VALUE);
	test_pair_close(&f);
}

/* ---- cosmetic differences ---- */

static void test_cosmetic_key_order(void **state)
{
	(void)state;
	expect_cosmetic("{\"hostname\":\"a\",\"ociVersion\":\"1\"}",
			"{\"ociVersion\":\"1\",\"hostname\":\"a\"}", "/");
}

static void test_cosmetic_number_spelling(void **state)
{
	(void)state;
	expect_cosmetic("{\"windows\":{\"credentialSpec\":{\"n\":1e1}}}",
			"{\"windows\":{\"credentialSpec\":{\"n\":10}}}", "/windows/credentialSpec/n");
	test_pair f;
	test_pair_open(&f, "l.yaml", "linux:\n  resources:\n    pids:\n      limit: 4096.0\n", "r.json",
	    "{\"linux\":{\"resources\":{\"pids\":{\"limit\":4096}}}}", SD_SCHEMA_OCI);
	assert_int_equal(counted(f.d), 0);
	assert_non_null(test_find_item(f.d, "/linux/resources/pids/limit", SD_CLASS_COSMETIC));
	test_pair_close(&f);
}

static void test_cosmetic_zero_value(void **state)
{
	(void)state;
	expect_cosmetic("{\"process\":{\"terminal\":false}}", "{\"process\":{}}", "/process/terminal");
	expect_cosmetic("{\"hostname\":null}", "{}", "/hostname");
}

static void test_cosmetic_unknown_field(void **state)
{
	(void)state;
	expect_cosmetic("{\"x-vendor\":{\"a\":1}}", "{}", "/x-vendor");
	expect_cosmetic("{\"process\":{\"x\":1}}", "{\"process\":{\"x\":2}}", "/process/x");
}

static void test_cosmetic_string_spelling(void **state)
{
	(void)state;
	expect_cosmetic("{\"hostname\":\"\\u0061b\"}", "{\"hostname\":\"ab\"}", "/hostname");
	expect_cosmetic("{\"hostname\":\"a\xff\"}", "{\"hostname\":\"a\xfe\"}", "/hostname");
}

static void test_cosmetic_key_case(void **state)
{
	(void)state;
	expect_cosmetic("{\"linux\":{\"Sysctl\":{\"a\":\"1\"}}}", "{\"linux\":{\"sysctl\":{\"a\":\"1\"}}}",
			"/linux/sysctl");
	test_pair f;
	mk(&f, "{\"linux\":{\"Sysctl\":{}}}", "{\"linux\":{\"sysctl\":{}}}");
	const sd_pair *p = sd_diff_find(f.d, "/linux/sysctl");
	assert_non_null(p);
	assert_non_null(p->left);
	assert_non_null(p->right);
	assert_memory_equal(p->lkey, "Sysctl", 6);
	test_pair_close(&f);
}

static void test_cosmetic_duplicate_keys(void **state)
{
	(void)state;
	expect_cosmetic("{\"hostname\":\"x\",\"hostname\":\"a\"}", "{\"hostname\":\"a\"}", "/hostname");
	expect_cosmetic("{\"process\":{\"cwd\":\"/\"},\"process\":{\"terminal\":true}}",
			"{\"process\":{\"cwd\":\"/\",\"terminal\":true}}", "/process");
}

/* ---- the pair tree ---- */

static const sd_pair *kid(const sd_pair *p, size_t i)
{
	assert_true(i < p->nkids);
	return p->kids[i];
}

static void test_pairs_lcs_insertion(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"linux\":{\"maskedPaths\":[\"/a\",\"/b\",\"/c\"]}}",
	   "{\"linux\":{\"maskedPaths\":[\"/a\",\"/x\",\"/b\",\"/c\"]}}");
	expect_one(f.d, "/linux/maskedPaths", SD_CLASS_VALUE);
	const sd_pair *p = sd_diff_find(f.d, "/linux/maskedPaths");
	assert_non_null(p);
	assert_int_equal(p->cls, SD_CLASS_VALUE);
	assert_int_equal(p->nkids, 4);
	assert_null(kid(p, 1)->left);
	assert_int_equal(kid(p, 1)->rindex, 1);
	assert_int_equal(kid(p, 2)->lindex, 1);
	assert_int_equal(kid(p, 2)->rindex, 2);
	assert_true(kid(p, 3)->identical);
	/* the root knows a value difference is below it */
	assert_true(sd_diff_root(f.d)->below & (1u << SD_CLASS_VALUE));
	test_pair_close(&f);
}

static void test_pairs_identity(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"mounts\":[{\"destination\":\"/a\"},{\"destination\":\"/b\",\"type\":\"x\"}]}",
	   "{\"mounts\":[{\"destination\":\"/b\",\"type\":\"y\"},{\"destination\":\"/a\"}]}");
	const sd_pair *p = sd_diff_find(f.d, "/mounts");
	assert_int_equal(p->nkids, 2);
	assert_int_equal(kid(p, 0)->lindex, 0);
	assert_int_equal(kid(p, 0)->rindex, 1);
	assert_int_equal(kid(p, 1)->lindex, 1);
	assert_int_equal(kid(p, 1)->rindex, 0);
	test_pair_close(&f);
	mk(&f, "{\"process\":{\"env\":[\"A=1\",\"B=2\"]}}", "{\"process\":{\"env\":[\"B=3\",\"A=1\",\"C=1\"]}}");
	p = sd_diff_find(f.d, "/process/env");
	assert_int_equal(p->nkids, 3);
	assert_int_equal(kid(p, 0)->rindex, 1);   /* A with A */
	assert_int_equal(kid(p, 1)->lindex, -1);  /* C right after A, its right predecessor */
	assert_int_equal(kid(p, 1)->rindex, 2);
	assert_int_equal(kid(p, 2)->rindex, 0);   /* B with B */
	test_pair_close(&f);
}

static void test_pairs_folded_and_found(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"process\":{\"args\":[\"a\",\"b\"]},\"hostname\":\"h\"}",
	   "{\"process\":{\"args\":[\"a\",\"b\"]},\"hostname\":\"k\"}");
	expect_one(f.d, "/hostname", SD_CLASS_VALUE);
	const sd_pair *root = sd_diff_root(f.d);
	assert_int_equal(root->nkids, 2);
	const sd_pair *proc = kid(root, 0);
	assert_true(proc->identical);
	assert_true(proc->folded);
	assert_int_equal(proc->nkids, 0);
	const sd_pair *arg = sd_diff_find(f.d, "/process/args/1");
	assert_non_null(arg);
	assert_false(proc->folded);
	assert_string_equal(arg->path, "/process/args/1");
	assert_string_equal(arg->left->u.str, "b");
	assert_int_equal(kid(root, 1)->cls, SD_CLASS_VALUE);
	assert_non_null(kid(root, 1)->item);
	test_pair_close(&f);
}

static void test_pairs_absent_both_sides(void **state)
{
	(void)state;
	/* a Go difference where neither text has the field: the item still gets
	 * a pair (here: the later duplicate "linux": null clears the pointer) */
	test_pair f;
	mk(&f, "{\"linux\":{\"sysctl\":{}},\"linux\":null}", "{\"linux\":{}}");
	assert_non_null(test_find_item(f.d, "/linux", SD_CLASS_VALUE));
	const sd_pair *p = sd_diff_find(f.d, "/linux");
	assert_non_null(p);
	assert_int_equal(p->cls, SD_CLASS_VALUE);
	test_pair_close(&f);
}

/* 100,000-element arrays align without quadratic work. */
static void test_pairs_large_arrays(void **state)
{
	(void)state;
	enum { N = 100000 };
	sd_buf l = SD_BUF_INIT, r = SD_BUF_INIT;
	sd_buf_adds(&l, "[");
	sd_buf_adds(&r, "[0,");
	for (int i = 0; i < N; i++) {
		sd_buf_addf(&l, "%s%d", i ? "," : "", i + 1);
		sd_buf_addf(&r, "%s%d", i ? "," : "", i == N / 2 ? -7 : i + 1);
	}
	sd_buf_adds(&l, "]");
	sd_buf_adds(&r, "]");
	test_pair f;
	test_pair_open(&f, "l.json", l.data, "r.json", r.data, SD_SCHEMA_NONE);
	expect_one(f.d, "/", SD_CLASS_VALUE);   /* different lengths */
	const sd_pair *root = sd_diff_root(f.d);
	assert_int_equal(root->nkids, N + 1);
	assert_null(kid(root, 0)->left);         /* the inserted 0 */
	assert_int_equal(kid(root, N / 2 + 1)->lindex, N / 2);   /* the changed one, paired */
	assert_true(sd_diff_pair_count(f.d) <= N + 2);
	test_pair_close(&f);
	sd_buf_release(&l);
	sd_buf_release(&r);
}

/* ---- reports ---- */

static void test_report_json_and_text(void **state)
{
	(void)state;
	test_pair f;
	mk(&f, "{\"linux\":{}}", "{\"linux\":{\"sysctl\":{}},\"x\":1}");
	sd_report_opts o;
	sd_report_opts_init(&o);
	sd_buf b = SD_BUF_INIT;
	sd_report_json(&b, f.d, &o);
	json_error_t je;
	json_t *j = json_loads(b.data, 0, &je);
	assert_non_null(j);
	assert_true(json_is_false(json_object_get(j, "strict_equal")));
	assert_true(json_is_true(json_object_get(j, "semantic_equal")));
	assert_string_equal(json_string_value(json_object_get(j, "mode")), "strict");
	json_t *d0 = json_array_get(json_object_get(j, "diffs"), 0);
	assert_string_equal(json_string_value(json_object_get(d0, "path")), "/linux/sysctl");
	assert_true(json_is_null(json_object_get(json_object_get(d0, "left"), "value")));
	assert_true(json_is_object(json_object_get(json_object_get(d0, "right"), "value")));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(d0, "right"), "line")), 1);
	json_decref(j);
	sd_buf_reset(&b);
	sd_report_text(&b, f.d, &o);
	assert_non_null(strstr(b.data, "[nil-vs-empty] /linux/sysctl"));
	assert_non_null(strstr(b.data, "<nil map>"));
	assert_non_null(strstr(b.data, "[cosmetic] /x"));
	assert_non_null(strstr(b.data, "strict: different, semantic: equal"));
	assert_null(strstr(b.data, "\033["));
	sd_buf_release(&b);
	test_pair_close(&f);
}

/* Applies a JSON Patch (add, remove, replace) to doc; returns 0 or -1. */
static json_t **resolve(json_t **root, const char *path, char *last, size_t lastsz)
{
	json_t **cur = root;
	const char *p = path;
	while (*p == '/') {
		const char *e = strchr(p + 1, '/');
		size_t n = e ? (size_t)(e - p - 1) : strlen(p + 1);
		char seg[4096];
		size_t k = 0;
		for (size_t i = 0; i < n && k + 1 < sizeof(seg); i++) {
			char c = p[1 + i];
			if (c == '~') {
				c = p[2 + i] == '1' ? '/' : '~';
				i++;
			}
			seg[k++] = c;
		}
		seg[k] = '\0';
		if (!e) {
			snprintf(last, lastsz, "%s", seg);
			return cur;
		}
		json_t *next = json_is_object(*cur) ? json_object_get(*cur, seg)
			     : json_array_get(*cur, strtoul(seg, NULL, 10));
		if (!next)
			return NULL;
		static json_t *slot;
		slot = next;
		cur = &slot;
		p = e;
	}
	return NULL;
}

static int apply_op(json_t **doc, json_t *op)
{
	const char *name = json_string_value(json_object_get(op, "op"));
	const char *path = json_string_value(json_object_get(op, "path"));
	json_t *value = json_object_get(op, "value");
	if (!*path) {
		if (strcmp(name, "replace"))
			return -1;
		json_decref(*doc);
		*doc = json_incref(value);
		return 0;
	}
	char last[4096];
	json_t **parent = resolve(doc, path, last, sizeof(last));
	if (!parent)
		return -1;
	json_t *c = *parent;
	if (json_is_object(c)) {
		if (!strcmp(name, "remove"))
			return json_object_del(c, last);
		if (!strcmp(name, "replace") && !json_object_get(c, last))
			return -1;
		return json_object_set(c, last, value);
	}
	size_t i = strtoul(last, NULL, 10);
	if (!strcmp(name, "remove"))
		return json_array_remove(c, i);
	if (!strcmp(name, "replace"))
		return json_array_set(c, i, value);
	if (i > json_array_size(c))
		return -1;
	return json_array_insert(c, i, value);
}

static bool is_json(const char *dir, const char *side, char *path, size_t n)
{
	snprintf(path, n, "%s/%s.json", dir, side);
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	return f != NULL;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	sd_buf b = SD_BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sd_buf_add(&b, chunk, n);
	fclose(f);
	return sd_buf_detach(&b, NULL);
}

static void check_patch(const char *lpath, const char *rpath, int *applied)
{
	const size_t flags = JSON_DECODE_INT_AS_REAL | JSON_ALLOW_NUL;
	json_error_t je;
	json_t *lj = json_load_file(lpath, flags, &je), *rj = json_load_file(rpath, flags, &je);
	if (!lj || !rj) {   /* syntax-error cases, BOMs, invalid UTF-8 */
		json_decref(lj);
		json_decref(rj);
		return;
	}
	char *lt = slurp(lpath), *rt = slurp(rpath);
	sd_doc *ld = test_load(lpath, lt), *rd = test_load(rpath, rt);
	sd_buf b = SD_BUF_INIT;
	sd_report_patch(&b, sd_doc_root(ld), sd_doc_root(rd), 0);
	json_t *patch = json_loads(b.data, flags, &je);
	if (!patch)
		fail_msg("%s: the patch is not JSON: %s", lpath, je.text);
	size_t i;
	json_t *op;
	json_array_foreach(patch, i, op)
		if (apply_op(&lj, op))
			fail_msg("%s: op %zu does not apply", lpath, i);
	if (!json_equal(lj, rj))
		fail_msg("%s: patched LEFT differs from RIGHT", lpath);
	(*applied)++;
	json_decref(patch);
	json_decref(lj);
	json_decref(rj);
	sd_buf_release(&b);
	sd_doc_free(ld);
	sd_doc_free(rd);
	free(lt);
	free(rt);
}

static void test_patch_applies_to_corpus(void **state)
{
	(void)state;
	const char *cases = "tests/conformance/cases";
	DIR *dir = opendir(cases);
	assert_non_null(dir);
	struct dirent *e;
	int applied = 0;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		char d[1024], l[1100], r[1100];
		snprintf(d, sizeof(d), "%s/%s", cases, e->d_name);
		if (is_json(d, "left", l, sizeof(l)) && is_json(d, "right", r, sizeof(r))) {
			check_patch(l, r, &applied);
			check_patch(r, l, &applied);
		}
	}
	closedir(dir);
	assert_true(applied >= 200);
}

static void test_patch_shapes(void **state)
{
	(void)state;
	sd_doc *l = test_load("l.json", "{\"a\":[1,2,3,4],\"b\":1,\"n\":18446744073709551615}");
	sd_doc *r = test_load("r.json", "{\"a\":[2,4,5],\"c\":1.50,\"n\":18446744073709551615}");
	sd_buf b = SD_BUF_INIT;
	sd_report_patch(&b, sd_doc_root(l), sd_doc_root(r), 0);
	/* removals in descending index order, exact number text */
	const char *r2 = strstr(b.data, "\"path\":\"/a/2\"");
	const char *r0 = strstr(b.data, "\"path\":\"/a/0\"");
	assert_non_null(r2);
	assert_non_null(r0);
	assert_true(r2 < r0);
	assert_non_null(strstr(b.data, "{\"op\":\"add\",\"path\":\"/c\",\"value\":1.50}"));
	assert_non_null(strstr(b.data, "{\"op\":\"remove\",\"path\":\"/b\"}"));
	assert_null(strstr(b.data, "/n"));
	sd_buf_reset(&b);
	sd_report_patch(&b, sd_doc_root(l), sd_doc_root(l), 0);
	assert_string_equal(b.data, "[]\n");
	sd_buf_release(&b);
	sd_doc_free(l);
	sd_doc_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_names),
		cmocka_unit_test(test_sysctl_nil_vs_empty),
		cmocka_unit_test(test_null_vs_absent_is_equal),
		cmocka_unit_test(test_nil_map_vs_values),
		cmocka_unit_test(test_pointer_nil_vs_zero_struct),
		cmocka_unit_test(test_set_like_order_only),
		cmocka_unit_test(test_ordered_list_permuted),
		cmocka_unit_test(test_lengths_and_empty_slices),
		cmocka_unit_test(test_map_key_escaping),
		cmocka_unit_test(test_interface_types),
		cmocka_unit_test(test_cosmetic_key_order),
		cmocka_unit_test(test_cosmetic_number_spelling),
		cmocka_unit_test(test_cosmetic_zero_value),
		cmocka_unit_test(test_cosmetic_unknown_field),
		cmocka_unit_test(test_cosmetic_string_spelling),
		cmocka_unit_test(test_cosmetic_key_case),
		cmocka_unit_test(test_cosmetic_duplicate_keys),
		cmocka_unit_test(test_pairs_lcs_insertion),
		cmocka_unit_test(test_pairs_identity),
		cmocka_unit_test(test_pairs_folded_and_found),
		cmocka_unit_test(test_pairs_absent_both_sides),
		cmocka_unit_test(test_pairs_large_arrays),
		cmocka_unit_test(test_report_json_and_text),
		cmocka_unit_test(test_patch_shapes),
		cmocka_unit_test(test_patch_applies_to_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
