/* test_config.c - the configuration file parser (specdiff/config.h):
 * settings, binds and ignores are stored with their lines, every bad line
 * gives "FILE:LINE: message" and parsing goes on, the path follows
 * SPECDIFF_CONFIG / XDG_CONFIG_HOME / HOME. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "specdiff/config.h"

static size_t parse(sd_config *c, const char *text)
{
	return sd_config_parse(c, "cfg", text, strlen(text));
}

/* The formatted error i, "cfg:LINE: message". */
static const char *err_text(const sd_config *c, size_t i)
{
	static char buf[2048];
	assert_true(i < c->nerrors);
	sd_error_format(&c->errors[i], buf, sizeof(buf));
	return buf;
}

static void expect_one_error(const char *text, const char *want)
{
	sd_config c;
	sd_config_init(&c);
	size_t n = parse(&c, text);
	if (n != 1)
		fail_msg("for %s: %zu errors, expected 1", text, n);
	if (!strstr(err_text(&c, 0), want))
		fail_msg("for %s: error '%s' lacks '%s'", text, err_text(&c, 0), want);
	sd_config_release(&c);
}

static void test_empty_and_comments(void **state)
{
	(void)state;
	sd_config c;
	sd_config_init(&c);
	assert_int_equal(parse(&c, ""), 0);
	assert_int_equal(parse(&c, "\n\n   \t\n# a comment\n   # indented\n"), 0);
	assert_null(c.mode.value);
	assert_null(c.theme.value);
	assert_null(c.color.value);
	assert_null(c.profile.value);
	assert_int_equal(c.nbinds, 0);
	assert_int_equal(c.nignores, 0);
	sd_config_release(&c);
}

static void test_all_settings(void **state)
{
	(void)state;
	sd_config c;
	sd_config_init(&c);
	const char *text =
		"# specdiff config\n"
		"set mode = semantic\n"
		"set theme = light\r\n"
		"  set   color   =   never   # trailing comment\n"
		"\tset profile = gvisor-2025,gvisor-20241210\n"
		"bind ]d next-diff\n"
		"bind <C-d> page-down\n"
		"bind # quit   # the key is '#'\n"
		"ignore /process/env\n"
		"ignore /annotations/*";   /* no final newline */
	assert_int_equal(parse(&c, text), 0);
	assert_string_equal(c.mode.value, "semantic");
	assert_int_equal(c.mode.line, 2);
	assert_string_equal(c.theme.value, "light");
	assert_int_equal(c.theme.line, 3);
	assert_string_equal(c.color.value, "never");
	assert_string_equal(c.profile.value, "gvisor-2025,gvisor-20241210");
	assert_int_equal(c.profile.line, 5);
	assert_int_equal(c.nbinds, 3);
	assert_string_equal(c.binds[0].key, "]d");
	assert_string_equal(c.binds[0].action, "next-diff");
	assert_int_equal(c.binds[0].line, 6);
	assert_string_equal(c.binds[1].key, "<C-d>");
	assert_string_equal(c.binds[2].key, "#");
	assert_string_equal(c.binds[2].action, "quit");
	assert_int_equal(c.nignores, 2);
	assert_string_equal(c.ignores[0].pattern, "/process/env");
	assert_string_equal(c.ignores[1].pattern, "/annotations/*");
	assert_int_equal(c.ignores[1].line, 10);
	sd_config_release(&c);
	/* release leaves an empty, reusable config */
	assert_null(c.mode.value);
	assert_int_equal(c.nbinds, 0);
	sd_config_release(&c);
}

static void test_later_set_wins_and_aliases(void **state)
{
	(void)state;
	sd_config c;
	sd_config_init(&c);
	assert_int_equal(parse(&c, "set mode = semantic\nset mode = strict\nset colour = always\n"
				   "set profile = all\n"), 0);
	assert_string_equal(c.mode.value, "strict");
	assert_int_equal(c.mode.line, 2);
	assert_string_equal(c.color.value, "always");
	assert_string_equal(c.profile.value, "all");
	/* a bad later value keeps the good earlier one */
	assert_int_equal(parse(&c, "set mode = fuzzy\n"), 1);
	assert_string_equal(c.mode.value, "strict");
	sd_config_release(&c);
}

