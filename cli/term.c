/* term.c - streams filtered for the terminal, and the end-of-command
 * check of standard output (term.h). */
#define _GNU_SOURCE
#include "term.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "specdiff/base.h"

typedef struct sink {
	int fd;
	char carry[4];    /* the start of a UTF-8 sequence the next write ends */
	size_t ncarry;
	int error;        /* errno of a failed write, 0 when none */
} sink;

static sink sinks[2];

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* How many bytes at the end of s[0..n) start a UTF-8 sequence that is not
 * complete yet (0 when none: the tail is whole or plainly invalid). */
static size_t open_tail(const unsigned char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned char c = s[n - k];
		if ((c & 0xC0) == 0x80)
			continue;
		size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
		return c >= 0xC2 && c <= 0xF4 && need > k ? k : 0;
	}
	return 0;
}

static int emit(sink *s, const char *p, size_t n)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_add_safe(&b, p, n, true);
	int rc = b.len ? write_all(s->fd, b.data, b.len) : 0;
	if (rc)
		s->error = errno;
	sd_buf_release(&b);
	return rc;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t n)
{
	sink *s = cookie;
	sd_buf all = SD_BUF_INIT;
	sd_buf_add(&all, s->carry, s->ncarry);
	sd_buf_add(&all, buf, n);
	size_t keep = open_tail((const unsigned char *)all.data, all.len);
	int rc = emit(s, all.data, all.len - keep);
	memcpy(s->carry, all.data + all.len - keep, keep);
	s->ncarry = keep;
	sd_buf_release(&all);
	return rc ? -1 : (ssize_t)n;
}

static void sink_flush_carry(sink *s)
{
	if (s->ncarry)
		emit(s, s->carry, s->ncarry);   /* never completed: shown escaped */
	s->ncarry = 0;
}

void sd_cli_safe_stream(FILE **stream)
{
	int fd = fileno(*stream);
	if (fd < 0)
		return;   /* already filtered */
	sink *s = &sinks[*stream == stderr];
	s->fd = fd;
	s->ncarry = 0;
	s->error = 0;
	fflush(*stream);
	cookie_io_functions_t io = { NULL, sink_write, NULL, NULL };
	FILE *f = fopencookie(s, "w", io);
	if (!f)
		return;
	setvbuf(f, NULL, *stream == stderr ? _IOLBF : _IOFBF, BUFSIZ);
	*stream = f;
}

int sd_cli_finish(int rc)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	for (size_t i = 0; i < 2; i++)
		sink_flush_carry(&sinks[i]);
	if (sinks[0].error) {
		bad = 1;
		e = sinks[0].error;
	}
	fflush(stderr);
	if (!bad || rc == 2)
		return bad ? 2 : rc;   /* a command ending in trouble said why */
	fprintf(stderr, "specdiff: cannot write standard output: %s\n", strerror(e));
	fflush(stderr);
	return 2;
}
