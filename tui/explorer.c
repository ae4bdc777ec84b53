/* explorer.c - the explorer's loop: keys to actions, actions to state,
 * then one draw (see ui.h).  Every exit path restores the terminal. */
#include "ui.h"
#include "explorer.h"

#include <curses.h>
#include <fcntl.h>
#include <term.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;

double sd_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_signal(int sig)
{
	got_signal = sig;
}

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;   /* no SA_RESTART: the read returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	atexit(restore_terminal);    /* fatal paths (out of memory) exit() */
}

#define message sd_ui_message
void sd_ui_message(sd_ui *u, sd_role r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof(u->msg), fmt, ap);
	va_end(ap);
	u->msg_role = r;
}

/* ---- rows and cursor ---- */

static const sd_pair *cur_pair(const sd_ui *u)
{
	return u->cur < u->rows.n ? u->rows.v[u->cur].pair : NULL;
}

static void keep_visible(sd_ui *u, bool jump)
{
	size_t h = (size_t)sd_draw_body_height(u);
	if (u->cur < u->top || u->cur >= u->top + h) {
		if (jump)
			u->top = u->cur > h / 3 ? u->cur - h / 3 : 0;
		else if (u->cur < u->top)
			u->top = u->cur;
		else
			u->top = u->cur - h + 1;
	}
	if (u->top + h > u->rows.n)   /* no blank space below the last row */
		u->top = u->rows.n > h ? u->rows.n - h : 0;
}

/* Rebuilds the rows and puts the cursor back on p or its nearest shown
 * ancestor. */
static void rebuild(sd_ui *u, const sd_pair *p)
{
	sd_rows_build(&u->rows, sd_diff_root(u->diff), &u->ro);
	size_t i = SD_ROWS_NONE;
	for (; p && (i = sd_rows_find(&u->rows, p)) == SD_ROWS_NONE; p = p->parent)
		;
	u->cur = i == SD_ROWS_NONE ? 0 : i;
	u->panel_pair = NULL;
	keep_visible(u, true);
}

static void move_to(sd_ui *u, size_t i, bool jump)
{
	if (u->rows.n == 0)
		return;
	u->cur = i >= u->rows.n ? u->rows.n - 1 : i;
	keep_visible(u, jump);
}

/* ---- search ---- */

static void reveal(sd_ui *u, const sd_pair *p)
{
	for (const sd_pair *a = p->parent; a; a = a->parent)
		if (sd_rows_is_folded(a, &u->ro))
			sd_foldset_set(&u->folds, a, SD_FOLD_OPEN);
	rebuild(u, p);
}

void sd_ui_move_to(sd_ui *u, size_t i)
{
	move_to(u, i, true);
}

void sd_ui_reveal(sd_ui *u, const sd_pair *p)
{
	if (p)
		reveal(u, p);
	else
		rebuild(u, NULL);
}

static void search(sd_ui *u, int dir)
{
	if (!u->pattern[0]) {
		message(u, SD_ROLE_ERROR, "no previous search pattern");
		return;
	}
	bool wrapped;
	char err[200];
	if (sd_search_pattern_error(u->pattern, err, sizeof(err))) {
		message(u, SD_ROLE_ERROR, "/%s: not a regular expression: %s", u->pattern, err);
		return;
	}
	const sd_pair *p = sd_search_find(&u->search, u->diff, sd_diff_root(u->diff), cur_pair(u),
					  u->pattern, dir, &wrapped);
	if (!p) {
		message(u, SD_ROLE_ERROR, "Pattern not found: %s", u->pattern);
		return;
	}
	reveal(u, p);
	size_t k, n = sd_search_count(&u->search, &k);
	if (wrapped)
		message(u, SD_ROLE_MESSAGE, "%s (match %zu of %zu)",
			dir > 0 ? "search hit BOTTOM, continuing at TOP" : "search hit TOP, continuing at BOTTOM",
			k, n);
	else
		message(u, SD_ROLE_MESSAGE, "/%s  match %zu of %zu", u->pattern, k, n);
}

/* ---- actions ---- */

