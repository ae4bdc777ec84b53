/* test_goview.c - what Go holds after json.Unmarshal (goview.h): one test
 * per encoding/json rule, equality, round trip, Marshal, and the whole
 * conformance corpus's decode / strict / semantic verdicts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include <cmocka.h>
#include <jansson.h>

#include "specdiff/doc.h"
#include "specdiff/goview.h"

/* ---- helpers --------------------------------------------------------- */

#define MAXV 64
static sd_doc *docs[MAXV];
static sd_goview *views[MAXV];
static int nviews;
static sd_error last_err;

static int cleanup(void **state)
{
	(void)state;
	for (int i = 0; i < nviews; i++) {
		sd_goview_free(views[i]);
		sd_doc_free(docs[i]);
	}
	nviews = 0;
	return 0;
}

static sd_goview *view_as(const char *name, const char *text, size_t len, const sd_type *t)
{
	sd_error e;
	sd_load_opts o;
	memset(&o, 0, sizeof o);
	assert_true(nviews < MAXV);
	docs[nviews] = sd_doc_load_bytes(name, text, len, &o, &e);
	if (!docs[nviews])
		fail_msg("load %s: %s", name, e.msg);
	views[nviews] = sd_goview_decode(docs[nviews], t, &last_err);
	return views[nviews++];
}

/* Decodes JSON (or YAML when name ends in .yaml) into specs.Spec. */
static sd_goview *view(const char *name, const char *text)
{
	return view_as(name, text, strlen(text), sd_schema_oci());
}

static const sd_gv *root(const char *text)
{
	sd_goview *v = view("t.json", text);
	if (sd_goview_error(v))
		fail_msg("unexpected decode error: %s", sd_goview_error(v));
	return sd_goview_root(v);
}

static const char *err_of(const char *name, const char *text)
{
	return sd_goview_error(view(name, text));
}

/* The value at a JSON pointer, walking through non-nil pointers. */
static const sd_gv *at(const sd_gv *v, const char *ptr)
{
	char seg[256];
	while (v && *ptr == '/') {
		size_t n = strcspn(ptr + 1, "/");
		memcpy(seg, ptr + 1, n);
		seg[n] = '\0';
		ptr += n + 1;
		if (v->type->kind == SD_GO_PTR || v->type->kind == SD_GO_IFACE)
			v = sd_gv_deref(v);
		if (!v)
			return NULL;
		if (v->type->kind == SD_GO_STRUCT)
			v = sd_gv_field(v, seg);
		else if (v->type->kind == SD_GO_MAP)
			v = sd_gv_map_get(v, seg, n);
		else if (v->type->kind == SD_GO_SLICE)
			v = (size_t)atoi(seg) < v->u.slice.n ? &v->u.slice.items[atoi(seg)] : NULL;
		else
			return NULL;
	}
	return v;
}

static const sd_gv *must(const sd_gv *r, const char *ptr)
{
	const sd_gv *v = at(r, ptr);
	if (!v)
		fail_msg("nothing at %s", ptr);
	return v;
}

static const char *str_at(const sd_gv *r, const char *ptr)
{
	const sd_gv *v = must(r, ptr);
	if (v->type->kind == SD_GO_PTR || v->type->kind == SD_GO_IFACE)
		v = sd_gv_deref(v);
	assert_non_null(v);
	assert_int_equal(v->type->kind, SD_GO_STRING);
	assert_int_equal(strlen(v->u.str.s), v->u.str.len);
	return v->u.str.s;
}

static bool nil_at(const sd_gv *r, const char *ptr) { return must(r, ptr)->is_nil; }

/* ---- nil vs empty ---------------------------------------------------- */

static void test_map_nil_vs_empty(void **state)
{
	(void)state;
	assert_true(nil_at(root("{\"linux\":{}}"), "/linux/sysctl"));
	assert_true(nil_at(root("{\"linux\":{\"sysctl\":null}}"), "/linux/sysctl"));
	assert_false(nil_at(root("{\"linux\":{\"sysctl\":{}}}"), "/linux/sysctl"));
	assert_int_equal(sd_gv_len(must(root("{\"linux\":{\"sysctl\":{}}}"), "/linux/sysctl")), 0);
}

static void test_slice_nil_vs_empty(void **state)
{
	(void)state;
	assert_true(nil_at(root("{\"process\":{}}"), "/process/env"));
	assert_true(nil_at(root("{\"process\":{\"env\":null}}"), "/process/env"));
	assert_false(nil_at(root("{\"process\":{\"env\":[]}}"), "/process/env"));
	assert_false(sd_gv_deep_equal(root("{\"process\":{\"env\":[]}}"), root("{\"process\":{}}")));
	assert_true(sd_gv_semantic_equal(root("{\"process\":{\"env\":[]}}"), root("{\"process\":{}}")));
}

