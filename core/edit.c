/* edit.c - the explorer's edits as new documents, and the undo history
 * (see edit.h).  An edit deep-copies the document (sd_build_copy) and
 * changes the copy: documents are arena-owned and immutable once shared,
 * so history states can hold them without any bookkeeping of changes. */
#include "specdiff/edit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/util.h"

#define MAX_DEPTH 10240
#define MAX_LOC 256   /* edits reach this deep (specs are a few levels) */

/* ---- document level ---------------------------------------------------- */

static void strip_positions(sd_node *n)
{
	n->line = n->col = 0;
	if (n->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < n->len; i++)
			strip_positions(&n->u.items[i]);
	} else if (n->kind == SD_OBJECT) {
		for (uint32_t i = 0; i < n->len; i++) {
			strip_positions(&n->u.members[i].value);
			sd_member_set_key_line(&n->u.members[i], 0);
			n->u.members[i].key_col = 0;
		}
	}
}

static sd_node *copy_value(sd_doc *d, const sd_node *v, bool keep_positions)
{
	sd_node *c = sd_build_copy(d, v);
	if (!keep_positions)
		strip_positions(c);
	return c;
}

/* A copy of d and its (mutable) root. */
static sd_doc *clone(const sd_doc *d, sd_node **root)
{
	sd_doc *c = sd_doc_build_new(sd_doc_name(d), sd_doc_format(d));
	*root = sd_build_copy(c, sd_doc_root(d));
	return c;
}

/* The child at index i of a container, NULL when there is none. */
static sd_node *child(sd_node *n, size_t i)
{
	if (n->kind == SD_ARRAY && i < n->len)
		return &n->u.items[i];
	if (n->kind == SD_OBJECT && i < n->len)
		return &n->u.members[i].value;
	return NULL;
}

static sd_node *walk(sd_node *root, const size_t *loc, size_t n)
{
	sd_node *p = root;
	for (size_t i = 0; p && i < n; i++)
		p = child(p, loc[i]);
	return p;
}

sd_doc *sd_doc_edit_replace(const sd_doc *d, const size_t *loc, size_t n, const sd_node *value,
			    bool keep_positions)
{
	sd_node *root;
	sd_doc *c = clone(d, &root);
	sd_node *parent = n ? walk(root, loc, n - 1) : NULL;
	if (n && (!parent || !child(parent, loc[n - 1]))) {
		sd_doc_free(c);
		return NULL;
	}
	sd_node *v = copy_value(c, value, keep_positions);
	if (!n)
		root = v;
	else if (parent->kind == SD_ARRAY)
		parent->u.items[loc[n - 1]] = *v;
	else {   /* the key keeps its line */
		sd_member *m = &parent->u.members[loc[n - 1]];
		uint32_t key_line = sd_member_key_line(m);
		m->value = *v;
		sd_member_set_key_line(m, key_line);
	}
	sd_doc_set_root(c, root);
	return c;
}

sd_doc *sd_doc_edit_insert(const sd_doc *d, const size_t *loc, size_t n, size_t index,
			   const char *key, size_t key_len, const sd_node *value,
			   bool keep_positions)
{
	sd_node *root;
	sd_doc *c = clone(d, &root);
	sd_node *at = walk(root, loc, n);
	if (!at || at->kind != (key ? SD_OBJECT : SD_ARRAY)) {
		sd_doc_free(c);
		return NULL;
	}
	if (index > at->len)
		index = at->len;
	sd_node *v = copy_value(c, value, keep_positions);
	if (key)
		sd_build_insert_member(c, at, index, key, key_len, v);
	else
		sd_build_insert_item(c, at, index, v);
	sd_doc_set_root(c, root);
	return c;
}

sd_doc *sd_doc_edit_remove(const sd_doc *d, const size_t *loc, size_t n)
{
	if (!n)
		return NULL;
	sd_node *root;
	sd_doc *c = clone(d, &root);
	sd_node *parent = walk(root, loc, n - 1);
	if (!parent || !child(parent, loc[n - 1])) {
		sd_doc_free(c);
		return NULL;
	}
	if (parent->kind == SD_ARRAY)
		sd_build_remove_item(parent, loc[n - 1]);
	else
		sd_build_remove_member(parent, loc[n - 1]);
	sd_doc_set_root(c, root);
	return c;
}

