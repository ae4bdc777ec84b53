/*
 * util.h - allocation that cannot fail silently, and a growable byte buffer.
 *
 * Inputs are bounded in size (see doc.h), so running out of memory is an
 * environment failure, not an input error: the x* allocators print
 * "specdiff: out of memory" and exit with status 2 instead of returning NULL.
 * Every other failure in core/ is returned as a value (error.h).
 */
#ifndef SPECDIFF_UTIL_H
#define SPECDIFF_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Prints "specdiff: out of memory" and exits with status 2. */
_Noreturn void sd_out_of_memory(void);

void *sd_xmalloc(size_t n);
void *sd_xcalloc(size_t count, size_t size);
void *sd_xrealloc(void *p, size_t n);
char *sd_xstrdup(const char *s);
char *sd_xstrndup(const char *s, size_t n);
/* Grows array v of *cap elements of size bytes to hold at least need
 * (doubling, from 64); returns the possibly moved array. */
void *sd_xgrow(void *v, size_t *cap, size_t need, size_t size);

/*
 * sd_buf: a growable, always NUL-terminated byte buffer (may hold NULs
 * inside; use .len).  The caller owns the storage: sd_buf_init() before use,
 * sd_buf_release() to free, sd_buf_detach() to take the bytes (caller frees).
 */
typedef struct sd_buf {
	char *data;
	size_t len;
	size_t cap;
} sd_buf;

#define SD_BUF_INIT { NULL, 0, 0 }

void sd_buf_init(sd_buf *b);
void sd_buf_release(sd_buf *b);
void sd_buf_reset(sd_buf *b);                 /* len = 0, keeps storage */
char *sd_buf_detach(sd_buf *b, size_t *len);  /* never NULL */
void sd_buf_grow(sd_buf *b, size_t extra);
void sd_buf_add(sd_buf *b, const void *p, size_t n);
void sd_buf_addc(sd_buf *b, char c);
void sd_buf_adds(sd_buf *b, const char *s);
void sd_buf_addf(sd_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sd_buf_vaddf(sd_buf *b, const char *fmt, va_list ap);
#endif
