/*
 * diff_nodes.c - the walker for two lazy views (JSON documents decoded as
 * interface{}, goview_impl.h): compares the document nodes directly with
 * the semantics diff.c's walker applies to their Go values, so a big
 * document needs no second tree.
 *
 * In interface{}, null is a nil interface, every other value a non-nil
 * interface holding float64, string, bool, []interface{} (never nil) or
 * map[string]interface{} (never nil; keys with invalid UTF-8 hold U+FFFD,
 * a repeated key keeps its last value, entries in key byte order).  The
 * classes, paths, order and reasons of the items are those of diff.c; their
 * Go values are made from the nodes when first asked for
 * (sd_diff_item_at), or at the end of sd_diff_compute unless the caller
 * set lazy_values.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "goview_impl.h"
#include "specdiff/base.h"
#include "specdiff/gonum.h"

/* What Go value an item side wants (lazy_want bits). */
enum { WANT_NONE = 0, WANT_IFACE = 1, WANT_ELEM = 2 };

typedef struct nwalker {
	sd_diff *d;
	sd_buf path;
	sd_arena *tmp;   /* fixed keys and strings; freed after the walk */
} nwalker;

static const char *dyn_name(const sd_node *n)
{
	switch (n->kind) {
	case SD_BOOL:
		return sd_schema_dyn_bool()->go_type;
	case SD_NUMBER:
		return sd_schema_dyn_float()->go_type;
	case SD_STRING:
		return sd_schema_dyn_string()->go_type;
	case SD_ARRAY:
		return sd_schema_dyn_slice()->go_type;
	default:
		return sd_schema_dyn_map()->go_type;
	}
}

static void nemit(nwalker *w, sd_class cls, const sd_node *l, int lw, const sd_node *r, int rw,
		  const char *reason)
{
	sd_diff *d = w->d;
	sdp_diff_add(d, w->path.data ? w->path.data : "", w->path.len, cls, NULL, NULL,
		    lw ? l : NULL, rw ? r : NULL, reason);
	size_t i = d->nitems - 1;
	if (i >= d->lazy_cap) {
		size_t cap = d->lazy_cap ? d->lazy_cap * 2 : 32;
		while (cap <= i)
			cap *= 2;
		d->lazy_want = sd_xrealloc(d->lazy_want, cap);
		memset(d->lazy_want + d->lazy_cap, 0, cap - d->lazy_cap);
		d->lazy_cap = cap;
	}
	d->lazy_want[i] = (unsigned char)(lw | rw << 2);
}

/* ---- objects as Go maps ---- */

typedef struct gkey {
	const char *key;
	size_t len;
	uint32_t idx;   /* member index: the last one of a key wins */
} gkey;

static int gkey_cmp(const void *x, const void *y)
{
	const gkey *a = x, *b = y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->key, b->key, n);
	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* The entries of the Go map for obj, sorted by key, one per key (the last
 * member).  Caller frees. */
static gkey *map_keys(nwalker *w, const sd_node *obj, size_t *n)
{
	gkey *k = sd_xmalloc((obj->len ? obj->len : 1) * sizeof *k);
	size_t out = 0;
	for (uint32_t i = 0; i < obj->len; i++) {
		const sd_member *m = &obj->u.members[i];
		k[i].key = sdp_gv_go_string(w->tmp, m->key, m->key_len, &k[i].len);
		k[i].idx = i;
	}
	qsort(k, obj->len, sizeof *k, gkey_cmp);
	for (uint32_t i = 0; i < obj->len; i++) {
		if (i + 1 < obj->len && k[i].len == k[i + 1].len &&
		    !memcmp(k[i].key, k[i + 1].key, k[i].len))
			continue;
		k[out++] = k[i];
	}
	*n = out;
	return k;
}

static void nwalk_iface(nwalker *w, const sd_node *a, const sd_node *b);

