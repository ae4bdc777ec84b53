/*
 * test_util.h - set-up that several unit tests share: a document from a
 * literal text, and two documents decoded and compared.  Include it after
 * <cmocka.h> (it fails the test with fail_msg).  The functions are static
 * inline so that a test using only some of them builds without warnings.
 */
#ifndef SPECDIFF_TEST_UTIL_H
#define SPECDIFF_TEST_UTIL_H

#include <string.h>

#include "specdiff/diff.h"
#include "specdiff/doc.h"
#include "specdiff/goview.h"

/* A JSON or YAML text as a document; the test fails when it does not load. */
static inline sd_doc *test_load(const char *name, const char *text)
{
	sd_error e;
	sd_error_clear(&e);
	sd_doc *doc = sd_doc_load_bytes(name, text, strlen(text), NULL, &e);
	if (!doc)
		fail_msg("%s: %s", name, e.msg);
	return doc;
}

/* The item of class c at path, or NULL. */
static inline const sd_diff_item *test_find_item(const sd_diff *d, const char *path, sd_class c)
{
	for (size_t i = 0; i < sd_diff_count(d); i++) {
		const sd_diff_item *it = sd_diff_item_at(d, i);
		if (!strcmp(it->path, path) && it->cls == c)
			return it;
	}
	return NULL;
}

/* Two documents, their Go views and the strict diff between them. */
typedef struct test_pair {
	sd_doc *ld, *rd;
	sd_goview *lv, *rv;
	sd_diff *d;
} test_pair;

static inline sd_diff *test_pair_open(test_pair *p, const char *lname, const char *l,
				      const char *rname, const char *r, sd_schema_choice sc)
{
	sd_error e;
	p->ld = test_load(lname, l);
	p->rd = test_load(rname, r);
	p->lv = sd_goview_decode(p->ld, sd_goview_pick_type(p->ld, sc), &e);
	p->rv = sd_goview_decode(p->rd, sd_goview_pick_type(p->rd, sc), &e);
	sd_diff_opts o = { SD_MODE_STRICT, 0 };
	p->d = sd_diff_compute(p->ld, p->lv, p->rd, p->rv, &o);
	return p->d;
}

static inline void test_pair_close(test_pair *p)
{
	sd_diff_free(p->d);
	sd_goview_free(p->lv);
	sd_goview_free(p->rv);
	sd_doc_free(p->ld);
	sd_doc_free(p->rd);
}

#endif
