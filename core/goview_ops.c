/*
 * goview_ops.c - what Go programs do with decoded values: reflect.DeepEqual,
 * go-cmp's Equal with EquateEmpty and the set-like lists sorted, the
 * orders SortSlices uses, zero/empty tests, accessors and the
 * json.Marshal + json.Unmarshal round trip runsc applies to a checkpoint.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "goview_impl.h"
#include "specdiff/base.h"
#include "specdiff/util.h"

/* ---- accessors ------------------------------------------------------- */

const sd_gv *sd_gv_deref(const sd_gv *p)
{
	if (!p)
		return NULL;
	if (p->type->kind != SD_GO_PTR && p->type->kind != SD_GO_IFACE)
		return p;  /* not a pointer: the value itself */
	return p->is_nil ? NULL : p->u.elem;
}

const sd_gv *sd_gv_field(const sd_gv *st, const char *json_name)
{
	const sd_field *f;
	if (st && st->type->kind == SD_GO_PTR)
		st = sd_gv_deref(st);
	if (!st || st->type->kind != SD_GO_STRUCT)
		return NULL;
	f = sd_type_field(st->type, json_name);
	return f ? &st->u.fields[f - st->type->fields] : NULL;
}

static int key_cmp(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);
	if (c)
		return c < 0 ? -1 : 1;
	return al < bl ? -1 : al > bl;
}

