/*
 * checks.h - the restore-check verdict the explorer and the HTML page
 * show: every gVisor profile run once on the two Go views (gvisor.h), every
 * finding (runsc's first error, warnings, and what it would report next)
 * kept with the JSON paths its field covers.  No ncurses here.
 *
 * An sd_checks owns its strings; sd_checks_release() frees them.
 */
#ifndef SPECDIFF_CHECKS_H
#define SPECDIFF_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/doc.h"
#include "specdiff/goview.h"
#include "specdiff/gvisor.h"
#include "specdiff/util.h"

/* One finding of a profile: core's field, never parsed from the text. */
typedef struct sd_check_error {
	char *text;                 /* runsc's exact message */
	char field[64];             /* "Sysctl" */
	const char *const *paths;   /* static (explain.h's field table); NULL when unknown */
	bool warning;               /* runsc only logs it */
	bool next;                  /* past runsc's first error: met once that is fixed */
} sd_check_error;

typedef struct sd_profile_verdict {
	const sd_profile *profile;
	bool pass;
	sd_check_error *errors;     /* every finding: first errors, warnings, then next */
	size_t nerrors;
	size_t nfirst;              /* errors[0 .. nfirst) are what runsc reports */
} sd_profile_verdict;

typedef struct sd_checks {
	bool ran;                   /* false when the views are not OCI specs */
	bool roundtrip;             /* the checkpoint went through runsc's JSON round trip */
	sd_profile_verdict *v;
	size_t n;
} sd_checks;

/*
 * Runs every profile on the two documents, each decoded with the types of
 * that profile's runsc (gvisor.h's sd_gvisor_pair).  view holds the two
 * documents' views when the caller has them (NULL when not): the profiles
 * built with their types use them rather than decode again.  With
 * roundtrip the checkpoint side first goes through the JSON round trip
 * runsc applies to an ordinary spec file, as "specdiff check" does.
 * container is the name runsc's messages give (sd_session_container).  The
 * caller runs it only on a pair decoded as two OCI specs; the documents
 * and views are only read.
 */
void sd_checks_run(sd_checks *c, const sd_doc *checkpoint, const sd_doc *restore,
		   const sd_goview *const view[2], bool roundtrip, const char *container);
void sd_checks_release(sd_checks *c);

/* One line: "gvisor-2024: FAIL Sysctl · gvisor-20241210+: pass" (runs of
 * profiles with the same outcome are merged). */
void sd_checks_summary(const sd_checks *c, sd_buf *out);

/* Does an error's field cover the JSON Pointer path (the path is at, under
 * or above one of the field's paths)? */
bool sd_check_error_covers(const sd_check_error *e, const char *path);

/*
 * Does a row at path point at a finding (a failing profile's error or
 * next error, or any profile's warning): the finding's field
 * is at the row, or the row is under it and shows a difference (differs),
 * or the row is folded and holds the field?  Open rows above the field and
 * unchanged rows under it are not marked: the marks lead to the nodes.
 */
bool sd_checks_mark_row(const sd_checks *c, const char *path, bool folded, bool differs);

#endif
