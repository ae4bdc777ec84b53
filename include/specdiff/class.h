/*
 * class.h - the difference classes, declared once (DESIGN section 5).
 *
 * Every fact about a class lives in one row of SD_CLASSES: its name, its
 * place in reports, its gutter marks, its colour role, whether it makes
 * the documents unequal in each mode and what the panel says about it.
 * Enum order is severity order (a folded row shows its highest class), so
 * a new class goes where its severity puts it.  Adding a class is one row
 * here plus its `color NAME ...` line in the themes; every table sized by
 * the class count is checked by a _Static_assert against SD_CLASS__COUNT.
 *
 * Everything here is static data: no function allocates or keeps state.
 */
#ifndef SPECDIFF_CLASS_H
#define SPECDIFF_CLASS_H

#include <stdbool.h>
#include <stddef.h>

/* X(ENUM, name, report rank (0 first; -1 never listed), UTF-8 gutter mark,
 *   ASCII gutter mark, colour role (theme.h SD_ROLE_ suffix), ANSI colour
 *   of the text report, counts in strict, counts in semantic,
 *   panel sentence in strict mode, panel sentence in semantic mode) */
#define SD_CLASSES(X) \
	X(NONE, "none", -1, " ", " ", TEXT, "", false, false, NULL, NULL) \
	X(COSMETIC, "cosmetic", 3, "~", "~", COSMETIC, "\033[2m", false, false, \
	  "never makes the specs unequal", "never makes the specs unequal") \
	X(NIL_VS_EMPTY, "nil-vs-empty", 1, "\u2205", "0", NIL_VS_EMPTY, "\033[1;33m", true, false, \
	  "unequal in strict mode (reflect.DeepEqual), equal in semantic", \
	  "equal in semantic mode, unequal in strict (reflect.DeepEqual)") \
	X(ORDER_ONLY, "order-only", 2, "\u2195", "%", ORDER_ONLY, "\033[1;36m", true, false, \
	  "unequal in strict mode (reflect.DeepEqual), equal in semantic", \
	  "equal in semantic mode, unequal in strict (reflect.DeepEqual)") \
	X(VALUE, "value", 0, "!", "!", VALUE, "\033[1;31m", true, true, \
	  "unequal in both modes", "unequal in both modes")

typedef enum sd_class {
#define SD_CLASS_ENUM(e, ...) SD_CLASS_##e,
	SD_CLASSES(SD_CLASS_ENUM)
#undef SD_CLASS_ENUM
	SD_CLASS__COUNT
} sd_class;

/* Classes that can be listed: every class but NONE. */
#define SD_CLASS__LISTED (SD_CLASS__COUNT - 1)

typedef enum sd_mode { SD_MODE_STRICT, SD_MODE_SEMANTIC } sd_mode;

/* One class's row of SD_CLASSES (static storage). */
typedef struct sd_class_info {
	const char *name;
	int rank;
	const char *mark_utf8, *mark_ascii;
	const char *ansi;
	bool counts[2];             /* indexed by sd_mode */
	const char *panel[2];       /* indexed by sd_mode */
} sd_class_info;

/* The row of c; the NONE row for an out-of-range value. */
const sd_class_info *sd_class_get(sd_class c);
const char *sd_class_name(sd_class c);          /* "nil-vs-empty" ... */
bool sd_class_parse(const char *s, sd_class *out);
const char *sd_mode_name(sd_mode m);             /* "strict" / "semantic" */
/* Does a difference of this class make the documents unequal in mode m? */
bool sd_class_counts(sd_class c, sd_mode m);
/* The class listed k-th (0 <= k < SD_CLASS__LISTED) in reports and
 * summaries: value, nil-vs-empty, order-only, cosmetic. */
sd_class sd_class_in_report_order(size_t k);

#endif
