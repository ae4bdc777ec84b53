/* panel.c - what the explanation panel says about one pair (see panel.h). */
#include "panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/base.h"
#include "specdiff/gofacts.h"
#include "rows.h"

static void add_line(sd_panel *p, sd_role role, sd_buf *text)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->v = sd_xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n].role = role;
	p->v[p->n].text = sd_buf_detach(text, NULL);
	p->n++;
}

static void addf(sd_panel *p, sd_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void addf(sd_panel *p, sd_role role, const char *fmt, ...)
{
	sd_buf b = SD_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sd_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	add_line(p, role, &b);
}

void sd_panel_release(sd_panel *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

static void json_rec(sd_buf *b, const sd_node *n, size_t max)
{
	if (b->len > max)
		return;
	if (n->kind == SD_ARRAY) {
		sd_buf_addc(b, '[');
		for (uint32_t i = 0; i < n->len && b->len <= max; i++) {
			if (i)
				sd_buf_addc(b, ',');
			json_rec(b, &n->u.items[i], max);
		}
		sd_buf_addc(b, ']');
	} else if (n->kind == SD_OBJECT) {
		sd_buf_addc(b, '{');
		for (uint32_t i = 0; i < n->len && b->len <= max; i++) {
			if (i)
				sd_buf_addc(b, ',');
			sd_buf_add_json_string(b, n->u.members[i].key, n->u.members[i].key_len);
			sd_buf_addc(b, ':');
			json_rec(b, &n->u.members[i].value, max);
		}
		sd_buf_addc(b, '}');
	} else if (n->kind == SD_STRING) {
		sd_buf_add_json_string(b, n->u.str, n->len);
	} else {
		sd_node_scalar_text(b, n);
	}
}

void sd_node_json(sd_buf *b, const sd_node *n, size_t max)
{
	size_t start = b->len;
	json_rec(b, n, start + max);
	if (b->len > start + max) {
		b->len = start + max;
		b->data[b->len] = '\0';
		sd_buf_adds(b, "...");
	}
}

/* Source nodes of a Go value made for the panel when the diff left it to
 * be made: enough for the 600 bytes shown, each node printing at least a
 * byte, without making a whole document's worth of Go values. */
#define PREVIEW_NODES 4096

static void facts_line(void *ctx, const char *text)
{
	addf(ctx, SD_ROLE_PANEL, "%s", text);
}

/* The side's own node and the facts Go holds there, from the function the
 * JSON report's "go" comes from (gofacts.h). */
static void side_lines(sd_panel *p, const sd_pair *pair, int side, const sd_panel_src *src)
{
	const sd_node *n = sd_pair_node(pair, side);
	const char *name = src->name[side] ? src->name[side] : (side ? "right" : "left");
	const char *path = pair->item ? pair->item->path : pair->path ? pair->path : "/";
	sd_gofacts f = { 0 };
	bool facts = src->diff ? sd_gofacts_cheap(src->diff, pair->item) : pair->item != NULL;
	if (src->diff && facts)
		sd_gofacts_side(&f, src->diff, pair->item, path, side, PREVIEW_NODES);
	else if (facts)
		sd_gofacts_compute(&f, NULL, side ? pair->item->right : pair->item->left, 0, NULL, path);
	const char *ptr = facts && f.pointer ? f.pointer : "";
	if (n)
		addf(p, SD_ROLE_PANEL_LABEL, "%s  %s:%u:%u  %s", side ? "RIGHT" : "LEFT ", name,
		     n->line, n->col, ptr);
	else
		addf(p, SD_ROLE_PANEL_LABEL, "%s  %s  (absent in the text)", side ? "RIGHT" : "LEFT ", name);
	if (n) {
		sd_buf b = SD_BUF_INIT;
		sd_buf_adds(&b, "  raw    ");
		sd_node_json(&b, n, 600);
		add_line(p, SD_ROLE_PANEL, &b);
	}
	if (!facts)
		return;
	sd_gofacts_lines(&f, 600, facts_line, p);
	sd_gofacts_release(&f);
}

static void class_lines(sd_panel *p, const sd_pair *pair, const sd_panel_src *src)
{
	if (!pair->item) {
		if (pair->below & ~1u)
			addf(p, SD_ROLE_PANEL, "no difference at this node; differences below it");
		else
			addf(p, SD_ROLE_PANEL, "equal: no difference at or below this node");
		return;
	}
	sd_class c = pair->item->cls;
	const char *effect = sd_class_get(c)->panel[src->mode == SD_MODE_SEMANTIC];
	addf(p, SD_ROLE_PANEL_LABEL, "class  %s: %s", sd_class_name(c), effect);
	if (pair->item->reason)
		addf(p, SD_ROLE_PANEL, "why    %s", pair->item->reason);
}

static void check_lines(sd_panel *p, const sd_pair *pair, const sd_checks *c)
{
	if (!c || !c->ran)
		return;
	size_t hits = 0;
	const char *path = pair->path ? pair->path : "";
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->v[i].nerrors; j++) {
			const sd_check_error *e = &c->v[i].errors[j];
			if (!sd_check_error_covers(e, path))
				continue;
			if (!hits++)
				addf(p, SD_ROLE_PANEL_LABEL, "restore checks tripped here%s:",
				     c->roundtrip ? " (checkpoint after runsc's JSON round trip)" : "");
			addf(p, SD_ROLE_PANEL, "  %s%s: %s", c->v[i].profile->name,
			     e->next ? " (next, once the first error is fixed)" : e->warning ? " (warning)" : "",
			     e->text);
		}
	if (!hits)
		addf(p, SD_ROLE_PANEL_LABEL, "restore checks: no profile fails on this node");
}

void sd_panel_build(sd_panel *p, const sd_pair *pair, const sd_panel_src *src)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	p->n = 0;
	if (!pair)
		return;
	addf(p, SD_ROLE_PANEL_TITLE, "%s", pair->path && *pair->path ? pair->path : "/");
	class_lines(p, pair, src);
	side_lines(p, pair, 0, src);
	side_lines(p, pair, 1, src);
	check_lines(p, pair, src->checks);
}
