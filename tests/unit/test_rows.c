/* test_rows.c - the explorer's row model (tui/rows.h) on hand-built pair
 * trees: alignment and filler rows, folding, fold overrides, modes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../tui/rows.h"

/* ---- building trees by hand ---- */

static sd_node *num(const char *text)
{
	sd_node *n = calloc(1, sizeof(*n));
	n->kind = SD_NUMBER;
	n->u.num = text;
	n->len = (uint32_t)strlen(text);
	return n;
}

static sd_node *str(const char *s)
{
	sd_node *n = calloc(1, sizeof(*n));
	n->kind = SD_STRING;
	n->u.str = s;
	n->len = (uint32_t)strlen(s);
	return n;
}

/* An object node with len members (the member array is not needed by the
 * row model, which walks pairs). */
static sd_node *obj(uint32_t len)
{
	sd_node *n = calloc(1, sizeof(*n));
	n->kind = SD_OBJECT;
	n->len = len;
	return n;
}

static sd_node *arr(uint32_t len)
{
	sd_node *n = calloc(1, sizeof(*n));
	n->kind = SD_ARRAY;
	n->len = len;
	return n;
}

static sd_pair *pair(sd_node *l, sd_node *r, const char *key, sd_class cls)
{
	sd_pair *p = calloc(1, sizeof(*p));
	p->left = l;
	p->right = r;
	if (key) {
		p->lkey = l ? key : NULL;
		p->rkey = r ? key : NULL;
		p->lkey_len = p->rkey_len = (uint32_t)strlen(key);
	}
	p->lindex = p->rindex = -1;
	p->cls = cls;
	p->below = cls ? (uint8_t)(1u << cls) : 0;
	p->path = key ? key : "";
	return p;
}

static void add_kid(sd_pair *parent, sd_pair *kid)
{
	parent->kids = realloc(parent->kids, (parent->nkids + 1) * sizeof(*parent->kids));
	parent->kids[parent->nkids++] = kid;
	kid->parent = parent;
	for (sd_pair *a = parent; a; a = a->parent)
		a->below |= kid->below;
}

static void free_tree(sd_pair *p)
{
	for (size_t i = 0; i < p->nkids; i++)
		free_tree(p->kids[i]);
	if (p->left != p->right)
		free((void *)p->right);
	free((void *)p->left);
	free(p->kids);
	free(p);
}

static char *text_of(const sd_row *row, int side)
{
	static sd_buf b;
	sd_buf_reset(&b);
	sd_buf_adds(&b, "");
	sd_row_text(&b, row, side, false);
	return b.data;
}

/*
 * root {
 *   a: 1 | 1                  equal
 *   b: "x" | (absent)         value difference, right filler
 *   c: (absent) | 2           value difference, left filler
 *   d: {…3 keys} | {…3 keys}  equal subtree: folded
 *   e: { f: (absent) | {} }   nil-vs-empty under e
 * }
 */
static sd_pair *sample(sd_pair **d_out, sd_pair **e_out)
{
	sd_pair *root = pair(obj(5), obj(5), NULL, SD_CLASS_NONE);
	add_kid(root, pair(num("1"), num("1"), "a", SD_CLASS_NONE));
	add_kid(root, pair(str("x"), NULL, "b", SD_CLASS_VALUE));
	add_kid(root, pair(NULL, num("2"), "c", SD_CLASS_VALUE));
	sd_pair *d = pair(obj(3), obj(3), "d", SD_CLASS_NONE);
	add_kid(root, d);
	add_kid(d, pair(num("1"), num("1"), "x", SD_CLASS_NONE));
	add_kid(d, pair(num("2"), num("2"), "y", SD_CLASS_NONE));
	add_kid(d, pair(num("3"), num("3"), "z", SD_CLASS_NONE));
	sd_pair *e = pair(obj(0), obj(1), "e", SD_CLASS_NONE);
	add_kid(root, e);
	add_kid(e, pair(NULL, obj(0), "f", SD_CLASS_NIL_VS_EMPTY));
	*d_out = d;
	*e_out = e;
	return root;
}

