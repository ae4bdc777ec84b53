/*
 * bench_time.c - runs a command several times and reports its wall time and
 * peak resident set size (no dependency on GNU time).
 *
 *   bench_time [-n RUNS] [-r] [-o OUT] [-e ERR] -- COMMAND [ARG...]
 *
 * Wall time is measured with CLOCK_MONOTONIC around fork/exec/wait4; peak
 * RSS is wait4's ru_maxrss (KiB), which on Linux is the largest of the child
 * and the descendants it waited for, so "sh -c 'a; b'" reports the bigger of
 * a and b.  The command's standard output and error go to /dev/null unless
 * -o / -e name a file (appended to, so every run's output is kept).
 *
 * Output: by default one summary line
 *   median 0.012345 s  min 0.012000 s  max 0.013000 s  rss 4096 KiB  exit 0
 * (the largest peak RSS of all runs, the exit status of the last); with -r one line per run,
 *   SECONDS RSS_KIB EXIT
 * for scripts.  EXIT is the status, or 128+N when killed by signal N, or 127
 * when the command could not be started.  bench_time itself exits 0 unless
 * its own arguments are wrong (2).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct sample {
	double seconds;
	long rss_kib;
	int exit;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void redirect(int fd, const char *path)
{
	int flags = path ? O_WRONLY | O_CREAT | O_APPEND : O_WRONLY;
	int to = open(path ? path : "/dev/null", flags, 0644);
	if (to < 0 || dup2(to, fd) < 0)
		_exit(127);
	close(to);
}

static struct sample run_once(char **cmd, const char *out, const char *err)
{
	struct sample s = { 0, 0, 127 };
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench_time: fork");
		return s;
	}
	if (pid == 0) {
		redirect(STDOUT_FILENO, out);
		redirect(STDERR_FILENO, err);
		execvp(cmd[0], cmd);
		_exit(127);
	}
	int status = 0;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("bench_time: wait4");
			return s;
		}
	s.seconds = now() - t0;
	s.rss_kib = ru.ru_maxrss;
	s.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return s;
}

static int by_seconds(const void *a, const void *b)
{
	double x = ((const struct sample *)a)->seconds, y = ((const struct sample *)b)->seconds;
	return (x > y) - (x < y);
}

static double median(struct sample *s, int n)
{
	qsort(s, (size_t)n, sizeof *s, by_seconds);
	return n % 2 ? s[n / 2].seconds : (s[n / 2 - 1].seconds + s[n / 2].seconds) / 2;
}

static int usage(void)
{
	fputs("usage: bench_time [-n RUNS] [-r] [-o OUT] [-e ERR] -- COMMAND [ARG...]\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	int runs = 5;
	bool raw = false;
	const char *out = NULL, *err = NULL;
	int i = 1;
	for (; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "-r"))
			raw = true;
		else if (!strcmp(argv[i], "-n") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "-e") && i + 1 < argc)
			err = argv[++i];
		else
			return usage();
	}
	if (i + 1 >= argc || runs < 1)
		return usage();
	struct sample *s = calloc((size_t)runs, sizeof *s);
	if (!s) {
		perror("bench_time");
		return 2;
	}
	for (int r = 0; r < runs; r++) {
		s[r] = run_once(argv + i + 1, out, err);
		if (raw)
			printf("%.6f %ld %d\n", s[r].seconds, s[r].rss_kib, s[r].exit);
	}
	if (!raw) {
		int last_exit = s[runs - 1].exit;
		long rss = 0;
		for (int r = 0; r < runs; r++)
			rss = s[r].rss_kib > rss ? s[r].rss_kib : rss;
		double med = median(s, runs);
		printf("median %.6f s  min %.6f s  max %.6f s  rss %ld KiB  exit %d\n", med,
		       s[0].seconds, s[runs - 1].seconds, rss, last_exit);
	}
	free(s);
	return 0;
}
