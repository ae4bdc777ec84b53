/* test_explain.c - parsing and explaining runsc restore errors (explain.h). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "specdiff/explain.h"
#include "specdiff/gofmt.h"
#include "specdiff/gvisor.h"

#define MISMATCH " does not match across checkpoint restore for container: "

static void parse_ok(const char *text, sd_runsc_error *e)
{
	sd_error err;
	sd_error_clear(&err);
	if (sd_runsc_error_parse(text, e, &err) != 0)
		fail_msg("not understood: %s\n  text: %s", err.msg, text);
}

static bool has_line(char **v, size_t n, const char *needle)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(v[i], needle))
			return true;
	return false;
}

/* The incident line of DESIGN section 1, wrapped as it was pasted. */
static const char incident[] =
	"starting container: restoring container \"ta-01JE9T1CYP1RK3DHNC021PYWWF\":\n"
	"    Sysctl does not match across checkpoint restore for container: __no_name_0,\n"
	"    checkpoint map[] restore map[]\n";

static void test_incident(void **state)
{
	(void)state;
	sd_runsc_error e;
	sd_explanation x;

	parse_ok(incident, &e);
	assert_int_equal(e.kind, SD_RUNSC_MISMATCH);
	assert_int_equal(e.format, SD_RUNSC_FMT_V);
	assert_string_equal(e.field, "Sysctl");
	assert_string_equal(e.container, "__no_name_0");
	assert_string_equal(e.restoring, "ta-01JE9T1CYP1RK3DHNC021PYWWF");
	assert_string_equal(e.checkpoint, "map[]");
	assert_string_equal(e.restore, "map[]");
	assert_null(e.got_error);
	assert_non_null(e.info);
	assert_string_equal(e.info->paths[0], "/linux/sysctl");
	assert_null(e.info->paths[1]);

	sd_explain(&e, &x);
	assert_true(x.alike);
	assert_true(x.alike_why & SD_ALIKE_NIL_EMPTY_MAP);
	assert_false(x.alike_why & SD_ALIKE_NIL_EMPTY_SLICE);
	assert_true(has_line(x.reasons, x.nreasons, "reflect.DeepEqual"));
	assert_true(has_line(x.reasons, x.nreasons, "map[string]string(nil)"));
	assert_true(has_line(x.fixes, x.nfixes, "normalize --like"));
	assert_true(has_line(x.fixes, x.nfixes, "release-20241210.0"));
	assert_true(has_line(x.fixes, x.nfixes, "--restore-spec-validation=warning"));
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);
}

static void test_newer_format(void **state)
{
	(void)state;
	sd_runsc_error e;
	sd_explanation x;

	parse_ok("failed to validate spec for container \"web\": \"Mounts\"" MISMATCH "\"__no_name_0\", checkpoint "
		 "[]specs.Mount{specs.Mount{Destination:\"/proc restore x\", Type:\"proc\", Source:\"proc\", Options:[]string(nil)}}"
		 " restore []specs.Mount{}", &e);
	assert_int_equal(e.format, SD_RUNSC_FMT_GOSYNTAX);
	assert_string_equal(e.field, "Mounts");
	assert_string_equal(e.container, "__no_name_0");
	assert_string_equal(e.spec_container, "web");
	/* " restore " inside a quoted string is not the split point */
	assert_string_equal(e.checkpoint,
			    "[]specs.Mount{specs.Mount{Destination:\"/proc restore x\", Type:\"proc\", Source:\"proc\", Options:[]string(nil)}}");
	assert_string_equal(e.restore, "[]specs.Mount{}");
	sd_runsc_error_release(&e);

	parse_ok("\"Sysctl\"" MISMATCH "\"__no_name_0\", checkpoint map[string]string(nil) restore map[string]string{}", &e);
	assert_string_equal(e.field, "Sysctl");
	sd_explain(&e, &x);
	assert_false(x.alike);
	assert_non_null(x.nil_side);
	assert_string_equal(x.nil_side, "checkpoint");
	assert_true(has_line(x.fixes, x.nfixes, "both empty"));
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);

	parse_ok("\"Linux\"" MISMATCH "\"a\\\"b\", checkpoint []string{} restore []string(nil)", &e);
	assert_string_equal(e.container, "a\"b");
	sd_explain(&e, &x);
	assert_string_equal(x.nil_side, "restore");
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);
}

