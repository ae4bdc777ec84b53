/*
 * write.c - JSON and YAML writers keeping key order and number text, and
 * atomic file replacement.
 */
#include "specdiff/write.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc_impl.h"
#include "specdiff/base.h"

static void indent_with(sd_buf *out, unsigned n, char c)
{
	sd_buf_grow(out, n);
	memset(out->data + out->len, c, n);
	out->len += n;
	out->data[out->len] = '\0';
}

static void indent_to(sd_buf *out, unsigned n)
{
	indent_with(out, n, ' ');
}

/* JSON layout: step indent characters (spaces or tabs) per level. */
typedef struct json_style {
	unsigned step;
	char c;
	bool go_numbers;
	unsigned q;         /* string quoting flags (json_str) */
} json_style;

static void json_indent(sd_buf *out, unsigned ind, const json_style *st)
{
	indent_with(out, ind, st->c);
}

#define STYLE_HEAD 65536 /* bytes read to find the first indented line */

void sd_write_detect_shape(const char *text, size_t len, sd_write_shape *o)
{
	const char *nl = memchr(text, '\n', len);
	memset(o, 0, sizeof *o);
	o->crlf = nl && nl > text && nl[-1] == '\r';
	o->no_final_newline = len > 0 && text[len - 1] != '\n';
	/* JSON laid out by hand ({"a": 1,\n "b": 2}) has no indentation to
	 * keep: only a text whose first line opens a bracket and ends there */
	size_t lead = 0;
	while (lead < len && (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\r' ||
			      text[lead] == '\n'))
		lead++;
	if (lead < len && (text[lead] == '{' || text[lead] == '[')) {
		const char *q = text + lead + 1;
		while (q < text + len && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q >= text + len || *q != '\n')
			return;
	}
	for (const char *p = nl; p && p + 1 < text + len; p = memchr(p + 1, '\n', (size_t)(text + len - p - 1))) {
		const char *q = p + 1;
		if (*q == '\t') {
			o->tabs = true;
			o->indent = 1;
			return;
		}
		size_t n = 0;
		while (q + n < text + len && q[n] == ' ')
			n++;
		if (n && n <= 16 && q + n < text + len && !strchr("\r\n", q[n])) {
			o->tabs = false;
			o->indent = (unsigned)n;
			return;
		}
	}
}

bool sd_write_detect_file_shape(const char *path, sd_write_shape *o)
{
	struct stat st;
	memset(o, 0, sizeof *o);
	/* only a regular file can be read a second time (a FIFO would block) */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char *head = sd_xmalloc(STYLE_HEAD);
	size_t n = fread(head, 1, STYLE_HEAD, f);
	bool ok = !ferror(f);
	int last = n ? (unsigned char)head[n - 1] : -1;
	if (ok && n == STYLE_HEAD && fseek(f, -1, SEEK_END) == 0)
		last = fgetc(f);
	fclose(f);
	if (ok && n) {
		sd_write_detect_shape(head, n, o);
		o->no_final_newline = last != '\n';
	}
	free(head);
	return ok && n;
}

/* Line ends and the final newline as the source had them. */
static void finish_lines(sd_buf *out, size_t from, const sd_write_shape *o)
{
	if (o && o->no_final_newline && out->len > from && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	if (!o || !o->crlf)
		return;
	size_t extra = 0;
	for (size_t i = from; i < out->len; i++)
		extra += out->data[i] == '\n';
	sd_buf_grow(out, extra);
	size_t r = out->len, w = out->len + extra;
	out->data[w] = '\0';
	while (r > from) {   /* from the end, so nothing is overwritten */
		char c = out->data[--r];
		out->data[--w] = c;
		if (c == '\n')
			out->data[--w] = '\r';
	}
	out->len += extra;
}

/* RFC 8259 number text? */
static bool json_number_ok(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return false;
	if (s[i] == '0')
		i++;
	else
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i < n && s[i] == '.') {
		size_t f = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == f)
			return false;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		size_t e = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == e)
			return false;
	}
	return i == n;
}

