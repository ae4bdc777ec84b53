/* doc.c - the document object, tree allocation, lookups and equality. */
#include "doc_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/base.h"
#include "specdiff/util.h"

#define SLAB_NODES 4096
#define POOL_CHUNK ((size_t)64 * 1024)

/* The document model's memory budget (doc.h): big specs are mostly these. */
_Static_assert(sizeof(sd_node) == 24, "sd_node grew");
_Static_assert(sizeof(sd_member) == 40, "sd_member grew");

sd_doc *sdp_doc_new(const char *name)
{
	sd_arena *a = sd_arena_new();
	sd_doc *d = sd_arena_alloc(a, sizeof(*d));
	d->arena = a;
	d->name = sd_arena_strdup(a, name ? name : "-");
	d->path = d->name;
	d->stream_count = 1;
	return d;
}

void sd_doc_free(sd_doc *d)
{
	if (!d)
		return;
	free(d->owned_src);
	free(d->notes);
	sd_arena_free(d->arena);
}

sd_node *sdp_doc_node(sd_doc *d, sd_kind k, uint32_t line, uint32_t col)
{
	if (!d->slab_left) {
		d->slab = sd_arena_array(d->arena, SLAB_NODES, sizeof(sd_node));
		d->slab_left = SLAB_NODES;
	}
	sd_node *n = d->slab++;
	d->slab_left--;
	n->kind = (uint8_t)k;
	n->line = line;
	n->col = col;
	return n;
}

char *sdp_doc_text(sd_doc *d, size_t n)
{
	if (n > POOL_CHUNK / 4)
		return sd_arena_alloc(d->arena, n);
	if (d->pool_left < n) {
		d->pool = sd_arena_alloc(d->arena, POOL_CHUNK);
		d->pool_left = POOL_CHUNK;
	}
	char *p = d->pool;
	d->pool += n;
	d->pool_left -= n;
	return p;
}

void *sdp_doc_array(sd_doc *d, size_t count, size_t size)
{
	if (size && count > POOL_CHUNK / 4 / size)
		return sd_arena_array(d->arena, count, size);
	size_t n = count * size;
	if (d->apool_left < n) {
		/* chunks grow: a 10 KB spec should not zero 64 KB for its arrays */
		size_t c = d->apool_chunk ? d->apool_chunk * 2 : 4096;
		d->apool_chunk = c < POOL_CHUNK ? c : POOL_CHUNK;
		if (d->apool_chunk < n)
			d->apool_chunk = POOL_CHUNK;
		d->apool = sd_arena_alloc(d->arena, d->apool_chunk);
		d->apool_left = d->apool_chunk;
	}
	void *p = d->apool;
	d->apool += n;
	d->apool_left -= n;
	return p;
}