static void test_pointer_to_zero_struct(void **state)
{
	const sd_gv *a, *b;
	(void)state;
	a = root("{\"linux\":{\"resources\":{}}}");
	b = root("{\"linux\":{}}");
	assert_true(nil_at(b, "/linux/resources"));
	assert_false(nil_at(a, "/linux/resources"));
	assert_true(sd_gv_is_zero(sd_gv_deref(must(a, "/linux/resources"))));
	assert_false(sd_gv_deep_equal(a, b));
	assert_false(sd_gv_semantic_equal(a, b));  /* EquateEmpty does not equate these */
	assert_true(nil_at(root("{\"process\":null}"), "/process"));
	assert_true(nil_at(root("{\"linux\":{\"resources\":{\"memory\":{\"limit\":null}}}}"),
			   "/linux/resources/memory/limit"));
	assert_int_equal(sd_gv_deref(must(root("{\"linux\":{\"resources\":{\"memory\":{\"limit\":0}}}}"),
					  "/linux/resources/memory/limit"))->u.i, 0);
}

static void test_iface_nil_vs_empty(void **state)
{
	const sd_gv *r;
	(void)state;
	assert_true(nil_at(root("{\"windows\":{\"credentialSpec\":null}}"), "/windows/credentialSpec"));
	r = root("{\"windows\":{\"credentialSpec\":{}}}");
	assert_false(nil_at(r, "/windows/credentialSpec"));
	assert_ptr_equal(sd_gv_deref(must(r, "/windows/credentialSpec"))->type, sd_schema_dyn_map());
	assert_false(sd_gv_semantic_equal(r, root("{\"windows\":{\"credentialSpec\":[]}}")));
	assert_false(sd_gv_semantic_equal(r, root("{\"windows\":{}}")));
}

/* ---- null ------------------------------------------------------------ */

static void test_null_is_noop_for_plain_fields(void **state)
{
	const sd_gv *r;
	(void)state;
	r = root("{\"hostname\":null,\"process\":{\"user\":null,\"terminal\":null,\"cwd\":null}}");
	assert_string_equal(str_at(r, "/hostname"), "");
	assert_true(sd_gv_is_zero(must(r, "/process/user")));
	assert_true(sd_gv_deep_equal(r, root("{\"process\":{}}")));
	r = root("{\"hostname\":\"a\",\"hostname\":null}");
	assert_string_equal(str_at(r, "/hostname"), "a");
	r = root("{\"process\":{\"user\":{\"uid\":5}},\"process\":{\"user\":null}}");
	assert_int_equal(must(r, "/process/user/uid")->u.u, 5);
}

static void test_null_in_string_slice_and_map(void **state)
{
	const sd_gv *r;
	(void)state;
	r = root("{\"process\":{\"args\":[\"a\",null]},\"annotations\":{\"k\":null}}");
	assert_int_equal(sd_gv_len(must(r, "/process/args")), 2);
	assert_string_equal(str_at(r, "/process/args/1"), "");
	assert_non_null(at(r, "/annotations/k"));
	assert_string_equal(str_at(r, "/annotations/k"), "");
	assert_int_equal(sd_gv_len(must(r, "/annotations")), 1);
}

/* ---- keys ------------------------------------------------------------ */

static void test_case_insensitive_fields(void **state)
{
	const sd_gv *want;
	(void)state;
	want = root("{\"hostname\":\"h\",\"linux\":{\"sysctl\":{\"a\":\"1\"}}}");
	assert_true(sd_gv_deep_equal(want, root("{\"HOSTNAME\":\"h\",\"Linux\":{\"SYSCTL\":{\"a\":\"1\"}}}")));
	assert_true(sd_gv_deep_equal(want, root("{\"ho\xC5\xBFtname\":\"h\",\"linux\":{\"\xC5\xBFysctl\":{\"a\":\"1\"}}}")));
	assert_true(sd_gv_deep_equal(want, root("{\"ho\\u017ftname\":\"h\",\"linux\":{\"sysctl\":{\"a\":\"1\"}}}")));
	want = root("{\"linux\":{\"resources\":{\"memory\":{\"kernel\":7}}}}");
	assert_true(sd_gv_deep_equal(want, root("{\"linux\":{\"resources\":{\"memory\":{\"\xE2\x84\xAA" "ernel\":7}}}}")));
	/* map keys stay case-sensitive */
	assert_int_equal(sd_gv_len(must(root("{\"annotations\":{\"A\":\"1\",\"a\":\"2\"}}"), "/annotations")), 2);
}

static void test_later_case_variant_wins(void **state)
{
	(void)state;
	assert_string_equal(str_at(root("{\"hostname\":\"a\",\"Hostname\":\"b\"}"), "/hostname"), "b");
	assert_string_equal(str_at(root("{\"Hostname\":\"b\",\"hostname\":\"a\"}"), "/hostname"), "a");
}

static const sd_gv *root_rc1(const char *text)
{
	sd_goview *v = view_as("t.json", text, strlen(text), sd_schema_oci_version("v1.1.0-rc.1"));
	if (sd_goview_error(v))
		fail_msg("unexpected decode error: %s", sd_goview_error(v));
	return sd_goview_root(v);
}

