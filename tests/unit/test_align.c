/*
 * test_align.c - cosmetic differences in list rows that Go does not compare
 * (core/align.c): elements aligned by identity or text across indexes, and
 * one-sided rows.  Go compares element i with element i, so a text
 * difference in such a row is cosmetic only where its two elements are
 * equal Go values; swapping the sides gives the same classes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "specdiff/diff.h"
#include "test_util.h"

static void dump(const sd_diff *d)
{
	for (size_t i = 0; i < sd_diff_count(d); i++)
		print_message("  item %s %s\n", sd_diff_item_at(d, i)->path,
			      sd_class_name(sd_diff_item_at(d, i)->cls));
}

/* Diffs l/r both ways: the cosmetic items of each direction are exactly
 * fwd (left as l) and back (left as r), and every class counts the same
 * both ways. */
static void expect_cosmetics(const char *name, const char *l, const char *r,
			     sd_schema_choice sc, const char *fwd, const char *back)
{
	test_pair a, b;
	test_pair_open(&a, name, l, name, r, sc);
	test_pair_open(&b, name, r, name, l, sc);
	for (int c = SD_CLASS_COSMETIC; c < SD_CLASS__COUNT; c++)
		if (sd_diff_count_class(a.d, (sd_class)c) != sd_diff_count_class(b.d, (sd_class)c)) {
			dump(a.d);
			print_message(" swapped:\n");
			dump(b.d);
			fail_msg("%s: %s counts differ when the sides are swapped", name,
				 sd_class_name((sd_class)c));
		}
	size_t want = fwd ? 1 : 0;
	if (sd_diff_count_class(a.d, SD_CLASS_COSMETIC) != want ||
	    (fwd && !test_find_item(a.d, fwd, SD_CLASS_COSMETIC)) || (back && !test_find_item(b.d, back, SD_CLASS_COSMETIC))) {
		dump(a.d);
		print_message(" swapped:\n");
		dump(b.d);
		fail_msg("%s: expected cosmetic at %s / %s", name, fwd ? fwd : "(none)",
			 back ? back : "(none)");
	}
	test_pair_close(&a);
	test_pair_close(&b);
}

static const char moved_l[] =
	"{\"ociVersion\":\"1.0.2\",\"mounts\":[{\"destination\":\"/a\",\"options\":[\"x\"]},"
	"{\"destination\":\"/b\",\"options\":[\"x\"]}]}";
static const char moved_r[] =
	"{\"ociVersion\":\"1.0.2\",\"mounts\":[{\"destination\":\"/b\",\"options\":[\"x\"]},"
	"{\"destination\":\"/a\",\"options\":[\"y\"]}]}";

/* The fuzz find: mounts matched by destination at other indexes; "x" vs
 * "y" is a real difference, never "Go decodes the same text". */
static void test_identity_moved_value_is_not_cosmetic(void **state)
{
	(void)state;
	expect_cosmetics("m.json", moved_l, moved_r, SD_SCHEMA_OCI, NULL, NULL);
}

/* The walker's items still sit in the pair tree at Go's paths, with their
 * own values, and the classes below the list say so. */
static void test_identity_moved_items_in_tree(void **state)
{
	(void)state;
	test_pair f;
	test_pair_open(&f, "l.json", moved_l, "r.json", moved_r, SD_SCHEMA_OCI);
	const sd_pair *mounts = sd_diff_find(f.d, "/mounts");
	assert_non_null(mounts);
	assert_int_equal(mounts->nkids, 2);
	assert_int_equal(mounts->kids[0]->rindex, 1);   /* /a with /a */
	assert_int_equal(mounts->kids[1]->rindex, 0);   /* /b with /b */
	const sd_pair *opt = sd_diff_find(f.d, "/mounts/1/options/0");
	assert_non_null(opt);
	assert_non_null(opt->item);
	assert_int_equal(opt->cls, SD_CLASS_VALUE);
	assert_true(mounts->below & (1u << SD_CLASS_VALUE));
	assert_false(mounts->below & (1u << SD_CLASS_COSMETIC));
	const sd_pair *dst = sd_diff_find(f.d, "/mounts/0/destination");
	assert_non_null(dst);
	assert_int_equal(dst->cls, SD_CLASS_VALUE);
	test_pair_close(&f);
}

/* Elements aligned across indexes that are equal Go values: their text
 * difference is cosmetic, both ways round (at each side's display path). */
static void test_identity_moved_equal_values_cosmetic(void **state)
{
	(void)state;
	expect_cosmetics("c.json",
			 "{\"ociVersion\":\"1.0.2\",\"mounts\":[{\"destination\":\"/a\",\"options\":[\"x\"]},"
			 "{\"destination\":\"/b\",\"options\":[\"\\u0078\"]}]}",
			 moved_r, SD_SCHEMA_OCI, "/mounts/1/options/0", "/mounts/0/options/0");
	/* YAML: the number spelling of a moved device */
	expect_cosmetics("d.yaml",
			 "ociVersion: 1.0.2\nlinux:\n  devices:\n  - {path: /a, type: c, major: 1}\n"
			 "  - {path: /b, type: c, major: 0x2}\n",
			 "ociVersion: 1.0.2\nlinux:\n  devices:\n  - {path: /b, type: c, major: 2}\n"
			 "  - {path: /a, type: c, major: 3}\n",
			 SD_SCHEMA_OCI, "/linux/devices/1/major", "/linux/devices/0/major");
}

/* Text-aligned (LCS) rows: a one-sided row is never "absent on one side,
 * the zero value on the other" inside a list; a shifted row is cosmetic
 * only for equal Go values (lazy interface{} views: made from the nodes). */
static void test_shifted_rows(void **state)
{
	(void)state;
	expect_cosmetics("a.json", "{\"ociVersion\":\"1\",\"process\":{\"cwd\":\"/\",\"args\":[\"a\",\"b\"]}}",
			 "{\"ociVersion\":\"1\",\"process\":{\"cwd\":\"/\",\"args\":[\"b\",\"\\u0062\"]}}",
			 SD_SCHEMA_OCI, NULL, NULL);
	expect_cosmetics("m.json", "{\"ociVersion\":\"1\",\"mounts\":[{\"options\":[\"x\"]}]}",
			 "{\"ociVersion\":\"1\",\"mounts\":[{\"options\":[\"\\u0078\"]}]}",
			 SD_SCHEMA_OCI, NULL, NULL);
	expect_cosmetics("i.json", "{\"list\":[\"a\",\"b\",\"c\"]}", "{\"list\":[\"b\",\"\\u0063\",\"d\"]}",
			 SD_SCHEMA_NONE, "/list/2", "/list/1");
	expect_cosmetics("j.json", "{\"list\":[\"a\",\"b\",\"c\"]}", "{\"list\":[\"b\",\"\\u0063 \",\"d\"]}",
			 SD_SCHEMA_NONE, NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identity_moved_value_is_not_cosmetic),
		cmocka_unit_test(test_identity_moved_items_in_tree),
		cmocka_unit_test(test_identity_moved_equal_values_cosmetic),
		cmocka_unit_test(test_shifted_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
