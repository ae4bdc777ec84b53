/* test_normalize.c - the document builder (doc.h) and normalization
 * (normalize.h): unit cases, then the properties of DESIGN section 6 over
 * every conformance corpus file and pair and over generated specs:
 *   - output loads back semantically equal to its input (every --empty x
 *     --order);
 *   - --empty omit output is strictly equal to the input's Go round trip;
 *   - --like R on L is strictly equal to R when L and R are semantically
 *     equal (and --like-roundtrip to R's round trip);
 *   - normalizing the output again gives the same bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include <cmocka.h>

#include "specdiff/doc.h"
#include "specdiff/goview.h"
#include "specdiff/normalize.h"
#include "specdiff/write.h"

/* ---- helpers --------------------------------------------------------- */

typedef struct side {
	sd_doc *doc;
	sd_goview *view;
} side;

static void side_free(side *s)
{
	sd_goview_free(s->view);
	sd_doc_free(s->doc);
	s->view = NULL;
	s->doc = NULL;
}

/* Loads and decodes (type NULL: auto); false when either fails. */
static bool side_text(side *s, const char *name, const char *text, size_t len, const sd_type *t)
{
	sd_error e;
	memset(s, 0, sizeof *s);
	s->doc = sd_doc_load_bytes(name, text, len, NULL, &e);
	if (!s->doc)
		return false;
	s->view = sd_goview_decode(s->doc, t ? t : sd_goview_pick_type(s->doc, SD_SCHEMA_AUTO), &e);
	return sd_goview_error(s->view) == NULL;
}

static bool side_file(side *s, const char *path)
{
	sd_error e;
	memset(s, 0, sizeof *s);
	s->doc = sd_doc_load_input(path, NULL, &e);
	if (!s->doc)
		return false;
	/* the corpus holds OCI specs only, whatever they look like */
	s->view = sd_goview_decode(s->doc, sd_schema_oci(), &e);
	return sd_goview_error(s->view) == NULL;
}

static const sd_gv *root(const side *s) { return sd_goview_root(s->view); }
static bool is_oci(const side *s) { return root(s)->type == sd_schema_oci(); }

static sd_doc *norm(const side *s, sd_empty_mode em, sd_order_mode om, const sd_gv *like)
{
	sd_normalize_opts o = { .empty = em, .order = om, .like = like };
	sd_error e;
	sd_doc *d = sd_normalize(s->doc, s->view, is_oci(s), &o, NULL, &e);
	if (!d)
		fail_msg("%s: %s", sd_doc_name(s->doc), e.msg);
	return d;
}

/* Serialises d in its own format and loads + decodes the text as type t. */
static void reload(const sd_doc *d, const sd_type *t, sd_buf *text, side *back)
{
	sd_write_opts wo = { sd_doc_format(d), 2, false, SD_JSON_ESCAPE_WRITER };
	sd_buf_reset(text);
	sd_write_node(text, sd_doc_root(d), &wo);
	const char *name = sd_doc_format(d) == SD_FORMAT_YAML ? "out.yaml" : "out.json";
	if (!side_text(back, name, text->data, text->len, t))
		fail_msg("%s: normalized output does not load back:\n%s", sd_doc_name(d), text->data);
}

static int checks;

static void check(bool ok, const char *what, const char *name, const sd_buf *text)
{
	checks++;
	if (!ok)
		fail_msg("%s: %s\noutput:\n%.3000s", name, what, text ? text->data : "");
}

/* ---- the properties on one input ------------------------------------- */

