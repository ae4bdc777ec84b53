/*
 * error.h - errors are values.
 *
 * Library code fills a caller-owned sd_error and returns a failure value;
 * only the front end (cli/, tui/) prints, as "specdiff: FILE:LINE:COL: msg"
 * (sd_error_format).  line and col count from 1; 0 means "no position".
 */
#ifndef SPECDIFF_ERROR_H
#define SPECDIFF_ERROR_H

#include <stddef.h>

typedef struct sd_error {
	char file[512];
	unsigned line, col;
	char msg[1024];
} sd_error;

void sd_error_clear(sd_error *e);
void sd_error_set(sd_error *e, const char *file, unsigned line, unsigned col,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* "FILE:LINE:COL: msg", "FILE: msg" without a position, "msg" without a file. */
void sd_error_format(const sd_error *e, char *out, size_t size);

#endif
