/*
 * json_load.c - JSON text to sd_node tree.
 *
 * Hand-written rather than jansson because jansson (1) refuses integers
 * above INT64_MAX ("too big integer") while runc specs carry
 * 18446744073709551615, (2) gives no per-node positions, (3) keeps only one
 * of two duplicate keys, and (4) rejects invalid UTF-8 inside strings, which
 * Go's decoder accepts (replacing it with U+FFFD).  This parser keeps exact
 * number text, every member, raw bytes, and a line/column for each node.
 *
 * Nesting is handled with an explicit stack of frames, not recursion, so a
 * 1,000,000-deep input stops at max_depth with an error instead of
 * overflowing the C stack.  Entries of open containers collect on shared
 * scratch stacks and are copied to the arena, exactly sized, when the
 * container closes.
 *
 * Memory: the tree must not cost much more than the input, so nothing
 * points into the source.  Strings, keys and number texts are copied to
 * the document's text pool through an interning table (a spec array
 * repeats the same keys and most values thousands of times: each text is
 * stored once), and the source pages already parsed are given back to the
 * system as the parse moves on (release_parsed), so a big input is never
 * held twice.
 */
#include "doc_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "specdiff/base.h"
#include "specdiff/util.h"

typedef struct frame {
	sd_node node;   /* the array or object being filled */
	size_t base;    /* its first entry on the scratch stack */
} frame;

/* Interning table entry: a text stored once in the document's pool. */
typedef struct istr {
	const char *s;
	uint32_t len, hash;
} istr;

/* At most this many distinct texts are interned (a table of twice as many
 * slots, 16 bytes each, lives during the parse); later new texts are
 * copied without it.  Longer texts are not worth looking up. */
#define INTERN_MAX_ENTRIES ((size_t)1 << 17)
#define INTERN_MAX_LEN 256
/* Parsed source is given back in steps of this size (inputs above it). */
#define RELEASE_STEP ((size_t)1 << 20)

typedef struct jp {
	sd_doc *d;
	char *s;
	size_t len, pos;
	size_t released;      /* s[0..released) may be gone (MADV_DONTNEED) */
	sd_node val;          /* the value just parsed: children live in place in
				 their parent, so no value gets a node of its own */
	istr *itab;
	size_t icap, icount;
	char *scratch;        /* decoded escaped strings */
	size_t scratch_cap;
	uint32_t line;
	size_t line_start;
	sd_error *err;
	unsigned max_depth;
	frame *frames;
	size_t nframes, cap_frames;
	sd_node *items;       /* items of open arrays, by value */
	size_t nitems, cap_items;
	sd_member *mems;
	size_t nmems, cap_mems;
} jp;

static uint32_t col_at(const jp *p, size_t pos)
{
	return (uint32_t)(pos - p->line_start + 1);
}

static uint32_t text_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3u;
	h ^= h >> 29;
	return (uint32_t)(h * 0xC4CEB9FE1A85EC53u >> 32);
}

static void intern_grow(jp *p)
{
	size_t cap = p->icap ? p->icap * 2 : 1024;
	istr *t = sd_xcalloc(cap, sizeof *t);
	for (size_t i = 0; i < p->icap; i++) {
		if (!p->itab[i].s)
			continue;
		size_t h = p->itab[i].hash & (cap - 1);
		while (t[h].s)
			h = (h + 1) & (cap - 1);
		t[h] = p->itab[i];
	}
	free(p->itab);
	p->itab = t;
	p->icap = cap;
}

/* s[0..n) as a NUL-terminated text in the document's pool, stored once
 * for equal texts. */
