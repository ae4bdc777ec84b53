/*
 * common.h - what every subcommand shares: loading a side (document + Go
 * view), options common to all commands, and printing errors and notes.
 * The front end is the only place that prints.
 */
#ifndef SPECDIFF_CLI_COMMON_H
#define SPECDIFF_CLI_COMMON_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "specdiff/config.h"
#include "specdiff/doc.h"
#include "specdiff/error.h"
#include "specdiff/goview.h"
#include "specdiff/session.h"

/* Options every command that reads specs accepts. */
typedef struct sd_cli_common {
	sd_load_opts load;
	sd_schema_choice schema;
	const sd_type *oci_types;  /* specs.Spec of the chosen specs-go version; NULL: the engine's */
	const char *color;       /* "auto", "always", "never" */
	bool quiet;              /* no notes on stderr */
	bool swap;               /* --swap: the two inputs exchanged (two-input commands) */
} sd_cli_common;

/* Defaults, then the configuration file's settings (command-line options
 * parsed afterwards win). */
void sd_cli_common_init(sd_cli_common *c);

/* The user's configuration file, loaded once per process; its problems are
 * printed as "specdiff: FILE:LINE: message" the first time and the program
 * goes on.  Never NULL. */
const sd_config *sd_cli_config(void);

/* getopt_long entries for the common options; long-only values start at
 * SD_OPT_COMMON_BASE.  A command appends its own entries after these. */
enum {
	SD_OPT_FORMAT_IN = 1000,
	SD_OPT_DOC,
	SD_OPT_CONTAINER,
	SD_OPT_SCHEMA,
	SD_OPT_COLOR,
	SD_OPT_NO_COLOR,
	SD_OPT_QUIET,
	SD_OPT_SWAP,
	SD_OPT_SPEC_VERSION,
	SD_OPT_COMMON_END,
};
#define SD_CLI_COMMON_LONGOPTS \
	{ "format-in", required_argument, NULL, SD_OPT_FORMAT_IN }, \
	{ "doc", required_argument, NULL, SD_OPT_DOC }, \
	{ "container", required_argument, NULL, SD_OPT_CONTAINER }, \
	{ "schema", required_argument, NULL, SD_OPT_SCHEMA }, \
	{ "color", required_argument, NULL, SD_OPT_COLOR }, \
	{ "colour", required_argument, NULL, SD_OPT_COLOR }, \
	{ "no-color", no_argument, NULL, SD_OPT_NO_COLOR }, \
	{ "quiet", no_argument, NULL, SD_OPT_QUIET }, \
	{ "swap", no_argument, NULL, SD_OPT_SWAP }, \
	{ "spec-version", required_argument, NULL, SD_OPT_SPEC_VERSION }

/* Handles one common option.  Returns 1 if handled, 0 if not a common
 * option, -1 after printing a usage error (exit 2). */
int sd_cli_common_opt(sd_cli_common *c, const char *cmd, int opt, const char *arg);
/* Exchanges *a and *b when --swap was given. */
void sd_cli_swap(const sd_cli_common *c, const char **a, const char **b);

/* The types of profile NAME's runsc (or of the runsc release tag REL) as
 * c->oci_types, for --profile/--runsc of the commands that decode once.
 * Returns 0, or prints a usage error and returns 2. */
int sd_cli_types_of_profile(sd_cli_common *c, const char *cmd, const char *name);
int sd_cli_types_of_release(sd_cli_common *c, const char *cmd, const char *release);
/* Warns on stderr (unless quiet) when release is newer than the newest
 * profile's window: specdiff answers with that profile. */
void sd_cli_warn_beyond(const sd_cli_common *c, const char *cmd, const char *release);

/* How a command reads its options with sd_cli_parse_options. */
typedef struct sd_cli_options {
	const char *cmd;                 /* "diff": names the command in messages */
	const char *help;                /* printed on standard output for -h/--help */
	const char *shortopts;           /* for getopt_long; starts with ':' */
	const struct option *longopts;   /* SD_CLI_COMMON_LONGOPTS first */
	/* One of the command's own options (never a common one, -h or a
	 * getopt error).  Returns -1 to go on, else an exit status (2 after
	 * printing a usage error). */
	int (*own)(void *args, int opt, const char *arg);
} sd_cli_options;

