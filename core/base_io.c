/* base_io.c - reading a whole file with a bound on its size. */
#include "specdiff/base.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int sd_read_fd(int fd, size_t max, sd_buf *out)
{
	size_t got = 0;
	for (;;) {
		/* room already there first (a caller that knows the size made
		 * it), so a file of known size is read without a copy */
		size_t room = out->cap > out->len + 1 ? out->cap - out->len - 1 : 0;
		if (!room) {
			sd_buf_grow(out, 65536);
			room = out->cap - out->len - 1;
		}
		/* at most one byte more than max, to tell "exactly max" from "more" */
		size_t want = max - got < room ? max - got + 1 : room;
		ssize_t r = read(fd, out->data + out->len, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return 0;
		out->len += (size_t)r;
		out->data[out->len] = '\0';
		got += (size_t)r;
		if (got > max) {
			errno = EFBIG;
			return -1;
		}
	}
}

int sd_read_file(const char *path, size_t max, sd_buf *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = -1, e = 0;
	if (fstat(fd, &st) != 0) {
		e = errno;
	} else if (S_ISDIR(st.st_mode)) {
		e = EISDIR;
	} else {
		/* O_NONBLOCK kept a FIFO with no writer from blocking the open;
		 * reading then waits as a plain open would */
		int fl = fcntl(fd, F_GETFL);
		if (fl >= 0)
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
		rc = sd_read_fd(fd, max, out);
		e = errno;
	}
	close(fd);
	errno = e;
	return rc;
}
