/* diff_html.c - "specdiff diff --format html": the page (report_html.h)
 * with the active theme and the restore checks of the two sides. */
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "common.h"
#include "specdiff/checks.h"
#include "specdiff/report_html.h"

/* The explorer's theme: $SPECDIFF_THEME, else the configuration file's
 * "set theme", else the default.  A broken theme falls back with a note. */
static void active_theme(sd_theme *t)
{
	const char *name = getenv("SPECDIFF_THEME");
	if (!name || !*name)
		name = sd_cli_config()->theme.value;
	char err[600];
	if (name && sd_theme_load(t, name, err, sizeof(err)))
		fprintf(stderr, "specdiff: %s (the page uses the default theme)\n", err);
	else if (!name)
		sd_theme_default(t);
}

void sd_cli_diff_html(sd_buf *out, const sd_diff *d, sd_mode mode, const char *const name[2],
		      const char *const err[2], sd_session *s)
{
	sd_theme theme;
	active_theme(&theme);
	sd_checks none = { 0 };
	const sd_checks *checks = d ? sd_session_checks(s) : &none;
	sd_html_opts o = { mode, name[0], name[1], err[0], err[1], &theme, checks };
	sd_report_html(out, d, &o);
}
