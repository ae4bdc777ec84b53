/* test_edit.c - the explorer's edits on the document level (edit.h): the
 * location primitives, copy across (>/<), nil/empty toggle (x), delete
 * (dd), and the undo history.  Results are compared with expected JSON by
 * sd_node_equal (exact: kinds, texts, member order). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/diff.h"
#include "specdiff/edit.h"
#include "specdiff/goview.h"
#include "test_util.h"

static void assert_doc_is(const sd_doc *d, const char *json)
{
	sd_doc *want = test_load("want.json", json);
	if (!sd_node_equal(sd_doc_root(d), sd_doc_root(want)))
		fail_msg("document differs from %s", json);
	sd_doc_free(want);
}

/* Two sides decoded as OCI specs (or interface{}), and their diff. */
typedef struct fixture {
	sd_doc *doc[2];
	sd_goview *view[2];
	sd_diff *diff;
} fixture;

static void fx_open(fixture *f, const char *l, const char *r, bool oci)
{
	sd_error e;
	f->doc[0] = test_load("l.json", l);
	f->doc[1] = test_load("r.json", r);
	for (int s = 0; s < 2; s++)
		f->view[s] = sd_goview_decode(f->doc[s], oci ? sd_schema_oci() : sd_schema_iface(), &e);
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	f->diff = sd_diff_compute(f->doc[0], f->view[0], f->doc[1], f->view[1], &o);
}

static void fx_close(fixture *f)
{
	sd_diff_free(f->diff);
	for (int s = 0; s < 2; s++) {
		sd_goview_free(f->view[s]);
		sd_doc_free(f->doc[s]);
	}
}

static const sd_pair *at(const fixture *f, const char *path)
{
	const sd_pair *p = sd_diff_find(f->diff, path);
	if (!p)
		fail_msg("no pair at %s", path);
	return p;
}

/* Is the edited side now strictly equal to the other one? */
static bool equal_after(const fixture *f, const sd_edit *e)
{
	const sd_doc *d[2] = { f->doc[0], f->doc[1] };
	d[e->side] = e->doc;
	sd_error err;
	sd_goview *v = sd_goview_decode(e->doc, sd_goview_root(f->view[e->side])->type, &err);
	const sd_goview *vs[2] = { f->view[0], f->view[1] };
	vs[e->side] = v;
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	sd_diff *df = sd_diff_compute(d[0], vs[0], d[1], vs[1], &o);
	bool eq = sd_diff_equal(df, SD_MODE_STRICT);
	sd_diff_free(df);
	sd_goview_free(v);
	return eq;
}

#define DOCS(f) ((const sd_doc *const[2]){ (f).doc[0], (f).doc[1] })

/* ---- document level ---------------------------------------------------- */

