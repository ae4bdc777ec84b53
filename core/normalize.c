/*
 * normalize.c - canonical forms of a spec (normalize.h).
 *
 * One walk copies the source tree into a new document, carrying along the
 * Go type of each node, the Go value the node decoded to (from the view)
 * and, for --like, OTHER's Go value at the same place.  Decisions about
 * nil and empty are made on Go values, never on spellings, so a field
 * written "Sysctl" or repeated is judged by what Go made of it.
 *
 * A struct field given by several members (duplicate or case-folded keys)
 * is first replaced by one member rendered from Go's merged value, because
 * Go merges maps and pointers and reuses slice elements across duplicates:
 * no single member then says what the field holds.  Every other node keeps
 * its source text.
 */
#include "specdiff/base.h"
#include "specdiff/normalize.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/util.h"

typedef struct norm {
	sd_doc *out;
	const sd_normalize_opts *o;
	sd_normalize_stats *st;
	bool use_gv;   /* nil/empty decisions are being made */
	sd_buf path;   /* JSON Pointer of the node being walked (for the focus) */
} norm;

/* Appends one segment to the current path; returns the length to restore. */
static size_t path_push(norm *c, const char *seg, size_t len)
{
	size_t old = c->path.len;
	sd_buf_addc(&c->path, '/');
	sd_buf_add_ptr_segment(&c->path, seg, len);
	return old;
}

static size_t path_push_index(norm *c, size_t i)
{
	size_t old = c->path.len;
	sd_buf_addf(&c->path, "/%zu", i);
	return old;
}

static void path_pop(norm *c, size_t old)
{
	c->path.len = old;
	c->path.data[old] = '\0';
}

/* May --like change the node at the current path?  A change is judged as
 * the difference it removes would be: nil-vs-empty or order-only there. */
static bool like_may_change(norm *c, sd_class cls)
{
	if (!c->o->focus)
		return true;
	sd_diff_item it = { .path = c->path.len ? c->path.data : "/", .cls = cls };
	if (!sd_focus_ignores(c->o->focus, NULL, &it))
		return true;
	c->st->like_ignored++;
	return false;
}

/* One member of an object being rebuilt. */
typedef struct entry {
	const char *key;
	size_t key_len;
	uint32_t key_line, key_col;
	sd_node *value;
	long field;    /* struct field index, -1 unknown (or a map key) */
	size_t seq;    /* position before sorting: makes sorts stable */
} entry;

static const sd_node empty_object = { .kind = SD_OBJECT };

static sd_node *walk(norm *c, const sd_node *n, const sd_type *t, const sd_gv *gv,
		     const sd_gv *like);

/* ---- ordering -------------------------------------------------------- */