static void test_got_error_and_prefixes(void **state)
{
	(void)state;
	sd_runsc_error e;
	sd_explanation x;

	parse_ok("failed to validate restore spec: Namespace" MISMATCH "__no_name_0, checkpoint [{pid } {network }] "
		 "restore [{pid }], got error length mismatch", &e);
	assert_true(e.restore_spec_prefix);
	assert_string_equal(e.field, "Namespace");
	assert_string_equal(e.checkpoint, "[{pid } {network }]");
	assert_string_equal(e.restore, "[{pid }]");
	assert_string_equal(e.got_error, "length mismatch");
	sd_explain(&e, &x);
	assert_false(x.alike);
	assert_true(has_line(x.reasons, x.nreasons, "compares lengths"));
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);

	parse_ok("OCI Version" MISMATCH "__no_name_0, checkpoint 1.1.0 restore 1.2.0", &e);
	assert_string_equal(e.field, "OCI Version");
	assert_false(e.restore_spec_prefix);
	assert_non_null(e.info);
	assert_string_equal(e.info->paths[0], "/ociVersion");
	sd_runsc_error_release(&e);

	/* a log prefix glued to the field with "] " */
	parse_ok("W1129 01:02:03.000000  1 restore.go:90] Capabilities.Bounding" MISMATCH
		 "c1, checkpoint [CAP_KILL CAP_KILL] restore [CAP_KILL CAP_KILL], got error duplicate value", &e);
	assert_string_equal(e.field, "Capabilities.Bounding");
	assert_string_equal(e.container, "c1");
	assert_string_equal(e.got_error, "duplicate value");
	sd_runsc_error_release(&e);
}

static void test_ambiguous_split_prefers_alike(void **state)
{
	(void)state;
	sd_runsc_error e;
	parse_ok("Args" MISMATCH "c, checkpoint [/app restore now] restore [/app restore now]", &e);
	assert_string_equal(e.checkpoint, "[/app restore now]");
	assert_string_equal(e.restore, "[/app restore now]");
	sd_runsc_error_release(&e);
}

static void test_log_wrapper(void **state)
{
	(void)state;
	sd_runsc_error e;
	parse_ok("time=\"2026-11-29T01:02:03Z\" level=error msg=\"restore failed\" error=\"starting container: "
		 "restoring container \\\"ta-1\\\": Sysctl" MISMATCH "__no_name_0, checkpoint map[] restore map[]\" pid=7", &e);
	assert_string_equal(e.restoring, "ta-1");
	assert_string_equal(e.restore, "map[]");
	sd_runsc_error_release(&e);
}

static void test_duplicate_device(void **state)
{
	(void)state;
	sd_runsc_error e;
	sd_explanation x;
	parse_ok("duplicate device found in the spec [{/dev/fuse c 10 229 -rw-rw-rw- 0xADDR 0xADDR} "
		 "{/dev/fuse c 10 229 -rw-rw-rw- 0xADDR 0xADDR}] before checkpoint for container __no_name_0", &e);
	assert_int_equal(e.kind, SD_RUNSC_DUP_DEVICE);
	assert_string_equal(e.field, "Devices");
	assert_string_equal(e.container, "__no_name_0");
	assert_null(e.restore);
	assert_string_equal(e.info->paths[0], "/linux/devices");
	sd_explain(&e, &x);
	assert_true(has_line(x.reasons, x.nreasons, "twice"));
	assert_true(has_line(x.fixes, x.nfixes, "checkpoint anew"));
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);
}

static void test_resources_warning(void **state)
{
	(void)state;
	sd_runsc_error e;
	sd_explanation x;
	parse_ok("specs.Linux.Resources has been changed during restore, err Resources.Rdma" MISMATCH
		 "__no_name_0, checkpoint map[mlx5_1:{0xADDR 0xADDR}] restore map[mlx5_1:{0xADDR 0xADDR}]", &e);
	assert_int_equal(e.kind, SD_RUNSC_RESOURCES_WARN);
	assert_string_equal(e.field, "Resources.Rdma");
	sd_explain(&e, &x);
	assert_true(x.alike);
	assert_true(x.alike_why & SD_ALIKE_RDMA);
	assert_true(x.alike_why & SD_ALIKE_POINTERS);
	assert_true(has_line(x.reasons, x.nreasons, "warning, not the failure"));
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);
}