static const char *intern(jp *p, const char *s, size_t n)
{
	if (n > INTERN_MAX_LEN)
		return sdp_doc_textdup(p->d, s, n);
	uint32_t hash = text_hash(s, n);
	if (p->icap) {
		for (size_t h = hash & (p->icap - 1); p->itab[h].s; h = (h + 1) & (p->icap - 1)) {
			const istr *e = &p->itab[h];
			if (e->hash == hash && e->len == n && !memcmp(e->s, s, n))
				return e->s;
		}
	}
	const char *copy = sdp_doc_textdup(p->d, s, n);
	if (p->icount >= INTERN_MAX_ENTRIES)
		return copy;
	if ((p->icount + 1) * 2 > p->icap)
		intern_grow(p);
	size_t h = hash & (p->icap - 1);
	while (p->itab[h].s)
		h = (h + 1) & (p->icap - 1);
	p->itab[h] = (istr){ copy, (uint32_t)n, hash };
	p->icount++;
	return copy;
}

/* Gives the pages of the source before p->pos back to the system: nothing
 * points into them and the parser never looks back (errors name positions,
 * not old bytes).  Only whole pages inside the buffer, never its first, so
 * the allocator's own header is untouched; free() later unmaps the rest. */
static void release_parsed(jp *p)
{
	if (p->pos - p->released < RELEASE_STEP)
		return;
	static size_t page;
	if (!page)
		page = (size_t)sysconf(_SC_PAGESIZE);
	uintptr_t base = (uintptr_t)p->s;
	uintptr_t from = (base + (p->released ? p->released : page) + page - 1) & ~(uintptr_t)(page - 1);
	uintptr_t to = (base + p->pos) & ~(uintptr_t)(page - 1);
	if (to > from)
		madvise((void *)from, to - from, MADV_DONTNEED);
	p->released = to - base;
}