static void json_number(sd_buf *out, const sd_node *n, bool go_numbers)
{
	bool as_go = go_numbers && (n->flags & SD_NODE_NUM_ALT);
	if (!as_go && json_number_ok(n->u.num, n->len)) {
		sd_buf_add(out, n->u.num, n->len);
		return;
	}
	size_t len;
	const char *go = sd_number_go_text(n, &len);
	if (go)
		sd_buf_add(out, go, len);
	else
		sd_buf_add_json_string(out, n->u.num, n->len); /* .inf, .nan */
}

/* How strings are quoted: the lossless writer style, or the bytes of a
 * Go release's json.Marshal (sd_json_escape_flags). */
static void json_str(sd_buf *out, const char *s, size_t n, unsigned qflags)
{
	if (qflags)
		sd_json_quote(out, s, n, qflags);
	else
		sd_buf_add_json_string(out, s, n);
}

static void write_json(sd_buf *out, const sd_node *n, unsigned ind, const json_style *st)
{
	unsigned step = st->step;
	switch ((sd_kind)n->kind) {
	case SD_NULL: sd_buf_adds(out, "null"); return;
	case SD_BOOL: sd_buf_adds(out, n->u.boolean ? "true" : "false"); return;
	case SD_NUMBER: json_number(out, n, st->go_numbers); return;
	case SD_STRING: json_str(out, n->u.str, n->len, st->q); return;
	case SD_ARRAY:
		if (!n->len) {
			sd_buf_adds(out, "[]");
			return;
		}
		sd_buf_addc(out, '[');
		for (uint32_t i = 0; i < n->len; i++) {
			sd_buf_adds(out, i ? ",\n" : "\n");
			json_indent(out, ind + step, st);
			write_json(out, &n->u.items[i], ind + step, st);
		}
		sd_buf_addc(out, '\n');
		json_indent(out, ind, st);
		sd_buf_addc(out, ']');
		return;
	case SD_OBJECT:
		if (!n->len) {
			sd_buf_adds(out, "{}");
			return;
		}
		sd_buf_addc(out, '{');
		for (uint32_t i = 0; i < n->len; i++) {
			const sd_member *m = &n->u.members[i];
			sd_buf_adds(out, i ? ",\n" : "\n");
			json_indent(out, ind + step, st);
			json_str(out, m->key, m->key_len, st->q);
			sd_buf_adds(out, ": ");
			write_json(out, &m->value, ind + step, st);
		}
		sd_buf_addc(out, '\n');
		json_indent(out, ind, st);
		sd_buf_addc(out, '}');
		return;
	}
}

/* ---- YAML ---- */

/* Can s be written as a plain scalar and read back as the same string? */
static bool yaml_plain_ok(const char *s, size_t n)
{
	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ')
		return false;
	if (strchr("-?:,[]{}#&*!|>'\"%@`.", s[0]) && !(s[0] == '.' && n > 1 && s[1] != '.'))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f)
			return false; /* control, tab, non-ASCII: double-quoted */
		if (c == ':' && (i + 1 == n || s[i + 1] == ' '))
			return false;
		if (c == '#' && s[i - 1] == ' ')
			return false;
	}
	/* A date-like text is a timestamp to yaml.v3; YAML 1.1 booleans
	 * are quoted so no reader takes them for booleans. */
	static const char *const yaml11[] = { "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No",
		"NO", "on", "On", "ON", "off", "Off", "OFF", NULL };
	for (const char *const *w = yaml11; *w; w++)
		if (strlen(*w) == n && memcmp(*w, s, n) == 0)
			return false;
	if (n >= 5 && s[4] == '-' && strspn(s, "0123456789") == 4)
		return false;
	return sdp_yaml_plain_is_string(s, n);
}

static void yaml_quoted(sd_buf *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	sd_buf_addc(out, '"');
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		const char *esc = NULL;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		case 0: esc = "\\0"; break;
		}
		if (esc) {
			sd_buf_adds(out, esc);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			sd_buf_addf(out, "\\x%02X", c);
			i++;
		} else if (c < 0x80) {
			sd_buf_addc(out, (char)c);
			i++;
		} else {
			size_t k = sd_utf8_len(s + i, n - i);
			if (!k) {
				sd_buf_adds(out, "\xEF\xBF\xBD"); /* U+FFFD: YAML cannot hold the raw byte */
				i++;
			} else if (k == 2 && c == 0xC2 && s[i + 1] < 0xA0) {
				sd_buf_addf(out, "\\x%02X", s[i + 1]); /* C1 controls, NEL */
				i += 2;
			} else if (k == 3 && ((c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) ||
					      (c == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF))) {
				sd_buf_addf(out, "\\u%s", c == 0xEF ? "FEFF" : s[i + 2] == 0xA8 ? "2028" : "2029");
				i += 3;
			} else {
				sd_buf_add(out, s + i, k);
				i += k;
			}
		}
	}
	sd_buf_addc(out, '"');
}