static void test_args_warning(void **state)
{
	(void)state;
	sd_runsc_error e;
	sd_explanation x;
	parse_ok("Validating args with the exec paths, old: ./payments-api new: /app/payments-api", &e);
	assert_int_equal(e.kind, SD_RUNSC_ARGS_WARN);
	assert_string_equal(e.checkpoint, "./payments-api");
	assert_string_equal(e.restore, "/app/payments-api");
	sd_explain(&e, &x);
	assert_false(x.alike);
	assert_true(has_line(x.reasons, x.nreasons, "basename"));
	assert_false(has_line(x.fixes, x.nfixes, "--restore-spec-validation"));
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);
}

static void test_not_understood(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",
		"permission denied",
		"Sysctl" MISMATCH "__no_name_0",
		"Sysctl" MISMATCH "__no_name_0, checkpoint map[]",
		" does not match across checkpoint restore for container: x, checkpoint a restore b",
		"duplicate device found in the spec [{/dev/fuse c}]",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sd_runsc_error e;
		sd_error err;
		sd_error_clear(&err);
		if (sd_runsc_error_parse(bad[i], &e, &err) == 0)
			fail_msg("understood garbage: %s", bad[i]);
		assert_true(strstr(err.msg, "expected") != NULL);
	}
}

static void test_unknown_field_still_parses(void **state)
{
	(void)state;
	sd_runsc_error e;
	sd_explanation x;
	parse_ok("Hostname" MISMATCH "c, checkpoint a restore b", &e);
	assert_string_equal(e.field, "Hostname");
	assert_null(e.info);
	sd_explain(&e, &x);
	assert_true(has_line(x.reasons, x.nreasons, "does not know"));
	sd_explanation_release(&x);
	sd_runsc_error_release(&e);
}

/* Every prefix and suffix of some messages parses or fails cleanly (ASan
 * and valgrind watch the reads). */
static void test_truncation_sweep(void **state)
{
	(void)state;
	static const char *const texts[] = {
		incident,
		"failed to validate spec for container \"w\": \"Mounts\"" MISMATCH "\"c\", checkpoint []specs.Mount{specs.Mount{Destination:\"/x\\\"y\"}} restore []specs.Mount(nil), got error invalid mount in the restore spec",
		"duplicate device found in the spec [{/dev/a c}] before checkpoint for container \"x\"",
		"specs.Linux.Resources has been changed during restore, err Resources" MISMATCH "c, checkpoint <nil> restore &{}",
		"err=\"restoring container \\\"a\\\": Sysctl" MISMATCH "c, checkpoint map[] restore map[]\"",
		"Validating args with the exec paths, old: ./a new: /b/a",
	};
	size_t ok = 0;
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		size_t n = strlen(texts[t]);
		for (size_t i = 0; i <= n; i++) {
			char *head = strndup(texts[t], i);
			sd_runsc_error e;
			sd_error err;
			for (int k = 0; k < 2; k++) {
				const char *in = k ? texts[t] + i : head;
				if (sd_runsc_error_parse(in, &e, &err) == 0) {
					sd_explanation x;
					sd_explain(&e, &x);
					sd_explanation_release(&x);
					sd_runsc_error_release(&e);
					ok++;
				}
			}
			free(head);
		}
	}
	assert_true(ok > 0);
}

static void test_table(void **state)
{
	(void)state;
	assert_true(sd_explain_field_count() >= 25);
	for (size_t i = 0; i < sd_explain_field_count(); i++) {
		const sd_explain_field *f = sd_explain_field_at(i);
		assert_ptr_equal(sd_explain_field_find(f->name), f);
		assert_non_null(f->paths[0]);
		assert_non_null(f->rules[0].first);
		for (size_t r = 0; r < SD_EXPLAIN_MAX_RULES && f->rules[r].first; r++) {
			if (!sd_gvisor_profile_find(f->rules[r].first) || !sd_gvisor_profile_find(f->rules[r].last))
				fail_msg("%s: unknown profile in %s..%s", f->name, f->rules[r].first, f->rules[r].last);
		}
		if (f->tolerant_from && !sd_gvisor_profile_find(f->tolerant_from))
			fail_msg("%s: unknown profile %s", f->name, f->tolerant_from);
	}
	const sd_explain_field *s = sd_explain_field_find("Sysctl");
	assert_true(sd_explain_field_covers(s, "/linux/sysctl"));
	assert_true(sd_explain_field_covers(s, "/linux/sysctl/net.ipv4.ip_forward"));
	assert_false(sd_explain_field_covers(s, "/linux/sysctlx"));
	assert_false(sd_explain_field_covers(s, "/linux"));
	assert_true(sd_explain_field_covers(sd_explain_field_find("Linux"), "/linux/maskedPaths/0"));
	assert_null(sd_explain_field_find("sysctl"));
}