static long child_index(const sd_node *parent, const sd_node *node)
{
	for (uint32_t i = 0; parent && i < parent->len; i++) {
		const sd_node *k = parent->kind == SD_ARRAY ? &parent->u.items[i]
			: parent->kind == SD_OBJECT ? &parent->u.members[i].value : NULL;
		if (k == node)
			return (long)i;
	}
	return -1;
}

static long locate_dfs(const sd_node *at, const sd_node *node, size_t *loc, size_t max, size_t depth)
{
	if (at == node)
		return (long)depth;
	if ((at->kind != SD_ARRAY && at->kind != SD_OBJECT) || depth >= MAX_DEPTH)
		return -1;
	for (uint32_t i = 0; i < at->len; i++) {
		const sd_node *k = at->kind == SD_ARRAY ? &at->u.items[i] : &at->u.members[i].value;
		if (depth < max)
			loc[depth] = i;
		long r = locate_dfs(k, node, loc, max, depth + 1);
		if (r >= 0)
			return r;
	}
	return -1;
}

long sd_doc_locate(const sd_doc *d, const sd_node *node, size_t *loc, size_t max)
{
	return locate_dfs(sd_doc_root(d), node, loc, max, 0);
}

/* ---- pair level ---------------------------------------------------------- */

static const char *side_name(int side)
{
	return side ? "RIGHT" : "LEFT";
}

static const char *pair_path(const sd_pair *p)
{
	return p->path && *p->path ? p->path : "/";
}

