/*
 * report_html.h - one self-contained HTML page of a comparison, for
 * incident write-ups and lecture notes (DESIGN section 12).
 *
 * The page needs no network and no script: inline CSS, the two specs side
 * by side in the explorer's row model (rows.h: the same alignment, folding,
 * gutter marks and restore marks), each difference a <details> element
 * that opens on its Go facts and the restore checks it trips, and the
 * strict and semantic modes as two views of the same page, switched by two
 * radio inputs and CSS alone.  A small inline script only adds "open all"
 * and opens every difference before printing.  Colours come from a theme
 * (theme.h); @media print switches to black on white.
 *
 * Every text from the inputs (keys, values, file names, Go renderings) is
 * HTML-escaped, control characters show as their pictures (U+2400...),
 * and bytes that are not UTF-8 become U+FFFD, so the page is valid UTF-8
 * whatever the inputs hold.
 *
 * Element classes the tests (tests/html/) and readers rely on:
 *   section.view.v-strict / .v-semantic    one per mode
 *   .row  .c-none .c-cosmetic .c-nil-vs-empty .c-order-only .c-value
 *         .inner (a folded row hiding a difference) .restore (R mark)
 *   details.row.d > summary (a row with a difference) > .facts
 *   .facts table.go td.f-pointer/.f-type/.f-nil/.f-len/.f-v/.f-gov/.f-marshal/
 *         .f-in-parent (gofacts.h: the facts the JSON report and the panel give)
 *   .facts ul.checks li (one per restore profile error at the node)
 */
#ifndef SPECDIFF_REPORT_HTML_H
#define SPECDIFF_REPORT_HTML_H

#include "specdiff/checks.h"
#include "specdiff/diff.h"
#include "specdiff/theme.h"
#include "specdiff/util.h"

typedef struct sd_html_opts {
	sd_mode mode;                /* the view checked when the page opens */
	const char *lname, *rname;   /* the inputs as given (headers, FILE:LINE) */
	const char *lerr, *rerr;     /* decode errors, NULL when clean */
	const sd_theme *theme;       /* NULL: the built-in default */
	const sd_checks *checks;     /* restore verdicts; NULL or !ran: none */
} sd_html_opts;

/* Appends the page to out (caller-owned).  d and everything in o are
 * borrowed; d's lazily built pairs are expanded as the rows need them. */
void sd_report_html(sd_buf *out, const sd_diff *d, const sd_html_opts *o);

#endif
