/*
 * doc_build.c - creating and editing a document tree in an arena (doc.h):
 * what normalization and the explorer's edits build their results with.
 *
 * Arrays of items and members grow by doubling inside the arena.  Their
 * capacity is not stored: it is always cap_for(len) (4, 8, 16 ...), so an
 * append that finds len == cap_for(len) allocates the next size and copies.
 * Removing never shrinks; cap_for() of the smaller length is then an
 * underestimate, which only costs an earlier copy.
 */
#include "doc_impl.h"

#include <string.h>
#include "specdiff/base.h"

static size_t cap_for(size_t len)
{
	size_t c = 4;
	if (!len)
		return 0;
	while (c < len)
		c *= 2;
	return c;
}

sd_doc *sd_doc_build_new(const char *name, sd_format format)
{
	sd_doc *d = sdp_doc_new(name);
	d->format = format == SD_FORMAT_YAML ? SD_FORMAT_YAML : SD_FORMAT_JSON;
	d->root = sdp_doc_node(d, SD_NULL, 0, 0);
	return d;
}

static void mark_dups(sd_node *n)
{
	if (n->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < n->len; i++)
			mark_dups(&n->u.items[i]);
		return;
	}
	if (n->kind != SD_OBJECT)
		return;
	for (uint32_t i = 0; i < n->len; i++) {
		n->u.members[i].flags &= ~(uint32_t)SD_MEMBER_DUPLICATE;
		mark_dups(&n->u.members[i].value);
	}
	n->flags &= (uint8_t)~SD_NODE_DUPKEYS;
	if (sdp_doc_mark_duplicates(n->u.members, n->len))
		n->flags |= SD_NODE_DUPKEYS;
}

void sd_doc_set_root(sd_doc *d, sd_node *root)
{
	mark_dups(root);
	d->root = root;
}

sd_node *sd_build_null(sd_doc *d)
{
	return sdp_doc_node(d, SD_NULL, 0, 0);
}

sd_node *sd_build_bool(sd_doc *d, bool v)
{
	sd_node *n = sdp_doc_node(d, SD_BOOL, 0, 0);
	n->u.boolean = v;
	return n;
}

sd_node *sd_build_number(sd_doc *d, const char *text, size_t len)
{
	sd_node *n = sdp_doc_node(d, SD_NUMBER, 0, 0);
	n->u.num = sdp_doc_textdup(d, text, len);
	n->len = (uint32_t)len;
	return n;
}

sd_node *sd_build_string(sd_doc *d, const char *s, size_t len)
{
	sd_node *n = sdp_doc_node(d, SD_STRING, 0, 0);
	n->u.str = sdp_doc_textdup(d, s, len);
	n->len = (uint32_t)len;
	if (!sd_utf8_valid(s, len))
		n->flags |= SD_NODE_BADUTF8;
	return n;
}

sd_node *sd_build_object(sd_doc *d)
{
	return sdp_doc_node(d, SD_OBJECT, 0, 0);
}

sd_node *sd_build_array(sd_doc *d)
{
	return sdp_doc_node(d, SD_ARRAY, 0, 0);
}

/* Makes room for one more element of size sz in *arr (len elements). */
static void *reserve_one(sd_doc *d, void *arr, size_t len, size_t sz)
{
	if (len < cap_for(len))
		return arr;
	void *bigger = sd_arena_array(d->arena, cap_for(len + 1), sz);
	if (len)
		memcpy(bigger, arr, len * sz);
	return bigger;
}

sd_member *sd_build_insert_member(sd_doc *d, sd_node *obj, size_t index, const char *key,
				  size_t key_len, sd_node *value)
{
	sd_node copy = *value;  /* value may be one of obj's own member values */
	if (index > obj->len)
		index = obj->len;
	obj->u.members = reserve_one(d, obj->u.members, obj->len, sizeof(sd_member));
	sd_member *m = &obj->u.members[index];
	memmove(m + 1, m, (obj->len - index) * sizeof(*m));
	memset(m, 0, sizeof(*m));
	m->key = sdp_doc_textdup(d, key, key_len);
	m->key_len = (uint32_t)key_len;
	m->value = copy;
	sd_member_set_key_line(m, copy.line);
	sd_member_set_key_col(m, copy.col);
	obj->len++;
	return m;
}

