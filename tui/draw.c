/* draw.c - ncurses drawing of the explorer state (see ui.h).  Touches only
 * the rows on screen; a cursor step repaints two rows and the status. */
#include "ui.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "specdiff/base.h"

#define MIN_W 40
#define MIN_H 10

static attr_t mono_attrs(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & SD_A_BOLD) r |= A_BOLD;
	if (a & SD_A_DIM) r |= A_DIM;
	if (a & SD_A_REVERSE) r |= A_REVERSE;
	if (a & SD_A_UNDERLINE) r |= A_UNDERLINE;
	if (a & SD_A_STANDOUT) r |= A_STANDOUT;
#ifdef A_ITALIC
	if (a & SD_A_ITALIC) r |= A_ITALIC;
#endif
	return r;
}

static short fit(short c)
{
	if (c < 0 || c < COLORS)
		return c;
	return sd_color_to8(c);
}

void sd_draw_init_colors(sd_ui *u)
{
	if (!u->color)
		return;
	for (int r = 0; r < SD_ROLE__COUNT; r++) {
		const sd_style *s = &u->theme.roles[r];
		const sd_style *t = &u->theme.roles[SD_ROLE_TEXT];
		short fg = s->set ? s->fg : t->fg, bg = s->set ? s->bg : t->bg;
		init_pair((short)(r + 1), fit(fg), fit(bg));
	}
}

static attr_t role_attr(const sd_ui *u, sd_role r)
{
	const sd_style *s = &u->theme.roles[r];
	if (!u->color)
		return mono_attrs(sd_role_mono(r));
	return COLOR_PAIR(r + 1) | mono_attrs(s->attrs);
}

/* Rows for the tree: everything between the headers and the status line,
 * less the panel, which takes all but 6 of them (or half on small
 * terminals): a fixed size, so moving the cursor never shifts the rows. */
int sd_draw_body_height(const sd_ui *u)
{
	int h = u->H - 3;   /* title, pane headers, status */
	if (u->panel_open) {
		h -= h - 6 < h / 2 ? h / 2 : h - 6;
	}
	return h < 1 ? 1 : h;
}

bool sd_draw_too_small(const sd_ui *u)
{
	return u->W < MIN_W || u->H < MIN_H;
}

/* A UTF-8 sequence the locale cannot decode (a C locale): one ASCII
 * stand-in for the whole sequence, so columns stay where they belong. */
static size_t utf8_fallback(const char *s, size_t len, wchar_t *wc)
{
	static const struct { const char *u; char a; } subst[] = {
		{ "·", '.' }, { "…", '~' }, { "─", '-' }, { "▸", '>' }, { "│", '|' },
	};
	size_t n = sd_utf8_len(s, len);
	if (!n)
		n = 1;
	*wc = L'?';
	for (size_t k = 0; k < sizeof(subst) / sizeof(subst[0]); k++)
		if (strlen(subst[k].u) == n && !memcmp(s, subst[k].u, n))
			*wc = (wchar_t)subst[k].a;
	return n;
}

/*
 * Draws UTF-8 text at (y, x) in at most width columns and pads the rest
 * with spaces.  Wide characters take two columns, combining marks none;
 * undecodable bytes show as '?'.  The first `keylen` bytes use key_attr;
 * matches of pat use hl.
 */
typedef struct span_style {
	attr_t base, key, hl;
	size_t keylen;
	const char *pat;
} span_style;

static int put_text(int y, int x, int width, const char *s, size_t len, const span_style *st)
{
	int col = 0;
	size_t i = 0, hl_end = 0;
	mbstate_t ms;
	memset(&ms, 0, sizeof(ms));
	move(y, x);
	while (i < len && col < width) {
		if (st->pat && *st->pat && i >= hl_end) {
			size_t m = sd_search_match_at(s, len, i, st->pat);
			if (m)
				hl_end = i + m;
		}
		wchar_t wc;
		size_t n = mbrtowc(&wc, s + i, len - i, &ms);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&ms, 0, sizeof(ms));
			n = utf8_fallback(s + i, len - i, &wc);
		}
		int w = wcwidth(wc);
		if (w < 0) {
			wc = L'?';
			w = 1;
		}
		if (col + w > width)
			break;
		attr_t a = i < hl_end ? st->hl : (i < st->keylen ? st->key : st->base);
		attrset(a);
		addnwstr(&wc, 1);
		col += w;
		i += n;
	}
	if (col < width)
		hline(' ' | st->base, width - col);   /* one call, not one per cell */
	attrset(st->base);
	return width;
}

