/*
 * diff.c - the comparison engine's walker: walks two Go views together and
 * records the smallest differing nodes with their class, exactly as the
 * conformance README's table says (reflect.DeepEqual for STRICT, go-cmp
 * with EquateEmpty and the set-like lists as multisets for SEMANTIC).
 *
 * The path of the current node lives in one buffer; a string is made only
 * when an item is recorded, so equal subtrees cost no allocation.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "goview_impl.h"
#include "specdiff/base.h"

/* ---- items ---- */

static void mark_item(sd_diff *d, const sd_diff_item *it)
{
	const char *p = it->path;
	size_t len = strlen(p);
	sd_item_mark *mk = sd_strmap_get(&d->marks, p, len);
	if (!mk) {
		mk = sd_arena_alloc(d->arena, sizeof(*mk));
		sd_strmap_put(&d->marks, p, len, mk);
	}
	if (!mk->item)
		mk->item = it;
	/* every proper prefix ending before a '/' has an item below it */
	for (size_t i = len; i-- > 0;) {
		if (p[i] != '/')
			continue;
		size_t plen = i ? i : 1;   /* the root is "/" */
		if (i == 0 && len == 1)
			break;
		mk = sd_strmap_get(&d->marks, p, plen);
		if (!mk) {
			mk = sd_arena_alloc(d->arena, sizeof(*mk));
			sd_strmap_put(&d->marks, sd_arena_strndup(d->arena, p, plen), plen, mk);
		}
		if (mk->below)
			break;   /* its ancestors are marked already */
		mk->below = true;
	}
}

sd_diff_item *sdp_diff_add(sd_diff *d, const char *path, size_t path_len,
			  sd_class cls, const sd_gv *l, const sd_gv *r,
			  const sd_node *ln, const sd_node *rn, const char *reason)
{
	sd_diff_item *it = sd_arena_alloc(d->arena, sizeof(*it));
	it->path = path_len ? sd_arena_strndup(d->arena, path, path_len) : "/";
	it->cls = cls;
	it->left = l;
	it->right = r;
	it->lnode = ln;
	it->rnode = rn;
	it->reason = reason;
	if (d->nitems == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->items = sd_xrealloc(d->items, d->cap * sizeof(*d->items));
	}
	d->items[d->nitems++] = it;
	d->counts[cls]++;
	if (cls != SD_CLASS_COSMETIC)
		mark_item(d, it);
	return it;
}

/* ---- the walker ---- */

typedef struct walker {
	sd_diff *d;
	sd_buf path;
} walker;

static const char *nil_word(const sd_gv *v)
{
	if (!v->src)
		return "absent";
	return v->src->kind == SD_NULL ? "null" : "set";
}

static void emit(walker *w, sd_class cls, const sd_gv *l, const sd_gv *r, const char *reason)
{
	sdp_diff_add(w->d, w->path.data ? w->path.data : "", w->path.len, cls, l, r,
		    l ? l->src : NULL, r ? r->src : NULL, reason);
}

static size_t push_seg(walker *w, const char *s, size_t n)
{
	size_t mark = w->path.len;
	sd_buf_addc(&w->path, '/');
	sd_buf_add_ptr_segment(&w->path, s, n);
	return mark;
}

static size_t push_index(walker *w, size_t i)
{
	size_t mark = w->path.len;
	sd_buf_addf(&w->path, "/%zu", i);
	return mark;
}

static void pop_to(walker *w, size_t mark)
{
	w->path.len = mark;
	w->path.data[mark] = '\0';
}

static void walk(walker *w, const sd_gv *a, const sd_gv *b);

static void walk_ptr(walker *w, const sd_gv *a, const sd_gv *b)
{
	if (a->is_nil && b->is_nil)
		return;
	if (a->is_nil || b->is_nil) {
		const sd_gv *nil = a->is_nil ? a : b;
		emit(w, SD_CLASS_VALUE, a, b, sd_arena_printf(w->d->arena,
			"%s is a nil pointer (%s), %s points to a value: reflect.DeepEqual and "
			"go-cmp both say they differ, even when that value is all zeros",
			a->is_nil ? "left" : "right", nil_word(nil), a->is_nil ? "right" : "left"));
		return;
	}
	walk(w, a->u.elem, b->u.elem);
}

static void walk_iface(walker *w, const sd_gv *a, const sd_gv *b)
{
	if (a->is_nil && b->is_nil)
		return;
	if (a->is_nil || b->is_nil) {
		emit(w, SD_CLASS_VALUE, a, b, sd_arena_printf(w->d->arena,
			"%s is a nil interface{} (%s), the other holds a %s",
			a->is_nil ? "left" : "right", nil_word(a->is_nil ? a : b),
			(a->is_nil ? b : a)->u.elem->type->go_type));
		return;
	}
	if (a->u.elem->type != b->u.elem->type) {
		emit(w, SD_CLASS_VALUE, a, b, sd_arena_printf(w->d->arena,
			"the interface{} values hold different dynamic types: %s on the left, %s on the right",
			a->u.elem->type->go_type, b->u.elem->type->go_type));
		return;
	}
	walk(w, a->u.elem, b->u.elem);
}

