/*
 * gofacts.c - what Go holds at one side of a node (see gofacts.h).  The
 * path is walked twice in step: through the Go values (struct fields by
 * encoding/json's key matching, map keys, indexes, through pointers and
 * interfaces) and through the source, for the node's own pointer.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "specdiff/base.h"
#include "specdiff/gofacts.h"
#include "specdiff/gofmt.h"
#include "specdiff/schema.h"

/* Until the schema module names the version of its tables, the version
 * the generated table (core/oci-schema.jsonl) was made from. */
const char *sd_gofacts_types_version(void)
{
	return sd_schema_version_of(sd_schema_oci());
}

static bool parse_index(const sd_buf *seg, size_t *out)
{
	size_t i = 0;
	if (!seg->len || (seg->len > 1 && seg->data[0] == '0'))
		return false;
	for (size_t k = 0; k < seg->len; k++) {
		if (seg->data[k] < '0' || seg->data[k] > '9' || i > SIZE_MAX / 10 - 1)
			return false;
		i = i * 10 + (size_t)(seg->data[k] - '0');
	}
	*out = i;
	return true;
}

static const sd_type *strip_ptr(const sd_type *t)
{
	while (t && t->kind == SD_GO_PTR)
		t = t->elem;
	return t;
}

/* The walk's state: the Go value (NULL: none), the field it is of (NULL:
 * not a struct field), the static type for matching source keys (NULL
 * below an interface{}: exact keys), the source node. */
typedef struct walk {
	const sd_gv *v;
	const sd_field *field;
	const sd_type *t;
	bool dropped;
	const sd_node *n;
	sd_buf ptr;
} walk;

static const sd_gv *unwrap(const sd_gv *v)
{
	while (v && (v->type->kind == SD_GO_PTR || v->type->kind == SD_GO_IFACE))
		v = v->is_nil ? NULL : v->u.elem;
	return v;
}

static void go_step(walk *w, const sd_buf *seg)
{
	const sd_gv *c = unwrap(w->v);
	w->field = NULL;
	w->v = NULL;
	if (!c)
		return;
	size_t i;
	switch (c->type->kind) {
	case SD_GO_STRUCT:
		w->field = sd_type_match_key(c->type, seg->data, seg->len);
		if (w->field)
			w->v = &c->u.fields[w->field - c->type->fields];
		else
			w->dropped = true;
		break;
	case SD_GO_MAP:
		w->v = sd_gv_map_get(c, seg->data, seg->len);
		break;
	case SD_GO_SLICE:
		if (parse_index(seg, &i) && i < c->u.slice.n)
			w->v = &c->u.slice.items[i];
		break;
	default:
		break;
	}
}

/* The member of object n that Go decodes into the child named seg: the
 * last one matching (duplicates are decoded in order). */
static const sd_member *src_member(const sd_node *n, const sd_type *st, const sd_buf *seg)
{
	const sd_field *want = st ? sd_type_match_key(st, seg->data, seg->len) : NULL;
	const sd_member *hit = NULL;
	for (uint32_t i = 0; i < n->len; i++) {
		const sd_member *m = &n->u.members[i];
		bool same = m->key_len == seg->len && !memcmp(m->key, seg->data, seg->len);
		if (want ? sd_type_match_key(st, m->key, m->key_len) == want : same)
			hit = m;
	}
	return hit;
}

static void src_step(walk *w, const sd_buf *seg)
{
	const sd_node *n = w->n;
	const sd_type *t = strip_ptr(w->t);
	w->n = NULL;
	if (t && t->kind == SD_GO_STRUCT) {
		const sd_field *f = sd_type_match_key(t, seg->data, seg->len);
		w->t = f ? f->type : NULL;
	} else {
		w->t = t && t->kind != SD_GO_IFACE ? t->elem : NULL;
	}
	if (!n)
		return;
	size_t i;
	if (n->kind == SD_OBJECT) {
		const sd_member *m = src_member(n, t && t->kind == SD_GO_STRUCT ? t : NULL, seg);
		if (m) {
			w->n = &m->value;
			sd_buf_addc(&w->ptr, '/');
			sd_buf_add_ptr_segment(&w->ptr, m->key, m->key_len);
		}
	} else if (n->kind == SD_ARRAY && parse_index(seg, &i) && i < n->len) {
		w->n = &n->u.items[i];
		sd_buf_addf(&w->ptr, "/%zu", i);
	}
}