static void osc52(const char *s)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(s);
	fputs("\033]52;c;", stdout);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16;
		if (i + 1 < n) v |= (unsigned char)s[i + 1] << 8;
		if (i + 2 < n) v |= (unsigned char)s[i + 2];
		putchar(b64[(v >> 18) & 63]);
		putchar(b64[(v >> 12) & 63]);
		putchar(i + 1 < n ? b64[(v >> 6) & 63] : '=');
		putchar(i + 2 < n ? b64[v & 63] : '=');
	}
	fputs("\a", stdout);
	fflush(stdout);
}

static void toggle_fold(sd_ui *u)
{
	const sd_pair *p = cur_pair(u);
	if (!p)
		return;
	const sd_row *row = &u->rows.v[u->cur];
	sd_diff_expand(u->diff, p);
	if (row->kind == SD_ROW_NODE && !p->nkids && p->parent)
		p = p->parent;   /* on a leaf: fold what holds it */
	if (!p->nkids)
		return;
	bool folded = sd_rows_is_folded(p, &u->ro);
	sd_foldset_set(&u->folds, p, folded ? SD_FOLD_OPEN : SD_FOLD_CLOSED);
	rebuild(u, p);
}

/* h and l as in jless: h folds an open node, else goes to its parent; l
 * unfolds a folded one. */
static void fold_or_parent(sd_ui *u, bool open)
{
	const sd_pair *p = cur_pair(u);
	if (!p)
		return;
	sd_diff_expand(u->diff, p);
	bool folded = p->nkids && sd_rows_is_folded(p, &u->ro);
	if (open ? !folded : (!p->nkids || folded)) {
		if (!open && p->parent)
			rebuild(u, p->parent);
		return;
	}
	sd_foldset_set(&u->folds, p, open ? SD_FOLD_OPEN : SD_FOLD_CLOSED);
	rebuild(u, p);
}

#define EXPAND_ALL_MAX 200000 /* pairs e opens: a huge document stays usable */

static void open_all(sd_ui *u, const sd_pair *p, size_t *budget)
{
	if (!*budget)
		return;
	(*budget)--;
	sd_diff_expand(u->diff, p);
	if (!p->nkids)
		return;
	sd_foldset_set(&u->folds, p, SD_FOLD_OPEN);
	for (size_t i = 0; i < p->nkids; i++)
		open_all(u, p->kids[i], budget);
}

/* e expands every node, E folds every top-level one (jless). */
static void fold_all(sd_ui *u, bool open)
{
	const sd_pair *keep = cur_pair(u), *root = sd_diff_root(u->diff);
	size_t budget = EXPAND_ALL_MAX;
	sd_foldset_clear(&u->folds);
	if (open) {
		open_all(u, root, &budget);
	} else {
		sd_diff_expand(u->diff, root);
		for (size_t i = 0; i < root->nkids; i++)
			if (root->kids[i]->nkids || root->kids[i]->folded)
				sd_foldset_set(&u->folds, root->kids[i], SD_FOLD_CLOSED);
	}
	rebuild(u, keep);
	if (open && !budget)
		message(u, SD_ROLE_MESSAGE, "expanded the first %d nodes", EXPAND_ALL_MAX);
}

static void apply_theme(sd_ui *u, const char *name)
{
	char err[600] = "";
	if (sd_theme_load(&u->theme, name, err, sizeof(err)))
		message(u, SD_ROLE_ERROR, "%s", err);
	else
		message(u, SD_ROLE_MESSAGE, "theme %s", u->theme.name);
	sd_draw_init_colors(u);
}

/* The top line's "image: runsc release-... wrote the checkpoint (profile
 * ...), container web" for a checkpoint image. */
static void describe_image(sd_ui *u, const sd_session *s)
{
	sd_buf b = SD_BUF_INIT;
	sd_session_describe_image(s, &b);
	snprintf(u->image, sizeof u->image, "%s%s", b.len ? "image: " : "", b.len ? b.data : "");
	sd_buf_release(&b);
}