/* Runs getopt_long over argv from the start: common options go into
 * *common, -h prints the help and stops with 0, a missing value or an
 * unknown option is a usage error (2), and the rest go to o->own(args).
 * Returns -1 when every option was taken (operands start at optind), else
 * the exit status. */
int sd_cli_parse_options(const sd_cli_options *o, int argc, char **argv,
			 sd_cli_common *common, void *args);

/* Focus options (--ignore, --only, --restore-relevant), shared by diff,
 * normalize --like and the explorer. */
enum {
	SD_OPT_IGNORE = 1100,
	SD_OPT_ONLY,
	SD_OPT_RESTORE_RELEVANT,
};
#define SD_CLI_FOCUS_LONGOPTS \
	{ "ignore", required_argument, NULL, SD_OPT_IGNORE }, \
	{ "only", required_argument, NULL, SD_OPT_ONLY }, \
	{ "restore-relevant", optional_argument, NULL, SD_OPT_RESTORE_RELEVANT }

struct sd_focus;
/* Handles one focus option, creating *focus on first use.  Returns 1 if
 * handled, 0 if not a focus option, -1 after a usage error (exit 2). */
int sd_cli_focus_opt(struct sd_focus **focus, const char *cmd, int opt, const char *arg);
/* Adds the configuration file's ignore lines to *focus (created when there
 * are any); a bad pattern is reported as FILE:LINE and skipped. */
void sd_cli_focus_config(struct sd_focus **focus);
/* Was this pattern given by the configuration file (not worth a "matches
 * nothing" warning: a per-user list applies to every pair of files)? */
bool sd_cli_focus_from_config(const char *pattern);

/* Loads an input as sd_doc_load_input does, except that standard input
 * can be read once per process: a second "-" is an error that says so. */
sd_doc *sd_cli_load_doc(const char *spec, const sd_load_opts *load, sd_error *err);

/* One input side: its document and Go view (session.h). */
typedef sd_session_side sd_side;

/* Loads and decodes one input alone (a one-input command: the root type
 * is chosen for it alone).  Returns 0 on success (decode errors included:
 * check decode_failed), -1 when the input cannot be loaded at all. */
int sd_side_load(sd_side *s, const char *spec, const sd_cli_common *c);
void sd_side_release(sd_side *s);

/* The session options the common options say; as_given for check's flag. */
void sd_cli_session_opts(const sd_cli_common *c, bool as_given, sd_session_opts *o);
/* Opens a two-input command's session: loads both inputs (only one may be
 * '-'), prints each one's notes, and decodes the loaded ones with the
 * pair's root type.  Returns 0, or -1 when an input could not be loaded
 * (its doc is NULL and its err says why; the caller prints it and closes
 * the session). */
int sd_cli_session_open(sd_session *s, const sd_cli_common *c, bool as_given,
			const char *left, const char *right);

/* "specdiff: FILE:LINE:COL: message" on stderr. */
void sd_cli_error(const sd_error *e);
/* cmd runs as plain "specdiff LEFT RIGHT": its usage errors name no command. */
void sd_cli_as_default(const char *cmd);
/* "specdiff CMD: message" and a hint line on stderr; returns 2. */
int sd_cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Notes of a loaded document on stderr, unless quiet. */
void sd_cli_notes(const sd_doc *d, const sd_cli_common *c);
/* Whether to colour output written to f (NO_COLOR, --color, isatty). */
bool sd_cli_use_color(const sd_cli_common *c, FILE *f);
/* Writes data to path atomically (sd_write_file_atomic, write.h).
 * fsync, rename).  Refuses to replace any of the files in inputs[] unless
 * allow_input is true.  Returns 0 or -1 with *err filled. */
int sd_cli_write_file(const char *path, const void *data, size_t len,
		      const char *const *inputs, size_t ninputs, bool allow_input,
		      sd_error *err);

#endif
