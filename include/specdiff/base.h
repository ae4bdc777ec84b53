/*
 * base.h - the small base library every module shares: UTF-8, JSON string
 * literals, JSON Pointer segments, Go's path.Clean/Base, bounded file
 * reading, a string-keyed hash table and terminal-safe text.
 *
 * Each of these used to be written several times with small differences;
 * one copy keeps the rules (Go's UTF-8 rules above all) the same
 * everywhere.  Nothing here prints.  Buffers passed in are the caller's;
 * every function appends to them and never frees them.
 */
#ifndef SPECDIFF_BASE_H
#define SPECDIFF_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "specdiff/util.h"

/* ---- UTF-8, by Go's unicode/utf8 rules ---- */

/* Decodes the sequence at p (left > 0 bytes there).  Returns its length
 * (1 to 4) and stores the code point in *rune (may be NULL), or returns 0
 * when p does not start a valid sequence (Go would decode U+FFFD of length
 * 1): overlong forms, surrogates and code points above U+10FFFF are
 * invalid. */
size_t sd_utf8_decode(const void *p, size_t left, uint32_t *rune);
/* sd_utf8_decode without the code point. */
size_t sd_utf8_len(const void *p, size_t left);
/* Whether all of p[0..n) is valid UTF-8 (Go's utf8.Valid). */
bool sd_utf8_valid(const void *p, size_t n);
/* Writes the UTF-8 encoding of rune to o (room for 4 bytes) and returns
 * its length; U+FFFD for a surrogate or a value above U+10FFFF, as Go's
 * utf8.EncodeRune. */
size_t sd_utf8_encode(char *o, uint32_t rune);
/* Appends the UTF-8 encoding of rune (U+FFFD for a surrogate or a value
 * above U+10FFFF, as Go's utf8.EncodeRune). */
void sd_buf_add_rune(sd_buf *b, uint32_t rune);

/* ---- JSON string literals ---- */

/* How a string literal is written: flags may be or'ed. */
enum {
	/* invalid UTF-8 bytes are copied as they are (normalize keeps every
	 * byte); otherwise each becomes \ufffd, as Go's json.Marshal writes */
	SD_JSON_KEEP_INVALID = 1 << 0,
	/* \b and \f by name (else \u0008, \u000c as Go 1.19 writes them) */
	SD_JSON_NAMED_BF = 1 << 1,
	/* DEL as \u007f (Go leaves it raw) */
	SD_JSON_ESCAPE_DEL = 1 << 2,
	/* U+2028 and U+2029 as \u2028, \u2029 (Go's json.Marshal does) */
	SD_JSON_ESCAPE_LINESEP = 1 << 3,
	/* <, > and & as \u003c, \u003e, \u0026 (json.Marshal's default) */
	SD_JSON_ESCAPE_HTML = 1 << 4,
};
/* Go's encoding/json with SetEscapeHTML(false). */
#define SD_JSON_GO SD_JSON_ESCAPE_LINESEP

/* Appends s[0..n) as a JSON string literal, quotes included. */
void sd_json_quote(sd_buf *b, const char *s, size_t n, unsigned flags);
/* sd_json_quote(b, s, n, SD_JSON_KEEP_INVALID | SD_JSON_NAMED_BF |
 * SD_JSON_ESCAPE_DEL): the writer's style, losing no byte. */
void sd_buf_add_json_string(sd_buf *b, const char *s, size_t n);

/* ---- JSON Pointer (RFC 6901) ---- */

/* Appends s escaped as one pointer segment (~ -> ~0, / -> ~1). */
void sd_buf_add_ptr_segment(sd_buf *b, const char *s, size_t n);

/* Walks the segments of a pointer ("" is the root, else it starts with
 * '/'), borrowing the pointer text: sd_ptr_iter_init, then sd_ptr_next
 * until it returns false. */
typedef struct sd_ptr_iter {
	const char *p, *end;
} sd_ptr_iter;

void sd_ptr_iter_init(sd_ptr_iter *it, const char *ptr, size_t len);
/* The next segment, still escaped, in *seg and *n; false after the last. */
bool sd_ptr_next(sd_ptr_iter *it, const char **seg, size_t *n);
/* Appends the segment s[0..n) unescaped (~0 -> ~, ~1 -> /); returns false
 * (having appended a prefix) at a '~' not followed by 0 or 1, with the
 * offending offset in *bad (may be NULL). */
bool sd_ptr_unescape(sd_buf *out, const char *s, size_t n, size_t *bad);

/* ---- slash-separated paths, as Go's package path ---- */

/* Appends path.Clean(p[0..n)). */
void sd_path_clean(sd_buf *out, const char *p, size_t n);
/* path.Base(p[0..n)) as a borrowed slice of p in *base and *blen ("." for an
 * empty path and "/" for a path of slashes are static strings). */
void sd_path_base(const char *p, size_t n, const char **base, size_t *blen);

/* ---- bounded reading ---- */

/* Appends all of fd to out, at most max bytes, using the room out already
 * has first (sd_buf_grow it to the size when known: no copy then).
 * Returns 0, or -1 with errno set: EFBIG when there is more than max, or
 * read(2)'s error.  EINTR is retried.  fd stays open. */
int sd_read_fd(int fd, size_t max, sd_buf *out);
/* Opens path (not following it into a directory: EISDIR) and reads it as
 * sd_read_fd does.  "-" is not special here. */
int sd_read_file(const char *path, size_t max, sd_buf *out);

/* ---- a string-keyed hash table ---- */

/* Open addressing on (key, length) pairs: keys may hold NUL bytes.  Keys
 * and values are borrowed: a key must stay valid while the map holds it.
 * sd_strmap_init before use, sd_strmap_release to free the table. */
typedef struct sdp_strent sdp_strent;
typedef struct sd_strmap {
	sdp_strent *e;
	size_t cap, n;
} sd_strmap;

uint64_t sd_hash_bytes(const void *p, size_t n);
void sd_strmap_init(sd_strmap *m);
void sd_strmap_release(sd_strmap *m);
/* The value stored for key, or NULL. */
void *sd_strmap_get(const sd_strmap *m, const char *key, size_t len);
/* Inserts or replaces. */
void sd_strmap_put(sd_strmap *m, const char *key, size_t len, void *val);
/* Inserts unless key is there; returns the value already stored (and
 * leaves it), or NULL after inserting val. */
void *sd_strmap_add(sd_strmap *m, const char *key, size_t len, void *val);

/* ---- text that may reach a terminal ---- */

/* Appends s[0..n) with every byte a terminal could act on made visible:
 * C0 controls and DEL as \xHH (a tab is kept, and a newline when
 * keep_newline), C1 controls (U+0080..U+009F) and the bidirectional
 * overrides (U+202A..U+202E, U+2066..U+2069) as \u00HH / \uHHHH, and each
 * invalid UTF-8 byte as \xHH.  Everything else is copied, so text without
 * such bytes is unchanged. */
void sd_buf_add_safe(sd_buf *b, const char *s, size_t n, bool keep_newline);
/* Applies sd_buf_add_safe to what b holds from start on (text b was
 * given that came from an input), in place. */
void sd_buf_escape_from(sd_buf *b, size_t start, bool keep_newline);
/* Whether s[0..n) would be changed by sd_buf_add_safe (keep_newline). */
bool sd_text_needs_escape(const char *s, size_t n);

#endif
