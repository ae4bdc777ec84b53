/*
 * test_gvisor.c - profile table, release mapping, validator behaviours that
 * the corpus exercises little (rdma pointer compare, random-order errors,
 * argv[0] rules, resources warnings) and reading messages back.  Expected
 * strings come from the Go reference oracle.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/doc.h"
#include "specdiff/goview.h"
#include "specdiff/gvisor.h"

typedef struct side {
	sd_doc *doc;
	sd_goview *view;
} side;

static void load(side *s, const char *json)
{
	sd_error e;
	sd_load_opts o;
	memset(&o, 0, sizeof o);
	o.format = SD_FORMAT_JSON;
	s->doc = sd_doc_load_bytes("t.json", json, strlen(json), &o, &e);
	assert_non_null(s->doc);
	s->view = sd_goview_decode(s->doc, sd_schema_oci(), &e);
	assert_null(sd_goview_error(s->view));
}

static void unload(side *s)
{
	sd_goview_free(s->view);
	sd_doc_free(s->doc);
}

/* Runs profile name on (old, new) and returns the result. */
static sd_check_result run(const char *name, const char *old_json, const char *new_json)
{
	side a, b;
	sd_check_result r;
	const sd_profile *p = sd_gvisor_profile_find(name);
	assert_non_null(p);
	load(&a, old_json);
	load(&b, new_json);
	sd_gvisor_run(p, sd_goview_root(a.view), sd_goview_root(b.view), "c1", &r);
	unload(&a);
	unload(&b);
	return r;
}

static void test_profiles(void **state)
{
	(void)state;
	assert_int_equal(sd_gvisor_profile_count(), 10);
	size_t corpus = 0;
	for (size_t i = 0; i < sd_gvisor_profile_count(); i++)
		corpus += sd_gvisor_profile_at(i)->in_corpus;
	assert_int_equal(corpus, 8);
	assert_null(sd_gvisor_profile_find("gvisor-1999"));
	assert_null(sd_gvisor_profile_for_release("release-20241103.0"));
	assert_null(sd_gvisor_profile_for_release("20250101"));
	assert_null(sd_gvisor_profile_for_release("release-2025010.0"));
	assert_string_equal(sd_gvisor_profile_for_release("release-20241104.0")->name, "gvisor-2024");
	assert_string_equal(sd_gvisor_profile_for_release("release-20241209.3")->name, "gvisor-20241202");
	assert_string_equal(sd_gvisor_profile_for_release("release-20250101.0")->name, "gvisor-20241217");
	assert_string_equal(sd_gvisor_profile_for_release("release-20250304.0")->name, "gvisor-20250304");
	assert_string_equal(sd_gvisor_profile_for_release("release-20260202.1")->name, "gvisor-20260202");
	assert_string_equal(sd_gvisor_profile_for_release("release-20990101.0")->name, "gvisor-20260413");
}

static void test_rdma_always_mismatches(void **state)
{
	(void)state;
	const char *spec = "{\"linux\":{\"resources\":{\"rdma\":{\"mlx5_1\":{\"hcaHandles\":3}}}}}";
	sd_check_result r = run("gvisor-20241217", spec, spec);
	assert_true(r.pass);
	assert_int_equal(r.nwarnings, 1);
	assert_string_equal(r.warnings[0],
		"specs.Linux.Resources has been changed during restore, err Resources.Rdma does not match "
		"across checkpoint restore for container: c1, checkpoint map[mlx5_1:{0xADDR <nil>}] "
		"restore map[mlx5_1:{0xADDR <nil>}]");
	sd_check_result_release(&r);
	/* Both pointers nil: Go's == holds. */
	spec = "{\"linux\":{\"resources\":{\"rdma\":{\"mlx5_1\":{}}}}}";
	r = run("gvisor-20241217", spec, spec);
	assert_int_equal(r.nwarnings, 0);
	sd_check_result_release(&r);
	/* Fatal in 20241210, where Rdma is part of the DeepEqual: pointers compare by value. */
	spec = "{\"linux\":{\"resources\":{\"rdma\":{\"mlx5_1\":{\"hcaHandles\":3}}}}}";
	r = run("gvisor-20241210", spec, spec);
	assert_true(r.pass);
	sd_check_result_release(&r);
}

static void test_random_order_lists_all_sorted(void **state)
{
	(void)state;
	sd_check_result r = run("gvisor-2024", "{\"linux\":{\"sysctl\":{}},\"process\":{\"rlimits\":[]}}",
				"{\"linux\":{\"seccomp\":{}}}");
	assert_false(r.pass);
	assert_int_equal(r.nerrors, 3);
	assert_string_equal(r.errors[0], "Rlimits does not match across checkpoint restore for container: c1, checkpoint [] restore []");
	assert_string_equal(r.errors[1], "Seccomp does not match across checkpoint restore for container: c1, checkpoint <nil> restore &{ <nil> [] []   []}");
	assert_string_equal(r.errors[2], "Sysctl does not match across checkpoint restore for container: c1, checkpoint map[] restore map[]");
	sd_check_result_release(&r);
	r = run("gvisor-20241210", "{\"linux\":{\"sysctl\":{}},\"process\":{\"rlimits\":[]}}", "{}");
	assert_true(r.pass);
	sd_check_result_release(&r);
}

