/* test_tui_focus.c - the explorer's focus and configuration without a
 * terminal: ignored differences in the row model (tui/rows.h), restore
 * markers (tui/checks.h) and the live keymap's binds (tui/keymap.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "../../tui/checks.h"
#include "../../tui/keymap.h"
#include "../../tui/rows.h"

/* ---- a hand-built tree: {a: 1 vs 2 (ignored), b: {c: 3 vs 4}} ---- */

static sd_node nodes[8];
static sd_pair pairs[4];
static sd_pair *kids_root[2], *kids_b[1];
static sd_diff_item items[2];

static void build(void)
{
	memset(nodes, 0, sizeof(nodes));
	memset(pairs, 0, sizeof(pairs));
	static const char *nums[] = { "1", "2", "3", "4" };
	for (int i = 0; i < 4; i++) {
		nodes[i].kind = SD_NUMBER;
		nodes[i].u.num = nums[i];
		nodes[i].len = 1;
	}
	for (int i = 4; i < 8; i++) {
		nodes[i].kind = SD_OBJECT;
		nodes[i].len = i < 6 ? 2 : 1;
	}
	static const char *keys[] = { NULL, "a", "b", "c" };
	static const char *paths[] = { "", "/a", "/b", "/b/c" };
	for (int i = 0; i < 4; i++) {
		pairs[i].lindex = pairs[i].rindex = -1;
		pairs[i].lkey = pairs[i].rkey = keys[i];
		pairs[i].lkey_len = pairs[i].rkey_len = keys[i] ? 1 : 0;
		pairs[i].path = paths[i];
	}
	pairs[0].left = &nodes[4], pairs[0].right = &nodes[5];
	pairs[1].left = &nodes[0], pairs[1].right = &nodes[1];
	pairs[2].left = &nodes[6], pairs[2].right = &nodes[7];
	pairs[3].left = &nodes[2], pairs[3].right = &nodes[3];
	kids_root[0] = &pairs[1], kids_root[1] = &pairs[2];
	kids_b[0] = &pairs[3];
	pairs[0].kids = kids_root, pairs[0].nkids = 2;
	pairs[2].kids = kids_b, pairs[2].nkids = 1;
	pairs[1].parent = pairs[2].parent = &pairs[0];
	pairs[3].parent = &pairs[2];
	memset(items, 0, sizeof(items));
	items[0] = (sd_diff_item){ .path = "/a", .cls = SD_CLASS_VALUE, .ignored = true };
	items[1] = (sd_diff_item){ .path = "/b/c", .cls = SD_CLASS_NIL_VS_EMPTY, .ignored = true };
	pairs[1].item = &items[0];
	pairs[3].item = &items[1];
	/* as sd_diff_apply_focus leaves them: classes of ignored items gone */
	for (int i = 0; i < 4; i++)
		pairs[i].cls = SD_CLASS_NONE, pairs[i].below = 0;
}

static void test_ignored_index(void **state)
{
	(void)state;
	build();
	sd_foldset map;
	sd_foldset_init(&map);
	assert_int_equal(sd_rows_index_ignored(&map, &pairs[0]), 2);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .ignored = &map };
	assert_int_equal(sd_rows_ignored_below(&o, &pairs[0]),
			 (1u << SD_CLASS_VALUE) | (1u << SD_CLASS_NIL_VS_EMPTY));
	assert_int_equal(sd_rows_ignored_below(&o, &pairs[2]), 1u << SD_CLASS_NIL_VS_EMPTY);
	assert_int_equal(sd_rows_ignored_below(&o, &pairs[3]), 1u << SD_CLASS_NIL_VS_EMPTY);
	assert_int_equal(sd_rows_ignored_below(&o, &pairs[1]), 1u << SD_CLASS_VALUE);
	/* a focus that ignores nothing: the map empties */
	items[0].ignored = items[1].ignored = false;
	assert_int_equal(sd_rows_index_ignored(&map, &pairs[0]), 0);
	assert_int_equal(sd_rows_ignored_below(&o, &pairs[0]), 0);
	sd_foldset_release(&map);
}

