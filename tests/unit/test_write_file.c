/* test_write_file.c - sd_write_file (write.h): what the target name stands
 * for is kept, and sd_write_info tells the caller what happened. */
#include <errno.h>
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

#include "specdiff/base.h"
#include "specdiff/write.h"

static char dir[64];

static const char *at(const char *name)
{
	static char p[4][128];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

static char *slurp(const char *path)
{
	sd_buf b = SD_BUF_INIT;
	assert_int_equal(sd_read_file(path, 1 << 20, &b), 0);
	return sd_buf_detach(&b, NULL);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/sdwrite.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_new_and_replaced(void **state)
{
	(void)state;
	sd_write_info info;
	sd_error err;
	assert_int_equal(sd_write_file(at("a"), "one", 3, &info, &err), 0);
	assert_int_equal(info.links, 0);
	assert_false(info.followed_links);
	chmod(at("a"), 0604);
	assert_int_equal(sd_write_file(at("a"), "two", 3, &info, &err), 0);
	assert_int_equal(info.links, 1);
	char *s = slurp(at("a"));
	assert_string_equal(s, "two");
	free(s);
	struct stat st;
	assert_int_equal(stat(at("a"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0604);
}

static void test_symlink_followed(void **state)
{
	(void)state;
	sd_write_info info;
	sd_error err;
	assert_int_equal(sd_write_file(at("t"), "old", 3, NULL, &err), 0);
	assert_int_equal(symlink("t", at("l")), 0);
	assert_int_equal(sd_write_file(at("l"), "new", 3, &info, &err), 0);
	assert_true(info.followed_links);
	assert_string_equal(info.real, at("t"));
	struct stat st;
	assert_int_equal(lstat(at("l"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	char *s = slurp(at("t"));
	assert_string_equal(s, "new");
	free(s);
}

static void test_refusals(void **state)
{
	(void)state;
	sd_error err;
	assert_int_equal(mkfifo(at("p"), 0600), 0);
	assert_int_equal(sd_write_file(at("p"), "x", 1, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "FIFO"));
	struct stat st;
	assert_int_equal(stat(at("p"), &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(sd_write_file(dir, "x", 1, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "directory"));
	assert_int_equal(sd_write_file("", "x", 1, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "empty"));
	assert_int_equal(sd_write_file(at("none/x"), "x", 1, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "nothing was written"));
}

static void test_hard_links_counted(void **state)
{
	(void)state;
	sd_write_info info;
	sd_error err;
	assert_int_equal(sd_write_file(at("h"), "old", 3, NULL, &err), 0);
	assert_int_equal(link(at("h"), at("h2")), 0);
	assert_int_equal(sd_write_file(at("h"), "new", 3, &info, &err), 0);
	assert_int_equal(info.links, 2);
	char *s = slurp(at("h2"));
	assert_string_equal(s, "old");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_and_replaced),
		cmocka_unit_test(test_symlink_followed),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_hard_links_counted),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
