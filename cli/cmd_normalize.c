/* cmd_normalize.c - "specdiff normalize": write a spec in a canonical form. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "advice.h"
#include "commands.h"
#include "common.h"
#include "specdiff/base.h"
#include "specdiff/diff.h"
#include "specdiff/normalize.h"
#include "specdiff/write.h"

static const char normalize_help[] =
"usage: specdiff normalize [OPTIONS] FILE\n"
"\n"
"Writes FILE (JSON or YAML; '-' for standard input, FILE#/json/pointer for a\n"
"subtree, or a checkpoint image's stored spec) in a canonical form that keeps\n"
"the file's indentation (tabs or N spaces; two for standard input), line ends\n"
"and final newline, numbers exactly as written.  Only the spelling of nil and\n"
"empty values, the order of keys and (with --like) the order of set-like\n"
"lists change, so the result means the same to Go as FILE (semantic equality).\n"
"\n"
"  --empty keep|omit|explicit\n"
"                      nil and empty maps and lists: as in FILE (default);\n"
"                      omit: leave out empty or nil omitempty fields, as\n"
"                      Go's json.Marshal does; explicit: write every nil map\n"
"                      and list of the OCI schema as {} / [] (nil pointers\n"
"                      such as an absent \"linux\" stay absent).  Without the\n"
"                      OCI schema (--schema none) there is nothing to change\n"
"                      and FILE's values are written as they are, with a note\n"
"  --order go|sorted|source\n"
"                      key order: Go's struct-field order as json.Marshal\n"
"                      writes it (map keys sorted, unknown fields last), all\n"
"                      keys sorted, or as in FILE (default)\n"
"  --like OTHER        make nil/empty choices and the order of set-like lists\n"
"                      (env, capabilities, namespaces, mount options ...)\n"
"                      match OTHER wherever the two mean the same, so that\n"
"                      the result equals OTHER for reflect.DeepEqual there;\n"
"                      real value differences are left alone.  OTHER may be\n"
"                      a checkpoint image (its stored copy is used as is)\n"
"  --like-roundtrip    first put OTHER through runsc's json.Marshal +\n"
"                      json.Unmarshal round trip (what a restore compares\n"
"                      against when OTHER is the checkpointed config.json)\n"
"  --ignore PATTERN, --only PATTERN, --restore-relevant[=PROFILE]\n"
"                      with --like: make no change at the paths diff would\n"
"                      ignore with the same options (JSON Pointers, * and **)\n"
"  --roundtrip         write exactly what runsc stores for a checkpoint:\n"
"                      Go's marshal of FILE after the round trip (JSON\n"
"                      unless --to yaml; takes no --empty or --like)\n"
"  --drop-unknown      leave out fields specs-go does not know (kept by default)\n"
"  --to json|yaml      output format (default: the input's)\n"
"  -o, --output FILE   write FILE atomically instead of standard output;\n"
"                      an input file is never overwritten\n"
"  --swap              with --like: exchange FILE and OTHER\n"
"  --in-place          rewrite FILE atomically, keeping a backup FILE.orig\n"
"  --no-backup         with --in-place: no FILE.orig\n"
"  --format-in json|yaml|auto, --doc N, --container NAME, --schema oci|none|auto,\n"
"  --quiet             as for every command\n"
"\n"
"Examples:\n"
"  specdiff normalize --like checkpoint.img config.json -o fixed.json\n"
"  specdiff normalize --empty omit --order go --in-place config.json\n"
"\n"
"Exit status: 0 written, 2 trouble (nothing is changed then).\n";

enum {
	OPT_TO = SD_OPT_COMMON_END + 1,
	OPT_EMPTY,
	OPT_ORDER,
	OPT_LIKE,
	OPT_LIKE_RT,
	OPT_ROUNDTRIP,
	OPT_IN_PLACE,
	OPT_NO_BACKUP,
	OPT_DROP_UNKNOWN,
};

typedef struct norm_args {
	sd_cli_common common;
	sd_format to;
	sd_normalize_opts nopts;
	const char *output;
	const char *input;
	const char *like;
	bool like_roundtrip, roundtrip, in_place, no_backup;
	bool empty_given;
	sd_focus *focus;         /* NULL until a focus option is given */
} norm_args;