void sd_ui_run_checks(sd_ui *u)
{
	sd_checks_release(&u->checks);
	/* the state's views, decoded with the pair's type: lent to the profiles of that type */
	const sd_goview *view[2] = { sd_history_view(u->hist, 0), sd_history_view(u->hist, 1) };
	if (sd_session_is_oci(u->session))
		sd_checks_run(&u->checks, u->doc[0], u->doc[1], view,
			      sd_session_roundtrip(u->session), sd_session_container(u->session));
}

void sd_ui_apply_focus(sd_ui *u)
{
	if (!u->focus) {
		u->nignored = 0;
		sd_foldset_clear(&u->ignored);
		return;
	}
	sd_focus_set_profile(u->focus, u->restore_on ? u->restore_profile : NULL);
	u->nignored = sd_diff_apply_focus(u->diff, u->focus);
	sd_rows_index_ignored(&u->ignored, sd_diff_root(u->diff));
}

static size_t counted(const sd_ui *u)
{
	size_t n = 0;
	for (int c = SD_CLASS_NIL_VS_EMPTY; c < SD_CLASS__COUNT; c++)
		if (sd_class_counts((sd_class)c, u->ro.mode))
			n += sd_diff_count_class(u->diff, (sd_class)c);
	return n;
}

static void toggle_ignored(sd_ui *u)
{
	const sd_pair *p = cur_pair(u);
	u->ro.show_ignored = !u->ro.show_ignored;
	if (p)
		reveal(u, p);
	message(u, SD_ROLE_MESSAGE, "%zu ignored difference%s %s", u->nignored, u->nignored == 1 ? "" : "s",
		u->ro.show_ignored ? "shown (dimmed, not counted)" : "hidden");
}

/* R: the restore-relevant filter needs the Go views to be OCI specs, as
 * runsc decodes them. */
static void toggle_restore(sd_ui *u)
{
	if (!u->focus || !u->restore_profile || !u->checks.ran) {
		message(u, SD_ROLE_ERROR, "restore-relevant: both sides must be OCI specs (not --schema none)");
		return;
	}
	const sd_pair *p = cur_pair(u);
	u->restore_on = !u->restore_on;
	if (u->restore_on && u->restore_auto) {
		/* the newest profile that fails: what the bottom line's FAIL is about */
		u->restore_profile = sd_focus_default_profile();
		for (size_t i = 0; i < u->checks.n; i++)
			if (!u->checks.v[i].pass)
				u->restore_profile = u->checks.v[i].profile;
	}
	sd_ui_apply_focus(u);
	if (p)
		reveal(u, p);
	size_t n = counted(u);
	message(u, SD_ROLE_MESSAGE, "restore-relevant %s %s: %zu difference%s, %zu ignored",
		u->restore_profile->name, u->restore_on ? "on" : "off", n, n == 1 ? "" : "s", u->nignored);
}

static void scroll_panel(sd_ui *u, int dir)
{
	if (!u->panel_open) {
		const char *k = sd_keys_first(&u->keymap, SD_ACT_EXPLAIN);
		message(u, SD_ROLE_MESSAGE, "no explanation panel open (%s opens it)", k ? k : "explain");
		return;
	}
	if (dir < 0)
		u->panel_top = u->panel_top ? u->panel_top - 1 : 0;
	else
		u->panel_top++;   /* draw_panel clamps it */
}

static void next_diff(sd_ui *u, int dir)
{
	size_t i = sd_rows_next_mark(&u->rows, u->cur, dir);
	if (i == SD_ROWS_NONE) {
		message(u, SD_ROLE_MESSAGE, u->rows.nmarks ? (dir > 0 ? "no more differences below" : "no more differences above")
							: "no differences in %s mode", sd_mode_name(u->ro.mode));
		return;
	}
	move_to(u, i, true);
}

enum redraw { REDRAW_NONE, REDRAW_STEP, REDRAW_SCROLL, REDRAW_FULL };

/* q with unsaved edits asks first; q again quits, Esc cancels. */
static int quit_or_ask(sd_ui *u)
{
	bool m[2] = { sd_ui_modified(u, 0), sd_ui_modified(u, 1) };
	if ((!m[0] && !m[1]) || u->confirm == SD_CONFIRM_QUIT)
		return -1;
	u->confirm = SD_CONFIRM_QUIT;
	message(u, SD_ROLE_ERROR, "unsaved changes to %s: w writes, q again quits without writing, "
		"Esc cancels", m[0] && m[1] ? "LEFT and RIGHT" : m[0] ? "LEFT" : "RIGHT");
	return REDRAW_FULL;
}