static void put_plain(const sd_ui *u, int y, int x, int width, const char *s, sd_role r)
{
	span_style st = { role_attr(u, r), role_attr(u, r), role_attr(u, r), 0, NULL };
	put_text(y, x, width, s, strlen(s), &st);
}

static const char *mark_char(const sd_ui *u, uint8_t cls)
{
	const sd_class_info *ci = sd_class_get((sd_class)cls);
	return u->utf8 ? ci->mark_utf8 : ci->mark_ascii;
}

static sd_role class_role(uint8_t cls)
{
	static const sd_role roles[] = {
#define CLASS_ROLE(e, name, rank, mu, ma, role, ...) SD_ROLE_##role,
		SD_CLASSES(CLASS_ROLE)
#undef CLASS_ROLE
	};
	_Static_assert(sizeof(roles) / sizeof(roles[0]) == SD_CLASS__COUNT, "one role per class");
	return cls < SD_CLASS__COUNT ? roles[cls] : SD_ROLE_TEXT;
}

static sd_role value_role(const sd_node *n, const sd_row *row)
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

static size_t label_len(const sd_row *row, const char *text)
{
	if (row->kind == SD_ROW_CLOSE)
		return 0;
	const sd_pair *p = row->pair;
	if (p->lkey || p->rkey || p->lindex >= 0 || p->rindex >= 0) {
		const char *sep = strstr(text, ": ");
		const char *br = text[0] == '[' ? strstr(text, "] ") : NULL;
		if (br)
			return (size_t)(br - text) + 2;
		if (sep)
			return (size_t)(sep - text) + 2;
	}
	return 0;
}

static void draw_cell(sd_ui *u, int y, int x, int width, const sd_row *row, int side, bool cursor)
{
	const sd_node *n = sd_pair_node(row->pair, side);
	sd_role crole = u->pane == side ? SD_ROLE_CURSOR : SD_ROLE_CURSOR_OTHER;
	if (!n || (row->kind == SD_ROW_CLOSE && !(n->kind == SD_OBJECT || n->kind == SD_ARRAY))) {
		/* nothing on this side: a light pattern, readable in any font */
		static const char dots[] = ". . . . . . . . . . . . . . . . . . . . ";
		static const char dashes[] = "- - - - - - - - - - - - - - - - - - - - ";
		const char *pat = u->utf8 ? dots : dashes;
		attrset(cursor ? role_attr(u, crole) : role_attr(u, SD_ROLE_FILLER));
		move(y, x);
		for (int i = 0; i < width; i += 40)
			addnstr(pat, width - i < 40 ? width - i : 40);
		return;
	}
	static sd_buf b;
	sd_buf_reset(&b);
	int indent = (int)(row->depth * 2);
	if (indent > width / 2)
		indent = width / 2;
	for (int i = 0; i < indent; i++)
		sd_buf_addc(&b, ' ');
	size_t start = b.len;
	sd_row_text(&b, row, side, !u->utf8);
	span_style st;
	st.base = role_attr(u, row->flags & SD_ROW_IGNORED ? SD_ROLE_IGNORED
			    : row->mark ? class_role(row->mark) : value_role(n, row));
	st.key = row->mark ? st.base : role_attr(u, SD_ROLE_KEY);
	st.hl = role_attr(u, SD_ROLE_SEARCH);
	st.keylen = start + label_len(row, b.data + start);
	st.pat = u->pattern;
	if (cursor)
		st.base = st.key = role_attr(u, crole);
	put_text(y, x, width, b.data, b.len, &st);
}

