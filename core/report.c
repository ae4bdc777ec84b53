/*
 * report.c - text, JSON and RFC 6902 patch renderings of a comparison.
 * Everything is appended to an sd_buf; the front end decides where it goes.
 */
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "specdiff/base.h"
#include "specdiff/focus.h"
#include "specdiff/gofacts.h"
#include "specdiff/report.h"

void sd_report_opts_init(sd_report_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->show_cosmetic = true;
	o->lname = "LEFT";
	o->rname = "RIGHT";
}

/* ---- source nodes as JSON ---- */

/* A JSON string literal that is always valid JSON: invalid UTF-8 bytes
 * become U+FFFD, as Go's json.Marshal writes them. */
static void json_str(sd_buf *out, const char *str, size_t n)
{
	sd_json_quote(out, str, n, SD_JSON_ESCAPE_DEL);
}

void sdp_node_to_json(sd_buf *out, const sd_node *n)
{
	switch (n->kind) {
	case SD_NULL:
		sd_buf_adds(out, "null");
		break;
	case SD_BOOL:
		sd_buf_adds(out, n->u.boolean ? "true" : "false");
		break;
	case SD_NUMBER: {
		size_t len;
		const char *t = sd_number_go_text(n, &len);
		if (t)
			sd_buf_add(out, t, len);
		else
			json_str(out, n->u.num, n->len);
		break;
	}
	case SD_STRING:
		json_str(out, n->u.str, n->len);
		break;
	case SD_ARRAY:
		sd_buf_addc(out, '[');
		for (uint32_t i = 0; i < n->len; i++) {
			if (i)
				sd_buf_addc(out, ',');
			sdp_node_to_json(out, &n->u.items[i]);
		}
		sd_buf_addc(out, ']');
		break;
	case SD_OBJECT:
		sd_buf_addc(out, '{');
		for (uint32_t i = 0; i < n->len; i++) {
			if (i)
				sd_buf_addc(out, ',');
			json_str(out, n->u.members[i].key, n->u.members[i].key_len);
			sd_buf_addc(out, ':');
			sdp_node_to_json(out, &n->u.members[i].value);
		}
		sd_buf_addc(out, '}');
		break;
	}
}

/* ---- JSON report ---- */

/* "pointer" and "go" of one side: the facts the panel shows too. */
static void gofacts_side(sd_buf *out, const sd_diff *d, const sd_diff_item *it, bool right)
{
	sd_gofacts f;
	sd_gofacts_side(&f, d, it, it->path, right, 0);
	sd_buf_adds(out, ",\"pointer\":");
	if (f.pointer)
		json_str(out, f.pointer, strlen(f.pointer));
	else
		sd_buf_adds(out, "null");
	sd_buf_adds(out, ",\"go\":");
	sd_gofacts_json(out, &f);
	sd_gofacts_release(&f);
}

/* One side of item i.  A value the node walker left unmade is written
 * straight from its node: making it could mean a Go tree of the whole
 * document (two arrays of different lengths differ at the root). */
static void json_side(sd_buf *out, const sd_diff *d, size_t i, bool right)
{
	const sd_diff_item *it = d->items[i];
	const sd_gv *v = right ? it->right : it->left;
	const sd_node *n = right ? it->rnode : it->lnode;
	sd_buf_addf(out, ",\"%s\":{", right ? "right" : "left");
	if (n)
		sd_buf_addf(out, "\"line\":%u,\"column\":%u,\"value\":", n->line, n->col);
	else
		sd_buf_adds(out, "\"line\":null,\"column\":null");
	if (v) {
		if (!n)
			sd_buf_adds(out, ",\"value\":");
		sd_gv_marshal_json(out, v, true);
	} else if (n && !sdp_diff_item_value_json(d, i, right, out)) {
		sdp_node_to_json(out, n);
	}
	gofacts_side(out, d, it, right);
	sd_buf_addc(out, '}');
}

static void json_str_or_null(sd_buf *out, const char *msg)
{
	if (msg)
		json_str(out, msg, strlen(msg));
	else
		sd_buf_adds(out, "null");
}

/* The items kept (ignored == false) or left out by a focus, and the
 * closing bracket of their list. */
