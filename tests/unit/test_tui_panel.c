/* test_tui_panel.c - the explanation panel and the restore verdict line
 * (tui/panel.h, tui/checks.h) on the incident example, through the real
 * engine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../tui/checks.h"
#include "../../tui/panel.h"

typedef struct world {
	sd_doc *doc[2];
	sd_goview *view[2];
	sd_diff *diff;
	sd_checks checks;
} world;

static int setup(void **state)
{
	static const char *const files[2] = {
		"examples/sysctl-nil-vs-empty/checkpoint.json",
		"examples/sysctl-nil-vs-empty/restore.json",
	};
	world *w = calloc(1, sizeof(*w));
	for (int i = 0; i < 2; i++) {
		sd_load_opts lo;
		memset(&lo, 0, sizeof(lo));
		sd_error err;
		w->doc[i] = sd_doc_load_input(files[i], &lo, &err);
		if (!w->doc[i])
			fail_msg("%s: %s", files[i], err.msg);
		w->view[i] = sd_goview_decode(w->doc[i], sd_goview_pick_type(w->doc[i], SD_SCHEMA_AUTO), &err);
	}
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	w->diff = sd_diff_compute(w->doc[0], w->view[0], w->doc[1], w->view[1], &o);
	sd_checks_run(&w->checks, w->doc[0], w->doc[1], NULL, true, "__no_name_0");
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	world *w = *state;
	sd_checks_release(&w->checks);
	sd_diff_free(w->diff);
	for (int i = 0; i < 2; i++) {
		sd_goview_free(w->view[i]);
		sd_doc_free(w->doc[i]);
	}
	free(w);
	return 0;
}

static bool has(const sd_panel *p, const char *text)
{
	for (size_t i = 0; i < p->n; i++)
		if (strstr(p->v[i].text, text))
			return true;
	return false;
}

static void test_verdict_line(void **state)
{
	world *w = *state;
	sd_buf b = SD_BUF_INIT;
	sd_checks_summary(&w->checks, &b);
	assert_string_equal(b.data, "gvisor-2024..20241202: FAIL Sysctl · gvisor-20241210+: pass");
	sd_buf_release(&b);
	assert_true(w->checks.roundtrip);
}

static void test_panel_for_sysctl(void **state)
{
	world *w = *state;
	const sd_pair *p = sd_diff_find(w->diff, "/linux/sysctl");
	assert_non_null(p);
	sd_panel panel = { 0 };
	sd_panel_src src = { { "checkpoint.json", "restore.json" }, SD_MODE_STRICT, &w->checks, NULL };
	sd_panel_build(&panel, p, &src);
	assert_string_equal(panel.v[0].text, "/linux/sysctl");
	assert_true(has(&panel, "class  nil-vs-empty: unequal in strict mode"));
	assert_true(has(&panel, "checkpoint.json  (absent in the text)"));
	assert_true(has(&panel, "restore.json:197:13"));
	assert_true(has(&panel, "%#v    map[string]string(nil)"));
	assert_true(has(&panel, "%#v    map[string]string{}"));
	assert_true(has(&panel, "Go     map[string]string  nil  len 0"));
	assert_true(has(&panel, "Go     map[string]string  not nil  len 0"));
	assert_true(has(&panel, "json.Marshal  null"));
	assert_true(has(&panel, "json.Marshal  {}"));
	assert_true(has(&panel, "gvisor-2024: Sysctl does not match across checkpoint restore for container: __no_name_0, checkpoint map[] restore map[]"));
	/* an unrelated node trips nothing */
	sd_panel_build(&panel, sd_diff_find(w->diff, "/hostname"), &src);
	assert_true(has(&panel, "equal: no difference at or below this node"));
	assert_true(has(&panel, "restore checks: no profile fails on this node"));
	sd_panel_release(&panel);
}

static void test_node_json_cut(void **state)
{
	world *w = *state;
	sd_buf b = SD_BUF_INIT;
	sd_node_json(&b, sd_doc_root(w->doc[0]), 40);
	assert_int_equal(b.len, 43);          /* 40 bytes and "..." */
	assert_memory_equal(b.data, "{\"ociVersion\":\"1.0.2-dev\",\"process\":{\"ter", 40);
	sd_buf_release(&b);
}

/* ---- a lazy diff: the panel shows a prefix of a big value ---- */

