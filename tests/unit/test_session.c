/*
 * test_session.c - the comparison session: the root type chosen for the
 * pair (never per side), the container and round trip the checks use, the
 * image's runsc, and the checks computed again after a side is replaced.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/schema.h"
#include "specdiff/session.h"

static sd_doc *json(const char *text)
{
	sd_load_opts o;
	sd_error e;
	memset(&o, 0, sizeof o);
	o.format = SD_FORMAT_JSON;
	sd_doc *d = sd_doc_load_bytes("t.json", text, strlen(text), &o, &e);
	if (!d)
		fail_msg("%s: %s", text, e.msg);
	return d;
}

/* the pair's type, and the same with the sides exchanged */
static bool pair_is_oci(const char *a, const char *b)
{
	sd_doc *l = json(a), *r = json(b);
	const sd_type *t = sd_session_pick_type(l, r, SD_SCHEMA_AUTO, NULL);
	const sd_type *swapped = sd_session_pick_type(r, l, SD_SCHEMA_AUTO, NULL);
	assert_ptr_equal(t, swapped);
	sd_doc_free(l);
	sd_doc_free(r);
	return sd_schema_is_oci(t);
}

static void test_pick_pair(void **state)
{
	(void)state;
	const char *spec = "{\"ociVersion\":\"1.0.2\"}";
	assert_true(pair_is_oci("{\"mounts\":[]}", spec));         /* one looks like a spec */
	assert_true(pair_is_oci("null", "{}"));                    /* case 086 */
	assert_true(pair_is_oci("null", spec));
	assert_true(pair_is_oci("{\"x\":1}", spec));
	assert_false(pair_is_oci("[1]", spec));                    /* an array never decodes as a struct */
	assert_false(pair_is_oci("\"s\"", "{}"));
	assert_false(pair_is_oci("{\"x\":1}", "{\"y\":2}"));
	assert_false(pair_is_oci("{\"x\":1}", "null"));
	/* one side not loaded: the other decides alone */
	sd_doc *d = json("{\"process\":{},\"root\":{}}");
	assert_true(sd_schema_is_oci(sd_session_pick_type(NULL, d, SD_SCHEMA_AUTO, NULL)));
	assert_false(sd_schema_is_oci(sd_session_pick_type(d, NULL, SD_SCHEMA_NONE, NULL)));
	sd_doc_free(d);
}

static void open_pair(sd_session *s, const char *a, const char *b, bool as_given)
{
	sd_session_opts o;
	memset(&o, 0, sizeof o);
	o.load.format = SD_FORMAT_JSON;
	o.as_given = as_given;
	sd_session_init(s, &o);
	s->side[0].doc = json(a);
	s->side[1].doc = json(b);
	sd_session_decode(s);
}

static const char *first_field(const sd_checks *c, size_t profile)
{
	return c->v[profile].nfirst ? c->v[profile].errors[0].field : "";
}

static void test_checks_follow_the_session(void **state)
{
	(void)state;
	const char *empty = "{\"ociVersion\":\"1.0.2\",\"linux\":{\"sysctl\":{}}}";
	sd_session s;
	open_pair(&s, empty, empty, false);
	assert_true(sd_session_is_oci(&s));
	assert_true(sd_session_roundtrip(&s));
	assert_string_equal(sd_session_container(&s), "__no_name_0");
	assert_null(sd_session_runsc_version(&s));
	const sd_checks *c = sd_session_checks(&s);
	assert_true(c->ran && c->roundtrip);
	assert_false(c->v[0].pass);                        /* gvisor-2024: nil vs {} */
	assert_string_equal(first_field(c, 0), "Sysctl");
	assert_non_null(strstr(c->v[0].errors[0].text, "for container: __no_name_0,"));

	/* a replaced side: the checks are made again */
	sd_session_replace(&s, 1, json("{\"ociVersion\":\"1.0.2\"}"));
	assert_false(s.side[1].decode_failed);
	c = sd_session_checks(&s);
	assert_true(c->v[0].pass);
	sd_session_close(&s);

	open_pair(&s, empty, empty, true);                 /* --as-given */
	assert_false(sd_session_roundtrip(&s));
	assert_true(sd_session_checks(&s)->v[0].pass);
	sd_session_close(&s);

	open_pair(&s, "[1]", "[1]", false);                /* not specs: no checks */
	assert_false(sd_session_checks(&s)->ran);
	sd_session_close(&s);
}

static void test_timeoffsets_per_release(void **state)
{
	(void)state;
	/* identical specs: only runsc built with specs-go v1.2.x decodes timeOffsets */
	const char *t = "{\"ociVersion\":\"1.0.2\",\"linux\":{\"timeOffsets\":{}}}";
	sd_session s;
	open_pair(&s, t, t, false);
	const sd_checks *c = sd_session_checks(&s);
	for (size_t i = 0; i < c->n; i++) {
		bool v12 = strncmp(c->v[i].profile->specs_go, "v1.2", 4) == 0;
		assert_int_equal(c->v[i].pass, !v12);
		if (v12)
			assert_string_equal(first_field(c, i), "Linux");
	}
	sd_session_close(&s);
}

static void test_describe_without_image(void **state)
{
	(void)state;
	sd_session s;
	sd_buf b = SD_BUF_INIT;
	open_pair(&s, "{}", "{}", false);
	sd_session_describe_runsc(&s, &b);
	sd_session_describe_image(&s, &b);
	assert_int_equal(b.len, 0);
	sd_buf_release(&b);
	sd_session_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick_pair),
		cmocka_unit_test(test_checks_follow_the_session),
		cmocka_unit_test(test_timeoffsets_per_release),
		cmocka_unit_test(test_describe_without_image),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
