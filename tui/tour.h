/*
 * tour.h - what "specdiff tour" adds to the explorer (DESIGN section 12):
 * a lesson's title on the top line, its text at the head of the
 * explanation panel, its keys on the status line, and which way the user
 * left it.  The explorer reads an sd_tour_view through three hooks
 * (draw.c: title, panel, status) and sets its result on ]l, [l and q;
 * cli/cmd_tour.c walks the lessons (lesson.h).  No ncurses here.
 */
#ifndef SPECDIFF_TUI_TOUR_H
#define SPECDIFF_TUI_TOUR_H

#include <stddef.h>

#include "specdiff/lesson.h"
#include "keymap.h"
#include "panel.h"

enum sd_tour_result { SD_TOUR_QUIT, SD_TOUR_NEXT, SD_TOUR_PREV };

typedef struct sd_tour_view {
	char *title;          /* the top line's start: "lesson 2 of 9: ..." */
	char *hint;           /* the status line's start: "]l next lesson  [l previous  q leaves" */
	sd_panel_line *lines; /* the lesson's text, above the node's explanation */
	size_t n;
	int result;           /* enum sd_tour_result, set by the explorer */
} sd_tour_view;

/*
 * Builds the view of lesson l, number k (from 1) of n, with the keys of
 * keys (NULL: the built-in keymap) and, when warning is not NULL, a line
 * saying which of the lesson's claims the program disagrees with.  The
 * view owns its strings; sd_tour_view_release frees them.
 */
void sd_tour_view_build(sd_tour_view *v, const sd_lesson *l, size_t k, size_t n,
			const sd_keys *keys, const char *warning);
void sd_tour_view_release(sd_tour_view *v);

/* draw.c's panel hook: puts the lesson's lines (copies) before what p
 * holds (the node's explanation, sd_panel_build). */
void sd_tour_panel(const sd_tour_view *v, sd_panel *p);

#endif
