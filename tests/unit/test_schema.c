/* test_schema.c - the generated specs.Spec type table and encoding/json's
 * key matching (schema.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/gvisor.h"
#include "specdiff/schema.h"

/* The facts below are those of specs-go v1.2.1, named, not "the engine's
 * version" (which follows the newest profile). */
static const sd_type *v121(void)
{
	return sd_schema_oci_version("v1.2.1");
}

/* The engine decodes with the newest profile's types. */
static void test_engine_is_newest_profile(void **state)
{
	(void)state;
	const sd_profile *newest = sd_gvisor_profile_at(sd_gvisor_profile_count() - 1);
	assert_ptr_equal(sd_schema_oci(), sd_schema_oci_version(newest->specs_go));
	assert_ptr_equal(sd_schema_lookup("/linux"), sd_schema_lookup_in(sd_schema_oci(), "/linux"));
}

static const sd_type *look(const char *path)
{
	const sd_type *t = sd_schema_lookup_in(v121(), path);
	if (!t)
		fail_msg("no type at %s", path);
	return t;
}

static void test_root_is_spec_in_go_order(void **state)
{
	static const char *const order[] = { "ociVersion", "process", "root", "hostname",
		"domainname", "mounts", "hooks", "annotations", "linux", "solaris", "windows",
		"vm", "zos" };
	const sd_type *s = v121();
	(void)state;
	assert_int_equal(s->kind, SD_GO_STRUCT);
	assert_string_equal(s->go_type, "specs.Spec");
	assert_int_equal(s->nfields, 13);
	for (size_t i = 0; i < 13; i++)
		assert_string_equal(s->fields[i].json_name, order[i]);
	assert_string_equal(s->fields[0].go_name, "Version");
	assert_false(s->fields[0].omitempty);
	assert_true(s->fields[1].omitempty);
	assert_ptr_equal(sd_schema_lookup_in(s, ""), s);
}

static void test_kinds_and_spellings(void **state)
{
	(void)state;
	assert_int_equal(look("/process")->kind, SD_GO_PTR);
	assert_string_equal(look("/process")->go_type, "*specs.Process");
	assert_int_equal(look("/process")->elem->kind, SD_GO_STRUCT);
	assert_string_equal(look("/process")->elem->go_type, "specs.Process");
	assert_int_equal(look("/process/user")->kind, SD_GO_STRUCT);
	assert_int_equal(look("/linux/sysctl")->kind, SD_GO_MAP);
	assert_string_equal(look("/linux/sysctl")->go_type, "map[string]string");
	assert_int_equal(look("/linux/sysctl")->elem->kind, SD_GO_STRING);
	assert_int_equal(look("/process/rlimits/*/hard")->kind, SD_GO_UINT);
	assert_int_equal(look("/process/rlimits/*/hard")->bits, 64);
	assert_int_equal(look("/process/user/uid")->bits, 32);
	assert_int_equal(look("/process/consoleSize/height")->bits, 64);
	assert_int_equal(look("/linux/resources/pids/limit")->kind, SD_GO_INT);
	assert_int_equal(look("/windows/credentialSpec")->kind, SD_GO_IFACE);
	assert_string_equal(look("/windows/credentialSpec")->go_type, "interface {}");
	assert_string_equal(look("/linux/seccomp/architectures/*")->go_type, "specs.Arch");
	assert_int_equal(look("/linux/seccomp/architectures/*")->kind, SD_GO_STRING);
	assert_string_equal(look("/linux/seccomp/flags/*")->go_type, "specs.LinuxSeccompFlag");
	/* known from specs-go v1.2.0 on */
	const sd_type *rc1 = sd_schema_oci_version("v1.1.0-rc.1");
	assert_null(sd_schema_lookup_in(rc1, "/linux/timeOffsets"));
	assert_null(sd_schema_lookup_in(rc1, "/process/scheduler"));
	assert_string_equal(sd_schema_lookup_in(sd_schema_oci_version("v1.2.0"), "/linux/timeOffsets")->go_type,
			    "map[string]specs.LinuxTimeOffset");
	assert_null(sd_schema_lookup_in(sd_schema_oci_version("v1.2.0"), "/process/execCPUAffinity"));
	assert_non_null(sd_schema_lookup_in(sd_schema_oci_version("v1.2.1"), "/process/execCPUAffinity"));
	assert_non_null(sd_schema_lookup_in(sd_schema_oci_version("v1.3.0"), "/linux/netDevices"));
	assert_null(sd_schema_lookup_in(sd_schema_oci_version("v1.2.1"), "/linux/netDevices"));
	assert_null(sd_schema_lookup("/nope"));
	assert_null(sd_schema_oci_version("v9"));
}