static void test_bad_lines_keep_going(void **state)
{
	(void)state;
	sd_config c;
	sd_config_init(&c);
	const char *text =
		"set mode = semantic\n"
		"frobnicate everything\n"
		"set theme = light\n"
		"set color = purple\n"
		"bind j\n"
		"ignore /linux/sysctl\n";
	assert_int_equal(parse(&c, text), 3);
	assert_string_equal(c.mode.value, "semantic");
	assert_string_equal(c.theme.value, "light");
	assert_null(c.color.value);
	assert_int_equal(c.nbinds, 0);
	assert_int_equal(c.nignores, 1);
	assert_string_equal(err_text(&c, 0),
			    "cfg:2: unknown command 'frobnicate' (known: set, bind, ignore)");
	assert_string_equal(err_text(&c, 1), "cfg:4: color takes auto, always or never, not 'purple'");
	assert_string_equal(err_text(&c, 2), "cfg:5: expected 'bind KEY ACTION'");
	assert_int_equal(c.errors[1].line, 4);
	assert_int_equal(c.errors[1].col, 0);
	sd_config_release(&c);
}

static void test_each_error(void **state)
{
	(void)state;
	expect_one_error("set mode semantic\n", "cfg:1: expected 'set NAME = VALUE'");
	expect_one_error("set mode =\n", "expected 'set NAME = VALUE'");
	expect_one_error("set mode = a b\n", "expected 'set NAME = VALUE'");
	expect_one_error("set = strict\n", "expected 'set NAME = VALUE'");
	expect_one_error("set modes = strict\n", "unknown setting 'modes' (known: mode, theme, color, profile)");
	expect_one_error("set mode = Strict\n", "mode takes strict or semantic, not 'Strict'");
	expect_one_error("set theme = ../../etc/passwd\n", "bad theme name '../../etc/passwd'");
	expect_one_error("set theme = .hidden\n", "bad theme name");
	expect_one_error("set profile = gvisor-1999\n", "unknown profile 'gvisor-1999'");
	expect_one_error("set profile = gvisor-2025,nope\n", "unknown profile 'nope'");
	expect_one_error("set profile = gvisor-2025,\n", "unknown profile ''");
	expect_one_error("set profile = all,gvisor-2025\n", "unknown profile 'all'");
	expect_one_error("bind\n", "expected 'bind KEY ACTION'");
	expect_one_error("bind j down extra\n", "expected 'bind KEY ACTION'");
	expect_one_error("bind jjj down\n", "bad key 'jjj'");
	expect_one_error("bind <C d> down\n", "expected 'bind KEY ACTION'");
	expect_one_error("bind <> down\n", "bad key '<>'");
	expect_one_error("bind <C_d> down\n", "bad key '<C_d>'");
	expect_one_error("bind j Down\n", "bad action 'Down'");
	expect_one_error("bind j next_diff\n", "bad action 'next_diff'");
	expect_one_error("bind x # no action\n", "expected 'bind KEY ACTION'");
	expect_one_error("ignore\n", "expected 'ignore /JSON/POINTER'");
	expect_one_error("ignore process/env\n", "expected 'ignore /JSON/POINTER'");
	expect_one_error("ignore /a /b\n", "expected 'ignore /JSON/POINTER'");
	expect_one_error("set mode = st\x01rict\n", "control characters");
	expect_one_error("a b c d e f g h i j\n", "too many words");
	expect_one_error("SET mode = strict\n", "unknown command 'SET'");
	static const char nul[] = "set mode = strict\nset th\0eme = light\n";
	sd_config c;
	sd_config_init(&c);
	assert_int_equal(sd_config_parse(&c, "cfg", nul, sizeof(nul) - 1), 1);
	assert_string_equal(err_text(&c, 0), "cfg:2: NUL byte in the line");
	assert_string_equal(c.mode.value, "strict");
	sd_config_release(&c);
}