static void say(sd_edit *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(sd_edit *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
}

static int refuse(sd_edit *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(sd_edit *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	e->doc = NULL;
	return -1;
}

static const sd_node *pnode(const sd_pair *p, int side)
{
	return side ? p->right : p->left;
}

/* Location of p's node on side through the pair chain (cheap: one scan
 * of each ancestor's children), else by searching the whole document. */
static long pair_locate(const sd_doc *d, const sd_pair *p, int side, size_t *loc, size_t max)
{
	const sd_pair *chain[MAX_LOC + 2];
	size_t n = 0;
	for (const sd_pair *a = p; a && n < MAX_LOC + 2; a = a->parent)
		chain[n++] = a;
	bool ok = n < MAX_LOC + 2 && pnode(chain[n - 1], side) == sd_doc_root(d) && n - 1 <= max;
	for (size_t i = n - 1; ok && i > 0; i--) {
		long k = child_index(pnode(chain[i], side), pnode(chain[i - 1], side));
		ok = k >= 0;
		if (ok)
			loc[n - 1 - i] = (size_t)k;
	}
	if (ok)
		return (long)(n - 1);
	return pnode(p, side) ? sd_doc_locate(d, pnode(p, side), loc, max) : -1;
}

/* Where a node missing on side `to` goes in the container pn (p's parent
 * there): after the nearest earlier sibling pair present on that side. */
static size_t insert_index(const sd_pair *p, int to, const sd_node *pn)
{
	const sd_pair *pp = p->parent;
	size_t i = 0;
	while (i < pp->nkids && pp->kids[i] != p)
		i++;
	while (i-- > 0) {
		long k = child_index(pn, pnode(pp->kids[i], to));
		if (k >= 0)
			return (size_t)k + 1;
	}
	return 0;
}

static void key_of(const sd_pair *p, int side, const char **key, size_t *len)
{
	*key = side ? p->rkey : p->lkey;
	*len = side ? p->rkey_len : p->lkey_len;
}

/* Inserts value as p's node on side `to` (p missing there, its parent
 * present); the key is p's key on side `keyside`. */
static sd_doc *insert_at_pair(const sd_doc *d, const sd_pair *p, int to, int keyside,
			      const sd_node *value, sd_edit *e)
{
	const sd_node *pn = pnode(p->parent, to);
	size_t loc[MAX_LOC];
	long n = pair_locate(d, p->parent, to, loc, sizeof(loc) / sizeof(loc[0]));
	if (n < 0 || n > MAX_LOC) {
		refuse(e, "cannot find %s's container on %s", pair_path(p), side_name(to));
		return NULL;
	}
	const char *key;
	size_t klen;
	key_of(p, keyside, &key, &klen);
	if ((pn->kind == SD_OBJECT) != (key != NULL) || (pn->kind != SD_OBJECT && pn->kind != SD_ARRAY)) {
		refuse(e, "the containers of %s differ in kind on the two sides: copy the container",
		       pair_path(p));
		return NULL;
	}
	return sd_doc_edit_insert(d, loc, (size_t)n, insert_index(p, to, pn), key, klen, value, false);
}

static int replace_at_pair(const sd_doc *const docs[2], const sd_pair *p, int side,
			   const sd_node *value, bool keep_positions, sd_edit *e)
{
	size_t loc[MAX_LOC];
	long n = pair_locate(docs[side], p, side, loc, sizeof(loc) / sizeof(loc[0]));
	if (n < 0 || n > MAX_LOC)
		return refuse(e, "cannot find %s on %s", pair_path(p), side_name(side));
	e->doc = sd_doc_edit_replace(docs[side], loc, (size_t)n, value, keep_positions);
	return e->doc ? 0 : refuse(e, "cannot change %s on %s", pair_path(p), side_name(side));
}

int sd_edit_copy(const sd_doc *const docs[2], const sd_pair *p, int from, sd_edit *e)
{
	memset(e, 0, sizeof(*e));
	bool swapped = false;
	if (!pnode(p, from)) {
		if (!pnode(p, !from))
			return refuse(e, "nothing to copy here");
		from = !from;   /* a filler: copy the node that exists */
		swapped = true;
	}
	int to = !from;
	while (!pnode(p, to) && p->parent && !pnode(p->parent, to))
		p = p->parent;   /* the outermost container missing on `to` */
	e->side = to;
	snprintf(e->path, sizeof(e->path), "%s", pair_path(p));
	if (pnode(p, to)) {
		if (sd_node_equal(pnode(p, to), pnode(p, from)))
			return refuse(e, "%s is already the same on both sides", e->path);
		if (replace_at_pair(docs, p, to, pnode(p, from), false, e))
			return -1;
	} else {
		e->doc = insert_at_pair(docs[to], p, to, from, pnode(p, from), e);
		if (!e->doc)
			return -1;
	}
	if (swapped)
		say(e, "%s has nothing at %s: copied %s's node to %s (dd on %s deletes it)",
		    side_name(to), e->path, side_name(from), side_name(to), side_name(from));
	else
		say(e, "copied %s from %s to %s", e->path, side_name(from), side_name(to));
	return 0;
}

/* What `x` makes of a nil value of type t: SD_OBJECT, SD_ARRAY, or -1. */
static int empty_kind(const sd_type *t)
{
	if (!t)
		return -1;
	if (t->kind == SD_GO_MAP)
		return SD_OBJECT;
	if (t->kind == SD_GO_SLICE)
		return SD_ARRAY;
	if (t->kind == SD_GO_PTR && t->elem && t->elem->kind == SD_GO_STRUCT)
		return SD_OBJECT;
	return -1;
}

static int toggle_present(const sd_doc *const docs[2], const sd_pair *p, int side, int kind,
			  sd_edit *e)
{
	const sd_node *n = pnode(p, side);
	const char *what = kind == SD_OBJECT ? "{}" : "[]";
	if (n->kind == SD_NULL) {
		sd_doc *tmp = sd_doc_build_new("", SD_FORMAT_JSON);
		const sd_node *v = kind == SD_OBJECT ? sd_build_object(tmp) : sd_build_array(tmp);
		int r = replace_at_pair(docs, p, side, v, false, e);
		sd_doc_free(tmp);
		if (!r)
			say(e, "%s on %s: null (nil) -> %s (empty)", e->path, side_name(side), what);
		return r;
	}
	if (n->kind != kind)
		return refuse(e, "%s on %s is a %s where Go has %s: x toggles only nil and empty",
			      e->path, side_name(side), sd_kind_name((sd_kind)n->kind), p->type->go_type);
	if (n->len)
		return refuse(e, "%s on %s is not empty (%u %s): x toggles nil and empty (dd deletes)",
			      e->path, side_name(side), n->len, kind == SD_OBJECT ? "keys" : "items");
	if (!p->parent)
		return refuse(e, "the root cannot be nil");
	const sd_node *pn = pnode(p->parent, side);
	if (pn && pn->kind == SD_ARRAY) {
		sd_doc *tmp = sd_doc_build_new("", SD_FORMAT_JSON);
		int r = replace_at_pair(docs, p, side, sd_build_null(tmp), false, e);
		sd_doc_free(tmp);
		if (!r)
			say(e, "%s on %s: %s (empty) -> null (nil)", e->path, side_name(side), what);
		return r;
	}
	if (sd_edit_delete(docs, p, side, e))
		return -1;
	say(e, "%s on %s: %s (empty) -> absent (nil)", e->path, side_name(side), what);
	return 0;
}

int sd_edit_toggle_empty(const sd_doc *const docs[2], const sd_pair *p, int side, sd_edit *e)
{
	memset(e, 0, sizeof(*e));
	e->side = side;
	snprintf(e->path, sizeof(e->path), "%s", pair_path(p));
	int kind = empty_kind(p->type);
	if (kind < 0)
		return refuse(e, "x toggles nil/empty only where Go has a map, slice or struct pointer; "
			      "%s is %s", e->path, p->type ? p->type->go_type : "not a field Go decodes");
	if (pnode(p, side))
		return toggle_present(docs, p, side, kind, e);
	if (!p->parent || !pnode(p->parent, side))
		return refuse(e, "the container of %s is missing on %s: copy it first (< or >)",
			      e->path, side_name(side));
	sd_doc *tmp = sd_doc_build_new("", SD_FORMAT_JSON);
	const sd_node *v = kind == SD_OBJECT ? sd_build_object(tmp) : sd_build_array(tmp);
	e->doc = insert_at_pair(docs[side], p, side, !side, v, e);
	sd_doc_free(tmp);
	if (!e->doc)
		return -1;
	say(e, "%s on %s: absent (nil) -> %s (empty)", e->path, side_name(side),
	    kind == SD_OBJECT ? "{}" : "[]");
	return 0;
}

int sd_edit_delete(const sd_doc *const docs[2], const sd_pair *p, int side, sd_edit *e)
{
	memset(e, 0, sizeof(*e));
	e->side = side;
	snprintf(e->path, sizeof(e->path), "%s", pair_path(p));
	if (!pnode(p, side))
		return refuse(e, "%s has nothing at %s to delete", side_name(side), e->path);
	if (!p->parent)
		return refuse(e, "the root cannot be deleted");
	size_t loc[MAX_LOC];
	long n = pair_locate(docs[side], p, side, loc, sizeof(loc) / sizeof(loc[0]));
	if (n < 1 || n > MAX_LOC)
		return refuse(e, "cannot find %s on %s", e->path, side_name(side));
	e->doc = sd_doc_edit_remove(docs[side], loc, (size_t)n);
	if (!e->doc)
		return refuse(e, "cannot delete %s on %s", e->path, side_name(side));
	say(e, "deleted %s on %s", e->path, side_name(side));
	return 0;
}

/* ---- history --------------------------------------------------------------- */

typedef struct entry {
	sd_doc *doc;
	sd_goview *view;
	unsigned refs;
	bool owned;
	uint64_t id;
	size_t nodes;
} entry;

typedef struct state {
	entry *e[2];
	char *path;          /* of the edit that made it; malloc'd, may be NULL */
} state;

struct sd_history {
	state *v;
	size_t n, cap, cur;
	const sd_type *type[2];
	uint64_t saved[2];
	uint64_t next_id;
	size_t nodes;        /* in every entry held */
};

static size_t count_nodes(const sd_node *n)
{
	size_t c = 1;
	if (n->kind == SD_ARRAY)
		for (uint32_t i = 0; i < n->len; i++)
			c += count_nodes(&n->u.items[i]);
	else if (n->kind == SD_OBJECT)
		for (uint32_t i = 0; i < n->len; i++)
			c += count_nodes(&n->u.members[i].value);
	return c;
}

static entry *entry_new(sd_history *h, sd_doc *doc, sd_goview *view, bool owned)
{
	entry *e = sd_xcalloc(1, sizeof(*e));
	e->doc = doc;
	e->view = view;
	e->owned = owned;
	e->id = ++h->next_id;
	e->nodes = count_nodes(sd_doc_root(doc));
	h->nodes += e->nodes;
	return e;
}

static void entry_unref(sd_history *h, entry *e)
{
	if (--e->refs)
		return;
	h->nodes -= e->nodes;
	if (e->owned) {
		sd_goview_free(e->view);
		sd_doc_free(e->doc);
	}
	free(e);
}

static void state_release(sd_history *h, state *s)
{
	entry_unref(h, s->e[0]);
	entry_unref(h, s->e[1]);
	free(s->path);
	s->path = NULL;
}

static void append(sd_history *h, entry *l, entry *r)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->v = sd_xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	l->refs++;
	r->refs++;
	h->v[h->n].e[0] = l;
	h->v[h->n].e[1] = r;
	h->v[h->n].path = NULL;
	h->n++;
}

static void start(sd_history *h, sd_doc *const docs[2], sd_goview *const views[2], bool owned)
{
	entry *e[2];
	for (int s = 0; s < 2; s++) {
		e[s] = entry_new(h, docs[s], views[s], owned);
		h->saved[s] = e[s]->id;
		h->type[s] = sd_goview_root_type(views[s]);   /* no decode */
	}
	append(h, e[0], e[1]);
	h->cur = 0;
}

sd_history *sd_history_new(sd_doc *const docs[2], sd_goview *const views[2], bool owned)
{
	sd_history *h = sd_xcalloc(1, sizeof(*h));
	start(h, docs, views, owned);
	return h;
}

static void drop_all(sd_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		state_release(h, &h->v[i]);
	h->n = h->cur = 0;
}

void sd_history_free(sd_history *h)
{
	if (!h)
		return;
	drop_all(h);
	free(h->v);
	free(h);
}

void sd_history_reset(sd_history *h, sd_doc *const docs[2], sd_goview *const views[2])
{
	drop_all(h);
	start(h, docs, views, true);
}

const sd_doc *sd_history_doc(const sd_history *h, int side)
{
	return h->v[h->cur].e[side]->doc;
}

const sd_goview *sd_history_view(const sd_history *h, int side)
{
	return h->v[h->cur].e[side]->view;
}

/* The oldest states go first when there are too many or they hold too
 * much; the current state and the one before it always stay. */
static void trim(sd_history *h)
{
	while (h->cur >= 2 && (h->n > SD_HISTORY_MAX_STATES || h->nodes > SD_HISTORY_MAX_NODES)) {
		state_release(h, &h->v[0]);
		memmove(h->v, h->v + 1, (h->n - 1) * sizeof(*h->v));
		h->n--;
		h->cur--;
	}
}

const char *sd_history_push(sd_history *h, int side, sd_doc *doc, const char *path)
{
	while (h->n > h->cur + 1)
		state_release(h, &h->v[--h->n]);
	sd_error err;
	sd_error_clear(&err);
	sd_goview *view = sd_goview_decode(doc, h->type[side], &err);
	entry *e = entry_new(h, doc, view, true);
	entry *l = side ? h->v[h->cur].e[0] : e, *r = side ? e : h->v[h->cur].e[1];
	append(h, l, r);
	h->cur = h->n - 1;
	h->v[h->cur].path = path ? sd_xstrdup(path) : NULL;
	trim(h);
	return sd_goview_error(view);
}

const char *sd_history_path(const sd_history *h)
{
	return h->v[h->cur].path;
}

bool sd_history_undo(sd_history *h)
{
	if (!h->cur)
		return false;
	h->cur--;
	return true;
}

bool sd_history_redo(sd_history *h)
{
	if (h->cur + 1 >= h->n)
		return false;
	h->cur++;
	return true;
}

size_t sd_history_position(const sd_history *h)
{
	return h->cur;
}

size_t sd_history_count(const sd_history *h)
{
	return h->n;
}

bool sd_history_modified(const sd_history *h, int side)
{
	return h->v[h->cur].e[side]->id != h->saved[side];
}

void sd_history_mark_saved(sd_history *h, int side)
{
	h->saved[side] = h->v[h->cur].e[side]->id;
}

void sd_history_replace(sd_history *h, int side, sd_doc *doc, sd_goview *view)
{
	entry *e = entry_new(h, doc, view, true);
	e->refs++;
	entry_unref(h, h->v[h->cur].e[side]);
	h->v[h->cur].e[side] = e;
	h->saved[side] = e->id;
}
