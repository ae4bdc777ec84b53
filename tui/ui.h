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
#include "specdiff/edit.h"
#include "specdiff/focus.h"
#include "specdiff/goview.h"
#include "specdiff/session.h"
#include "checks.h"
#include "keymap.h"
#include "panel.h"
#include "rows.h"
#include "search.h"
#include "theme.h"
#include "tour.h"

/* Loads side (0 left, 1 right) again from its input, as main loaded it.
 * Returns 0 with *doc and *view (the caller owns them; a Go decode error
 * is then in err too), or -1 with err saying why. */
typedef int (*sd_reload_fn)(void *ctx, int side, sd_doc **doc, sd_goview **view,
			    char *err, size_t errsize);

/* What identifies a file's content cheaply: changed on disk when any differs. */
typedef struct sd_file_stamp {
	bool valid;
	unsigned long long dev, ino, size;
	long long mtime_s, mtime_ns;
} sd_file_stamp;

enum sd_prompt_kind { SD_PROMPT_SEARCH, SD_PROMPT_WRITE };
enum sd_confirm { SD_CONFIRM_NONE, SD_CONFIRM_QUIT, SD_CONFIRM_RELOAD, SD_CONFIRM_WRITE };

typedef struct sd_ui {
	const sd_doc *doc[2];        /* the current state's (sd_history_doc) */
	sd_diff *diff;               /* the focus marks its items (focus.h) */
	sd_checks checks;

	/* focus: --ignore, --only, the config's ignore lines, and R's profile */
	sd_focus *focus;             /* borrowed; NULL: nothing is left out */
	const sd_profile *restore_profile;   /* what R turns on */
	bool restore_on;
	bool restore_auto;           /* no profile given: R follows the newest failing one */
	size_t nignored;             /* items the focus leaves out */
	sd_foldset ignored;          /* sd_rows_index_ignored's map */

	/* editing (editing.c) */
	sd_history *hist;
	sd_diff *own_diff;           /* diff of an edited state; NULL: the caller's */
	const sd_session *session;   /* root type, container and round trip of the checks */
	char image[240];             /* the checkpoint image's runsc and container; "" for a file */
	const char *input[2];        /* as given on the command line */
	char file[2][1024];          /* the file behind each side ("" for stdin) */
	bool writable[2];            /* the side is that whole file: w defaults to it, E may edit it */
	sd_file_stamp stamp[2];
	bool stale[2];               /* changed on disk since loaded */
	sd_reload_fn reload;
	void *reload_ctx;
	int confirm;                 /* enum sd_confirm: waiting for the same key again */
	int prompt_kind;             /* enum sd_prompt_kind */
	int write_side;
	char write_pending[1024];    /* the write prompt's text, waiting for w to confirm */
	int write_asks;              /* confirmations still needed (2 for the other input) */
	char prompt_label[200];

	sd_rows rows;
	sd_foldset folds;
	sd_rows_opts ro;
	size_t cur, top;
	int pane;                    /* 0 left, 1 right */

	bool panel_open, help_open;
	size_t help_top;
	size_t panel_top;            /* first wrapped panel line shown (J/K) */
	size_t panel_lines;          /* wrapped lines of the panel, last drawn */
	sd_panel panel;
	const sd_pair *panel_pair;   /* what panel was built for */

	bool prompting;
	char prompt[1024];
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
	sd_keys keymap;              /* the live keymap (config binds applied) */
	sd_tour_view *tour;          /* specdiff tour's lesson (tour.h); NULL outside a tour */
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
	const sd_session *session; /* the comparison: root type, container, round trip */
	sd_diff *diff;             /* the explorer applies the focus to it */
	sd_mode mode;
	sd_focus *focus;           /* NULL: no focus; borrowed */
	const sd_profile *restore_profile;   /* R's profile (NULL: the newest) */
	bool restore_on;           /* --restore-relevant was given */
	const sd_keys *keymap;     /* NULL: the built-in keymap; copied */
	const char *notice;        /* shown on the status line first (config errors ...) */
	const char *theme;         /* NULL: $SPECDIFF_THEME or "default" */
	bool color;                /* false: no colour at all */
	long bench_frames;         /* > 0: draw off-screen and print timings */
	double t_start;            /* monotonic seconds when main started */
	const char *trouble;       /* a side Go cannot decode: shown first, exit status 2 */
	const char *input[2];      /* the inputs as given (for w, E and r) */
	sd_reload_fn reload;       /* NULL: r and E cannot reload */
	void *reload_ctx;
	sd_tour_view *tour;        /* a lesson of specdiff tour: its panel opens on tour_node; result set on leaving */
	const char *tour_node;     /* JSON Pointer the cursor starts on (tour only) */
} sd_explorer_args;

int sd_explorer_run(const sd_explorer_args *a);
double sd_now(void);

/* explorer.c, for editing.c */
/* Runs every profile on the current state's documents (u->checks). */
void sd_ui_run_checks(sd_ui *u);
/* Marks the diff's items with the focus (and R's profile when on), after
 * every recompute. */
void sd_ui_apply_focus(sd_ui *u);
void sd_ui_message(sd_ui *u, sd_role r, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Opens p's folded ancestors, rebuilds the rows and puts the cursor on p. */
void sd_ui_reveal(sd_ui *u, const sd_pair *p);
/* Puts the cursor on row i (the last row when past the end), on screen. */
void sd_ui_move_to(sd_ui *u, size_t i);

/* editing.c: edits, undo/redo, write, reload, $EDITOR, files changed on disk */
void sd_ui_edit_init(sd_ui *u, const sd_explorer_args *a);
void sd_ui_edit_release(sd_ui *u);
/* Runs an editing action (copy, toggle, delete, undo, redo, write prompt,
 * editor, reload); returns true when the screen must be redrawn in full. */
bool sd_ui_edit_action(sd_ui *u, sd_action a);
/* The write prompt's Enter. */
void sd_ui_write(sd_ui *u, const char *text);
/* Does any side hold edits not written to its file? */
bool sd_ui_modified(const sd_ui *u, int side);
/* Reloads both sides from disk (discarding edits and history). */
bool sd_ui_reload(sd_ui *u);
/* Checks the files' stamps; true when a side was newly found changed. */
bool sd_ui_check_files(sd_ui *u);
#endif
