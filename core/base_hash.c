/* base_hash.c - FNV-1a and a string-keyed open-addressing table. */
#include "specdiff/base.h"

#include <stdlib.h>
#include <string.h>

struct sdp_strent {
	const char *key;   /* NULL: empty slot */
	size_t len;
	uint64_t hash;
	void *val;
};

uint64_t sd_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

void sd_strmap_init(sd_strmap *m)
{
	m->e = NULL;
	m->cap = m->n = 0;
}

void sd_strmap_release(sd_strmap *m)
{
	free(m->e);
	sd_strmap_init(m);
}

static sdp_strent *slot(const sd_strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		sdp_strent *e = &m->e[i];
		if (!e->key || (e->hash == h && e->len == len && !memcmp(e->key, key, len)))
			return e;
	}
}

void *sd_strmap_get(const sd_strmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	sdp_strent *e = slot(m, key, len, sd_hash_bytes(key, len));
	return e->key ? e->val : NULL;
}

static void grow(sd_strmap *m)
{
	sd_strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->e = sd_xcalloc(m->cap, sizeof *m->e);
	for (size_t i = 0; i < old.cap; i++)
		if (old.e[i].key)
			*slot(m, old.e[i].key, old.e[i].len, old.e[i].hash) = old.e[i];
	free(old.e);
}

static sdp_strent *find_or_make(sd_strmap *m, const char *key, size_t len, bool *fresh)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	if (!key)
		key = "";  /* a NULL key would read as an empty slot */
	uint64_t h = sd_hash_bytes(key, len);
	sdp_strent *e = slot(m, key, len, h);
	*fresh = !e->key;
	if (*fresh) {
		*e = (sdp_strent){ key, len, h, NULL };
		m->n++;
	}
	return e;
}

void sd_strmap_put(sd_strmap *m, const char *key, size_t len, void *val)
{
	bool fresh;
	find_or_make(m, key, len, &fresh)->val = val;
}

void *sd_strmap_add(sd_strmap *m, const char *key, size_t len, void *val)
{
	bool fresh;
	sdp_strent *e = find_or_make(m, key, len, &fresh);
	if (!fresh)
		return e->val;
	e->val = val;
	return NULL;
}