static void test_ignored_hidden_or_dimmed(void **state)
{
	(void)state;
	build();
	sd_foldset map;
	sd_foldset_init(&map);
	sd_rows_index_ignored(&map, &pairs[0]);
	sd_rows_opts o = { .mode = SD_MODE_STRICT, .show_cosmetic = true, .ignored = &map };
	sd_rows r;
	sd_rows_init(&r);
	/* hidden: nothing marked, b folded (nothing to show inside) */
	sd_rows_build(&r, &pairs[0], &o);
	assert_int_equal(r.nmarks, 0);
	assert_int_equal(r.n, 4);   /* {, a, b{…}, } */
	assert_int_equal(r.v[2].kind, SD_ROW_FOLDED);
	/* shown: a marked dimmed, b opened, c marked dimmed */
	o.show_ignored = true;
	sd_rows_build(&r, &pairs[0], &o);
	assert_int_equal(r.n, 6);   /* {, a, b{, c, }, } */
	assert_int_equal(r.nmarks, 2);
	assert_int_equal(r.v[1].mark, SD_CLASS_VALUE);
	assert_true(r.v[1].flags & SD_ROW_IGNORED);
	assert_int_equal(r.v[3].mark, SD_CLASS_NIL_VS_EMPTY);
	assert_true(r.v[3].flags & SD_ROW_IGNORED);
	assert_int_equal(sd_rows_next_mark(&r, 1, 1), 3);
	/* semantic mode: an ignored nil-vs-empty is no difference at all */
	o.mode = SD_MODE_SEMANTIC;
	sd_rows_build(&r, &pairs[0], &o);
	assert_int_equal(r.nmarks, 1);
	assert_int_equal(r.v[2].kind, SD_ROW_FOLDED);
	/* shown but folded by hand: the folded row stands for it, dimmed */
	o.mode = SD_MODE_STRICT;
	sd_foldset folds;
	sd_foldset_init(&folds);
	sd_foldset_set(&folds, &pairs[2], SD_FOLD_CLOSED);
	o.folds = &folds;
	sd_rows_build(&r, &pairs[0], &o);
	assert_int_equal(r.v[2].kind, SD_ROW_FOLDED);
	assert_int_equal(r.v[2].mark, SD_CLASS_NIL_VS_EMPTY);
	assert_int_equal(r.v[2].flags & (SD_ROW_INNER | SD_ROW_IGNORED), SD_ROW_INNER | SD_ROW_IGNORED);
	/* a kept difference wins over an ignored one: not dimmed */
	pairs[1].cls = SD_CLASS_VALUE;
	items[0].ignored = false;
	sd_rows_index_ignored(&map, &pairs[0]);
	sd_rows_build(&r, &pairs[0], &o);
	assert_int_equal(r.v[1].mark, SD_CLASS_VALUE);
	assert_false(r.v[1].flags & SD_ROW_IGNORED);
	sd_foldset_release(&folds);
	sd_foldset_release(&map);
	sd_rows_release(&r);
}

/* ---- restore markers ---- */

static void test_restore_marks(void **state)
{
	(void)state;
	static const char *const sysctl[] = { "/linux/sysctl", NULL };
	sd_check_error err = { .text = (char *)"x", .field = "Sysctl", .paths = sysctl };
	sd_profile_verdict v[2] = { { .pass = false, .errors = &err, .nerrors = 1 },
				    { .pass = true } };
	sd_checks c = { .ran = true, .v = v, .n = 2 };
	assert_true(sd_checks_mark_row(&c, "/linux/sysctl", false, false));
	assert_true(sd_checks_mark_row(&c, "/linux/sysctl/kernel.x", false, true));
	assert_false(sd_checks_mark_row(&c, "/linux/sysctl/kernel.x", false, false));
	assert_true(sd_checks_mark_row(&c, "/linux", true, false));    /* folded, holds it */
	assert_false(sd_checks_mark_row(&c, "/linux", false, false));  /* open: its rows show it */
	assert_false(sd_checks_mark_row(&c, "/linux/sysctlx", false, true));
	assert_false(sd_checks_mark_row(&c, "/process", true, true));
	v[0].pass = true;
	assert_false(sd_checks_mark_row(&c, "/linux/sysctl", false, false));
	c.ran = false;
	assert_false(sd_checks_mark_row(&c, "/linux/sysctl", false, false));
}

/* ---- the live keymap ---- */

static void test_action_names(void **state)
{
	(void)state;
	assert_string_equal(sd_action_name(SD_ACT_NEXT_DIFF), "next-diff");
	assert_string_equal(sd_action_name(SD_ACT_TOGGLE_IGNORED), "toggle-ignored");
	assert_string_equal(sd_action_name(SD_ACT_QUIT), "quit");
	for (int a = 0; a < SD_ACT__COUNT; a++) {
		sd_action back;
		assert_true(sd_action_parse(sd_action_name((sd_action)a), &back));
		assert_int_equal(back, a);
	}
	sd_action x;
	assert_false(sd_action_parse("NEXT_DIFF", &x));
	assert_false(sd_action_parse("next-dif", &x));
}

