/* advice.c - suggested commands from the real inputs; the order warning. */
#include "advice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/diff.h"
#include "specdiff/gvisor.h"

#define ORDER_WARN_MAX 3 /* paths named before "and N more" */

const char *sd_advice_did_you_mean(const char *arg)
{
	static const char *const table[][2] = {
		{ "--semantic", "--mode semantic" }, { "--strict", "--mode strict" },
		{ "--json", "--format json" },       { "--patch", "--format patch" },
		{ "--text", "--format text" },       { "--yaml", "--to yaml or --format-in yaml" },
		{ "--all", "--profile all" },        { "--no-colour", "--no-color" },
		{ "--inplace", "--in-place" },       { "--roundtrip-like", "--like-roundtrip" },
	};
	size_t n = strcspn(arg, "=");
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strlen(table[i][0]) == n && !strncmp(arg, table[i][0], n))
			return table[i][1];
	return NULL;
}

int sd_advice_unknown_option(const char *cmd, const char *arg)
{
	const char *hint = sd_advice_did_you_mean(arg);
	if (hint)
		return sd_cli_usage(cmd, "unknown option '%s' (did you mean %s?)", arg, hint);
	return sd_cli_usage(cmd, "unknown option '%s'", arg);
}

void sd_advice_quote(sd_buf *b, const char *s)
{
	static const char plain[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				    "0123456789_./-+:=,@%";
	if (*s && s[strspn(s, plain)] == '\0') {
		sd_buf_adds(b, s);
		return;
	}
	sd_buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sd_buf_adds(b, "'\\''");
		else
			sd_buf_addc(b, *s);
	}
	sd_buf_addc(b, '\'');
}

char *sd_advice_fixed_name(const char *restore)
{
	sd_buf b = SD_BUF_INIT;
	if (!strcmp(restore, "-"))
		restore = "restore.json";
	/* "PATH#/pointer": the fix is a file of its own */
	size_t n = strcspn(restore, "#");
	const char *base = restore, *dot = NULL;
	for (const char *p = restore; p < restore + n; p++)
		if (*p == '/')
			base = p + 1;
	for (const char *p = base + 1; p < restore + n; p++)
		if (*p == '.')
			dot = p;
	if (!dot)
		dot = restore + n;
	sd_buf_add(&b, restore, (size_t)(dot - restore));
	sd_buf_adds(&b, ".fixed");
	sd_buf_add(&b, dot, (size_t)(restore + n - dot));
	return sd_buf_detach(&b, NULL);
}

void sd_advice_fix_command(sd_buf *b, const sd_side *ck, const char *restore)
{
	char *fixed = sd_advice_fixed_name(restore);
	sd_buf_adds(b, "specdiff normalize ");
	if (!sd_doc_container(ck->doc))
		sd_buf_adds(b, "--like-roundtrip ");
	sd_buf_adds(b, "--like ");
	sd_advice_quote(b, ck->input);
	sd_buf_addc(b, ' ');
	sd_advice_quote(b, restore);
	sd_buf_adds(b, " -o ");
	sd_advice_quote(b, fixed);
	free(fixed);
}

void sd_advice_check_command(sd_buf *b, const sd_side *ck, const char *restore,
			     const char *container)
{
	char *fixed = sd_advice_fixed_name(restore);
	sd_buf_adds(b, "specdiff check ");
	if (container) {
		sd_buf_adds(b, "--container ");
		sd_advice_quote(b, container);
		sd_buf_addc(b, ' ');
	}
	sd_advice_quote(b, ck->input);
	sd_buf_addc(b, ' ');
	sd_advice_quote(b, fixed);
	free(fixed);
}

/* Is one of the two pointers the other or inside it? */
static bool overlaps(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;
	if (!strcmp(a, "/") || !strcmp(b, "/"))
		return true;
	if (strncmp(a, b, n) != 0)
		return false;
	return la == lb || (la < lb ? b[la] : a[lb]) == '/';
}

static const sd_diff_item *differs_at(const sd_diff *given, const char *path)
{
	for (size_t i = 0; i < sd_diff_count(given); i++) {
		const sd_diff_item *it = sd_diff_item_at(given, i);
		if (it->cls != SD_CLASS_COSMETIC && overlaps(it->path, path))
			return it;
	}
	return NULL;
}

