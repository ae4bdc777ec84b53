/*
 * cmd_explain.c - specdiff explain 'ERROR TEXT' [CHECKPOINT RESTORE]
 *
 * Decodes a pasted runsc restore error (explain.h) and prints the field,
 * its JSON paths, how each gVisor profile compares it, why both sides
 * printed alike, and the fixes.  Given the two specs, it also lists the
 * differing nodes under those paths with FILE:LINE on each side.
 * Exit 0 when the text was understood, 2 when not (or on trouble).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "commands.h"
#include "common.h"
#include "term.h"
#include "specdiff/base.h"
#include "specdiff/diff.h"
#include "specdiff/explain.h"
#include "specdiff/gvisor.h"
#include "specdiff/util.h"

#define CMD "explain"
#define SHOW_MAX 400 /* bytes of a printed value before it is cut */

static const char help_text[] =
"usage: specdiff explain [OPTIONS] 'ERROR TEXT' [CHECKPOINT RESTORE]\n"
"\n"
"Decodes a runsc restore error: which field, which JSON paths, how each gVisor\n"
"release compares it, why both sides printed alike, and how to fix it.\n"
"Paste the whole line (runsc's prefixes and log wrappers are fine); '-' reads\n"
"it from standard input.  With CHECKPOINT and RESTORE (spec files or a\n"
"checkpoint image) it also points at the differing nodes.\n"
"\n"
"  --go               specdiff explain --go LEFT RIGHT [POINTER]: write a Go\n"
"                     program reproducing Go's facts at a node (--go --help)\n"
"  --container NAME   checkpoint image: which container's spec\n"
"  --swap             CHECKPOINT and RESTORE were given the other way round\n"
"  --format-in, --doc, --schema, --quiet: as for every command\n"
"\n"
"Exit status: 0 the text was understood, 2 it was not (or trouble).\n";

/* Prints text word-wrapped at WRAP columns: first line after lead, the
 * rest indented to match. */
