/*
 * test_gvisor.c - profile table, release mapping, validator behaviours that
 * the corpus exercises little (rdma pointer compare, random-order errors,
 * argv[0] rules, resources warnings, nvidia devices) and the findings'
 * fields and "next" errors.  Expected
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

static void load_as(side *s, const char *json, const sd_type *types)
{
	sd_error e;
	sd_load_opts o;
	memset(&o, 0, sizeof o);
	o.format = SD_FORMAT_JSON;
	s->doc = sd_doc_load_bytes("t.json", json, strlen(json), &o, &e);
	assert_non_null(s->doc);
	s->view = sd_goview_decode(s->doc, types, &e);
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
	load_as(&a, old_json, sd_gvisor_profile_types(p));
	load_as(&b, new_json, sd_gvisor_profile_types(p));
	sd_gvisor_run(p, sd_goview_root(a.view), sd_goview_root(b.view), "c1", &r);
	unload(&a);
	unload(&b);
	return r;
}

static void test_profiles(void **state)
{
	(void)state;
	/* Windows are contiguous, oldest first, and each names types with a table. */
	for (size_t i = 0; i < sd_gvisor_profile_count(); i++) {
		const sd_profile *p = sd_gvisor_profile_at(i);
		assert_ptr_equal(sd_gvisor_profile_for_release(p->first_release), p);
		assert_ptr_equal(sd_gvisor_profile_for_release(p->last_release), p);
		assert_non_null(sd_schema_oci_version(p->specs_go));
		assert_true(sd_schema_is_oci(sd_gvisor_profile_types(p)));
		assert_false(sd_gvisor_release_beyond(p->last_release));
	}
	assert_null(sd_gvisor_profile_find("gvisor-1999"));
	assert_null(sd_gvisor_profile_for_release("release-20241103.0"));
	assert_null(sd_gvisor_profile_for_release("20250101"));
	assert_null(sd_gvisor_profile_for_release("release-2025010.0"));
	assert_string_equal(sd_gvisor_profile_for_release("release-20241104.0")->name, "gvisor-2024");
	assert_string_equal(sd_gvisor_profile_for_release("release-20241209.3")->name, "gvisor-20241202");
	assert_string_equal(sd_gvisor_profile_for_release("release-20250101.0")->name, "gvisor-20241217");
	assert_string_equal(sd_gvisor_profile_for_release("release-20250304.0")->name, "gvisor-20250304");
	assert_string_equal(sd_gvisor_profile_for_release("release-20260202.1")->name, "gvisor-20260202");
	const sd_profile *newest = sd_gvisor_profile_at(sd_gvisor_profile_count() - 1);
	assert_ptr_equal(sd_gvisor_profile_for_release("release-20990101.0"), newest);
	assert_true(sd_gvisor_release_beyond("release-20990101.0"));
	assert_false(sd_gvisor_release_beyond("nonsense"));
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

/* Findings are data: each message comes with its field; runsc stops at
 * the first error, the later checks' findings are "next". */
static void test_findings(void **state)
{
	(void)state;
	const char *o = "{\"ociVersion\":\"1\",\"process\":{\"cwd\":\"/a\"},"
			"\"linux\":{\"sysctl\":{\"a\":\"1\"},\"resources\":{\"pids\":{\"limit\":1}},"
			"\"maskedPaths\":[\"/x\"]}}";
	const char *n = "{\"ociVersion\":\"1\",\"process\":{\"cwd\":\"/b\"},"
			"\"linux\":{\"sysctl\":{},\"resources\":{\"pids\":{\"limit\":2}}}}";
	sd_check_result r = run("gvisor-20250915", o, n);
	assert_false(r.pass);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.error_fields[0], "Cwd");
	assert_string_equal(r.errors[0], "Cwd does not match across checkpoint restore for container: c1, checkpoint /a restore /b");
	/* runsc never logs the Resources warning: it stopped at Cwd */
	assert_int_equal(r.nwarnings, 0);
	assert_int_equal(r.nnext, 3);
	assert_string_equal(r.next_fields[0], "Sysctl");
	assert_false(r.next_is_warning[0]);
	assert_string_equal(r.next_fields[1], "Resources");
	assert_true(r.next_is_warning[1]);
	assert_non_null(strstr(r.next[1], "specs.Linux.Resources has been changed during restore, err Resources does not match"));
	assert_string_equal(r.next_fields[2], "Linux");
	sd_check_result_release(&r);
	/* a pass has no "next" */
	r = run("gvisor-20250915", o, o);
	assert_true(r.pass);
	assert_int_equal(r.nnext, 0);
	sd_check_result_release(&r);
	/* map order: every possible first error stays in errors, sorted, fields alongside */
	r = run("gvisor-2024", "{\"linux\":{\"sysctl\":{}},\"process\":{\"user\":{\"uid\":1}}}",
		"{\"linux\":{},\"process\":{}}");
	assert_int_equal(r.nerrors, 2);
	assert_string_equal(r.error_fields[0], "Sysctl");
	assert_string_equal(r.error_fields[1], "User");
	sd_check_result_release(&r);
}