static void walk_struct(walker *w, const sd_gv *a, const sd_gv *b)
{
	const sd_type *t = a->type;
	for (size_t i = 0; i < t->nfields; i++) {
		const char *name = t->fields[i].json_name;
		size_t mark = push_seg(w, name, strlen(name));
		walk(w, &a->u.fields[i], &b->u.fields[i]);
		pop_to(w, mark);
	}
}

static const char *nil_empty_reason(walker *w, const sd_gv *a, const sd_gv *b, bool map)
{
	const sd_gv *nil = a->is_nil ? a : b;
	return sd_arena_printf(w->d->arena,
		"%s is a nil %s (%s), %s an empty %s %s: reflect.DeepEqual says they differ; "
		"both print as %s and go-cmp's EquateEmpty calls them equal",
		a->is_nil ? "left" : "right", map ? "map" : "slice", nil_word(nil),
		a->is_nil ? "right" : "left", map ? "map" : "slice", map ? "{}" : "[]",
		map ? "map[]" : "[]");
}

static int key_cmp(const sd_gv_entry *x, const sd_gv_entry *y)
{
	size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
	int c = memcmp(x->key, y->key, n);
	if (c)
		return c;
	return x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
}

static void walk_map(walker *w, const sd_gv *a, const sd_gv *b)
{
	size_t na = a->is_nil ? 0 : a->u.map.n, nb = b->is_nil ? 0 : b->u.map.n;
	if (na == 0 && nb == 0) {
		if (a->is_nil != b->is_nil)
			emit(w, SD_CLASS_NIL_VS_EMPTY, a, b, nil_empty_reason(w, a, b, true));
		return;
	}
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		const sd_gv_entry *x = i < na ? &a->u.map.entries[i] : NULL;
		const sd_gv_entry *y = j < nb ? &b->u.map.entries[j] : NULL;
		int c = !x ? 1 : !y ? -1 : key_cmp(x, y);
		const sd_gv_entry *e = c <= 0 ? x : y;
		size_t mark = push_seg(w, e->key, e->key_len);
		if (c == 0)
			walk(w, &x->value, &y->value);
		else
			emit(w, SD_CLASS_VALUE, c < 0 ? &x->value : NULL, c > 0 ? &y->value : NULL,
			     c < 0 ? "this key is only in the left map" : "this key is only in the right map");
		pop_to(w, mark);
		i += c <= 0;
		j += c >= 0;
	}
}

static int gv_ptr_cmp(const void *x, const void *y)
{
	return sd_gv_compare(*(const sd_gv *const *)x, *(const sd_gv *const *)y);
}

/* Equal as multisets: sort both with the SortSlices order, then compare. */
static bool multiset_equal(const sd_gv *a, const sd_gv *b)
{
	size_t n = a->u.slice.n;
	const sd_gv **sa = sd_xmalloc(n * sizeof(*sa)), **sb = sd_xmalloc(n * sizeof(*sb));
	for (size_t i = 0; i < n; i++) {
		sa[i] = &a->u.slice.items[i];
		sb[i] = &b->u.slice.items[i];
	}
	qsort(sa, n, sizeof(*sa), gv_ptr_cmp);
	qsort(sb, n, sizeof(*sb), gv_ptr_cmp);
	bool eq = true;
	for (size_t i = 0; i < n && eq; i++)
		eq = sd_gv_deep_equal(sa[i], sb[i]);
	free(sa);
	free(sb);
	return eq;
}

static void walk_slice(walker *w, const sd_gv *a, const sd_gv *b)
{
	size_t na = a->is_nil ? 0 : a->u.slice.n, nb = b->is_nil ? 0 : b->u.slice.n;
	if (na == 0 && nb == 0) {
		if (a->is_nil != b->is_nil)
			emit(w, SD_CLASS_NIL_VS_EMPTY, a, b, nil_empty_reason(w, a, b, false));
		return;
	}
	if (na != nb) {
		emit(w, SD_CLASS_VALUE, a, b, sd_arena_printf(w->d->arena,
			"the lists have different lengths: %zu on the left, %zu on the right", na, nb));
		return;
	}
	if (a->type->set_like) {
		if (sd_gv_deep_equal(a, b))
			return;
		if (multiset_equal(a, b)) {
			emit(w, SD_CLASS_ORDER_ONLY, a, b,
			     "same elements in another order: reflect.DeepEqual compares lists in "
			     "order, but this list is a set, so semantic mode calls them equal");
			return;
		}
	}
	for (size_t i = 0; i < na; i++) {
		size_t mark = push_index(w, i);
		walk(w, &a->u.slice.items[i], &b->u.slice.items[i]);
		pop_to(w, mark);
	}
}

