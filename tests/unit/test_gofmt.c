/*
 * test_gofmt.c - %v and %#v of decoded specs against Go's real output
 * (recorded from Go 1.19 fmt on specs-go v1.1.0-rc.1, addresses scrubbed).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/doc.h"
#include "specdiff/gofmt.h"
#include "specdiff/goview.h"

static const char spec_json[] =
	"{\"ociVersion\":\"1.0.2\",\"root\":{\"path\":\"rootfs\",\"readonly\":true},"
	"\"process\":{\"args\":[\"sh\",\"-c\",\"echo \\\"hi\\\"\\tx\"],"
	"\"user\":{\"uid\":1,\"gid\":2,\"additionalGids\":[3]},\"oomScoreAdj\":5},"
	"\"linux\":{\"sysctl\":{\"b\":\"2\",\"a\":\"1\"},"
	"\"devices\":[{\"path\":\"/dev/fuse\",\"type\":\"c\",\"major\":10,\"minor\":229,\"fileMode\":438,\"uid\":0}],"
	"\"resources\":{\"blockIO\":{\"weight\":10,\"weightDevice\":[{\"major\":8,\"minor\":0,\"weight\":500}]},"
	"\"pids\":{\"limit\":5}},\"seccomp\":{\"architectures\":[\"SCMP_ARCH_X86_64\"]}},"
	"\"hooks\":{},\"annotations\":{},\"mounts\":[],"
	"\"hostname\":\"a\\u0000\\u00e9\\u2028\\u00a0\\ud83d\\ude00\\\\\\u007f\","
	"\"windows\":{\"layerFolders\":null,\"credentialSpec\":{\"a\":[1,1e21,null,\"x\",true],\"b\":{}}}}";

typedef struct fixture {
	sd_doc *doc;
	sd_goview *view;
} fixture;

static int setup(void **state)
{
	static fixture f;
	sd_error e;
	sd_load_opts o;
	memset(&o, 0, sizeof o);
	o.format = SD_FORMAT_JSON;
	f.doc = sd_doc_load_bytes("t.json", spec_json, strlen(spec_json), &o, &e);
	assert_non_null(f.doc);
	f.view = sd_goview_decode(f.doc, sd_schema_oci(), &e);
	assert_null(sd_goview_error(f.view));
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	sd_goview_free(f->view);
	sd_doc_free(f->doc);
	return 0;
}

/* The value at a JSON-name path ("linux/sysctl"), dereferencing pointers
 * on the way (but not the last one). */