static void pane_geometry(const sd_ui *u, int *lx, int *lw, int *rx, int *rw)
{
	/* gutter(2) left │ space right */
	*lx = 2;
	*lw = (u->W - 4) / 2;
	*rx = *lx + *lw + 2;
	*rw = u->W - *rx;
}

static void draw_row(sd_ui *u, size_t i)
{
	int y = 2 + (int)(i - u->top);
	int lx, lw, rx, rw;
	pane_geometry(u, &lx, &lw, &rx, &rw);
	if (i >= u->rows.n) {
		attrset(role_attr(u, SD_ROLE_TEXT));
		move(y, 0);
		clrtoeol();
		return;
	}
	const sd_row *row = &u->rows.v[i];
	bool cursor = i == u->cur;
	put_plain(u, y, 0, 1, row->mark ? mark_char(u, row->mark) : " ",
		  row->flags & SD_ROW_IGNORED ? SD_ROLE_IGNORED : row->mark ? class_role(row->mark) : SD_ROLE_TEXT);
	/* the restore check's failing field: the bottom line's verdict, at its nodes */
	bool restore = row->kind != SD_ROW_CLOSE &&
		sd_checks_mark_row(&u->checks, row->pair->path, row->kind == SD_ROW_FOLDED,
				   row->mark != SD_CLASS_NONE);
	/* without colour the cursor's reverse video looks like a value row's
	 * standout: a > in the gutter tells them apart (less's -J column) */
	bool marker = cursor && (!u->color || !has_colors());
	put_plain(u, y, 1, 1, marker ? ">" : restore ? "R" : " ",
		  restore && !marker ? SD_ROLE_RESTORE_MARK : SD_ROLE_TEXT);
	draw_cell(u, y, lx, lw, row, 0, cursor);
	put_plain(u, y, lx + lw, 2, u->utf8 ? "│" : "|", SD_ROLE_SEPARATOR);
	draw_cell(u, y, rx, rw, row, 1, cursor);
}

static size_t fit_bytes(const char *s, size_t len, int width);

/* Display columns of s. */
static int text_cols(const char *s, size_t len)
{
	int cols = 0;
	for (size_t j = 0; j < len;) {
		size_t n = fit_bytes(s + j, len - j, 1);
		cols++;
		j += n ? n : 1;
	}
	return cols;
}

/* b cut to fit `room` columns, ending with an ellipsis when cut. */
static void fit_with_ellipsis(const sd_ui *u, sd_buf *b, int room)
{
	if (text_cols(b->data, b->len) <= room)
		return;
	const char *dots = u->utf8 ? "\xe2\x80\xa6" : "...";
	int keep = room - (u->utf8 ? 1 : 3);
	b->len = keep > 0 ? fit_bytes(b->data, b->len, keep) : 0;
	b->data[b->len] = '\0';
	sd_buf_adds(b, dots);
}