static void props_one(const side *s)
{
	static const sd_empty_mode em[] = { SD_EMPTY_KEEP, SD_EMPTY_OMIT, SD_EMPTY_EXPLICIT };
	static const sd_order_mode om[] = { SD_ORDER_SOURCE, SD_ORDER_GO, SD_ORDER_SORTED };
	const sd_type *t = root(s)->type;
	const char *name = sd_doc_name(s->doc);
	sd_goview *rt = sd_goview_roundtrip(s->view);
	sd_buf first = SD_BUF_INIT, second = SD_BUF_INIT;
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < 3; j++) {
			side back, again;
			sd_doc *d = norm(s, em[i], om[j], NULL);
			reload(d, t, &first, &back);
			check(sd_gv_semantic_equal(root(s), root(&back)), "not semantically equal", name, &first);
			if (em[i] == SD_EMPTY_OMIT)
				check(sd_gv_deep_equal(sd_goview_root(rt), root(&back)),
				      "--empty omit differs from Go's round trip", name, &first);
			if (em[i] == SD_EMPTY_KEEP && om[j] == SD_ORDER_SOURCE)
				check(sd_gv_deep_equal(root(s), root(&back)), "keep/source changed a value",
				      name, &first);
			sd_doc *d2 = norm(&back, em[i], om[j], NULL);
			reload(d2, t, &second, &again);
			check(first.len == second.len && !memcmp(first.data, second.data, first.len),
			      "normalizing twice changes the output", name, &second);
			side_free(&again);
			sd_doc_free(d2);
			side_free(&back);
			sd_doc_free(d);
		}
	sd_goview_free(rt);
	sd_buf_release(&first);
	sd_buf_release(&second);
}

/* --like: the result of L like R is strictly equal to R (R's round trip
 * with like_rt), and normalizing it again changes nothing. */
static void props_like(const side *l, const side *r, bool like_rt)
{
	sd_goview *rt = like_rt ? sd_goview_roundtrip(r->view) : NULL;
	const sd_gv *target = rt ? sd_goview_root(rt) : root(r);
	sd_buf first = SD_BUF_INIT, second = SD_BUF_INIT;
	side back, again;
	sd_doc *d = norm(l, SD_EMPTY_KEEP, SD_ORDER_SOURCE, target);
	reload(d, root(l)->type, &first, &back);
	check(sd_gv_deep_equal(root(&back), target), like_rt ? "--like-roundtrip result differs"
	      : "--like result is not strictly equal to OTHER", sd_doc_name(l->doc), &first);
	sd_doc *d2 = norm(&back, SD_EMPTY_KEEP, SD_ORDER_SOURCE, target);
	reload(d2, root(l)->type, &second, &again);
	check(first.len == second.len && !memcmp(first.data, second.data, first.len),
	      "--like twice changes the output", sd_doc_name(l->doc), &second);
	side_free(&again);
	side_free(&back);
	sd_doc_free(d2);
	sd_doc_free(d);
	sd_goview_free(rt);
	sd_buf_release(&first);
	sd_buf_release(&second);
}

/* ---- builder --------------------------------------------------------- */

static void test_builder(void **state)
{
	(void)state;
	side src;
	const char *text = "{\"n\": 18446744073709551615, \"s\": \"x\\u0000y\", \"a\": [1, 2.50]}";
	assert_true(side_text(&src, "b.json", text, strlen(text), sd_schema_iface()));
	sd_doc *d = sd_doc_build_new("built", SD_FORMAT_JSON);
	sd_node *obj = sd_build_object(d);
	for (int i = 0; i < 40; i++) {
		char k[16];
		snprintf(k, sizeof k, "k%02d", i);
		sd_build_append_member(d, obj, k, strlen(k), sd_build_number(d, "1", 1));
	}
	sd_build_insert_member(d, obj, 0, "k05", 3, sd_build_copy(d, sd_doc_root(src.doc)));
	sd_build_remove_member(obj, 40);  /* the old k39 */
	sd_node *arr = sd_build_array(d);
	sd_build_append_item(d, arr, sd_build_string(d, "\xff", 1));
	sd_build_insert_item(d, arr, 0, sd_build_bool(d, true));
	sd_build_append_item(d, arr, sd_build_null(d));
	sd_build_remove_item(arr, 2);
	sd_build_append_member(d, obj, "arr", 3, arr);
	sd_doc_set_root(d, obj);
	side_free(&src);  /* the copy must not borrow from it */
	assert_int_equal(obj->len, 41);
	assert_true(obj->flags & SD_NODE_DUPKEYS);
	assert_true(obj->u.members[6].flags & SD_MEMBER_DUPLICATE);
	assert_string_equal(obj->u.members[0].key, "k05");
	assert_string_equal(obj->u.members[39].key, "k38");
	const sd_node *c = &obj->u.members[0].value;
	assert_string_equal(sd_node_get(c, "n")->u.num, "18446744073709551615");
	assert_int_equal(sd_node_get(c, "s")->len, 3);
	assert_int_equal(arr->len, 2);
	assert_true(arr->u.items[1].flags & SD_NODE_BADUTF8);
	sd_buf out = SD_BUF_INIT;
	sd_write_opts wo = { SD_FORMAT_JSON, 2, false, SD_JSON_ESCAPE_WRITER };
	sd_write_node(&out, sd_doc_root(d), &wo);
	assert_non_null(strstr(out.data, "\"n\": 18446744073709551615"));
	assert_non_null(strstr(out.data, "2.50"));
	sd_buf_release(&out);
	sd_doc_free(d);
}