static int cmp_key(const entry *a, const entry *b)
{
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
	int r = memcmp(a->key, b->key, n);
	if (r)
		return r;
	if (a->key_len != b->key_len)
		return a->key_len < b->key_len ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_key_q(const void *a, const void *b)
{
	return cmp_key(a, b);
}

static int cmp_field_q(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;
	/* unknown members (field -1) go last, in source order */
	unsigned long fa = (unsigned long)a->field, fb = (unsigned long)b->field;
	if (fa != fb)
		return fa < fb ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static sd_node *build_object(norm *c, entry *e, size_t n, bool by_field, bool sorted)
{
	for (size_t i = 0; i < n; i++)
		e[i].seq = i;
	if (sorted)
		qsort(e, n, sizeof *e, cmp_key_q);
	else if (by_field)
		qsort(e, n, sizeof *e, cmp_field_q);
	sd_node *obj = sd_build_object(c->out);
	for (size_t i = 0; i < n; i++) {
		sd_member *m = sd_build_append_member(c->out, obj, e[i].key, e[i].key_len, e[i].value);
		sd_member_set_key_line(m, e[i].key_line);
		m->key_col = e[i].key_col;
	}
	return obj;
}

static void entry_from_member(entry *e, const sd_member *m, sd_node *value, long field)
{
	e->key = m->key;
	e->key_len = m->key_len;
	e->key_line = sd_member_key_line(m);
	e->key_col = m->key_col;
	e->value = value;
	e->field = field;
}

/* A subtree without schema (unknown field, interface{}): copied, keys
 * sorted when asked. */
static sd_node *plain(norm *c, const sd_node *n, bool sort)
{
	if (!sort || (n->kind != SD_OBJECT && n->kind != SD_ARRAY))
		return sd_build_copy(c->out, n);
	if (n->kind == SD_ARRAY) {
		sd_node *a = sd_build_copy(c->out, n);
		for (uint32_t i = 0; i < n->len; i++)
			a->u.items[i] = *plain(c, &n->u.items[i], sort);
		return a;
	}
	entry *e = sd_xcalloc(n->len ? n->len : 1, sizeof *e);
	for (uint32_t i = 0; i < n->len; i++)
		entry_from_member(&e[i], &n->u.members[i], plain(c, &n->u.members[i].value, sort), -1);
	sd_node *obj = build_object(c, e, n->len, false, true);
	obj->line = n->line;
	obj->col = n->col;
	free(e);
	return obj;
}

/* ---- rendering a Go value (for merged duplicates) --------------------- */

static sd_node *render(norm *c, const sd_gv *v);

static sd_node *render_number(norm *c, const sd_gv *v)
{
	if (v->src && v->src->kind == SD_NUMBER)
		return sd_build_copy(c->out, v->src);
	char buf[64];
	if (v->type->kind == SD_GO_INT)
		snprintf(buf, sizeof buf, "%" PRId64, v->u.i);
	else if (v->type->kind == SD_GO_UINT)
		snprintf(buf, sizeof buf, "%" PRIu64, v->u.u);
	else
		snprintf(buf, sizeof buf, "%.17g", v->u.f);
	return sd_build_number(c->out, buf, strlen(buf));
}

static sd_node *render_struct(norm *c, const sd_gv *v)
{
	const sd_type *t = v->type;
	sd_node *obj = sd_build_object(c->out);
	for (size_t i = 0; i < t->nfields; i++) {
		const sd_gv *f = &v->u.fields[i];
		sd_gokind k = f->type->kind;
		bool nilable = k == SD_GO_PTR || k == SD_GO_MAP || k == SD_GO_SLICE || k == SD_GO_IFACE;
		if (nilable ? f->is_nil : k != SD_GO_STRUCT && sd_gv_is_zero(f))
			continue;
		sd_node *val = render(c, f);
		if (k == SD_GO_STRUCT && val->len == 0)
			continue;  /* an absent struct is its zero value */
		const char *name = t->fields[i].json_name;
		sd_build_append_member(c->out, obj, name, strlen(name), val);
	}
	return obj;
}

static sd_node *render(norm *c, const sd_gv *v)
{
	switch (v->type->kind) {
	case SD_GO_STRUCT:
		return render_struct(c, v);
	case SD_GO_PTR:
	case SD_GO_IFACE:
		return v->is_nil ? sd_build_null(c->out) : render(c, v->u.elem);
	case SD_GO_SLICE: {
		if (v->is_nil)
			return sd_build_null(c->out);
		sd_node *a = sd_build_array(c->out);
		for (size_t i = 0; i < v->u.slice.n; i++)
			sd_build_append_item(c->out, a, render(c, &v->u.slice.items[i]));
		return a;
	}
	case SD_GO_MAP: {
		if (v->is_nil)
			return sd_build_null(c->out);
		sd_node *o = sd_build_object(c->out);
		for (size_t i = 0; i < v->u.map.n; i++) {
			const sd_gv_entry *e = &v->u.map.entries[i];
			sd_build_append_member(c->out, o, e->key, e->key_len, render(c, &e->value));
		}
		return o;
	}
	case SD_GO_STRING:
		return sd_build_string(c->out, v->u.str.s, v->u.str.len);
	case SD_GO_BOOL:
		return sd_build_bool(c->out, v->u.boolean);
	default:
		return render_number(c, v);
	}
}

/* ---- nil and empty --------------------------------------------------- */

static bool gv_nil(const sd_gv *v) { return v->is_nil; }
static bool gv_empty(const sd_gv *v) { return !v->is_nil && sd_gv_len(v) == 0; }

static sd_node *empty_of(norm *c, const sd_type *t)
{
	c->st->nil_empty_changed++;
	return t->kind == SD_GO_MAP ? sd_build_object(c->out) : sd_build_array(c->out);
}

/* The new value of a struct field present in the source; NULL drops it. */
static sd_node *field_value(norm *c, const sd_node *n, const sd_field *f, const sd_gv *gv,
			    const sd_gv *like)
{
	sd_gokind k = f->type->kind;
	bool coll = k == SD_GO_MAP || k == SD_GO_SLICE;
	if (c->use_gv && gv && (coll || k == SD_GO_PTR || k == SD_GO_IFACE)) {
		if (c->o->empty == SD_EMPTY_OMIT && f->omitempty && (gv_nil(gv) || (coll && gv_empty(gv)))) {
			c->st->nil_empty_changed++;
			return NULL;
		}
		if (coll && c->o->empty == SD_EMPTY_EXPLICIT && gv_nil(gv))
			return empty_of(c, f->type);
		if (coll && like && gv_nil(gv) && gv_empty(like) &&
		    like_may_change(c, SD_CLASS_NIL_VS_EMPTY))
			return empty_of(c, f->type);
		if (coll && like && gv_empty(gv) && gv_nil(like) &&
		    like_may_change(c, SD_CLASS_NIL_VS_EMPTY)) {
			c->st->nil_empty_changed++;
			/* OTHER's spelling of nil: null when it wrote null */
			return like->src && like->src->kind == SD_NULL ? sd_build_null(c->out) : NULL;
		}
	}
	return walk(c, n, f->type, gv, like);
}

/* A field the source leaves out that explicit or like wants written. */
static sd_node *missing_field(norm *c, const sd_field *f, const sd_gv *gv, const sd_gv *like)
{
	sd_gokind k = f->type->kind;
	if (k == SD_GO_MAP || k == SD_GO_SLICE) {
		if (c->o->empty == SD_EMPTY_EXPLICIT)
			return empty_of(c, f->type);
		if (like && gv_empty(like) && like_may_change(c, SD_CLASS_NIL_VS_EMPTY))
			return empty_of(c, f->type);
		return NULL;
	}
	if (k == SD_GO_STRUCT && (c->o->empty == SD_EMPTY_EXPLICIT || like)) {
		sd_node *sub = walk(c, &empty_object, f->type, gv, like);
		return sub->len ? sub : NULL;
	}
	return NULL;
}

/* ---- structs, maps, slices ------------------------------------------- */

/* Where a field added to a source-ordered object goes: after the last
 * member of an earlier field, else before the first known member. */
static size_t insert_pos(const entry *e, size_t n, long field)
{
	size_t first_known = n;
	for (size_t j = n; j-- > 0;)
		if (e[j].field >= 0 && e[j].field < field)
			return j + 1;
	for (size_t j = 0; j < n; j++)
		if (e[j].field >= 0) {
			first_known = j;
			break;
		}
	return first_known;
}

static bool is_last_of_field(const long *idx, uint32_t i, uint32_t n)
{
	for (uint32_t j = i + 1; j < n; j++)
		if (idx[j] == idx[i])
			return false;
	return true;
}

static void add_missing(norm *c, entry *e, size_t *n, const sd_type *t, const size_t *count,
			const sd_gv *gv, const sd_gv *like)
{
	for (size_t f = 0; f < t->nfields; f++) {
		if (count[f])
			continue;
		size_t mark = path_push(c, t->fields[f].json_name, strlen(t->fields[f].json_name));
		sd_node *v = missing_field(c, &t->fields[f], &gv->u.fields[f],
					   like ? &like->u.fields[f] : NULL);
		path_pop(c, mark);
		if (!v)
			continue;
		size_t at = c->o->order == SD_ORDER_SOURCE ? insert_pos(e, *n, (long)f) : *n;
		memmove(&e[at + 1], &e[at], (*n - at) * sizeof *e);
		e[at] = (entry){ .key = t->fields[f].json_name, .key_len = strlen(t->fields[f].json_name),
				 .value = v, .field = (long)f };
		(*n)++;
	}
}

static sd_node *walk_struct(norm *c, const sd_node *obj, const sd_type *t, const sd_gv *gv,
			    const sd_gv *like)
{
	long *idx = sd_xcalloc(obj->len ? obj->len : 1, sizeof *idx);
	size_t *count = sd_xcalloc(t->nfields ? t->nfields : 1, sizeof *count);
	entry *e = sd_xcalloc(obj->len + t->nfields + 1, sizeof *e);
	size_t n = 0;
	for (uint32_t i = 0; i < obj->len; i++) {
		const sd_member *m = &obj->u.members[i];
		const sd_field *f = sd_type_match_key(t, m->key, m->key_len);
		idx[i] = f ? f - t->fields : -1;
		if (f)
			count[idx[i]]++;
	}
	for (uint32_t i = 0; i < obj->len; i++) {
		const sd_member *m = &obj->u.members[i];
		if (idx[i] < 0) {
			if (c->o->drop_unknown)
				c->st->unknown_dropped++;
			else
				entry_from_member(&e[n++], m, plain(c, &m->value, c->o->order == SD_ORDER_SORTED), -1);
			continue;
		}
		const sd_field *f = &t->fields[idx[i]];
		const sd_gv *fgv = gv ? &gv->u.fields[idx[i]] : NULL;
		const sd_gv *flike = like ? &like->u.fields[idx[i]] : NULL;
		const sd_node *src = &m->value;
		sd_gokind k = f->type->kind;
		if (count[idx[i]] > 1 && k != SD_GO_STRING && k != SD_GO_BOOL && k != SD_GO_INT &&
		    k != SD_GO_UINT && k != SD_GO_FLOAT) {
			if (!c->use_gv || !fgv) {
				entry_from_member(&e[n++], m, walk(c, src, f->type, NULL, NULL), idx[i]);
				continue;
			}
			/* Go's merged value stands where the last member was. */
			if (!is_last_of_field(idx, i, obj->len))
				continue;
			c->st->dups_resolved++;
			src = render(c, fgv);
		} else if (count[idx[i]] > 1) {
			fgv = flike = NULL;  /* plain: the last non-null one wins; copy them all */
		}
		size_t mark = path_push(c, f->json_name, strlen(f->json_name));
		sd_node *v = field_value(c, src, f, fgv, flike);
		path_pop(c, mark);
		if (v)
			entry_from_member(&e[n++], m, v, idx[i]);
	}
	if (c->use_gv && gv)
		add_missing(c, e, &n, t, count, gv, like);
	sd_node *out = build_object(c, e, n, c->o->order == SD_ORDER_GO,
				    c->o->order == SD_ORDER_SORTED);
	out->line = obj->line;
	out->col = obj->col;
	free(e);
	free(count);
	free(idx);
	return out;
}

static bool later_same_key(const sd_node *obj, uint32_t i)
{
	const sd_member *a = &obj->u.members[i];
	if (!(obj->flags & SD_NODE_DUPKEYS))
		return false;
	for (uint32_t j = i + 1; j < obj->len; j++) {
		const sd_member *b = &obj->u.members[j];
		if (a->key_len == b->key_len && !memcmp(a->key, b->key, a->key_len))
			return true;
	}
	return false;
}

static sd_node *walk_map(norm *c, const sd_node *obj, const sd_type *t, const sd_gv *gv,
			 const sd_gv *like)
{
	entry *e = sd_xcalloc(obj->len ? obj->len : 1, sizeof *e);
	for (uint32_t i = 0; i < obj->len; i++) {
		const sd_member *m = &obj->u.members[i];
		const sd_gv *egv = NULL, *elike = NULL;
		/* Go decodes each map value afresh: only the last of a repeated
		 * key counts, earlier ones are copied untouched. */
		if (!later_same_key(obj, i)) {
			if (gv && !gv->is_nil)
				egv = sd_gv_map_get(gv, m->key, m->key_len);
			if (egv && like && !like->is_nil)
				elike = sd_gv_map_get(like, m->key, m->key_len);
		}
		size_t mark = path_push(c, m->key, m->key_len);
		entry_from_member(&e[i], m, walk(c, &m->value, t->elem, egv, elike), -1);
		path_pop(c, mark);
	}
	sd_node *out = build_object(c, e, obj->len, false, c->o->order != SD_ORDER_SOURCE);
	out->line = obj->line;
	out->col = obj->col;
	free(e);
	return out;
}

/* ---- set-like lists: OTHER's order ----------------------------------- */

typedef struct sorted_item {
	const sd_gv *v;
	size_t i;
} sorted_item;

static int cmp_item_q(const void *pa, const void *pb)
{
	const sorted_item *a = pa, *b = pb;
	int r = sd_gv_compare(a->v, b->v);
	if (r)
		return r;
	return a->i < b->i ? -1 : a->i > b->i;
}

static sorted_item *sort_items(const sd_gv *items, size_t n)
{
	sorted_item *s = sd_xmalloc(n * sizeof *s);
	for (size_t i = 0; i < n; i++)
		s[i] = (sorted_item){ &items[i], i };
	qsort(s, n, sizeof *s, cmp_item_q);
	return s;
}

/* perm[k] = the index of FILE's element to put at position k so that the
 * list reads in OTHER's order.  False when the lists are not permutations
 * of each other (then nothing is reordered). */
static bool match_order(const sd_gv *mine, const sd_gv *theirs, size_t n, size_t *perm)
{
	bool same = true;
	for (size_t i = 0; i < n && same; i++)
		same = sd_gv_semantic_equal(&mine[i], &theirs[i]);
	if (same)
		return false;
	sorted_item *a = sort_items(mine, n), *b = sort_items(theirs, n);
	bool ok = true;
	for (size_t k = 0; k < n && ok; k++) {
		ok = sd_gv_semantic_equal(a[k].v, b[k].v);
		perm[b[k].i] = a[k].i;
	}
	free(a);
	free(b);
	return ok;
}

static sd_node *walk_slice(norm *c, const sd_node *arr, const sd_type *t, const sd_gv *gv,
			   const sd_gv *like)
{
	size_t n = arr->len;
	const sd_gv *items = gv && !gv->is_nil && gv->u.slice.n == n ? gv->u.slice.items : NULL;
	const sd_gv *litems = like && !like->is_nil ? like->u.slice.items : NULL;
	size_t ln = litems ? like->u.slice.n : 0;
	size_t *perm = sd_xmalloc((n ? n : 1) * sizeof *perm);
	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	if (!items)
		litems = NULL, ln = 0;
	if (items && litems && t->set_like && ln == n && n > 1 && match_order(items, litems, n, perm) &&
	    like_may_change(c, SD_CLASS_ORDER_ONLY))
		c->st->lists_reordered++;
	else
		for (size_t i = 0; i < n; i++)
			perm[i] = i;
	sd_node *out = sd_build_array(c->out);
	for (size_t k = 0; k < n; k++) {
		size_t i = perm[k];
		size_t mark = path_push_index(c, k);
		sd_node *v = walk(c, &arr->u.items[i], t->elem, items ? &items[i] : NULL,
				  k < ln ? &litems[k] : NULL);
		path_pop(c, mark);
		sd_build_append_item(c->out, out, v);
	}
	out->line = arr->line;
	out->col = arr->col;
	out->flags = arr->flags;
	free(perm);
	return out;
}

static sd_node *walk(norm *c, const sd_node *n, const sd_type *t, const sd_gv *gv,
		     const sd_gv *like)
{
	if (!t)
		return plain(c, n, c->o->order == SD_ORDER_SORTED);
	switch (t->kind) {
	case SD_GO_PTR:
		return walk(c, n, t->elem, gv && !gv->is_nil ? gv->u.elem : NULL,
			    like && !like->is_nil ? like->u.elem : NULL);
	case SD_GO_STRUCT:
		if (n->kind == SD_OBJECT)
			return walk_struct(c, n, t, gv, like);
		break;
	case SD_GO_MAP:
		if (n->kind == SD_OBJECT)
			return walk_map(c, n, t, gv, like);
		break;
	case SD_GO_SLICE:
		if (n->kind == SD_ARRAY)
			return walk_slice(c, n, t, gv, like);
		break;
	case SD_GO_IFACE:
		/* json.Marshal writes map[string]interface{} with sorted keys */
		return plain(c, n, c->o->order != SD_ORDER_SOURCE);
	default:
		break;
	}
	return sd_build_copy(c->out, n);
}

/* ---- entry points ---------------------------------------------------- */

sd_doc *sd_normalize(const sd_doc *doc, const sd_goview *view, bool oci,
		     const sd_normalize_opts *o, sd_normalize_stats *stats, sd_error *err)
{
	sd_normalize_stats local;
	norm c = { .o = o, .st = stats ? stats : &local };
	memset(c.st, 0, sizeof *c.st);
	c.use_gv = o->empty != SD_EMPTY_KEEP || o->like;
	const sd_gv *root = view ? sd_goview_root(view) : NULL;
	const sd_type *t = root ? root->type : oci ? sd_schema_oci() : sd_schema_iface();
	if (c.use_gv && (!view || sd_goview_error(view))) {
		sd_error_set(err, sd_doc_name(doc), 0, 0,
			     "cannot change nil and empty values: Go cannot decode this spec (%s)",
			     view ? sd_goview_error(view) : "no Go view");
		return NULL;
	}
	if (c.use_gv && t->kind != SD_GO_STRUCT)
		c.st->schema_less = true;
	if (o->like && o->like->type != t)
		c.st->schema_less = true;  /* OTHER decoded as another type */
	c.out = sd_doc_build_new(sd_doc_name(doc), sd_doc_format(doc));
	const sd_gv *like = o->like && o->like->type == t ? o->like : NULL;
	sd_buf_init(&c.path);
	sd_buf_grow(&c.path, 64);
	sd_node *r = walk(&c, sd_doc_root(doc), t, root, like);
	sd_buf_release(&c.path);
	sd_doc_set_root(c.out, r);
	return c.out;
}

sd_doc *sd_normalize_roundtrip(const sd_goview *view, const char *name, sd_error *err)
{
	sd_goview *rt = sd_goview_roundtrip(view);
	sd_buf json = SD_BUF_INIT;
	sd_gv_marshal_json(&json, sd_goview_root(rt), true);
	sd_goview_free(rt);
	sd_load_opts lo = { .format = SD_FORMAT_JSON };
	sd_doc *d = sd_doc_load_bytes(name, json.data, json.len, &lo, err);
	sd_buf_release(&json);
	return d;
}
