/*
 * class.c - the rows of SD_CLASSES as data, and the lookups every output
 * uses instead of switching on a class.
 */
#include <string.h>

#include "specdiff/class.h"

static const sd_class_info rows[] = {
#define SD_CLASS_ROW(e, name, rank, mu, ma, role, ansi, strict, semantic, ps, pm) \
	{ name, rank, mu, ma, ansi, { strict, semantic }, { ps, pm } },
	SD_CLASSES(SD_CLASS_ROW)
#undef SD_CLASS_ROW
};
_Static_assert(sizeof(rows) / sizeof(rows[0]) == SD_CLASS__COUNT, "one row per class");

/* report order: ranks 0..SD_CLASS__LISTED-1, each used once */
static const sd_class by_rank[] = {
#define SD_CLASS_RANKED(e, name, rank, ...) [(rank) < 0 ? SD_CLASS__LISTED : (rank)] = SD_CLASS_##e,
	SD_CLASSES(SD_CLASS_RANKED)
#undef SD_CLASS_RANKED
};
_Static_assert(sizeof(by_rank) / sizeof(by_rank[0]) == SD_CLASS__COUNT,
	       "report ranks are 0..SD_CLASS__LISTED-1 and NONE has -1");

const sd_class_info *sd_class_get(sd_class c)
{
	return &rows[(unsigned)c < SD_CLASS__COUNT ? c : SD_CLASS_NONE];
}

const char *sd_class_name(sd_class c)
{
	return (unsigned)c < SD_CLASS__COUNT ? rows[c].name : "?";
}

bool sd_class_parse(const char *s, sd_class *out)
{
	for (int c = 0; c < SD_CLASS__COUNT; c++)
		if (!strcmp(s, rows[c].name)) {
			*out = (sd_class)c;
			return true;
		}
	return false;
}

const char *sd_mode_name(sd_mode m)
{
	return m == SD_MODE_SEMANTIC ? "semantic" : "strict";
}

bool sd_class_counts(sd_class c, sd_mode m)
{
	return sd_class_get(c)->counts[m == SD_MODE_SEMANTIC];
}

sd_class sd_class_in_report_order(size_t k)
{
	return k < SD_CLASS__LISTED ? by_rank[k] : SD_CLASS_NONE;
}