/* ---- unit cases ------------------------------------------------------ */

static char *norm_text(const char *in, sd_empty_mode em, sd_order_mode om, const char *like_text,
		       bool drop)
{
	side s, l = { 0 };
	assert_true(side_text(&s, "in.json", in, strlen(in), NULL));
	if (like_text)
		assert_true(side_text(&l, "like.json", like_text, strlen(like_text), root(&s)->type));
	sd_normalize_opts o = { .empty = em, .order = om, .like = like_text ? root(&l) : NULL,
				.drop_unknown = drop };
	sd_error e;
	sd_doc *d = sd_normalize(s.doc, s.view, is_oci(&s), &o, NULL, &e);
	assert_non_null(d);
	sd_buf out = SD_BUF_INIT;
	sd_write_opts wo = { SD_FORMAT_JSON, 2, false, SD_JSON_ESCAPE_WRITER };
	sd_write_node(&out, sd_doc_root(d), &wo);
	/* compact: drop newlines and indentation for easy comparison */
	char *p = out.data, *q = out.data;
	for (; *p; p++)
		if (*p != '\n' && (*p != ' ' || (q > out.data && q[-1] == ':')))
			*q++ = *p;
	*q = '\0';
	sd_doc_free(d);
	side_free(&l);
	side_free(&s);
	return sd_buf_detach(&out, NULL);
}

#define EXPECT(in, em, om, like, drop, want) do { \
	char *got_ = norm_text(in, em, om, like, drop); \
	assert_string_equal(got_, want); \
	free(got_); \
} while (0)

static void test_empty_modes(void **state)
{
	(void)state;
	const char *in = "{\"ociVersion\":\"1\",\"linux\":{\"Sysctl\":{},\"maskedPaths\":null},"
			 "\"annotations\":{},\"hooks\":null}";
	EXPECT(in, SD_EMPTY_KEEP, SD_ORDER_SOURCE, NULL, false,
	       "{\"ociVersion\": \"1\",\"linux\": {\"Sysctl\": {},\"maskedPaths\": null},"
	       "\"annotations\": {},\"hooks\": null}");
	EXPECT(in, SD_EMPTY_OMIT, SD_ORDER_SOURCE, NULL, false,
	       "{\"ociVersion\": \"1\",\"linux\": {}}");
	EXPECT("{\"ociVersion\":\"1\",\"linux\":{\"Sysctl\":{}}}", SD_EMPTY_EXPLICIT, SD_ORDER_SOURCE,
	       NULL, false,
	       /* added fields go where Go's field order puts them among the
		* source's: mounts and annotations come before linux */
	       "{\"ociVersion\": \"1\",\"mounts\": [],\"annotations\": {},\"linux\": "
	       "{\"uidMappings\": [],\"gidMappings\": [],\"Sysctl\": {},\"namespaces\": [],"
	       "\"devices\": [],\"maskedPaths\": [],\"readonlyPaths\": [],\"timeOffsets\": {}}}");
	/* Go merges repeated keys: the later [] wins for a slice */
	EXPECT("{\"ociVersion\":\"1\",\"process\":{\"env\":[\"A=1\"],\"env\":[]}}", SD_EMPTY_OMIT,
	       SD_ORDER_SOURCE, NULL, false, "{\"ociVersion\": \"1\",\"process\": {}}");
}

