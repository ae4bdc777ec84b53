/* test_focus.c - focus.h: patterns (escapes, *, **, globs), --ignore and
 * --only on a comparison (counts, verdicts, pair classes), the unmatched
 * pattern check, and the restore-relevant rules of the runsc profiles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "specdiff/explain.h"
#include "specdiff/focus.h"
#include "specdiff/report.h"
#include "test_util.h"

/* ---- patterns ---- */

static bool m(const char *pat, const char *path)
{
	sd_error e;
	sd_pattern *p = sd_pattern_compile(pat, &e);
	if (!p)
		fail_msg("%s: %s", pat, e.msg);
	bool r = sd_pattern_match(p, path);
	sd_pattern_free(p);
	return r;
}

static bool cov(const char *pat, const char *path)
{
	sd_error e;
	sd_pattern *p = sd_pattern_compile(pat, &e);
	if (!p)
		fail_msg("%s: %s", pat, e.msg);
	bool r = sd_pattern_covers(p, path);
	sd_pattern_free(p);
	return r;
}

static void test_pattern_errors(void **state)
{
	(void)state;
	sd_error e;
	sd_error_clear(&e);
	assert_null(sd_pattern_compile("hostname", &e));
	assert_non_null(strstr(e.msg, "must start with '/'"));
	assert_null(sd_pattern_compile("/a~3", &e));
	assert_non_null(strstr(e.msg, "~"));
	assert_null(sd_pattern_compile("/a~", &e));
	sd_pattern *p = sd_pattern_compile("/a/~0~1~2", &e);
	assert_non_null(p);
	assert_string_equal(sd_pattern_text(p), "/a/~0~1~2");
	sd_pattern_free(p);
}

static void test_pattern_escapes(void **state)
{
	(void)state;
	assert_true(m("/annotations/a~1b", "/annotations/a~1b"));
	assert_false(m("/annotations/a~1b", "/annotations/a/b"));
	assert_true(m("/x~0y", "/x~0y"));
	assert_false(m("/x~0y", "/x~1y"));
	/* globs see decoded keys: "a/b" starts with "a/" */
	assert_true(m("/annotations/a~1*", "/annotations/a~1b"));
	/* ~2 is a literal '*' */
	assert_true(m("/a~2b", "/a*b"));
	assert_false(m("/a~2b", "/axb"));
	assert_true(m("/a*b", "/axxb"));
}

static void test_pattern_star_and_globstar(void **state)
{
	(void)state;
	assert_true(m("/mounts/*/source", "/mounts/3/source"));
	assert_false(m("/mounts/*/source", "/mounts/source"));
	assert_false(m("/mounts/*/source", "/mounts/1/2/source"));
	assert_true(cov("/mounts/*/source", "/mounts/3/source/x"));
	assert_false(cov("/mounts/*/source", "/mounts/3"));
	assert_true(m("/**", "/"));
	assert_true(m("/**", "/a/b"));
	assert_true(m("/linux/**", "/linux"));
	assert_true(m("/linux/**", "/linux/sysctl/x"));
	assert_false(m("/linux/**", "/linuxx"));
	assert_true(m("/**/source", "/source"));
	assert_true(m("/**/source", "/mounts/0/source"));
	assert_false(m("/**/source", "/mounts/0/sourcex"));
	assert_true(m("/a/**/b/**/c", "/a/b/c"));
	assert_true(m("/a/**/b/**/c", "/a/x/b/y/z/c"));
	assert_false(m("/a/**/b/**/c", "/a/x/y/z/c"));
	assert_true(m("/*", "/hostname"));
	assert_false(m("/*", "/"));
}

static void test_pattern_globs(void **state)
{
	(void)state;
	assert_true(m("/annotations/dev.gvisor.*", "/annotations/dev.gvisor.x"));
	assert_true(m("/annotations/dev.gvisor.*", "/annotations/dev.gvisor."));
	assert_false(m("/annotations/dev.gvisor.*", "/annotations/dev.gvisorx"));
	assert_true(m("/a/x*y*z", "/a/xyz"));
	assert_true(m("/a/x*y*z", "/a/x1y2z"));
	assert_false(m("/a/x*y*z", "/a/xzy"));
	assert_false(m("/a/ab*ba", "/a/aba"));    /* parts may not overlap */
	assert_true(m("/a/dev.*.source", "/a/dev.x.source"));
	assert_false(m("/a/dev.*.source", "/a/dev.source"));
}

