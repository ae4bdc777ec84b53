/*
 * config.h - the user's configuration file, parsed into data.
 *
 * Where: $SPECDIFF_CONFIG if set (an empty value means "no file"), else
 * $XDG_CONFIG_HOME/specdiff/config, else ~/.config/specdiff/config.  A
 * missing default file is not an error; a missing $SPECDIFF_CONFIG is.
 *
 * Syntax, one command a line (tig-like); '#' starts a comment at the start
 * of a line or as a word of its own after a command's arguments:
 *
 *     set mode = semantic          strict | semantic
 *     set theme = light            a theme name (themes/NAME.theme)
 *     set color = never            auto | always | never ("colour" too)
 *     set profile = gvisor-2025    all, or NAME[,NAME...] of check's profiles
 *     bind ]d next-diff            KEY ACTION: explorer key remapping
 *     ignore /process/env          JSON Pointer pattern for "focus" (stored)
 *
 * A bad line is recorded as an error ("FILE:LINE: message") and parsing goes
 * on; the settings of good lines still apply, a later "set" wins.  KEY and
 * ACTION are checked only for shape here (the explorer's keymap knows the
 * names; core knows nothing of the explorer): KEY is one or two printable
 * characters or <Name>, ACTION is lowercase letters and '-'.
 *
 * Ownership: sd_config owns every string and array in it; sd_config_release
 * frees them all and leaves an initialized, empty config.  Nothing here
 * prints.
 */
#ifndef SPECDIFF_CONFIG_H
#define SPECDIFF_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/error.h"

/* A setting's value and the line that set it (0: not set). */
typedef struct sd_config_value {
	char *value;            /* NULL when not set */
	unsigned line;
} sd_config_value;

typedef struct sd_config_bind {
	char *key;              /* "j", "]c", "<C-d>" as written */
	char *action;           /* "next-diff" as written */
	unsigned line;
} sd_config_bind;

typedef struct sd_config_ignore {
	char *pattern;          /* "/process/env", as written */
	unsigned line;
} sd_config_ignore;

/* At most this many errors are kept; the last one then says so. */
#define SD_CONFIG_MAX_ERRORS 50
/* Files larger than this are refused (a config is a few lines). */
#define SD_CONFIG_MAX_SIZE (1u << 20)

typedef struct sd_config {
	char *path;             /* the file read, NULL when none was */
	sd_config_value mode;   /* "strict" | "semantic" */
	sd_config_value theme;  /* theme name, validated as a file name */
	sd_config_value color;  /* "auto" | "always" | "never" */
	sd_config_value profile;/* "all" or known profile names joined by ',' */
	sd_config_bind *binds;  /* in file order; later binds override earlier */
	size_t nbinds;
	sd_config_ignore *ignores;
	size_t nignores;
	sd_error *errors;       /* file, line and msg filled; col is 0 */
	size_t nerrors;
} sd_config;

void sd_config_init(sd_config *c);
void sd_config_release(sd_config *c);

/*
 * Parses text (len bytes, may lack a final newline) as if read from file,
 * adding to *c (settings overwrite, lists grow).  Returns the number of
 * errors this call added.
 */
size_t sd_config_parse(sd_config *c, const char *file, const char *text, size_t len);

/*
 * The path to read, from the three variables' values (any may be NULL):
 * SPECDIFF_CONFIG, XDG_CONFIG_HOME, HOME.  Returns a string the caller
 * frees, or NULL when there is no file to read (SPECDIFF_CONFIG empty, or
 * no XDG_CONFIG_HOME and no HOME).  *explicit_path is set when the path
 * came from SPECDIFF_CONFIG (its absence is then an error).
 */
char *sd_config_path(const char *specdiff_config, const char *xdg_config_home,
		     const char *home, bool *explicit_path);

/*
 * Reads and parses path into *c.  A missing file is an error only when
 * must_exist.  Returns the number of errors added (0: fine or no file).
 */
size_t sd_config_load_file(sd_config *c, const char *path, bool must_exist);

/* sd_config_path from the environment, then sd_config_load_file. */
size_t sd_config_load(sd_config *c);

#endif