static int pick(const char *opt, const char *arg, const char *const *names, int *out)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(arg, names[i])) {
			*out = i;
			return 0;
		}
	return sd_cli_usage("normalize", "%s takes %s|%s|%s, not '%s'", opt, names[0], names[1],
			    names[2], arg);
}

/* Returns -1 to go on, else an exit status (sd_cli_options.own). */
static int own_option(void *args, int opt, const char *arg)
{
	static const char *const empties[] = { "keep", "omit", "explicit", NULL };
	static const char *const orders[] = { "source", "go", "sorted", NULL };
	norm_args *a = args;
	int v;
	switch (opt) {
	case 'o': a->output = arg; break;
	case OPT_LIKE: a->like = arg; break;
	case OPT_LIKE_RT: a->like_roundtrip = true; break;
	case OPT_ROUNDTRIP: a->roundtrip = true; break;
	case OPT_IN_PLACE: a->in_place = true; break;
	case OPT_NO_BACKUP: a->no_backup = true; break;
	case OPT_DROP_UNKNOWN: a->nopts.drop_unknown = true; break;
	case SD_OPT_IGNORE:
	case SD_OPT_ONLY:
	case SD_OPT_RESTORE_RELEVANT:
		return sd_cli_focus_opt(&a->focus, "normalize", opt, arg) < 0 ? 2 : -1;
	case OPT_TO:
		if (!strcmp(arg, "json"))
			a->to = SD_FORMAT_JSON;
		else if (!strcmp(arg, "yaml"))
			a->to = SD_FORMAT_YAML;
		else
			return sd_cli_usage("normalize", "--to takes json or yaml, not '%s'", arg);
		break;
	case OPT_EMPTY:
		if (pick("--empty", arg, empties, &v))
			return 2;
		a->nopts.empty = (sd_empty_mode)v;
		a->empty_given = true;
		break;
	case OPT_ORDER:
		if (pick("--order", arg, orders, &v))
			return 2;
		a->nopts.order = (sd_order_mode)v;
		break;
	}
	return -1;
}

static int check_combinations(const norm_args *a)
{
	if (a->in_place && a->output)
		return sd_cli_usage("normalize", "--in-place and -o exclude each other");
	if (a->no_backup && !a->in_place)
		return sd_cli_usage("normalize", "--no-backup goes with --in-place");
	if (a->focus && !a->like)
		return sd_cli_usage("normalize", "--ignore, --only and --restore-relevant go with --like OTHER");
	if (a->like_roundtrip && !a->like)
		return sd_cli_usage("normalize", "--like-roundtrip goes with --like OTHER");
	if (a->roundtrip && (a->like || a->empty_given))
		return sd_cli_usage("normalize", "--roundtrip writes what Go writes; it takes no "
				    "--like or --empty");
	if (a->in_place && (!strcmp(a->input, "-") || strchr(a->input, '#')))
		return sd_cli_usage("normalize", "--in-place needs a file, not '%s'", a->input);
	struct stat st;
	/* checked before reading: a FIFO would be read once and then block */
	if (a->in_place && stat(a->input, &st) == 0 && !S_ISREG(st.st_mode))
		return sd_cli_usage("normalize", "--in-place needs a regular file; '%s' is %s (use "
				    "-o FILE, or write to standard output)", a->input,
				    S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ?
				    "a FIFO (named pipe)" : "a device or socket");
	if (a->output && !*a->output)
		return sd_cli_usage("normalize", "-o needs a file name (leave -o out to write to "
				    "standard output)");
	return -1;
}