static void test_pointer_to_scalar_pointee(void **state)
{
	const sd_type *fm = look("/linux/devices/*/fileMode");
	const sd_type *lim = look("/linux/resources/memory/limit");
	const sd_type *umask = look("/process/user/umask");
	const sd_type *oom = look("/process/oomScoreAdj");
	(void)state;
	assert_int_equal(fm->kind, SD_GO_PTR);
	assert_string_equal(fm->go_type, "*fs.FileMode");
	assert_int_equal(fm->elem->kind, SD_GO_UINT);
	assert_int_equal(fm->elem->bits, 32);
	assert_string_equal(fm->elem->go_type, "fs.FileMode");
	assert_int_equal(lim->elem->kind, SD_GO_INT);
	assert_string_equal(lim->elem->go_type, "int64");
	assert_int_equal(umask->elem->kind, SD_GO_UINT);
	assert_int_equal(umask->elem->bits, 32);
	assert_int_equal(oom->elem->kind, SD_GO_INT);
	assert_int_equal(oom->elem->bits, 64);
	assert_int_equal(look("/linux/resources/memory/disableOOMKiller")->elem->kind, SD_GO_BOOL);
	assert_int_equal(look("/linux/resources/blockIO/weight")->elem->bits, 16);
}

static void test_set_like_and_omitempty(void **state)
{
	static const char *const sets[] = { "/process/capabilities/bounding",
		"/process/capabilities/effective", "/process/capabilities/inheritable",
		"/process/capabilities/permitted", "/process/capabilities/ambient",
		"/mounts/*/options", "/linux/namespaces", "/linux/uidMappings",
		"/linux/gidMappings", "/process/rlimits", "/linux/devices",
		"/process/user/additionalGids", "/process/env" };
	static const char *const ordered[] = { "/process/args", "/mounts", "/linux/maskedPaths",
		"/linux/seccomp/syscalls", "/linux/seccomp/syscalls/*/names", "/hooks/prestart",
		"/linux/resources/devices", "/mounts/*/uidMappings", "/hooks/prestart/*/env" };
	const sd_type *sec = look("/linux/seccomp/syscalls/*");
	const sd_type *win = look("/windows")->elem;
	(void)state;
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
		assert_true(look(sets[i])->set_like);
	for (size_t i = 0; i < sizeof ordered / sizeof *ordered; i++)
		assert_false(look(ordered[i])->set_like);
	assert_false(sd_type_field(sec, "names")->omitempty);
	assert_true(sd_type_field(sec, "args")->omitempty);
	assert_false(sd_type_field(win, "layerFolders")->omitempty);
	assert_true(sd_type_field(win, "devices")->omitempty);
}

static void test_embedded_fields_flattened(void **state)
{
	const sd_type *wd = look("/linux/resources/blockIO/weightDevice/*");
	(void)state;
	assert_int_equal(wd->nfields, 4);
	assert_string_equal(wd->fields[0].json_name, "major");
	assert_string_equal(wd->fields[1].json_name, "minor");
	assert_string_equal(wd->fields[2].json_name, "weight");
	assert_string_equal(wd->fields[3].json_name, "leafWeight");
	assert_string_equal(wd->go_type, "specs.LinuxWeightDevice");
}

static const char *match(const sd_type *t, const char *key)
{
	const sd_field *f = sd_type_match_key(t, key, strlen(key));
	return f ? f->json_name : NULL;
}

static void test_match_key_folding(void **state)
{
	const sd_type *spec = v121();
	const sd_type *mem = look("/linux/resources/memory")->elem;
	const sd_type *rdt = look("/linux/intelRdt")->elem;
	(void)state;
	assert_string_equal(match(spec, "hostname"), "hostname");
	assert_string_equal(match(spec, "HOSTNAME"), "hostname");
	assert_string_equal(match(spec, "Process"), "process");
	assert_string_equal(match(spec, "OCIVERSION"), "ociVersion");
	/* U+017F LATIN SMALL LETTER LONG S folds to s */
	assert_string_equal(match(spec, "ho\xC5\xBFtname"), "hostname");
	assert_string_equal(match(spec, "HO\xC5\xBFTNAME"), "hostname");
	/* U+212A KELVIN SIGN folds to k */
	assert_string_equal(match(mem, "\xE2\x84\xAA" "ernel"), "kernel");
	assert_string_equal(match(mem, "KERNELtcp"), "kernelTCP");
	/* but not where the name has no s / k */
	assert_null(match(spec, "\xC5\xBF" "oot"));
	assert_null(match(spec, "hostnam"));
	assert_null(match(spec, "hostnamee"));
	assert_null(match(spec, "host name"));
	assert_null(match(spec, "hostn\xFFme"));
	/* digits must match exactly, letters in any case */
	assert_string_equal(match(rdt, "L3CACHESCHEMA"), "l3CacheSchema");
	assert_null(match(rdt, "l4CacheSchema"));
	/* a NUL inside the key does not truncate it */
	assert_null(sd_type_match_key(spec, "root\0x", 6));
	assert_null(sd_type_match_key(look("/linux/sysctl"), "a", 1));
}