char *sdp_doc_textdup(sd_doc *d, const char *s, size_t n)
{
	char *p = sdp_doc_text(d, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void sdp_doc_add_note(sd_doc *d, unsigned line, unsigned col, const char *fmt, ...)
{
	if (d->nnotes >= SD_DOC_MAX_NOTES) {
		d->notes_dropped++;
		return;
	}
	if (!d->notes)
		d->notes = sd_xcalloc(SD_DOC_MAX_NOTES + 1, sizeof(sd_error));
	sd_error *e = &d->notes[d->nnotes++];
	sd_error_set(e, d->name, line, col, "%s", "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
}

static bool key_eq(const sd_member *a, const sd_member *b)
{
	return a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0;
}

/* Small objects compare pairwise; large ones use a temporary hash table so
 * a 100,000-member object stays linear. */
bool sdp_doc_mark_duplicates(sd_member *m, size_t n)
{
	bool any = false;
	if (n <= 16) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (key_eq(&m[i], &m[j])) {
					m[i].flags |= SD_MEMBER_DUPLICATE;
					any = true;
					break;
				}
		return any;
	}
	sd_strmap seen;
	sd_strmap_init(&seen);
	for (size_t i = 0; i < n; i++) {
		if (sd_strmap_add(&seen, m[i].key, m[i].key_len, &m[i])) {
			m[i].flags |= SD_MEMBER_DUPLICATE;
			any = true;
		}
	}
	sd_strmap_release(&seen);
	return any;
}

const sd_node *sd_doc_root(const sd_doc *d) { return d->root; }
sd_format sd_doc_format(const sd_doc *d) { return d->format; }
const char *sd_doc_name(const sd_doc *d) { return d->name; }
const char *sd_doc_path(const sd_doc *d) { return d->path; }
unsigned sd_doc_stream_count(const sd_doc *d) { return d->stream_count; }
size_t sd_doc_source_bytes(const sd_doc *d) { return d->source_bytes; }
const char *sd_doc_container(const sd_doc *d) { return d->container; }
const char *sd_doc_runsc_version(const sd_doc *d) { return d->runsc_version; }
bool sd_doc_yaml_had_comments(const sd_doc *d) { return d->yaml_comments; }
size_t sd_doc_note_count(const sd_doc *d) { return d->nnotes; }

const sd_error *sd_doc_note(const sd_doc *d, size_t i)
{
	return i < d->nnotes ? &d->notes[i] : NULL;
}

const char *sd_number_go_text(const sd_node *n, size_t *len)
{
	if (!n || n->kind != SD_NUMBER || (n->flags & SD_NODE_NUM_NOJSON)) {
		if (len)
			*len = 0;
		return NULL;
	}
	if (n->flags & SD_NODE_NUM_ALT) {
		/* The loader stores the Go text right after the source text. */
		const char *alt = n->u.num + n->len + 1;
		if (len)
			*len = strlen(alt);
		return alt;
	}
	if (len)
		*len = n->len;
	return n->u.num;
}

const sd_node *sd_node_get(const sd_node *obj, const char *key)
{
	if (!obj || obj->kind != SD_OBJECT)
		return NULL;
	size_t kl = strlen(key);
	for (uint32_t i = obj->len; i-- > 0;) {
		const sd_member *m = &obj->u.members[i];
		if (m->key_len == kl && memcmp(m->key, key, kl) == 0)
			return &m->value;
	}
	return NULL;
}

static const sd_node *ptr_step(const sd_node *n, const sd_buf *seg)
{
	if (n->kind == SD_OBJECT) {
		for (uint32_t i = n->len; i-- > 0;) {
			const sd_member *m = &n->u.members[i];
			if (m->key_len == seg->len && memcmp(m->key, seg->data, seg->len) == 0)
				return &m->value;
		}
		return NULL;
	}
	if (n->kind != SD_ARRAY || seg->len == 0 || seg->len > 10)
		return NULL;
	if (seg->len > 1 && seg->data[0] == '0')
		return NULL;
	unsigned long idx = 0;
	for (size_t i = 0; i < seg->len; i++) {
		if (seg->data[i] < '0' || seg->data[i] > '9')
			return NULL;
		idx = idx * 10 + (unsigned long)(seg->data[i] - '0');
	}
	return idx < n->len ? &n->u.items[idx] : NULL;
}

const sd_node *sdp_node_at_pointer_partial(const sd_node *root, const char *ptr,
					  const sd_node **deepest)
{
	const sd_node *n = root;
	if (deepest)
		*deepest = root;
	if (!root || !ptr)
		return NULL;
	if (!*ptr)
		return root;
	if (*ptr != '/')
		return NULL;
	sd_buf seg = SD_BUF_INIT;
	sd_ptr_iter it;
	const char *raw;
	size_t rlen;
	sd_ptr_iter_init(&it, ptr, strlen(ptr));
	while (sd_ptr_next(&it, &raw, &rlen)) {
		sd_buf_reset(&seg);
		if (!sd_ptr_unescape(&seg, raw, rlen, NULL) || !(n = ptr_step(n, &seg))) {
			n = NULL;
			break;
		}
		if (deepest)
			*deepest = n;
	}
	sd_buf_release(&seg);
	return n;
}

const sd_node *sd_node_at_pointer(const sd_node *root, const char *ptr)
{
	return sdp_node_at_pointer_partial(root, ptr, NULL);
}

bool sd_node_equal(const sd_node *a, const sd_node *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->kind != b->kind)
		return false;
	switch ((sd_kind)a->kind) {
	case SD_NULL:
		return true;
	case SD_BOOL:
		return a->u.boolean == b->u.boolean;
	case SD_NUMBER:
	case SD_STRING:
		return a->len == b->len && memcmp(a->u.str, b->u.str, a->len) == 0;
	case SD_ARRAY:
		if (a->len != b->len)
			return false;
		for (uint32_t i = 0; i < a->len; i++)
			if (!sd_node_equal(&a->u.items[i], &b->u.items[i]))
				return false;
		return true;
	case SD_OBJECT:
		if (a->len != b->len)
			return false;
		for (uint32_t i = 0; i < a->len; i++) {
			const sd_member *x = &a->u.members[i], *y = &b->u.members[i];
			if (!key_eq(x, y) || !sd_node_equal(&x->value, &y->value))
				return false;
		}
		return true;
	}
	return false;
}

const char *sd_kind_name(sd_kind k)
{
	switch (k) {
	case SD_NULL: return "null";
	case SD_BOOL: return "bool";
	case SD_NUMBER: return "number";
	case SD_STRING: return "string";
	case SD_ARRAY: return "array";
	case SD_OBJECT: return "object";
	}
	return "?";
}

static bool has_ext(const char *name, const char *ext)
{
	const char *hash = strchr(name, '#');
	size_t n = hash ? (size_t)(hash - name) : strlen(name);
	size_t e = strlen(ext);
	return n >= e && strncasecmp(name + n - e, ext, e) == 0;
}

static sd_format detect_format(const char *name, const char *s, size_t len)
{
	if (has_ext(name, ".json"))
		return SD_FORMAT_JSON;
	if (has_ext(name, ".yaml") || has_ext(name, ".yml"))
		return SD_FORMAT_YAML;
	size_t i = 0;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3; /* a BOM: decide by what follows so JSON gets the BOM error */
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i < len && (s[i] == '{' || s[i] == '['))
		return SD_FORMAT_JSON;
	return SD_FORMAT_YAML;
}

