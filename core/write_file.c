/*
 * write_file.c - replacing a file so that it is never seen half written,
 * and so that what the name stood for survives: a symbolic link stays a
 * link (the file it names is rewritten), the mode is kept, and so are owner
 * and group when running as root.  Special files are refused rather than
 * replaced, except standard output itself, which is written in place.
 *
 * A temporary ".NAME.XXXXXX" next to the real file is removed on every
 * error and when SIGINT, SIGTERM or SIGHUP arrive while it exists (SIGKILL
 * cannot be caught: it may stay behind).  SIGXFSZ is ignored meanwhile, so
 * `ulimit -f` is an error message (EFBIG), not a dead process.
 */
#include "specdiff/base.h"
#include "specdiff/write.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Symbolic links followed at most (as the kernel's ELOOP limit). */
#define MAX_LINKS 40

static int write_fully(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* ---- the temporary file and the signals that may interrupt it ---- */

static char tmp_path[PATH_MAX + 16];
static volatile sig_atomic_t tmp_live;

static void on_signal(int sig)
{
	if (tmp_live)
		unlink(tmp_path);  /* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int caught[] = { SIGINT, SIGTERM, SIGHUP };
#define NCAUGHT (sizeof caught / sizeof caught[0])

typedef struct guard {
	struct sigaction old[NCAUGHT], old_xfsz;
} guard;

static void guard_on(guard *g)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	for (size_t i = 0; i < NCAUGHT; i++) {
		sigaction(caught[i], NULL, &g->old[i]);
		/* a signal the caller ignores stays ignored */
		if (g->old[i].sa_handler != SIG_IGN)
			sigaction(caught[i], &sa, NULL);
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGXFSZ, &sa, &g->old_xfsz);
}

static void guard_off(guard *g)
{
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &g->old[i], NULL);
	sigaction(SIGXFSZ, &g->old_xfsz, NULL);
}

/* ---- what the name stands for ---- */

/* Follows symbolic links from path to the name of the file they end at
 * (which need not exist yet), into real.  -1 with *err on a loop. */
static int follow_links(const char *path, sd_buf *real, int *hops, sd_error *err)
{
	sd_buf_reset(real);
	sd_buf_adds(real, path);
	for (*hops = 0;; (*hops)++) {
		struct stat st;
		if (lstat(real->data, &st) != 0 || !S_ISLNK(st.st_mode))
			return 0;
		if (*hops == MAX_LINKS) {
			sd_error_set(err, path, 0, 0, "cannot write: more than %d symbolic links "
				     "in a row (a loop?)", MAX_LINKS);
			return -1;
		}
		char to[PATH_MAX];
		ssize_t n = readlink(real->data, to, sizeof to - 1);
		if (n < 0)
			return 0;
		to[n] = '\0';
		sd_buf next = SD_BUF_INIT;
		const char *slash = strrchr(real->data, '/');
		if (to[0] != '/' && slash)
			sd_buf_add(&next, real->data, (size_t)(slash - real->data) + 1);
		sd_buf_adds(&next, to);
		sd_buf_release(real);
		*real = next;
	}
}

static const char *special_kind(mode_t m)
{
	return S_ISFIFO(m) ? "a FIFO (named pipe)" : S_ISCHR(m) ? "a character device"
	       : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "a special file";
}

static bool is_stdout(const struct stat *st)
{
	struct stat so;
	return fstat(STDOUT_FILENO, &so) == 0 && so.st_dev == st->st_dev && so.st_ino == st->st_ino;
}

/* The mode a new file gets: 0666 less the umask. */
static mode_t new_mode(void)
{
	mode_t um = umask(022);
	umask(um);
	return 0666 & ~um;
}

/* ---- writing ---- */