static void json_items(sd_buf *out, const sd_diff *d, bool ignored)
{
	size_t n = d ? sd_diff_count(d) : 0, k = 0;
	for (size_t i = 0; i < n; i++) {
		const sd_diff_item *it = d->items[i];
		if (it->ignored != ignored)
			continue;
		sd_buf_adds(out, k++ ? ",\n {\"path\":" : "\n {\"path\":");
		json_str(out, it->path, strlen(it->path));
		sd_buf_addf(out, ",\"class\":\"%s\"", sd_class_name(it->cls));
		json_side(out, d, i, false);
		json_side(out, d, i, true);
		sd_buf_addc(out, '}');
	}
	sd_buf_adds(out, k ? "\n]" : "]");
}

static const char *json_bool(const sd_diff *d, sd_mode m)
{
	return !d ? "null" : sd_diff_equal(d, m) ? "true" : "false";
}

void sd_report_json(sd_buf *out, const sd_diff *d, const sd_report_opts *o)
{
	sd_buf_adds(out, "{\"decode\":{\"left\":");
	json_str_or_null(out, o->lerr);
	sd_buf_adds(out, ",\"right\":");
	json_str_or_null(out, o->rerr);
	sd_buf_addf(out, "},\"types\":\"%s\"", o->types ? o->types : sd_gofacts_types_version());
	sd_buf_adds(out, ",\"runsc_version\":");
	json_str_or_null(out, o->runsc_version);
	sd_buf_addf(out, ",\"strict_equal\":%s,\"semantic_equal\":%s,\"mode\":\"%s\",\"equal\":%s,\"diffs\":[",
		    json_bool(d, SD_MODE_STRICT), json_bool(d, SD_MODE_SEMANTIC),
		    sd_mode_name(o->mode), json_bool(d, o->mode));
	json_items(out, d, false);
	sd_buf_adds(out, ",\"ignored\":[");
	json_items(out, d, true);
	sd_buf_adds(out, "}\n");
}

/* ---- text report ---- */

enum { VALUE_WIDTH = 100 };

static const char *class_color(sd_class c)
{
	const char *ansi = sd_class_get(c)->ansi;
	return *ansi ? ansi : "\033[2m";
}

/* The Go view of a value in a few words: nil and empty told apart. */
static void render_gv(sd_buf *out, const sd_gv *v)
{
	switch (v->type->kind) {
	case SD_GO_MAP:
		if (v->is_nil) {
			sd_buf_adds(out, "<nil map>");
			return;
		}
		if (!v->u.map.n) {
			sd_buf_adds(out, "map[] (empty, not nil)");
			return;
		}
		break;
	case SD_GO_SLICE:
		if (v->is_nil) {
			sd_buf_adds(out, "<nil slice>");
			return;
		}
		if (!v->u.slice.n) {
			sd_buf_adds(out, "[] (empty, not nil)");
			return;
		}
		break;
	case SD_GO_PTR:
		if (v->is_nil) {
			sd_buf_adds(out, "<nil pointer>");
			return;
		}
		break;
	case SD_GO_IFACE:
		if (v->is_nil) {
			sd_buf_adds(out, "<nil>");
			return;
		}
		break;
	default:
		break;
	}
	sd_gv_marshal_json(out, v, true);
}

enum { SUMMARY_OVER = 16, ROWS_SHOWN = 20 };

static void render_side(sd_buf *out, const sd_gv *v, const sd_node *n)
{
	size_t start = out->len;
	const sd_gv *dv = v && v->type->kind == SD_GO_IFACE && !v->is_nil ? v->u.elem : v;
	if (dv && dv->type->kind == SD_GO_SLICE && !dv->is_nil && dv->u.slice.n > SUMMARY_OVER)
		sd_buf_addf(out, "[...] (a list of %zu elements)", dv->u.slice.n);
	else if (dv && dv->type->kind == SD_GO_MAP && !dv->is_nil && dv->u.map.n > SUMMARY_OVER)
		sd_buf_addf(out, "map[...] (%zu keys)", dv->u.map.n);
	else if (v)
		render_gv(out, v);
	else if (n)
		sdp_node_to_json(out, n);
	else
		sd_buf_adds(out, "(absent)");
	if (out->len - start > VALUE_WIDTH) {
		size_t cut = start + VALUE_WIDTH;
		while (cut > start && ((unsigned char)out->data[cut] & 0xC0) == 0x80)
			cut--;   /* never split a UTF-8 sequence */
		out->len = cut;
		out->data[cut] = '\0';
		sd_buf_adds(out, "...");
	}
}