static void test_pattern_root_and_subtree(void **state)
{
	(void)state;
	assert_true(m("", "/"));
	assert_true(m("/", ""));
	assert_true(cov("/", "/linux/sysctl"));
	assert_true(cov("", "/x"));
	assert_true(cov("/linux", "/linux/sysctl"));
	assert_false(m("/linux", "/linux/sysctl"));
	assert_false(cov("/linux/sysctl", "/linux"));
}

/* ---- a focus on a comparison ---- */

/* A strict diff of two OCI specs, and a focus to apply to it. */
typedef struct fx {
	test_pair p;
	sd_focus *f;
} fx;

static void mk(fx *f, const char *l, const char *r)
{
	test_pair_open(&f->p, "l.json", l, "r.json", r, SD_SCHEMA_OCI);
	f->f = sd_focus_new();
}

static void done(fx *f)
{
	sd_focus_free(f->f);
	test_pair_close(&f->p);
}

static void add(sd_focus *f, bool only, const char *pat)
{
	sd_error e;
	bool ok = only ? sd_focus_add_only(f, pat, &e) : sd_focus_add_ignore(f, pat, &e);
	if (!ok)
		fail_msg("%s: %s", pat, e.msg);
}

static const sd_diff_item *item(const sd_diff *d, const char *path)
{
	for (size_t i = 0; i < sd_diff_count(d); i++)
		if (!strcmp(sd_diff_item_at(d, i)->path, path))
			return sd_diff_item_at(d, i);
	fail_msg("no difference at %s", path);
	return NULL;
}

static const char L1[] = "{\"hostname\":\"a\",\"linux\":{\"sysctl\":{\"x\":\"1\"}},\"process\":{\"env\":[\"A=1\"]}}";
static const char R1[] = "{\"hostname\":\"b\",\"linux\":{\"sysctl\":{\"x\":\"2\"}},\"process\":{\"env\":[]}}";

static void test_ignore_marks_and_recounts(void **state)
{
	(void)state;
	fx f;
	mk(&f, L1, R1);
	assert_int_equal(sd_diff_count_class(f.p.d, SD_CLASS_VALUE), 3);
	add(f.f, false, "/hostname");
	add(f.f, false, "/linux/**");
	assert_int_equal(sd_diff_apply_focus(f.p.d, f.f), 2);
	assert_int_equal(sd_diff_count_ignored(f.p.d), 2);
	assert_int_equal(sd_diff_count_class(f.p.d, SD_CLASS_VALUE), 1);   /* /process/env */
	assert_true(item(f.p.d, "/hostname")->ignored);
	assert_true(item(f.p.d, "/linux/sysctl/x")->ignored);
	assert_false(item(f.p.d, "/process/env")->ignored);
	assert_false(sd_diff_equal(f.p.d, SD_MODE_STRICT));
	/* the pair tree: the ignored pair keeps its item but has no class */
	const sd_pair *p = sd_diff_find(f.p.d, "/hostname");
	assert_non_null(p);
	assert_int_equal(p->cls, SD_CLASS_NONE);
	assert_true(p->item && p->item->ignored);
	const sd_pair *lx = sd_diff_find(f.p.d, "/linux");
	assert_int_equal(lx->below, 0);
	assert_true(sd_diff_root(f.p.d)->below & (1u << SD_CLASS_VALUE));
	/* ignoring the rest makes the documents equal */
	add(f.f, false, "/process/env");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_true(sd_diff_equal(f.p.d, SD_MODE_STRICT));
	assert_int_equal(sd_diff_root(f.p.d)->below & ~1u, 0);
	/* no focus: everything back */
	assert_int_equal(sd_diff_apply_focus(f.p.d, NULL), 0);
	assert_int_equal(sd_diff_count_class(f.p.d, SD_CLASS_VALUE), 3);
	assert_int_equal(sd_diff_find(f.p.d, "/hostname")->cls, SD_CLASS_VALUE);
	done(&f);
}