static void draw_title(sd_ui *u)
{
	sd_buf b = SD_BUF_INIT;
	size_t total = 0;
	for (int c = SD_CLASS_NIL_VS_EMPTY; c < SD_CLASS__COUNT; c++)
		if (sd_class_counts((sd_class)c, u->ro.mode))
			total += sd_diff_count_class(u->diff, (sd_class)c);
	if (u->tour)
		sd_buf_addf(&b, " %s ·", u->tour->title);
	sd_buf_addf(&b, " %s  %s  ", sd_mode_name(u->ro.mode),
		    sd_doc_format(u->doc[0]) == SD_FORMAT_YAML ? "yaml" : "json");
	bool m0 = sd_ui_modified(u, 0), m1 = sd_ui_modified(u, 1);
	if (m0 || m1)
		sd_buf_addf(&b, "[+] %s modified  ", m0 && m1 ? "LEFT, RIGHT" : m0 ? "LEFT" : "RIGHT");
	if (u->restore_on && u->restore_profile)
		sd_buf_addf(&b, "restore-relevant: %s%s  ", u->restore_profile->name,
			    u->restore_auto ? " (newest failing)" : "");
	if (total)
		sd_buf_addf(&b, "%zu difference%s", total, total == 1 ? "" : "s");
	else
		sd_buf_adds(&b, "equal");
	if (u->nignored)
		sd_buf_addf(&b, ", %zu ignored%s", u->nignored, u->ro.show_ignored ? "" : " (hidden)");
	sd_buf_addc(&b, ':');
	for (int c = SD_CLASS__COUNT - 1; c >= SD_CLASS_COSMETIC; c--) {
		size_t n = sd_diff_count_class(u->diff, (sd_class)c);
		bool counts = sd_class_counts((sd_class)c, u->ro.mode);
		bool hidden = c == SD_CLASS_COSMETIC && !u->ro.show_cosmetic;
		/* ASCII marks include 0 (nil-vs-empty): bracket them, or "0 2" reads as a number */
		sd_buf_addf(&b, u->utf8 ? "  %s %zu %s%s" : "  [%s] %zu %s%s", mark_char(u, (uint8_t)c), n,
			    sd_class_name((sd_class)c),
			    hidden ? " (hidden)" : (!counts && c != SD_CLASS_COSMETIC && n ? " (equal)" : ""));
	}
	if (u->image[0])
		sd_buf_addf(&b, "  · %s", u->image);
	fit_with_ellipsis(u, &b, u->W);
	put_plain(u, 0, 0, u->W, b.data, SD_ROLE_TITLE);
	sd_buf_release(&b);
}

static void draw_headers(sd_ui *u)
{
	int lx, lw, rx, rw;
	pane_geometry(u, &lx, &lw, &rx, &rw);
	const sd_pair *p = u->cur < u->rows.n ? u->rows.v[u->cur].pair : NULL;
	for (int side = 0; side < 2; side++) {
		sd_buf b = SD_BUF_INIT;
		const sd_node *n = p ? sd_pair_node(p, side) : NULL;
		char line[32] = "";
		bool mod = sd_ui_modified(u, side);
		if (n && n->line)   /* nodes copied from the other side have no line here */
			snprintf(line, sizeof(line), ":%u", n->line);
		if (mod)   /* as vim marks a modified buffer */
			snprintf(line + strlen(line), sizeof(line) - strlen(line), " [+]");
		/* keep the line number: cut the name from the left */
		const char *name = sd_doc_name(u->doc[side]);
		int room = (side ? rw : lw) - 2 - (int)strlen(line);
		bool cut = (int)strlen(name) > room && room > 1;
		if (cut)
			name += strlen(name) - (size_t)(room - 1);
		sd_buf_addf(&b, "%s%s%s%s", u->pane == side ? (u->utf8 ? "▸ " : "> ") : "  ",
			    cut ? (u->utf8 ? "…" : "<") : "", name, line);
		put_plain(u, 1, side ? rx : lx, side ? rw : lw, b.data, SD_ROLE_PANEL_LABEL);
		sd_buf_release(&b);
	}
	put_plain(u, 1, 0, 2, "", SD_ROLE_PANEL_LABEL);
	put_plain(u, 1, lx + lw, 2, u->utf8 ? "│" : "|", SD_ROLE_SEPARATOR);
}