static void fail(jp *p, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(jp *p, size_t pos, const char *fmt, ...)
{
	sd_error_set(p->err, p->d->name, p->line, col_at(p, pos), "%s", "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
}

/* A byte as an error message shows it: 'x', or a name for invisible ones. */
static const char *show(char *buf, size_t size, unsigned char c)
{
	if (c == '\n')
		snprintf(buf, size, "a line break");
	else if (c == '\t')
		snprintf(buf, size, "a tab");
	else if (c >= 0x20 && c < 0x7f)
		snprintf(buf, size, "'%c'", c);
	else
		snprintf(buf, size, "byte 0x%02X", c);
	return buf;
}

static void skip_ws(jp *p)
{
	while (p->pos < p->len) {
		char c = p->s[p->pos];
		if (c == ' ' || c == '\t' || c == '\r') {
			p->pos++;
		} else if (c == '\n') {
			p->pos++;
			p->line++;
			p->line_start = p->pos;
		} else {
			break;
		}
	}
}

static int hex4(const char *s, size_t avail)
{
	if (avail < 4)
		return -1;
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Decodes the escaped string body s[start..end) into out; returns the
 * decoded length or -1 after an error. */
static long decode_escapes(jp *p, size_t start, size_t end, char *out, uint8_t *flags)
{
	const char *s = p->s;
	size_t o = 0;
	for (size_t i = start; i < end;) {
		if (s[i] != '\\') {
			out[o++] = s[i++];
			continue;
		}
		char e = s[i + 1];
		const char *simple = strchr("\"\\/bfnrt", e);
		if (e && simple) {
			static const char to[] = "\"\\/\b\f\n\r\t";
			out[o++] = to[simple - "\"\\/bfnrt"];
			i += 2;
			continue;
		}
		if (e != 'u') {
			char b[32];
			fail(p, i, "invalid escape '\\%s' in a string; JSON allows \\\" \\\\ \\/ "
			     "\\b \\f \\n \\r \\t and \\uXXXX",
			     e >= 0x20 && e < 0x7f ? (char[]){ e, 0 } : show(b, sizeof(b), (unsigned char)e));
			return -1;
		}
		int cp = hex4(s + i + 2, end - i - 2);
		if (cp < 0) {
			fail(p, i, "invalid \\u escape: expected four hex digits after \\u");
			return -1;
		}
		i += 6;
		if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < end && s[i] == '\\' && s[i + 1] == 'u') {
			int lo = hex4(s + i + 2, end - i - 2);
			if (lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
		}
		if (cp >= 0xD800 && cp < 0xE000) {
			cp = 0xFFFD; /* a lone surrogate: what Go stores */
			*flags |= SD_NODE_LOSSY;
		}
		o += sd_utf8_encode(out + o, (uint32_t)cp);
	}
	out[o] = '\0';
	return (long)o;
}

/* Parses the string starting at the quote at p->pos. */
static bool parse_string(jp *p, const char **str, uint32_t *len, uint8_t *flags)
{
	size_t open = p->pos, i = p->pos + 1;
	const unsigned char *s = (const unsigned char *)p->s;
	bool esc = false;
	*flags = 0;
	for (;;) {
		if (i >= p->len) {
			fail(p, open, "unterminated string: no closing '\"' before the end of input");
			return false;
		}
		unsigned char c = s[i];
		if (c == '"')
			break;
		if (c == '\\') {
			esc = true;
			i += 2;
			continue;
		}
		if (c < 0x20) {
			char b[32];
			if (c == '\n')
				fail(p, i, "string not closed before the end of the line (started at column %u; "
				     "a line break inside a string must be written \\n)", col_at(p, open));
			else
				fail(p, i, "%s inside a string: control characters must be escaped "
				     "(\\u%04X)", show(b, sizeof(b), c), c);
			return false;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n = sd_utf8_len(s + i, p->len - i);
		if (!n) {
			*flags |= SD_NODE_BADUTF8;
			n = 1;
		}
		i += n;
	}
	size_t start = open + 1, end = i;
	p->pos = end + 1;
	if (!esc) {
		*str = intern(p, p->s + start, end - start);
		*len = (uint32_t)(end - start);
		return true;
	}
	*flags |= SD_NODE_ESCAPED;
	if (end - start + 1 > p->scratch_cap) {
		p->scratch_cap = end - start + 1;
		p->scratch = sd_xrealloc(p->scratch, p->scratch_cap);
	}
	long n = decode_escapes(p, start, end, p->scratch, flags);
	if (n < 0)
		return false;
	*str = intern(p, p->scratch, (size_t)n);
	*len = (uint32_t)n;
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t digits(const char *s, size_t i, size_t len)
{
	while (i < len && is_digit(s[i]))
		i++;
	return i;
}

/* The value being parsed, in p->val until after_value() puts it in place. */
static sd_node *new_value(jp *p, sd_kind k, uint32_t col)
{
	p->val = (sd_node){ .kind = (uint8_t)k, .line = p->line, .col = col };
	return &p->val;
}

/* RFC 8259 number grammar, exactly; the text is kept as written. */
static sd_node *parse_number(jp *p)
{
	const char *s = p->s;
	size_t start = p->pos, i = start, len = p->len;
	if (s[i] == '-')
		i++;
	if (i >= len || !is_digit(s[i])) {
		fail(p, i, "expected a digit after '-'");
		return NULL;
	}
	if (s[i] == '0' && i + 1 < len && is_digit(s[i + 1])) {
		fail(p, i, "leading zeros are not allowed in JSON numbers");
		return NULL;
	}
	i = digits(s, i, len);
	if (i < len && s[i] == '.') {
		if (i + 1 >= len || !is_digit(s[i + 1])) {
			fail(p, i + 1, "expected a digit after the decimal point");
			return NULL;
		}
		i = digits(s, i + 1, len);
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= len || !is_digit(s[i])) {
			fail(p, i, "expected a digit in the exponent");
			return NULL;
		}
		i = digits(s, i, len);
	}
	if (i < len && (s[i] == '.' || s[i] == 'e' || s[i] == 'E' || s[i] == '+' ||
			(s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
		char b[32];
		fail(p, i, "invalid number: unexpected %s after '%.*s'", show(b, sizeof(b), (unsigned char)s[i]),
		     (int)(i - start > 40 ? 40 : i - start), s + start);
		return NULL;
	}
	sd_node *n = new_value(p, SD_NUMBER, col_at(p, start));
	n->u.num = intern(p, s + start, i - start);
	n->len = (uint32_t)(i - start);
	p->pos = i;
	return n;
}

static sd_node *parse_literal(jp *p)
{
	static const struct { const char *text; sd_kind kind; bool val; } lits[] = {
		{ "true", SD_BOOL, true }, { "false", SD_BOOL, false }, { "null", SD_NULL, false },
	};
	const char *s = p->s + p->pos;
	size_t avail = p->len - p->pos;
	for (size_t k = 0; k < 3; k++) {
		size_t n = strlen(lits[k].text);
		if (avail < n || memcmp(s, lits[k].text, n) != 0)
			continue;
		if (avail > n && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
				  is_digit(s[n]) || s[n] == '_'))
			break;
		sd_node *node = new_value(p, lits[k].kind, col_at(p, p->pos));
		node->u.boolean = lits[k].val;
		p->pos += n;
		return node;
	}
	size_t w = 0;
	while (w < avail && w < 20 && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= 'A' && s[w] <= 'Z')))
		w++;
	fail(p, p->pos, "invalid value '%.*s': expected a string, number, object, array, "
	     "true, false or null (lowercase)", (int)w, s);
	return NULL;
}

static bool open_container(jp *p, sd_kind k)
{
	if (p->nframes >= p->max_depth) {
		fail(p, p->pos, "nesting deeper than %u levels (the limit for an input)", p->max_depth);
		return false;
	}
	p->frames = sd_xgrow(p->frames, &p->cap_frames, p->nframes + 1, sizeof(frame));
	frame *f = &p->frames[p->nframes++];
	f->node = (sd_node){ .kind = (uint8_t)k, .line = p->line, .col = col_at(p, p->pos) };
	f->base = k == SD_OBJECT ? p->nmems : p->nitems;
	p->pos++;
	return true;
}

static sd_node *close_container(jp *p)
{
	frame *f = &p->frames[--p->nframes];
	sd_node *n = &p->val;
	*n = f->node;
	p->pos++;
	if (n->kind == SD_ARRAY) {
		size_t cnt = p->nitems - f->base;
		if (cnt) {
			n->u.items = sdp_doc_array(p->d, cnt, sizeof(sd_node));
			memcpy(n->u.items, p->items + f->base, cnt * sizeof(sd_node));
		}
		n->len = (uint32_t)cnt;
		p->nitems = f->base;
		return n;
	}
	size_t cnt = p->nmems - f->base;
	if (cnt) {
		n->u.members = sdp_doc_array(p->d, cnt, sizeof(sd_member));
		memcpy(n->u.members, p->mems + f->base, cnt * sizeof(sd_member));
		if (sdp_doc_mark_duplicates(n->u.members, cnt))
			n->flags |= SD_NODE_DUPKEYS;
	}
	n->len = (uint32_t)cnt;
	p->nmems = f->base;
	return n;
}

static sd_node *parse_scalar(jp *p)
{
	char c = p->s[p->pos], b[32];
	if (c == '"') {
		sd_node *n = new_value(p, SD_STRING, col_at(p, p->pos));
		uint8_t flags;
		if (!parse_string(p, &n->u.str, &n->len, &flags))
			return NULL;
		n->flags = flags;
		return n;
	}
	if (c == '-' || is_digit(c))
		return parse_number(p);
	if (c >= 'a' && c <= 'z')
		return parse_literal(p);
	if (c == '+')
		fail(p, p->pos, "a JSON number cannot start with '+'");
	else if (c == '.')
		fail(p, p->pos, "a JSON number needs a digit before the decimal point");
	else if (c == '\'')
		fail(p, p->pos, "JSON strings use double quotes, not single quotes");
	else if (c == ']' || c == '}')
		fail(p, p->pos, "unexpected '%c': expected a value", c);
	else if ((c >= 'A' && c <= 'Z'))
		return parse_literal(p);
	else
		fail(p, p->pos, "unexpected %s: expected a value", show(b, sizeof(b), (unsigned char)c));
	return NULL;
}

/* Reads a member key (p->pos at the first non-space after '{' or ',') and
 * the ':' after it. */
static bool parse_key(jp *p)
{
	char b[32];
	if (p->pos >= p->len) {
		fail(p, p->pos, "unexpected end of input: expected an object key");
		return false;
	}
	if (p->s[p->pos] != '"') {
		fail(p, p->pos, "unexpected %s: expected an object key in double quotes",
		     show(b, sizeof(b), (unsigned char)p->s[p->pos]));
		return false;
	}
	p->mems = sd_xgrow(p->mems, &p->cap_mems, p->nmems + 1, sizeof(sd_member));
	sd_member *m = &p->mems[p->nmems];
	memset(m, 0, sizeof(*m));
	m->value.line = p->line;   /* the key's line until the value replaces it */
	sd_member_set_key_col(m, col_at(p, p->pos));
	uint8_t flags;
	if (!parse_string(p, &m->key, &m->key_len, &flags))
		return false;
	p->nmems++;
	skip_ws(p);
	if (p->pos >= p->len || p->s[p->pos] != ':') {
		if (p->pos >= p->len)
			fail(p, p->pos, "unexpected end of input: expected ':' after the object key");
		else
			fail(p, p->pos, "unexpected %s: expected ':' after the object key",
			     show(b, sizeof(b), (unsigned char)p->s[p->pos]));
		return false;
	}
	p->pos++;
	return true;
}

enum next { NEXT_VALUE, NEXT_KEY, NEXT_DONE, NEXT_FAIL };

/* After a complete value v: attach it to the open container and decide what
 * comes next.  Closing brackets complete further values, hence the loop. */
static enum next after_value(jp *p, sd_node **v)
{
	char b[32];
	for (;;) {
		if (!p->nframes)
			return NEXT_DONE;
		frame *f = &p->frames[p->nframes - 1];
		bool arr = f->node.kind == SD_ARRAY;
		if (arr) {
			p->items = sd_xgrow(p->items, &p->cap_items, p->nitems + 1, sizeof(sd_node));
			p->items[p->nitems++] = **v;
		} else {
			sd_member *m = &p->mems[p->nmems - 1];
			uint32_t key_line = m->value.line;
			m->value = **v;
			sd_member_set_key_line(m, key_line);
		}
		skip_ws(p);
		char close = arr ? ']' : '}';
		if (p->pos >= p->len) {
			fail(p, p->pos, "unexpected end of input: the %s opened at line %u column %u "
			     "is not closed", arr ? "array" : "object", f->node.line, f->node.col);
			return NEXT_FAIL;
		}
		char c = p->s[p->pos];
		if (c == close) {
			*v = close_container(p);
			continue;
		}
		release_parsed(p);
		if (c != ',') {
			fail(p, p->pos, "unexpected %s: expected ',' or '%c' after %s",
			     show(b, sizeof(b), (unsigned char)c), close,
			     arr ? "an array element" : "an object member");
			return NEXT_FAIL;
		}
		size_t comma = p->pos++, comma_ls = p->line_start;
		uint32_t comma_line = p->line;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == close) {
			p->line = comma_line; /* report at the comma, maybe lines above */
			p->line_start = comma_ls;
			fail(p, comma, "trailing comma before '%c' (JSON does not allow one)", close);
			return NEXT_FAIL;
		}
		return arr ? NEXT_VALUE : NEXT_KEY;
	}
}

static sd_node *parse_tree(jp *p)
{
	enum next next = NEXT_VALUE;
	sd_node *v = NULL;
	for (;;) {
		if (next == NEXT_KEY) {
			if (!parse_key(p))
				return NULL;
		}
		skip_ws(p);
		if (p->pos >= p->len) {
			fail(p, p->pos, "unexpected end of input: expected a value");
			return NULL;
		}
		char c = p->s[p->pos];
		if (c == '{' || c == '[') {
			if (!open_container(p, c == '{' ? SD_OBJECT : SD_ARRAY))
				return NULL;
			skip_ws(p);
			char close = c == '{' ? '}' : ']';
			if (p->pos < p->len && p->s[p->pos] == close) {
				v = close_container(p);
			} else {
				next = c == '{' ? NEXT_KEY : NEXT_VALUE;
				continue;
			}
		} else if (!(v = parse_scalar(p))) {
			return NULL;
		}
		next = after_value(p, &v);
		if (next == NEXT_FAIL)
			return NULL;
		if (next == NEXT_DONE)
			return v;
	}
}


/* ---- Go's error offset ----
 *
 * encoding/json checks the whole input with its scanner before decoding
 * and reports the first byte its state machine rejects (SyntaxError.Offset
 * counts the bytes read, that one included) or, at the end, "unexpected
 * end of JSON input".  The parser above stops where its own grammar
 * fails, which is sometimes a byte earlier (the token's start); this
 * replays Go's machine once on failure so that the position is the byte
 * Go names.  Returns that byte's offset, or len for an input that ends
 * too soon; (size_t)-1 when Go's scanner takes the whole input. */
enum gs {
	GS_VALUE, GS_VALUE_OR_CLOSE, GS_KEY, GS_KEY_OR_CLOSE, GS_AFTER, GS_TOP,
	GS_STR, GS_ESC, GS_HEX, GS_NEG, GS_ZERO, GS_INT, GS_DOT, GS_FRAC, GS_E, GS_ESIGN, GS_EXP,
	GS_LIT,
};

static bool gs_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

typedef struct gscan {
	enum gs st;
	char *stack;          /* 'o' object key, 'v' object value, 'a' array */
	size_t depth, cap;
	const char *lit;      /* rest of true/false/null */
	int hex;
} gscan;

/* One byte; false when Go's scanner rejects it. */
static bool gs_step(gscan *g, unsigned char c)
{
	switch (g->st) {
	case GS_VALUE_OR_CLOSE:
		if (c == ']') {
			g->depth--;
			g->st = GS_AFTER;
			return true;
		}
		/* fall through */
	case GS_VALUE:
		if (gs_space(c))
			return true;
		if (c == '{' || c == '[') {
			if (g->depth >= SD_DEFAULT_MAX_DEPTH)
				return false;
			g->stack = sd_xgrow(g->stack, &g->cap, g->depth + 1, 1);
			g->stack[g->depth++] = c == '{' ? 'o' : 'a';
			g->st = c == '{' ? GS_KEY_OR_CLOSE : GS_VALUE_OR_CLOSE;
			return true;
		}
		if (c == '"')
			return g->st = GS_STR, true;
		if (c == '-')
			return g->st = GS_NEG, true;
		if (c == '0')
			return g->st = GS_ZERO, true;
		if (c >= '1' && c <= '9')
			return g->st = GS_INT, true;
		g->lit = c == 't' ? "rue" : c == 'f' ? "alse" : c == 'n' ? "ull" : NULL;
		return g->lit && (g->st = GS_LIT, true);
	case GS_KEY_OR_CLOSE:
		if (c == '}') {
			g->depth--;
			g->st = GS_AFTER;
			return true;
		}
		/* fall through */
	case GS_KEY:
		if (gs_space(c))
			return true;
		return c == '"' && (g->st = GS_STR, true);
	case GS_AFTER:
		if (!g->depth)
			return g->st = GS_TOP, gs_step(g, c);
		if (gs_space(c))
			return true;
		switch (g->stack[g->depth - 1]) {
		case 'o':
			return c == ':' && (g->stack[g->depth - 1] = 'v', g->st = GS_VALUE, true);
		case 'v':
			if (c == ',')
				return g->stack[g->depth - 1] = 'o', g->st = GS_KEY, true;
			return c == '}' && (g->depth--, true);
		default:
			if (c == ',')
				return g->st = GS_VALUE, true;
			return c == ']' && (g->depth--, true);
		}
	case GS_TOP:
		return gs_space(c);
	case GS_STR:
		if (c == '"')
			return g->st = GS_AFTER, true;
		if (c == '\\')
			return g->st = GS_ESC, true;
		return c >= 0x20;
	case GS_ESC:
		if (c == 'u')
			return g->st = GS_HEX, g->hex = 4, true;
		return strchr("bfnrt\\/\"", c) && c && (g->st = GS_STR, true);
	case GS_HEX:
		if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')))
			return false;
		if (--g->hex == 0)
			g->st = GS_STR;
		return true;
	case GS_NEG:
		if (c == '0')
			return g->st = GS_ZERO, true;
		return c >= '1' && c <= '9' && (g->st = GS_INT, true);
	case GS_INT:
		if (c >= '0' && c <= '9')
			return true;
		/* fall through */
	case GS_ZERO:
		if (c == '.')
			return g->st = GS_DOT, true;
		if (c == 'e' || c == 'E')
			return g->st = GS_E, true;
		return g->st = GS_AFTER, gs_step(g, c);
	case GS_DOT:
		return c >= '0' && c <= '9' && (g->st = GS_FRAC, true);
	case GS_FRAC:
		if (c >= '0' && c <= '9')
			return true;
		if (c == 'e' || c == 'E')
			return g->st = GS_E, true;
		return g->st = GS_AFTER, gs_step(g, c);
	case GS_E:
		if (c == '+' || c == '-')
			return g->st = GS_ESIGN, true;
		/* fall through */
	case GS_ESIGN:
		return c >= '0' && c <= '9' && (g->st = GS_EXP, true);
	case GS_EXP:
		if (c >= '0' && c <= '9')
			return true;
		return g->st = GS_AFTER, gs_step(g, c);
	case GS_LIT:
		if (c != (unsigned char)*g->lit)
			return false;
		if (!*++g->lit)
			g->st = GS_AFTER;
		return true;
	}
	return false;
}

static size_t go_syntax_offset(const char *s, size_t len)
{
	gscan g = { .st = GS_VALUE };
	size_t at = (size_t)-1;
	for (size_t i = 0; i < len && at == (size_t)-1; i++)
		if (!gs_step(&g, (unsigned char)s[i]))
			at = i;
	/* At the end Go feeds one space: it ends a number, or it is the bad
	 * byte (Offset len: the last byte is named), or the input is short
	 * ("unexpected end": the end itself). */
	if (at == (size_t)-1 && g.st != GS_TOP) {
		if (!gs_step(&g, ' '))
			at = len - 1;
		else if (g.st != GS_TOP)
			at = len;
	}
	free(g.stack);
	return at;
}

/* Moves the error to the byte Go's SyntaxError names; only while the
 * whole source is still there (see release_parsed). */
static void go_position(jp *p)
{
	if (p->released)
		return;
	size_t at = go_syntax_offset(p->s, p->len);
	if (at == (size_t)-1)
		return;
	uint32_t line = 1;
	size_t ls = 0;
	for (size_t i = 0; i < at; i++)
		if (p->s[i] == '\n')
			line++, ls = i + 1;
	p->err->line = line;
	p->err->col = (unsigned)(at - ls + 1);
}

const sd_node *sdp_json_parse(sd_doc *d, char *src, size_t len,
			     const sd_load_opts *o, sd_error *err)
{
	jp p = { .d = d, .s = src, .len = len, .line = 1, .err = err,
		 .max_depth = o->max_depth ? o->max_depth : SD_DEFAULT_MAX_DEPTH };
	d->format = SD_FORMAT_JSON;
	sd_node *root = NULL;
	if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) {
		fail(&p, 0, "a UTF-8 byte-order mark is not allowed in JSON (remove the first 3 bytes)");
		return NULL;
	}
	skip_ws(&p);
	if (p.pos >= len) {
		fail(&p, p.pos, len ? "no JSON value: the input is only white space"
				    : "empty input: expected a JSON value");
		goto out;
	}
	root = parse_tree(&p);
	if (root) {
		sd_node *r = sdp_doc_node(d, (sd_kind)root->kind, root->line, root->col);
		*r = *root;  /* out of p.val */
		root = r;
		skip_ws(&p);
		if (p.pos < len) {
			char b[32];
			fail(&p, p.pos, "unexpected %s after the top-level value (only one value "
			     "is allowed)", show(b, sizeof(b), (unsigned char)src[p.pos]));
			root = NULL;
		}
	}
out:
	if (!root)
		go_position(&p);
	free(p.frames);
	free(p.items);
	free(p.mems);
	free(p.itab);
	free(p.scratch);
	return root;
}
