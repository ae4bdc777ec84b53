/* signal_shim.c - LD_PRELOAD shim for tests/cli/test_write_targets.sh: the
 * signal named by SD_SHIM_SIGNAL arrives inside the first fsync(2), the
 * moment a writer's temporary file exists but has not replaced the target.
 * Deterministic, unlike sending a signal from outside at some time. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>

int fsync(int fd)
{
	static int (*real)(int);
	const char *sig = getenv("SD_SHIM_SIGNAL");
	if (sig && *sig)
		raise(atoi(sig));
	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	return real(fd);
}