/* Go: exact match first, else the first field in declaration order. */
static void test_match_key_prefers_exact_then_order(void **state)
{
	static const sd_type str = { SD_GO_STRING, "string", "", 0, NULL, NULL, 0, false, false };
	static const sd_field fs[] = { { "ab", "A", &str, false }, { "AB", "B", &str, false } };
	static const sd_type t = { SD_GO_STRUCT, "x.T", "", 0, NULL, fs, 2, false, false };
	(void)state;
	assert_string_equal(match(&t, "AB"), "AB");
	assert_string_equal(match(&t, "ab"), "ab");
	assert_string_equal(match(&t, "Ab"), "ab");
	assert_string_equal(match(&t, "aB"), "ab");
}

static void test_type_field_and_dyn_types(void **state)
{
	(void)state;
	assert_non_null(sd_type_field(sd_schema_oci(), "linux"));
	assert_null(sd_type_field(sd_schema_oci(), "Linux"));
	assert_int_equal(sd_schema_iface()->kind, SD_GO_IFACE);
	assert_int_equal(sd_schema_dyn_float()->kind, SD_GO_FLOAT);
	assert_int_equal(sd_schema_dyn_map()->kind, SD_GO_MAP);
	assert_int_equal(sd_schema_dyn_map()->elem->kind, SD_GO_IFACE);
	assert_int_equal(sd_schema_dyn_slice()->elem->kind, SD_GO_IFACE);
	assert_string_equal(sd_schema_dyn_map()->go_type, "map[string]interface {}");
}

/* Every field's type is the one registered at its path, recursively. */
static size_t walk_checked;
static const sd_type *walk_root;

static void walk(const sd_type *t, const char *path)
{
	char sub[512];
	assert_non_null(t);
	walk_checked++;
	switch (t->kind) {
	case SD_GO_PTR:
		assert_non_null(t->elem);
		assert_string_equal(t->elem->path, path);
		assert_string_equal(t->go_type + 1, t->elem->go_type);
		walk(t->elem, path);
		break;
	case SD_GO_SLICE:
	case SD_GO_MAP:
		snprintf(sub, sizeof sub, "%s/*", path);
		assert_ptr_equal(sd_schema_lookup_in(walk_root, sub), t->elem);
		walk(t->elem, sub);
		break;
	case SD_GO_STRUCT:
		assert_true(t->nfields > 0);
		for (size_t i = 0; i < t->nfields; i++) {
			snprintf(sub, sizeof sub, "%s/%s", path, t->fields[i].json_name);
			assert_ptr_equal(sd_schema_lookup_in(walk_root, sub), t->fields[i].type);
			assert_string_equal(t->fields[i].type->path, sub);
			walk(t->fields[i].type, sub);
		}
		break;
	case SD_GO_INT:
	case SD_GO_UINT:
		assert_true(t->bits == 8 || t->bits == 16 || t->bits == 32 || t->bits == 64);
		break;
	default:
		break;
	}
}

static void test_table_consistent(void **state)
{
	(void)state;
	/* schema lines + the root + one pointee per pointer line, counted in
	 * core/oci-schema-VERSION.jsonl */
	static const struct { const char *v; int lines, pointers; } want[] = {
		{ "v1.1.0-rc.1", 323, 75 }, { "v1.2.0", 339, 77 },
		{ "v1.2.1", 341, 75 }, { "v1.3.0", 396, 88 },
	};
	assert_int_equal(sd_schema_version_count(), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const sd_type *root = sd_schema_oci_version(want[i].v);
		assert_string_equal(sd_schema_version_at(i), want[i].v);
		assert_string_equal(sd_schema_version_of(root), want[i].v);
		assert_true(sd_schema_is_oci(root));
		walk_checked = 0;
		walk_root = root;
		walk(root, "");
		assert_int_equal(walk_checked, want[i].lines + 1 + want[i].pointers);
	}
	assert_false(sd_schema_is_oci(sd_schema_iface()));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine_is_newest_profile),
		cmocka_unit_test(test_root_is_spec_in_go_order),
		cmocka_unit_test(test_kinds_and_spellings),
		cmocka_unit_test(test_pointer_to_scalar_pointee),
		cmocka_unit_test(test_set_like_and_omitempty),
		cmocka_unit_test(test_embedded_fields_flattened),
		cmocka_unit_test(test_match_key_folding),
		cmocka_unit_test(test_match_key_prefers_exact_then_order),
		cmocka_unit_test(test_type_field_and_dyn_types),
		cmocka_unit_test(test_table_consistent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
