/*
 * report_html.c - the comparison as one self-contained HTML page (see
 * report_html.h).  The rows are the explorer's (rows.h), built once per
 * mode; this file only turns them, the Go facts and the restore checks
 * into escaped HTML.
 */
#include <stdio.h>
#include <string.h>

#include "specdiff/base.h"
#include "specdiff/class.h"
#include "specdiff/gofacts.h"
#include "specdiff/report_html.h"
#include "specdiff/rows.h"

/* ---- escaping ---- */

/* Text as HTML: markup characters escaped, control characters shown as
 * their pictures (a Go string may hold NUL), bytes that are not UTF-8
 * replaced by U+FFFD, so the page stays valid whatever the input held. */
static void esc(sd_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = sd_utf8_len(s + i, n - i);
		if (!len) {
			sd_buf_adds(out, "\xEF\xBF\xBD");
			i++;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\n' && c != '\t') {   /* as its control picture: U+2400 + c */
			sd_buf_addf(out, "&#x%x;", 0x2400 + c);
			i++;
			continue;
		}
		switch (s[i]) {
		case '&': sd_buf_adds(out, "&amp;"); break;
		case '<': sd_buf_adds(out, "&lt;"); break;
		case '>': sd_buf_adds(out, "&gt;"); break;
		case '"': sd_buf_adds(out, "&quot;"); break;
		case '\'': sd_buf_adds(out, "&#39;"); break;
		default: sd_buf_add(out, s + i, len);
		}
		i += len;
	}
}

static void escs(sd_buf *out, const char *s)
{
	esc(out, s, strlen(s));
}

/* Escapes what b holds and empties it. */
static void esc_buf(sd_buf *out, sd_buf *b)
{
	esc(out, b->data ? b->data : "", b->len);
	sd_buf_reset(b);
}

/* ---- classes and marks ---- */

/* Marks and colour roles from the class table (class.h), as the explorer
 * draws them. */
static const char *class_mark(unsigned c)
{
	return sd_class_get((sd_class)c)->mark_utf8;
}

static sd_role class_role(unsigned c)
{
	return sd_class_role((sd_class)c);
}

static const char *class_css(unsigned c)
{
	return c < SD_CLASS__COUNT && c != SD_CLASS_NONE ? sd_class_name((sd_class)c) : "none";
}

/* ---- style sheet from the theme ---- */

static void css_color(sd_buf *out, const char *prop, short c)
{
	if (c != SD_COLOR_DEFAULT)
		sd_buf_addf(out, "%s:#%06lx;", prop, sd_color_rgb(c));
}