static void draw_status(sd_ui *u)
{
	sd_buf b = SD_BUF_INIT;
	sd_role r = SD_ROLE_STATUS;
	size_t plen = 0;
	if (u->prompting) {
		sd_buf_addf(&b, "%s%s", u->prompt_label, u->prompt);
		plen = b.len;
		r = SD_ROLE_MESSAGE;
	} else if (u->keys.pending > 0 && u->keys.pending < 128) {
		sd_buf_addf(&b, "%c_  (waiting for the next key: ", u->keys.pending);
		sd_keys_continuations(&u->keymap, u->keys.pending, &b);
		sd_buf_adds(&b, "; Esc cancels)");
	} else if (u->msg[0]) {
		sd_buf_adds(&b, u->msg);
		r = u->msg_role;
	} else {
		if (u->stale[0] || u->stale[1])
			sd_buf_addf(&b, "[%s changed on disk: r reloads]  ",
				    u->stale[0] && u->stale[1] ? "LEFT and RIGHT" : u->stale[0] ? "LEFT" : "RIGHT");
		if (u->tour)
			sd_buf_adds(&b, u->tour->hint);
		if (sd_ui_modified(u, 0) || sd_ui_modified(u, 1))
			sd_buf_adds(&b, "[+] modified  ");
		sd_checks_summary(&u->checks, &b);
		/* the key hints always show: the verdicts give way, with an
		 * ellipsis (R and the panel have the full text) */
		sd_buf hints = SD_BUF_INIT;
		const char *help = sd_keys_first(&u->keymap, SD_ACT_HELP);
		const char *quit = sd_keys_first(&u->keymap, SD_ACT_QUIT);
		if (help)
			sd_buf_addf(&hints, "   %s help", help);
		if (quit)
			sd_buf_addf(&hints, "  %s quit", quit);
		if (hints.len)
			fit_with_ellipsis(u, &b, u->W - text_cols(hints.data, hints.len));
		sd_buf_add(&b, hints.data ? hints.data : "", hints.len);
		sd_buf_release(&hints);
		r = (u->checks.ran && u->checks.n && !u->checks.v[0].pass) ? SD_ROLE_VERDICT_FAIL : SD_ROLE_STATUS;
	}
	put_plain(u, u->H - 1, 0, u->W, b.data, r);
	if (u->prompting) {
		curs_set(1);
		move(u->H - 1, (int)(plen < (size_t)u->W ? plen : (size_t)u->W - 1));
	} else {
		curs_set(0);
	}
	sd_buf_release(&b);
}

/* Wrapping panel text: lines are numbered from 0; only those from `first`
 * on are drawn, from row y while y < ymax (draw false: just count). */
typedef struct wrap_ctx {
	sd_ui *u;
	size_t line, first;
	int y, ymax;
	bool draw;
} wrap_ctx;

/* Bytes of s that fit in width columns (at least one character). */
static size_t fit_bytes(const char *s, size_t len, int width)
{
	size_t j = 0;
	int col = 0;
	mbstate_t ms;
	memset(&ms, 0, sizeof(ms));
	while (j < len) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s + j, len - j, &ms);
		int w = 1;
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			n = 1, memset(&ms, 0, sizeof(ms));
		else if ((w = wcwidth(wc)) < 0)
			w = 1;
		if (col + w > width && j > 0)
			break;
		col += w;
		j += n;
	}
	return j;
}

/* Continuation lines are indented by four columns. */
static void wrap_text(wrap_ctx *w, const char *s, sd_role r)
{
	size_t len = strlen(s), i = 0;
	int W = w->u->W;
	do {
		int width = W - 1 - (i ? 4 : 0);
		size_t j = i + fit_bytes(s + i, len - i, width < 1 ? 1 : width);
		/* break at the last space, so a word, number or runsc message
		 * copied out of the panel comes out whole */
		if (j < len && s[j] != ' ') {
			size_t k = j;
			while (k > i && s[k - 1] != ' ')
				k--;
			if (k > i)
				j = k;
		}
		if (w->draw && w->line >= w->first && w->y < w->ymax) {
			sd_buf b = SD_BUF_INIT;
			if (i)
				sd_buf_adds(&b, "    ");
			sd_buf_add(&b, s + i, j - i);
			put_plain(w->u, w->y, 0, 1, "", r);
			put_plain(w->u, w->y++, 1, W - 1, b.data ? b.data : "", r);
			sd_buf_release(&b);
		}
		w->line++;
		i = j;
		while (i < len && s[i] == ' ')   /* the space broken at starts no line */
			i++;
	} while (i < len);
}