sd_member *sd_build_append_member(sd_doc *d, sd_node *obj, const char *key, size_t key_len,
				  sd_node *value)
{
	return sd_build_insert_member(d, obj, obj->len, key, key_len, value);
}

void sd_build_remove_member(sd_node *obj, size_t index)
{
	if (index >= obj->len)
		return;
	sd_member *m = &obj->u.members[index];
	memmove(m, m + 1, (obj->len - index - 1) * sizeof(*m));
	obj->len--;
}

void sd_build_insert_item(sd_doc *d, sd_node *arr, size_t index, sd_node *item)
{
	if (index > arr->len)
		index = arr->len;
	sd_node copy = *item;  /* item may be one of arr's own items */
	arr->u.items = reserve_one(d, arr->u.items, arr->len, sizeof(sd_node));
	sd_node *p = &arr->u.items[index];
	memmove(p + 1, p, (arr->len - index) * sizeof(*p));
	*p = copy;
	arr->len++;
}

void sd_build_append_item(sd_doc *d, sd_node *arr, sd_node *item)
{
	sd_build_insert_item(d, arr, arr->len, item);
}

void sd_build_remove_item(sd_node *arr, size_t index)
{
	if (index >= arr->len)
		return;
	sd_node *p = &arr->u.items[index];
	memmove(p, p + 1, (arr->len - index - 1) * sizeof(*p));
	arr->len--;
}

/* A number's text, and for YAML numbers the Go JSON text stored after it. */
static const char *copy_number_text(sd_doc *d, const sd_node *src)
{
	size_t total = src->len + 1;
	if (src->flags & SD_NODE_NUM_ALT) {
		size_t alt;
		sd_number_go_text(src, &alt);
		total += alt + 1;
	}
	char *p = sdp_doc_text(d, total);
	memcpy(p, src->u.num, total);
	return p;
}

/* Deep copy of src into the node n (whose old contents are dropped). */
static void copy_into(sd_doc *d, sd_node *n, const sd_node *src)
{
	*n = (sd_node){ .kind = src->kind, .line = src->line, .col = src->col };
	n->flags = src->flags;
	n->len = src->len;
	switch ((sd_kind)src->kind) {
	case SD_NULL:
		break;
	case SD_BOOL:
		n->u.boolean = src->u.boolean;
		break;
	case SD_NUMBER:
		n->u.num = copy_number_text(d, src);
		break;
	case SD_STRING:
		n->u.str = sdp_doc_textdup(d, src->u.str, src->len);
		break;
	case SD_ARRAY:
		n->u.items = src->len ? sd_arena_array(d->arena, cap_for(src->len), sizeof(sd_node)) : NULL;
		for (uint32_t i = 0; i < src->len; i++)
			copy_into(d, &n->u.items[i], &src->u.items[i]);
		break;
	case SD_OBJECT:
		n->u.members = src->len ? sd_arena_array(d->arena, cap_for(src->len), sizeof(sd_member)) : NULL;
		for (uint32_t i = 0; i < src->len; i++) {
			sd_member *m = &n->u.members[i];
			*m = src->u.members[i];
			m->key = sdp_doc_textdup(d, m->key, m->key_len);
			copy_into(d, &m->value, &src->u.members[i].value);
			sd_member_set_key_line(m, sd_member_key_line(&src->u.members[i]));
		}
		break;
	}
}

sd_node *sd_build_copy(sd_doc *d, const sd_node *src)
{
	sd_node *n = sdp_doc_node(d, (sd_kind)src->kind, src->line, src->col);
	copy_into(d, n, src);
	return n;
}