static void test_unknown_fields_dropped(void **state)
{
	(void)state;
	/* the runtime-spec 1.2 fields are unknown to specs-go v1.1.0-rc.1 */
	assert_true(sd_gv_deep_equal(root_rc1("{\"linux\":{\"timeOffsets\":{\"x\":1},\"sysctl\":{}},\"zzz\":[1,{}],"
					      "\"process\":{\"scheduler\":{\"policy\":\"x\"}}}"),
				     root_rc1("{\"linux\":{\"sysctl\":{}},\"process\":{}}")));
	assert_true(sd_gv_deep_equal(root("{\"linux\":{\"memoryPolicy\":{\"x\":1},\"sysctl\":{}},\"zzz\":[1,{}]}"),
				     root("{\"linux\":{\"sysctl\":{}}}")));
	/* a type error inside an unknown field is never seen */
	assert_null(err_of("t.json", "{\"linux\":{\"memoryPolicy\":\"not an object\"}}"));
	/* but v1.2.1 (the engine's types) knows timeOffsets */
	assert_non_null(err_of("t.json", "{\"linux\":{\"timeOffsets\":\"not an object\"}}"));
	assert_false(sd_gv_deep_equal(root("{\"linux\":{\"timeOffsets\":{}}}"), root("{\"linux\":{}}")));
}

/* ---- duplicate keys -------------------------------------------------- */

static void test_duplicate_objects_merge(void **state)
{
	const sd_gv *r;
	(void)state;
	r = root("{\"process\":{\"cwd\":\"/\",\"terminal\":true},\"process\":{\"args\":[\"sh\"]}}");
	assert_string_equal(str_at(r, "/process/cwd"), "/");
	assert_true(must(r, "/process/terminal")->u.boolean);
	assert_string_equal(str_at(r, "/process/args/0"), "sh");
	r = root("{\"linux\":{\"sysctl\":{\"a\":\"1\"}},\"linux\":{\"sysctl\":{}}}");
	assert_int_equal(sd_gv_len(must(r, "/linux/sysctl")), 1);
	r = root("{\"linux\":{\"sysctl\":{\"a\":\"1\",\"b\":\"2\"},\"sysctl\":{\"b\":\"3\",\"c\":\"4\"}}}");
	assert_int_equal(sd_gv_len(must(r, "/linux/sysctl")), 3);
	assert_string_equal(str_at(r, "/linux/sysctl/b"), "3");
	r = root("{\"linux\":{\"sysctl\":{\"a\":\"1\"},\"sysctl\":null}}");
	assert_true(nil_at(r, "/linux/sysctl"));
	r = root("{\"process\":{\"env\":[\"a\"],\"env\":[]}}");
	assert_false(nil_at(r, "/process/env"));
	assert_int_equal(sd_gv_len(must(r, "/process/env")), 0);
}

/* decode.go array(): elements are decoded into the existing slice. */
static void test_slice_reuse_through_capacity(void **state)
{
	const sd_gv *r, *env;
	(void)state;
	r = root("{\"mounts\":[{\"destination\":\"/a\",\"type\":\"bind\"},{\"destination\":\"/b\"}],"
		 "\"mounts\":[{\"destination\":\"/c\"}]}");
	assert_int_equal(sd_gv_len(must(r, "/mounts")), 1);
	assert_string_equal(str_at(r, "/mounts/0/destination"), "/c");
	assert_string_equal(str_at(r, "/mounts/0/type"), "bind");
	/* 5 elements: cap 4 -> 6; then len 1; then 7 nulls expose the stale
	 * b..e, index 5 was never set, index 6 needs a new array (cap 9). */
	r = root("{\"process\":{\"env\":[\"a\",\"b\",\"c\",\"d\",\"e\"],\"env\":[\"x\"],"
		 "\"env\":[null,null,null,null,null,null,null]}}");
	env = must(r, "/process/env");
	assert_int_equal(sd_gv_len(env), 7);
	assert_string_equal(env->u.slice.items[0].u.str.s, "x");
	assert_string_equal(env->u.slice.items[1].u.str.s, "b");
	assert_string_equal(env->u.slice.items[4].u.str.s, "e");
	assert_string_equal(env->u.slice.items[5].u.str.s, "");
	assert_string_equal(env->u.slice.items[6].u.str.s, "");
	assert_int_equal(env->u.slice.cap, 9);
	assert_int_equal(must(root("{\"process\":{\"env\":[\"a\"]}}"), "/process/env")->u.slice.cap, 4);
	/* [] drops the backing array */
	r = root("{\"process\":{\"env\":[\"a\",\"b\"],\"env\":[],\"env\":[null,null]}}");
	assert_string_equal(str_at(r, "/process/env/1"), "");
}

/* ---- strings --------------------------------------------------------- */

