/* util.c - allocation that exits on failure, and sd_buf. */
#include "specdiff/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sd_out_of_memory(void)
{
	fputs("specdiff: out of memory\n", stderr);
	exit(2);
}

void *sd_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		sd_out_of_memory();
	return p;
}

void *sd_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		sd_out_of_memory();
	return p;
}

void *sd_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		sd_out_of_memory();
	return q;
}

char *sd_xstrndup(const char *s, size_t n)
{
	char *p = sd_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *sd_xgrow(void *v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return v;
	size_t c = *cap ? *cap * 2 : 64;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			sd_out_of_memory();
		c *= 2;
	}
	if (c > SIZE_MAX / size)
		sd_out_of_memory();
	*cap = c;
	return sd_xrealloc(v, c * size);
}

char *sd_xstrdup(const char *s)
{
	return sd_xstrndup(s, strlen(s));
}

void sd_buf_init(sd_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void sd_buf_release(sd_buf *b)
{
	free(b->data);
	sd_buf_init(b);
}

void sd_buf_reset(sd_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void sd_buf_grow(sd_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		sd_out_of_memory();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = sd_xrealloc(b->data, cap);
	b->cap = cap;
}

char *sd_buf_detach(sd_buf *b, size_t *len)
{
	sd_buf_grow(b, 0);
	b->data[b->len] = '\0';
	char *p = b->data;
	if (len)
		*len = b->len;
	sd_buf_init(b);
	return p;
}

void sd_buf_add(sd_buf *b, const void *p, size_t n)
{
	sd_buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sd_buf_addc(sd_buf *b, char c)
{
	if (b->cap - b->len < 2)  /* the byte and the NUL (cap is 0 or > len) */
		sd_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void sd_buf_adds(sd_buf *b, const char *s)
{
	sd_buf_add(b, s, strlen(s));
}

void sd_buf_vaddf(sd_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	sd_buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sd_buf_addf(sd_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sd_buf_vaddf(b, fmt, ap);
	va_end(ap);
}
