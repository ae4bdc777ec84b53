/*
 * test_regressions.c - runs every fuzz target, built without libFuzzer, on
 *   - every file in tests/fuzz/regressions/<target>/ (inputs that once
 *     crashed or broke a property), and
 *   - the conformance corpus (each spec file; for fuzz_diff each left/right
 *     pair joined by a 0xff byte), so the targets' properties are checked
 *     on real specs in every `make test` and `make check`.
 * Each input runs in a child process so a crash names its input.  Run from
 * the source root (tests/run.sh does); SD_FUZZ_ROOT overrides.
 * Exit 0 when every input passed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define LLVMFuzzerTestOneInput fuzz_json_load_one
#include "fuzz_json_load.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_yaml_load_one
#include "fuzz_yaml_load.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_diff_one
#include "fuzz_diff.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_normalize_one
#include "fuzz_normalize.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_image_one
#include "fuzz_image.c"
#undef LLVMFuzzerTestOneInput
#if defined(__has_include)
#if __has_include("specdiff/explain.h")
#define HAVE_FUZZ_EXPLAIN 1
#define LLVMFuzzerTestOneInput fuzz_explain_one
#include "fuzz_explain.c"
#undef LLVMFuzzerTestOneInput
#endif
#endif
#define LLVMFuzzerTestOneInput fuzz_focus_one
#include "fuzz_focus.c"
#undef LLVMFuzzerTestOneInput

typedef int (*fuzz_fn)(const uint8_t *, size_t);

static const struct {
	const char *name;
	fuzz_fn fn;
} targets[] = {
	{ "fuzz_json_load", fuzz_json_load_one },
	{ "fuzz_yaml_load", fuzz_yaml_load_one },
	{ "fuzz_diff", fuzz_diff_one },
	{ "fuzz_normalize", fuzz_normalize_one },
	{ "fuzz_image", fuzz_image_one },
#ifdef HAVE_FUZZ_EXPLAIN
	{ "fuzz_explain", fuzz_explain_one },
#endif
	{ "fuzz_focus", fuzz_focus_one },
};

static unsigned n_run, n_failed;

static bool read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		return false;
	*data = buf;
	*len = n;
	return true;
}

/* Runs fn on the bytes in a child; reports and counts a failure. */
static void run_bytes(const char *target, fuzz_fn fn, const char *what,
		      const char *data, size_t len)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		/* a copy, so that reading past the end is caught by ASan */
		uint8_t *copy = malloc(len ? len : 1);
		if (len)
			memcpy(copy, data, len);
		fn(copy, len);
		free(copy);
		_exit(0);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	n_run++;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return;
	n_failed++;
	if (WIFSIGNALED(st))
		printf("FAIL %s %s: killed by signal %d\n", target, what, WTERMSIG(st));
	else
		printf("FAIL %s %s: exit %d\n", target, what, WEXITSTATUS(st));
}

static void run_path(const char *target, fuzz_fn fn, const char *path)
{
	char *data;
	size_t len;
	if (!read_file(path, &data, &len)) {
		printf("FAIL %s: cannot read %s\n", target, path);
		n_failed++;
		return;
	}
	run_bytes(target, fn, path, data, len);
	free(data);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted regular files in dir (names only); returns count. */
static size_t list_dir(const char *dir, char ***out, bool want_dirs)
{
	DIR *d = opendir(dir);
	size_t n = 0, cap = 0;
	char **v = NULL;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char p[4096];
		struct stat st;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		if (stat(p, &st) || (want_dirs ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)))
			continue;
		if (n == cap)
			v = realloc(v, (cap = cap ? cap * 2 : 64) * sizeof(*v));
		v[n++] = strdup(e->d_name);
	}
	if (d)
		closedir(d);
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	return n;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void run_regressions(const char *root)
{
	for (size_t t = 0; t < sizeof(targets) / sizeof(targets[0]); t++) {
		char dir[4096];
		char **files;
		snprintf(dir, sizeof(dir), "%s/tests/fuzz/regressions/%s", root, targets[t].name);
		size_t n = list_dir(dir, &files, false);
		for (size_t i = 0; i < n; i++) {
			char p[8192];
			snprintf(p, sizeof(p), "%s/%s", dir, files[i]);
			run_path(targets[t].name, targets[t].fn, p);
		}
		free_list(files, n);
	}
}

static bool find_side(const char *casedir, const char *side, char *out, size_t size)
{
	static const char *const ext[] = { "json", "yaml", "yml" };
	for (size_t i = 0; i < 3; i++) {
		snprintf(out, size, "%s/%s.%s", casedir, side, ext[i]);
		if (access(out, R_OK) == 0)
			return true;
	}
	return false;
}

static void run_corpus(const char *root)
{
	char dir[4096];
	char **cases;
	snprintf(dir, sizeof(dir), "%s/tests/conformance/cases", root);
	size_t n = list_dir(dir, &cases, true);
	for (size_t i = 0; i < n; i++) {
		char cd[8192], l[8300], r[8300];
		snprintf(cd, sizeof(cd), "%s/%s", dir, cases[i]);
		if (!find_side(cd, "left", l, sizeof(l)) || !find_side(cd, "right", r, sizeof(r)))
			continue;
		const char *sides[2] = { l, r };
		for (int s = 0; s < 2; s++) {
			bool yaml = strstr(sides[s], ".y") != NULL;
			run_path(yaml ? "fuzz_yaml_load" : "fuzz_json_load",
				 yaml ? fuzz_yaml_load_one : fuzz_json_load_one, sides[s]);
			run_path("fuzz_normalize", fuzz_normalize_one, sides[s]);
		}
		char *a = NULL, *b;
		size_t al, bl;
		/* the split is at the first 0xff: a left side holding one
		 * cannot be joined this way */
		if (read_file(l, &a, &al) && memchr(a, 0xff, al))
			free(a);
		else if (a) {
			if (read_file(r, &b, &bl)) {
				char *j = malloc(al + bl + 1);
				memcpy(j, a, al);
				j[al] = (char)0xff;
				memcpy(j + al + 1, b, bl);
				run_bytes("fuzz_diff", fuzz_diff_one, cd, j, al + 1 + bl);
				free(j);
				free(b);
			}
			free(a);
		}
	}
	free_list(cases, n);
}

int main(void)
{
	const char *root = getenv("SD_FUZZ_ROOT");
	if (!root)
		root = ".";
	run_regressions(root);
	run_corpus(root);
	printf("%u inputs, %u failed\n", n_run, n_failed);
	return n_failed ? 1 : 0;
}