static void nwalk_map(nwalker *w, const sd_node *a, const sd_node *b)
{
	size_t na, nb, i = 0, j = 0;
	gkey *ka = map_keys(w, a, &na), *kb = map_keys(w, b, &nb);
	while (i < na || j < nb) {
		const gkey *x = i < na ? &ka[i] : NULL, *y = j < nb ? &kb[j] : NULL;
		int c = !x ? 1 : !y ? -1 : 0;
		if (x && y) {
			size_t n = x->len < y->len ? x->len : y->len;
			c = memcmp(x->key, y->key, n);
			if (!c)
				c = x->len < y->len ? -1 : x->len > y->len;
		}
		const gkey *e = c <= 0 ? x : y;
		size_t mark = w->path.len;
		sd_buf_addc(&w->path, '/');
		sd_buf_add_ptr_segment(&w->path, e->key, e->len);
		const sd_node *xv = x ? &a->u.members[x->idx].value : NULL;
		const sd_node *yv = y ? &b->u.members[y->idx].value : NULL;
		if (c == 0)
			nwalk_iface(w, xv, yv);
		else if (c < 0)
			nemit(w, SD_CLASS_VALUE, xv, WANT_IFACE, NULL, WANT_NONE,
			      "this key is only in the left map");
		else
			nemit(w, SD_CLASS_VALUE, NULL, WANT_NONE, yv, WANT_IFACE,
			      "this key is only in the right map");
		w->path.len = mark;
		w->path.data[mark] = '\0';
		i += c <= 0;
		j += c >= 0;
	}
	free(ka);
	free(kb);
}

/* ---- the rest ---- */

static void nwalk_slice(nwalker *w, const sd_node *a, const sd_node *b)
{
	if (a->len != b->len) {
		nemit(w, SD_CLASS_VALUE, a, WANT_ELEM, b, WANT_ELEM, sd_arena_printf(w->d->arena,
			"the lists have different lengths: %zu on the left, %zu on the right",
			(size_t)a->len, (size_t)b->len));
		return;
	}
	for (uint32_t i = 0; i < a->len; i++) {
		size_t mark = w->path.len;
		sd_buf_addf(&w->path, "/%zu", (size_t)i);
		nwalk_iface(w, &a->u.items[i], &b->u.items[i]);
		w->path.len = mark;
		w->path.data[mark] = '\0';
	}
}

static bool strings_equal(nwalker *w, const sd_node *a, const sd_node *b)
{
	if (!((a->flags | b->flags) & SD_NODE_BADUTF8))
		return a->len == b->len && !memcmp(a->u.str, b->u.str, a->len);
	size_t la, lb;
	const char *sa = sdp_gv_go_string(w->tmp, a->u.str, a->len, &la);
	const char *sb = sdp_gv_go_string(w->tmp, b->u.str, b->len, &lb);
	return la == lb && !memcmp(sa, sb, la);
}

static bool numbers_equal(const sd_node *a, const sd_node *b)
{
	double x = 0, y = 0;
	if (a->len == b->len && !memcmp(a->u.num, b->u.num, a->len))
		return true;
	sdp_gv_parse_float(a->u.num, a->len, &x);  /* iface_clean: cannot fail */
	sdp_gv_parse_float(b->u.num, b->len, &y);
	return x == y;
}

static bool scalars_equal(nwalker *w, const sd_node *a, const sd_node *b)
{
	switch (a->kind) {
	case SD_STRING:
		return strings_equal(w, a, b);
	case SD_BOOL:
		return a->u.boolean == b->u.boolean;
	case SD_NUMBER:
		return numbers_equal(a, b);
	default:
		return true;
	}
}