static unsigned long luminance(unsigned long rgb)
{
	return ((rgb >> 16) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
}

/* A terminal theme leaves the text's colours to the terminal ("default"):
 * the page picks light or dark from the status line's background. */
static void css_page(sd_buf *out, const sd_theme *t)
{
	const sd_style *text = &t->roles[SD_ROLE_TEXT], *status = &t->roles[SD_ROLE_STATUS];
	bool light = status->bg != SD_COLOR_DEFAULT && luminance(sd_color_rgb(status->bg)) > 128;
	unsigned long fg = text->fg != SD_COLOR_DEFAULT ? sd_color_rgb(text->fg) : light ? 0x1c1c1c : 0xd0d0d0;
	unsigned long bg = text->bg != SD_COLOR_DEFAULT ? sd_color_rgb(text->bg) : light ? 0xffffff : 0x1c1c1c;
	sd_buf_addf(out, "body{color:#%06lx;background:#%06lx}\n", fg, bg);
}

static void css_role(sd_buf *out, const sd_theme *t, sd_role r)
{
	const sd_style *s = &t->roles[r];
	sd_buf_addf(out, ".r-%s{", sd_role_name(r));
	css_color(out, "color", s->fg);
	css_color(out, "background", s->bg);
	if (s->attrs & SD_A_BOLD)
		sd_buf_adds(out, "font-weight:bold;");
	if (s->attrs & SD_A_DIM)
		sd_buf_adds(out, "opacity:.7;");
	if (s->attrs & SD_A_ITALIC)
		sd_buf_adds(out, "font-style:italic;");
	if (s->attrs & SD_A_UNDERLINE)
		sd_buf_adds(out, "text-decoration:underline;");
	if (s->attrs & (SD_A_REVERSE | SD_A_STANDOUT))
		sd_buf_adds(out, "outline:1px solid currentColor;");
	sd_buf_adds(out, "}\n");
}

static const char css_fixed[] =
	"*{box-sizing:border-box}\n"
	"body{margin:0;padding:1em;font:14px/1.35 ui-monospace,'DejaVu Sans Mono',monospace}\n"
	"h1{font-size:1.2em;margin:0 0 .4em}\n"
	"p{margin:.3em 0}\n"
	".modes{margin:.6em 0}\n"
	".modes label{padding:.2em .6em;margin-right:.4em;cursor:pointer;border:1px solid currentColor}\n"
	"input.mode{position:absolute;opacity:0}\n"
	"#m-strict:checked~.modes label[for=m-strict],#m-semantic:checked~.modes label[for=m-semantic]"
	"{font-weight:bold;text-decoration:underline}\n"
	"#m-strict:checked~.v-semantic,#m-semantic:checked~.v-strict{display:none}\n"
	".rows{border-top:1px solid;border-bottom:1px solid}\n"
	".row>summary,div.row,.head{display:grid;grid-template-columns:1.2ch 1.2ch 1fr 1fr;column-gap:.6ch}\n"
	".row>summary{list-style:none;cursor:pointer}\n"
	".row>summary::-webkit-details-marker{display:none}\n"
	".row>summary:hover{text-decoration:underline dotted}\n"
	".l,.r{white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}\n"
	".r{border-left:1px solid;padding-left:.6ch}\n"
	".filler{overflow:hidden;white-space:nowrap}\n"
	".filler::before{content:'. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .'}\n"
	".head{font-weight:bold;border-bottom:1px solid}\n"
	".facts{margin:.2em 0 .6em 2.4ch;padding:.4em .8em;border-left:3px solid}\n"
	".facts table{border-collapse:collapse;width:100%;table-layout:fixed}\n"
	".facts tr:first-child th:first-child{width:14ch}\n"
	".facts th,.facts td{text-align:left;vertical-align:top;padding:.1em .6em .1em 0;"
	"white-space:pre-wrap;overflow-wrap:anywhere}\n"
	".facts ul{margin:.2em 0;padding-left:2ch}\n"
	"#tools{margin:.4em 0}\n"
	"@media print{body{color:#000!important;background:#fff!important;font-size:10px}"
	".modes,#tools{display:none}.r{border-color:#000}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	".r-panel,.r-panel-title,.r-panel-label,.r-filler,.r-cursor{background:none!important}"
	"#m-strict:checked~.v-semantic,#m-semantic:checked~.v-strict{display:block}"
	".view{break-before:page}.view:first-of-type{break-before:auto}}\n";

static void css(sd_buf *out, const sd_theme *t)
{
	sd_buf_adds(out, "<style>\n");
	sd_buf_adds(out, css_fixed);
	css_page(out, t);
	for (int r = 0; r < SD_ROLE__COUNT; r++)
		css_role(out, t, (sd_role)r);
	sd_buf_adds(out, "</style>\n");
}

/* ---- Go facts ---- */

/* Source nodes made for one side's Go value at most (as the explorer's
 * panel): texts are cut at FACT_MAX bytes. */
enum { FACT_NODES = 4096, FACT_MAX = 2000 };

/* The facts, from the module the JSON report and the panel read
 * (gofacts.h), so the three say the same. */
typedef enum fact { F_POINTER, F_TYPE, F_NIL, F_LEN, F_V, F_GOV, F_MARSHAL, F_IN_PARENT, F__COUNT } fact;
static const struct { const char *css, *label; } facts[F__COUNT] = {
	{ "f-pointer", "pointer" }, { "f-type", "%T" }, { "f-nil", "nil" }, { "f-len", "len" },
	{ "f-v", "%v" }, { "f-gov", "%#v" }, { "f-marshal", "json.Marshal" },
	{ "f-in-parent", "as a struct field" },
};

static void add_cut(sd_buf *b, const char *s, size_t n)
{
	sd_buf_add(b, s, n > FACT_MAX ? FACT_MAX : n);
	if (n > FACT_MAX)
		sd_buf_adds(b, "...");
}

static void fact_text(sd_buf *b, fact k, const sd_gofacts *f)
{
	if (f->kind != SD_GOFACTS_VALUE) {
		if (k == F_TYPE)
			sd_buf_adds(b, f->kind == SD_GOFACTS_NONE ? "no value here (no such map key or list element)"
								  : "dropped: specs-go has no such field, json.Unmarshal ignores it");
		else if (k == F_POINTER && f->pointer)
			sd_buf_adds(b, f->pointer);
		return;
	}
	switch (k) {
	case F_POINTER: sd_buf_adds(b, f->pointer ? f->pointer : "(absent in the text)"); break;
	case F_TYPE: sd_buf_adds(b, f->type); break;
	case F_NIL: sd_buf_adds(b, f->nil < 0 ? "" : f->nil ? "nil" : "not nil"); break;
	case F_LEN:
		if (f->has_len)
			sd_buf_addf(b, "%zu", f->len);
		break;
	case F_V: add_cut(b, f->v, f->v_len); break;
	case F_GOV: add_cut(b, f->gov, strlen(f->gov)); break;
	case F_MARSHAL: add_cut(b, f->marshal, strlen(f->marshal)); break;
	case F_IN_PARENT:
		if (f->in_parent == SD_GOFACTS_WRITTEN)
			add_cut(b, f->marshal, strlen(f->marshal));
		else
			sd_buf_adds(b, f->in_parent == SD_GOFACTS_OMITTED ? "omitted" : "- (not a field of a struct)");
		break;
	case F__COUNT: break;
	}
}

static void source_cell(sd_buf *out, const char *name, const sd_node *n)
{
	sd_buf_adds(out, "<td>");
	escs(out, name);
	if (n)
		sd_buf_addf(out, ":%u:%u", n->line, n->col);
	else
		sd_buf_adds(out, " (absent in the text)");
	sd_buf_adds(out, "</td>");
}

static void go_table(sd_buf *out, const sd_diff *d, const sd_pair *p, const sd_html_opts *o)
{
	/* as the panel: a fact that would decode a whole interface{}
	 * document for one node is left out */
	if (!sd_gofacts_cheap(d, p->item)) {
		sd_buf_adds(out, "<p>Go facts: not computed for this node (see diff --format json)</p>\n");
		return;
	}
	sd_gofacts f[2] = { { 0 }, { 0 } };
	for (int s = 0; s < 2; s++)
		sd_gofacts_side(&f[s], d, p->item, p->item->path, s, FACT_NODES);
	sd_buf_adds(out, "<table class=\"go\"><tr><th></th><th>LEFT</th><th>RIGHT</th></tr>\n<tr><th>source</th>");
	source_cell(out, o->lname, p->left);
	source_cell(out, o->rname, p->right);
	sd_buf_adds(out, "</tr>\n");
	sd_buf b = SD_BUF_INIT;
	for (int k = 0; k < F__COUNT; k++) {
		sd_buf_addf(out, "<tr><th>%s</th>", facts[k].label);
		for (int s = 0; s < 2; s++) {
			sd_buf_addf(out, "<td class=\"%s\">", facts[k].css);
			fact_text(&b, (fact)k, &f[s]);
			esc_buf(out, &b);
			sd_buf_adds(out, "</td>");
		}
		sd_buf_adds(out, "</tr>\n");
	}
	sd_buf_release(&b);
	sd_gofacts_release(&f[0]);
	sd_gofacts_release(&f[1]);
	sd_buf_adds(out, "</table>\n");
}

static void check_list(sd_buf *out, const sd_pair *p, const sd_checks *c)
{
	if (!c || !c->ran)
		return;
	const char *path = p->path ? p->path : "";
	size_t hits = 0;
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->v[i].nerrors; j++) {
			const sd_check_error *e = &c->v[i].errors[j];
			if (!sd_check_error_covers(e, path))
				continue;
			if (!hits++)
				sd_buf_addf(out, "<p>restore checks tripped here%s:</p>\n<ul class=\"checks\">\n",
					    c->roundtrip ? " (checkpoint after runsc's JSON round trip)" : "");
			sd_buf_adds(out, "<li><b>");
			escs(out, c->v[i].profile->name);
			sd_buf_adds(out, e->next ? " (next, once the first error is fixed)" : e->warning ? " (warning)" : "");
			sd_buf_adds(out, "</b>: <code>");
			escs(out, e->text);
			sd_buf_adds(out, "</code></li>\n");
		}
	sd_buf_adds(out, hits ? "</ul>\n" : "<p>restore checks: no profile fails on this node</p>\n");
}