static const char *spelled(const sd_node *n)
{
	if (!n)
		return "(absent)";
	if (n->kind == SD_OBJECT)
		return n->len ? "{...}" : "{}";
	if (n->kind == SD_ARRAY)
		return n->len ? "[...]" : "[]";
	return "its value";
}

size_t sd_advice_warn_order(const char *cmd, const sd_side *ck, const sd_side *rs, bool quiet)
{
	if (quiet || sd_doc_container(ck->doc) || !ck->view || !rs->view)
		return 0;
	sd_diff_opts opts = { SD_MODE_STRICT, 0 };
	sd_goview *rt = sd_goview_roundtrip(ck->view);
	sd_diff *changed = sd_diff_compute(ck->doc, ck->view, ck->doc, rt, &opts);
	sd_diff *given = sd_diff_compute(ck->doc, ck->view, rs->doc, rs->view, &opts);
	size_t n = 0;
	for (size_t i = 0; i < sd_diff_count(changed); i++) {
		const sd_diff_item *it = sd_diff_item_at(changed, i);
		if (it->cls == SD_CLASS_COSMETIC || !differs_at(given, it->path))
			continue;
		if (n++ < ORDER_WARN_MAX)
			fprintf(stderr, "specdiff %s: warning: the round trip turned CHECKPOINT's %s %s "
				"into nil; runsc stores the checkpointed spec \xe2\x80\x94 are the "
				"arguments in order? (CHECKPOINT is %s; --swap exchanges them)\n",
				cmd, it->path, spelled(it->lnode), ck->input);
	}
	if (n > ORDER_WARN_MAX)
		fprintf(stderr, "specdiff %s: warning: ... and %zu more such paths\n", cmd,
			n - ORDER_WARN_MAX);
	sd_diff_free(given);
	sd_diff_free(changed);
	sd_goview_free(rt);
	return n;
}

/* Does runsc accept the stored spec restored as itself in every profile?
 * Not when it holds a list with duplicates, which no restore spec fixes. */
static bool accepts_itself(const sd_gv *stored, const char *container)
{
	bool ok = true;
	for (size_t i = 0; ok && i < sd_gvisor_profile_count(); i++) {
		sd_check_result r;
		sd_gvisor_run(sd_gvisor_profile_at(i), stored, stored, container, &r);
		ok = r.pass;
		sd_check_result_release(&r);
	}
	return ok;
}

void sd_advice_check_fix(sd_buf *b, const sd_side *ck, const sd_gv *stored, const sd_side *rs,
			 const char *container, const char *container_given)
{
	const sd_gv *restore = sd_goview_root(rs->view);
	bool equal = sd_gv_semantic_equal(stored, restore);
	bool deep = sd_gv_deep_equal(stored, restore);
	if (!accepts_itself(stored, container)) {
		sd_buf_adds(b, "no restore spec can pass where runsc rejects the checkpointed spec "
			       "against itself (duplicate list entries, rdma): `specdiff check --as-given ");
		if (container_given) {
			sd_buf_adds(b, "--container ");
			sd_advice_quote(b, container_given);
			sd_buf_addc(b, ' ');
		}
		sd_advice_quote(b, ck->input);
		sd_buf_addc(b, ' ');
		sd_advice_quote(b, ck->input);
		sd_buf_adds(b, "` fails too\n");
	}
	if (!deep) {
		sd_buf_adds(b, "fix: `");
		sd_advice_fix_command(b, ck, rs->input);
		sd_buf_adds(b, "` copies CHECKPOINT's nil/empty choices and list order; then `");
		sd_advice_check_command(b, ck, rs->input, container_given);
		sd_buf_adds(b, equal && accepts_itself(stored, container)
				       ? "` passes every profile (the two are semantically equal)\n"
				       : "` fails in no profile that passes now\n");
	}
	if (!equal) {
		sd_buf_adds(b, "value differences, which no normalization changes: `specdiff diff --mode semantic ");
		sd_advice_quote(b, ck->input);
		sd_buf_addc(b, ' ');
		sd_advice_quote(b, rs->input);
		sd_buf_adds(b, "` lists them\n");
	}
}