/* Every error and warning string of the corpus parses, names a known
 * field, and splits back into exactly the original text. */
static void check_corpus_string(const char *s, size_t *count)
{
	sd_runsc_error e;
	char buf[1 << 16];

	parse_ok(s, &e);
	if (!e.info)
		fail_msg("unknown field %s in: %s", e.field, s);
	if (e.kind == SD_RUNSC_ARGS_WARN)
		snprintf(buf, sizeof buf, "Validating args with the exec paths, old: %s new: %s", e.checkpoint, e.restore);
	else if (e.kind == SD_RUNSC_DUP_DEVICE)
		snprintf(buf, sizeof buf, "duplicate device found in the spec %s before checkpoint for container %s",
			 e.checkpoint, e.container);
	else {
		/* the %q/%#v format quotes the field and the container */
		sd_buf f = SD_BUF_INIT, c = SD_BUF_INIT;
		if (e.format == SD_RUNSC_FMT_GOSYNTAX) {
			sd_gofmt_quote(&f, e.field, strlen(e.field));
			sd_gofmt_quote(&c, e.container, strlen(e.container));
		} else {
			sd_buf_adds(&f, e.field);
			sd_buf_adds(&c, e.container);
		}
		snprintf(buf, sizeof buf, "%s%s" MISMATCH "%s, checkpoint %s restore %s%s%s",
			 e.kind == SD_RUNSC_RESOURCES_WARN ? "specs.Linux.Resources has been changed during restore, err " : "",
			 f.data, c.data, e.checkpoint, e.restore,
			 e.got_error ? ", got error " : "", e.got_error ? e.got_error : "");
		sd_buf_release(&f);
		sd_buf_release(&c);
	}
	if (strcmp(buf, s) != 0)
		fail_msg("split differs:\n  in:  %s\n  out: %s", s, buf);
	sd_runsc_error_release(&e);
	(*count)++;
}

static void check_corpus_list(json_t *list, size_t *count)
{
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v)
		check_corpus_string(json_string_value(v), count);
}

static void check_corpus_case(const char *file, size_t *count)
{
	json_error_t je;
	/* diffs may hold integers beyond int64 and U+0000 */
	json_t *root = json_load_file(file, JSON_DECODE_INT_AS_REAL | JSON_ALLOW_NUL, &je);
	const char *views[] = { "gvisor", "gvisor_roundtrip" };
	if (!root)
		fail_msg("%s: %s", file, je.text);
	for (size_t k = 0; k < 2; k++) {
		json_t *g = json_object_get(root, views[k]);
		const char *name;
		json_t *prof;
		json_object_foreach(g, name, prof) {
			check_corpus_list(json_object_get(prof, "errors"), count);
			check_corpus_list(json_object_get(prof, "warnings"), count);
		}
	}
	json_decref(root);
}

static void test_corpus_messages(void **state)
{
	(void)state;
	const char *dir = "tests/conformance/cases";
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t count = 0, n = 0;
	static char *names[4096];
	if (!d)
		skip();
	while ((de = readdir(d)) != NULL) {
		char path[1024];
		if (de->d_name[0] == '.' || n == 4096)
			continue;
		snprintf(path, sizeof path, "%s/%s/expected.json", dir, de->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		fclose(f);
		names[n++] = strdup(path);
	}
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		check_corpus_case(names[i], &count);
		free(names[i]);
	}
	assert_true(count > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_incident),
		cmocka_unit_test(test_newer_format),
		cmocka_unit_test(test_got_error_and_prefixes),
		cmocka_unit_test(test_ambiguous_split_prefers_alike),
		cmocka_unit_test(test_log_wrapper),
		cmocka_unit_test(test_duplicate_device),
		cmocka_unit_test(test_resources_warning),
		cmocka_unit_test(test_args_warning),
		cmocka_unit_test(test_not_understood),
		cmocka_unit_test(test_unknown_field_still_parses),
		cmocka_unit_test(test_truncation_sweep),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_corpus_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
