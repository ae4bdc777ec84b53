/*
 * trunc_run.c - the truncation part of tests/cli/test_hostile.sh, in C
 * because thousands of runs through the shell (head, timeout, grep per
 * offset) take minutes; here each offset costs one fork+exec.
 *
 *   trunc_run SPECDIFF SRC OUT OK STRIDE TIMEOUT_S MEM_KB
 *
 * For k = 0, STRIDE, 2*STRIDE ... < size(SRC): writes the first k bytes of
 * SRC to OUT and runs `SPECDIFF diff --quiet OUT OK` with an address-space
 * limit (MEM_KB, 0 = none) and an alarm (TIMEOUT_S; the alarm survives
 * exec, so a run that hangs dies by SIGALRM).  A run passes when it exits
 * 0 or 1, or exits 2 with a first stderr line
 * "specdiff: OUT:LINE:COL: ..." whose LINE is at most the prefix's line
 * count + 1 (k = 0, the empty file, needs only "specdiff: OUT").  Prints
 * the first failures and a count; exits 1 if any run failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *b = malloc(cap);
	while ((got = fread(b + n, 1, cap - n, f)) > 0)
		if ((n += got) == cap)
			b = realloc(b, cap *= 2);
	fclose(f);
	*len = n;
	return b;
}

static int write_prefix(const char *out, const char *src, size_t k)
{
	FILE *f = fopen(out, "wb");
	if (!f || (k && fwrite(src, 1, k, f) != k) || fclose(f))
		return -1;
	return 0;
}

/* Runs specdiff; returns the wait status, stderr's first line in line. */
static int run(char **argv, long timeout, long mem_kb, const char *errpath,
	       char *line, size_t size)
{
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY), e = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		dup2(null, 1);
		dup2(e, 2);
		if (mem_kb > 0) {
			struct rlimit rl = { (rlim_t)mem_kb * 1024, (rlim_t)mem_kb * 1024 };
			setrlimit(RLIMIT_AS, &rl);
		}
		alarm((unsigned)timeout);
		execv(argv[0], argv);
		_exit(127);
	}
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	line[0] = '\0';
	FILE *f = fopen(errpath, "r");
	if (f) {
		if (!fgets(line, (int)size, f))
			line[0] = '\0';
		fclose(f);
	}
	return st;
}

static int check(int st, const char *line, const char *out, size_t k, unsigned lines)
{
	if (WIFSIGNALED(st))
		return 0;
	int rc = WEXITSTATUS(st);
	if (rc == 0 || rc == 1)
		return 1;
	if (rc != 2)
		return 0;
	char want[4200];
	snprintf(want, sizeof(want), "specdiff: %s", out);
	size_t wl = strlen(want);
	if (strncmp(line, want, wl) != 0)
		return 0;
	if (k == 0)
		return 1;
	unsigned l, c;
	char colon;
	if (sscanf(line + wl, ":%u:%u%c", &l, &c, &colon) != 3 || colon != ':')
		return 0;
	return l >= 1 && c >= 1 && l <= lines + 1;
}

int main(int argc, char **argv)
{
	if (argc != 8) {
		fprintf(stderr, "usage: trunc_run SPECDIFF SRC OUT OK STRIDE TIMEOUT MEM_KB\n");
		return 2;
	}
	size_t len, stride = strtoul(argv[5], NULL, 10);
	long timeout = atol(argv[6]), mem_kb = atol(argv[7]);
	char *src = slurp(argv[2], &len);
	if (!src || !stride) {
		fprintf(stderr, "trunc_run: cannot read %s\n", argv[2]);
		return 2;
	}
	char errpath[4200], line[4200];
	snprintf(errpath, sizeof(errpath), "%s.stderr", argv[3]);
	char *cmd[] = { argv[1], "diff", "--quiet", argv[3], argv[4], NULL };
	unsigned failed = 0, runs = 0, lines = 0;
	size_t counted = 0;
	for (size_t k = 0; k < len; k += stride) {
		for (; counted < k; counted++)
			lines += src[counted] == '\n';
		if (write_prefix(argv[3], src, k)) {
			perror(argv[3]);
			return 2;
		}
		int st = run(cmd, timeout, mem_kb, errpath, line, sizeof(line));
		runs++;
		if (check(st, line, argv[3], k, lines))
			continue;
		if (++failed <= 5) {
			printf("FAIL: %s truncated to %zu bytes: ", argv[2], k);
			if (WIFSIGNALED(st))
				printf("killed by signal %d%s\n", WTERMSIG(st),
				       WTERMSIG(st) == SIGALRM ? " (timeout)" : "");
			else
				printf("exit %d, stderr: %s", WEXITSTATUS(st), line[0] ? line : "(empty)\n");
		}
	}
	printf("%u truncations run, %u failed\n", runs, failed);
	free(src);
	unlink(errpath);
	return failed ? 1 : 0;
}