static sd_doc *load_text(const char *name, const char *text)
{
	sd_load_opts lo;
	memset(&lo, 0, sizeof(lo));
	sd_error err;
	sd_doc *d = sd_doc_load_bytes(name, text, strlen(text), &lo, &err);
	if (!d)
		fail_msg("%s: %s", name, err.msg);
	return d;
}

/* The panel's line that starts with prefix, or NULL. */
static const char *line_with(const sd_panel *p, const char *prefix, int nth)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strncmp(p->v[i].text, prefix, strlen(prefix)) && !nth--)
			return p->v[i].text;
	return NULL;
}

/* The panel of the pair at path, built on an eager and on a lazy diff of
 * the same texts, must say the same; the lazy one must not have made the
 * big values whole. */
static void same_panel(const char *ltext, const char *rtext, const char *path, const char *len_line)
{
	sd_doc *doc[2] = { load_text("l.json", ltext), load_text("r.json", rtext) };
	sd_goview *view[2];
	for (int i = 0; i < 2; i++)
		view[i] = sd_goview_decode(doc[i], sd_goview_pick_type(doc[i], SD_SCHEMA_AUTO), NULL);
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	sd_diff *eager = sd_diff_compute(doc[0], view[0], doc[1], view[1], &o);
	sd_diff *lazy = sd_diff_compute_lazy(doc[0], view[0], doc[1], view[1], &o);
	sd_panel pe = { 0 }, pl = { 0 };
	sd_panel_src src = { { "l.json", "r.json" }, SD_MODE_STRICT, NULL, NULL };
	sd_panel_build(&pe, sd_diff_find(eager, path), &src);
	src.diff = lazy;
	const sd_pair *lp = sd_diff_find(lazy, path);
	sd_panel_build(&pl, lp, &src);
	assert_non_null(lp->item);
	assert_null(lp->item->left);    /* made as a prefix only */
	const char *v = line_with(&pl, "  %v ", 0);
	assert_string_equal(v + strlen(v) - 3, "...");   /* cut: longer than shown */
	assert_non_null(line_with(&pl, len_line, 0));
	static const char *const lines[] = { "  Go ", "  %v ", "  %#v ", "  json.Marshal ", "  as a struct field" };
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		for (int side = 0; side < 2; side++) {
			const char *a = line_with(&pe, lines[i], side), *b = line_with(&pl, lines[i], side);
			assert_non_null(a);
			assert_non_null(b);
			assert_string_equal(a, b);
		}
	/* sd_diff_item_at still makes the whole values */
	for (size_t i = 0; i < sd_diff_count(lazy); i++)
		if (sd_diff_item_at(lazy, i) == lp->item)
			assert_non_null(lp->item->left);
	sd_panel_release(&pe);
	sd_panel_release(&pl);
	sd_diff_free(eager);
	sd_diff_free(lazy);
	for (int i = 0; i < 2; i++) {
		sd_goview_free(view[i]);
		sd_doc_free(doc[i]);
	}
}

static void test_lazy_big_list(void **state)
{
	(void)state;
	sd_buf l = SD_BUF_INIT, r = SD_BUF_INIT;
	sd_buf_addc(&l, '[');
	for (int i = 0; i < 6000; i++)
		sd_buf_addf(&l, "%s{\"b\":%d,\"a\":[\"x\",null,true,1.5e3]}", i ? "," : "", i);
	sd_buf_add(&r, l.data, l.len);
	sd_buf_adds(&l, "]");
	sd_buf_adds(&r, ",{}]");
	same_panel(l.data, r.data, "/", "  Go     []interface {}  not nil  len 6000");
	sd_buf_release(&l);
	sd_buf_release(&r);
}

static void test_lazy_big_map(void **state)
{
	(void)state;
	sd_buf l = SD_BUF_INIT;
	sd_buf_adds(&l, "{\"m\":{");
	for (int i = 9000; i >= 0; i--)   /* written in reverse: Go sorts the keys */
		sd_buf_addf(&l, "\"k%05d\":{\"v\":%d},", i, i);
	sd_buf_adds(&l, "\"k00003\":\"last wins\"}}");
	same_panel(l.data, "{\"m\":[1]}", "/m", "  Go     map[string]interface {}  not nil  len 9001");
	sd_buf_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verdict_line),
		cmocka_unit_test(test_panel_for_sysctl),
		cmocka_unit_test(test_node_json_cut),
		cmocka_unit_test(test_lazy_big_list),
		cmocka_unit_test(test_lazy_big_map),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
