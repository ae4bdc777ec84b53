/* rows.c - the pair tree flattened into display rows (see rows.h). */
#include "specdiff/rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- fold overrides: open addressing on the pair pointer ---- */

void sd_foldset_init(sd_foldset *f)
{
	memset(f, 0, sizeof(*f));
}

void sd_foldset_release(sd_foldset *f)
{
	free(f->keys);
	free(f->vals);
	sd_foldset_init(f);
}

void sd_foldset_clear(sd_foldset *f)
{
	if (f->cap) {
		memset(f->keys, 0, f->cap * sizeof(*f->keys));
		memset(f->vals, 0, f->cap);
	}
	f->n = 0;
}

static size_t slot_of(const sd_pair **keys, size_t cap, const sd_pair *p)
{
	size_t h = ((uintptr_t)p >> 4) * (size_t)0x9E3779B97F4A7C15ull;
	size_t i = h & (cap - 1);
	while (keys[i] && keys[i] != p)
		i = (i + 1) & (cap - 1);
	return i;
}

static void foldset_grow(sd_foldset *f)
{
	size_t cap = f->cap ? f->cap * 2 : 64;
	const sd_pair **keys = sd_xcalloc(cap, sizeof(*keys));
	uint8_t *vals = sd_xcalloc(cap, 1);
	for (size_t i = 0; i < f->cap; i++) {
		if (!f->keys[i])
			continue;
		size_t j = slot_of(keys, cap, f->keys[i]);
		keys[j] = f->keys[i];
		vals[j] = f->vals[i];
	}
	free(f->keys);
	free(f->vals);
	f->keys = keys;
	f->vals = vals;
	f->cap = cap;
}

void sd_foldset_set(sd_foldset *f, const sd_pair *p, sd_fold v)
{
	if ((f->n + 1) * 2 > f->cap)
		foldset_grow(f);
	size_t i = slot_of(f->keys, f->cap, p);
	if (!f->keys[i]) {
		f->keys[i] = p;
		f->n++;
	}
	f->vals[i] = (uint8_t)v;   /* DEFAULT stays as a tombstone-free entry */
}

sd_fold sd_foldset_get(const sd_foldset *f, const sd_pair *p)
{
	if (!f || !f->cap)
		return SD_FOLD_DEFAULT;
	size_t i = slot_of(f->keys, f->cap, p);
	return f->keys[i] ? (sd_fold)f->vals[i] : SD_FOLD_DEFAULT;
}

/* ---- the model ---- */

void sd_rows_init(sd_rows *r)
{
	memset(r, 0, sizeof(*r));
}

void sd_rows_release(sd_rows *r)
{
	free(r->v);
	sd_rows_init(r);
}

uint8_t sd_rows_visible_mask(const sd_rows_opts *o)
{
	uint8_t m = 0;
	for (int c = SD_CLASS_COSMETIC; c < SD_CLASS__COUNT; c++)
		if (sd_class_counts((sd_class)c, o->mode))
			m |= (uint8_t)(1u << c);
	if (o->show_cosmetic)
		m |= 1u << SD_CLASS_COSMETIC;
	return m;
}

const sd_node *sd_pair_node(const sd_pair *p, int side)
{
	return side ? p->right : p->left;
}

static bool is_container(const sd_node *n)
{
	return n && (n->kind == SD_OBJECT || n->kind == SD_ARRAY) && n->len > 0;
}

size_t sd_rows_index_ignored(sd_foldset *map, const sd_pair *root)
{
	sd_foldset_clear(map);
	if (!root)
		return 0;
	size_t n = 0, top = 0, cap = 64;
	const sd_pair **st = sd_xmalloc(cap * sizeof(*st));
	st[top++] = root;
	while (top) {
		const sd_pair *p = st[--top];
		if (p->item && p->item->ignored) {
			uint8_t bit = (uint8_t)(1u << p->item->cls);
			n++;
			/* ancestors of a pair with the bit have it already */
			for (const sd_pair *a = p; a && !(sd_foldset_get(map, a) & bit); a = a->parent)
				sd_foldset_set(map, a, (sd_fold)(sd_foldset_get(map, a) | bit));
		}
		if (p->folded)
			continue;
		if (top + p->nkids > cap) {
			cap = (top + p->nkids) * 2;
			st = sd_xrealloc(st, cap * sizeof(*st));
		}
		for (size_t i = p->nkids; i-- > 0;)
			st[top++] = p->kids[i];
	}
	free(st);
	return n;
}

