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
	/* the arguments may point into *e (a message wrapped in context):
	 * format both apart, then copy */
	char f[sizeof(e->file)], m[sizeof(e->msg)];
	snprintf(f, sizeof(f), "%s", file ? file : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	memcpy(e->file, f, sizeof(f));
	memcpy(e->msg, m, sizeof(m));
	e->line = line;
	e->col = col;
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