static void test_locate_replace_insert_remove(void **state)
{
	(void)state;
	sd_doc *d = test_load("d.json", "{\"a\": [1, {\"b\": 2}], \"c\": 3}");
	const char *before = "{\"a\": [1, {\"b\": 2}], \"c\": 3}";
	const sd_node *b = sd_node_at_pointer(sd_doc_root(d), "/a/1/b");
	size_t loc[8];
	assert_int_equal(sd_doc_locate(d, b, loc, 8), 3);
	assert_int_equal(loc[0], 0);
	assert_int_equal(loc[1], 1);
	assert_int_equal(loc[2], 0);
	assert_int_equal(sd_doc_locate(d, sd_doc_root(d), loc, 8), 0);
	sd_doc *v = test_load("v.json", "[true]");

	sd_doc *r = sd_doc_edit_replace(d, loc, 3, sd_doc_root(v), false);
	assert_doc_is(r, "{\"a\": [1, {\"b\": [true]}], \"c\": 3}");
	assert_int_equal(sd_node_at_pointer(sd_doc_root(r), "/a/1/b")->line, 0);   /* copied: no line */
	assert_int_equal(sd_node_at_pointer(sd_doc_root(r), "/c")->line, 1);       /* kept */
	sd_doc_free(r);

	size_t top[1] = { 0 };
	r = sd_doc_edit_insert(d, top, 1, 1, NULL, 0, sd_doc_root(v), true);
	assert_doc_is(r, "{\"a\": [1, [true], {\"b\": 2}], \"c\": 3}");
	sd_doc_free(r);
	r = sd_doc_edit_insert(d, NULL, 0, 99, "z", 1, sd_doc_root(v), true);
	assert_doc_is(r, "{\"a\": [1, {\"b\": 2}], \"c\": 3, \"z\": [true]}");
	sd_doc_free(r);
	assert_null(sd_doc_edit_insert(d, top, 1, 0, "k", 1, sd_doc_root(v), true)); /* key into an array */

	r = sd_doc_edit_remove(d, loc, 2);
	assert_doc_is(r, "{\"a\": [1], \"c\": 3}");
	sd_doc_free(r);
	assert_null(sd_doc_edit_remove(d, loc, 0));
	size_t bad[2] = { 0, 7 };
	assert_null(sd_doc_edit_remove(d, bad, 2));
	assert_doc_is(d, before);   /* the input never changes */
	sd_doc_free(v);
	sd_doc_free(d);
}

static void test_edit_keeps_duplicate_flags_right(void **state)
{
	(void)state;
	sd_doc *d = test_load("d.json", "{\"a\": 1, \"b\": 2}");
	sd_doc *v = test_load("v.json", "3");
	sd_doc *r = sd_doc_edit_insert(d, NULL, 0, 2, "a", 1, sd_doc_root(v), true);
	const sd_node *root = sd_doc_root(r);
	assert_true(root->flags & SD_NODE_DUPKEYS);
	assert_true(root->u.members[2].flags & SD_MEMBER_DUPLICATE);
	sd_doc_free(r);
	sd_doc_free(v);
	sd_doc_free(d);
}

/* ---- copy ----------------------------------------------------------------- */

#define SYSCTL_L "{\"ociVersion\": \"1.0.2\", \"linux\": {\"cgroupsPath\": \"/x\", \"maskedPaths\": []}}"
#define SYSCTL_R "{\"ociVersion\": \"1.0.2\", \"linux\": {\"cgroupsPath\": \"/x\", \"sysctl\": {}, \"maskedPaths\": []}}"

static void test_copy_inserts_at_matching_position(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, SYSCTL_L, SYSCTL_R, true);
	assert_false(sd_diff_equal(f.diff, SD_MODE_STRICT));
	sd_edit e;
	assert_int_equal(sd_edit_copy(DOCS(f), at(&f, "/linux/sysctl"), 1, &e), 0);
	assert_int_equal(e.side, 0);
	assert_string_equal(e.path, "/linux/sysctl");
	assert_non_null(strstr(e.msg, "copied /linux/sysctl from RIGHT to LEFT"));
	assert_doc_is(e.doc, SYSCTL_R);
	assert_true(equal_after(&f, &e));
	sd_doc_free(e.doc);
	fx_close(&f);
}

static void test_copy_on_filler_copies_existing_node(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, SYSCTL_L, SYSCTL_R, true);
	sd_edit e;
	/* ">" where LEFT has nothing: the node that exists goes across */
	assert_int_equal(sd_edit_copy(DOCS(f), at(&f, "/linux/sysctl"), 0, &e), 0);
	assert_int_equal(e.side, 0);
	assert_non_null(strstr(e.msg, "LEFT has nothing"));
	assert_doc_is(e.doc, SYSCTL_R);
	sd_doc_free(e.doc);
	fx_close(&f);
}