static void nwalk_iface(nwalker *w, const sd_node *a, const sd_node *b)
{
	bool anil = a->kind == SD_NULL, bnil = b->kind == SD_NULL;
	if (anil && bnil)
		return;
	if (anil || bnil) {
		nemit(w, SD_CLASS_VALUE, a, WANT_IFACE, b, WANT_IFACE, sd_arena_printf(w->d->arena,
			"%s is a nil interface{} (null), the other holds a %s",
			anil ? "left" : "right", dyn_name(anil ? b : a)));
		return;
	}
	if (a->kind != b->kind) {
		nemit(w, SD_CLASS_VALUE, a, WANT_IFACE, b, WANT_IFACE, sd_arena_printf(w->d->arena,
			"the interface{} values hold different dynamic types: %s on the left, %s on the right",
			dyn_name(a), dyn_name(b)));
		return;
	}
	if (a->kind == SD_OBJECT)
		nwalk_map(w, a, b);
	else if (a->kind == SD_ARRAY)
		nwalk_slice(w, a, b);
	else if (!scalars_equal(w, a, b))
		nemit(w, SD_CLASS_VALUE, a, WANT_ELEM, b, WANT_ELEM, "the values differ");
}

void sdp_diff_walk_nodes(sd_diff *d, const sd_node *l, const sd_node *r)
{
	nwalker w = { d, SD_BUF_INIT, sd_arena_new() };
	sd_buf_grow(&w.path, 256);
	nwalk_iface(&w, l, r);
	sd_buf_release(&w.path);
	sd_arena_free(w.tmp);
	d->nwalker = d->nitems;
}

/* ---- Go values of the items, on demand ---- */

static const sd_gv *make_value(sd_diff *d, const sd_doc *doc, const sd_node *n, int want)
{
	if (want == WANT_NONE || !n)
		return NULL;
	const sd_gv *gv = sdp_gv_decode_iface_node(d->arena, doc, n);
	return want == WANT_ELEM ? gv->u.elem : gv;
}

/* Makes one side's Go value of item i if it is still to be made. */
static void make_side(sd_diff *d, size_t i, int side)
{
	if (i >= d->lazy_cap)
		return;
	sd_diff_item *it = d->items[i];
	int shift = side ? 2 : 0;
	int want = d->lazy_want[i] >> shift & 3;
	if (!want)
		return;
	d->lazy_want[i] &= (unsigned char)~(3 << shift);
	if (side)
		it->right = make_value(d, d->rdoc, it->rnode, want);
	else
		it->left = make_value(d, d->ldoc, it->lnode, want);
}

void sdp_diff_item_make_values(const sd_diff *cd, size_t i)
{
	sd_diff *d = (sd_diff *)cd;   /* a cache inside d, like the pair tree */
	make_side(d, i, 0);
	make_side(d, i, 1);
}

/* A Go value that only knows its type and length: enough for a summary. */
static const sd_gv *stub(sd_diff *d, const sd_node *n, int want)
{
	sd_gv *e = sd_arena_alloc(d->arena, sizeof *e);
	e->src = n;
	if (n->kind == SD_ARRAY) {
		e->type = sd_schema_dyn_slice();
		e->u.slice.n = e->u.slice.cap = n->len;
	} else {
		e->type = sd_schema_dyn_map();
		e->u.map.n = n->len;
	}
	if (want == WANT_ELEM)
		return e;
	sd_gv *v = sd_arena_alloc(d->arena, sizeof *v);
	v->type = sd_schema_iface();
	v->src = n;
	v->u.elem = e;
	return v;
}

/* Does the Go value of n have more than min elements, and is its count
 * n->len (no repeated keys, keys valid UTF-8)? */
static bool big_container(sd_diff *d, const sd_node *n, size_t min)
{
	if (n->len <= min || (n->kind != SD_ARRAY && n->kind != SD_OBJECT))
		return false;
	if (n->kind == SD_ARRAY)
		return true;
	if (n->flags & SD_NODE_DUPKEYS)
		return false;
	for (uint32_t i = 0; i < n->len; i++) {
		size_t len;
		const sd_member *m = &n->u.members[i];
		if (sdp_gv_go_string(d->arena, m->key, m->key_len, &len) != m->key)
			return false;
	}
	return true;
}