static void test_only(void **state)
{
	(void)state;
	fx f;
	mk(&f, L1, R1);
	add(f.f, true, "/linux");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_true(item(f.p.d, "/hostname")->ignored);
	assert_true(item(f.p.d, "/process/env")->ignored);
	assert_false(item(f.p.d, "/linux/sysctl/x")->ignored);
	/* --only and --ignore together: ignore wins */
	add(f.f, false, "/linux/sysctl/x");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_true(sd_diff_equal(f.p.d, SD_MODE_STRICT));
	done(&f);
}

/* A difference at a nil pointer holds what is below it. */
static void test_nil_pointer_items(void **state)
{
	(void)state;
	fx f;
	mk(&f, "{}", "{\"linux\":{\"sysctl\":{}}}");
	add(f.f, true, "/linux/sysctl");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_false(item(f.p.d, "/linux")->ignored);    /* holds the focused node */
	done(&f);
	mk(&f, "{}", "{\"linux\":{\"seccomp\":{}}}");
	add(f.f, true, "/linux/sysctl");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_true(item(f.p.d, "/linux")->ignored);     /* sysctl is nil there */
	done(&f);
	mk(&f, "{}", "{\"linux\":{\"sysctl\":{}}}");
	add(f.f, false, "/linux/sysctl");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_true(item(f.p.d, "/linux")->ignored);     /* all it holds is ignored */
	done(&f);
	mk(&f, "{}", "{\"linux\":{\"sysctl\":{},\"seccomp\":{}}}");
	add(f.f, false, "/linux/sysctl");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_false(item(f.p.d, "/linux")->ignored);
	done(&f);
}

/* Classes and modes: an ignored nil-vs-empty no longer makes strict mode
 * differ; cosmetic items can be ignored too and never counted anyway. */
static void test_classes_and_modes(void **state)
{
	(void)state;
	fx f;
	mk(&f, "{\"linux\":{\"sysctl\":{}},\"process\":{\"env\":[\"A=1\",\"B=2\"]},\"x\":1}",
	   "{\"linux\":{},\"process\":{\"env\":[\"B=2\",\"A=1\"]}}");
	assert_false(sd_diff_equal(f.p.d, SD_MODE_STRICT));
	assert_true(sd_diff_equal(f.p.d, SD_MODE_SEMANTIC));
	add(f.f, false, "/linux/sysctl");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_int_equal(sd_diff_count_class(f.p.d, SD_CLASS_NIL_VS_EMPTY), 0);
	assert_int_equal(sd_diff_count_class(f.p.d, SD_CLASS_ORDER_ONLY), 1);
	assert_false(sd_diff_equal(f.p.d, SD_MODE_STRICT));
	add(f.f, false, "/process/env");
	add(f.f, false, "/x");
	sd_diff_apply_focus(f.p.d, f.f);
	assert_true(sd_diff_equal(f.p.d, SD_MODE_STRICT));
	assert_int_equal(sd_diff_count_class(f.p.d, SD_CLASS_COSMETIC), 0);
	assert_true(item(f.p.d, "/x")->ignored);
	done(&f);
}

static void test_unmatched(void **state)
{
	(void)state;
	fx f;
	mk(&f, "{\"HOSTNAME\":\"a\",\"mounts\":[{\"destination\":\"/p\",\"source\":\"/s\"}]}",
	   "{\"annotations\":{\"a/b\":\"1\"}}");
	add(f.f, false, "/hostnam");
	add(f.f, false, "/hostname");              /* Go view: a zero field still exists */
	add(f.f, false, "/HOSTNAME");              /* as written */
	add(f.f, false, "/mounts/*/source");
	add(f.f, true, "/annotations/a~1b");
	add(f.f, true, "/annotations/zz*");
	add(f.f, true, "/linux/sysctl");           /* linux is nil on both sides */
	const char *out[8];
	bool only[8];
	size_t n = sd_focus_unmatched(f.f, f.p.ld, f.p.lv, f.p.rd, f.p.rv, out, only, 8);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "/hostnam");
	assert_false(only[0]);
	assert_string_equal(out[1], "/annotations/zz*");
	assert_true(only[1]);
	assert_string_equal(out[2], "/linux/sysctl");
	done(&f);
}