static void test_alignment_and_fillers(void **state)
{
	(void)state;
	sd_pair *d, *e, *root = sample(&d, &e);
	sd_rows r;
	sd_rows_init(&r);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .folds = NULL };
	sd_rows_build(&r, root, &o);
	/* root, a, b, c, d(folded), e, f, e-close, root-close */
	assert_int_equal(r.n, 9);
	assert_int_equal(r.v[0].kind, SD_ROW_NODE);
	assert_string_equal(text_of(&r.v[0], 0), "{");
	assert_string_equal(text_of(&r.v[1], 0), "a: 1");
	assert_string_equal(text_of(&r.v[1], 1), "a: 1");
	assert_int_equal(r.v[1].mark, SD_CLASS_NONE);
	assert_string_equal(text_of(&r.v[2], 0), "b: \"x\"");
	assert_string_equal(text_of(&r.v[2], 1), "");     /* filler */
	assert_null(r.v[2].pair->right);
	assert_int_equal(r.v[2].mark, SD_CLASS_VALUE);
	assert_string_equal(text_of(&r.v[3], 0), "");     /* filler */
	assert_string_equal(text_of(&r.v[3], 1), "c: 2");
	assert_int_equal(r.v[4].kind, SD_ROW_FOLDED);
	assert_string_equal(text_of(&r.v[4], 0), "d: {…3 keys}");
	assert_int_equal(r.v[4].depth, 1);
	assert_string_equal(text_of(&r.v[5], 0), "e: {}");
	assert_string_equal(text_of(&r.v[5], 1), "e: {");
	assert_int_equal(r.v[6].depth, 2);
	assert_string_equal(text_of(&r.v[6], 1), "f: {}");
	assert_int_equal(r.v[6].mark, SD_CLASS_NIL_VS_EMPTY);
	assert_int_equal(r.v[7].kind, SD_ROW_CLOSE);
	assert_string_equal(text_of(&r.v[7], 0), "");     /* left {} has no closing row */
	assert_string_equal(text_of(&r.v[7], 1), "}");
	assert_int_equal(r.v[8].kind, SD_ROW_CLOSE);
	assert_int_equal(r.v[8].depth, 0);
	assert_int_equal(r.nmarks, 3);
	sd_rows_release(&r);
	free_tree(root);
}

static void test_fold_overrides(void **state)
{
	(void)state;
	sd_pair *d, *e, *root = sample(&d, &e);
	sd_foldset f;
	sd_foldset_init(&f);
	sd_rows r;
	sd_rows_init(&r);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .folds = &f };
	sd_foldset_set(&f, d, SD_FOLD_OPEN);      /* unfold the equal subtree */
	sd_foldset_set(&f, e, SD_FOLD_CLOSED);    /* fold the one with a difference */
	sd_rows_build(&r, root, &o);
	/* root, a, b, c, d, x, y, z, d-close, e(folded), root-close */
	assert_int_equal(r.n, 11);
	assert_string_equal(text_of(&r.v[4], 0), "d: {");
	assert_string_equal(text_of(&r.v[7], 1), "z: 3");
	assert_int_equal(r.v[8].kind, SD_ROW_CLOSE);
	assert_int_equal(r.v[9].kind, SD_ROW_FOLDED);
	assert_string_equal(text_of(&r.v[9], 1), "e: {…1 key}");
	/* a folded row that hides a difference still carries its mark */
	assert_int_equal(r.v[9].mark, SD_CLASS_NIL_VS_EMPTY);
	assert_true(r.v[9].flags & SD_ROW_INNER);
	assert_int_equal(sd_rows_find(&r, e), 9);
	assert_int_equal(sd_rows_find(&r, e->kids[0]), SD_ROWS_NONE);
	/* back to default */
	sd_foldset_set(&f, e, SD_FOLD_DEFAULT);
	sd_foldset_set(&f, d, SD_FOLD_DEFAULT);
	assert_int_equal(sd_foldset_get(&f, d), SD_FOLD_DEFAULT);
	sd_rows_build(&r, root, &o);
	assert_int_equal(r.n, 9);
	sd_rows_release(&r);
	sd_foldset_release(&f);
	free_tree(root);
}

static void test_mode_change(void **state)
{
	(void)state;
	sd_pair *d, *e, *root = sample(&d, &e);
	sd_rows r;
	sd_rows_init(&r);
	sd_rows_opts o = { .mode = SD_MODE_SEMANTIC, .show_cosmetic = true, .folds = NULL };
	sd_rows_build(&r, root, &o);
	/* nil-vs-empty is equal in semantic mode: e folds, no mark */
	assert_int_equal(r.n, 7);
	assert_int_equal(r.v[5].kind, SD_ROW_FOLDED);
	assert_int_equal(r.v[5].mark, SD_CLASS_NONE);
	assert_int_equal(r.nmarks, 2);
	o.mode = SD_MODE_STRICT;
	sd_rows_build(&r, root, &o);
	assert_int_equal(r.n, 9);
	assert_int_equal(r.nmarks, 3);
	sd_rows_release(&r);
	free_tree(root);
}