static void test_copy_replaces_and_refuses_equal(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, "{\"process\": {\"cwd\": \"/a\", \"args\": [\"x\"]}}",
		"{\"process\": {\"cwd\": \"/b\", \"args\": [\"x\"]}}", true);
	sd_edit e;
	assert_int_equal(sd_edit_copy(DOCS(f), at(&f, "/process/cwd"), 0, &e), 0);
	assert_int_equal(e.side, 1);
	assert_doc_is(e.doc, "{\"process\": {\"cwd\": \"/a\", \"args\": [\"x\"]}}");
	assert_true(equal_after(&f, &e));
	sd_doc_free(e.doc);
	assert_int_equal(sd_edit_copy(DOCS(f), at(&f, "/process/args"), 0, &e), -1);
	assert_null(e.doc);
	assert_non_null(strstr(e.msg, "already the same"));
	fx_close(&f);
}

static void test_copy_missing_container_copies_outermost(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, "{\"hostname\": \"h\"}",
		"{\"hostname\": \"h\", \"linux\": {\"sysctl\": {\"k\": \"v\"}}}", true);
	sd_edit e;
	const sd_pair *k = sd_diff_find(f.diff, "/linux/sysctl/k");
	assert_non_null(k);
	assert_int_equal(sd_edit_copy(DOCS(f), k, 1, &e), 0);
	assert_string_equal(e.path, "/linux");
	assert_doc_is(e.doc, "{\"hostname\": \"h\", \"linux\": {\"sysctl\": {\"k\": \"v\"}}}");
	sd_doc_free(e.doc);
	fx_close(&f);
}

static void test_copy_list_element(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, "{\"a\": [1, 3]}", "{\"a\": [1, 2, 3]}", false);
	const sd_pair *arr = at(&f, "/a");
	sd_diff_expand(f.diff, arr);
	const sd_pair *two = NULL;
	for (size_t i = 0; i < arr->nkids; i++)
		if (!arr->kids[i]->left)
			two = arr->kids[i];
	assert_non_null(two);
	sd_edit e;
	assert_int_equal(sd_edit_copy(DOCS(f), two, 1, &e), 0);
	assert_doc_is(e.doc, "{\"a\": [1, 2, 3]}");
	assert_true(equal_after(&f, &e));
	sd_doc_free(e.doc);
	fx_close(&f);
}

/* ---- toggle nil / empty ------------------------------------------------------ */

static void test_toggle_empty_to_absent_and_back(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, SYSCTL_L, SYSCTL_R, true);
	sd_edit e;
	/* RIGHT's {} -> absent: now both nil */
	assert_int_equal(sd_edit_toggle_empty(DOCS(f), at(&f, "/linux/sysctl"), 1, &e), 0);
	assert_int_equal(e.side, 1);
	assert_doc_is(e.doc, SYSCTL_L);
	assert_true(equal_after(&f, &e));
	assert_non_null(strstr(e.msg, "absent (nil)"));
	sd_doc_free(e.doc);
	/* LEFT's absent -> {} at the place RIGHT has it */
	assert_int_equal(sd_edit_toggle_empty(DOCS(f), at(&f, "/linux/sysctl"), 0, &e), 0);
	assert_doc_is(e.doc, SYSCTL_R);
	sd_doc_free(e.doc);
	fx_close(&f);
}

static void test_toggle_null_slice_and_refusals(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, "{\"process\": {\"env\": null, \"args\": [\"a\"], \"cwd\": \"/\"}, \"mounts\": []}",
		"{\"process\": {\"env\": [], \"args\": [\"b\"], \"cwd\": \"/x\"}}", true);
	sd_edit e;
	assert_int_equal(sd_edit_toggle_empty(DOCS(f), at(&f, "/process/env"), 0, &e), 0);
	assert_doc_is(e.doc, "{\"process\": {\"env\": [], \"args\": [\"a\"], \"cwd\": \"/\"}, \"mounts\": []}");
	sd_doc_free(e.doc);
	/* not empty */
	assert_int_equal(sd_edit_toggle_empty(DOCS(f), at(&f, "/process/args"), 0, &e), -1);
	assert_non_null(strstr(e.msg, "not empty"));
	/* a string field has no nil */
	assert_int_equal(sd_edit_toggle_empty(DOCS(f), at(&f, "/process/cwd"), 0, &e), -1);
	assert_non_null(strstr(e.msg, "string"));
	/* top-level [] -> absent */
	assert_int_equal(sd_edit_toggle_empty(DOCS(f), at(&f, "/mounts"), 0, &e), 0);
	assert_doc_is(e.doc, "{\"process\": {\"env\": null, \"args\": [\"a\"], \"cwd\": \"/\"}}");
	sd_doc_free(e.doc);
	fx_close(&f);
}