#define WRAP 78
static void print_wrapped(const char *lead, const char *text)
{
	size_t indent = strlen(lead), col = indent;
	const char *p = text;

	fputs(lead, stdout);
	while (*p) {
		/* a `command` is one word, so it is never broken */
		size_t w = strcspn(p, " ");
		const char *open = memchr(p, '`', w);
		const char *close = open ? strchr(open + 1, '`') : NULL;
		if (close && close >= p + w)
			w = (size_t)(close + 1 - p) + strcspn(close + 1, " ");
		if (col > indent && col + 1 + w > WRAP) {
			printf("\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, w, stdout);
		col += w;
		p += w;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

/* Prints s, cut after SHOW_MAX bytes. */
static void show_value(const char *label, const char *s)
{
	size_t n = strlen(s);
	if (n <= SHOW_MAX)
		printf("  %-11s %s\n", label, s);
	else
		printf("  %-11s %.*s ... (%zu bytes)\n", label, SHOW_MAX, s, n);
}

static const char *format_name(sd_runsc_format f)
{
	return f == SD_RUNSC_FMT_GOSYNTAX
		       ? "%q names and %#v values (the newer runsc format, release-20260601.0)"
		       : "%v values (the older runsc format: nil and empty print alike)";
}

static void print_message(const sd_runsc_error *e)
{
	static const char *const kinds[] = {
		[SD_RUNSC_MISMATCH] = "restore spec mismatch (the restore fails)",
		[SD_RUNSC_DUP_DEVICE] = "duplicate device in the checkpointed spec (the restore fails)",
		[SD_RUNSC_RESOURCES_WARN] = "resources warning (the restore goes on)",
		[SD_RUNSC_ARGS_WARN] = "argv[0] warning (the restore goes on)",
	};
	printf("runsc error: %s\n", kinds[e->kind]);
	if (e->container[0])
		printf("  %-11s %s\n", "container:", e->container);
	if (e->restoring && strcmp(e->restoring, e->container) != 0)
		printf("  %-11s restoring container \"%s\"\n", "", e->restoring);
	if (e->spec_container && strcmp(e->spec_container, e->container) != 0)
		printf("  %-11s spec for container \"%s\"\n", "", e->spec_container);
	printf("  %-11s %s\n", "format:", format_name(e->format));
	show_value("checkpoint:", e->checkpoint);
	if (e->restore)
		show_value("restore:", e->restore);
	if (e->got_error)
		printf("  %-11s %s\n", "got error:", e->got_error);
}

static void print_window(const char *first, const char *last)
{
	const sd_profile *a = sd_gvisor_profile_find(first);
	const sd_profile *b = sd_gvisor_profile_find(last);
	if (strcmp(first, last) == 0)
		printf("  %s", first);
	else
		printf("  %s .. %s", first, last);
	if (a && b && strcmp(a->first_release, b->last_release) == 0)
		printf("  (%s)", a->first_release);
	else if (a && b)
		printf("  (%s .. %s)", a->first_release, b->last_release);
	putchar('\n');
}

static void print_field(const sd_runsc_error *e)
{
	const sd_explain_field *f = e->info;

	if (!f) {
		printf("\nField: %s (not a field specdiff knows)\n", e->field);
		return;
	}
	printf("\nField: %s  (Go type %s)\n", f->name, f->go_type);
	printf("JSON paths:");
	for (size_t i = 0; i < SD_EXPLAIN_MAX_PATHS && f->paths[i]; i++)
		printf(" %s", f->paths[i]);
	putchar('\n');
	if (f->covers)
		printf("  (%s)\n", f->covers);
	printf("\nHow runsc compares it:\n");
	for (size_t i = 0; i < SD_EXPLAIN_MAX_RULES && f->rules[i].first; i++) {
		print_window(f->rules[i].first, f->rules[i].last);
		print_wrapped("      ", f->rules[i].how);
	}
}

/* The fixes name CHECKPOINT and RESTORE.  Given the two specs, every
 * command in them is rebuilt from the real inputs (advice.h), so what is
 * printed is what tests/cli/test_advice.sh runs; without them, the
 * placeholders stay, with --like-roundtrip, which a spec file needs. */
typedef void (*cmd_builder)(sd_buf *b, const sd_side *ck, const char *restore);

static void build_omit(sd_buf *b, const sd_side *ck, const char *restore)
{
	char *fixed = sd_advice_fixed_name(restore);
	sd_buf_adds(b, "specdiff normalize --empty omit ");
	sd_advice_quote(b, restore);
	sd_buf_adds(b, " -o ");
	sd_advice_quote(b, fixed);
	free(fixed);
}

static void build_diff(sd_buf *b, const sd_side *ck, const char *restore)
{
	sd_buf_adds(b, "specdiff diff ");
	sd_advice_quote(b, ck->input);
	sd_buf_addc(b, ' ');
	sd_advice_quote(b, restore);
}

static const struct {
	const char *tmpl;        /* as core/explain.c writes it */
	cmd_builder build;       /* with the real inputs */
	const char *no_inputs;   /* without them */
	bool writes_fix;         /* writes sd_advice_fixed_name(RESTORE) */
} fix_commands[] = {
	{ "specdiff normalize --like CHECKPOINT RESTORE -o RESTORE.fixed", sd_advice_fix_command,
	  "specdiff normalize --like-roundtrip --like CHECKPOINT RESTORE -o RESTORE.fixed` "
	  "(no --like-roundtrip when CHECKPOINT is the checkpoint image)", true },
	{ "specdiff normalize --empty omit RESTORE", build_omit,
	  "specdiff normalize --empty omit RESTORE -o RESTORE.fixed", true },
	{ "specdiff diff CHECKPOINT RESTORE", build_diff, NULL, false },
};

/* *writes_fix is set when a command writes the fixed file. */
static char *with_names(const char *s, const sd_side *ck, const char *restore, bool *writes_fix)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_grow(&b, strlen(s));
	while (*s) {
		size_t i, n = sizeof fix_commands / sizeof fix_commands[0];
		for (i = 0; i < n; i++)
			if (!strncmp(s, fix_commands[i].tmpl, strlen(fix_commands[i].tmpl)))
				break;
		if (i == n) {
			sd_buf_addc(&b, *s++);
			continue;
		}
		if (ck)
			fix_commands[i].build(&b, ck, restore);
		else
			sd_buf_adds(&b, fix_commands[i].no_inputs ? fix_commands[i].no_inputs
							 : fix_commands[i].tmpl);
		s += strlen(fix_commands[i].tmpl);
		*writes_fix |= fix_commands[i].writes_fix;
	}
	return sd_buf_detach(&b, NULL);
}

static void print_explanation(const sd_explanation *x, const sd_side *ck, const char *restore,
			      const char *container, bool fixable)
{
	bool writes_fix = false;
	if (x->nreasons)
		printf("\nWhy:\n");
	for (size_t i = 0; i < x->nreasons; i++)
		print_wrapped("  - ", x->reasons[i]);
	if (x->nfixes)
		printf("\nFix:\n");
	for (size_t i = 0; i < x->nfixes; i++) {
		char lead[32];
		char *fix = with_names(x->fixes[i], ck, restore, &writes_fix);
		snprintf(lead, sizeof lead, "  %zu. ", i + 1);
		print_wrapped(lead, fix);
		free(fix);
	}
	if (writes_fix && ck) {
		sd_buf b = SD_BUF_INIT;
		if (fixable) {
			sd_buf_adds(&b, "After the normalize --like fix: `");
			sd_advice_check_command(&b, ck, restore, container);
			sd_buf_adds(&b, "` no longer reports this mismatch.");
		} else {
			sd_buf_adds(&b, "No normalize fix removes this mismatch: under these paths the two "
				    "specs differ in value (listed below), not only in nil/empty or order.");
		}
		print_wrapped("  ", b.data);
		sd_buf_release(&b);
	}
}

/* What runsc compares: its stored copy of the checkpoint spec (ck_view
 * after the JSON round trip, as check applies it) against the restore
 * spec, in strict mode.  The diff borrows the views. */
typedef struct explain_pair {
	sd_session s;
	sd_goview *stored;      /* the round-tripped checkpoint view; NULL: as given */
} explain_pair;

static sd_diff *stored_diff(const explain_pair *p)
{
	const sd_side *ck = &p->s.side[0], *rs = &p->s.side[1];
	sd_diff_opts opts = { SD_MODE_STRICT, 0 };
	return sd_diff_compute(ck->doc, p->stored ? p->stored : ck->view, rs->doc, rs->view, &opts);
}

/* Does copying CHECKPOINT's nil/empty choices and list order remove every
 * difference runsc sees under the field's paths (no value difference
 * between runsc's stored copy and the restore spec there)? */
static bool like_fixes(const sd_runsc_error *e, const explain_pair *p)
{
	sd_diff *d = stored_diff(p);
	bool ok = true;
	for (size_t i = 0; ok && i < sd_diff_count(d); i++) {
		const sd_diff_item *it = sd_diff_item_at(d, i);
		if (sd_class_counts(it->cls, SD_MODE_SEMANTIC) &&
		    (!e->info || sd_explain_field_covers(e->info, it->path)))
			ok = false;
	}
	sd_diff_free(d);
	return ok;
}

/* ---- pointing at the nodes ---- */

static void describe_node(const sd_node *n, sd_buf *b)
{
	switch (n->kind) {
	case SD_NULL: sd_buf_adds(b, "null"); break;
	case SD_BOOL: sd_buf_adds(b, n->u.boolean ? "true" : "false"); break;
	case SD_NUMBER: sd_buf_adds(b, n->u.num); break;
	case SD_STRING:
		sd_buf_add_json_string(b, n->u.str, n->len > 60 ? 60 : n->len);
		if (n->len > 60)
			sd_buf_adds(b, "...");
		break;
	case SD_ARRAY:
		sd_buf_addf(b, n->len ? "[...] (%u items)" : "[]", (unsigned)n->len);
		break;
	case SD_OBJECT:
		sd_buf_addf(b, n->len ? "{...} (%u members)" : "{}", (unsigned)n->len);
		break;
	}
}

static void print_side(const char *label, const sd_doc *doc, const sd_node *n)
{
	sd_buf b = SD_BUF_INIT;
	if (n) {
		describe_node(n, &b);
		printf("      %-11s %s:%u:%u  %s\n", label, sd_doc_name(doc), (unsigned)n->line,
		       (unsigned)n->col, b.data);
	} else {
		printf("      %-11s %s  (absent)\n", label, sd_doc_name(doc));
	}
	sd_buf_release(&b);
}

static bool empty_container(const sd_node *n)
{
	return n && (n->kind == SD_OBJECT || n->kind == SD_ARRAY) && n->len == 0;
}

/* No difference under the paths: the checkpoint side may still hold an
 * empty value that runsc's JSON round trip turns into nil. */
static void print_roundtrip_hint(const sd_diff *d, const sd_explain_field *f,
				 const sd_side *ck)
{
	for (size_t i = 0; i < SD_EXPLAIN_MAX_PATHS && f->paths[i]; i++) {
		const sd_pair *p = sd_diff_find(d, f->paths[i]);
		if (!p || !empty_container(p->left))
			continue;
		printf("  The checkpoint spec has an empty %s at %s:%u:%u. runsc stores its copy with\n"
		       "  json.Marshal, which drops it (omitempty): the stored copy has nil there, the\n"
		       "  restore spec does not.  That is the difference runsc saw.\n",
		       f->paths[i], sd_doc_name(ck->doc), (unsigned)p->left->line,
		       (unsigned)p->left->col);
		return;
	}
	printf("  No difference under these paths between the two files as given.\n");
}

/* The checkpoint's empty map or list that runsc's stored copy holds as nil. */
static void print_stored_nil(const sd_diff_item *it, const explain_pair *p)
{
	if (p->stored && empty_container(it->lnode) && it->cls == SD_CLASS_NIL_VS_EMPTY)
		print_wrapped("      ", "runsc's stored copy holds nil here: json.Marshal dropped the "
			      "empty value (omitempty) when runsc checkpointed the spec.");
}

static int point_at_nodes(const sd_runsc_error *e, const explain_pair *p)
{
	const sd_side *ck = &p->s.side[0], *rs = &p->s.side[1];
	sd_diff *d = stored_diff(p);
	size_t shown = 0;

	printf("\nIn %s (checkpoint%s) and %s (restore):\n", sd_doc_name(ck->doc),
	       p->stored ? ", after runsc's JSON round trip as check applies it" : "",
	       sd_doc_name(rs->doc));
	for (size_t i = 0; i < sd_diff_count(d); i++) {
		const sd_diff_item *it = sd_diff_item_at(d, i);
		if (it->cls == SD_CLASS_COSMETIC || (e->info && !sd_explain_field_covers(e->info, it->path)))
			continue;
		printf("  %s  %s\n", it->path, sd_class_name(it->cls));
		print_side("checkpoint:", ck->doc, it->lnode);
		print_side("restore:", rs->doc, it->rnode);
		if (it->reason)
			print_wrapped("      ", it->reason);
		print_stored_nil(it, p);
		shown++;
	}
	if (!shown && e->info)
		print_roundtrip_hint(d, e->info, ck);
	sd_diff_free(d);
	return 0;
}

/* The session of "explain TEXT CHECKPOINT RESTORE", with runsc's stored
 * copy of the checkpoint when check would make one. */
static int open_pair(explain_pair *p, const char *a, const char *b, const sd_cli_common *c)
{
	memset(p, 0, sizeof(*p));
	if (sd_cli_session_open(&p->s, c, false, a, b) != 0) {
		sd_cli_error(&p->s.side[p->s.side[0].doc ? 1 : 0].err);
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		const sd_side *d = &p->s.side[i];
		if (d->decode_failed) {
			sd_cli_error(&d->err);
			fprintf(stderr, "specdiff explain: Go cannot decode %s; runsc would refuse it before validating\n",
				d->input);
			return -1;
		}
	}
	if (sd_session_roundtrip(&p->s))
		p->stored = sd_goview_roundtrip(p->s.side[0].view);
	return 0;
}

static void close_pair(explain_pair *p)
{
	sd_goview_free(p->stored);
	sd_session_close(&p->s);
}

/* The image's runsc and container, as check prints them. */
static void print_source(const explain_pair *p)
{
	sd_buf b = SD_BUF_INIT;
	sd_session_describe_runsc(&p->s, &b);
	if (b.len)
		printf("\nCheckpoint image: %s; container %s.\n", b.data, sd_session_container(&p->s));
	sd_buf_release(&b);
}

/* The error text: the argument, or standard input for "-". */
static char *read_text(const char *arg)
{
	sd_buf b = SD_BUF_INIT;

	if (strcmp(arg, "-") != 0)
		return sd_xstrdup(arg);
	sd_read_fd(0, (size_t)16 << 20, &b);  /* what was read is explained */
	return sd_buf_detach(&b, NULL);
}

/* containerd ends runsc's error with ": unknown" (and a log line quotes the
 * whole message): neither belongs to the restore value. */
static void drop_wrapper_suffix(char *text)
{
	static const char *const suffixes[] = { ": unknown\"", ": unknown" };
	size_t n = strlen(text);
	while (n && strchr(" \t\r\n", text[n - 1]))
		text[--n] = '\0';
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(suffixes[i]);
		if (n >= k && !strcmp(text + n - k, suffixes[i])) {
			text[n - k] = '\0';
			return;
		}
	}
}

static int explain_text(const char *text, int nspecs, char **specs, const sd_cli_common *c)
{
	sd_runsc_error e;
	sd_explanation x;
	sd_error err;
	explain_pair p;
	int rc = 0;

	memset(&p, 0, sizeof p);
	sd_error_clear(&err);
	if (sd_runsc_error_parse(text, &e, &err) != 0) {
		fprintf(stderr, "specdiff explain: %s\n", err.msg);
		return 2;
	}
	if (nspecs == 2 && open_pair(&p, specs[0], specs[1], c) != 0) {
		rc = 2;
		goto out;
	}
	const sd_side *ck = nspecs == 2 ? &p.s.side[0] : NULL;
	if (ck)
		sd_advice_warn_order(CMD, &p.s.side[0], &p.s.side[1], c->quiet);
	sd_explain(&e, &x);
	print_message(&e);
	print_field(&e);
	if (ck)
		print_source(&p);
	print_explanation(&x, ck, ck ? specs[1] : NULL, c->load.container, ck && like_fixes(&e, &p));
	if (ck)
		point_at_nodes(&e, &p);
	else
		printf("\nTo see the nodes: specdiff explain 'TEXT' CHECKPOINT RESTORE (CHECKPOINT may be the\n"
		       "checkpoint image); every release's verdict: specdiff check CHECKPOINT RESTORE\n");
	sd_explanation_release(&x);
out:
	close_pair(&p);
	sd_runsc_error_release(&e);
	return rc;
}

static int no_own_options(void *args, int opt, const char *arg)
{
	return -1;   /* explain has only the common options */
}

int sd_cmd_explain(int argc, char **argv)
{
	static const struct option longopts[] = {
		SD_CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	sd_cli_common c;
	static const sd_cli_options options = { CMD, help_text, ":h", longopts, no_own_options };

	if (sd_explain_go_wanted(argc, argv))
		return sd_cmd_explain_go(argc, argv);
	/* everything explain prints may quote the pasted text: filtered (term.h) */
	sd_cli_safe_stream(&stdout);
	sd_cli_common_init(&c);
	int st = sd_cli_parse_options(&options, argc, argv, &c, NULL);
	if (st >= 0)
		return st;
	int nargs = argc - optind;
	if (nargs != 1 && nargs != 3)
		return sd_cli_usage(CMD, "expected 'ERROR TEXT' and optionally CHECKPOINT RESTORE (got %d arguments)",
				    nargs);
	if (nargs == 3 && c.swap) {
		char *t = argv[optind + 1];
		argv[optind + 1] = argv[optind + 2];
		argv[optind + 2] = t;
	}
	char *text = read_text(argv[optind]);
	drop_wrapper_suffix(text);
	int rc = explain_text(text, nargs - 1, argv + optind + 1, &c);
	free(text);
	return rc;
}
