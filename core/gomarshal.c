/*
 * gomarshal.c - encoding/json Marshal of a Go value (Encoder with
 * SetEscapeHTML(false)): struct fields in declaration order with omitempty,
 * map keys sorted, nil maps/slices/pointers/interfaces as null, strings
 * escaped as Go 1.19 does (\n \r \t \" \\, other control bytes and
 * U+2028/U+2029 as \u00XX/\u2028, invalid UTF-8 as \ufffd).
 */
#include <inttypes.h>
#include <string.h>

#include "goview_impl.h"
#include "specdiff/gonum.h"
#include "specdiff/util.h"

static void marshal(sd_buf *out, const sd_gv *v, bool omitempty);

void sd_gv_marshal_string(sd_buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	sd_buf_addc(out, '"');
	while (i < len) {
		unsigned char c = p[i];
		size_t k;
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			size_t run = i + 1;  /* plain ASCII: copied in one go */
			while (run < len && p[run] >= 0x20 && p[run] < 0x80 && p[run] != '"' && p[run] != '\\')
				run++;
			sd_buf_add(out, p + i, run - i);
			i = run;
			continue;
		}
		if (c < 0x80) {
			if (c == '"' || c == '\\') {
				sd_buf_addc(out, '\\');
				sd_buf_addc(out, (char)c);
			} else if (c == '\n') {
				sd_buf_adds(out, "\\n");
			} else if (c == '\r') {
				sd_buf_adds(out, "\\r");
			} else if (c == '\t') {
				sd_buf_adds(out, "\\t");
			} else if (c < 0x20) {
				sd_buf_adds(out, "\\u00");
				sd_buf_addc(out, hex[c >> 4]);
				sd_buf_addc(out, hex[c & 0xF]);
			} else {
				sd_buf_addc(out, (char)c);
			}
			i++;
			continue;
		}
		k = sd_utf8_len(p + i, len - i);
		if (k == 0) {
			sd_buf_adds(out, "\\ufffd");
			i++;
		} else if (k == 3 && c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
			sd_buf_adds(out, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
			i += 3;
		} else {
			sd_buf_add(out, p + i, k);
			i += k;
		}
	}
	sd_buf_addc(out, '"');
}

static void marshal_struct(sd_buf *out, const sd_gv *v, bool omitempty)
{
	const sd_type *t = v->type;
	bool first = true;
	sd_buf_addc(out, '{');
	for (size_t i = 0; i < t->nfields; i++) {
		const sd_gv *f = &v->u.fields[i];
		if (omitempty && t->fields[i].omitempty && sd_gv_is_omitempty_empty(f))
			continue;
		if (!first)
			sd_buf_addc(out, ',');
		first = false;
		sd_gv_marshal_string(out, t->fields[i].json_name, strlen(t->fields[i].json_name));
		sd_buf_addc(out, ':');
		marshal(out, f, omitempty);
	}
	sd_buf_addc(out, '}');
}

static void marshal(sd_buf *out, const sd_gv *v, bool omitempty)
{
	switch (v->type->kind) {
	case SD_GO_STRUCT:
		marshal_struct(out, v, omitempty);
		break;
	case SD_GO_PTR:
	case SD_GO_IFACE:
		if (v->is_nil)
			sd_buf_adds(out, "null");
		else
			marshal(out, v->u.elem, omitempty);
		break;
	case SD_GO_SLICE:
		if (v->is_nil) {
			sd_buf_adds(out, "null");
			break;
		}
		sd_buf_addc(out, '[');
		for (size_t i = 0; i < v->u.slice.n; i++) {
			if (i)
				sd_buf_addc(out, ',');
			marshal(out, &v->u.slice.items[i], omitempty);
		}
		sd_buf_addc(out, ']');
		break;
	case SD_GO_MAP:
		if (v->is_nil) {
			sd_buf_adds(out, "null");
			break;
		}
		sd_buf_addc(out, '{');
		for (size_t i = 0; i < v->u.map.n; i++) {
			const sd_gv_entry *e = &v->u.map.entries[i];
			if (i)
				sd_buf_addc(out, ',');
			sd_gv_marshal_string(out, e->key, e->key_len);
			sd_buf_addc(out, ':');
			marshal(out, &e->value, omitempty);
		}
		sd_buf_addc(out, '}');
		break;
	case SD_GO_STRING:
		sd_gv_marshal_string(out, v->u.str.s, v->u.str.len);
		break;
	case SD_GO_BOOL:
		sd_buf_adds(out, v->u.boolean ? "true" : "false");
		break;
	case SD_GO_INT:
		sd_buf_addf(out, "%" PRId64, v->u.i);
		break;
	case SD_GO_UINT:
		sd_buf_addf(out, "%" PRIu64, v->u.u);
		break;
	case SD_GO_FLOAT:
		sd_go_json_float(out, v->u.f);
		break;
	}
}

void sd_gv_marshal_json(sd_buf *out, const sd_gv *v, bool omitempty)
{
	marshal(out, v, omitempty);
}
