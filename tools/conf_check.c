/*
 * conf_check - compares `specdiff check --format json` output with the
 * corpus's verdicts (host tool for tests/conformance/test_check.sh).
 *
 *   conf_check EXPECTED.json KEY ACTUAL.json
 *
 * KEY is "gvisor" or "gvisor_roundtrip".  For every profile in
 * EXPECTED[KEY]: pass must be equal, errors equal exactly (both sorted),
 * warnings equal exactly and in order; where the profile's types cannot
 * decode a side (a "decode" entry), the actual entry must report a decode
 * failure of the same sides (left = checkpoint, right = restore).  Exit 0 when all agree, 1 on a
 * mismatch (printed), 77 when EXPECTED[KEY] is null (a decode failure:
 * nothing to compare), 2 on trouble.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int mismatches;

static void mismatch(const char *profile, const char *what, json_t *want, json_t *got)
{
	char *w = want ? json_dumps(want, JSON_ENCODE_ANY) : NULL;
	char *g = got ? json_dumps(got, JSON_ENCODE_ANY) : NULL;
	printf("  %s: %s differ\n    expected: %s\n    actual:   %s\n", profile, what,
	       w ? w : "(missing)", g ? g : "(missing)");
	free(w);
	free(g);
	mismatches++;
}

/* Which sides failed: bit 0 the checkpoint (left), bit 1 the restore. */
static int failed_sides(json_t *decode, const char *left, const char *right)
{
	if (!json_is_object(decode))
		return 0;
	json_t *l = json_object_get(decode, left), *r = json_object_get(decode, right);
	return (l && !json_is_null(l)) | ((r && !json_is_null(r)) << 1);
}

static void compare_profile(const char *name, json_t *want, json_t *got)
{
	static const char *const keys[] = { "pass", "errors", "warnings" };
	if (!json_is_object(got)) {
		mismatch(name, "profile", want, got);
		return;
	}
	json_t *wd = json_object_get(want, "decode"), *gd = json_object_get(got, "decode");
	if (failed_sides(wd, "left", "right") != failed_sides(gd, "checkpoint", "restore"))
		mismatch(name, "decode failures", wd, gd);
	for (size_t i = 0; i < 3; i++) {
		json_t *w = json_object_get(want, keys[i]), *g = json_object_get(got, keys[i]);
		if (!w || !g || !json_equal(w, g))
			mismatch(name, keys[i], w, g);
	}
}

static json_t *load(const char *path)
{
	json_error_t e;
	json_t *j = json_load_file(path, JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, &e);
	if (!j)
		fprintf(stderr, "conf_check: %s:%d:%d: %s\n", path, e.line, e.column, e.text);
	return j;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: conf_check EXPECTED.json KEY ACTUAL.json\n", stderr);
		return 2;
	}
	json_t *exp = load(argv[1]);
	if (!exp)
		return 2;
	json_t *want = json_object_get(exp, argv[2]);
	if (!want || json_is_null(want)) {
		json_decref(exp);
		return 77;
	}
	json_t *act = load(argv[3]);
	if (!act) {
		json_decref(exp);
		return 2;
	}
	json_t *profiles = json_object_get(act, "profiles");
	const char *name;
	json_t *w;
	json_object_foreach(want, name, w)
		compare_profile(name, w, json_object_get(profiles, name));
	json_decref(exp);
	json_decref(act);
	return mismatches ? 1 : 0;
}