uint8_t sd_rows_ignored_below(const sd_rows_opts *o, const sd_pair *p)
{
	return o->ignored ? (uint8_t)sd_foldset_get(o->ignored, p) : 0;
}

/* Class bits of what this pair shows: its own differences, and the
 * ignored ones when they are shown. */
static uint8_t shown_below(const sd_pair *p, const sd_rows_opts *o)
{
	return (uint8_t)(p->below | (o->show_ignored ? sd_rows_ignored_below(o, p) : 0));
}

bool sd_rows_is_folded(const sd_pair *p, const sd_rows_opts *o)
{
	if (!p->nkids && !p->folded && !is_container(p->left) && !is_container(p->right))
		return false;
	sd_fold f = sd_foldset_get(o->folds, p);
	if (f != SD_FOLD_DEFAULT)
		return f == SD_FOLD_CLOSED;
	if (!p->parent)
		return false;
	return (shown_below(p, o) & sd_rows_visible_mask(o)) == 0;
}

/* Highest class in bits, for a folded row standing for what it hides. */
static uint8_t top_class(uint8_t bits)
{
	for (int c = SD_CLASS__COUNT - 1; c > 0; c--)
		if (bits & (1u << c))
			return (uint8_t)c;
	return SD_CLASS_NONE;
}

/* The diff builds unchanged subtrees on demand; open means built. */
static void expand(const sd_rows_opts *o, const sd_pair *p)
{
	if (o->diff && p->folded)
		sd_diff_expand(o->diff, p);
}

static void push(sd_rows *r, const sd_row *row)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->v = sd_xrealloc(r->v, r->cap * sizeof(*r->v));
	}
	r->v[r->n++] = *row;
	if (row->mark)
		r->nmarks++;
}

/* Explicit stack: documents may nest 10000 deep. */
typedef struct frame {
	const sd_pair *p;
	size_t next;      /* next kid to visit */
	uint32_t depth;
} frame;

static void emit_open(sd_rows *r, const sd_pair *p, uint32_t depth, uint8_t mask,
		      bool folded, const sd_rows_opts *o)
{
	sd_row row = { p, depth, folded ? SD_ROW_FOLDED : SD_ROW_NODE, SD_CLASS_NONE, 0 };
	uint8_t ign = o->show_ignored ? sd_rows_ignored_below(o, p) : 0;
	if (p->cls != SD_CLASS_NONE && (mask & (1u << p->cls))) {
		row.mark = (uint8_t)p->cls;
	} else if (o->show_ignored && p->item && p->item->ignored && (mask & (1u << p->item->cls))) {
		row.mark = (uint8_t)p->item->cls;
		row.flags |= SD_ROW_IGNORED;
	} else if (folded && (p->below & mask)) {
		row.mark = top_class(p->below & mask);
		row.flags |= SD_ROW_INNER;
	} else if (folded && (ign & mask)) {
		row.mark = top_class(ign & mask);
		row.flags |= SD_ROW_INNER | SD_ROW_IGNORED;
	}
	push(r, &row);
}