sd_doc *sdp_doc_load_owned(const char *name, char *buf, size_t len,
			  const sd_load_opts *opts, sd_error *err)
{
	sd_load_opts o = opts ? *opts : (sd_load_opts){ 0 };
	if (!o.max_bytes)
		o.max_bytes = SD_DEFAULT_MAX_BYTES;
	if (!o.max_depth)
		o.max_depth = SD_DEFAULT_MAX_DEPTH;
	if (!o.max_alias_nodes)
		o.max_alias_nodes = SD_DEFAULT_MAX_ALIAS_NODES;
	if (!name)
		name = "-";
	if (len > o.max_bytes) {
		sd_error_set(err, name, 0, 0, "input is %zu bytes, above the limit of %zu bytes",
			     len, o.max_bytes);
		free(buf);
		return NULL;
	}
	sd_doc *d = sdp_doc_new(name);
	d->owned_src = buf;
	d->source_bytes = len;
	d->format = o.format != SD_FORMAT_AUTO ? o.format : detect_format(name, buf, len);
	buf[len] = '\0';
	if (d->format == SD_FORMAT_JSON)
		d->root = sdp_json_parse(d, buf, len, &o, err);
	else
		d->root = sdp_yaml_parse(d, buf, len, &o, err);
	if (!d->root) {
		sd_doc_free(d);
		return NULL;
	}
	/* No node points into the source (both loaders copy every text). */
	free(d->owned_src);
	d->owned_src = NULL;
	if (d->notes_dropped) /* the spare slot sdp_doc_add_note leaves */
		sd_error_set(&d->notes[d->nnotes++], d->name, 0, 0,
			     "%zu more notes not shown", d->notes_dropped);
	return d;
}

sd_doc *sd_doc_load_bytes(const char *name, const char *bytes, size_t len,
			  const sd_load_opts *opts, sd_error *err)
{
	size_t max = opts && opts->max_bytes ? opts->max_bytes : SD_DEFAULT_MAX_BYTES;
	if (len > max) {
		sd_error_set(err, name ? name : "-", 0, 0,
			     "input is %zu bytes, above the limit of %zu bytes", len, max);
		return NULL;
	}
	char *buf = sd_xmalloc(len + 1);
	if (len)
		memcpy(buf, bytes, len);
	buf[len] = '\0';
	return sdp_doc_load_owned(name, buf, len, opts, err);
}
