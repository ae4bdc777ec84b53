/* arena.c - bump allocation in chained blocks. */
#include "specdiff/arena.h"
#include "specdiff/util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_MIN_BLOCK ((size_t)64 * 1024)

struct block {
	struct block *next;
	size_t size, used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct sd_arena {
	struct block *head;
	size_t reserved;
};

sd_arena *sd_arena_new(void)
{
	return sd_xcalloc(1, sizeof(sd_arena));
}

void sd_arena_free(sd_arena *a)
{
	if (!a)
		return;
	struct block *b = a->head;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

static struct block *new_block(sd_arena *a, size_t need)
{
	/* Blocks grow with the arena so that huge documents need few of them. */
	size_t size = a->reserved / 2;
	if (size < ARENA_MIN_BLOCK)
		size = ARENA_MIN_BLOCK;
	if (size > (size_t)64 << 20)
		size = (size_t)64 << 20;
	if (size < need)
		size = need;
	struct block *b = sd_xmalloc(sizeof(*b) + size);
	b->size = size;
	b->used = 0;
	b->next = a->head;
	a->head = b;
	a->reserved += size;
	return b;
}

void *sd_arena_alloc(sd_arena *a, size_t n)
{
	if (n > SIZE_MAX - ARENA_ALIGN) {
		sd_out_of_memory();
	}
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (n == 0)
		n = ARENA_ALIGN;
	struct block *b = a->head;
	if (!b || b->size - b->used < n) {
		/* A large request gets its own block behind the current one so
		 * the current block's free space is not wasted. */
		if (b && n > ARENA_MIN_BLOCK / 4) {
			struct block *big = sd_xmalloc(sizeof(*big) + n);
			big->size = n;
			big->used = n;
			big->next = b->next;
			b->next = big;
			a->reserved += n;
			memset(big->data, 0, n);
			return big->data;
		}
		b = new_block(a, n);
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

void *sd_arena_array(sd_arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		sd_out_of_memory();
	}
	return sd_arena_alloc(a, count * size);
}

char *sd_arena_strndup(sd_arena *a, const char *s, size_t n)
{
	char *p = sd_arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *sd_arena_strdup(sd_arena *a, const char *s)
{
	return sd_arena_strndup(a, s, strlen(s));
}

char *sd_arena_printf(sd_arena *a, const char *fmt, ...)
{
	va_list ap, cp;
	va_start(ap, fmt);
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *p = sd_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t sd_arena_bytes(const sd_arena *a)
{
	return a->reserved;
}