static void facts_block(sd_buf *out, const sd_diff *d, const sd_pair *p, sd_mode m, const sd_html_opts *o)
{
	sd_class c = p->item->cls;
	sd_buf_adds(out, "<div class=\"facts r-panel\"><p class=\"r-panel-title\">");
	escs(out, p->path && *p->path ? p->path : "/");
	sd_buf_addf(out, "</p>\n<p><span class=\"r-panel-label\">class %s</span>: %s</p>\n",
		    sd_class_name(c), sd_class_get(c)->panel[m == SD_MODE_SEMANTIC]);
	if (p->item->reason) {
		sd_buf_adds(out, "<p>why: ");
		escs(out, p->item->reason);
		sd_buf_adds(out, "</p>\n");
	}
	go_table(out, d, p, o);
	check_list(out, p, o->checks);
	sd_buf_adds(out, "</div>\n");
}

/* ---- rows ---- */

static sd_role value_role(const sd_row *row, const sd_node *n)
{
	if (row->kind == SD_ROW_FOLDED)
		return SD_ROLE_FOLDED;
	switch (n->kind) {
	case SD_STRING: return SD_ROLE_STRING;
	case SD_NUMBER: return SD_ROLE_NUMBER;
	case SD_NULL: case SD_BOOL: return SD_ROLE_LITERAL;
	}
	return SD_ROLE_TEXT;
}