static void text_side(sd_buf *out, const char *label, const char *file,
		      const sd_gv *v, const sd_node *n)
{
	sd_buf_addf(out, "    %-6s ", label);
	size_t at = out->len;   /* from here on: the input's text (base.h) */
	render_side(out, v, n);
	if (n)
		sd_buf_addf(out, "    (%s:%u)", file, n->line);
	else if (v)
		sd_buf_adds(out, "    (absent in the text)");
	sd_buf_escape_from(out, at, false);
	sd_buf_addc(out, '\n');
}

/* Under a value difference at a list or object, the rows that differ in
 * the aligned pair tree: what was inserted, deleted or changed. */
static void text_rows(sd_buf *out, const sd_diff *d, const sd_diff_item *it, const sd_report_opts *o)
{
	const sd_pair *p = sd_diff_find(d, it->path);
	if (!p || !p->left || !p->right || p->left->kind != p->right->kind ||
	    (p->left->kind != SD_ARRAY && p->left->kind != SD_OBJECT))
		return;
	size_t shown = 0, more = 0;
	for (size_t i = 0; i < p->nkids; i++) {
		const sd_pair *k = p->kids[i];
		if (k->identical)
			continue;
		if (shown == ROWS_SHOWN) {
			more++;
			continue;
		}
		shown++;
		const char *mark = !k->left ? "+ only right" : !k->right ? "- only left " : "~ changed   ";
		const sd_node *n = k->right ? k->right : k->left;
		size_t at = out->len;
		sd_buf_addf(out, "      %s %s    (%s:%u)", mark, k->path,
			    k->right ? o->rname : o->lname, n->line);
		sd_buf_escape_from(out, at, false);
		sd_buf_addc(out, '\n');
	}
	if (more)
		sd_buf_addf(out, "      ... and %zu more rows\n", more);
}

static void text_item(sd_buf *out, const sd_diff *d, size_t i, const sd_report_opts *o)
{
	/* items[i] itself: a big list or map of a lazy view is summarised
	 * without making its Go value (sd_diff_item_at would make it) */
	const sd_diff_item *it = d->items[i];
	const sd_gv *lv, *rv;
	sdp_diff_item_peek_values(d, i, SUMMARY_OVER, &lv, &rv);
	const char *on = o->color ? class_color(it->cls) : "";
	const char *off = o->color ? "\033[0m" : "";
	sd_buf_addf(out, "%s[%s] ", on, sd_class_name(it->cls));
	size_t at = out->len;
	sd_buf_adds(out, it->path);
	sd_buf_escape_from(out, at, false);
	sd_buf_addf(out, "%s\n", off);
	if (o->color && it->cls == SD_CLASS_COSMETIC)
		sd_buf_adds(out, "\033[2m");
	text_side(out, "left", o->lname, lv, it->lnode);
	text_side(out, "right", o->rname, rv, it->rnode);
	if (it->reason) {
		at = out->len;
		sd_buf_addf(out, "    why    %s", it->reason);
		sd_buf_escape_from(out, at, false);
		sd_buf_addc(out, '\n');
	}
	if (it->cls == SD_CLASS_VALUE)
		text_rows(out, d, it, o);
	if (o->color && it->cls == SD_CLASS_COSMETIC)
		sd_buf_adds(out, "\033[0m");
}

/* Differences left out by a focus: listed dimmed after the others when
 * asked for, otherwise only counted.  Returns how many there are. */