static void test_orders(void **state)
{
	(void)state;
	const char *in = "{\"zz\":1,\"annotations\":{\"b\":\"1\",\"a\":\"2\"},\"process\":{\"cwd\":\"/\","
			 "\"args\":[\"sh\"]},\"ociVersion\":\"1\"}";
	EXPECT(in, SD_EMPTY_KEEP, SD_ORDER_GO, NULL, false,
	       "{\"ociVersion\": \"1\",\"process\": {\"args\": [\"sh\"],\"cwd\": \"/\"},"
	       "\"annotations\": {\"a\": \"2\",\"b\": \"1\"},\"zz\": 1}");
	EXPECT(in, SD_EMPTY_KEEP, SD_ORDER_SORTED, NULL, false,
	       "{\"annotations\": {\"a\": \"2\",\"b\": \"1\"},\"ociVersion\": \"1\","
	       "\"process\": {\"args\": [\"sh\"],\"cwd\": \"/\"},\"zz\": 1}");
	EXPECT(in, SD_EMPTY_KEEP, SD_ORDER_SOURCE, NULL, true,
	       "{\"annotations\": {\"b\": \"1\",\"a\": \"2\"},\"process\": {\"cwd\": \"/\","
	       "\"args\": [\"sh\"]},\"ociVersion\": \"1\"}");
}

static void test_like(void **state)
{
	(void)state;
	const char *l = "{\"ociVersion\":\"1\",\"process\":{\"env\":[\"B\",\"A\"],\"args\":[\"x\"]},"
			"\"linux\":{\"sysctl\":{}},\"mounts\":[{\"destination\":\"/p\",\"options\":[]}]}";
	const char *r = "{\"ociVersion\":\"1\",\"process\":{\"env\":[\"A\",\"B\"],\"args\":[\"y\"]},"
			"\"linux\":{\"sysctl\":null,\"maskedPaths\":[]},\"mounts\":[{\"destination\":\"/q\"}]}";
	/* args differ in value: untouched; env reordered; sysctl made null
	 * (OTHER's spelling); maskedPaths added; options dropped */
	EXPECT(l, SD_EMPTY_KEEP, SD_ORDER_SOURCE, r, false,
	       "{\"ociVersion\": \"1\",\"process\": {\"env\": [\"A\",\"B\"],\"args\": [\"x\"]},"
	       "\"linux\": {\"sysctl\": null,\"maskedPaths\": []},\"mounts\": [{\"destination\": \"/p\"}]}");
}

static void test_decode_error_refused(void **state)
{
	(void)state;
	side s;
	const char *in = "{\"process\":{\"user\":{\"uid\":-1}},\"ociVersion\":\"1\"}";
	assert_false(side_text(&s, "bad.json", in, strlen(in), NULL));
	sd_normalize_opts o = { .empty = SD_EMPTY_OMIT };
	sd_error e;
	assert_null(sd_normalize(s.doc, s.view, true, &o, NULL, &e));
	assert_non_null(strstr(e.msg, "cannot unmarshal"));
	o.empty = SD_EMPTY_KEEP;
	o.order = SD_ORDER_GO;
	sd_doc *d = sd_normalize(s.doc, s.view, true, &o, NULL, &e);
	assert_non_null(d);  /* reordering needs no Go value */
	sd_doc_free(d);
	side_free(&s);
}

static void test_roundtrip(void **state)
{
	(void)state;
	side s;
	const char *in = "{\"linux\":{\"sysctl\":{},\"resources\":{}},\"ociVersion\":\"1\",\"x\":1}";
	assert_true(side_text(&s, "rt.json", in, strlen(in), NULL));
	sd_error e;
	sd_doc *d = sd_normalize_roundtrip(s.view, "rt", &e);
	assert_non_null(d);
	sd_buf out = SD_BUF_INIT;
	sd_write_opts wo = { SD_FORMAT_JSON, 0, false, SD_JSON_ESCAPE_WRITER };
	sd_write_node(&out, sd_doc_root(d), &wo);
	assert_string_equal(out.data, "{\n  \"ociVersion\": \"1\",\n  \"linux\": {\n"
			    "    \"resources\": {}\n  }\n}\n");
	sd_buf_release(&out);
	sd_doc_free(d);
	side_free(&s);
}

