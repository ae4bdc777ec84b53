/* error.c - positioned error values. */
#include "specdiff/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sd_error_clear(sd_error *e)
{
	memset(e, 0, sizeof(*e));
}

void sd_error_set(sd_error *e, const char *file, unsigned line, unsigned col,
		  const char *fmt, ...)
{
	if (!e)
		return;
	snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	e->line = line;
	e->col = col;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
}

void sd_error_format(const sd_error *e, char *out, size_t size)
{
	if (!e->file[0])
		snprintf(out, size, "%s", e->msg);
	else if (e->line && e->col)
		snprintf(out, size, "%s:%u:%u: %s", e->file, e->line, e->col, e->msg);
	else if (e->line)
		snprintf(out, size, "%s:%u: %s", e->file, e->line, e->msg);
	else
		snprintf(out, size, "%s: %s", e->file, e->msg);
}