static size_t text_ignored(sd_buf *out, const sd_diff *d, const sd_report_opts *o)
{
	size_t n = sd_diff_count_ignored(d);
	if (!n || !o->show_ignored)
		return n;
	const char *on = o->color ? "\033[2m" : "", *off = o->color ? "\033[0m" : "";
	sd_buf_addf(out, "%signored (not counted):%s\n", on, off);
	for (size_t i = 0; i < sd_diff_count(d); i++) {
		const sd_diff_item *it = d->items[i];
		if (it->ignored && (it->cls != SD_CLASS_COSMETIC || o->show_cosmetic)) {
			sd_buf_addf(out, "%s  [%s] ", on, sd_class_name(it->cls));
			size_t at = out->len;
			sd_buf_adds(out, it->path);
			sd_buf_escape_from(out, at, false);
			sd_buf_addf(out, "%s\n", off);
		}
	}
	return n;
}

static const char *verdict(const sd_diff *d, sd_mode m)
{
	return sd_diff_equal(d, m) ? "equal" : "different";
}

void sd_report_text(sd_buf *out, const sd_diff *d, const sd_report_opts *o)
{
	size_t counted = 0;
	for (size_t c = SD_CLASS_COSMETIC; c < SD_CLASS__COUNT; c++)
		if (sd_class_counts((sd_class)c, o->mode))
			counted += sd_diff_count_class(d, (sd_class)c);
	const char *b = o->color ? "\033[1m" : "", *e = o->color ? "\033[0m" : "";
	sd_buf_adds(out, b);
	size_t at = out->len;   /* file names are input too */
	sd_buf_addf(out, "--- %s\n+++ %s", o->lname, o->rname);
	sd_buf_escape_from(out, at, true);
	sd_buf_addf(out, "%s\n", e);
	if (o->image)
		sd_buf_addf(out, "image: %s\n", o->image);   /* made terminal-safe by its writer */
	sd_buf_addf(out, "%zu difference%s in %s mode\n", counted, counted == 1 ? "" : "s",
		    sd_mode_name(o->mode));
	at = out->len;
	if (o->lerr)
		sd_buf_addf(out, "left failed to decode: %s\n", o->lerr);
	if (o->rerr)
		sd_buf_addf(out, "right failed to decode: %s\n", o->rerr);
	sd_buf_escape_from(out, at, true);
	for (size_t k = 0; k < SD_CLASS__LISTED; k++) {
		sd_class c = sd_class_in_report_order(k);
		if (c == SD_CLASS_COSMETIC && !o->show_cosmetic)
			continue;
		for (size_t i = 0; i < sd_diff_count(d); i++) {
			if (d->items[i]->cls == c && !d->items[i]->ignored)
				text_item(out, d, i, o);
		}
	}
	size_t ignored = text_ignored(out, d, o);
	sd_buf_adds(out, "summary:");
	for (size_t k = 0; k < SD_CLASS__LISTED; k++) {
		sd_class c = sd_class_in_report_order(k);
		sd_buf_addf(out, "%s %zu %s", k ? "," : "", sd_diff_count_class(d, c), sd_class_name(c));
	}
	sd_buf_addf(out, "; strict: %s, semantic: %s", verdict(d, SD_MODE_STRICT),
		    verdict(d, SD_MODE_SEMANTIC));
	if (ignored)
		sd_buf_addf(out, "; ignored: %zu", ignored);
	sd_buf_addc(out, '\n');
}

/* ---- RFC 6902 patch ---- */

typedef struct patcher {
	sd_buf *out;
	sd_buf path;
	size_t nops;
	size_t max_cells;
} patcher;

static void op(patcher *p, const char *name, const sd_node *value)
{
	sd_buf_adds(p->out, p->nops++ ? ",\n " : "\n ");
	sd_buf_addf(p->out, "{\"op\":\"%s\",\"path\":", name);
	json_str(p->out, p->path.data ? p->path.data : "", p->path.len);
	if (value) {
		sd_buf_adds(p->out, ",\"value\":");
		sdp_node_to_json(p->out, value);
	}
	sd_buf_addc(p->out, '}');
}

static size_t push_key(patcher *p, const char *k, size_t n)
{
	size_t mark = p->path.len;
	sd_buf_addc(&p->path, '/');
	sd_buf_add_ptr_segment(&p->path, k, n);
	return mark;
}

static size_t push_idx(patcher *p, long i)
{
	size_t mark = p->path.len;
	sd_buf_addf(&p->path, "/%ld", i);
	return mark;
}