/* Runs one action; returns what to redraw, or -1 to quit. */
static int act(sd_ui *u, sd_action a)
{
	size_t h = (size_t)sd_draw_body_height(u);
	size_t top0 = u->top;
	if (u->help_open) {
		if (a == SD_ACT_CLOSE || a == SD_ACT_QUIT || a == SD_ACT_HELP)
			u->help_open = false;
		else if (a == SD_ACT_DOWN || a == SD_ACT_PAGE_DOWN || a == SD_ACT_FOLD)
			u->help_top += a == SD_ACT_DOWN ? 1 : h;
		else if ((a == SD_ACT_UP || a == SD_ACT_PAGE_UP) && u->help_top)
			u->help_top -= a == SD_ACT_UP ? 1 : (u->help_top < h ? u->help_top : h);
		size_t n = SD_ACT__COUNT;
		if (u->help_top >= n)
			u->help_top = n - 1;
		return REDRAW_FULL;
	}
	switch (a) {
	case SD_ACT_DOWN:
		if (u->cur + 1 < u->rows.n)
			move_to(u, u->cur + 1, false);
		break;
	case SD_ACT_UP:
		if (u->cur)
			move_to(u, u->cur - 1, false);
		break;
	case SD_ACT_PAGE_DOWN:
		u->top += h;
		move_to(u, u->cur + h, false);
		break;
	case SD_ACT_PAGE_UP:
		u->top = u->top > h ? u->top - h : 0;
		move_to(u, u->cur > h ? u->cur - h : 0, false);
		break;
	case SD_ACT_FIRST: move_to(u, 0, false); break;
	case SD_ACT_LAST: move_to(u, u->rows.n ? u->rows.n - 1 : 0, false); break;
	case SD_ACT_NEXT_DIFF: next_diff(u, 1); break;
	case SD_ACT_PREV_DIFF: next_diff(u, -1); break;
	case SD_ACT_SWITCH_PANE: u->pane = !u->pane; return REDRAW_FULL;
	case SD_ACT_TOGGLE_MODE:
	{
		/* keep the node in view: a difference that vanishes shows as equal */
		const sd_pair *p = cur_pair(u);
		u->ro.mode = u->ro.mode == SD_MODE_STRICT ? SD_MODE_SEMANTIC : SD_MODE_STRICT;
		if (p)
			reveal(u, p);
	}
		message(u, SD_ROLE_MESSAGE, "%s mode: %s", sd_mode_name(u->ro.mode),
			sd_diff_equal(u->diff, u->ro.mode) ? "equal" : "different");
		return REDRAW_FULL;
	case SD_ACT_TOGGLE_COSMETIC:
	{
		const sd_pair *p = cur_pair(u);
		u->ro.show_cosmetic = !u->ro.show_cosmetic;
		if (p)
			reveal(u, p);
	}
		message(u, SD_ROLE_MESSAGE, "cosmetic differences %s", u->ro.show_cosmetic ? "shown" : "hidden");
		return REDRAW_FULL;
	case SD_ACT_TOGGLE_IGNORED: toggle_ignored(u); return REDRAW_FULL;
	case SD_ACT_TOGGLE_RESTORE: toggle_restore(u); return REDRAW_FULL;
	case SD_ACT_PANEL_DOWN: scroll_panel(u, 1); return REDRAW_FULL;
	case SD_ACT_PANEL_UP: scroll_panel(u, -1); return REDRAW_FULL;
	case SD_ACT_EXPLAIN:
		u->panel_open = !u->panel_open;
		u->panel_top = 0;
		keep_visible(u, false);
		return REDRAW_FULL;
	case SD_ACT_FOLD: toggle_fold(u); return REDRAW_FULL;
	case SD_ACT_FOLD_CLOSE: fold_or_parent(u, false); return REDRAW_FULL;
	case SD_ACT_FOLD_OPEN: fold_or_parent(u, true); return REDRAW_FULL;
	case SD_ACT_EXPAND_ALL: fold_all(u, true); return REDRAW_FULL;
	case SD_ACT_COLLAPSE_ALL: fold_all(u, false); return REDRAW_FULL;
	case SD_ACT_SEARCH:
		u->prompting = true;
		u->prompt_kind = SD_PROMPT_SEARCH;
		snprintf(u->prompt_label, sizeof(u->prompt_label), "/");
		u->prompt[0] = '\0';
		return REDRAW_FULL;
	case SD_ACT_SEARCH_NEXT: search(u, 1); return REDRAW_FULL;
	case SD_ACT_SEARCH_PREV: search(u, -1); return REDRAW_FULL;
	case SD_ACT_COPY_PATH: {
		const sd_pair *p = cur_pair(u);
		const char *path = p && p->path && *p->path ? p->path : "/";
		osc52(path);
		message(u, SD_ROLE_MESSAGE, "copied %s", path);
		return REDRAW_FULL;
	}
	case SD_ACT_CYCLE_THEME:
		if (u->nthemes) {
			u->theme_idx = (u->theme_idx + 1) % u->nthemes;
			apply_theme(u, u->themes[u->theme_idx]);
		}
		return REDRAW_FULL;
	case SD_ACT_REDRAW: clearok(curscr, TRUE); return REDRAW_FULL;
	case SD_ACT_HELP: u->help_open = true; u->help_top = 0; return REDRAW_FULL;
	case SD_ACT_TOUR_NEXT:
	case SD_ACT_TOUR_PREV:
		if (!u->tour) {
			message(u, SD_ROLE_MESSAGE, "lessons are for specdiff tour");
			return REDRAW_FULL;
		}
		u->tour->result = a == SD_ACT_TOUR_NEXT ? SD_TOUR_NEXT : SD_TOUR_PREV;
		return -1;
	case SD_ACT_CLOSE:
		if (u->confirm) {
			u->confirm = SD_CONFIRM_NONE;
			message(u, SD_ROLE_MESSAGE, "cancelled");
			return REDRAW_FULL;
		}
		if (u->panel_open)
			u->panel_open = false;
		keep_visible(u, false);   /* the taller body: no blank rows below */
		u->msg[0] = '\0';
		return REDRAW_FULL;
	case SD_ACT_QUIT:
		if (u->tour)   /* the lesson panel is the tour's: q leaves at once */
			u->tour->result = SD_TOUR_QUIT;
		if (u->panel_open && !u->tour) {
			u->panel_open = false;
			keep_visible(u, false);
			return REDRAW_FULL;
		}
		return quit_or_ask(u);
	default:
		return sd_ui_edit_action(u, a) ? REDRAW_FULL : REDRAW_NONE;
	}
	if (u->top == top0)
		return REDRAW_STEP;
	long delta = (long)u->top - (long)top0;
	return (delta < 0 ? -delta : delta) < (long)h / 2 ? REDRAW_SCROLL : REDRAW_FULL;
}

