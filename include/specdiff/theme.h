/*
 * theme.h - colour roles and theme files, for the explorer and the HTML
 * page (report_html.h).  No ncurses: colours are numbers.
 *
 * Every role is declared once in SD_ROLES with its monochrome attributes,
 * used when the terminal has no colours or colour is turned off.  A theme
 * is text, one setting a line (tig-like):
 *
 *     # comment
 *     color ROLE FG BG [ATTR...]
 *
 * FG/BG: default, black, red, green, yellow, blue, magenta, cyan, white,
 * bright-NAME, or a number 0..255 (mapped to the nearest of 8 colours on
 * an 8-colour terminal).  ATTR: normal bold dim reverse underline
 * standout italic.  The built-in default theme is this same text compiled
 * in (sd_theme_builtin_default) and goes through the same parser.
 *
 * Parsing knows nothing of ncurses: sd_theme holds numbers; tui/draw code
 * turns them into colour pairs.
 */
#ifndef SPECDIFF_THEME_H
#define SPECDIFF_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/class.h"

/* X(ENUM, name, mono attributes as SD_A_* bits) */
#define SD_ROLES(X) \
	X(TEXT, "text", 0) \
	X(TITLE, "title", SD_A_REVERSE | SD_A_BOLD) \
	X(STATUS, "status", SD_A_REVERSE) \
	X(MESSAGE, "message", SD_A_BOLD) \
	X(ERROR, "error", SD_A_BOLD | SD_A_REVERSE) \
	X(CURSOR, "cursor", SD_A_REVERSE) \
	X(CURSOR_OTHER, "cursor-other", SD_A_UNDERLINE) \
	X(FILLER, "filler", SD_A_DIM) \
	X(FOLDED, "folded", SD_A_DIM) \
	X(KEY, "key", 0) \
	X(STRING, "string", 0) \
	X(NUMBER, "number", 0) \
	X(LITERAL, "literal", 0) \
	X(SEPARATOR, "separator", 0) \
	X(COSMETIC, "cosmetic", SD_A_DIM) \
	X(NIL_VS_EMPTY, "nil-vs-empty", SD_A_BOLD) \
	X(ORDER_ONLY, "order-only", SD_A_UNDERLINE) \
	X(VALUE, "value", SD_A_BOLD | SD_A_STANDOUT) \
	X(IGNORED, "ignored", SD_A_DIM) \
	X(RESTORE_MARK, "restore-mark", SD_A_BOLD | SD_A_REVERSE) \
	X(SEARCH, "search", SD_A_UNDERLINE | SD_A_BOLD) \
	X(PANEL, "panel", 0) \
	X(PANEL_TITLE, "panel-title", SD_A_BOLD | SD_A_UNDERLINE) \
	X(PANEL_LABEL, "panel-label", SD_A_BOLD) \
	X(HELP, "help", 0) \
	X(HELP_KEY, "help-key", SD_A_BOLD) \
	X(VERDICT_FAIL, "verdict-fail", SD_A_BOLD) \
	X(VERDICT_PASS, "verdict-pass", 0)

enum {
	SD_A_BOLD = 1 << 0,
	SD_A_DIM = 1 << 1,
	SD_A_REVERSE = 1 << 2,
	SD_A_UNDERLINE = 1 << 3,
	SD_A_STANDOUT = 1 << 4,
	SD_A_ITALIC = 1 << 5,
};

typedef enum sd_role {
#define SD_ROLE_ENUM(e, name, mono) SD_ROLE_##e,
	SD_ROLES(SD_ROLE_ENUM)
#undef SD_ROLE_ENUM
	SD_ROLE__COUNT
} sd_role;

#define SD_COLOR_DEFAULT (-1)

typedef struct sd_style {
	short fg, bg;        /* SD_COLOR_DEFAULT or 0..255 */
	unsigned attrs;      /* SD_A_* */
	bool set;            /* the theme named this role */
} sd_style;

typedef struct sd_theme {
	char name[64];
	sd_style roles[SD_ROLE__COUNT];
} sd_theme;

const char *sd_role_name(sd_role r);
/* The colour role of a class, from its row of SD_CLASSES (class.h). */
sd_role sd_class_role(sd_class c);
unsigned sd_role_mono(sd_role r);

/* The compiled-in default theme text (identical to themes/default.theme). */
extern const char sd_theme_builtin_default[];

/*
 * Parses theme text into *t (roles not named keep TEXT's colours and their
 * mono attributes).  file names the source in messages.  Returns 0, or -1
 * with "file:line: message" in err; the theme is then the built-in default.
 */
int sd_theme_parse(sd_theme *t, const char *name, const char *file,
		   const char *text, char *err, size_t errsize);
/* The built-in default, through the same parser. */
void sd_theme_default(sd_theme *t);

/*
 * Theme search path, in order: $XDG_CONFIG_HOME/specdiff/themes (or
 * ~/.config/specdiff/themes), themes/ next to the running binary and one
 * directory up (an uninstalled build, build-san/specdiff), and
 * SPECDIFF_DATADIR/themes.  sd_theme_load finds NAME.theme there ("default"
 * falls back to the built-in).  Returns 0 or -1 with err filled and *t the
 * built-in default.
 */
int sd_theme_load(sd_theme *t, const char *name, char *err, size_t errsize);
/* Sorted, de-duplicated theme names found on the search path, "default"
 * first.  Caller frees each name and the array. */
char **sd_theme_list(size_t *n);

/* Nearest of the 8 basic colours for a 256-colour number. */
short sd_color_to8(short c);
/* xterm's RGB value (0xRRGGBB) of colour c, 0..255; 0 for others. */
unsigned long sd_color_rgb(short c);

/*
 * Directories where specdiff's data files live, most specific first:
 * with user, $XDG_CONFIG_HOME/specdiff/SUB (or ~/.config/specdiff/SUB);
 * then SUB next to the running binary and one directory up (an
 * uninstalled build, build-san/specdiff); then SPECDIFF_DATADIR/SUB.
 * Fills dirs (caller-owned) and returns how many.
 */
#define SD_DATA_DIRS_MAX 4
size_t sd_data_dirs(const char *sub, bool user, char dirs[SD_DATA_DIRS_MAX][1024]);

#endif