static void test_invalid_utf8_replaced(void **state)
{
	static const char src[] = "{\"hostname\":\"a\xFF" "b\",\"domainname\":\"\xE2\x82\","
				  "\"annotations\":{\"k\xC0\":\"\xED\xA0\x80\"}}";
	const sd_gv *r = sd_goview_root(view_as("t.json", src, sizeof src - 1, sd_schema_oci()));
	(void)state;
	assert_string_equal(str_at(r, "/hostname"), "a\xEF\xBF\xBD" "b");
	assert_string_equal(str_at(r, "/domainname"), "\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(str_at(r, "/annotations/k\xEF\xBF\xBD"),
			    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	/* different invalid bytes compare equal once replaced */
	assert_true(sd_gv_deep_equal(root("{\"hostname\":\"\xFE\"}"), root("{\"hostname\":\"\xFF\"}")));
	assert_false(sd_gv_deep_equal(root("{\"hostname\":\"e\xCC\x81\"}"), root("{\"hostname\":\"\xC3\xA9\"}")));
}

/* ---- numbers --------------------------------------------------------- */

static const char *pids(const char *num)
{
	static char buf[256];
	snprintf(buf, sizeof buf, "{\"linux\":{\"resources\":{\"pids\":{\"limit\":%s}}}}", num);
	return err_of("t.json", buf);
}

static const char *rlimit_hard(const char *num)
{
	static char buf[256];
	snprintf(buf, sizeof buf, "{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":%s}]}}", num);
	return err_of("t.json", buf);
}

static const char *uid(const char *num)
{
	static char buf[256];
	snprintf(buf, sizeof buf, "{\"process\":{\"user\":{\"uid\":%s}}}", num);
	return err_of("t.json", buf);
}

static void test_integer_rules(void **state)
{
	(void)state;
	assert_string_equal(pids("1.0"), "json: cannot unmarshal number 1.0 into Go struct field "
				       "LinuxPids.linux.resources.pids.limit of type int64");
	assert_non_null(pids("1e3"));
	assert_non_null(pids("4.242E3"));
	assert_null(pids("-0"));
	assert_null(pids("-9223372036854775808"));
	assert_string_equal(pids("9223372036854775808"), "json: cannot unmarshal number 9223372036854775808 "
				     "into Go struct field LinuxPids.linux.resources.pids.limit of type int64");
	assert_string_equal(rlimit_hard("-1"), "json: cannot unmarshal number -1 into Go struct field "
					 "POSIXRlimit.process.rlimits.hard of type uint64");
	assert_non_null(rlimit_hard("-0"));
	assert_non_null(rlimit_hard("18446744073709551616"));
	assert_null(rlimit_hard("18446744073709551615"));
	assert_null(uid("4294967295"));
	assert_string_equal(uid("4294967296"), "json: cannot unmarshal number 4294967296 into Go struct "
				 "field User.process.user.uid of type uint32");
	assert_int_equal(must(root("{\"process\":{\"rlimits\":[{\"hard\":18446744073709551615}]}}"),
			      "/process/rlimits/0/hard")->u.u, UINT64_MAX);
	assert_string_equal(err_of("t.json", "{\"linux\":{\"devices\":[{\"fileMode\":4294967296}]}}"),
			    "json: cannot unmarshal number 4294967296 into Go struct field "
			    "LinuxDevice.linux.devices.fileMode of type fs.FileMode");
	assert_string_equal(err_of("t.json", "{\"linux\":{\"resources\":{\"blockIO\":{\"weight\":65536}}}}"),
			    "json: cannot unmarshal number 65536 into Go struct field "
			    "LinuxBlockIO.linux.resources.blockIO.weight of type uint16");
}

static void test_type_mismatch_errors_keep_first(void **state)
{
	sd_goview *v;
	const sd_gv *r;
	(void)state;
	assert_string_equal(err_of("t.json", "{\"process\":{\"terminal\":\"true\"}}"),
			    "json: cannot unmarshal string into Go struct field Process.process.terminal of type bool");
	assert_string_equal(err_of("t.json", "{\"hostname\":{}}"),
			    "json: cannot unmarshal object into Go struct field Spec.hostname of type string");
	assert_string_equal(err_of("t.json", "{\"hostname\":5}"),
			    "json: cannot unmarshal number into Go struct field Spec.hostname of type string");
	assert_string_equal(err_of("t.json", "{\"linux\":{\"sysctl\":[]}}"),
			    "json: cannot unmarshal array into Go struct field Linux.linux.sysctl of type map[string]string");
	assert_string_equal(err_of("t.json", "{\"linux\":{\"sysctl\":{\"a\":true}}}"),
			    "json: cannot unmarshal bool into Go struct field Linux.linux.sysctl of type string");
	assert_string_equal(err_of("t.json", "[]"), "json: cannot unmarshal array into Go value of type specs.Spec");
	assert_string_equal(err_of("t.json", "{\"mounts\":[\"x\"]}"),
			    "json: cannot unmarshal string into Go struct field Spec.mounts of type specs.Mount");
	/* weightDevice embeds LinuxBlockIODevice: the error names the outer struct */
	assert_string_equal(err_of("t.json", "{\"linux\":{\"resources\":{\"blockIO\":{\"weightDevice\":[{\"major\":1.5}]}}}}"),
			    "json: cannot unmarshal number 1.5 into Go struct field "
			    "LinuxWeightDevice.linux.resources.blockIO.weightDevice.major of type int64");
	/* decoding goes on after an error; the first error is kept */
	v = view("t.json", "{\"process\":{\"terminal\":1,\"cwd\":\"/x\"},\"hostname\":true}");
	assert_string_equal(sd_goview_error(v),
			    "json: cannot unmarshal number into Go struct field Process.process.terminal of type bool");
	r = sd_goview_root(v);
	assert_string_equal(str_at(r, "/process/cwd"), "/x");
	assert_int_equal(last_err.line, 1);
	assert_int_equal(last_err.col, 24);
	/* the pointer is allocated before the value is checked */
	r = sd_goview_root(view("t.json", "{\"linux\":{\"resources\":{\"memory\":{\"limit\":\"x\"}}}}"));
	assert_false(nil_at(r, "/linux/resources/memory/limit"));
}