/* Draws what act() said changed. */
static void redraw(sd_ui *u, int how, size_t old_cur, size_t old_top)
{
	if (how == REDRAW_STEP && old_cur != u->cur)
		sd_draw_cursor_step(u, old_cur);
	else if (how == REDRAW_SCROLL && !u->panel_open && !u->help_open)
		sd_draw_scroll(u, old_cur, (long)u->top - (long)old_top);
	else if (how != REDRAW_NONE)
		sd_draw_full(u);
}

/* A prompt (search, write) owns the keys while open. */
static void prompt_key(sd_ui *u, int c)
{
	size_t n = strlen(u->prompt);
	if (c == 27) {
		u->prompting = false;
	} else if ((c == '\n' || c == '\r' || c == KEY_ENTER) && u->prompt_kind == SD_PROMPT_WRITE) {
		u->prompting = false;
		sd_ui_write(u, u->prompt);
	} else if (c == '\n' || c == '\r' || c == KEY_ENTER) {
		u->prompting = false;
		if (n)
			snprintf(u->pattern, sizeof(u->pattern), "%.*s", (int)sizeof(u->pattern) - 1, u->prompt);
		search(u, 1);
	} else if (c == 21) {   /* ^U clears, as in a shell */
		u->prompt[0] = '\0';
	} else if (c == KEY_BACKSPACE || c == 127 || c == 8) {
		if (n)
			u->prompt[n - 1] = '\0';
		else
			u->prompting = false;
	} else if (c >= 0x20 && c < 0x100 && n + 1 < sizeof(u->prompt)) {
		u->prompt[n] = (char)c;
		u->prompt[n + 1] = '\0';
	}
}