static void test_key_names(void **state)
{
	(void)state;
	sd_keyseq q;
	assert_int_equal(sd_key_parse("<C-d>", &q), 0);
	assert_int_equal(q.n, 1);
	assert_int_equal(q.k[0], 4);
	assert_int_equal(sd_key_parse("<F12>", &q), 0);
	assert_int_equal(q.k[0], KEY_F(12));
	assert_int_equal(sd_key_parse("<Left>", &q), 0);
	assert_int_equal(q.k[0], KEY_LEFT);
	assert_int_equal(sd_key_parse("<F13>", &q), -1);
	assert_int_equal(sd_key_parse("<F0>", &q), -1);
	assert_int_equal(sd_key_parse("<C-D>", &q), -1);
	assert_int_equal(sd_key_parse("<Nope>", &q), -1);
	assert_int_equal(sd_key_parse("abc", &q), -1);
}

static bool help_has(const sd_keys *k, const char *a, const char *b)
{
	size_t n;
	char **lines = sd_keys_help(k, &n);
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		found |= strstr(lines[i], a) && strstr(lines[i], b);
		free(lines[i]);
	}
	free(lines);
	return found;
}

static void test_binds(void **state)
{
	(void)state;
	sd_keys k;
	sd_keys_init(&k);
	char err[200];
	sd_keystate s = { 0, &k };
	assert_int_equal(sd_keys_bind(&k, "]d", "next-diff", err, sizeof(err)), 0);
	assert_int_equal(sd_keys_bind(&k, "<C-d>", "page-down", err, sizeof(err)), 0);
	assert_int_equal(sd_keys_feed(&k, &s, ']'), SD_ACT_NONE);
	assert_int_equal(sd_keys_feed(&k, &s, 'd'), SD_ACT_NEXT_DIFF);
	assert_int_equal(sd_keys_feed(&k, &s, ']'), SD_ACT_NONE);
	assert_int_equal(sd_keys_feed(&k, &s, 'c'), SD_ACT_NEXT_DIFF);   /* ]c stays */
	assert_int_equal(sd_keys_feed(&k, &s, 4), SD_ACT_PAGE_DOWN);
	assert_true(help_has(&k, "]c, ]d", "next difference"));
	assert_true(help_has(&k, "<C-d>", "move down one page"));
	/* later wins: q moves, and quitting needs another key */
	assert_int_equal(sd_keys_bind(&k, "q", "down", err, sizeof(err)), 0);
	assert_int_equal(sd_keys_bind(&k, "Q", "quit", err, sizeof(err)), 0);
	assert_int_equal(sd_keys_feed(&k, &s, 'q'), SD_ACT_DOWN);
	assert_int_equal(sd_keys_feed(&k, &s, 'Q'), SD_ACT_QUIT);
	assert_string_equal(sd_keys_first(&k, SD_ACT_QUIT), "Q");
	assert_true(help_has(&k, "Q   ", "quit (closes"));
	assert_false(help_has(&k, "q, ", "quit (closes"));
	assert_true(help_has(&k, "j, <Down>, <WheelDown>, q", "move down one row"));
	/* "gg" drops g alone; "d" drops "dd"; none unbinds */
	assert_int_equal(sd_keys_bind(&k, "gg", "first", err, sizeof(err)), 0);
	assert_int_equal(sd_keys_feed(&k, &s, 'g'), SD_ACT_NONE);
	assert_int_equal(sd_keys_feed(&k, &s, 'g'), SD_ACT_FIRST);
	assert_int_equal(sd_keys_bind(&k, "d", "delete", err, sizeof(err)), 0);
	assert_int_equal(sd_keys_feed(&k, &s, 'd'), SD_ACT_DELETE);
	assert_int_equal(sd_keys_bind(&k, "t", "none", err, sizeof(err)), 0);
	assert_int_equal(sd_keys_feed(&k, &s, 't'), SD_ACT_NONE);
	assert_null(sd_keys_first(&k, SD_ACT_CYCLE_THEME));
	/* errors name what is wrong and change nothing */
	size_t n = k.n;
	assert_int_equal(sd_keys_bind(&k, "<Nope>", "quit", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown key '<Nope>'"));
	assert_int_equal(sd_keys_bind(&k, "j", "jump", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown action 'jump'"));
	assert_int_equal(k.n, n);
	assert_int_equal(sd_keys_feed(&k, &s, 'j'), SD_ACT_DOWN);
	/* the built-in keymap is untouched */
	sd_keystate d = { 0 };
	assert_int_equal(sd_key_feed(&d, 'q'), SD_ACT_QUIT);
	assert_int_equal(sd_key_feed(&d, 't'), SD_ACT_CYCLE_THEME);
	sd_keys_release(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ignored_index),
		cmocka_unit_test(test_ignored_hidden_or_dimmed),
		cmocka_unit_test(test_restore_marks),
		cmocka_unit_test(test_action_names),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_binds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