static void test_json_report(void **state)
{
	(void)state;
	fx f;
	mk(&f, L1, R1);
	add(f.f, false, "/hostname");
	sd_diff_apply_focus(f.p.d, f.f);
	sd_report_opts o;
	sd_report_opts_init(&o);
	sd_buf b = SD_BUF_INIT;
	sd_report_json(&b, f.p.d, &o);
	json_error_t je;
	json_t *j = json_loads(b.data, 0, &je);
	assert_non_null(j);
	assert_int_equal(json_array_size(json_object_get(j, "diffs")), 2);
	json_t *ig = json_object_get(j, "ignored");
	assert_int_equal(json_array_size(ig), 1);
	json_t *i0 = json_array_get(ig, 0);
	assert_string_equal(json_string_value(json_object_get(i0, "path")), "/hostname");
	assert_string_equal(json_string_value(json_object_get(i0, "class")), "value");
	assert_string_equal(json_string_value(json_object_get(json_object_get(i0, "left"), "value")), "a");
	json_decref(j);
	sd_buf_reset(&b);
	o.show_ignored = true;
	sd_report_text(&b, f.p.d, &o);
	assert_non_null(strstr(b.data, "; ignored: 1\n"));
	assert_non_null(strstr(b.data, "ignored (not counted):\n  [value] /hostname\n"));
	assert_null(strstr(b.data, "[value] /hostname\n    left"));
	sd_buf_release(&b);
	done(&f);
}

/* ---- restore-relevant rules ---- */

static void test_every_rule_parses(void **state)
{
	(void)state;
	for (size_t i = 0; i < sd_gvisor_profile_count(); i++) {
		const sd_profile *p = sd_gvisor_profile_at(i);
		const char *const *rules = sd_focus_profile_rules(p);
		assert_non_null(rules);
		size_t n = 0;
		while (rules[n])
			n++;
		sd_focus *f = sd_focus_new();
		sd_focus_set_profile(f, p);
		assert_ptr_equal(sd_focus_profile(f), p);
		if (sd_focus_rule_count(f) != n)
			fail_msg("%s: %zu of %zu rules parse", p->name, sd_focus_rule_count(f), n);
		sd_focus_free(f);
	}
	assert_ptr_equal(sd_focus_default_profile(),
			 sd_gvisor_profile_at(sd_gvisor_profile_count() - 1));
}

/* Does a rule's pattern (after "ACTION[:CLASSES] ") cover path: each of
 * its segments equal to path's, or holding a glob? */
static bool pattern_covers(const char *rule, const char *path)
{
	const char *pat = strchr(rule, ' ');
	assert_non_null(pat);
	pat++;
	while (*pat && *path) {
		size_t pn = strcspn(pat + 1, "/") + 1, qn = strcspn(path + 1, "/") + 1;
		if (!memchr(pat, '*', pn) && (pn != qn || memcmp(pat, path, pn) != 0))
			return false;
		pat += pn;
		path += qn;
	}
	return *pat == '\0';
}

/* Every (field, profile) pair has an explain sentence, generated from the
 * profile table, and a focus rule: the field is kept by default (the
 * profile compares everything left over) or a rule names it.  The
 * windows of each field cover every profile once, in order. */