/* A key's name for a hint: "<Enter>" shows as "Enter". */
static const char *hint(const sd_ui *u, sd_action a, char *buf, size_t size)
{
	const char *k = sd_keys_first(&u->keymap, a);
	if (!k)
		return NULL;
	size_t n = strlen(k);
	if (k[0] == '<' && n > 2 && k[n - 1] == '>')
		snprintf(buf, size, "%.*s", (int)(n - 2), k + 1);
	else
		snprintf(buf, size, "%s", k);
	return buf;
}

static void draw_panel(sd_ui *u)
{
	int y0 = 2 + sd_draw_body_height(u);
	int ymax = u->H - 1;
	const sd_pair *p = u->cur < u->rows.n ? u->rows.v[u->cur].pair : NULL;
	if (p != u->panel_pair) {
		sd_panel_src src = { { sd_doc_name(u->doc[0]), sd_doc_name(u->doc[1]) }, u->ro.mode, &u->checks, u->diff };
		sd_panel_build(&u->panel, p, &src);
		if (u->tour)
			sd_tour_panel(u->tour, &u->panel);
		u->panel_pair = p;
		u->panel_top = 0;
	}
	wrap_ctx w = { u, 0, 0, 0, 0, false };
	for (size_t i = 0; i < u->panel.n; i++)
		wrap_text(&w, u->panel.v[i].text, u->panel.v[i].role);
	size_t room = (size_t)(ymax - y0 - 1 > 0 ? ymax - y0 - 1 : 0);
	u->panel_lines = w.line;
	if (u->panel_top + room > w.line)
		u->panel_top = w.line > room ? w.line - room : 0;
	const char *dash = u->utf8 ? "──" : "--";
	char b1[20], b2[20], b3[20], b4[20];
	const char *open = hint(u, SD_ACT_EXPLAIN, b1, sizeof(b1));
	const char *close = hint(u, SD_ACT_CLOSE, b2, sizeof(b2));
	sd_buf t = SD_BUF_INIT;
	sd_buf_addf(&t, "%s explanation (%s%s%s closes)", dash, open ? open : "", open && close ? " or " : "",
		    close ? close : "");
	if (w.line > room) {   /* more than fits: say where we are and how to scroll */
		const char *dn = hint(u, SD_ACT_PANEL_DOWN, b3, sizeof(b3));
		const char *up = hint(u, SD_ACT_PANEL_UP, b4, sizeof(b4));
		sd_buf_addf(&t, " lines %zu-%zu of %zu, %s/%s scroll", u->panel_top + 1,
			    u->panel_top + room, w.line, dn ? dn : "-", up ? up : "-");
	}
	sd_buf_addf(&t, " %s", dash);
	put_plain(u, y0++, 0, u->W, t.data, SD_ROLE_PANEL_TITLE);
	sd_buf_release(&t);
	w = (wrap_ctx){ u, 0, u->panel_top, y0, ymax, true };
	for (size_t i = 0; i < u->panel.n && w.y < ymax; i++)
		wrap_text(&w, u->panel.v[i].text, u->panel.v[i].role);
	for (int y = w.y; y < ymax; y++)
		put_plain(u, y, 0, u->W, "", SD_ROLE_PANEL);
}