static void test_cosmetic_hidden(void **state)
{
	(void)state;
	sd_pair *root = pair(obj(1), obj(1), NULL, SD_CLASS_NONE);
	sd_pair *k = pair(obj(1), obj(1), "k", SD_CLASS_NONE);
	add_kid(root, k);
	add_kid(k, pair(num("1.0"), num("1"), "n", SD_CLASS_COSMETIC));
	sd_rows r;
	sd_rows_init(&r);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .folds = NULL };
	sd_rows_build(&r, root, &o);
	assert_int_equal(r.n, 5);
	assert_int_equal(r.v[2].mark, SD_CLASS_COSMETIC);
	o.show_cosmetic = false;
	sd_rows_build(&r, root, &o);
	assert_int_equal(r.n, 3);        /* k folds */
	assert_int_equal(r.nmarks, 0);
	assert_int_equal(sd_rows_visible_mask(&o), (1u << SD_CLASS_NIL_VS_EMPTY) |
			 (1u << SD_CLASS_ORDER_ONLY) | (1u << SD_CLASS_VALUE));
	sd_rows_release(&r);
	free_tree(root);
}

static void test_next_mark(void **state)
{
	(void)state;
	sd_pair *d, *e, *root = sample(&d, &e);
	sd_rows r;
	sd_rows_init(&r);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .folds = NULL };
	sd_rows_build(&r, root, &o);
	assert_int_equal(sd_rows_next_mark(&r, SD_ROWS_NONE, 1), 2);   /* first difference */
	assert_int_equal(sd_rows_next_mark(&r, 2, 1), 3);
	assert_int_equal(sd_rows_next_mark(&r, 3, 1), 6);
	assert_int_equal(sd_rows_next_mark(&r, 6, 1), SD_ROWS_NONE);
	assert_int_equal(sd_rows_next_mark(&r, 6, -1), 3);
	assert_int_equal(sd_rows_next_mark(&r, 2, -1), SD_ROWS_NONE);
	sd_rows_release(&r);
	free_tree(root);
}

static void test_lists_and_escapes(void **state)
{
	(void)state;
	sd_pair *root = pair(arr(2), arr(3), NULL, SD_CLASS_NONE);
	sd_pair *a = pair(str("tab\there"), str("tab\there"), NULL, SD_CLASS_NONE);
	a->lindex = 0, a->rindex = 1;
	sd_pair *b = pair(NULL, str("new"), NULL, SD_CLASS_VALUE);
	b->rindex = 0;
	add_kid(root, b);
	add_kid(root, a);
	sd_rows r;
	sd_rows_init(&r);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .folds = NULL };
	sd_rows_build(&r, root, &o);
	assert_int_equal(r.n, 4);
	assert_string_equal(text_of(&r.v[0], 1), "[");
	assert_string_equal(text_of(&r.v[1], 1), "[0] \"new\"");
	assert_string_equal(text_of(&r.v[2], 0), "[0] \"tab\\there\"");
	assert_string_equal(text_of(&r.v[2], 1), "[1] \"tab\\there\"");
	assert_string_equal(text_of(&r.v[3], 0), "]");
	sd_rows_release(&r);
	free_tree(root);
}

/* 20000 levels: the builder must not recurse. */
static void test_deep(void **state)
{
	(void)state;
	enum { DEPTH = 20000 };
	sd_pair *root = pair(obj(1), obj(1), NULL, SD_CLASS_NONE);
	sd_pair *p = root;
	for (int i = 0; i < DEPTH; i++) {
		sd_pair *k = pair(i + 1 < DEPTH ? obj(1) : num("1"), i + 1 < DEPTH ? obj(1) : num("2"),
				  "k", i + 1 < DEPTH ? SD_CLASS_NONE : SD_CLASS_VALUE);
		add_kid(p, k);
		p = k;
	}
	sd_rows r;
	sd_rows_init(&r);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .folds = NULL };
	sd_rows_build(&r, root, &o);
	assert_int_equal(r.n, 2 * DEPTH + 1);
	assert_int_equal(r.v[DEPTH].mark, SD_CLASS_VALUE);
	sd_rows_release(&r);
	while (p->parent) {     /* free bottom-up to avoid recursion */
		sd_pair *up = p->parent;
		up->nkids = 0;
		free_tree(p);
		p = up;
	}
	free_tree(root);
}

static void test_foldset_grows(void **state)
{
	(void)state;
	sd_foldset f;
	sd_foldset_init(&f);
	sd_pair *ps = calloc(1000, sizeof(*ps));
	for (int i = 0; i < 1000; i++)
		sd_foldset_set(&f, &ps[i], i % 2 ? SD_FOLD_OPEN : SD_FOLD_CLOSED);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(sd_foldset_get(&f, &ps[i]), i % 2 ? SD_FOLD_OPEN : SD_FOLD_CLOSED);
	sd_foldset_clear(&f);
	assert_int_equal(sd_foldset_get(&f, &ps[3]), SD_FOLD_DEFAULT);
	sd_foldset_release(&f);
	free(ps);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment_and_fillers),
		cmocka_unit_test(test_fold_overrides),
		cmocka_unit_test(test_mode_change),
		cmocka_unit_test(test_cosmetic_hidden),
		cmocka_unit_test(test_next_mark),
		cmocka_unit_test(test_lists_and_escapes),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_foldset_grows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