const sd_gv *sd_gv_map_get(const sd_gv *m, const char *key, size_t key_len)
{
	size_t lo = 0, hi;
	if (!m || m->type->kind != SD_GO_MAP || m->is_nil)
		return NULL;
	hi = m->u.map.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const sd_gv_entry *e = &m->u.map.entries[mid];
		int c = key_cmp(e->key, e->key_len, key, key_len);
		if (c == 0)
			return &e->value;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t sd_gv_len(const sd_gv *v)
{
	if (!v)
		return 0;
	switch (v->type->kind) {
	case SD_GO_SLICE:
		return v->u.slice.n;
	case SD_GO_MAP:
		return v->u.map.n;
	case SD_GO_STRING:
		return v->u.str.len;
	default:
		return 0;
	}
}

bool sd_gv_is_zero(const sd_gv *v)
{
	switch (v->type->kind) {
	case SD_GO_STRUCT:
		for (size_t i = 0; i < v->type->nfields; i++)
			if (!sd_gv_is_zero(&v->u.fields[i]))
				return false;
		return true;
	case SD_GO_PTR:
	case SD_GO_SLICE:
	case SD_GO_MAP:
	case SD_GO_IFACE:
		return v->is_nil;
	case SD_GO_STRING:
		return v->u.str.len == 0;
	case SD_GO_BOOL:
		return !v->u.boolean;
	case SD_GO_INT:
		return v->u.i == 0;
	case SD_GO_UINT:
		return v->u.u == 0;
	case SD_GO_FLOAT:
		return v->u.f == 0 && !signbit(v->u.f);  /* reflect: -0 is not zero */
	}
	return false;
}

bool sd_gv_is_omitempty_empty(const sd_gv *v)
{
	switch (v->type->kind) {
	case SD_GO_STRUCT:
		return false;
	case SD_GO_PTR:
	case SD_GO_IFACE:
		return v->is_nil;
	case SD_GO_SLICE:
	case SD_GO_MAP:
	case SD_GO_STRING:
		return sd_gv_len(v) == 0;
	case SD_GO_FLOAT:
		return v->u.f == 0;
	default:
		return sd_gv_is_zero(v);
	}
}

/* ---- order ----------------------------------------------------------- */

static int num_cmp_u(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }
static int num_cmp_i(int64_t a, int64_t b) { return a < b ? -1 : a > b; }

static int cmp_nil(const sd_gv *a, const sd_gv *b, bool *done)
{
	*done = a->is_nil || b->is_nil;
	if (a->is_nil && b->is_nil)
		return 0;
	if (a->is_nil)
		return -1;
	return b->is_nil ? 1 : 0;
}

static int cmp_seq(const sd_gv *a, size_t an, const sd_gv *b, size_t bn)
{
	for (size_t i = 0; i < an && i < bn; i++) {
		int c = sd_gv_compare(&a[i], &b[i]);
		if (c)
			return c;
	}
	return an < bn ? -1 : an > bn;
}

static int cmp_map(const sd_gv *a, const sd_gv *b)
{
	for (size_t i = 0; i < a->u.map.n && i < b->u.map.n; i++) {
		const sd_gv_entry *x = &a->u.map.entries[i], *y = &b->u.map.entries[i];
		int c = key_cmp(x->key, x->key_len, y->key, y->key_len);
		if (!c)
			c = sd_gv_compare(&x->value, &y->value);
		if (c)
			return c;
	}
	return a->u.map.n < b->u.map.n ? -1 : a->u.map.n > b->u.map.n;
}

/*
 * Structs compare field by field in declaration order, nil before non-nil:
 * exactly lessNamespace, lessIDMap, lessRlimit and lessDevice of the
 * reference, whose keys are their structs' fields in order.
 */
int sd_gv_compare(const sd_gv *a, const sd_gv *b)
{
	bool done;
	int c;
	if (a->type->kind != b->type->kind)
		return a->type->kind < b->type->kind ? -1 : 1;
	switch (a->type->kind) {
	case SD_GO_STRUCT:
		return cmp_seq(a->u.fields, a->type->nfields, b->u.fields, b->type->nfields);
	case SD_GO_PTR:
	case SD_GO_IFACE:
		c = cmp_nil(a, b, &done);
		return done ? c : sd_gv_compare(a->u.elem, b->u.elem);
	case SD_GO_SLICE:
		c = cmp_nil(a, b, &done);
		return done ? c : cmp_seq(a->u.slice.items, a->u.slice.n, b->u.slice.items, b->u.slice.n);
	case SD_GO_MAP:
		c = cmp_nil(a, b, &done);
		return done ? c : cmp_map(a, b);
	case SD_GO_STRING:
		return key_cmp(a->u.str.s, a->u.str.len, b->u.str.s, b->u.str.len);
	case SD_GO_BOOL:
		return (int)a->u.boolean - (int)b->u.boolean;
	case SD_GO_INT:
		return num_cmp_i(a->u.i, b->u.i);
	case SD_GO_UINT:
		return num_cmp_u(a->u.u, b->u.u);
	case SD_GO_FLOAT:
		return a->u.f < b->u.f ? -1 : a->u.f > b->u.f;
	}
	return 0;
}

/* ---- equality -------------------------------------------------------- */

/*
 * reflect.DeepEqual (semantic false) and cmp.Equal with EquateEmpty and
 * SortSlices (semantic true) walk a value the same way.  They part only on
 * slices and maps: DeepEqual tells nil from empty, and the semantic
 * equality compares set-like lists as multisets.
 */
static bool gv_equal(const sd_gv *a, const sd_gv *b, bool semantic);

static int cmp_gv_ptr(const void *x, const void *y)
{
	return sd_gv_compare(*(const sd_gv *const *)x, *(const sd_gv *const *)y);
}

/* SortSlices: both lists (of one length) sorted with the element order,
 * then compared element by element. */
static bool same_elements(const sd_gv *a, const sd_gv *b, bool semantic)
{
	size_t n = a->u.slice.n;
	const sd_gv **x = sd_xmalloc(2 * n * sizeof *x), **y = x + n;
	bool eq = true;
	for (size_t i = 0; i < n; i++) {
		x[i] = &a->u.slice.items[i];
		y[i] = &b->u.slice.items[i];
	}
	qsort(x, n, sizeof *x, cmp_gv_ptr);
	qsort(y, n, sizeof *y, cmp_gv_ptr);
	for (size_t i = 0; i < n && eq; i++)
		eq = gv_equal(x[i], y[i], semantic);
	free(x);
	return eq;
}

static bool slice_equal(const sd_gv *a, const sd_gv *b, bool semantic)
{
	if (a->u.slice.n != b->u.slice.n)
		return false;
	if (semantic && a->type->set_like && a->u.slice.n > 1)
		return same_elements(a, b, true);
	for (size_t i = 0; i < a->u.slice.n; i++)
		if (!gv_equal(&a->u.slice.items[i], &b->u.slice.items[i], semantic))
			return false;
	return true;
}

/* Map entries are kept sorted by key, so equal maps line up entry by entry. */
static bool map_equal(const sd_gv *a, const sd_gv *b, bool semantic)
{
	if (a->u.map.n != b->u.map.n)
		return false;
	for (size_t i = 0; i < a->u.map.n; i++) {
		const sd_gv_entry *x = &a->u.map.entries[i], *y = &b->u.map.entries[i];
		if (key_cmp(x->key, x->key_len, y->key, y->key_len) != 0 ||
		    !gv_equal(&x->value, &y->value, semantic))
			return false;
	}
	return true;
}

static bool gv_equal(const sd_gv *a, const sd_gv *b, bool semantic)
{
	if (a->type->kind != b->type->kind)
		return false;
	switch (a->type->kind) {
	case SD_GO_STRUCT:
		for (size_t i = 0; i < a->type->nfields && i < b->type->nfields; i++)
			if (!gv_equal(&a->u.fields[i], &b->u.fields[i], semantic))
				return false;
		return a->type->nfields == b->type->nfields;
	case SD_GO_PTR:
	case SD_GO_IFACE:
		if (a->is_nil || b->is_nil)
			return a->is_nil == b->is_nil;
		return gv_equal(a->u.elem, b->u.elem, semantic);
	case SD_GO_SLICE:
		/* EquateEmpty: nil == [] (both of length 0) */
		if (!semantic && a->is_nil != b->is_nil)
			return false;
		return slice_equal(a, b, semantic);
	case SD_GO_MAP:
		if (!semantic && a->is_nil != b->is_nil)
			return false;
		return map_equal(a, b, semantic);
	default:
		return sd_gv_compare(a, b) == 0;
	}
}

bool sd_gv_deep_equal(const sd_gv *a, const sd_gv *b)
{
	return gv_equal(a, b, false);
}

bool sd_gv_semantic_equal(const sd_gv *a, const sd_gv *b)
{
	return gv_equal(a, b, true);
}

bool sd_gv_same_elements(const sd_gv *a, const sd_gv *b)
{
	return same_elements(a, b, false);
}

/* ---- round trip ------------------------------------------------------ */

static void copy_gv(sd_arena *a, sd_gv *dst, const sd_gv *src);

static void copy_struct(sd_arena *a, sd_gv *dst, const sd_gv *src)
{
	const sd_type *t = src->type;
	dst->u.fields = sd_arena_array(a, t->nfields ? t->nfields : 1, sizeof *dst);
	for (size_t i = 0; i < t->nfields; i++) {
		const sd_gv *f = &src->u.fields[i];
		sd_gv *g = &dst->u.fields[i];
		copy_gv(a, g, f);
		/* Marshal leaves out an empty omitempty map or slice; Unmarshal
		 * then leaves the field nil. */
		if (t->fields[i].omitempty && !g->is_nil &&
		    (g->type->kind == SD_GO_MAP || g->type->kind == SD_GO_SLICE) && sd_gv_len(g) == 0)
			sdp_gv_zero(a, g, g->type), g->src = f->src;
	}
}

static void copy_gv(sd_arena *a, sd_gv *dst, const sd_gv *src)
{
	*dst = *src;
	switch (src->type->kind) {
	case SD_GO_STRUCT:
		copy_struct(a, dst, src);
		break;
	case SD_GO_PTR:
	case SD_GO_IFACE:
		if (!src->is_nil) {
			dst->u.elem = sd_arena_alloc(a, sizeof *dst->u.elem);
			copy_gv(a, dst->u.elem, src->u.elem);
		}
		break;
	case SD_GO_SLICE:
		dst->u.slice.cap = src->u.slice.n;
		dst->u.slice.items = src->u.slice.n ? sd_arena_array(a, src->u.slice.n, sizeof *dst) : NULL;
		for (size_t i = 0; i < src->u.slice.n; i++)
			copy_gv(a, &dst->u.slice.items[i], &src->u.slice.items[i]);
		break;
	case SD_GO_MAP:
		dst->u.map.entries = src->u.map.n
			? sd_arena_array(a, src->u.map.n, sizeof(sd_gv_entry)) : NULL;
		for (size_t i = 0; i < src->u.map.n; i++) {
			sd_gv_entry *e = &dst->u.map.entries[i];
			*e = src->u.map.entries[i];
			e->key = sd_arena_strndup(a, e->key, e->key_len);
			copy_gv(a, &dst->u.map.entries[i].value, &src->u.map.entries[i].value);
		}
		break;
	case SD_GO_STRING:
		/* Strings borrowed from the document stay shared; replaced ones
		 * live in the source view's arena and are copied. */
		if (!src->src || src->src->kind != SD_STRING || src->src->u.str != src->u.str.s)
			if (src->u.str.len)
				dst->u.str.s = sd_arena_strndup(a, src->u.str.s, src->u.str.len);
		break;
	default:
		break;
	}
}

sd_goview *sd_goview_roundtrip(const sd_goview *v)
{
	sd_goview *r = sdp_goview_alloc(v->doc);
	copy_gv(r->arena, &r->root, sd_goview_root(v));
	return r;
}

const sd_gv *sdp_gv_at(const sd_gv *v, const char *path, size_t len)
{
	sd_buf key = SD_BUF_INIT;
	sd_ptr_iter it;
	const char *raw;
	size_t n;
	sd_ptr_iter_init(&it, path, len);
	while (v && sd_ptr_next(&it, &raw, &n)) {
		sd_buf_reset(&key);
		sd_ptr_unescape(&key, raw, n, NULL);
		v = sd_gv_deref(v);
		if (v && v->type->kind == SD_GO_STRUCT) {
			v = sd_gv_field(v, key.data);
		} else if (v && v->type->kind == SD_GO_MAP) {
			v = sd_gv_map_get(v, key.data, key.len);
		} else if (v && v->type->kind == SD_GO_SLICE) {
			char *end;
			unsigned long idx = strtoul(key.data, &end, 10);
			v = *end || !key.len || v->is_nil || idx >= v->u.slice.n ? NULL : &v->u.slice.items[idx];
		} else {
			v = NULL;
		}
	}
	sd_buf_release(&key);
	return v;
}