void sd_rows_build(sd_rows *r, const sd_pair *root, const sd_rows_opts *o)
{
	r->n = 0;
	r->nmarks = 0;
	if (!root)
		return;
	uint8_t mask = sd_rows_visible_mask(o);
	size_t cap = 64, top = 0;
	frame *st = sd_xmalloc(cap * sizeof(*st));
	bool folded = sd_rows_is_folded(root, o);
	emit_open(r, root, 0, mask, folded, o);
	if (!folded && (is_container(root->left) || is_container(root->right))) {
		expand(o, root);
		st[top++] = (frame){ root, 0, 0 };
	}
	while (top) {
		frame *f = &st[top - 1];
		if (f->next == f->p->nkids) {
			sd_row close = { f->p, f->depth, SD_ROW_CLOSE, SD_CLASS_NONE, 0 };
			push(r, &close);
			top--;
			continue;
		}
		const sd_pair *k = f->p->kids[f->next++];
		uint32_t depth = f->depth + 1;
		bool kf = sd_rows_is_folded(k, o);
		emit_open(r, k, depth, mask, kf, o);
		if (!kf && (is_container(k->left) || is_container(k->right))) {
			expand(o, k);
			if (top == cap) {
				cap *= 2;
				st = sd_xrealloc(st, cap * sizeof(*st));
			}
			st[top++] = (frame){ k, 0, depth };
		}
	}
	free(st);
}

size_t sd_rows_find(const sd_rows *r, const sd_pair *p)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].pair == p && r->v[i].kind != SD_ROW_CLOSE)
			return i;
	return SD_ROWS_NONE;
}

size_t sd_rows_next_mark(const sd_rows *r, size_t from, int dir)
{
	if (dir > 0) {
		for (size_t i = from + 1; i < r->n; i++)
			if (r->v[i].mark)
				return i;
	} else {
		for (size_t i = from; i-- > 0;)
			if (r->v[i].mark)
				return i;
	}
	return SD_ROWS_NONE;
}

/* ---- text ---- */

static void add_escaped(sd_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			sd_buf_adds(b, "\\n");
		else if (c == '\t')
			sd_buf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sd_buf_addf(b, "\\u%04x", c);
		else
			sd_buf_addc(b, (char)c);
	}
}

void sd_node_scalar_text(sd_buf *b, const sd_node *n)
{
	switch ((sd_kind)n->kind) {
	case SD_NULL:
		sd_buf_adds(b, "null");
		break;
	case SD_BOOL:
		sd_buf_adds(b, n->u.boolean ? "true" : "false");
		break;
	case SD_NUMBER:
		sd_buf_add(b, n->u.num, n->len);
		break;
	case SD_STRING:
		sd_buf_addc(b, '"');
		for (uint32_t i = 0; i < n->len; i++) {
			char c = n->u.str[i];
			if (c == '"' || c == '\\')
				sd_buf_addc(b, '\\');
			add_escaped(b, &c, 1);
		}
		sd_buf_addc(b, '"');
		break;
	case SD_ARRAY:
		sd_buf_adds(b, n->len ? "[…]" : "[]");
		break;
	case SD_OBJECT:
		sd_buf_adds(b, n->len ? "{…}" : "{}");
		break;
	}
}

static void add_label(sd_buf *b, const sd_pair *p, int side)
{
	const char *key = side ? p->rkey : p->lkey;
	uint32_t klen = side ? p->rkey_len : p->lkey_len;
	long idx = side ? p->rindex : p->lindex;
	if (key) {
		add_escaped(b, key, klen);
		sd_buf_adds(b, ": ");
	} else if (idx >= 0) {
		sd_buf_addf(b, "[%ld] ", idx);
	}
}

static void add_summary(sd_buf *b, const sd_node *n, bool ascii)
{
	const char *dots = ascii ? "..." : "…";
	if (n->kind == SD_OBJECT)
		sd_buf_addf(b, "{%s%u key%s}", dots, n->len, n->len == 1 ? "" : "s");
	else
		sd_buf_addf(b, "[%s%u item%s]", dots, n->len, n->len == 1 ? "" : "s");
}

void sd_row_text(sd_buf *b, const sd_row *row, int side, bool ascii)
{
	const sd_node *n = sd_pair_node(row->pair, side);
	if (!n)
		return;
	if (row->kind == SD_ROW_CLOSE) {
		if (is_container(n))
			sd_buf_adds(b, n->kind == SD_OBJECT ? "}" : "]");
		return;
	}
	add_label(b, row->pair, side);
	if (!is_container(n))
		sd_node_scalar_text(b, n);
	else if (row->kind == SD_ROW_FOLDED)
		add_summary(b, n, ascii);
	else
		sd_buf_adds(b, n->kind == SD_OBJECT ? "{" : "[");
}