/* The nvidia frontend rule (nvidia.go): basename nvidia<N>, N <= 247,
 * major 195, minor N; the lists without them keep nil / empty as Clone and
 * DeleteFunc leave them. */
static void test_nvidia_frontend(void **state)
{
	(void)state;
	const char *nv0 = "{\"linux\":{\"devices\":[{\"path\":\"/dev/nvidia0\",\"type\":\"c\",\"major\":195,\"minor\":0}]}}";
	const char *none = "{\"linux\":{}}";
	sd_check_result r = run("gvisor-20260706", nv0, none);
	assert_true(r.pass);
	sd_check_result_release(&r);
	r = run("gvisor-20260601", nv0, none);
	assert_false(r.pass);
	assert_string_equal(r.errors[0], "\"Devices\" does not match across checkpoint restore for container: \"c1\", checkpoint "
		"[]specs.LinuxDevice{specs.LinuxDevice{Path:\"/dev/nvidia0\", Type:\"c\", Major:195, Minor:0, "
		"FileMode:(*fs.FileMode)(nil), UID:(*uint32)(nil), GID:(*uint32)(nil)}} restore []specs.LinuxDevice(nil), "
		"got error length mismatch");
	sd_check_result_release(&r);
	static const char *const kept[] = {
		/* minor 248 is past the regular range */
		"{\"linux\":{\"devices\":[{\"path\":\"/dev/nvidia248\",\"type\":\"c\",\"major\":195,\"minor\":248}]}}",
		/* the minor must be N */
		"{\"linux\":{\"devices\":[{\"path\":\"/dev/nvidia1\",\"type\":\"c\",\"major\":195,\"minor\":0}]}}",
		/* not major 195 */
		"{\"linux\":{\"devices\":[{\"path\":\"/dev/nvidia0\",\"type\":\"c\",\"major\":196,\"minor\":0}]}}",
		/* nvidiactl is no frontend device */
		"{\"linux\":{\"devices\":[{\"path\":\"/dev/nvidiactl\",\"type\":\"c\",\"major\":195,\"minor\":255}]}}",
		/* N too big for uint32 */
		"{\"linux\":{\"devices\":[{\"path\":\"/dev/nvidia99999999999\",\"type\":\"c\",\"major\":195,\"minor\":0}]}}",
	};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		r = run("gvisor-20260706", kept[i], none);
		assert_false(r.pass);
		sd_check_result_release(&r);
	}
	/* leading zeros and any directory: ParseUint and filepath.Base */
	r = run("gvisor-20260706", "{\"linux\":{\"devices\":[{\"path\":\"/x/nvidia007\",\"type\":\"c\",\"major\":195,\"minor\":7}]}}", none);
	assert_true(r.pass);
	sd_check_result_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profiles),
		cmocka_unit_test(test_rdma_always_mismatches),
		cmocka_unit_test(test_random_order_lists_all_sorted),
		cmocka_unit_test(test_args_modes),
		cmocka_unit_test(test_devices_duplicate),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_nvidia_frontend),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
