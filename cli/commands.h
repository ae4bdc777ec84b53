/*
 * commands.h - the subcommands of the specdiff binary.  Each takes the
 * arguments after its name (argv[0] is the command name) and returns the
 * process exit status: 0 equal/pass, 1 different/fail, 2 trouble.
 */
#ifndef SPECDIFF_CLI_COMMANDS_H
#define SPECDIFF_CLI_COMMANDS_H

int sd_cmd_diff(int argc, char **argv);
int sd_cmd_check(int argc, char **argv);
int sd_cmd_explain(int argc, char **argv);
/* explain --go (cmd_explain_go.c): sd_cmd_explain hands over when
 * sd_explain_go_wanted(argc, argv). */
#include <stdbool.h>
bool sd_explain_go_wanted(int argc, char **argv);
int sd_cmd_explain_go(int argc, char **argv);
int sd_cmd_normalize(int argc, char **argv);
int sd_cmd_tour(int argc, char **argv);

/* diff_html.c: diff --format html's page, appended to out.  d may be NULL
 * (a side could not be loaded); name and err as in sd_report_opts. */
#include "common.h"
#include "specdiff/diff.h"
#include "specdiff/util.h"
void sd_cli_diff_html(sd_buf *out, const sd_diff *d, sd_mode mode, const char *const name[2],
		      const char *const err[2], sd_session *s);

#endif