/* ---- the corpus ------------------------------------------------------ */

#define CASES "tests/conformance/cases"

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* The case's file for side ("left"/"right"), or "" when none. */
static void case_file(const char *dir, const char *which, char *out, size_t n)
{
	static const char *const ext[] = { "json", "yaml", "yml" };
	out[0] = '\0';
	for (size_t i = 0; i < 3; i++) {
		snprintf(out, n, "%s/%s.%s", dir, which, ext[i]);
		FILE *f = fopen(out, "rb");
		if (f) {
			fclose(f);
			return;
		}
	}
	out[0] = '\0';
}

static bool expected_semantic_equal(const char *dir)
{
	char p[1024];
	sd_error e;
	snprintf(p, sizeof p, "%s/expected.json", dir);
	sd_doc *d = sd_doc_load_input(p, NULL, &e);
	assert_non_null(d);
	const sd_node *r = sd_doc_root(d);
	const sd_node *se = sd_node_get(r, "semantic_equal");
	const sd_node *dl = sd_node_at_pointer(r, "/decode/left");
	const sd_node *dr = sd_node_at_pointer(r, "/decode/right");
	bool ok = se && se->kind == SD_BOOL && se->u.boolean && dl && dl->kind == SD_NULL &&
		  dr && dr->kind == SD_NULL;
	sd_doc_free(d);
	return ok;
}

static void test_corpus(void **state)
{
	(void)state;
	struct dirent **ents;
	int n = scandir(CASES, &ents, NULL, by_name);
	assert_true(n > 100);
	int files = 0, pairs = 0, skipped = 0;
	checks = 0;
	for (int i = 0; i < n; i++) {
		char dir[512], lp[1024], rp[1024];
		if (ents[i]->d_name[0] == '.') {
			free(ents[i]);
			continue;
		}
		snprintf(dir, sizeof dir, "%s/%s", CASES, ents[i]->d_name);
		free(ents[i]);
		case_file(dir, "left", lp, sizeof lp);
		case_file(dir, "right", rp, sizeof rp);
		if (!lp[0])
			continue;
		side l, r;
		bool lok = side_file(&l, lp), rok = side_file(&r, rp);
		if (lok)
			props_one(&l), files++;
		else
			skipped++;
		if (rok)
			props_one(&r), files++;
		else
			skipped++;
		if (lok && rok && expected_semantic_equal(dir) && root(&l)->type == root(&r)->type) {
			props_like(&l, &r, false);
			props_like(&r, &l, false);
			props_like(&l, &r, true);
			pairs++;
		}
		side_free(&l);
		side_free(&r);
	}
	free(ents);
	printf("normalize properties: %d corpus files, %d semantically equal pairs (both ways), "
	       "%d files skipped (Go cannot decode them), %d checks\n", files, pairs, skipped, checks);
	assert_true(files >= 250);
	assert_true(pairs >= 40);
}

/* ---- generated specs ------------------------------------------------- */

static unsigned long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

/* A list or map slot: absent, null, empty, or its values (set-like lists
 * shuffled).  base decides whether the slot has values, the variant only
 * how it spells "nothing" and in which order set-like values come. */
