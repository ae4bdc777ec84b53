/*
 * fuzz_diff.c - the comparison engine on two arbitrary documents: the input
 * is split at its first 0xff byte (or the middle), each half is loaded
 * (format by content) and decoded, then diffed both ways round and against
 * itself.
 *
 * Properties (diff.h, conformance README invariants):
 *   - a document diffed with itself has no differences at all;
 *   - with clean decodes into one type, strict equality is
 *     reflect.DeepEqual of the roots and semantic equality is the
 *     semantic comparison of the roots;
 *   - strict equal iff there is no counting item; every item has a path;
 *   - swapping sides gives the same number of items per class.
 */
#include "fuzz_common.h"

#include "specdiff/diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t fuzz_walk_pairs(const sd_pair *p, unsigned depth)
{
	FUZZ_CHECK(p != NULL && p->path != NULL);
	FUZZ_CHECK(p->cls < SD_CLASS__COUNT);
	if (p->cls != SD_CLASS_NONE)
		FUZZ_CHECK(p->below & (1u << p->cls));
	size_t n = 1;
	for (size_t i = 0; i < p->nkids; i++) {
		FUZZ_CHECK(p->kids[i]->parent == p);
		/* classes below a kid are classes below its parent */
		FUZZ_CHECK((p->kids[i]->below & ~p->below) == 0);
		n += fuzz_walk_pairs(p->kids[i], depth + 1);
	}
	return n;
}

static void fuzz_check_diff(const sd_diff *d)
{
	size_t n = sd_diff_count(d), per_class = 0;
	bool counts_strict = false, counts_sem = false;
	for (size_t i = 0; i < n; i++) {
		const sd_diff_item *it = sd_diff_item_at(d, i);
		FUZZ_CHECK(it != NULL && it->path != NULL && it->path[0] == '/');
		FUZZ_CHECK(it->cls > SD_CLASS_NONE && it->cls < SD_CLASS__COUNT);
		FUZZ_CHECK(it->reason != NULL);
		counts_strict |= sd_class_counts(it->cls, SD_MODE_STRICT);
		counts_sem |= sd_class_counts(it->cls, SD_MODE_SEMANTIC);
		(void)sd_diff_find(d, it->path);
	}
	for (int c = SD_CLASS_COSMETIC; c < SD_CLASS__COUNT; c++)
		per_class += sd_diff_count_class(d, (sd_class)c);
	FUZZ_CHECK(per_class == n);
	FUZZ_CHECK(sd_diff_equal(d, SD_MODE_STRICT) == !counts_strict);
	FUZZ_CHECK(sd_diff_equal(d, SD_MODE_SEMANTIC) == !counts_sem);
	fuzz_walk_pairs(sd_diff_root(d), 0);
}

static void fuzz_diff_pair(const sd_doc *l, const sd_doc *r, sd_schema_choice sc)
{
	sd_error e;
	sd_error_clear(&e);
	const sd_type *lt = sd_goview_pick_type(l, sc), *rt = sd_goview_pick_type(r, sc);
	sd_goview *lv = sd_goview_decode(l, lt, &e);
	sd_goview *rv = sd_goview_decode(r, rt, &e);
	sd_diff_opts o = { SD_MODE_STRICT, 0 };

	sd_diff *d = sd_diff_compute(l, lv, r, rv, &o);
	fuzz_check_diff(d);
	if (lt == rt && !sd_goview_error(lv) && !sd_goview_error(rv)) {
		const sd_gv *a = sd_goview_root(lv), *b = sd_goview_root(rv);
		FUZZ_CHECK(sd_diff_equal(d, SD_MODE_STRICT) == sd_gv_deep_equal(a, b));
		FUZZ_CHECK(sd_diff_equal(d, SD_MODE_SEMANTIC) == sd_gv_semantic_equal(a, b));
	}
	sd_diff *back = sd_diff_compute(r, rv, l, lv, &o);
	fuzz_check_diff(back);
	for (int c = SD_CLASS_COSMETIC; c < SD_CLASS__COUNT; c++)
		FUZZ_CHECK(sd_diff_count_class(d, (sd_class)c) ==
			   sd_diff_count_class(back, (sd_class)c));
	sd_diff_free(back);
	sd_diff_free(d);

	sd_diff *self = sd_diff_compute(l, lv, l, lv, &o);
	fuzz_check_diff(self);
	FUZZ_CHECK(sd_diff_count(self) == 0);
	sd_diff_free(self);

	sd_goview_free(rv);
	sd_goview_free(lv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t rstart, llen = fuzz_split(data, size, &rstart);
	sd_load_opts o;
	memset(&o, 0, sizeof(o));
	sd_error e;
	sd_error_clear(&e);
	sd_doc *l = sd_doc_load_bytes("left", (const char *)data, llen, &o, &e);
	sd_doc *r = sd_doc_load_bytes("right", (const char *)data + rstart, size - rstart, &o, &e);
	if (l && r) {
		fuzz_diff_pair(l, r, SD_SCHEMA_AUTO);
		fuzz_diff_pair(l, r, SD_SCHEMA_OCI);
	}
	sd_doc_free(r);
	sd_doc_free(l);
	return 0;
}