static void test_credential_spec_floats(void **state)
{
	const sd_gv *a, *b, *c;
	(void)state;
	a = root("{\"windows\":{\"credentialSpec\":{\"n\":10}}}");
	b = root("{\"windows\":{\"credentialSpec\":{\"n\":1e1}}}");
	c = root("{\"windows\":{\"credentialSpec\":{\"n\":10.0}}}");
	assert_true(sd_gv_deep_equal(a, b));
	assert_true(sd_gv_deep_equal(a, c));
	assert_false(sd_gv_deep_equal(a, root("{\"windows\":{\"credentialSpec\":{\"n\":10.5}}}")));
	assert_true(sd_gv_deep_equal(root("{\"windows\":{\"credentialSpec\":-0.0}}"),
				     root("{\"windows\":{\"credentialSpec\":0}}")));
	assert_ptr_equal(sd_gv_deref(must(a, "/windows/credentialSpec/n"))->type, sd_schema_dyn_float());
	assert_non_null(err_of("t.json", "{\"windows\":{\"credentialSpec\":[1e400]}}"));
	/* later duplicate keys replace inside interface{} maps */
	a = root("{\"windows\":{\"credentialSpec\":{\"n\":1,\"n\":{\"x\":true}}}}");
	assert_ptr_equal(sd_gv_deref(must(a, "/windows/credentialSpec/n"))->type, sd_schema_dyn_map());
	/* a later object replaces (no merging into interface{}) */
	a = root("{\"windows\":{\"credentialSpec\":{\"a\":1},\"credentialSpec\":{\"b\":2}}}");
	assert_int_equal(sd_gv_len(sd_gv_deref(must(a, "/windows/credentialSpec"))), 1);
}

static void test_schema_none(void **state)
{
	sd_goview *a, *b;
	(void)state;
	a = view_as("t.json", "{\"x\":9007199254740993,\"y\":null}", 31, sd_schema_iface());
	b = view_as("t.json", "{\"x\":9007199254740992,\"y\":null}", 31, sd_schema_iface());
	assert_null(sd_goview_error(a));
	assert_true(sd_gv_deep_equal(sd_goview_root(a), sd_goview_root(b)));
	b = view_as("t.json", "{\"x\":9007199254740992}", 22, sd_schema_iface());
	assert_false(sd_gv_deep_equal(sd_goview_root(a), sd_goview_root(b)));
	a = view_as("t.json", "1e999", 5, sd_schema_iface());
	assert_string_equal(sd_goview_error(a), "json: cannot unmarshal number 1e999 into Go value of type float64");
}

/* ---- YAML ------------------------------------------------------------ */

static void test_yaml_rules(void **state)
{
	const sd_gv *r;
	(void)state;
	r = sd_goview_root(view("t.yaml", "linux:\n  resources:\n    pids:\n      limit: 4096.0\n"));
	assert_int_equal(sd_gv_deref(must(r, "/linux/resources/pids"))->u.fields[0].u.i, 4096);
	assert_null(err_of("t.yaml", "linux:\n  resources:\n    pids:\n      limit: 2048e0\n"));
	assert_non_null(err_of("t.yaml", "process:\n  terminal: yes\n"));
	assert_null(err_of("t.yaml", "process:\n  terminal: true\n"));
	assert_non_null(err_of("t.yaml", "hostname: a\nhostname: b\n"));
	assert_non_null(strstr(err_of("t.yaml", "hostname: a\nhostname: b\n"), "already defined at line 1"));
	assert_non_null(err_of("t.yaml", "linux:\n  resources:\n    pids:\n      limit: .inf\n"));
	assert_non_null(err_of("t.yaml", "process:\n  rlimits:\n  - hard: 18446744073709551616\n"));
	/* json.Marshal sorts the keys: "Hostname" < "hostname", so hostname wins */
	r = sd_goview_root(view("t.yaml", "hostname: a\nHostname: b\n"));
	assert_string_equal(str_at(r, "/hostname"), "a");
	r = sd_goview_root(view("t.yaml", "linux:\n  sysctl:\n"));
	assert_true(nil_at(r, "/linux/sysctl"));
	assert_true(sd_gv_deep_equal(sd_goview_root(view("t.yaml", "")), root("{}")));
}

/* ---- equality, order ------------------------------------------------- */

