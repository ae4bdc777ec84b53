/*
 * panel.h - the explanation panel's content for one pair: path, source
 * positions, raw values, Go views (via gofmt.h and goview.h), the class
 * and its reason, and the restore checks that trip on it.  Lines are plain
 * text with a role each; drawing and wrapping are the caller's.  No ncurses.
 */
#ifndef SPECDIFF_TUI_PANEL_H
#define SPECDIFF_TUI_PANEL_H

#include <stddef.h>

#include "specdiff/diff.h"
#include "specdiff/doc.h"
#include "checks.h"
#include "theme.h"

typedef struct sd_panel_line {
	sd_role role;
	char *text;
} sd_panel_line;

typedef struct sd_panel {
	sd_panel_line *v;
	size_t n, cap;
} sd_panel;

typedef struct sd_panel_src {
	const char *name[2];       /* document names (sd_doc_name) */
	sd_mode mode;
	const sd_checks *checks;   /* may be NULL */
	/* the diff the pair belongs to: its items' Go values are read through
	 * it (a lazy diff makes them on demand, a prefix of a big one); NULL
	 * reads pair->item's values as they are (an eager diff) */
	const sd_diff *diff;
} sd_panel_src;

void sd_panel_build(sd_panel *p, const sd_pair *pair, const sd_panel_src *src);
void sd_panel_release(sd_panel *p);

/* Appends n compact JSON, cut after about max bytes with "…". */
void sd_node_json(sd_buf *b, const sd_node *n, size_t max);

#endif