static void test_every_field_every_profile(void **state)
{
	(void)state;
	for (size_t k = 0; k < sd_explain_field_count(); k++) {
		const sd_explain_field *f = sd_explain_field_at(k);
		size_t w = 0;
		for (size_t i = 0; i < sd_gvisor_profile_count(); i++) {
			const sd_profile *p = sd_gvisor_profile_at(i);
			const char *how = sd_explain_field_how(f, p);
			if (!how || !*how)
				fail_msg("%s has no sentence for %s", f->name, p->name);
			/* the window holding profile i: the next one once i-1 ended one */
			if (i > 0 && sd_gvisor_profile_find(f->rules[w].last) == sd_gvisor_profile_at(i - 1))
				w++;
			const sd_explain_rule *r = &f->rules[w];
			assert_non_null(r->first);
			if (i == 0 || sd_gvisor_profile_find(f->rules[w - (w > 0)].last) == sd_gvisor_profile_at(i - 1))
				assert_ptr_equal(sd_gvisor_profile_find(r->first), p);
			assert_string_equal(r->how, how);
			const char *const *rules = sd_focus_profile_rules(p);
			assert_non_null(rules);
			bool named = false, allow_list = false;
			for (size_t j = 0; rules[j]; j++) {
				allow_list |= strcmp(rules[j], "ignore /") == 0;
				for (size_t q = 0; q < SD_EXPLAIN_MAX_PATHS && f->paths[q]; q++)
					named |= pattern_covers(rules[j], f->paths[q]);
			}
			if (allow_list && !named && strcmp(how, "not compared") != 0 && strcmp(how, "ignored") != 0 &&
			    strncmp(how, "not reported on its own", 23) != 0)
				fail_msg("%s: %s compares %s but no focus rule keeps it", p->name, f->name, f->paths[0]);
		}
		assert_null(f->rules[w + 1].first);
	}
}

/* Is the difference at path ignored by profile prof? */
static bool rr(const char *prof, const char *l, const char *r, const char *path)
{
	fx f;
	mk(&f, l, r);
	sd_focus_set_profile(f.f, sd_gvisor_profile_find(prof));
	sd_diff_apply_focus(f.p.d, f.f);
	bool ig = item(f.p.d, path)->ignored;
	done(&f);
	return ig;
}

static void test_profile_rules(void **state)
{
	(void)state;
	const char *sl = "{\"linux\":{}}", *sr = "{\"linux\":{\"sysctl\":{}}}";
	assert_false(rr("gvisor-2024", sl, sr, "/linux/sysctl"));
	assert_false(rr("gvisor-20241202", sl, sr, "/linux/sysctl"));
	assert_true(rr("gvisor-20241210", sl, sr, "/linux/sysctl"));
	/* a nil pointer compared as a pointer to zero (orZero) */
	assert_true(rr("gvisor-20241210", "{}", sr, "/linux"));
	assert_false(rr("gvisor-2024", "{}", sr, "/linux"));
	assert_true(rr("gvisor-20260413", "{}", "{\"process\":{}}", "/process"));
	/* Args [] vs absent: fails as Process in 20241210, cleared from 2025 */
	assert_false(rr("gvisor-20241210", "{}", "{\"process\":{\"args\":[]}}", "/process"));
	assert_true(rr("gvisor-2025", "{}", "{\"process\":{\"args\":[]}}", "/process"));
	/* argv[0] by basename; ./exe against cwd */
	const char *a1 = "{\"process\":{\"cwd\":\"/srv\",\"args\":[\"/usr/bin/app\"]}}";
	const char *a2 = "{\"process\":{\"cwd\":\"/srv\",\"args\":[\"/bin/app\"]}}";
	const char *a3 = "{\"process\":{\"cwd\":\"/srv\",\"args\":[\"./app\"]}}";
	const char *a4 = "{\"process\":{\"cwd\":\"/srv\",\"args\":[\"/srv/app\"]}}";
	assert_true(rr("gvisor-20260413", a1, a2, "/process/args/0"));
	assert_false(rr("gvisor-2025", a1, a2, "/process/args/0"));
	assert_true(rr("gvisor-2025", a3, a4, "/process/args/0"));
	assert_false(rr("gvisor-20241217", a3, a4, "/process/args/0"));
	assert_false(rr("gvisor-2025", a3, a2, "/process/args/0"));
	/* order-only: rlimits are a set from 20241210, a list before */
	const char *r1 = "{\"process\":{\"rlimits\":[{\"type\":\"A\"},{\"type\":\"B\"}]}}";
	const char *r2 = "{\"process\":{\"rlimits\":[{\"type\":\"B\"},{\"type\":\"A\"}]}}";
	assert_false(rr("gvisor-20241202", r1, r2, "/process/rlimits"));
	assert_true(rr("gvisor-20241210", r1, r2, "/process/rlimits"));
	/* not compared at all */
	assert_true(rr("gvisor-20260413", "{\"hostname\":\"a\"}", "{\"hostname\":\"b\"}", "/hostname"));
	assert_true(rr("gvisor-20260413", "{\"mounts\":[{\"destination\":\"/d\",\"source\":\"/a\"}]}",
		       "{\"mounts\":[{\"destination\":\"/d\",\"source\":\"/b\"}]}", "/mounts/0/source"));
	assert_false(rr("gvisor-2024", "{\"linux\":{\"cgroupsPath\":\"a\"}}",
			"{\"linux\":{\"cgroupsPath\":\"b\"}}", "/linux/cgroupsPath"));
	assert_true(rr("gvisor-20241118", "{\"linux\":{\"cgroupsPath\":\"a\"}}",
		       "{\"linux\":{\"cgroupsPath\":\"b\"}}", "/linux/cgroupsPath"));
	/* resources: fatal up to 20241210, a warning after */
	const char *m1 = "{\"linux\":{\"resources\":{\"memory\":{\"limit\":1}}}}";
	const char *m2 = "{\"linux\":{\"resources\":{\"memory\":{\"limit\":2}}}}";
	assert_false(rr("gvisor-20241210", m1, m2, "/linux/resources/memory/limit"));
	assert_true(rr("gvisor-20241217", m1, m2, "/linux/resources/memory/limit"));
	assert_true(rr("gvisor-2024", m1, m2, "/linux/resources/memory/limit"));
}

