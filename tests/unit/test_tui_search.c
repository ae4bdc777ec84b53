/* test_tui_search.c - "/" search over the pair tree (tui/search.h):
 * keys and values of both sides, smartcase, order, wrapping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../tui/search.h"

static sd_node nodes[8];

static sd_node *str(int i, const char *s)
{
	nodes[i].kind = SD_STRING;
	nodes[i].u.str = s;
	nodes[i].len = (uint32_t)strlen(s);
	return &nodes[i];
}

static sd_pair pairs[8];
static sd_pair *kids[8];

/* root { Host: "alpha" | host: "Beta", env: "x" | (absent), (absent) | only: "gamma" } */
static sd_pair *tree(void)
{
	memset(pairs, 0, sizeof(pairs));
	static sd_node obj = { .kind = SD_OBJECT, .len = 2 };
	sd_pair *root = &pairs[0];
	root->left = root->right = &obj;
	root->kids = kids;
	root->nkids = 3;
	const char *lk[] = { "Host", "env", NULL }, *rk[] = { "host", NULL, "only" };
	const char *lv[] = { "alpha", "x", NULL }, *rv[] = { "Beta", NULL, "gamma" };
	for (int i = 0; i < 3; i++) {
		sd_pair *p = &pairs[i + 1];
		kids[i] = p;
		p->parent = root;
		p->lkey = lk[i];
		p->rkey = rk[i];
		p->lkey_len = lk[i] ? (uint32_t)strlen(lk[i]) : 0;
		p->rkey_len = rk[i] ? (uint32_t)strlen(rk[i]) : 0;
		p->left = lv[i] ? str(2 * i, lv[i]) : NULL;
		p->right = rv[i] ? str(2 * i + 1, rv[i]) : NULL;
		p->lindex = p->rindex = -1;
	}
	return root;
}

static void test_match_at(void **state)
{
	(void)state;
	assert_int_equal(sd_search_match_at("Hello", 5, 0, "hel"), 3);   /* smartcase */
	assert_int_equal(sd_search_match_at("Hello", 5, 0, "Hel"), 3);
	assert_int_equal(sd_search_match_at("hello", 5, 0, "Hel"), 0);
	assert_int_equal(sd_search_match_at("hello", 5, 3, "lo"), 2);
	assert_int_equal(sd_search_match_at("hello", 5, 4, "lo"), 0);
	assert_int_equal(sd_search_match_at("hello", 5, 0, ""), 0);
	/* extended regular expressions, anchored at the position asked */
	assert_int_equal(sd_search_match_at("hello", 5, 0, "h(e|a)l+"), 4);
	assert_int_equal(sd_search_match_at("hello", 5, 1, "^e"), 0);
	assert_int_equal(sd_search_match_at("HELLO", 5, 0, "h.l"), 3);   /* smartcase with a regex */
	char err[100];
	assert_true(sd_search_pattern_error("(x", err, sizeof err));
	assert_false(sd_search_pattern_error("x|y", err, sizeof err));
}

static void test_find_order_and_wrap(void **state)
{
	(void)state;
	sd_pair *root = tree();
	sd_search s;
	sd_search_init(&s);
	bool wrapped;
	/* keys of either side */
	assert_ptr_equal(sd_search_find(&s, NULL, root, root, "host", 1, &wrapped), &pairs[1]);
	assert_false(wrapped);
	assert_ptr_equal(sd_search_find(&s, NULL, root, root, "only", 1, &wrapped), &pairs[3]);
	/* values of either side; quotes are part of the shown text */
	assert_ptr_equal(sd_search_find(&s, NULL, root, root, "gamma\"", 1, &wrapped), &pairs[3]);
	assert_ptr_equal(sd_search_find(&s, NULL, root, root, "beta", 1, &wrapped), &pairs[1]);
	assert_null(sd_search_find(&s, NULL, root, root, "Gamma", 1, &wrapped));
	/* forward from the last match wraps to the top */
	assert_ptr_equal(sd_search_find(&s, NULL, root, &pairs[3], "a", 1, &wrapped), &pairs[1]);
	assert_true(wrapped);
	/* backward */
	assert_ptr_equal(sd_search_find(&s, NULL, root, &pairs[3], "x", -1, &wrapped), &pairs[2]);
	assert_false(wrapped);
	assert_ptr_equal(sd_search_find(&s, NULL, root, &pairs[1], "gamma", -1, &wrapped), &pairs[3]);
	assert_true(wrapped);
	/* the only match is where we are: found again after a full wrap */
	assert_ptr_equal(sd_search_find(&s, NULL, root, &pairs[2], "env", 1, &wrapped), &pairs[2]);
	assert_true(wrapped);
	/* match K of N: the keys Host (pair 1) and only (pair 3) */
	size_t k;
	assert_ptr_equal(sd_search_find(&s, NULL, root, root, "^(Host|only)$", 1, &wrapped), &pairs[1]);
	assert_int_equal(sd_search_count(&s, &k), 2);
	assert_int_equal(k, 1);
	assert_ptr_equal(sd_search_find(&s, NULL, root, &pairs[1], "^(Host|only)$", 1, &wrapped), &pairs[3]);
	assert_int_equal(sd_search_count(&s, &k), 2);
	assert_int_equal(k, 2);
	sd_search_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_at),
		cmocka_unit_test(test_find_order_and_wrap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
