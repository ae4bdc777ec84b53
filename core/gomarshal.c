/*
 * gomarshal.c - encoding/json Marshal of a Go value (Encoder with
 * SetEscapeHTML(false)): struct fields in declaration order with omitempty,
 * map keys sorted, nil maps/slices/pointers/interfaces as null, strings
 * escaped as Go 1.19 does (\n \r \t \" \\, other control bytes and
 * U+2028/U+2029 as \u00XX/\u2028, invalid UTF-8 as \ufffd).  sd_gv_marshal_go
 * is json.Marshal itself: also <, > and & as \u003c, \u003e, \u0026.
 */
#include <inttypes.h>
#include <string.h>

#include "goview_impl.h"
#include "specdiff/base.h"
#include "specdiff/gofacts.h"
#include "specdiff/gonum.h"
#include "specdiff/util.h"

typedef struct mopts {
	bool omitempty;   /* false: every field written, as if untagged */
	bool html;        /* json.Marshal's HTML escaping of <, > and & */
} mopts;

static void marshal(sd_buf *out, const sd_gv *v, const mopts *o);

static void marshal_string(sd_buf *out, const char *s, size_t len, const mopts *o)
{
	sd_json_quote(out, s, len, o->html ? SD_JSON_GO | SD_JSON_ESCAPE_HTML : SD_JSON_GO);
}

void sdp_gv_marshal_string(sd_buf *out, const char *s, size_t len)
{
	sd_json_quote(out, s, len, SD_JSON_GO);
}

static void marshal_struct(sd_buf *out, const sd_gv *v, const mopts *o)
{
	const sd_type *t = v->type;
	bool first = true;
	sd_buf_addc(out, '{');
	for (size_t i = 0; i < t->nfields; i++) {
		const sd_gv *f = &v->u.fields[i];
		if (o->omitempty && t->fields[i].omitempty && sd_gv_is_omitempty_empty(f))
			continue;
		if (!first)
			sd_buf_addc(out, ',');
		first = false;
		marshal_string(out, t->fields[i].json_name, strlen(t->fields[i].json_name), o);
		sd_buf_addc(out, ':');
		marshal(out, f, o);
	}
	sd_buf_addc(out, '}');
}

static void marshal(sd_buf *out, const sd_gv *v, const mopts *o)
{
	switch (v->type->kind) {
	case SD_GO_STRUCT:
		marshal_struct(out, v, o);
		break;
	case SD_GO_PTR:
	case SD_GO_IFACE:
		if (v->is_nil)
			sd_buf_adds(out, "null");
		else
			marshal(out, v->u.elem, o);
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
			marshal(out, &v->u.slice.items[i], o);
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
			marshal_string(out, e->key, e->key_len, o);
			sd_buf_addc(out, ':');
			marshal(out, &e->value, o);
		}
		sd_buf_addc(out, '}');
		break;
	case SD_GO_STRING:
		marshal_string(out, v->u.str.s, v->u.str.len, o);
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
	mopts o = { omitempty, false };
	marshal(out, v, &o);
}

void sd_gv_marshal_go(sd_buf *out, const sd_gv *v)
{
	mopts o = { true, true };
	marshal(out, v, &o);
}