static void yaml_string(sd_buf *out, const char *s, size_t n)
{
	if (yaml_plain_ok(s, n))
		sd_buf_add(out, s, n);
	else
		yaml_quoted(out, s, n);
}

/* A number YAML readers take for a string: JSON text beyond float64
 * range (1e400).  yaml.v3 (and our loader) resolve it as a string, and an
 * explicit !!float tag is an error there, so no YAML spelling keeps it a
 * number: it is written quoted, a string for every reader, text kept. */
static bool yaml_number_is_string(const sd_node *n)
{
	return n->kind == SD_NUMBER && !(n->flags & SD_NODE_NUM_NOJSON) &&
	       sdp_yaml_plain_is_string(n->u.num, n->len);
}

static void yaml_scalar(sd_buf *out, const sd_node *n)
{
	if (yaml_number_is_string(n)) {
		yaml_quoted(out, n->u.num, n->len);
		return;
	}
	switch ((sd_kind)n->kind) {
	case SD_NULL: sd_buf_adds(out, "null"); break;
	case SD_BOOL: sd_buf_adds(out, n->u.boolean ? "true" : "false"); break;
	case SD_NUMBER: sd_buf_add(out, n->u.num, n->len); break;
	case SD_STRING: yaml_string(out, n->u.str, n->len); break;
	case SD_ARRAY: sd_buf_adds(out, "[]"); break;
	case SD_OBJECT: sd_buf_adds(out, "{}"); break;
	}
}

static bool is_block(const sd_node *n)
{
	return (n->kind == SD_ARRAY || n->kind == SD_OBJECT) && n->len > 0;
}

/* Writes a block collection whose first line continues the current line
 * (after "- " or at the start of the document); later lines get ind. */
static void write_yaml_block(sd_buf *out, const sd_node *n, unsigned ind, unsigned step)
{
	for (uint32_t i = 0; i < n->len; i++) {
		if (i)
			indent_to(out, ind);
		const sd_node *v;
		if (n->kind == SD_ARRAY) {
			v = &n->u.items[i];
			sd_buf_adds(out, "- ");
			if (is_block(v)) {
				write_yaml_block(out, v, ind + 2, step);
				continue;
			}
		} else {
			const sd_member *m = &n->u.members[i];
			v = &m->value;
			if (m->key_len > 1000) {
				/* libyaml allows implicit keys of 1024 characters at
				 * most: longer ones take the explicit "? " form. */
				sd_buf_adds(out, "? ");
				yaml_string(out, m->key, m->key_len);
				sd_buf_addc(out, '\n');
				indent_to(out, ind);
			} else {
				yaml_string(out, m->key, m->key_len);
			}
			sd_buf_addc(out, ':');
			if (is_block(v)) {
				/* Sequences under a key are indented like mappings. */
				sd_buf_addc(out, '\n');
				indent_to(out, ind + step);
				write_yaml_block(out, v, ind + step, step);
				continue;
			}
			sd_buf_addc(out, ' ');
		}
		yaml_scalar(out, v);
		sd_buf_addc(out, '\n');
	}
}

void sd_write_node(sd_buf *out, const sd_node *root, const sd_write_opts *o)
{
	sd_write_node_shaped(out, root, o, NULL);
}

