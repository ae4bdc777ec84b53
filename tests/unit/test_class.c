/* test_class.c - the class table (include/specdiff/class.h): every class
 * has a unique report rank, a name that parses back, a colour role of its
 * own name that the built-in theme and every shipped theme set, and the
 * counting rules the conformance README states. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../tui/theme.h"
#include "specdiff/class.h"

static const sd_role class_roles[] = {
#define ROLE(e, name, rank, mu, ma, role, ...) SD_ROLE_##role,
	SD_CLASSES(ROLE)
#undef ROLE
};

static void test_report_order_covers_each_class_once(void **state)
{
	(void)state;
	unsigned seen = 0;
	for (size_t k = 0; k < SD_CLASS__LISTED; k++) {
		sd_class c = sd_class_in_report_order(k);
		assert_int_not_equal(c, SD_CLASS_NONE);
		assert_int_equal(sd_class_get(c)->rank, (int)k);
		assert_false(seen & (1u << c));
		seen |= 1u << c;
	}
	assert_int_equal(seen, ((1u << SD_CLASS__COUNT) - 1) & ~1u);
	assert_int_equal(sd_class_in_report_order(SD_CLASS__LISTED), SD_CLASS_NONE);
}

static void test_names_parse_back(void **state)
{
	(void)state;
	for (int c = 0; c < SD_CLASS__COUNT; c++) {
		sd_class back;
		assert_true(sd_class_parse(sd_class_name((sd_class)c), &back));
		assert_int_equal(back, c);
	}
	sd_class x;
	assert_false(sd_class_parse("values", &x));
	assert_string_equal(sd_class_name((sd_class)99), "?");
}

static void test_each_class_has_its_own_theme_role(void **state)
{
	(void)state;
	sd_theme t;
	sd_theme_default(&t);
	for (int c = SD_CLASS_COSMETIC; c < SD_CLASS__COUNT; c++) {
		assert_string_equal(sd_role_name(class_roles[c]), sd_class_name((sd_class)c));
		assert_true(t.roles[class_roles[c]].set);
		assert_non_null(sd_class_get((sd_class)c)->panel[SD_MODE_STRICT]);
		assert_non_null(sd_class_get((sd_class)c)->panel[SD_MODE_SEMANTIC]);
		assert_true(*sd_class_get((sd_class)c)->ansi);
	}
}

static void test_counting_rules(void **state)
{
	(void)state;
	assert_false(sd_class_counts(SD_CLASS_NONE, SD_MODE_STRICT));
	assert_false(sd_class_counts(SD_CLASS_COSMETIC, SD_MODE_STRICT));
	assert_true(sd_class_counts(SD_CLASS_NIL_VS_EMPTY, SD_MODE_STRICT));
	assert_false(sd_class_counts(SD_CLASS_NIL_VS_EMPTY, SD_MODE_SEMANTIC));
	assert_true(sd_class_counts(SD_CLASS_ORDER_ONLY, SD_MODE_STRICT));
	assert_false(sd_class_counts(SD_CLASS_ORDER_ONLY, SD_MODE_SEMANTIC));
	assert_true(sd_class_counts(SD_CLASS_VALUE, SD_MODE_SEMANTIC));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_order_covers_each_class_once),
		cmocka_unit_test(test_names_parse_back),
		cmocka_unit_test(test_each_class_has_its_own_theme_role),
		cmocka_unit_test(test_counting_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