static void cell(sd_buf *out, const sd_row *row, int side, sd_buf *tmp)
{
	const sd_node *n = sd_pair_node(row->pair, side);
	const char *lr = side ? "r" : "l";
	bool container = n && (n->kind == SD_OBJECT || n->kind == SD_ARRAY);
	if (!n || (row->kind == SD_ROW_CLOSE && !container)) {
		sd_buf_addf(out, "<span class=\"%s filler r-filler\"></span>", lr);
		return;
	}
	sd_role role = row->mark ? class_role(row->mark) : value_role(row, n);
	sd_buf_addf(out, "<span class=\"%s r-%s\" style=\"padding-left:%uch\">", lr, sd_role_name(role),
		    (unsigned)(row->depth > 40 ? 40 : row->depth) * 2);
	sd_row_text(tmp, row, side, false);
	esc_buf(out, tmp);
	sd_buf_adds(out, "</span>");
}

static void row_html(sd_buf *out, const sd_diff *d, const sd_row *row, sd_mode m,
		     const sd_html_opts *o, sd_buf *tmp)
{
	const sd_pair *p = row->pair;
	bool open = row->kind != SD_ROW_CLOSE;
	bool expandable = open && p->item;
	bool restore = open && o->checks && sd_checks_mark_row(o->checks, p->path, row->kind == SD_ROW_FOLDED,
							      row->mark != SD_CLASS_NONE);
	sd_buf_addf(out, "<%s class=\"row%s c-%s%s%s\"", expandable ? "details" : "div", expandable ? " d" : "",
		    class_css(row->mark), row->flags & SD_ROW_INNER ? " inner" : "", restore ? " restore" : "");
	if (open && p->path) {
		sd_buf_adds(out, " data-path=\"");
		escs(out, *p->path ? p->path : "/");
		sd_buf_adds(out, "\"");
	}
	sd_buf_adds(out, expandable ? "><summary>" : ">");
	sd_buf_addf(out, "<span class=\"g r-%s\">%s</span>", sd_role_name(class_role(row->mark)),
		    row->mark ? class_mark(row->mark) : "");
	sd_buf_addf(out, "<span class=\"g%s\">%s</span>", restore ? " r-restore-mark" : "", restore ? "R" : "");
	cell(out, row, 0, tmp);
	cell(out, row, 1, tmp);
	if (expandable) {
		sd_buf_adds(out, "</summary>\n");
		facts_block(out, d, p, m, o);
		sd_buf_adds(out, "</details>\n");
	} else {
		sd_buf_adds(out, "</div>\n");
	}
}

static void counts_line(sd_buf *out, const sd_diff *d, sd_mode m)
{
	sd_buf_addf(out, "<p class=\"summary\"><b>%s mode</b> (%s): <b class=\"verdict\">%s</b>",
		    sd_mode_name(m), m == SD_MODE_STRICT ? "reflect.DeepEqual" : "nil equals empty, set-like lists unordered",
		    sd_diff_equal(d, m) ? "equal" : "different");
	for (size_t k = 0; k < SD_CLASS__LISTED; k++) {
		sd_class c = sd_class_in_report_order(k);
		sd_buf_addf(out, " &middot; <span class=\"r-%s\">%s %s</span> %zu%s", sd_role_name(class_role(c)),
			    class_mark(c), sd_class_name(c), sd_diff_count_class(d, c),
			    c == SD_CLASS_COSMETIC || sd_class_counts(c, m) ? "" : " (not counted)");
	}
	sd_buf_adds(out, "</p>\n");
}

