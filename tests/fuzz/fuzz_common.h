/*
 * fuzz_common.h - what the fuzz targets share.  Each target is one .c file
 * defining LLVMFuzzerTestOneInput; test_regressions.c includes them all with
 * the entry point renamed, so the same code runs under libFuzzer and in
 * `make test` against tests/fuzz/regressions/.
 *
 * FUZZ_CHECK is an assertion that survives NDEBUG: a property violation
 * must crash so libFuzzer records the input.
 */
#ifndef SPECDIFF_FUZZ_COMMON_H
#define SPECDIFF_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/doc.h"
#include "specdiff/goview.h"

#define FUZZ_CHECK(cond)                                                      \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: fuzz property failed: %s\n",  \
				__FILE__, __LINE__, #cond);                   \
			abort();                                              \
		}                                                             \
	} while (0)

/* Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above
 * U+10FFFF. */
static inline int fuzz_utf8_valid(const uint8_t *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint8_t c = s[i];
		size_t k;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			k = 1, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		if (n - i <= k)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* fuzz_diff's split: at the first 0xff byte (dropped), else the middle. */
static inline size_t fuzz_split(const uint8_t *data, size_t size, size_t *rstart)
{
	for (size_t i = 0; i < size; i++)
		if (data[i] == 0xff) {
			*rstart = i + 1;
			return i;
		}
	*rstart = size / 2;
	return size / 2;
}

/* Structural invariants doc.h promises for every loaded tree. */
static inline void fuzz_check_tree(const sd_node *n)
{
	FUZZ_CHECK(n != NULL);
	FUZZ_CHECK(n->line >= 1 && n->col >= 1);
	switch ((sd_kind)n->kind) {
	case SD_NULL:
	case SD_BOOL:
		break;
	case SD_NUMBER: {
		size_t gl = 0;
		FUZZ_CHECK(n->u.num != NULL && n->len > 0);
		FUZZ_CHECK(n->u.num[n->len] == '\0');
		const char *g = sd_number_go_text(n, &gl);
		FUZZ_CHECK(g != NULL || (n->flags & SD_NODE_NUM_NOJSON));
		break;
	}
	case SD_STRING:
		FUZZ_CHECK(n->u.str != NULL);
		FUZZ_CHECK(n->u.str[n->len] == '\0');
		break;
	case SD_ARRAY:
		FUZZ_CHECK(n->len == 0 || n->u.items != NULL);
		for (uint32_t i = 0; i < n->len; i++)
			fuzz_check_tree(&n->u.items[i]);
		break;
	case SD_OBJECT: {
		int dup = 0;
		FUZZ_CHECK(n->len == 0 || n->u.members != NULL);
		for (uint32_t i = 0; i < n->len; i++) {
			const sd_member *m = &n->u.members[i];
			FUZZ_CHECK(m->key != NULL && m->key[m->key_len] == '\0');
			FUZZ_CHECK(sd_member_key_line(m) >= 1 && m->key_col >= 1);
			if (m->flags & SD_MEMBER_DUPLICATE)
				dup = 1;
			fuzz_check_tree(&m->value);
		}
		FUZZ_CHECK(!dup == !(n->flags & SD_NODE_DUPKEYS));
		break;
	}
	default:
		FUZZ_CHECK(!"unknown node kind");
	}
}

/* Decodes doc as Go would (auto and OCI types) and checks that every value
 * equals itself; reflect.DeepEqual(x, x) holds for anything JSON decodes
 * (no NaN reaches a Go float from JSON). */
static inline void fuzz_check_views(const sd_doc *doc)
{
	const sd_type *types[2] = {
		sd_goview_pick_type(doc, SD_SCHEMA_AUTO),
		sd_goview_pick_type(doc, SD_SCHEMA_OCI),
	};
	for (int i = 0; i < 2; i++) {
		sd_error err;
		sd_error_clear(&err);
		sd_goview *v = sd_goview_decode(doc, types[i], &err);
		FUZZ_CHECK(v != NULL);
		const sd_gv *r = sd_goview_root(v);
		FUZZ_CHECK(r != NULL);
		if (!sd_goview_error(v)) {
			FUZZ_CHECK(sd_gv_deep_equal(r, r));
			FUZZ_CHECK(sd_gv_semantic_equal(r, r));
			FUZZ_CHECK(sd_gv_compare(r, r) == 0);
		}
		sd_goview *rt = sd_goview_roundtrip(v);
		FUZZ_CHECK(rt != NULL);
		/* The round trip is idempotent: marshal+unmarshal twice = once. */
		sd_goview *rt2 = sd_goview_roundtrip(rt);
		if (!sd_goview_error(v))
			FUZZ_CHECK(sd_gv_deep_equal(sd_goview_root(rt), sd_goview_root(rt2)));
		sd_goview_free(rt2);
		sd_goview_free(rt);
		sd_goview_free(v);
	}
}

/* Loads with the given format; on success checks the tree and the views. */
static inline void fuzz_load_and_check(const char *name, const uint8_t *data, size_t size,
				       sd_format fmt, unsigned doc_index)
{
	sd_load_opts o;
	memset(&o, 0, sizeof(o));
	o.format = fmt;
	o.doc_index = doc_index;
	sd_error err;
	sd_error_clear(&err);
	sd_doc *d = sd_doc_load_bytes(name, (const char *)data, size, &o, &err);
	if (!d) {
		FUZZ_CHECK(err.msg[0] != '\0');
		return;
	}
	const sd_node *root = sd_doc_root(d);
	fuzz_check_tree(root);
	FUZZ_CHECK(sd_node_equal(root, root));
	FUZZ_CHECK(sd_node_at_pointer(root, "") == root);
	FUZZ_CHECK(sd_doc_format(d) == SD_FORMAT_JSON || sd_doc_format(d) == SD_FORMAT_YAML);
	for (size_t i = 0; i < sd_doc_note_count(d); i++)
		FUZZ_CHECK(sd_doc_note(d, i) != NULL);
	fuzz_check_views(d);
	sd_doc_free(d);
}

#endif