static void test_profile_annotations(void **state)
{
	(void)state;
	static const struct {
		const char *prof, *key;
		bool ignored;
	} cases[] = {
		{ "gvisor-20260413", "example.com/x", true },
		{ "gvisor-20260413", "dev.gvisor.foo", false },
		{ "gvisor-20260413", "dev.gvisor.internal.x", true },
		{ "gvisor-2024", "dev.gvisor.spec.mount.source", true },
		{ "gvisor-20241118", "dev.gvisor.spec.mount.source", true },
		{ "gvisor-2024", "dev.gvisor.spec.mount.data.source", false },
		{ "gvisor-20241118", "dev.gvisor.spec.mount.data.source", true },
		{ "gvisor-20241217", "dev.gvisor.container-name-remap.a", false },
		{ "gvisor-2025", "dev.gvisor.container-name-remap.a", true },
		{ "gvisor-2025", "dev.gvisor.flag.debug", false },
		{ "gvisor-20260413", "dev.gvisor.flag.debug", true },
		{ "gvisor-20260413", "dev.gvisor.flag.platform", false },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char l[256], r[256], path[256];
		snprintf(l, sizeof(l), "{\"annotations\":{\"%s\":\"1\"}}", cases[i].key);
		snprintf(r, sizeof(r), "{\"annotations\":{\"%s\":\"2\"}}", cases[i].key);
		size_t k = (size_t)snprintf(path, sizeof(path), "/annotations/");
		for (const char *s = cases[i].key; *s && k + 3 < sizeof(path); s++) {
			if (*s == '/')
				path[k++] = '~', path[k++] = '1';
			else
				path[k++] = *s;
		}
		path[k] = '\0';
		if (rr(cases[i].prof, l, r, path) != cases[i].ignored)
			fail_msg("%s %s: expected %s", cases[i].prof, cases[i].key,
				 cases[i].ignored ? "ignored" : "kept");
	}
	/* example.com/x: the key's '/' is ~1 in the path */
	assert_true(rr("gvisor-2024", "{\"annotations\":{\"a/b\":\"1\"}}",
		       "{\"annotations\":{\"a/b\":\"2\"}}", "/annotations/a~1b"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_field_every_profile),
		cmocka_unit_test(test_pattern_errors),
		cmocka_unit_test(test_pattern_escapes),
		cmocka_unit_test(test_pattern_star_and_globstar),
		cmocka_unit_test(test_pattern_globs),
		cmocka_unit_test(test_pattern_root_and_subtree),
		cmocka_unit_test(test_ignore_marks_and_recounts),
		cmocka_unit_test(test_only),
		cmocka_unit_test(test_nil_pointer_items),
		cmocka_unit_test(test_classes_and_modes),
		cmocka_unit_test(test_unmatched),
		cmocka_unit_test(test_json_report),
		cmocka_unit_test(test_every_rule_parses),
		cmocka_unit_test(test_profile_rules),
		cmocka_unit_test(test_profile_annotations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