static void view(sd_buf *out, const sd_diff *d, sd_mode m, const sd_html_opts *o)
{
	sd_buf_addf(out, "<section class=\"view v-%s\">\n", sd_mode_name(m));
	counts_line(out, d, m);
	sd_buf_adds(out, "<div class=\"rows\">\n<div class=\"head r-title\"><span></span><span></span><span class=\"l\">");
	escs(out, o->lname);
	sd_buf_adds(out, "</span><span class=\"r\">");
	escs(out, o->rname);
	sd_buf_adds(out, "</span></div>\n");
	sd_rows_opts ro = { .mode = m, .show_cosmetic = true, .diff = d };
	sd_rows rows;
	sd_rows_init(&rows);
	sd_rows_build(&rows, sd_diff_root(d), &ro);
	sd_buf tmp = SD_BUF_INIT;
	for (size_t i = 0; i < rows.n; i++)
		row_html(out, d, &rows.v[i], m, o, &tmp);
	sd_buf_release(&tmp);
	sd_rows_release(&rows);
	sd_buf_adds(out, "</div>\n</section>\n");
}

/* ---- the page ---- */

/* Optional: the page is complete without it.  page.html#open opens every
 * difference (for screenshots and links). */
static const char script[] =
	"<script>\n"
	"(function(){var t=document.getElementById('tools');if(!t)return;\n"
	"function all(o){var d=document.querySelectorAll('details.row');for(var i=0;i<d.length;i++)d[i].open=o;}\n"
	"var b=document.createElement('button');b.textContent='open all';b.onclick=function(){all(true);};\n"
	"var c=document.createElement('button');c.textContent='close all';c.onclick=function(){all(false);};\n"
	"t.appendChild(b);t.appendChild(c);window.addEventListener('beforeprint',function(){all(true);});\n"
	"if(location.hash=='#open')all(true);})();\n"
	"</script>\n";

static void decode_errors(sd_buf *out, const sd_html_opts *o)
{
	const char *err[2] = { o->lerr, o->rerr }, *name[2] = { o->lname, o->rname };
	for (int s = 0; s < 2; s++) {
		if (!err[s])
			continue;
		sd_buf_adds(out, "<p class=\"decode-error r-error\">Go cannot decode ");
		escs(out, name[s]);
		sd_buf_adds(out, ": ");
		escs(out, err[s]);
		sd_buf_adds(out, "</p>\n");
	}
}

static void restore_line(sd_buf *out, const sd_checks *c)
{
	if (!c || !c->ran)
		return;
	sd_buf b = SD_BUF_INIT;
	sd_checks_summary(c, &b);
	sd_buf_adds(out, "<p class=\"restore-summary\">restore checks: ");
	esc_buf(out, &b);
	sd_buf_release(&b);
	sd_buf_adds(out, "</p>\n");
}

void sd_report_html(sd_buf *out, const sd_diff *d, const sd_html_opts *o)
{
	sd_theme builtin;
	const sd_theme *t = o->theme;
	if (!t) {
		sd_theme_default(&builtin);
		t = &builtin;
	}
	sd_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"generator\" content=\"specdiff " SPECDIFF_VERSION "\">\n<title>specdiff: ");
	escs(out, o->lname);
	sd_buf_adds(out, " vs ");
	escs(out, o->rname);
	sd_buf_adds(out, "</title>\n");
	css(out, t);
	sd_buf_adds(out, "</head>\n<body>\n<h1>");
	escs(out, o->lname);
	sd_buf_adds(out, " &harr; ");
	escs(out, o->rname);
	sd_buf_adds(out, "</h1>\n<p>The two specs as Go sees them after json.Unmarshal. "
			 "Open a marked row for its Go facts and the restore checks it trips.</p>\n");
	decode_errors(out, o);
	restore_line(out, o->checks);
	sd_buf_addf(out, "<input class=\"mode\" type=\"radio\" name=\"mode\" id=\"m-strict\"%s>\n"
			 "<input class=\"mode\" type=\"radio\" name=\"mode\" id=\"m-semantic\"%s>\n",
		    o->mode == SD_MODE_STRICT ? " checked" : "", o->mode == SD_MODE_SEMANTIC ? " checked" : "");
	sd_buf_adds(out, "<div class=\"modes\">mode: <label for=\"m-strict\">strict</label>"
			 "<label for=\"m-semantic\">semantic</label></div>\n<div id=\"tools\"></div>\n");
	if (d) {
		view(out, d, SD_MODE_STRICT, o);
		view(out, d, SD_MODE_SEMANTIC, o);
	}
	sd_buf_adds(out, script);
	sd_buf_adds(out, "</body>\n</html>\n");
}
