/* base_utf8.c - UTF-8 by Go's rules, JSON string literals, and text made
 * safe for a terminal: the three places bytes of an input meet output. */
#include "specdiff/base.h"

#include <stdlib.h>
#include <string.h>

static const char hexdig[] = "0123456789abcdef";

size_t sd_utf8_decode(const void *p, size_t left, uint32_t *rune)
{
	const unsigned char *s = p;
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t n;
	if (c < 0x80) {
		if (rune)
			*rune = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return 0;
	if (left < n)
		return 0;
	/* the second byte's range shuts out overlongs, surrogates and > U+10FFFF */
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (s[1] < lo || s[1] > hi)
		return 0;
	uint32_t r = c & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++) {
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
		r = r << 6 | (s[i] & 0x3Fu);
	}
	if (rune)
		*rune = r;
	return n;
}

size_t sd_utf8_len(const void *p, size_t left)
{
	return sd_utf8_decode(p, left, NULL);
}

bool sd_utf8_valid(const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = sd_utf8_decode(s + i, n - i, NULL);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

size_t sd_utf8_encode(char *o, uint32_t c)
{
	if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		c = 0xFFFD;
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

void sd_buf_add_rune(sd_buf *b, uint32_t c)
{
	char o[4];
	sd_buf_add(b, o, sd_utf8_encode(o, c));
}

static void add_u4(sd_buf *b, uint32_t c)
{
	char e[6] = { '\\', 'u', hexdig[c >> 12 & 15], hexdig[c >> 8 & 15], hexdig[c >> 4 & 15],
		      hexdig[c & 15] };
	sd_buf_add(b, e, 6);
}

/* Bytes copied as they are: bit 0 without, bit 1 with SD_JSON_ESCAPE_HTML
 * (a table: this loop runs over every byte a report writes). */
static unsigned char json_plain_tab[256];

static void json_plain_init(void)
{
	for (int c = 0x20; c < 0x7F; c++)
		if (c != '"' && c != '\\')
			json_plain_tab[c] = (c == '<' || c == '>' || c == '&') ? 1 : 3;
}

static bool json_plain(unsigned char c, unsigned flags)
{
	return json_plain_tab[c] & ((flags & SD_JSON_ESCAPE_HTML) ? 2 : 1);
}

static void json_ascii(sd_buf *b, unsigned char c, unsigned flags)
{
	const char *esc = NULL;
	switch (c) {
	case '"': esc = "\\\""; break;
	case '\\': esc = "\\\\"; break;
	case '\n': esc = "\\n"; break;
	case '\r': esc = "\\r"; break;
	case '\t': esc = "\\t"; break;
	case '\b': esc = flags & SD_JSON_NAMED_BF ? "\\b" : NULL; break;
	case '\f': esc = flags & SD_JSON_NAMED_BF ? "\\f" : NULL; break;
	}
	if (esc)
		sd_buf_add(b, esc, 2);
	else if (c < 0x20 || (c == 0x7F && (flags & SD_JSON_ESCAPE_DEL)) || c == '<' || c == '>' || c == '&')
		add_u4(b, c);
	else
		sd_buf_addc(b, (char)c);
}

void sd_json_quote(sd_buf *b, const char *str, size_t n, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)str;
	if (!json_plain_tab['a'])
		json_plain_init();
	sd_buf_addc(b, '"');
	for (size_t i = 0; i < n;) {
		if (json_plain(s[i], flags)) {
			size_t run = i + 1;  /* plain ASCII: copied in one go */
			while (run < n && json_plain(s[run], flags))
				run++;
			sd_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		if (s[i] < 0x80) {
			json_ascii(b, s[i++], flags);
			continue;
		}
		uint32_t r;
		size_t k = sd_utf8_decode(s + i, n - i, &r);
		if (!k) {
			if (flags & SD_JSON_KEEP_INVALID)
				sd_buf_addc(b, (char)s[i]);
			else
				sd_buf_adds(b, "\\ufffd");
			i++;
		} else if ((r == 0x2028 || r == 0x2029) && (flags & SD_JSON_ESCAPE_LINESEP)) {
			add_u4(b, r);
			i += k;
		} else {
			sd_buf_add(b, s + i, k);
			i += k;
		}
	}
	sd_buf_addc(b, '"');
}

void sd_buf_add_json_string(sd_buf *b, const char *s, size_t n)
{
	sd_json_quote(b, s, n, SD_JSON_KEEP_INVALID | SD_JSON_NAMED_BF | SD_JSON_ESCAPE_DEL);
}

/* ---- terminal safety ---- */

static bool rune_unsafe(uint32_t r)
{
	return (r >= 0x80 && r <= 0x9F) || (r >= 0x202A && r <= 0x202E) ||
	       (r >= 0x2066 && r <= 0x2069);
}

static bool byte_unsafe(unsigned char c, bool keep_newline)
{
	return (c < 0x20 && c != '\t' && !(c == '\n' && keep_newline)) || c == 0x7F;
}

static void add_x2(sd_buf *b, unsigned char c)
{
	char e[4] = { '\\', 'x', hexdig[c >> 4], hexdig[c & 15] };
	sd_buf_add(b, e, 4);
}

void sd_buf_add_safe(sd_buf *b, const char *str, size_t n, bool keep_newline)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < n;) {
		size_t run = i;
		while (run < n && s[run] >= 0x20 && s[run] < 0x7F)
			run++;
		if (run > i) {
			sd_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		if (s[i] < 0x80) {
			if (byte_unsafe(s[i], keep_newline))
				add_x2(b, s[i]);
			else
				sd_buf_addc(b, (char)s[i]);
			i++;
			continue;
		}
		uint32_t r;
		size_t k = sd_utf8_decode(s + i, n - i, &r);
		if (!k)
			add_x2(b, s[i++]);
		else if (rune_unsafe(r))
			add_u4(b, r), i += k;
		else
			sd_buf_add(b, s + i, k), i += k;
	}
}

bool sd_text_needs_escape(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			if (byte_unsafe(s[i], true))
				return true;
			i++;
			continue;
		}
		uint32_t r;
		size_t k = sd_utf8_decode(s + i, n - i, &r);
		if (!k || rune_unsafe(r))
			return true;
		i += k;
	}
	return false;
}

void sd_buf_escape_from(sd_buf *b, size_t start, bool keep_newline)
{
	if (start >= b->len || !sd_text_needs_escape(b->data + start, b->len - start))
		return;
	size_t n = b->len - start;
	char *tail = sd_xstrndup(b->data + start, n);
	b->len = start;
	b->data[start] = '\0';
	sd_buf_add_safe(b, tail, n, keep_newline);
	free(tail);
}