/* Returns -1 to go on, else an exit status. */
static int parse_args(norm_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		SD_CLI_COMMON_LONGOPTS,
		{ "to", required_argument, NULL, OPT_TO },
		{ "empty", required_argument, NULL, OPT_EMPTY },
		{ "order", required_argument, NULL, OPT_ORDER },
		{ "like", required_argument, NULL, OPT_LIKE },
		{ "like-roundtrip", no_argument, NULL, OPT_LIKE_RT },
		{ "roundtrip", no_argument, NULL, OPT_ROUNDTRIP },
		{ "in-place", no_argument, NULL, OPT_IN_PLACE },
		{ "no-backup", no_argument, NULL, OPT_NO_BACKUP },
		{ "drop-unknown", no_argument, NULL, OPT_DROP_UNKNOWN },
		SD_CLI_FOCUS_LONGOPTS,
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const sd_cli_options options = {
		"normalize", normalize_help, ":ho:", longopts, own_option
	};
	memset(a, 0, sizeof(*a));
	sd_cli_common_init(&a->common);
	int rc = sd_cli_parse_options(&options, argc, argv, &a->common, a);
	if (rc >= 0)
		return rc;
	if (argc - optind != 1)
		return sd_cli_usage("normalize", "expected one input FILE (got %d)", argc - optind);
	a->input = argv[optind];
	if (a->common.swap && !a->like)
		return sd_cli_usage("normalize", "--swap exchanges FILE and --like OTHER; it needs --like");
	sd_cli_swap(&a->common, &a->input, &a->like);
	int rc2 = check_combinations(a);
	if (rc2 < 0 && a->like)
		sd_cli_focus_config(&a->focus);  /* the per-user ignore list */
	return rc2;
}

/* ---- notes ----------------------------------------------------------- */

