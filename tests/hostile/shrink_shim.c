/*
 * shrink_shim.c - LD_PRELOAD helper for tests/cli/test_hostile.sh: makes
 * "the file changed while specdiff was reading it" deterministic.
 *
 * SD_SHIM_PATH names a file; SD_SHIM_MODE says what happens right after
 * the program first stats that file (by path or by descriptor), i.e.
 * between learning its size and reading it:
 *   shrink   it is truncated to SD_SHIM_SIZE bytes (default 10);
 *   vanish   it is unlinked.
 * Only the first such stat acts.  A program that never stats its input is
 * unaffected (the test then sees an ordinary valid file).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static int done;

static void act(void)
{
	const char *path = getenv("SD_SHIM_PATH"), *mode = getenv("SD_SHIM_MODE");
	if (done || !path || !mode)
		return;
	done = 1;
	if (mode[0] == 's') {
		const char *sz = getenv("SD_SHIM_SIZE");
		if (truncate(path, sz ? atol(sz) : 10) != 0)
			_exit(120);
	} else if (mode[0] == 'v') {
		if (unlink(path) != 0)
			_exit(121);
	}
}

/* Is this (dev, ino) the watched file?  Uses the real stat via syscall-free
 * fstatat from the next library to avoid recursing into ourselves. */
static int watched(const struct stat *st)
{
	static int (*real_fstatat)(int, const char *, struct stat *, int);
	const char *path = getenv("SD_SHIM_PATH");
	struct stat w;
	if (done || !path)
		return 0;
	if (!real_fstatat)
		real_fstatat = (int (*)(int, const char *, struct stat *, int))dlsym(RTLD_NEXT, "fstatat");
	if (!real_fstatat || real_fstatat(AT_FDCWD, path, &w, 0) != 0)
		return 0;
	return S_ISREG(st->st_mode) && w.st_dev == st->st_dev && w.st_ino == st->st_ino;
}

#define WRAP(name, params, args, stp, T)                                        \
	int name params                                                      \
	{                                                                    \
		static int (*real) params;                                   \
		if (!real)                                                   \
			real = (int (*) params)dlsym(RTLD_NEXT, #name);      \
		int r = real args;                                           \
		if (r == 0 && watched((const struct stat *)(const T *)(stp))) \
			act();                                               \
		return r;                                                    \
	}

/* x86-64 and other LP64 targets: struct stat64 has struct stat's layout. */
WRAP(fstat, (int fd, struct stat *st), (fd, st), st, struct stat)
WRAP(fstat64, (int fd, struct stat64 *st), (fd, st), st, struct stat64)
WRAP(stat, (const char *p, struct stat *st), (p, st), st, struct stat)
WRAP(stat64, (const char *p, struct stat64 *st), (p, st), st, struct stat64)
WRAP(lstat, (const char *p, struct stat *st), (p, st), st, struct stat)
WRAP(fstatat, (int d, const char *p, struct stat *st, int fl), (d, p, st, fl), st, struct stat)
WRAP(fstatat64, (int d, const char *p, struct stat64 *st, int fl), (d, p, st, fl), st, struct stat64)