static void test_semantic_set_like(void **state)
{
	(void)state;
	assert_true(sd_gv_semantic_equal(root("{\"process\":{\"env\":[\"A=1\",\"B=2\"]}}"),
					 root("{\"process\":{\"env\":[\"B=2\",\"A=1\"]}}")));
	assert_false(sd_gv_deep_equal(root("{\"process\":{\"env\":[\"A=1\",\"B=2\"]}}"),
				      root("{\"process\":{\"env\":[\"B=2\",\"A=1\"]}}")));
	assert_false(sd_gv_semantic_equal(root("{\"process\":{\"args\":[\"a\",\"b\"]}}"),
					  root("{\"process\":{\"args\":[\"b\",\"a\"]}}")));
	assert_false(sd_gv_semantic_equal(root("{\"process\":{\"env\":[\"a\",\"a\",\"b\"]}}"),
					  root("{\"process\":{\"env\":[\"a\",\"b\",\"b\"]}}")));
	assert_true(sd_gv_semantic_equal(
		root("{\"linux\":{\"namespaces\":[{\"type\":\"pid\"},{\"type\":\"net\",\"path\":\"/x\"}]}}"),
		root("{\"linux\":{\"namespaces\":[{\"type\":\"net\",\"path\":\"/x\"},{\"type\":\"pid\"}]}}")));
	assert_true(sd_gv_semantic_equal(root("{\"mounts\":[{\"destination\":\"/a\",\"options\":[]}]}"),
					 root("{\"mounts\":[{\"destination\":\"/a\"}]}")));
	assert_true(sd_gv_semantic_equal(root("{\"mounts\":[{\"destination\":\"/a\",\"options\":[\"ro\",\"x\"]}]}"),
					 root("{\"mounts\":[{\"destination\":\"/a\",\"options\":[\"x\",\"ro\"]}]}")));
	assert_false(sd_gv_semantic_equal(root("{\"mounts\":[{\"destination\":\"/a\"},{\"destination\":\"/b\"}]}"),
					  root("{\"mounts\":[{\"destination\":\"/b\"},{\"destination\":\"/a\"}]}")));
	assert_true(sd_gv_semantic_equal(root("{\"windows\":{\"credentialSpec\":{\"a\":[]}}}"),
					 root("{\"windows\":{\"credentialSpec\":{\"a\":[]}}}")));
}

static void test_compare_orders(void **state)
{
	const sd_gv *r;
	const sd_gv *it;
	(void)state;
	r = root("{\"linux\":{\"devices\":[{\"path\":\"/a\",\"fileMode\":1},{\"path\":\"/a\"},"
		 "{\"path\":\"/b\"},{\"path\":\"/a\",\"major\":2}]}}");
	it = must(r, "/linux/devices")->u.slice.items;
	assert_true(sd_gv_compare(&it[1], &it[0]) < 0);  /* nil fileMode first */
	assert_true(sd_gv_compare(&it[0], &it[2]) < 0);  /* path first */
	assert_true(sd_gv_compare(&it[1], &it[3]) < 0);  /* then major */
	assert_true(sd_gv_compare(&it[3], &it[0]) > 0);
	assert_int_equal(sd_gv_compare(&it[0], &it[0]), 0);
	r = root("{\"process\":{\"rlimits\":[{\"type\":\"A\",\"hard\":2,\"soft\":1},{\"type\":\"A\",\"hard\":1,\"soft\":9}]}}");
	it = must(r, "/process/rlimits")->u.slice.items;
	assert_true(sd_gv_compare(&it[1], &it[0]) < 0);
}

/* ---- round trip and Marshal ------------------------------------------ */

static void test_roundtrip(void **state)
{
	sd_goview *v, *rt;
	const sd_gv *r;
	(void)state;
	v = view("t.json", "{\"linux\":{\"sysctl\":{},\"resources\":{},\"seccomp\":{\"syscalls\":[{\"names\":[]}]},"
		 "\"maskedPaths\":[]},\"windows\":{\"layerFolders\":[],\"credentialSpec\":{\"x\":1.5,\"y\":[]}},"
		 "\"hostname\":\"h\\u0000\xFF\"}");
	rt = sd_goview_roundtrip(v);
	r = sd_goview_root(rt);
	assert_true(nil_at(r, "/linux/sysctl"));
	assert_true(nil_at(r, "/linux/maskedPaths"));
	assert_false(nil_at(r, "/linux/resources"));
	assert_false(nil_at(r, "/linux/seccomp/syscalls/0/names"));
	assert_false(nil_at(r, "/windows/layerFolders"));
	assert_false(nil_at(r, "/windows/credentialSpec/y"));
	assert_true(sd_gv_deref(must(r, "/windows/credentialSpec/x"))->u.f == 1.5);
	assert_false(sd_gv_deep_equal(sd_goview_root(v), r));
	assert_true(sd_gv_semantic_equal(sd_goview_root(v), r));
	sd_goview_free(v);  /* the copy does not borrow the original view */
	views[nviews - 1] = rt;
	assert_int_equal(sd_gv_len(must(r, "/hostname")), 5);
	assert_memory_equal(must(r, "/hostname")->u.str.s, "h\0\xEF\xBF\xBD", 5);
}