static void pop_path(patcher *p, size_t mark)
{
	p->path.len = mark;
	if (p->path.data)
		p->path.data[mark] = '\0';
}

static void patch_node(patcher *p, const sd_node *l, const sd_node *r);

/* key -> index of the last member with that key (the one parsers keep) */
static void index_members(sd_strmap *m, const sd_node *obj)
{
	sd_strmap_init(m);
	for (uint32_t i = 0; i < obj->len; i++)
		sd_strmap_put(m, obj->u.members[i].key, obj->u.members[i].key_len,
			      (void *)(uintptr_t)(i + 1));
}

static long member_index(const sd_strmap *m, const sd_member *mb)
{
	return (long)(uintptr_t)sd_strmap_get(m, mb->key, mb->key_len) - 1;
}

static void patch_object(patcher *p, const sd_node *l, const sd_node *r)
{
	sd_strmap lm, rm;
	index_members(&lm, l);
	index_members(&rm, r);
	for (uint32_t i = 0; i < l->len; i++) {
		const sd_member *mb = &l->u.members[i];
		if (member_index(&lm, mb) != (long)i || member_index(&rm, mb) >= 0)
			continue;
		size_t mark = push_key(p, mb->key, mb->key_len);
		op(p, "remove", NULL);
		pop_path(p, mark);
	}
	for (uint32_t j = 0; j < r->len; j++) {
		const sd_member *mb = &r->u.members[j];
		if (member_index(&rm, mb) != (long)j)
			continue;
		long li = member_index(&lm, mb);
		size_t mark = push_key(p, mb->key, mb->key_len);
		if (li >= 0)
			patch_node(p, &l->u.members[li].value, &mb->value);
		else
			op(p, "add", &mb->value);
		pop_path(p, mark);
	}
	sd_strmap_release(&lm);
	sd_strmap_release(&rm);
}

static void patch_array(patcher *p, const sd_node *l, const sd_node *r)
{
	size_t n = l->len, m = r->len;
	uint64_t *lh = sd_xmalloc((n + 1) * sizeof(*lh)), *rh = sd_xmalloc((m + 1) * sizeof(*rh));
	for (size_t i = 0; i < n; i++)
		lh[i] = sdp_node_hash(&l->u.items[i]);
	for (size_t j = 0; j < m; j++)
		rh[j] = sdp_node_hash(&r->u.items[j]);
	sd_align_row *rows = sd_xmalloc((n + m + 1) * sizeof(*rows));
	size_t k = sdp_align_seq(lh, n, rh, m, p->max_cells, rows);
	for (size_t x = k; x-- > 0;)
		if (rows[x].ri < 0) {
			size_t mark = push_idx(p, rows[x].li);
			op(p, "remove", NULL);
			pop_path(p, mark);
		}
	/* now the kept left elements sit in order; right index j is their place */
	for (size_t x = 0; x < k; x++) {
		long li = rows[x].li, ri = rows[x].ri;
		if (ri < 0)
			continue;
		size_t mark = push_idx(p, ri);
		if (li < 0)
			op(p, "add", &r->u.items[ri]);
		else
			patch_node(p, &l->u.items[li], &r->u.items[ri]);
		pop_path(p, mark);
	}
	free(rows);
	free(lh);
	free(rh);
}

static void patch_node(patcher *p, const sd_node *l, const sd_node *r)
{
	if (sdp_node_same_text(l, r))
		return;
	if (l->kind == SD_OBJECT && r->kind == SD_OBJECT)
		patch_object(p, l, r);
	else if (l->kind == SD_ARRAY && r->kind == SD_ARRAY)
		patch_array(p, l, r);
	else
		op(p, "replace", r);
}

void sd_report_patch(sd_buf *out, const sd_node *left, const sd_node *right, size_t max_lcs_cells)
{
	patcher p = { out, SD_BUF_INIT, 0, max_lcs_cells ? max_lcs_cells : (size_t)4 << 20 };
	sd_buf_addc(out, '[');
	patch_node(&p, left, right);
	sd_buf_adds(out, p.nops ? "\n]\n" : "]\n");
	sd_buf_release(&p.path);
}