static const sd_gv *at(void **state, const char *path)
{
	const sd_gv *v = sd_goview_root(((fixture *)*state)->view);
	char buf[256];
	strcpy(buf, path);
	for (char *save = NULL, *seg = strtok_r(buf, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (v->type->kind == SD_GO_PTR)
			v = sd_gv_deref(v);
		assert_non_null(v);
		if (v->type->kind == SD_GO_SLICE)
			v = &v->u.slice.items[0];
		else
			v = sd_gv_field(v, seg);
		assert_non_null(v);
	}
	return v;
}

static void expect(const sd_gv *v, bool sharp, const char *want, size_t want_len)
{
	sd_buf b = SD_BUF_INIT;
	if (sharp)
		sd_gofmt_sharp_v(&b, v);
	else
		sd_gofmt_v(&b, v);
	if (b.len != want_len || memcmp(b.data, want, want_len) != 0)
		fail_msg("got  %s\nwant %s", b.data, want);
	sd_buf_release(&b);
}
#define EXPECT_V(v, s) expect((v), false, (s), sizeof(s) - 1)
#define EXPECT_SHARP(v, s) expect((v), true, (s), sizeof(s) - 1)

static void test_maps(void **state)
{
	EXPECT_V(at(state, "linux/sysctl"), "map[a:1 b:2]");
	EXPECT_SHARP(at(state, "linux/sysctl"), "map[string]string{\"a\":\"1\", \"b\":\"2\"}");
	EXPECT_V(at(state, "annotations"), "map[]");
	EXPECT_SHARP(at(state, "annotations"), "map[string]string{}");
	EXPECT_SHARP(at(state, "process/env"), "[]string(nil)");
}

static void test_slices_and_strings(void **state)
{
	EXPECT_V(at(state, "process/args"), "[sh -c echo \"hi\"\tx]");
	EXPECT_SHARP(at(state, "process/args"), "[]string{\"sh\", \"-c\", \"echo \\\"hi\\\"\\tx\"}");
	EXPECT_SHARP(at(state, "mounts"), "[]specs.Mount{}");
	EXPECT_V(at(state, "linux/seccomp/architectures"), "[SCMP_ARCH_X86_64]");
	EXPECT_SHARP(at(state, "linux/seccomp/architectures"), "[]specs.Arch{\"SCMP_ARCH_X86_64\"}");
	EXPECT_V(at(state, "hostname"), "a\0\xc3\xa9\xe2\x80\xa8\xc2\xa0\xf0\x9f\x98\x80\\\x7f");
	EXPECT_SHARP(at(state, "hostname"), "\"a\\x00\xc3\xa9\\u2028\\u00a0\xf0\x9f\x98\x80\\\\\\x7f\"");
}

static void test_structs_and_pointers(void **state)
{
	EXPECT_V(sd_goview_root(((fixture *)*state)->view),
		 "{1.0.2 0xADDR 0xADDR a\0\xc3\xa9\xe2\x80\xa8\xc2\xa0\xf0\x9f\x98\x80\\\x7f  [] 0xADDR map[] 0xADDR <nil> 0xADDR <nil> <nil>}");
	EXPECT_SHARP(at(state, "root"), "&specs.Root{Path:\"rootfs\", Readonly:true}");
	EXPECT_V(at(state, "process/user"), "{1 2 <nil> [3] }");
	EXPECT_SHARP(at(state, "process/user"),
		     "specs.User{UID:0x1, GID:0x2, Umask:(*uint32)(nil), AdditionalGids:[]uint32{0x3}, Username:\"\"}");
	EXPECT_V(at(state, "linux/resources"), "&{[] <nil> <nil> 0xADDR 0xADDR [] <nil> map[] map[]}");
	EXPECT_SHARP(at(state, "hooks"),
		     "&specs.Hooks{Prestart:[]specs.Hook(nil), CreateRuntime:[]specs.Hook(nil), "
		     "CreateContainer:[]specs.Hook(nil), StartContainer:[]specs.Hook(nil), "
		     "Poststart:[]specs.Hook(nil), Poststop:[]specs.Hook(nil)}");
	EXPECT_V(at(state, "process/oomScoreAdj"), "0xADDR");
	EXPECT_SHARP(at(state, "process/oomScoreAdj"), "(*int)(0xADDR)");
}

static void test_filemode_and_embedded(void **state)
{
	EXPECT_V(at(state, "linux/devices"), "[{/dev/fuse c 10 229 -rw-rw-rw- 0xADDR <nil>}]");
	EXPECT_SHARP(at(state, "linux/devices"),
		     "[]specs.LinuxDevice{specs.LinuxDevice{Path:\"/dev/fuse\", Type:\"c\", Major:10, Minor:229, "
		     "FileMode:(*fs.FileMode)(0xADDR), UID:(*uint32)(0xADDR), GID:(*uint32)(nil)}}");
	EXPECT_V(at(state, "linux/resources/blockIO/weightDevice"), "[{{8 0} 0xADDR <nil>}]");
	EXPECT_SHARP(at(state, "linux/resources/blockIO/weightDevice"),
		     "[]specs.LinuxWeightDevice{specs.LinuxWeightDevice{LinuxBlockIODevice:"
		     "specs.LinuxBlockIODevice{Major:8, Minor:0}, Weight:(*uint16)(0xADDR), LeafWeight:(*uint16)(nil)}}");
	sd_buf b = SD_BUF_INIT;
	sd_gofmt_filemode(&b, 0x80000000u | 0755);
	assert_string_equal(b.data, "drwxr-xr-x");
	sd_buf_release(&b);
}

static void test_interfaces_and_floats(void **state)
{
	EXPECT_V(at(state, "windows/credentialSpec"), "map[a:[1 1e+21 <nil> x true] b:map[]]");
	EXPECT_SHARP(at(state, "windows/credentialSpec"),
		     "map[string]interface {}{\"a\":[]interface {}{1, 1e+21, interface {}(nil), \"x\", true}, "
		     "\"b\":map[string]interface {}{}}");
	sd_buf b = SD_BUF_INIT;
	sd_gofmt_float_v(&b, 1000000.0);
	sd_buf_adds(&b, " ");
	sd_gofmt_float_v(&b, 123456789.0);
	sd_buf_adds(&b, " ");
	sd_gofmt_float_v(&b, 0.5);
	assert_string_equal(b.data, "1e+06 1.23456789e+08 0.5");
	sd_buf_release(&b);
}

static void test_quote_invalid_utf8(void **state)
{
	(void)state;
	sd_buf b = SD_BUF_INIT;
	sd_gofmt_quote(&b, "a\xff\xe2\x80", 4);
	assert_string_equal(b.data, "\"a\\xff\\xe2\\x80\"");
	sd_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_slices_and_strings),
		cmocka_unit_test(test_structs_and_pointers),
		cmocka_unit_test(test_filemode_and_embedded),
		cmocka_unit_test(test_interfaces_and_floats),
		cmocka_unit_test(test_quote_invalid_utf8),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