static bool scalar_equal(const sd_gv *a, const sd_gv *b)
{
	switch (a->type->kind) {
	case SD_GO_STRING:
		return a->u.str.len == b->u.str.len && !memcmp(a->u.str.s, b->u.str.s, a->u.str.len);
	case SD_GO_BOOL:
		return a->u.boolean == b->u.boolean;
	case SD_GO_INT:
		return a->u.i == b->u.i;
	case SD_GO_UINT:
		return a->u.u == b->u.u;
	case SD_GO_FLOAT:
		return a->u.f == b->u.f;
	default:
		return true;
	}
}

static void walk(walker *w, const sd_gv *a, const sd_gv *b)
{
	switch (a->type->kind) {
	case SD_GO_PTR:
		walk_ptr(w, a, b);
		break;
	case SD_GO_IFACE:
		walk_iface(w, a, b);
		break;
	case SD_GO_STRUCT:
		walk_struct(w, a, b);
		break;
	case SD_GO_MAP:
		walk_map(w, a, b);
		break;
	case SD_GO_SLICE:
		walk_slice(w, a, b);
		break;
	default:
		if (!scalar_equal(a, b))
			emit(w, SD_CLASS_VALUE, a, b, "the values differ");
		break;
	}
}

void sdp_diff_walk(sd_diff *d, const sd_gv *l, const sd_gv *r)
{
	walker w = { d, SD_BUF_INIT };
	sd_buf_grow(&w.path, 256);
	if (l && r && l->type == r->type)
		walk(&w, l, r);
	else if (l || r)
		emit(&w, SD_CLASS_VALUE, l, r, "the documents were decoded into different Go types");
	sd_buf_release(&w.path);
	d->nwalker = d->nitems;
}

/* ---- the public API ---- */

static sd_diff *compute(const sd_doc *ldoc, const sd_goview *lview,
			const sd_doc *rdoc, const sd_goview *rview,
			const sd_diff_opts *opts, bool lazy_values)
{
	sd_diff *d = sd_xcalloc(1, sizeof(*d));
	d->arena = sd_arena_new();
	d->ldoc = ldoc;
	d->rdoc = rdoc;
	d->lview = lview;
	d->rview = rview;
	if (opts)
		d->opts = *opts;
	if (!d->opts.max_lcs_cells)
		d->opts.max_lcs_cells = (size_t)4 << 20;
	sd_strmap_init(&d->marks);
	sd_strmap_init(&d->pairs);
	if (lview && rview && sdp_goview_is_lazy(lview) && sdp_goview_is_lazy(rview))
		sdp_diff_walk_nodes(d, sd_doc_root(ldoc), sd_doc_root(rdoc));
	else
		sdp_diff_walk(d, lview ? sd_goview_root(lview) : NULL, rview ? sd_goview_root(rview) : NULL);
	sdp_align_build(d);
	for (size_t i = 0; !lazy_values && i < d->lazy_cap; i++)
		sdp_diff_item_make_values(d, i);
	return d;
}

sd_diff *sd_diff_compute(const sd_doc *ldoc, const sd_goview *lview,
			 const sd_doc *rdoc, const sd_goview *rview,
			 const sd_diff_opts *opts)
{
	return compute(ldoc, lview, rdoc, rview, opts, false);
}

sd_diff *sd_diff_compute_lazy(const sd_doc *ldoc, const sd_goview *lview,
			      const sd_doc *rdoc, const sd_goview *rview,
			      const sd_diff_opts *opts)
{
	return compute(ldoc, lview, rdoc, rview, opts, true);
}

void sd_diff_free(sd_diff *d)
{
	if (!d)
		return;
	sd_strmap_release(&d->marks);
	sd_strmap_release(&d->pairs);
	free(d->items);
	free(d->lazy_want);
	sd_arena_free(d->arena);
	free(d);
}

size_t sd_diff_count(const sd_diff *d)
{
	return d->nitems;
}

const sd_diff_item *sd_diff_item_at(const sd_diff *d, size_t i)
{
	if (i >= d->nitems)
		return NULL;
	sdp_diff_item_make_values(d, i);
	return d->items[i];
}

size_t sd_diff_count_class(const sd_diff *d, sd_class c)
{
	return (unsigned)c < SD_CLASS__COUNT ? d->counts[c] : 0;
}

bool sd_diff_equal(const sd_diff *d, sd_mode m)
{
	for (int c = SD_CLASS_COSMETIC; c < SD_CLASS__COUNT; c++)
		if (d->counts[c] && sd_class_counts((sd_class)c, m))
			return false;
	return true;
}

const sd_pair *sd_diff_root(const sd_diff *d)
{
	return d->root;
}
