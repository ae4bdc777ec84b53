/* test_tui_theme.c - theme files (tui/theme.h): the built-in default is
 * the shipped default.theme, every shipped theme loads cleanly, a broken
 * one says file:line and falls back. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/theme.h"
#include "specdiff/util.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run from the source tree)", path);
	sd_buf b = SD_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sd_buf_add(&b, chunk, n);
	fclose(f);
	return sd_buf_detach(&b, NULL);
}

static void test_builtin_is_default_theme_file(void **state)
{
	(void)state;
	char *text = slurp("themes/default.theme");
	assert_string_equal(text, sd_theme_builtin_default);
	free(text);
}

static void test_shipped_themes_load_cleanly(void **state)
{
	(void)state;
	DIR *d = opendir("themes");
	assert_non_null(d);
	struct dirent *e;
	int count = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 7 || strcmp(e->d_name + len - 6, ".theme"))
			continue;
		char path[600];
		snprintf(path, sizeof(path), "themes/%s", e->d_name);
		char *text = slurp(path);
		sd_theme t;
		char err[512] = "";
		if (sd_theme_parse(&t, e->d_name, path, text, err, sizeof(err)))
			fail_msg("%s", err);
		/* every role is named: a theme never leaves one to chance */
		for (int r = 0; r < SD_ROLE__COUNT; r++)
			if (!t.roles[r].set)
				fail_msg("%s: role %s not set", path, sd_role_name((sd_role)r));
		free(text);
		count++;
	}
	closedir(d);
	assert_true(count >= 4);
}

static void test_broken_theme_reports_line(void **state)
{
	(void)state;
	sd_theme t;
	char err[512] = "";
	const char *text = "# ok\ncolor text default default\n\ncolor cursor black purple\n";
	assert_int_equal(sd_theme_parse(&t, "x", "x.theme", text, err, sizeof(err)), -1);
	assert_string_equal(err, "x.theme:4: bad colour 'purple' (a name, bright-NAME, default or 0..255)");
	/* fell back to the built-in default */
	sd_theme def;
	sd_theme_default(&def);
	for (int r = 0; r < SD_ROLE__COUNT; r++) {
		assert_int_equal(t.roles[r].fg, def.roles[r].fg);
		assert_int_equal(t.roles[r].bg, def.roles[r].bg);
		assert_int_equal(t.roles[r].attrs, def.roles[r].attrs);
	}
	assert_int_equal(sd_theme_parse(&t, "x", "y.theme", "colour nosuchrole 1 2\n", err, sizeof(err)), -1);
	assert_string_equal(err, "y.theme:1: unknown role 'nosuchrole'");
	assert_int_equal(sd_theme_parse(&t, "x", "z.theme", "color text 1 2 blink\n", err, sizeof(err)), -1);
	assert_string_equal(err, "z.theme:1: unknown attribute 'blink'");
	assert_int_equal(sd_theme_parse(&t, "x", "w.theme", "fg text 1 2\n", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "w.theme:1: unknown command 'fg'"));
}

static void test_parse_values(void **state)
{
	(void)state;
	sd_theme t;
	char err[512] = "";
	assert_int_equal(sd_theme_parse(&t, "x", "x", "color value bright-red 236 bold underline\n", err, sizeof(err)), 0);
	assert_int_equal(t.roles[SD_ROLE_VALUE].fg, 9);
	assert_int_equal(t.roles[SD_ROLE_VALUE].bg, 236);
	assert_int_equal(t.roles[SD_ROLE_VALUE].attrs, SD_A_BOLD | SD_A_UNDERLINE);
	/* a role the file does not name keeps its monochrome attributes */
	assert_int_equal(t.roles[SD_ROLE_CURSOR].attrs, sd_role_mono(SD_ROLE_CURSOR));
	assert_false(t.roles[SD_ROLE_CURSOR].set);
}

static void test_missing_theme_falls_back(void **state)
{
	(void)state;
	sd_theme t;
	char err[1024] = "";
	assert_int_equal(sd_theme_load(&t, "no-such-theme-here", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "no theme 'no-such-theme-here'"));
	assert_string_equal(t.name, "default");
	assert_int_equal(sd_theme_load(&t, "../etc/passwd", err, sizeof(err)), -1);
}

static void test_color_to8(void **state)
{
	(void)state;
	assert_int_equal(sd_color_to8(SD_COLOR_DEFAULT), SD_COLOR_DEFAULT);
	assert_int_equal(sd_color_to8(9), 1);        /* bright red -> red */
	assert_int_equal(sd_color_to8(196), 1);      /* 256-colour red */
	assert_int_equal(sd_color_to8(46), 2);       /* green */
	assert_int_equal(sd_color_to8(21), 4);       /* blue */
	assert_int_equal(sd_color_to8(226), 3);      /* yellow */
	assert_int_equal(sd_color_to8(232), 0);      /* dark grey */
	assert_int_equal(sd_color_to8(255), 7);      /* light grey */
}

/* The HTML page's colours: xterm's palette, not a guess. */
static void test_color_rgb(void **state)
{
	(void)state;
	assert_int_equal(sd_color_rgb(4), 0x0000ee);
	assert_int_equal(sd_color_rgb(196), 0xff0000);
	assert_int_equal(sd_color_rgb(24), 0x005f87);
	assert_int_equal(sd_color_rgb(244), 0x808080);
	assert_int_equal(sd_color_rgb(255), 0xeeeeee);
	assert_int_equal(sd_color_rgb(-1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_is_default_theme_file),
		cmocka_unit_test(test_shipped_themes_load_cleanly),
		cmocka_unit_test(test_broken_theme_reports_line),
		cmocka_unit_test(test_parse_values),
		cmocka_unit_test(test_missing_theme_falls_back),
		cmocka_unit_test(test_color_to8),
		cmocka_unit_test(test_color_rgb),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