static void test_marshal(void **state)
{
	sd_buf b = SD_BUF_INIT;
	const sd_gv *r;
	(void)state;
	r = root("{\"ociVersion\":\"1\",\"process\":{\"cwd\":\"/\",\"env\":[],\"user\":{}},"
		 "\"annotations\":{\"b\":\"<&>\",\"a\":\"\\n\\u0001\\u2028\"},\"linux\":{\"sysctl\":{}},"
		 "\"windows\":{\"credentialSpec\":{\"f\":1e21,\"g\":0.000001,\"h\":100}}}");
	sd_gv_marshal_json(&b, r, true);
	assert_string_equal(b.data,
		"{\"ociVersion\":\"1\",\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\"},"
		"\"annotations\":{\"a\":\"\\n\\u0001\\u2028\",\"b\":\"<&>\"},\"linux\":{},"
		"\"windows\":{\"layerFolders\":null,\"credentialSpec\":{\"f\":1e+21,\"g\":0.000001,\"h\":100}}}");
	sd_buf_reset(&b);
	sd_gv_marshal_json(&b, must(r, "/linux"), false);
	assert_non_null(strstr(b.data, "\"sysctl\":{}"));
	assert_non_null(strstr(b.data, "\"resources\":null"));
	assert_non_null(strstr(b.data, "\"uidMappings\":null"));
	sd_buf_reset(&b);
	sd_gv_marshal_json(&b, must(r, "/process/env"), true);
	assert_string_equal(b.data, "[]");
	sd_buf_release(&b);
}

static void test_pick_type(void **state)
{
	sd_error e;
	sd_load_opts o;
	sd_doc *d;
	(void)state;
	memset(&o, 0, sizeof o);
#define LOAD(text) sd_doc_load_bytes("x.json", text, strlen(text), &o, &e)
	d = LOAD("{\"OCIVERSION\":\"1\"}");
	assert_non_null(d);
	assert_ptr_equal(sd_goview_pick_type(d, SD_SCHEMA_AUTO), sd_schema_oci());
	assert_ptr_equal(sd_goview_pick_type(d, SD_SCHEMA_NONE), sd_schema_iface());
	sd_doc_free(d);
	d = LOAD("{\"root\":{},\"a\":1}");
	assert_non_null(d);
	assert_ptr_equal(sd_goview_pick_type(d, SD_SCHEMA_AUTO), sd_schema_iface());
	assert_ptr_equal(sd_goview_pick_type(d, SD_SCHEMA_OCI), sd_schema_oci());
	sd_doc_free(d);
	d = LOAD("{\"root\":{},\"Mounts\":1}");
	assert_non_null(d);
	assert_ptr_equal(sd_goview_pick_type(d, SD_SCHEMA_AUTO), sd_schema_oci());
	sd_doc_free(d);
	d = LOAD("[1]");
	assert_non_null(d);
	assert_ptr_equal(sd_goview_pick_type(d, SD_SCHEMA_AUTO), sd_schema_iface());
	sd_doc_free(d);
}

/* ---- the conformance corpus ------------------------------------------ */

static bool side_path(const char *dir, const char *side, char *out, size_t n)
{
	static const char *const ext[] = { "json", "yaml", "yml" };
	for (size_t i = 0; i < 3; i++) {
		FILE *f;
		snprintf(out, n, "%s/%s.%s", dir, side, ext[i]);
		if ((f = fopen(out, "rb")) != NULL) {
			fclose(f);
			return true;
		}
	}
	return false;
}

/* Loads and decodes one side; NULL when Go's decode would fail. */
static sd_goview *corpus_side(const char *path, sd_doc **doc)
{
	sd_error e;
	sd_load_opts o;
	sd_goview *v;
	memset(&o, 0, sizeof o);
	*doc = sd_doc_load_input(path, &o, &e);
	if (!*doc)
		return NULL;
	v = sd_goview_decode(*doc, sd_schema_oci(), &e);
	if (sd_goview_error(v)) {
		sd_goview_free(v);
		return NULL;
	}
	return v;
}

static size_t renderings;

/* json.Marshal of every diff's left/right node equals the oracle's. */
static int check_renderings(const char *dir, json_t *exp, const sd_gv *l, const sd_gv *r)
{
	size_t i;
	json_t *d;
	int bad = 0;
	json_array_foreach(json_object_get(exp, "diffs"), i, d) {
		for (int side = 0; side < 2; side++) {
			json_t *want = json_object_get(d, side ? "right" : "left"), *got;
			char path[512];
			const sd_gv *v;
			sd_buf b = SD_BUF_INIT;
			json_error_t je;
			if (!want)
				continue;
			snprintf(path, sizeof path, "%s", json_string_value(json_object_get(d, "path")));
			if (strchr(path, '~'))
				continue;  /* keys with / or ~: at() does not unescape */
			if (strcmp(path, "/") == 0)
				path[0] = '\0';
			renderings++;
			v = at(side ? r : l, path);
			if (!v) {
				print_error("%s: no value at %s\n", dir, path);
				bad = 1;
				continue;
			}
			sd_gv_marshal_json(&b, v, true);
			got = json_loads(b.data, JSON_DECODE_INT_AS_REAL | JSON_DECODE_ANY, &je);
			if (!got || !json_equal(got, want)) {
				print_error("%s: %s renders as %s\n", dir, path, b.data);
				bad = 1;
			}
			json_decref(got);
			sd_buf_release(&b);
		}
	}
	return bad;
}