void sdp_diff_item_peek_values(const sd_diff *cd, size_t i, size_t min,
			      const sd_gv **l, const sd_gv **r)
{
	sd_diff *d = (sd_diff *)cd;
	int want = i < d->lazy_cap ? d->lazy_want[i] : 0;
	const sd_diff_item *it = d->items[i];
	if (want && (want & 3) && it->lnode && !big_container(d, it->lnode, min))
		want = -1;
	if (want > 0 && (want >> 2) && it->rnode && !big_container(d, it->rnode, min))
		want = -1;
	if (want <= 0) {
		sdp_diff_item_make_values(d, i);
		*l = it->left;
		*r = it->right;
		return;
	}
	*l = (want & 3) && it->lnode ? stub(d, it->lnode, want & 3) : NULL;
	*r = (want >> 2) && it->rnode ? stub(d, it->rnode, want >> 2) : NULL;
}

/* ---- an item's Go value as JSON, straight from its node ---- */

static void marshal_node(sd_buf *out, sd_arena *tmp, const sd_node *n);

/* Is s an integer of at most 15 digits (JSON grammar, so no leading zeros)?
 * json.Marshal writes such a float64 as the same text ("-0" included). */
static bool small_integer(const char *s, size_t len)
{
	size_t i = s[0] == '-';
	if (len - i < 1 || len - i > 15)
		return false;
	for (; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void marshal_map(sd_buf *out, sd_arena *tmp, const sd_node *obj)
{
	nwalker w = { NULL, SD_BUF_INIT, tmp };
	size_t n;
	gkey *k = map_keys(&w, obj, &n);
	sd_buf_addc(out, '{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sd_buf_addc(out, ',');
		sdp_gv_marshal_string(out, k[i].key, k[i].len);
		sd_buf_addc(out, ':');
		marshal_node(out, tmp, &obj->u.members[k[i].idx].value);
	}
	sd_buf_addc(out, '}');
	free(k);
}

/* json.Marshal of the interface{} value Go decodes from n: what
 * sd_gv_marshal_json writes for sdp_gv_decode_iface_node(n), without the
 * tree of Go values (for a whole 100 MB document that tree is gigabytes). */
static void marshal_node(sd_buf *out, sd_arena *tmp, const sd_node *n)
{
	switch (n->kind) {
	case SD_NULL:
		sd_buf_adds(out, "null");
		break;
	case SD_BOOL:
		sd_buf_adds(out, n->u.boolean ? "true" : "false");
		break;
	case SD_NUMBER: {
		if (small_integer(n->u.num, n->len)) {
			sd_buf_add(out, n->u.num, n->len);  /* float64 holds it exactly */
			break;
		}
		double f = 0;
		sdp_gv_parse_float(n->u.num, n->len, &f);  /* lazy views are clean */
		sd_go_json_float(out, f);
		break;
	}
	case SD_STRING: {
		size_t len = n->len;
		const char *s = n->u.str;
		if (n->flags & SD_NODE_BADUTF8)
			s = sdp_gv_go_string(tmp, s, len, &len);
		sdp_gv_marshal_string(out, s, len);
		break;
	}
	case SD_ARRAY:
		sd_buf_addc(out, '[');
		for (uint32_t i = 0; i < n->len; i++) {
			if (i)
				sd_buf_addc(out, ',');
			marshal_node(out, tmp, &n->u.items[i]);
		}
		sd_buf_addc(out, ']');
		break;
	default:
		marshal_map(out, tmp, n);
		break;
	}
}

bool sdp_diff_item_value_json(const sd_diff *d, size_t i, bool right, sd_buf *out)
{
	int want = i < d->lazy_cap ? d->lazy_want[i] : 0;
	want = right ? want >> 2 : want & 3;
	const sd_diff_item *it = d->items[i];
	const sd_node *n = right ? it->rnode : it->lnode;
	if (!want || !n || (right ? it->right : it->left))
		return false;
	sd_arena *tmp = sd_arena_new();
	marshal_node(out, tmp, n);
	sd_arena_free(tmp);
	return true;
}

/* ---- an item's Go value for display, a prefix of it when big ---- */

/* Are there more than max nodes in n's subtree?  Stops counting early. */
static bool more_nodes_than(const sd_node *n, size_t *budget)
{
	if (!*budget)
		return true;
	(*budget)--;
	if (n->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < n->len; i++)
			if (more_nodes_than(&n->u.items[i], budget))
				return true;
	} else if (n->kind == SD_OBJECT) {
		for (uint32_t i = 0; i < n->len; i++)
			if (more_nodes_than(&n->u.members[i].value, budget))
				return true;
	}
	return false;
}

/* A copy of n holding its first *budget nodes in Go's print order (items
 * in order, map entries by key), for a value whose %v, %#v and JSON begin
 * as the whole one's.  Maps keep one member per key (the last), so the
 * copy never has repeated keys. */
static const sd_node *trim_node(sd_arena *a, const sd_node *n, size_t *budget)
{
	if (*budget)
		(*budget)--;
	if ((n->kind != SD_ARRAY && n->kind != SD_OBJECT) || !n->len)
		return n;
	sd_node *c = sd_arena_alloc(a, sizeof *c);
	*c = *n;
	c->len = 0;
	if (n->kind == SD_ARRAY) {
		size_t cap = n->len < *budget + 1 ? n->len : *budget + 1;
		sd_node *items = sd_arena_alloc(a, cap * sizeof *items);
		for (uint32_t i = 0; i < n->len && *budget; i++)
			items[c->len++] = *trim_node(a, &n->u.items[i], budget);
		c->u.items = items;
		return c;
	}
	nwalker w = { NULL, SD_BUF_INIT, a };
	size_t nk;
	gkey *k = map_keys(&w, n, &nk);
	size_t cap = nk < *budget + 1 ? nk : *budget + 1;
	sd_member *m = sd_arena_alloc(a, cap * sizeof *m);
	for (size_t i = 0; i < nk && *budget; i++) {
		m[c->len] = n->u.members[k[i].idx];
		m[c->len].flags = 0;
		m[c->len++].value = *trim_node(a, &n->u.members[k[i].idx].value, budget);
	}
	c->flags &= (uint8_t)~SD_NODE_DUPKEYS;
	c->u.members = m;
	free(k);
	return c;
}

/* len() of the Go value Go decodes from container n into interface{}. */
static size_t go_len(sd_diff *d, const sd_node *n)
{
	if (n->kind != SD_OBJECT || !(n->flags & SD_NODE_DUPKEYS))
		return n->len;
	nwalker w = { NULL, SD_BUF_INIT, d->arena };
	size_t nk;
	free(map_keys(&w, n, &nk));
	return nk;
}

static size_t item_index(const sd_diff *d, const sd_diff_item *it)
{
	for (size_t i = 0; i < d->nitems; i++)
		if (d->items[i] == it)
			return i;
	return SIZE_MAX;
}

const sd_gv *sd_diff_item_value(const sd_diff *cd, const sd_diff_item *it, int side,
				size_t max_nodes, size_t *whole_len)
{
	sd_diff *d = (sd_diff *)cd;   /* a cache inside d, like the pair tree */
	if (whole_len)
		*whole_len = 0;
	size_t i = d->lazy_want ? item_index(d, it) : SIZE_MAX;
	int want = i < d->lazy_cap ? d->lazy_want[i] : 0;
	want = side ? want >> 2 : want & 3;
	const sd_node *n = side ? it->rnode : it->lnode;
	size_t budget = max_nodes;
	if (!want || !n || !max_nodes || !more_nodes_than(n, &budget)) {
		make_side(d, i, side);   /* the other side may be big */
		return side ? it->right : it->left;
	}
	sd_diff_preview *pv = &d->preview[side ? 1 : 0];
	if (pv->item != it || pv->max_nodes != max_nodes) {
		budget = max_nodes;
		const sd_node *t = trim_node(d->arena, n, &budget);
		pv->value = make_value(d, side ? d->rdoc : d->ldoc, t, want);
		pv->len = go_len(d, n);
		pv->item = it;
		pv->max_nodes = max_nodes;
	}
	if (whole_len)
		*whole_len = pv->len;
	return pv->value;
}