static char *text_of(void (*fn)(sd_buf *, const sd_gv *), const sd_gv *v, size_t *len)
{
	sd_buf b = SD_BUF_INIT;
	fn(&b, v);
	return sd_buf_detach(&b, len);
}

static void marshal_go(sd_buf *b, const sd_gv *v)
{
	sd_gv_marshal_go(b, v);
}

static void type_of(sd_buf *b, const sd_gv *v)
{
	/* %T names the dynamic type; a nil interface{} is a nil argument. */
	while (v->type->kind == SD_GO_IFACE && !v->is_nil && v->u.elem)
		v = v->u.elem;
	if (v->type->kind == SD_GO_IFACE)
		sd_buf_adds(b, "<nil>");
	else
		sd_gofmt_type_name(b, v->type);
}

static void value_facts(sd_gofacts *f, const sd_gv *v, const sd_field *field, size_t whole_len)
{
	const sd_gv *d = v;
	while (d->type->kind == SD_GO_IFACE && !d->is_nil && d->u.elem)
		d = d->u.elem;
	sd_gokind k = d->type->kind;
	f->kind = SD_GOFACTS_VALUE;
	f->type = text_of(type_of, v, NULL);
	f->nil = k == SD_GO_PTR || k == SD_GO_SLICE || k == SD_GO_MAP || k == SD_GO_IFACE ? d->is_nil : -1;
	f->has_len = k == SD_GO_SLICE || k == SD_GO_MAP || k == SD_GO_STRING;
	f->len = whole_len ? whole_len : sd_gv_len(d);
	f->v = text_of(sd_gofmt_v, v, &f->v_len);
	f->gov = text_of(sd_gofmt_sharp_v, v, NULL);
	f->marshal = text_of(marshal_go, v, NULL);
	if (field)
		f->in_parent = field->omitempty && sd_gv_is_omitempty_empty(v)
			? SD_GOFACTS_OMITTED : SD_GOFACTS_WRITTEN;
}

void sd_gofacts_compute(sd_gofacts *f, const sd_gv *root, const sd_gv *value,
			size_t whole_len, const sd_node *src_root, const char *path)
{
	memset(f, 0, sizeof(*f));
	walk w = { root, NULL, root ? root->type : NULL, false, src_root, SD_BUF_INIT };
	sd_buf seg = SD_BUF_INIT;
	sd_buf_grow(&w.ptr, 1);
	sd_buf_grow(&seg, 1);
	const char *p = path && strcmp(path, "/") ? path : "", *s;
	size_t n;
	sd_ptr_iter it;
	for (sd_ptr_iter_init(&it, p, strlen(p)); sd_ptr_next(&it, &s, &n);) {
		sd_buf_reset(&seg);
		sd_ptr_unescape(&seg, s, n, NULL);
		if (root && !w.dropped)
			go_step(&w, &seg);
		src_step(&w, &seg);
	}
	sd_buf_release(&seg);
	if (w.n)
		f->pointer = sd_buf_detach(&w.ptr, NULL);
	else
		sd_buf_release(&w.ptr);
	if (!root) {
		w.v = value;
		w.field = NULL;
	} else {
		whole_len = 0;
	}
	if (w.dropped)
		f->kind = w.n ? SD_GOFACTS_DROPPED : SD_GOFACTS_NONE;
	else if (w.v)
		value_facts(f, w.v, w.field, whole_len);
}

void sd_gofacts_release(sd_gofacts *f)
{
	free(f->pointer);
	free(f->type);
	free(f->v);
	free(f->gov);
	free(f->marshal);
	memset(f, 0, sizeof(*f));
}

static void json_str_or_null(sd_buf *out, const char *s)
{
	if (s)   /* valid UTF-8 (Go's strings are): Go's escaping is JSON's */
		sd_json_quote(out, s, strlen(s), SD_JSON_GO);
	else
		sd_buf_adds(out, "null");
}

static const char *in_parent_text(const sd_gofacts *f)
{
	return f->in_parent == SD_GOFACTS_OMITTED ? "omitted"
	       : f->in_parent == SD_GOFACTS_WRITTEN ? f->marshal : NULL;
}