static void test_error_cap(void **state)
{
	(void)state;
	sd_config c;
	sd_config_init(&c);
	for (int i = 0; i < SD_CONFIG_MAX_ERRORS + 20; i++)
		parse(&c, "bogus\n");
	assert_int_equal(c.nerrors, SD_CONFIG_MAX_ERRORS);
	assert_non_null(strstr(err_text(&c, SD_CONFIG_MAX_ERRORS - 1), "too many errors"));
	sd_config_release(&c);
}

static void test_path(void **state)
{
	(void)state;
	bool ex;
	char *p = sd_config_path("/etc/sd.conf", "/x", "/home/u", &ex);
	assert_string_equal(p, "/etc/sd.conf");
	assert_true(ex);
	free(p);
	assert_null(sd_config_path("", "/x", "/home/u", &ex));   /* empty: no config */
	assert_true(ex);
	p = sd_config_path(NULL, "/x", "/home/u", &ex);
	assert_string_equal(p, "/x/specdiff/config");
	assert_false(ex);
	free(p);
	p = sd_config_path(NULL, "", "/home/u", &ex);
	assert_string_equal(p, "/home/u/.config/specdiff/config");
	free(p);
	p = sd_config_path(NULL, NULL, "/home/u", &ex);
	assert_string_equal(p, "/home/u/.config/specdiff/config");
	free(p);
	assert_null(sd_config_path(NULL, NULL, NULL, &ex));
}

static void test_load_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/sdcfg.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128], missing[128], big[128];
	snprintf(path, sizeof(path), "%s/config", dir);
	snprintf(missing, sizeof(missing), "%s/none", dir);
	snprintf(big, sizeof(big), "%s/big", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("set mode = semantic\nnope\n", f);
	fclose(f);

	sd_config c;
	sd_config_init(&c);
	assert_int_equal(sd_config_load_file(&c, missing, false), 0);
	assert_null(c.path);
	assert_int_equal(sd_config_load_file(&c, missing, true), 1);
	assert_non_null(strstr(err_text(&c, 0), "none: cannot read the configuration file: "));
	assert_int_equal(c.errors[0].line, 0);
	sd_config_release(&c);

	assert_int_equal(sd_config_load_file(&c, path, false), 1);
	assert_string_equal(c.path, path);
	assert_string_equal(c.mode.value, "semantic");
	char want[160];
	snprintf(want, sizeof(want), "%s:2: unknown command 'nope'", path);
	assert_non_null(strstr(err_text(&c, 0), want));
	sd_config_release(&c);

	f = fopen(big, "w");
	assert_non_null(f);
	for (unsigned i = 0; i < SD_CONFIG_MAX_SIZE / 20 + 10; i++)
		fputs("# twenty bytes ....\n", f);
	fclose(f);
	assert_int_equal(sd_config_load_file(&c, big, false), 1);
	assert_non_null(strstr(err_text(&c, 0), "larger than 1 MiB"));
	sd_config_release(&c);

	/* sd_config_load follows SPECDIFF_CONFIG */
	setenv("SPECDIFF_CONFIG", path, 1);
	assert_int_equal(sd_config_load(&c), 1);
	assert_string_equal(c.mode.value, "semantic");
	sd_config_release(&c);
	setenv("SPECDIFF_CONFIG", "", 1);
	assert_int_equal(sd_config_load(&c), 0);
	assert_null(c.path);
	unsetenv("SPECDIFF_CONFIG");
	setenv("XDG_CONFIG_HOME", dir, 1);   /* dir/specdiff/config does not exist */
	assert_int_equal(sd_config_load(&c), 0);
	assert_null(c.path);
	sd_config_release(&c);

	unlink(path);
	unlink(big);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_comments),
		cmocka_unit_test(test_all_settings),
		cmocka_unit_test(test_later_set_wins_and_aliases),
		cmocka_unit_test(test_bad_lines_keep_going),
		cmocka_unit_test(test_each_error),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_load_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