static void test_args_modes(void **state)
{
	(void)state;
	const char *a = "{\"process\":{\"cwd\":\"/app\",\"args\":[\"./exe\",\"-v\"]}}";
	const char *b = "{\"process\":{\"cwd\":\"/app\",\"args\":[\"/app/exe\",\"-v\"]}}";
	sd_check_result r = run("gvisor-20241217", a, b);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors[0], "Args does not match across checkpoint restore for container: c1, checkpoint [./exe -v] restore [/app/exe -v]");
	sd_check_result_release(&r);
	r = run("gvisor-20250304", a, b);
	assert_true(r.pass);
	assert_int_equal(r.nwarnings, 0);
	sd_check_result_release(&r);
	r = run("gvisor-20260202", a, b);
	assert_true(r.pass);
	assert_int_equal(r.nwarnings, 1);
	assert_string_equal(r.warnings[0], "Validating args with the exec paths, old: ./exe new: /app/exe");
	sd_check_result_release(&r);
	/* [] vs absent passes Args but fails the later Process DeepEqual. */
	r = run("gvisor-20241210", "{\"process\":{\"args\":[]}}", "{\"process\":{}}");
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors[0], "Process does not match across checkpoint restore for container: c1, checkpoint &{ 0xADDR <nil>   [] <nil> map[] <nil> <nil> <nil> <nil> <nil>} restore &{ 0xADDR <nil>   [] <nil> map[] <nil> <nil> <nil> <nil> <nil>}");
	sd_check_result_release(&r);
}

static void test_devices_duplicate(void **state)
{
	(void)state;
	const char *d = "{\"linux\":{\"devices\":[{\"path\":\"/dev/a\",\"type\":\"c\"},{\"path\":\"/dev/a\",\"type\":\"c\",\"major\":1}]}}";
	sd_check_result r = run("gvisor-20250915", d, d);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors[0], "duplicate device found in the spec [{/dev/a c 0 0 <nil> <nil> <nil>} {/dev/a c 1 0 <nil> <nil> <nil>}] before checkpoint for container c1");
	sd_check_result_release(&r);
}

static void test_parse_message(void **state)
{
	(void)state;
	sd_gvisor_msg m;
	assert_true(sd_gvisor_parse_message(
		"starting container: restoring container \"ta-01\": failed to validate restore spec: "
		"Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]\n", &m));
	assert_int_equal(m.kind, SD_GVMSG_MISMATCH);
	assert_string_equal(m.field, "Sysctl");
	assert_string_equal(m.container, "__no_name_0");
	assert_string_equal(m.old_text, "map[]");
	assert_string_equal(m.new_text, "map[]");
	assert_string_equal(sd_gvisor_field_paths(m.field)[0], "/linux/sysctl");
	sd_gvisor_msg_release(&m);
	assert_true(sd_gvisor_parse_message(
		"Namespace does not match across checkpoint restore for container: c, checkpoint [{pid } {network }] restore [{pid }], got error length mismatch", &m));
	assert_string_equal(m.field, "Namespace");
	assert_string_equal(m.detail, "length mismatch");
	assert_string_equal(m.old_text, "[{pid } {network }]");
	assert_string_equal(m.new_text, "[{pid }]");
	sd_gvisor_msg_release(&m);
	assert_true(sd_gvisor_parse_message(
		"specs.Linux.Resources has been changed during restore, err Resources.Unified does not match across checkpoint restore for container: c, checkpoint map[a:1] restore map[]", &m));
	assert_int_equal(m.kind, SD_GVMSG_RESOURCES_WARNING);
	assert_string_equal(m.field, "Resources.Unified");
	sd_gvisor_msg_release(&m);
	assert_false(sd_gvisor_parse_message("something else entirely", &m));
	assert_null(sd_gvisor_field_paths("Nope"));
	const sd_profile *p2024 = sd_gvisor_profile_find("gvisor-2024");
	const sd_profile *p1210 = sd_gvisor_profile_find("gvisor-20241210");
	assert_non_null(strstr(sd_gvisor_field_rule(p2024, "Sysctl"), "random order"));
	assert_non_null(strstr(sd_gvisor_field_rule(p1210, "Sysctl"), "nil == empty"));
	assert_string_equal(sd_gvisor_field_rule(p2024, "Capabilities"), "not compared");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profiles),
		cmocka_unit_test(test_rdma_always_mismatches),
		cmocka_unit_test(test_random_order_lists_all_sorted),
		cmocka_unit_test(test_args_modes),
		cmocka_unit_test(test_devices_duplicate),
		cmocka_unit_test(test_parse_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
