/* test_utf8.c - sd_utf8_len (util.h): the sequence lengths Go's
 * utf8.DecodeRune accepts, at the edges of each rule it applies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/base.h"
#include "specdiff/util.h"

static size_t len_of(const char *s)
{
	return sd_utf8_len(s, strlen(s));
}

static void test_valid_lengths(void **state)
{
	(void)state;
	assert_int_equal(len_of("a"), 1);
	assert_int_equal(len_of("\x7f"), 1);
	assert_int_equal(len_of("\xc2\x80"), 2);          /* U+0080 */
	assert_int_equal(len_of("\xdf\xbf"), 2);          /* U+07FF */
	assert_int_equal(len_of("\xe0\xa0\x80"), 3);      /* U+0800 */
	assert_int_equal(len_of("\xed\x9f\xbf"), 3);      /* U+D7FF */
	assert_int_equal(len_of("\xee\x80\x80"), 3);      /* U+E000 */
	assert_int_equal(len_of("\xf0\x90\x80\x80"), 4);  /* U+10000 */
	assert_int_equal(len_of("\xf4\x8f\xbf\xbf"), 4);  /* U+10FFFF */
	assert_int_equal(len_of("\xe2\x82\xac tail"), 3); /* only the first sequence */
}

static void test_invalid_is_zero(void **state)
{
	(void)state;
	assert_int_equal(len_of("\x80"), 0);              /* a lone continuation byte */
	assert_int_equal(len_of("\xc0\x80"), 0);          /* overlong NUL */
	assert_int_equal(len_of("\xc1\xbf"), 0);          /* overlong */
	assert_int_equal(len_of("\xe0\x9f\xbf"), 0);      /* overlong 3-byte form */
	assert_int_equal(len_of("\xed\xa0\x80"), 0);      /* surrogate U+D800 */
	assert_int_equal(len_of("\xf0\x8f\xbf\xbf"), 0);  /* overlong 4-byte form */
	assert_int_equal(len_of("\xf4\x90\x80\x80"), 0);  /* above U+10FFFF */
	assert_int_equal(len_of("\xf5\x80\x80\x80"), 0);
	assert_int_equal(len_of("\xff"), 0);
	assert_int_equal(len_of("\xe2\x82x"), 0);         /* bad continuation */
}

static void test_truncated_is_zero(void **state)
{
	(void)state;
	/* the bytes are there, but left says the input ends earlier */
	assert_int_equal(sd_utf8_len("\xe2\x82\xac", 2), 0);
	assert_int_equal(sd_utf8_len("\xf0\x90\x80\x80", 3), 0);
	assert_int_equal(sd_utf8_len("\xc2\x80", 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_lengths),
		cmocka_unit_test(test_invalid_is_zero),
		cmocka_unit_test(test_truncated_is_zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