static int check_case(const char *dir)
{
	char lp[600], rp[600], ep[600];
	json_error_t je;
	json_t *exp;
	sd_doc *ld = NULL, *rd = NULL;
	sd_goview *l, *r;
	int bad = 0;
	snprintf(ep, sizeof ep, "%s/expected.json", dir);
	exp = json_load_file(ep, JSON_DECODE_INT_AS_REAL, &je);
	if (!exp || !side_path(dir, "left", lp, sizeof lp) || !side_path(dir, "right", rp, sizeof rp)) {
		print_error("%s: unreadable case\n", dir);
		json_decref(exp);
		return 1;
	}
	l = corpus_side(lp, &ld);
	r = corpus_side(rp, &rd);
	if ((l == NULL) != !json_is_null(json_object_get(json_object_get(exp, "decode"), "left")) ||
	    (r == NULL) != !json_is_null(json_object_get(json_object_get(exp, "decode"), "right"))) {
		print_error("%s: decode failure flags differ (ours L=%d R=%d)\n", dir, !l, !r);
		bad = 1;
	} else if (l && r) {
		bool strict = json_is_true(json_object_get(exp, "strict_equal"));
		bool sem = json_is_true(json_object_get(exp, "semantic_equal"));
		if (sd_gv_deep_equal(sd_goview_root(l), sd_goview_root(r)) != strict) {
			print_error("%s: strict_equal differs\n", dir);
			bad = 1;
		}
		if (sd_gv_semantic_equal(sd_goview_root(l), sd_goview_root(r)) != sem) {
			print_error("%s: semantic_equal differs\n", dir);
			bad = 1;
		}
		bad |= check_renderings(dir, exp, sd_goview_root(l), sd_goview_root(r));
	}
	sd_goview_free(l);
	sd_goview_free(r);
	sd_doc_free(ld);
	sd_doc_free(rd);
	json_decref(exp);
	return bad;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_corpus_verdicts(void **state)
{
	const char *base = getenv("SD_CASES") ? getenv("SD_CASES") : "tests/conformance/cases";
	DIR *dir = opendir(base);
	struct dirent *de;
	char *names[1024];
	size_t n = 0, failed = 0;
	(void)state;
	if (!dir)
		fail_msg("cannot open %s", base);
	while ((de = readdir(dir)) != NULL && n < 1024)
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(dir);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", base, names[i]);
		failed += (size_t)check_case(path);
		free(names[i]);
	}
	print_message("corpus: %zu of %zu cases agree with Go's decode/strict/semantic verdicts "
		      "(%zu json.Marshal renderings checked)\n", n - failed, n, renderings);
	assert_true(renderings > 100);
	assert_true(n >= 150);
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_map_nil_vs_empty, cleanup),
		cmocka_unit_test_teardown(test_slice_nil_vs_empty, cleanup),
		cmocka_unit_test_teardown(test_pointer_to_zero_struct, cleanup),
		cmocka_unit_test_teardown(test_iface_nil_vs_empty, cleanup),
		cmocka_unit_test_teardown(test_null_is_noop_for_plain_fields, cleanup),
		cmocka_unit_test_teardown(test_null_in_string_slice_and_map, cleanup),
		cmocka_unit_test_teardown(test_case_insensitive_fields, cleanup),
		cmocka_unit_test_teardown(test_later_case_variant_wins, cleanup),
		cmocka_unit_test_teardown(test_unknown_fields_dropped, cleanup),
		cmocka_unit_test_teardown(test_duplicate_objects_merge, cleanup),
		cmocka_unit_test_teardown(test_slice_reuse_through_capacity, cleanup),
		cmocka_unit_test_teardown(test_invalid_utf8_replaced, cleanup),
		cmocka_unit_test_teardown(test_integer_rules, cleanup),
		cmocka_unit_test_teardown(test_type_mismatch_errors_keep_first, cleanup),
		cmocka_unit_test_teardown(test_credential_spec_floats, cleanup),
		cmocka_unit_test_teardown(test_schema_none, cleanup),
		cmocka_unit_test_teardown(test_yaml_rules, cleanup),
		cmocka_unit_test_teardown(test_semantic_set_like, cleanup),
		cmocka_unit_test_teardown(test_compare_orders, cleanup),
		cmocka_unit_test_teardown(test_roundtrip, cleanup),
		cmocka_unit_test_teardown(test_marshal, cleanup),
		cmocka_unit_test(test_pick_type),
		cmocka_unit_test(test_corpus_verdicts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