void sd_gofacts_json(sd_buf *out, const sd_gofacts *f)
{
	if (f->kind == SD_GOFACTS_NONE) {
		sd_buf_adds(out, "null");
		return;
	}
	if (f->kind == SD_GOFACTS_DROPPED) {
		sd_buf_adds(out, "{\"dropped\":true}");
		return;
	}
	sd_buf_adds(out, "{\"type\":");
	json_str_or_null(out, f->type);
	sd_buf_adds(out, f->nil < 0 ? ",\"nil\":null" : f->nil ? ",\"nil\":true" : ",\"nil\":false");
	if (f->has_len)
		sd_buf_addf(out, ",\"len\":%zu", f->len);
	else
		sd_buf_adds(out, ",\"len\":null");
	sd_buf_adds(out, ",\"v\":");
	sd_json_quote(out, f->v, f->v_len, SD_JSON_GO);
	sd_buf_adds(out, ",\"gov\":");
	json_str_or_null(out, f->gov);
	sd_buf_adds(out, ",\"marshal\":");
	json_str_or_null(out, f->marshal);
	sd_buf_adds(out, ",\"in_parent\":");
	json_str_or_null(out, in_parent_text(f));
	sd_buf_addc(out, '}');
}

static void emit_cut(void (*line)(void *, const char *), void *ctx, const char *label,
		     const char *s, size_t n, size_t max)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_adds(&b, label);
	if (max && n > max) {
		sd_buf_add(&b, s, max);
		sd_buf_adds(&b, "...");
	} else {
		sd_buf_add(&b, s, n);
	}
	line(ctx, b.data);
	sd_buf_release(&b);
}

void sd_gofacts_lines(const sd_gofacts *f, size_t max,
		      void (*line)(void *ctx, const char *text), void *ctx)
{
	if (f->kind == SD_GOFACTS_NONE) {
		line(ctx, "  Go     no value here (no such map key or list element)");
		return;
	}
	if (f->kind == SD_GOFACTS_DROPPED) {
		line(ctx, "  Go     dropped: specs-go has no such field, json.Unmarshal ignores it");
		return;
	}
	sd_buf b = SD_BUF_INIT;
	sd_buf_addf(&b, "  Go     %s", f->type);
	if (f->nil >= 0)
		sd_buf_adds(&b, f->nil ? "  nil" : "  not nil");
	if (f->has_len)
		sd_buf_addf(&b, "  len %zu", f->len);
	line(ctx, b.data);
	sd_buf_release(&b);
	emit_cut(line, ctx, "  %v     ", f->v, f->v_len, max);
	emit_cut(line, ctx, "  %#v    ", f->gov, strlen(f->gov), max);
	emit_cut(line, ctx, "  json.Marshal  ", f->marshal, strlen(f->marshal), max);
	const char *ip = in_parent_text(f);
	if (ip)
		emit_cut(line, ctx, "  as a struct field  ", ip, strlen(ip), max);
	else
		line(ctx, "  as a struct field  - (not a field of a struct)");
}

void sd_gofacts_side(sd_gofacts *f, const sd_diff *d, const sd_diff_item *it,
		     const char *path, int side, size_t max_nodes)
{
	const sd_goview *view = side ? d->rview : d->lview;
	const sd_node *src = sd_doc_root(side ? d->rdoc : d->ldoc);
	const sd_type *rt = sd_goview_root_type(view);
	if (rt->kind != SD_GO_IFACE) {
		sd_gofacts_compute(f, sd_goview_root(view), NULL, 0, src, path);
		return;
	}
	size_t whole = 0;
	const sd_gv *v = it && it->cls != SD_CLASS_COSMETIC
		? sd_diff_item_value(d, it, side, max_nodes, &whole) : NULL;
	if (!it || it->cls == SD_CLASS_COSMETIC)
		sd_gofacts_compute(f, sd_goview_root(view), NULL, 0, src, path);
	else
		sd_gofacts_compute(f, NULL, v, whole, src, path);
}

bool sd_gofacts_cheap(const sd_diff *d, const sd_diff_item *it)
{
	return (it && it->cls != SD_CLASS_COSMETIC) ||
	       (sd_goview_root_type(d->lview)->kind != SD_GO_IFACE &&
		sd_goview_root_type(d->rview)->kind != SD_GO_IFACE);
}