static void test_toggle_needs_a_go_type(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, "{\"a\": {}}", "{\"a\": null}", false);
	sd_edit e;
	assert_int_equal(sd_edit_toggle_empty(DOCS(f), at(&f, "/a"), 0, &e), -1);
	assert_null(e.doc);
	assert_non_null(strstr(e.msg, "map, slice or struct pointer"));
	fx_close(&f);
}

/* ---- delete ---------------------------------------------------------------- */

static void test_delete(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, "{\"a\": [1, 2, 3], \"b\": {\"c\": 1}}", "{\"a\": [1, 3], \"b\": {}}", false);
	sd_edit e;
	assert_int_equal(sd_edit_delete(DOCS(f), at(&f, "/b/c"), 0, &e), 0);
	assert_doc_is(e.doc, "{\"a\": [1, 2, 3], \"b\": {}}");
	sd_doc_free(e.doc);
	assert_int_equal(sd_edit_delete(DOCS(f), at(&f, "/b/c"), 1, &e), -1);   /* nothing there */
	assert_non_null(strstr(e.msg, "nothing"));
	assert_int_equal(sd_edit_delete(DOCS(f), sd_diff_root(f.diff), 0, &e), -1);
	const sd_pair *arr = at(&f, "/a");
	sd_diff_expand(f.diff, arr);
	const sd_pair *two = NULL;
	for (size_t i = 0; i < arr->nkids; i++)
		if (!arr->kids[i]->right)
			two = arr->kids[i];
	assert_non_null(two);
	assert_int_equal(sd_edit_delete(DOCS(f), two, 0, &e), 0);
	assert_doc_is(e.doc, "{\"a\": [1, 3], \"b\": {\"c\": 1}}");
	sd_doc_free(e.doc);
	fx_close(&f);
}

/* ---- history ----------------------------------------------------------------- */

static void test_history_undo_redo_modified(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, SYSCTL_L, SYSCTL_R, true);
	sd_history *h = sd_history_new(f.doc, f.view, false);
	assert_ptr_equal(sd_history_doc(h, 0), f.doc[0]);
	assert_false(sd_history_modified(h, 0));
	assert_false(sd_history_undo(h));
	assert_false(sd_history_redo(h));

	sd_edit e;
	assert_int_equal(sd_edit_copy(DOCS(f), at(&f, "/linux/sysctl"), 1, &e), 0);
	sd_doc *edited = e.doc;
	assert_null(sd_history_push(h, 0, edited, "/linux/sysctl"));
	assert_ptr_equal(sd_history_doc(h, 0), edited);
	assert_string_equal(sd_history_path(h), "/linux/sysctl");
	assert_ptr_equal(sd_history_doc(h, 1), f.doc[1]);
	assert_true(sd_history_modified(h, 0));
	assert_false(sd_history_modified(h, 1));
	assert_true(sd_gv_deep_equal(sd_goview_root(sd_history_view(h, 0)), sd_goview_root(f.view[1])));

	assert_true(sd_history_undo(h));
	assert_ptr_equal(sd_history_doc(h, 0), f.doc[0]);
	assert_null(sd_history_path(h));
	assert_false(sd_history_modified(h, 0));
	assert_true(sd_history_redo(h));
	assert_ptr_equal(sd_history_doc(h, 0), edited);
	sd_history_mark_saved(h, 0);
	assert_false(sd_history_modified(h, 0));
	assert_true(sd_history_undo(h));
	assert_true(sd_history_modified(h, 0));   /* the file now holds the edit */

	/* a new edit after undo drops the redo state */
	sd_doc *d2 = sd_doc_edit_remove(f.doc[1], (size_t[]){ 1, 1 }, 2);
	assert_non_null(d2);
	assert_null(sd_history_push(h, 1, d2, NULL));
	assert_int_equal(sd_history_count(h), 2);
	assert_false(sd_history_redo(h));
	assert_true(sd_history_modified(h, 1));

	/* a document Go cannot decode is kept, with Go's error */
	sd_doc *bad = test_load("bad.json", "{\"process\": {\"user\": {\"uid\": -1}}}");
	assert_non_null(sd_history_push(h, 0, bad, "/process/user/uid"));
	assert_ptr_equal(sd_history_doc(h, 0), bad);
	sd_history_free(h);   /* frees edited, d2, bad; not the borrowed ones */
	fx_close(&f);
}