static void note(const norm_args *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(const norm_args *a, const char *fmt, ...)
{
	va_list ap;
	if (a->common.quiet)
		return;
	fputs("specdiff: note: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void notes(const norm_args *a, const sd_doc *in, const sd_doc *out, sd_format to,
		  const sd_normalize_stats *st)
{
	const char *name = sd_doc_name(in);
	if (to == SD_FORMAT_YAML && sd_write_yaml_lossy(sd_doc_root(out)))
		note(a, "%s: strings holding invalid UTF-8 are written with U+FFFD in YAML "
		     "(YAML cannot hold the raw bytes; --to json keeps them)", name);
	if (to == SD_FORMAT_YAML && sd_write_yaml_number_strings(sd_doc_root(out)))
		note(a, "%s: numbers beyond float64 range (such as 1e400) are written as quoted "
		     "strings in YAML: YAML readers (gopkg.in/yaml.v3 too) read them as strings in "
		     "any spelling, and Go cannot decode them as JSON numbers either; --to json "
		     "keeps them as numbers", name);
	if (sd_doc_yaml_had_comments(in))
		note(a, "%s: comments in YAML input are not kept", name);
	if (st->schema_less)
		note(a, "%s: not decoded as an OCI spec (see --schema): without the schema no map "
		     "or list is nil-able, so --empty and --like leave values as they are", name);
	if (st->dups_resolved)
		note(a, "%s: %zu repeated field(s) written once, with the value Go merges them into "
		     "(unknown fields inside them are not kept)", name, st->dups_resolved);
	if (st->like_ignored)
		note(a, "%s: %zu --like change(s) not made at ignored paths", name, st->like_ignored);
	if (st->unknown_dropped)
		note(a, "%s: %zu unknown field(s) left out (--drop-unknown)", name, st->unknown_dropped);
}

/* ---- output ---------------------------------------------------------- */

static int write_in_place(const norm_args *a, const sd_buf *out)
{
	sd_error err;
	char real[PATH_MAX];
	sd_buf orig = SD_BUF_INIT;
	/* a symbolic link stays one: its target is rewritten */
	const char *path = realpath(a->input, real) ? real : a->input;
	if (sd_read_file(path, SIZE_MAX, &orig)) {
		fprintf(stderr, "specdiff: %s: cannot read it again: %s\n", a->input, strerror(errno));
		sd_buf_release(&orig);
		return 2;
	}
	int st = 0;
	bool made = false;
	if (orig.len == out->len && !memcmp(orig.data, out->data, out->len)) {
		if (!a->common.quiet)
			fprintf(stderr, "specdiff: note: %s is already in this form; left as it is\n",
				a->input);
	} else if (!a->no_backup && sd_write_backup(path, &orig, &made, &err)) {
		sd_cli_error(&err);
		st = 2;
	} else if (sd_cli_write_file(path, out->data, out->len, NULL, 0, true, &err)) {
		sd_cli_error(&err);
		if (made) {
			/* the original is intact: a backup of it is not needed */
			sd_buf bak = SD_BUF_INIT;
			sd_buf_addf(&bak, "%s.orig", path);
			unlink(bak.data);
			sd_buf_release(&bak);
		}
		st = 2;
	}
	sd_buf_release(&orig);
	return st;
}

static int emit(const norm_args *a, const sd_buf *out)
{
	if (a->in_place)
		return write_in_place(a, out);
	if (a->output) {
		sd_error err;
		const char *inputs[] = { a->input, a->like ? a->like : a->input };
		if (sd_cli_write_file(a->output, out->data, out->len, inputs, 2, false, &err)) {
			sd_cli_error(&err);
			return 2;
		}
		return 0;
	}
	size_t n = fwrite(out->data, 1, out->len, stdout);
	if (fflush(stdout) || n != out->len) {
		fprintf(stderr, "specdiff normalize: writing standard output: %s\n", strerror(errno));
		return 2;
	}
	return 0;
}

/* ---- the transformation ---------------------------------------------- */

/* OTHER as the session decoded it, with FILE's pair root type (so the two
 * views line up), through runsc's round trip with --like-roundtrip; *view
 * is then the caller's to free (NULL when it is other's own view). */
static int like_view_of(const norm_args *a, const sd_side *other, sd_goview **view)
{
	*view = NULL;
	if (other->decode_failed) {
		fprintf(stderr, "specdiff normalize: --like %s: Go cannot decode it, so there is "
			"nothing to match:\n", a->like);
		sd_cli_error(&other->err);
		return 2;
	}
	if (a->like_roundtrip)
		*view = sd_goview_roundtrip(other->view);
	return 0;
}

static sd_doc *transform(norm_args *a, const sd_side *s, const sd_gv *like,
			 sd_normalize_stats *st, sd_error *err)
{
	bool oci = sd_schema_is_oci(sd_goview_root(s->view)->type);
	/* What Go cannot decode (1e400 into interface{}, .inf, duplicate
	 * YAML keys) has no normal form either: the same error as diff. */
	if (s->decode_failed && !oci) {
		*err = s->err;
		return NULL;
	}
	if (!a->roundtrip) {
		a->nopts.like = like;
		a->nopts.focus = a->focus;
		return sd_normalize(s->doc, s->view, oci, &a->nopts, st, err);
	}
	if (s->decode_failed) {
		*err = s->err;
		return NULL;
	}
	sd_doc *rt = sd_normalize_roundtrip(s->view, sd_doc_name(s->doc), err);
	if (!rt || a->nopts.order != SD_ORDER_SORTED)
		return rt;   /* json.Marshal's order is already Go's */
	sd_normalize_opts o = { .order = SD_ORDER_SORTED };
	sd_doc *sorted = sd_normalize(rt, NULL, oci, &o, st, err);
	sd_doc_free(rt);
	return sorted;
}

/* The source file's indentation, line ends and final newline, so that a
 * fix written back is a small diff (a checkpoint image, standard input or
 * another output format get the canonical two spaces). */
static void keep_shape(const norm_args *a, const sd_side *s, sd_format to, sd_write_shape *sh)
{
	memset(sh, 0, sizeof *sh);
	if (sd_doc_container(s->doc) || !strcmp(a->input, "-") || to != sd_doc_format(s->doc))
		return;
	sd_buf path = SD_BUF_INIT;
	sd_buf_add(&path, a->input, strcspn(a->input, "#"));
	sd_write_detect_file_shape(path.data, sh);
	sd_buf_release(&path);
}

/* What --like could not make alike: said on stderr, so that a clean exit
 * is not read as "now they match". */
static void note_remaining(const norm_args *a, const sd_side *s, sd_doc *out,
			   const sd_doc *like_doc, const sd_goview *like_view)
{
	sd_error err;
	sd_error_clear(&err);
	sd_goview *v = sd_goview_decode(out, sd_goview_root(s->view)->type, &err);
	sd_diff_opts dopts = { SD_MODE_STRICT, 0 };
	sd_diff *d = sd_diff_compute(like_doc, like_view, out, v, &dopts);
	size_t n = 0;
	for (size_t i = 0; i < sd_diff_count(d); i++)
		n += sd_class_counts(sd_diff_item_at(d, i)->cls, SD_MODE_STRICT);
	if (n) {
		sd_buf cmd = SD_BUF_INIT;
		sd_buf_adds(&cmd, "specdiff diff --mode semantic ");
		sd_advice_quote(&cmd, a->like);
		sd_buf_addc(&cmd, ' ');
		sd_advice_quote(&cmd, a->input);
		note(a, "%s: %zu difference(s) from %s remain that --like does not change "
		     "(values, not nil/empty or order); %s lists them", a->input, n, a->like, cmd.data);
		sd_buf_release(&cmd);
	}
	sd_diff_free(d);
	sd_goview_free(v);
}

static int run(norm_args *a, sd_side *s, const sd_side *other)
{
	sd_doc *out = NULL;
	const sd_doc *like_doc = other ? other->doc : NULL;
	sd_goview *like_trip = NULL;
	sd_normalize_stats st;
	sd_error err;
	int rc = 2;
	memset(&st, 0, sizeof st);
	if (a->in_place && sd_doc_container(s->doc)) {
		sd_cli_usage("normalize", "--in-place cannot rewrite a checkpoint image");
		return 2;
	}
	if (other && like_view_of(a, other, &like_trip))
		goto done;
	const sd_goview *like_view = like_trip ? like_trip : other ? other->view : NULL;
	out = transform(a, s, like_view ? sd_goview_root(like_view) : NULL, &st, &err);
	if (!out) {
		sd_cli_error(&err);
		goto done;
	}
	sd_format fmt = a->roundtrip ? SD_FORMAT_JSON : sd_doc_format(s->doc);
	/* --roundtrip: the string bytes of the json.Marshal that built runsc
	 * (the newest Go until the profile table names runsc's Go) */
	sd_write_opts wo = { a->to ? a->to : fmt, 2, false,
			     a->roundtrip ? sd_json_escape_for_go(NULL) : SD_JSON_ESCAPE_WRITER };
	sd_write_shape shape;
	keep_shape(a, s, wo.to, &shape);
	/* YAML to JSON is Go's own YAML->JSON conversion: keep the meaning */
	wo.go_numbers = wo.to == SD_FORMAT_JSON && sd_doc_format(s->doc) == SD_FORMAT_YAML;
	notes(a, s->doc, out, wo.to, &st);
	if (like_view)
		note_remaining(a, s, out, like_doc, like_view);
	sd_buf buf = SD_BUF_INIT;
	sd_write_node_shaped(&buf, sd_doc_root(out), &wo, &shape);
	rc = emit(a, &buf);
	sd_buf_release(&buf);
done:
	sd_doc_free(out);
	sd_goview_free(like_trip);
	return rc;
}

int sd_cmd_normalize(int argc, char **argv)
{
	norm_args a;
	int st = parse_args(&a, argc, argv);
	if (st >= 0) {
		sd_focus_free(a.focus);
		return st;
	}
	/* FILE and --like OTHER are one comparison; FILE alone chooses its type */
	sd_session ses;
	int load;
	if (a.like) {
		load = sd_cli_session_open(&ses, &a.common, false, a.input, a.like);
	} else {
		sd_session_opts o;
		sd_cli_session_opts(&a.common, false, &o);
		sd_session_init(&ses, &o);
		load = sd_side_load(&ses.side[0], a.input, &a.common);
	}
	if (load < 0) {
		sd_cli_error(&ses.side[ses.side[0].doc ? 1 : 0].err);
		sd_session_close(&ses);
		sd_focus_free(a.focus);
		return 2;
	}
	st = run(&a, &ses.side[0], a.like ? &ses.side[1] : NULL);
	sd_session_close(&ses);
	sd_focus_free(a.focus);
	return st;
}
