/* test_tui_keymap.c - the keymap is declared once and the help screen is
 * generated from it (tui/keymap.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "../../tui/keymap.h"

static void test_every_binding_parses_once(void **state)
{
	(void)state;
	for (size_t i = 0; i < sd_keymap_count; i++) {
		sd_keyseq a;
		if (sd_key_parse(sd_keymap[i].key, &a))
			fail_msg("key name does not parse: %s", sd_keymap[i].key);
		for (size_t j = i + 1; j < sd_keymap_count; j++) {
			sd_keyseq b;
			assert_int_equal(sd_key_parse(sd_keymap[j].key, &b), 0);
			if (a.n == b.n && a.k[0] == b.k[0] && (a.n == 1 || a.k[1] == b.k[1]))
				fail_msg("%s and %s are the same key", sd_keymap[i].key, sd_keymap[j].key);
		}
	}
}

static void test_every_action_has_a_key_and_help(void **state)
{
	(void)state;
	for (int a = 1; a < SD_ACT__COUNT; a++) {
		bool bound = false;
		for (size_t i = 0; i < sd_keymap_count; i++)
			bound |= sd_keymap[i].action == (sd_action)a;
		if (!bound)
			fail_msg("action %s has no key", sd_action_name((sd_action)a));
		assert_true(strlen(sd_action_help((sd_action)a)) > 5);
	}
}

static void test_help_lists_every_key(void **state)
{
	(void)state;
	size_t n;
	char **lines = sd_help_lines(&n);
	assert_int_equal(n, SD_ACT__COUNT - 1);
	for (size_t i = 0; i < sd_keymap_count; i++) {
		bool found = false;
		for (size_t j = 0; j < n && !found; j++)
			found = strstr(lines[j], sd_keymap[i].key) &&
				strstr(lines[j], sd_action_help(sd_keymap[i].action));
		if (!found)
			fail_msg("help lacks %s", sd_keymap[i].key);
	}
	for (size_t j = 0; j < n; j++)
		free(lines[j]);
	free(lines);
}

static void test_sequences(void **state)
{
	(void)state;
	sd_keystate s = { 0 };
	assert_int_equal(sd_key_feed(&s, 'j'), SD_ACT_DOWN);
	assert_int_equal(sd_key_feed(&s, KEY_DOWN), SD_ACT_DOWN);
	assert_int_equal(sd_key_feed(&s, ']'), SD_ACT_NONE);
	assert_int_equal(sd_key_feed(&s, 'c'), SD_ACT_NEXT_DIFF);
	assert_int_equal(sd_key_feed(&s, '['), SD_ACT_NONE);
	assert_int_equal(sd_key_feed(&s, 'c'), SD_ACT_PREV_DIFF);
	/* c alone toggles cosmetic; an unfinished "]" followed by q still quits */
	assert_int_equal(sd_key_feed(&s, 'c'), SD_ACT_TOGGLE_COSMETIC);
	assert_int_equal(sd_key_feed(&s, ']'), SD_ACT_NONE);
	assert_int_equal(sd_key_feed(&s, 'q'), SD_ACT_QUIT);
	assert_int_equal(sd_key_feed(&s, '\r'), SD_ACT_EXPLAIN);
	assert_int_equal(sd_key_feed(&s, KEY_ENTER), SD_ACT_EXPLAIN);
	assert_int_equal(sd_key_feed(&s, ' '), SD_ACT_FOLD);
	assert_int_equal(sd_key_feed(&s, 6), SD_ACT_PAGE_DOWN);
	assert_int_equal(sd_key_feed(&s, KEY_F(1)), SD_ACT_HELP);
	assert_int_equal(sd_key_feed(&s, SD_KEY_WHEEL_DOWN), SD_ACT_DOWN);
	assert_int_equal(sd_key_feed(&s, 'Q'), SD_ACT_NONE);
	/* editing: "<" alone is a key, not the start of a <Name>; dd is a sequence */
	assert_int_equal(sd_key_feed(&s, '<'), SD_ACT_COPY_TO_LEFT);
	assert_int_equal(sd_key_feed(&s, '>'), SD_ACT_COPY_TO_RIGHT);
	assert_int_equal(sd_key_feed(&s, 'x'), SD_ACT_TOGGLE_EMPTY);
	assert_int_equal(sd_key_feed(&s, 'd'), SD_ACT_NONE);
	assert_int_equal(sd_key_feed(&s, 'd'), SD_ACT_DELETE);
	assert_int_equal(sd_key_feed(&s, 'd'), SD_ACT_NONE);
	assert_int_equal(sd_key_feed(&s, 'j'), SD_ACT_DOWN);   /* "dj": d dropped */
	assert_int_equal(sd_key_feed(&s, 'u'), SD_ACT_UNDO);
	assert_int_equal(sd_key_feed(&s, 18), SD_ACT_REDO);
	assert_int_equal(sd_key_feed(&s, 'w'), SD_ACT_WRITE);
	assert_int_equal(sd_key_feed(&s, 'v'), SD_ACT_EDITOR);
	assert_int_equal(sd_key_feed(&s, 'r'), SD_ACT_RELOAD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_binding_parses_once),
		cmocka_unit_test(test_every_action_has_a_key_and_help),
		cmocka_unit_test(test_help_lists_every_key),
		cmocka_unit_test(test_sequences),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