static int read_key(void)
{
	int c = getch();
	if (c == KEY_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) == OK) {
			if (ev.bstate & BUTTON4_PRESSED)
				return SD_KEY_WHEEL_UP;
#ifdef BUTTON5_PRESSED
			if (ev.bstate & BUTTON5_PRESSED)
				return SD_KEY_WHEEL_DOWN;
#endif
		}
		return ERR;
	}
	return c;
}

/* A hung-up terminal reads as end of file at once, forever: without this
 * check the loop would spin.  (The kernel's SIGHUP usually comes first.) */
static bool tty_gone(void)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	if (poll(&pfd, 1, 0) < 0)
		return false;
	return (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void handle_resize(sd_ui *u)
{
	getmaxyx(stdscr, u->H, u->W);
	keep_visible(u, false);
}

static void loop(sd_ui *u)
{
	bool pending = false;
	sd_draw_full(u);
	for (;;) {
		int c = read_key();
		if (got_signal)
			return;
		if (c == ERR && tty_gone()) {   /* the terminal closed under us */
			got_signal = SIGHUP;
			return;
		}
		if (c == ERR) {   /* idle: a file changed on disk? */
			if (!u->prompting && sd_ui_check_files(u))
				sd_draw_full(u);
			continue;
		}
		if (c == KEY_RESIZE) {
			handle_resize(u);
			sd_draw_full(u);
			continue;
		}
		if (u->prompting) {
			prompt_key(u, c);
			sd_draw_full(u);
			continue;
		}
		bool had_msg = u->msg[0] != '\0';
		u->msg[0] = '\0';
		sd_action a = sd_key_feed(&u->keys, c);
		if (u->confirm && a != SD_ACT_NONE && a != SD_ACT_CLOSE &&
		    !(u->confirm == SD_CONFIRM_QUIT && a == SD_ACT_QUIT) &&
		    !(u->confirm == SD_CONFIRM_RELOAD && a == SD_ACT_RELOAD) &&
		    !(u->confirm == SD_CONFIRM_WRITE && a == SD_ACT_WRITE))
			u->confirm = SD_CONFIRM_NONE;   /* any other key: the question is gone */
		sd_ui_check_files(u);
		if (sd_draw_too_small(u)) {
			if (a == SD_ACT_QUIT)
				return;
			continue;
		}
		size_t old = u->cur, old_top = u->top;
		bool was_pending = pending;
		pending = u->keys.pending != 0;
		int r = act(u, a);
		if (r < 0)
			return;
		/* a pending prefix (d, ], [) shows on the status line, as vim's showcmd */
		redraw(u, had_msg || pending || was_pending ? REDRAW_FULL : r, old, old_top);
	}
}

static bool locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

static void ui_init(sd_ui *u, const sd_explorer_args *a)
{
	memset(u, 0, sizeof(*u));
	u->doc[0] = a->doc[0];
	u->doc[1] = a->doc[1];
	u->diff = a->diff;
	u->ro.mode = a->mode;
	u->ro.folds = &u->folds;
	u->ro.diff = a->diff;
	u->ro.ignored = &u->ignored;
	u->focus = a->focus;
	u->restore_profile = a->restore_profile ? a->restore_profile : sd_focus_default_profile();
	u->restore_auto = !a->restore_profile && !a->restore_on;
	u->restore_on = a->restore_on;
	if (a->keymap) {   /* a copy: the explorer owns its keymap */
		u->keymap.n = u->keymap.cap = a->keymap->n;
		u->keymap.v = sd_xmalloc((a->keymap->n + 1) * sizeof(*u->keymap.v));
		memcpy(u->keymap.v, a->keymap->v, a->keymap->n * sizeof(*u->keymap.v));
	} else {
		sd_keys_init(&u->keymap);
	}
	u->keys.keys = &u->keymap;
	sd_foldset_init(&u->ignored);
	u->ro.show_cosmetic = true;   /* DESIGN: cosmetic differences shown dim */
	u->utf8 = locale_utf8();
	sd_foldset_init(&u->folds);
	sd_rows_init(&u->rows);
	u->session = a->session;
	describe_image(u, a->session);
	sd_ui_edit_init(u, a);
	sd_ui_run_checks(u);
	sd_ui_apply_focus(u);
	sd_rows_build(&u->rows, sd_diff_root(u->diff), &u->ro);
	size_t first = sd_rows_next_mark(&u->rows, SD_ROWS_NONE, 1);
	u->cur = first == SD_ROWS_NONE ? 0 : first;
	if (a->tour) {   /* a lesson: its node, its panel */
		u->tour = a->tour;
		u->panel_open = true;
		const sd_pair *p = a->tour_node ? sd_diff_find(u->diff, a->tour_node) : NULL;
		if (p)
			sd_ui_reveal(u, p);
	}
}

static void ui_release(sd_ui *u)
{
	sd_rows_release(&u->rows);
	sd_foldset_release(&u->folds);
	sd_checks_release(&u->checks);
	sd_panel_release(&u->panel);
	for (size_t i = 0; i < u->nthemes; i++)
		free(u->themes[i]);
	free(u->themes);
	sd_search_release(&u->search);
	sd_ui_edit_release(u);
	sd_foldset_release(&u->ignored);
	sd_keys_release(&u->keymap);
}

static void screen_setup(sd_ui *u, const sd_explorer_args *a)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* xterm's terminfo knows Home/End as \eOH/\eOF; tmux and screen send
	 * the vt220 \e[1~/\e[4~ (rxvt \e[7~/\e[8~); vt100's terminfo has no
	 * PgUp/PgDn at all, while tmux under it still sends \e[5~/\e[6~ */
	static const struct { const char *seq; int key; } extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	};
	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (!key_defined(extra[i].seq))
			define_key(extra[i].seq, extra[i].key);
	set_escdelay(25);
	timeout(500);   /* idle ticks: notice files changed on disk */
	u->color = a->color && has_colors();
	if (u->color) {
		start_color();
		use_default_colors();
	}
	mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	getmaxyx(stdscr, u->H, u->W);
	u->themes = sd_theme_list(&u->nthemes);
	const char *name = a->theme ? a->theme : getenv("SPECDIFF_THEME");
	if (!name || !*name)
		name = "default";
	for (size_t i = 0; i < u->nthemes; i++)
		if (!strcmp(u->themes[i], name))
			u->theme_idx = i;
	char err[600] = "";
	if (sd_theme_load(&u->theme, name, err, sizeof(err)))
		message(u, SD_ROLE_ERROR, "%s", err);
	else if (a->trouble)
		message(u, SD_ROLE_ERROR, "Go cannot decode: %s", a->trouble);
	else if (a->notice)
		message(u, SD_ROLE_ERROR, "%s", a->notice);
	sd_draw_init_colors(u);
	keep_visible(u, true);
}

static void bench(sd_ui *u, const sd_explorer_args *a, double t_diff, double t_rows)
{
	setenv("LINES", "50", 1);
	setenv("COLUMNS", "200", 1);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	const char *term = getenv("TERM");
	SCREEN *s = newterm(term && *term ? term : "xterm-256color", out, in);
	if (!s) {
		fprintf(stderr, "specdiff: --bench-frames: cannot start curses\n");
		return;
	}
	screen_setup(u, a);
	sd_draw_full(u);
	double t_first = sd_now();
	long n = a->bench_frames;
	double step_max = 0, t0 = sd_now();
	for (long i = 0; i < n; i++) {
		double t = sd_now();
		size_t old = u->cur, old_top = u->top;
		redraw(u, act(u, SD_ACT_DOWN), old, old_top);
		t = sd_now() - t;
		if (t > step_max)
			step_max = t;
	}
	double steps = sd_now() - t0;
	t0 = sd_now();
	for (long i = 0; i < n; i++) {
		act(u, i % 2 ? SD_ACT_PAGE_UP : SD_ACT_PAGE_DOWN);
		sd_draw_full(u);
	}
	double pages = sd_now() - t0;
	size_t nrows = u->rows.n, nmarks = u->rows.nmarks;
	t0 = sd_now();
	for (int i = 0; i < 2; i++) {   /* there and back: the exit status is the starting mode's */
		act(u, SD_ACT_TOGGLE_MODE);
		sd_draw_full(u);
	}
	double mode = (sd_now() - t0) / 2;
	/* an edit at the first difference and its undo: copy, Go view, diff, rows */
	move_to(u, sd_rows_next_mark(&u->rows, SD_ROWS_NONE, 1), true);
	t0 = sd_now();
	act(u, SD_ACT_COPY_TO_LEFT);
	sd_draw_full(u);
	double edit = sd_now() - t0;
	t0 = sd_now();
	act(u, SD_ACT_UNDO);
	sd_draw_full(u);
	double undo = sd_now() - t0;
	endwin();
	delscreen(s);
	fclose(out);
	fclose(in);
	fprintf(stderr,
		"rows: %zu (%zu marked)\n"
		"load+diff: %.1f ms\n"
		"rows + restore checks: %.1f ms\n"
		"first frame: %.1f ms after start\n"
		"cursor step (j): %.3f ms mean, %.3f ms max over %ld frames\n"
		"page (full redraw): %.3f ms mean\n"
		"mode toggle (rebuild + redraw): %.1f ms\n"
		"edit (<) and undo (u), with diff and redraw: %.1f ms, %.1f ms\n",
		nrows, nmarks, (t_diff - a->t_start) * 1e3, (t_rows - t_diff) * 1e3,
		(t_first - a->t_start) * 1e3, steps / (double)n * 1e3, step_max * 1e3, n,
		pages / (double)n * 1e3, mode * 1e3, edit * 1e3, undo * 1e3);
}

int sd_explorer_run(const sd_explorer_args *a)
{
	static sd_ui ui;
	sd_ui *u = &ui;
	double t_diff = sd_now();
	ui_init(u, a);
	if (a->bench_frames > 0) {
		bench(u, a, t_diff, sd_now());
		int rc = sd_diff_equal(u->diff, u->ro.mode) ? 0 : 1;
		ui_release(u);
		return rc;
	}
	install_signals();
	if (!isatty(STDIN_FILENO)) {   /* the specs came on a pipe: keys from the terminal */
		int fd = open("/dev/tty", O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && fd != STDIN_FILENO) {
			dup2(fd, STDIN_FILENO);
			close(fd);
		}
	}
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "specdiff: cannot start the terminal interface\n");
		ui_release(u);
		return 2;
	}
	screen_setup(u, a);
	loop(u);
	endwin();
	delscreen(scr);
	int sig = got_signal;
	bool trouble = sd_goview_error(sd_history_view(u->hist, 0)) || sd_goview_error(sd_history_view(u->hist, 1));
	int rc = trouble ? 2 : sd_diff_equal(u->diff, u->ro.mode) ? 0 : 1;
	ui_release(u);
	if (sig) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return rc;
}

const char *sd_explorer_unusable(void)
{
	static char why[300];
	if (!isatty(STDOUT_FILENO))
		return "";
	if (!isatty(STDIN_FILENO)) {
		int fd = open("/dev/tty", O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return "";
		close(fd);
	}
	const char *term = getenv("TERM");
	int err = 0;
	if (!term || !*term)
		return "TERM is not set, so the explorer cannot draw";
	if (!strcmp(term, "dumb"))
		return "TERM=dumb cannot draw the explorer (no cursor addressing)";
	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK) {
		snprintf(why, sizeof(why), "TERM=%.200s is not a terminal type terminfo knows", term);
		return why;
	}
	bool addressable = tigetstr("cup") && tigetstr("cup") != (char *)-1;
	del_curterm(cur_term);
	if (!addressable) {
		snprintf(why, sizeof(why), "TERM=%.200s has no cursor addressing for the explorer", term);
		return why;
	}
	return NULL;
}