void sd_write_node_shaped(sd_buf *out, const sd_node *root, const sd_write_opts *o,
			  const sd_write_shape *sh)
{
	unsigned step = sh && sh->indent ? sh->indent : o && o->indent ? o->indent : 2;
	bool tabs = sh && sh->tabs;
	size_t from = out->len;
	if (o && o->to == SD_FORMAT_YAML) {
		if (tabs)   /* YAML cannot indent with tabs */
			step = 2;
		if (is_block(root)) {
			write_yaml_block(out, root, 0, step);
		} else {
			yaml_scalar(out, root);
			sd_buf_addc(out, '\n');
		}
	} else {
		json_style st = { tabs ? 1 : step, tabs ? '\t' : ' ', o && o->go_numbers,
				  o ? sd_json_escape_flags(o->json_escape) : 0 };
		write_json(out, root, 0, &st);
		sd_buf_addc(out, '\n');
	}
	if (sh)
		finish_lines(out, from, sh);
}

/* Go's json.Marshal (HTML-escaping, as runsc's) by release, from
 * encoding/json's encode.go history: every release writes invalid UTF-8
 * as \ufffd, escapes U+2028 and U+2029 and leaves DEL raw; Go 1.22 began
 * writing \b and \f by name where earlier releases write \u0008 and
 * \u000c. */
unsigned sd_json_escape_flags(sd_json_escape e)
{
	switch (e) {
	case SD_JSON_ESCAPE_GO_1_0: return SD_JSON_ESCAPE_LINESEP | SD_JSON_ESCAPE_HTML;
	case SD_JSON_ESCAPE_GO_1_22:
		return SD_JSON_ESCAPE_LINESEP | SD_JSON_ESCAPE_HTML | SD_JSON_NAMED_BF;
	case SD_JSON_ESCAPE_WRITER: break;
	}
	return 0;
}

sd_json_escape sd_json_escape_for_go(const char *go_version)
{
	const char *v = go_version;
	if (v && strncmp(v, "go", 2) == 0)
		v += 2;
	unsigned major = 0, minor = 0;
	if (!v || sscanf(v, "%u.%u", &major, &minor) != 2 || major != 1)
		return SD_JSON_ESCAPE_GO_NEWEST;
	return minor >= 22 ? SD_JSON_ESCAPE_GO_1_22 : SD_JSON_ESCAPE_GO_1_0;
}

bool sd_write_yaml_lossy(const sd_node *n)
{
	if (n->kind == SD_STRING)
		return (n->flags & SD_NODE_BADUTF8) != 0;
	if (n->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < n->len; i++)
			if (sd_write_yaml_lossy(&n->u.items[i]))
				return true;
	} else if (n->kind == SD_OBJECT) {
		for (uint32_t i = 0; i < n->len; i++) {
			const sd_member *m = &n->u.members[i];
			for (uint32_t k = 0; k < m->key_len;) {
				unsigned char c = (unsigned char)m->key[k];
				size_t l = sd_utf8_len(m->key + k, m->key_len - k);
				(void)c;
				if (!l)
					return true;
				k += (uint32_t)l;
			}
			if (sd_write_yaml_lossy(&m->value))
				return true;
		}
	}
	return false;
}

bool sd_write_yaml_number_strings(const sd_node *n)
{
	if (n->kind == SD_ARRAY) {
		for (uint32_t i = 0; i < n->len; i++)
			if (sd_write_yaml_number_strings(&n->u.items[i]))
				return true;
	} else if (n->kind == SD_OBJECT) {
		for (uint32_t i = 0; i < n->len; i++)
			if (sd_write_yaml_number_strings(&n->u.members[i].value))
				return true;
	}
	return yaml_number_is_string(n);
}

int sd_write_backup(const char *path, const sd_buf *orig, bool *made, sd_error *err)
{
	sd_buf bak = SD_BUF_INIT, old = SD_BUF_INIT;
	int st = 0;
	*made = false;
	sd_buf_addf(&bak, "%s.orig", path);
	if (access(bak.data, F_OK) == 0) {
		if (sd_read_file(bak.data, SIZE_MAX, &old) || old.len != orig->len ||
		    memcmp(old.data, orig->data, orig->len)) {
			sd_error_set(err, bak.data, 0, 0, "a different backup already exists; move it "
				     "away or use --no-backup (nothing was written)");
			st = -1;
		}
	} else if (link(path, bak.data) == 0) {
		*made = true;
	} else if (sd_write_file_atomic(bak.data, orig->data, orig->len, err) == 0) {
		*made = true;
	} else {
		st = -1;
	}
	sd_buf_release(&old);
	sd_buf_release(&bak);
	return st;
}