static void test_history_replace_reset_and_bounds(void **state)
{
	(void)state;
	fixture f;
	fx_open(&f, "{\"a\": 1}", "{\"a\": 2}", false);
	sd_history *h = sd_history_new(f.doc, f.view, false);
	for (int i = 0; i < SD_HISTORY_MAX_STATES + 20; i++) {
		char text[32];
		snprintf(text, sizeof(text), "{\"a\": %d}", i + 10);
		assert_null(sd_history_push(h, i % 2, test_load("x.json", text), "/a"));
	}
	assert_true(sd_history_count(h) <= SD_HISTORY_MAX_STATES);
	assert_true(sd_history_count(h) >= SD_HISTORY_MAX_STATES - 1);
	size_t undos = 0;
	while (sd_history_undo(h))
		undos++;
	assert_int_equal(undos, sd_history_count(h) - 1);
	while (sd_history_redo(h))
		;
	assert_true(sd_history_modified(h, 0));

	sd_error err;
	sd_doc *w = test_load("w.json", "{\"a\": 99}");
	sd_goview *wv = sd_goview_decode(w, sd_schema_iface(), &err);
	sd_history_replace(h, 0, w, wv);
	assert_false(sd_history_modified(h, 0));
	assert_ptr_equal(sd_history_doc(h, 0), w);
	assert_true(sd_history_undo(h));
	assert_true(sd_history_modified(h, 0));

	sd_doc *d[2] = { test_load("l.json", "{}"), test_load("r.json", "[]") };
	sd_goview *v[2] = { sd_goview_decode(d[0], sd_schema_iface(), &err),
			    sd_goview_decode(d[1], sd_schema_iface(), &err) };
	sd_history_reset(h, d, v);
	assert_int_equal(sd_history_count(h), 1);
	assert_false(sd_history_modified(h, 0));
	assert_ptr_equal(sd_history_doc(h, 1), d[1]);
	sd_history_free(h);   /* owns d and v now */
	fx_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_locate_replace_insert_remove),
		cmocka_unit_test(test_edit_keeps_duplicate_flags_right),
		cmocka_unit_test(test_copy_inserts_at_matching_position),
		cmocka_unit_test(test_copy_on_filler_copies_existing_node),
		cmocka_unit_test(test_copy_replaces_and_refuses_equal),
		cmocka_unit_test(test_copy_missing_container_copies_outermost),
		cmocka_unit_test(test_copy_list_element),
		cmocka_unit_test(test_toggle_empty_to_absent_and_back),
		cmocka_unit_test(test_toggle_null_slice_and_refusals),
		cmocka_unit_test(test_toggle_needs_a_go_type),
		cmocka_unit_test(test_delete),
		cmocka_unit_test(test_history_undo_redo_modified),
		cmocka_unit_test(test_history_replace_reset_and_bounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