static void slot(sd_buf *b, bool *first, const char *key, bool is_map, unsigned nvals,
		 const char *const *vals, bool set_like)
{
	unsigned spell = nvals ? 3 : rnd(3);
	if (spell == 0)
		return;  /* absent */
	sd_buf_addf(b, "%s\"%s\": ", *first ? "" : ", ", key);
	*first = false;
	if (spell == 1) {
		sd_buf_adds(b, "null");
		return;
	}
	unsigned order[8];
	for (unsigned i = 0; i < nvals; i++)
		order[i] = i;
	for (unsigned i = nvals; set_like && i > 1; i--) {
		unsigned j = rnd(i), t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	sd_buf_addc(b, is_map ? '{' : '[');
	for (unsigned i = 0; i < nvals; i++) {
		if (is_map)
			sd_buf_addf(b, "%s\"k%u\": %s", i ? ", " : "", order[i], vals[order[i]]);
		else
			sd_buf_addf(b, "%s%s", i ? ", " : "", vals[order[i]]);
	}
	sd_buf_addc(b, is_map ? '}' : ']');
}

/* One spec from a base seed (which slots hold values) and a variant seed
 * (spellings, orders, case of keys, an unknown field). */
static void gen_spec(sd_buf *b, unsigned long base, unsigned long variant)
{
	static const char *const strs[] = { "\"a\"", "\"b\"", "\"c\"", "\"a\"" };
	static const char *const gids[] = { "5", "4294967295", "0" };
	static const char *const nss[] = { "{\"type\": \"pid\"}", "{\"type\": \"mount\", \"path\": \"/x\"}",
					   "{\"type\": \"ipc\"}" };
	unsigned counts[9];
	rng_state = base;
	for (int i = 0; i < 9; i++)
		counts[i] = rnd(2) ? 0 : 1 + rnd(3);
	rng_state = variant;
	bool f = true;
	sd_buf_adds(b, "{\"ociVersion\": \"1.0.2\", ");
	sd_buf_adds(b, rnd(2) ? "\"process\": {" : "\"Process\": {");
	slot(b, &f, "env", false, counts[0], strs, true);
	slot(b, &f, "args", false, counts[1], strs, false);
	sd_buf_addf(b, "%s\"user\": {\"uid\": 0", f ? "" : ", ");
	f = false;
	bool uf = false;
	slot(b, &uf, "additionalGids", false, counts[3], gids, true);
	sd_buf_adds(b, "}, \"capabilities\": {");
	bool cf = true;
	slot(b, &cf, "bounding", false, counts[2], strs, true);
	slot(b, &cf, "ambient", false, counts[4], strs, true);
	sd_buf_adds(b, "}}, \"linux\": {");
	bool lf = true;
	slot(b, &lf, rnd(2) ? "sysctl" : "Sysctl", true, counts[5], strs, false);
	slot(b, &lf, "namespaces", false, counts[6], nss, true);
	slot(b, &lf, "maskedPaths", false, counts[7], strs, false);
	sd_buf_adds(b, "}, \"mounts\": [{\"destination\": \"/m\"");
	bool mf = false;
	slot(b, &mf, "options", false, counts[8], strs, true);
	sd_buf_adds(b, "}]");
	if (rnd(2))
		sd_buf_adds(b, ", \"future\": {\"b\": [], \"a\": {}}");
	bool af = false;
	sd_buf_adds(b, ", \"extra\": 1");
	slot(b, &af, "annotations", true, counts[5], strs, false);
	sd_buf_adds(b, "}");
}

static void test_generated(void **state)
{
	(void)state;
	int specs = 0, pairs = 0;
	checks = 0;
	for (unsigned long base = 1; base <= 60; base++) {
		side v[3];
		sd_buf text[3];
		for (int i = 0; i < 3; i++) {
			sd_buf_init(&text[i]);
			gen_spec(&text[i], base * 7919, base * 104729 + (unsigned long)i * 31);
			if (!side_text(&v[i], "gen.json", text[i].data, text[i].len, NULL))
				fail_msg("generated spec does not decode: %s", text[i].data);
			props_one(&v[i]);
			specs++;
		}
		for (int i = 0; i < 3; i++) {
			int j = (i + 1) % 3;
			check(sd_gv_semantic_equal(root(&v[i]), root(&v[j])), "generator: variants differ",
			      "gen", &text[j]);
			props_like(&v[i], &v[j], false);
			props_like(&v[i], &v[j], true);
			pairs++;
		}
		for (int i = 0; i < 3; i++) {
			side_free(&v[i]);
			sd_buf_release(&text[i]);
		}
	}
	printf("normalize properties: %d generated specs, %d generated pairs, %d checks\n",
	       specs, pairs, checks);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builder),
		cmocka_unit_test(test_empty_modes),
		cmocka_unit_test(test_orders),
		cmocka_unit_test(test_like),
		cmocka_unit_test(test_decode_error_refused),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_generated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
