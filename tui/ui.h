/*
 * ui.h - the explorer's state and its two halves: explorer.c (keys,
 * actions, the loop) and draw.c (ncurses drawing of what the state says).
 * Internal to tui/.
 */
#ifndef SPECDIFF_TUI_UI_H
#define SPECDIFF_TUI_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/diff.h"
#include "specdiff/doc.h"
#include "checks.h"
#include "keymap.h"
#include "panel.h"
#include "rows.h"
#include "search.h"
#include "theme.h"

typedef struct sd_ui {
	const sd_doc *doc[2];
	const sd_diff *diff;
	sd_checks checks;

	sd_rows rows;
	sd_foldset folds;
	sd_rows_opts ro;
	size_t cur, top;
	int pane;                    /* 0 left, 1 right */

	bool panel_open, help_open;
	size_t help_top;
	sd_panel panel;
	const sd_pair *panel_pair;   /* what panel was built for */

	bool prompting;
	char prompt[256];
	char pattern[256];
	sd_search search;

	char msg[512];
	sd_role msg_role;

	sd_theme theme;
	char **themes;
	size_t nthemes, theme_idx;
	bool color, utf8;

	int H, W;
	sd_keystate keys;
} sd_ui;

/* draw.c */
void sd_draw_init_colors(sd_ui *u);
void sd_draw_full(sd_ui *u);
void sd_draw_cursor_step(sd_ui *u, size_t old);
void sd_draw_scroll(sd_ui *u, size_t old, long delta);
int sd_draw_body_height(const sd_ui *u);
bool sd_draw_too_small(const sd_ui *u);



/* explorer.c: runs the explorer on a computed diff (main_explorer.c loads
 * the sides and owns them).  Returns the exit status for the final mode. */
typedef struct sd_explorer_args {
	const sd_doc *doc[2];
	const sd_goview *view[2];
	const sd_diff *diff;
	sd_mode mode;
	const char *theme;         /* NULL: $SPECDIFF_THEME or "default" */
	bool color;                /* false: no colour at all */
	long bench_frames;         /* > 0: draw off-screen and print timings */
	double t_start;            /* monotonic seconds when main started */
	const char *trouble;       /* a side Go cannot decode: shown first, exit status 2 */
} sd_explorer_args;

int sd_explorer_run(const sd_explorer_args *a);
double sd_now(void);
#endif