/* data into a new temporary next to real, then renamed over it. */
static int replace(const char *path, const char *real, const struct stat *old, const void *data,
		   size_t len, sd_error *err)
{
	const char *slash = strrchr(real, '/');
	int n = slash ? snprintf(tmp_path, sizeof tmp_path, "%.*s/.%s.XXXXXX", (int)(slash - real),
				 real, slash + 1)
		      : snprintf(tmp_path, sizeof tmp_path, ".%s.XXXXXX", real);
	if (n < 0 || (size_t)n >= sizeof tmp_path) {
		sd_error_set(err, path, 0, 0, "cannot write: the file name is too long");
		return -1;
	}
	guard g;
	guard_on(&g);
	int fd = mkstemp(tmp_path);
	if (fd < 0) {
		int e = errno;
		guard_off(&g);
		sd_error_set(err, path, 0, 0, "cannot create a temporary file next to %s: %s "
			     "(nothing was written)", real, strerror(e));
		return -1;
	}
	tmp_live = 1;
	const char *step = NULL;
	if (fchmod(fd, old ? old->st_mode & 07777 : new_mode()) != 0)
		step = "set the mode of";
	else if (old && geteuid() == 0 && fchown(fd, old->st_uid, old->st_gid) != 0)
		step = "keep the owner of";
	else if (write_fully(fd, data, len) != 0)
		step = "write";
	else if (fsync(fd) != 0)
		step = "flush";
	int saved = errno;
	if (close(fd) != 0 && !step) {
		step = "close";
		saved = errno;
	}
	if (!step && rename(tmp_path, real) != 0) {
		step = "replace";
		saved = errno;
	}
	if (step)
		unlink(tmp_path);
	tmp_live = 0;
	guard_off(&g);
	if (step) {
		sd_error_set(err, path, 0, 0, "cannot %s the file (%s): %s", step,
			     old ? "left unchanged" : "nothing was written", strerror(saved));
		return -1;
	}
	return 0;
}

/* Standard output named by path (/dev/stdout, /proc/self/fd/1, or the file
 * the shell redirected it to): written where it stands. */
static int write_stdout(const char *path, const void *data, size_t len, sd_error *err)
{
	guard g;
	guard_on(&g);
	int rc = write_fully(STDOUT_FILENO, data, len);
	int e = errno;
	guard_off(&g);
	if (rc != 0)
		sd_error_set(err, path, 0, 0, "cannot write (standard output): %s", strerror(e));
	return rc;
}

int sd_write_file(const char *path, const void *data, size_t len, sd_write_info *info,
		  sd_error *err)
{
	sd_write_info dummy;
	if (!info)
		info = &dummy;
	memset(info, 0, sizeof *info);
	if (!path || !*path) {
		sd_error_set(err, "", 0, 0, "cannot write: the file name is empty (name a file, "
			     "or leave the option out to write to standard output)");
		return -1;
	}
	sd_buf real = SD_BUF_INIT;
	int hops, rc = -1;
	struct stat st;
	/* the kernel follows the links first: /dev/stdout -> /proc/self/fd/1
	 * -> "pipe:[N]" has no name to follow by hand */
	bool exists = stat(path, &st) == 0;
	if (exists && is_stdout(&st)) {
		info->wrote_stdout = true;
		rc = write_stdout(path, data, len, err);
	} else if (exists && S_ISDIR(st.st_mode)) {
		sd_error_set(err, path, 0, 0, "cannot write: it is a directory (name a file in it)");
	} else if (exists && !S_ISREG(st.st_mode)) {
		sd_error_set(err, path, 0, 0, "refusing to write: it is %s, which would be replaced "
			     "by a regular file (write to standard output and redirect it instead)",
			     special_kind(st.st_mode));
	} else if (follow_links(path, &real, &hops, err) == 0) {
		info->followed_links = hops > 0;
		info->links = exists ? (unsigned long)st.st_nlink : 0;
		rc = replace(path, real.data, exists ? &st : NULL, data, len, err);
	}
	if (rc == 0 && info->followed_links)
		snprintf(info->real, sizeof info->real, "%s", real.data);
	sd_buf_release(&real);
	return rc;
}

int sd_write_file_atomic(const char *path, const void *data, size_t len, sd_error *err)
{
	return sd_write_file(path, data, len, NULL, err);
}
