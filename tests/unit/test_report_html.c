/* test_report_html.c - the HTML page (report_html.h) without a browser:
 * every difference of every lesson's pair is a row of the strict view that
 * opens on the Go facts the JSON report gives (gofacts.h, checked against
 * real Go by test_gofacts), input text is escaped, and a pair Go cannot
 * decode still gives a page.  tests/html/ renders the page in chromium. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "specdiff/gofacts.h"
#include "specdiff/report_html.h"
#include "specdiff/schema.h"
#include "test_util.h"

static void html_text(sd_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sd_buf_adds(b, "&amp;"); break;
		case '<': sd_buf_adds(b, "&lt;"); break;
		case '>': sd_buf_adds(b, "&gt;"); break;
		case '"': sd_buf_adds(b, "&quot;"); break;
		case '\'': sd_buf_adds(b, "&#39;"); break;
		default: sd_buf_addc(b, *s);
		}
	}
}

static void expect_in(const char *page, const char *what, const char *where)
{
	if (!strstr(page, what))
		fail_msg("%s: the page lacks %s", where, what);
}

typedef struct loaded {
	sd_doc *doc[2];
	sd_goview *view[2];
	sd_diff *d;
} loaded;

static void load_pair(loaded *p, const char *dir)
{
	char path[2][512];
	snprintf(path[0], sizeof(path[0]), "examples/%s/checkpoint.json", dir);
	snprintf(path[1], sizeof(path[1]), "examples/%s/restore.json", dir);
	for (int s = 0; s < 2; s++) {
		sd_error e;
		sd_error_clear(&e);
		p->doc[s] = sd_doc_load_input(path[s], NULL, &e);
		if (!p->doc[s])
			fail_msg("%s: %s", path[s], e.msg);
		p->view[s] = sd_goview_decode(p->doc[s], sd_goview_pick_type(p->doc[s], SD_SCHEMA_AUTO), &e);
	}
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	p->d = sd_diff_compute_lazy(p->doc[0], p->view[0], p->doc[1], p->view[1], &o);
}

static void free_pair(loaded *p)
{
	sd_diff_free(p->d);
	for (int s = 0; s < 2; s++) {
		sd_goview_free(p->view[s]);
		sd_doc_free(p->doc[s]);
	}
}

/* Every counted difference's row and its %T, %#v and json.Marshal cells. */
static void check_example(const char *dir)
{
	loaded p;
	load_pair(&p, dir);
	sd_html_opts o = { SD_MODE_STRICT, "L", "R", NULL, NULL, NULL, NULL };
	sd_buf page = SD_BUF_INIT, want = SD_BUF_INIT;
	sd_report_html(&page, p.d, &o);
	size_t checked = 0;
	for (size_t i = 0; i < sd_diff_count(p.d); i++) {
		const sd_diff_item *it = sd_diff_item_at(p.d, i);
		if (it->cls == SD_CLASS_COSMETIC || !sd_gofacts_cheap(p.d, it))
			continue;
		sd_buf_reset(&want);
		sd_buf_addf(&want, "<details class=\"row d c-%s", sd_class_name(it->cls));
		expect_in(page.data, want.data, dir);
		sd_buf_reset(&want);
		sd_buf_adds(&want, "data-path=\"");
		html_text(&want, it->path);
		expect_in(page.data, want.data, dir);
		sd_gofacts f[2] = { { 0 }, { 0 } };
		for (int s = 0; s < 2; s++)
			sd_gofacts_side(&f[s], p.d, it, it->path, s, 4096);
		const char *css[] = { "f-type", "f-gov", "f-marshal" };
		for (size_t k = 0; k < 3; k++)
			for (int side = 0; side < 2; side++) {
				if (f[side].kind != SD_GOFACTS_VALUE)
					continue;
				const char *v = k == 0 ? f[side].type : k == 1 ? f[side].gov : f[side].marshal;
				sd_buf_reset(&want);
				sd_buf_addf(&want, "<td class=\"%s\">", css[k]);
				html_text(&want, v);
				sd_buf_adds(&want, "</td>");
				expect_in(page.data, want.data, dir);
			}
		sd_gofacts_release(&f[0]);
		sd_gofacts_release(&f[1]);
		checked++;
	}
	if (!sd_diff_equal(p.d, SD_MODE_STRICT) && !checked)
		fail_msg("%s: no difference checked", dir);
	sd_buf_release(&page);
	sd_buf_release(&want);
	free_pair(&p);
}

static void test_every_lesson_difference_has_its_facts(void **state)
{
	(void)state;
	FILE *f = fopen("examples/lessons", "r");
	assert_non_null(f);
	char line[256];
	size_t n = 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		check_example(line);
		n++;
	}
	fclose(f);
	assert_true(n >= 9);
}

static void test_input_is_escaped(void **state)
{
	(void)state;
	test_pair p;
	test_pair_open(&p, "l.json", "{\"a\":{\"<k>\":\"x\\u0000y\",\"q\":\"'&\"}}",
		       "r&.json", "{\"a\":{\"<k>\":\"z\"}}", SD_SCHEMA_NONE);
	sd_html_opts o = { SD_MODE_STRICT, "l.json", "r&.json", NULL, NULL, NULL, NULL };
	sd_buf page = SD_BUF_INIT;
	sd_report_html(&page, p.d, &o);
	expect_in(page.data, "&lt;k&gt;: &quot;x\\u0000y&quot;", "row text");   /* the row's own escape */
	expect_in(page.data, "data-path=\"/a/&lt;k&gt;\"", "path");
	expect_in(page.data, "&#x2400;", "a NUL in %v");                   /* shown, not raw */
	expect_in(page.data, "&#39;&amp;", "quote and ampersand");
	expect_in(page.data, "r&amp;.json", "file name");
	assert_null(strstr(page.data, "<k>"));
	assert_null(memchr(page.data, '\0', page.len));
	sd_buf_release(&page);
	test_pair_close(&p);
}

static void test_page_without_a_diff(void **state)
{
	(void)state;
	sd_html_opts o = { SD_MODE_SEMANTIC, "a.json", "b.json", "a.json:1:2: <bad>", NULL, NULL, NULL };
	sd_buf page = SD_BUF_INIT;
	sd_report_html(&page, NULL, &o);
	expect_in(page.data, "Go cannot decode a.json: a.json:1:2: &lt;bad&gt;", "decode error");
	expect_in(page.data, "id=\"m-semantic\" checked", "mode");
	assert_null(strstr(page.data, "<section"));
	expect_in(page.data, "</html>\n", "end");
	sd_buf_release(&page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_lesson_difference_has_its_facts),
		cmocka_unit_test(test_input_is_escaped),
		cmocka_unit_test(test_page_without_a_diff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