static void draw_help(sd_ui *u)
{
	size_t n;
	char **lines = sd_keys_help(&u->keymap, &n);
	int y = 1;
	char title[200];   /* its keys from the keymap too */
	const char *close = sd_keys_first(&u->keymap, SD_ACT_CLOSE), *quit = sd_keys_first(&u->keymap, SD_ACT_QUIT);
	const char *down = sd_keys_first(&u->keymap, SD_ACT_DOWN), *up = sd_keys_first(&u->keymap, SD_ACT_UP);
	snprintf(title, sizeof(title), " Keys (generated from the keymap; %s or %s closes, %s/%s scroll)",
		 close ? close : "?", quit ? quit : "?", down ? down : "?", up ? up : "?");
	put_plain(u, y++, 0, u->W, title, SD_ROLE_PANEL_TITLE);
	/* long descriptions wrap at spaces under their column (no cut at 80) */
	enum { KEYCOL = 27 };
	size_t cap = 0, nd = 0;
	struct dline { const char *s; size_t len; bool cont; } *d = NULL;
	int width = u->W - 2 > KEYCOL + 10 ? u->W - 2 : KEYCOL + 10;
	for (size_t i = 0; i < n; i++) {
		const char *s = lines[i];
		size_t len = strlen(s), at = 0;
		bool cont = false;
		do {
			int room = cont ? width - KEYCOL : width;
			size_t j = at + fit_bytes(s + at, len - at, room);
			if (j < len) {
				size_t k = j;
				while (k > at && s[k - 1] != ' ')
					k--;
				if (k > at)
					j = k;
			}
			d = sd_xgrow(d, &cap, nd + 1, sizeof(*d));
			d[nd++] = (struct dline){ s + at, j - at, cont };
			at = j;
			while (at < len && s[at] == ' ')
				at++;
			cont = true;
		} while (at < len);
	}
	size_t rows = u->H > 3 ? (size_t)(u->H - 3) : 1;   /* no scrolling past the end */
	if (u->help_top + rows > nd)
		u->help_top = nd > rows ? nd - rows : 0;
	for (size_t i = u->help_top; i < nd && y < u->H - 1; i++) {
		span_style st = { role_attr(u, SD_ROLE_HELP), role_attr(u, SD_ROLE_HELP_KEY),
				  role_attr(u, SD_ROLE_HELP), d[i].cont ? 0 : KEYCOL, NULL };
		put_plain(u, y, 0, d[i].cont ? 2 + KEYCOL : 2, "", SD_ROLE_HELP);
		put_text(y++, d[i].cont ? 2 + KEYCOL : 2, u->W - 2 - (d[i].cont ? KEYCOL : 0), d[i].s, d[i].len, &st);
	}
	free(d);
	for (; y < u->H - 1; y++)
		put_plain(u, y, 0, u->W, "", SD_ROLE_HELP);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void draw_too_small(sd_ui *u)
{
	attrset(A_NORMAL);
	erase();
	char l2[64];
	snprintf(l2, sizeof(l2), "need %dx%d, now %dx%d", MIN_W, MIN_H, u->W, u->H);
	const char *lines[] = { "terminal too small", l2 };
	for (int i = 0; i < 2; i++) {
		int len = (int)strlen(lines[i]);
		int y = u->H / 2 - 1 + i, x = (u->W - len) / 2;
		if (y >= 0 && y < u->H)
			mvaddnstr(y, x < 0 ? 0 : x, lines[i], u->W);
	}
}

void sd_draw_full(sd_ui *u)
{
	if (sd_draw_too_small(u)) {
		draw_too_small(u);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	draw_title(u);
	if (u->help_open) {
		draw_help(u);
	} else {
		draw_headers(u);
		int h = sd_draw_body_height(u);
		for (int i = 0; i < h; i++)
			draw_row(u, u->top + (size_t)i);
		if (u->panel_open)
			draw_panel(u);
	}
	draw_status(u);
	wnoutrefresh(stdscr);
	doupdate();
}

/* The view moved by delta rows (|delta| < body height): scroll the body
 * region and draw only the rows that came into view, as tig does. */
void sd_draw_scroll(sd_ui *u, size_t old, long delta)
{
	int h = sd_draw_body_height(u);
	setscrreg(2, 2 + h - 1);
	scrollok(stdscr, TRUE);
	scrl((int)delta);
	scrollok(stdscr, FALSE);
	setscrreg(0, u->H - 1);
	long first = delta > 0 ? h - delta : 0, last = delta > 0 ? h : -delta;
	for (long i = first; i < last; i++)
		draw_row(u, u->top + (size_t)i);
	if (old >= u->top && old < u->top + (size_t)h)
		draw_row(u, old);
	sd_draw_cursor_step(u, u->cur);
}

void sd_draw_cursor_step(sd_ui *u, size_t old)
{
	draw_row(u, old);
	draw_row(u, u->cur);
	draw_headers(u);
	if (u->panel_open)
		draw_panel(u);
	draw_status(u);
	wnoutrefresh(stdscr);
	doupdate();
}
