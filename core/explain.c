/*
 * explain.c - parses a pasted runsc restore error and explains it.
 *
 * The validator message is found anywhere in the text, so runsc's wrapping
 * prefixes and log decorations around it do not matter.  The values are
 * split at " restore " where the brackets on both sides balance; when the
 * message's %v text makes that ambiguous, a split with identical sides is
 * preferred (the puzzling case this command exists for).
 */
#include "specdiff/base.h"
#include "specdiff/explain.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/gvisor.h"
#include "specdiff/util.h"

#define MARK_MISMATCH " does not match across checkpoint restore for container: "
#define MARK_DUPDEV "duplicate device found in the spec "
#define MARK_DUPDEV_TAIL " before checkpoint for container "
#define MARK_RESOURCES "specs.Linux.Resources has been changed during restore, err "
#define MARK_ARGS "Validating args with the exec paths, old: "
#define MARK_ARGS_NEW " new: "
#define MARK_CHECKPOINT ", checkpoint "
#define MARK_RESTORE " restore "
#define MARK_GOT ", got error "

/* ---- small string helpers ---- */

/* [a, b) copied; empty when b is before a (markers that overlap). */
static char *dup_range(const char *a, const char *b)
{
	return sd_xstrndup(a, b > a ? (size_t)(b - a) : 0);
}

/* The last occurrence of needle in [s, end), or NULL. */
static const char *find_last(const char *s, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = end - n; p >= s && end - s >= (ptrdiff_t)n; p--)
		if (memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes one backslash escape at *p (after the backslash) into b. */
static void unescape_one(const char **p, const char *end, sd_buf *b)
{
	char c = *(*p)++;
	int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
	uint32_t v = 0;

	if (digits) {
		for (int i = 0; i < digits && *p < end && hexval(**p) >= 0; i++)
			v = v << 4 | (uint32_t)hexval(*(*p)++);
		if (c == 'x')
			sd_buf_addc(b, (char)v);
		else
			sd_buf_add_rune(b, v);
		return;
	}
	switch (c) {
	case 'n': sd_buf_addc(b, '\n'); break;
	case 't': sd_buf_addc(b, '\t'); break;
	case 'r': sd_buf_addc(b, '\r'); break;
	default: sd_buf_addc(b, c); break; /* \" \\ \' and the rest */
	}
}

/*
 * Reads a Go-quoted string starting at the quote *s; returns the decoded
 * text and sets *after past the closing quote, or NULL when unterminated.
 */
static char *read_quoted(const char *s, const char *end, const char **after)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = s + 1;

	sd_buf_grow(&b, 16);
	while (p < end && *p != '"') {
		if (*p == '\\' && p + 1 < end) {
			p++;
			unescape_one(&p, end, &b);
		} else {
			sd_buf_addc(&b, *p++);
		}
	}
	if (p >= end) {
		sd_buf_release(&b);
		return NULL;
	}
	*after = p + 1;
	return sd_buf_detach(&b, NULL);
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static const char *trim_end(const char *s, const char *end)
{
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		end--;
	return end;
}

/* ---- unwrapping a log line ---- */

/*
 * Log collectors quote the error (containerd: err="...\"NAME\"..."): when
 * the message sits inside such a quoted value, take that value unescaped.
 */
static char *unwrap_log(const char *text)
{
	const char *end = text + strlen(text);
	const char *mark = strstr(text, "does not match across");
	if (!mark)
		mark = strstr(text, "duplicate device found");
	if (!mark)
		mark = strstr(text, "has been changed during restore");
	if (mark && strstr(text, "\\\"")) {
		const char *open = find_last(text, mark, "=\"");
		const char *after;
		char *inner = open ? read_quoted(open + 1, end, &after) : NULL;
		if (inner)
			return inner;
	}
	return sd_xstrndup(text, (size_t)(end - text));
}

/*
 * A message copied from a terminal may be wrapped: each line break, with
 * the indentation after it, becomes one space (or none after a space).
 */
static void join_lines(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (*r != '\n' && *r != '\r') {
			*w++ = *r++;
			continue;
		}
		while (*r == '\n' || *r == '\r' || *r == ' ' || *r == '\t')
			r++;
		if (w > s && w[-1] != ' ' && *r)
			*w++ = ' ';
	}
	*w = '\0';
}

/* The NAME of `KEY"NAME"` in [s, end), or NULL. */
static char *quoted_after(const char *s, const char *end, const char *key)
{
	const char *p = strstr(s, key);
	const char *after;
	if (!p || p >= end)
		return NULL;
	p += strlen(key);
	return p < end && *p == '"' ? read_quoted(p, end, &after) : NULL;
}

static void read_prefixes(const char *s, const char *end, sd_runsc_error *e)
{
	e->restoring = quoted_after(s, end, "restoring container ");
	e->spec_container = quoted_after(s, end, "failed to validate spec for container ");
	const char *p = strstr(s, "failed to validate restore spec");
	e->restore_spec_prefix = p && p < end;
}

/* ---- the field name before the mismatch marker ---- */

static bool name_boundary(const char *s, const char *p)
{
	return p == s || p[-1] == ' ' || p[-1] == ':' || p[-1] == ']' || p[-1] == '\t';
}

/* A known field name ending the text [s, end), the longest one. */
static const sd_explain_field *known_suffix(const char *s, const char *end)
{
	const sd_explain_field *best = NULL;
	for (size_t i = 0; i < sd_explain_field_count(); i++) {
		const sd_explain_field *f = sd_explain_field_at(i);
		size_t n = strlen(f->name);
		if ((size_t)(end - s) >= n && memcmp(end - n, f->name, n) == 0 &&
		    name_boundary(s, end - n) && (!best || n > strlen(best->name)))
			best = f;
	}
	return best;
}

static bool read_field(const char *s, const char *end, sd_runsc_error *e)
{
	if (end <= s)
		return false;  /* the marker overlaps the text before it: no name */
	end = trim_end(s, end);
	if (end > s && end[-1] == '"') {
		/* %q: find the opening quote of a Go string ending here */
		for (const char *q = end - 2; q >= s; q--) {
			const char *after;
			if (*q != '"' || (q > s && q[-1] == '\\'))
				continue;
			char *name = read_quoted(q, end, &after);
			if (name && after == end) {
				e->field = name;
				e->format = SD_RUNSC_FMT_GOSYNTAX;
				return true;
			}
			free(name);
		}
		return false;
	}
	const sd_explain_field *f = known_suffix(s, end);
	if (f) {
		e->field = sd_xstrdup(f->name);
		return true;
	}
	const char *start = find_last(s, end, ": ");
	start = start ? start + 2 : s;
	start = skip_space(start, end);
	if (start == end)
		return false;
	e->field = dup_range(start, end);
	return true;
}

/* ---- the values ---- */

/* Brackets balance in [s, end); quoted strings skipped in %#v text. */
static bool balanced(const char *s, const char *end, bool quoted)
{
	int depth = 0;
	for (const char *p = s; p < end; p++) {
		if (quoted && *p == '"') {
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\')
					p++;
			if (p >= end)
				return false;
			continue;
		}
		if (strchr("[{(", *p))
			depth++;
		else if (strchr("]})", *p) && --depth < 0)
			return false;
	}
	return depth == 0;
}

/* Splits [s, end) at a " restore " candidate into checkpoint and the rest;
 * returns a score: 0 unusable, 1 usable, 2 balanced, 3 balanced and alike. */
static int try_split(const char *s, const char *end, const char *cut, bool quoted,
		     const char **got)
{
	const char *r = cut + strlen(MARK_RESTORE);
	const char *rend = end;
	*got = NULL;
	for (const char *g = find_last(r, end, MARK_GOT); g; g = find_last(r, g, MARK_GOT)) {
		if (balanced(r, g, quoted)) {
			*got = g;
			rend = g;
			break;
		}
	}
	if (!balanced(s, cut, quoted) || !balanced(r, rend, quoted))
		return 1;
	if ((size_t)(cut - s) == (size_t)(rend - r) && memcmp(s, r, (size_t)(cut - s)) == 0)
		return 3;
	return 2;
}

static bool read_values(const char *s, const char *end, sd_runsc_error *e)
{
	bool quoted = e->format == SD_RUNSC_FMT_GOSYNTAX;
	const char *best = NULL, *best_got = NULL;
	int best_score = 0;
	size_t n = strlen(MARK_RESTORE);

	for (const char *p = s; p + n <= end; p++) {
		const char *got;
		if (memcmp(p, MARK_RESTORE, n) != 0)
			continue;
		int score = try_split(s, end, p, quoted, &got);
		if (score > best_score) {
			best = p;
			best_got = got;
			best_score = score;
		}
	}
	if (!best)
		return false;
	e->checkpoint = dup_range(s, best);
	if (best_got) {
		e->restore = dup_range(best + n, best_got);
		e->got_error = dup_range(best_got + strlen(MARK_GOT), end);
	} else {
		e->restore = dup_range(best + n, end);
	}
	return true;
}

/* "NAME, checkpoint " or "\"NAME\", checkpoint ": sets container, returns
 * the start of the checkpoint value or NULL. */
static const char *read_container(const char *p, const char *end, sd_runsc_error *e)
{
	if (*p == '"') {
		const char *after;
		char *name = read_quoted(p, end, &after);
		if (name && (size_t)(end - after) >= strlen(MARK_CHECKPOINT) &&
		    memcmp(after, MARK_CHECKPOINT, strlen(MARK_CHECKPOINT)) == 0) {
			e->container = name;
			e->format = SD_RUNSC_FMT_GOSYNTAX;
			return after + strlen(MARK_CHECKPOINT);
		}
		free(name);
	}
	const char *c = strstr(p, MARK_CHECKPOINT);
	if (!c || c >= end)
		return NULL;
	e->container = dup_range(p, c);
	return c + strlen(MARK_CHECKPOINT);
}

static int parse_mismatch(const char *s, const char *end, const char *mark,
			  sd_runsc_error *e, sd_error *err)
{
	const char *v;

	if (!read_field(s, mark, e)) {
		sd_error_set(err, NULL, 0, 0,
			     "cannot find the field name before \"does not match across checkpoint restore\" (expected e.g. \"Sysctl does not match ...\")");
		return -1;
	}
	v = read_container(mark + strlen(MARK_MISMATCH), end, e);
	if (!v || !read_values(v, end, e)) {
		sd_error_set(err, NULL, 0, 0,
			     "the %s message is cut short: expected \"... for container: NAME, checkpoint VALUE restore VALUE\"",
			     e->field);
		return -1;
	}
	e->info = sd_explain_field_find(e->field);
	return 0;
}

static int parse_dupdev(const char *s, const char *end, sd_runsc_error *e, sd_error *err)
{
	const char *list = s + strlen(MARK_DUPDEV);
	const char *tail = find_last(list, end, MARK_DUPDEV_TAIL);
	if (!tail) {
		sd_error_set(err, NULL, 0, 0,
			     "the duplicate device message is cut short: expected \"duplicate device found in the spec LIST before checkpoint for container NAME\"");
		return -1;
	}
	e->kind = SD_RUNSC_DUP_DEVICE;
	e->field = sd_xstrdup("Devices");
	e->checkpoint = dup_range(list, tail);
	const char *name = tail + strlen(MARK_DUPDEV_TAIL), *after;
	if (*name == '"' && (e->container = read_quoted(name, end, &after)) != NULL)
		e->format = SD_RUNSC_FMT_GOSYNTAX;
	else
		e->container = dup_range(name, end);
	e->info = sd_explain_field_find("Devices");
	return 0;
}

static int parse_args_warn(const char *s, const char *end, sd_runsc_error *e, sd_error *err)
{
	const char *old = s + strlen(MARK_ARGS);
	const char *mid = strstr(old, MARK_ARGS_NEW);
	if (!mid || mid >= end) {
		sd_error_set(err, NULL, 0, 0,
			     "the args warning is cut short: expected \"Validating args with the exec paths, old: PATH new: PATH\"");
		return -1;
	}
	e->kind = SD_RUNSC_ARGS_WARN;
	e->field = sd_xstrdup("Args");
	e->container = sd_xstrdup("");
	e->checkpoint = dup_range(old, mid);
	e->restore = dup_range(mid + strlen(MARK_ARGS_NEW), end);
	e->info = sd_explain_field_find("Args");
	return 0;
}

static int not_understood(sd_error *err)
{
	sd_error_set(err, NULL, 0, 0,
		     "not a runsc restore-validation error: expected \"FIELD does not match across checkpoint restore for container: NAME, checkpoint VALUE restore VALUE\", "
		     "\"duplicate device found in the spec LIST before checkpoint for container NAME\" or "
		     "\"specs.Linux.Resources has been changed during restore, err ...\" or "
		     "\"Validating args with the exec paths, old: PATH new: PATH\"");
	return -1;
}

int sd_runsc_error_parse(const char *text, sd_runsc_error *out, sd_error *err)
{
	char *t = unwrap_log(text);
	join_lines(t);
	*(char *)trim_end(t, t + strlen(t)) = '\0'; /* so no search runs past end */
	const char *s = t, *end = t + strlen(t);
	const char *res = strstr(s, MARK_RESOURCES);
	const char *dup = strstr(s, MARK_DUPDEV);
	const char *mis = strstr(s, MARK_MISMATCH);
	const char *args = strstr(s, MARK_ARGS);
	int rc;

	memset(out, 0, sizeof *out);
	read_prefixes(s, res ? res : dup ? dup : mis ? mis : end, out);
	if (res && mis > res) {
		rc = parse_mismatch(res + strlen(MARK_RESOURCES), end, mis, out, err);
		out->kind = SD_RUNSC_RESOURCES_WARN;
	} else if (dup) {
		rc = parse_dupdev(dup, end, out, err);
	} else if (mis) {
		rc = parse_mismatch(s, end, mis, out, err);
	} else if (args) {
		rc = parse_args_warn(args, end, out, err);
	} else {
		rc = not_understood(err);
	}
	free(t);
	if (rc)
		sd_runsc_error_release(out);
	return rc;
}

void sd_runsc_error_release(sd_runsc_error *e)
{
	free(e->field);
	free(e->container);
	free(e->checkpoint);
	free(e->restore);
	free(e->got_error);
	free(e->restoring);
	free(e->spec_container);
	memset(e, 0, sizeof *e);
}

/* ---- the explanation ---- */

typedef struct strlist {
	char **v;
	size_t n, cap;
} strlist;

static void add_line(strlist *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_line(strlist *l, const char *fmt, ...)
{
	sd_buf b = SD_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sd_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = sd_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = sd_buf_detach(&b, NULL);
}

/* "/a, /b" into a fixed buffer. */
static void join_paths(const sd_explain_field *f, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; f && i < SD_EXPLAIN_MAX_PATHS && f->paths[i] && used < size; i++) {
		int w = snprintf(out + used, size - used, "%s%s", i ? ", " : "", f->paths[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

static const char *first_release(const char *profile)
{
	const sd_profile *p = profile ? sd_gvisor_profile_find(profile) : NULL;
	return p ? p->first_release : NULL;
}

static bool is_field(const sd_runsc_error *e, const char *name)
{
	return e->field && strcmp(e->field, name) == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Causes for identical %v texts, read off the text itself. */
static unsigned alike_causes(const sd_runsc_error *e)
{
	const char *v = e->checkpoint;
	unsigned why = 0;
	/* %#v tells nil from empty ((nil) vs {}): there "[]" and "map[" only
	 * spell types, and unquoted strings cannot happen */
	bool pct_v = e->format != SD_RUNSC_FMT_GOSYNTAX;

	if (pct_v && strstr(v, "map[]"))
		why |= SD_ALIKE_NIL_EMPTY_MAP;
	for (const char *p = strstr(v, "[]"); pct_v && p; p = strstr(p + 2, "[]"))
		if (p < v + 3 || memcmp(p - 3, "map", 3) != 0)
			why |= SD_ALIKE_NIL_EMPTY_SLICE;
	if (strstr(v, "0xADDR") || strstr(v, "0xc"))
		why |= SD_ALIKE_POINTERS;
	if (is_field(e, "Resources.Rdma"))
		why |= SD_ALIKE_RDMA;
	if (!why && pct_v)
		why |= SD_ALIKE_UNQUOTED;
	return why;
}

static void explain_alike(const sd_runsc_error *e, const char *paths, sd_explanation *x, strlist *r)
{
	x->alike_why = alike_causes(e);
	if (x->alike_why & SD_ALIKE_NIL_EMPTY_MAP)
		add_line(r, "Both sides print as map[] because Go's %%v prints a nil map and an empty map alike, "
			    "but runsc compared them with reflect.DeepEqual, which tells them apart: one side is nil "
			    "(the key absent or null in the JSON) and the other empty ({}). %%#v would show "
			    "map[string]string(nil) vs map[string]string{}.");
	if (x->alike_why & SD_ALIKE_NIL_EMPTY_SLICE)
		add_line(r, "Go's %%v prints a nil slice and an empty slice alike ([]); reflect.DeepEqual tells them apart: "
			    "somewhere under %s one side has the list absent or null and the other has [].", paths);
	if ((x->alike_why & (SD_ALIKE_NIL_EMPTY_MAP | SD_ALIKE_NIL_EMPTY_SLICE)) && e->kind == SD_RUNSC_MISMATCH)
		add_line(r, "runsc compares the restore spec with the copy it stored at checkpoint time, after a JSON "
			    "round trip (json.Marshal drops empty maps and lists from omitempty fields, so {} and [] come back nil): "
			    "even two identical config.json files fail this way when they hold an empty map or list at %s.", paths);
	if (x->alike_why & SD_ALIKE_POINTERS)
		add_line(r, "%%v prints pointers nested in a struct as addresses (0xc..., shown as 0xADDR), not their contents: "
			    "the difference is behind a pointer, or one side has a nil pointer where the other has one to a zero value.");
	if (x->alike_why & SD_ALIKE_RDMA)
		add_line(r, "Resources.Rdma values hold pointers and runsc compares them with ==, by address: any rdma entry "
			    "mismatches, even between identical specs.");
	if (x->alike_why & SD_ALIKE_UNQUOTED)
		add_line(r, "%%v prints strings without quotes, so an empty string, or strings with spaces ([\"a b\"] vs [\"a\", \"b\"]), "
			    "can print like something else.");
}

static void explain_gosyntax(const sd_runsc_error *e, sd_explanation *x, strlist *r)
{
	bool cnil = ends_with(e->checkpoint, "(nil)"), rnil = ends_with(e->restore, "(nil)");
	bool cempty = ends_with(e->checkpoint, "{}"), rempty = ends_with(e->restore, "{}");

	if (cnil && rempty)
		x->nil_side = "checkpoint";
	else if (rnil && cempty)
		x->nil_side = "restore";
	if (x->nil_side)
		add_line(r, "%%#v shows the %s side is nil (absent or null in its JSON) and the other side empty ({} or []): "
			    "reflect.DeepEqual treats a nil and an empty map or slice as different, although they mean the same.",
			 x->nil_side);
	else if (strstr(e->checkpoint, "(nil)") || strstr(e->restore, "(nil)"))
		add_line(r, "Somewhere inside, %%#v shows (nil) on one side: look for an absent or null list, map or object "
			    "where the other side has an empty one.");
}

static void explain_got(const sd_runsc_error *e, strlist *r)
{
	const char *g = e->got_error;
	if (!g)
		return;
	if (strcmp(g, "length mismatch") == 0)
		add_line(r, "\"length mismatch\": validateArray compares lengths first; a nil list has length 0.");
	else if (strcmp(g, "duplicate value") == 0)
		add_line(r, "\"duplicate value\": validateArray rejects a list holding the same element twice, on either side.");
	else if (strcmp(g, "invalid mount in the restore spec") == 0)
		add_line(r, "\"invalid mount in the restore spec\": the restore spec has one destination twice with different settings.");
	else
		add_line(r, "runsc added: got error %s.", g);
}

static void explain_fixes(const sd_runsc_error *e, const sd_explanation *x, const char *paths, strlist *f)
{
	const sd_explain_field *info = e->info;
	bool nil_empty = x->nil_side || (x->alike_why & (SD_ALIKE_NIL_EMPTY_MAP | SD_ALIKE_NIL_EMPTY_SLICE));
	const char *rel = info ? first_release(info->tolerant_from) : NULL;

	if (e->kind == SD_RUNSC_DUP_DEVICE) {
		add_line(f, "The duplicate is in the spec stored at checkpoint time, which cannot change: start the container "
			    "again from a spec without the repeated device and checkpoint anew.");
	} else if (nil_empty) {
		add_line(f, "Make both sides nil or both empty at %s: `specdiff normalize --like CHECKPOINT RESTORE -o RESTORE.fixed` "
			    "copies the checkpoint's nil/empty choices; or drop the empty value from the restore spec "
			    "(`specdiff normalize --empty omit RESTORE`), which is how runsc's stored copy already looks.", paths);
	} else if (e->kind == SD_RUNSC_MISMATCH) {
		add_line(f, "Make the restore spec match the checkpointed one at %s (the checkpoint side is the stored copy); "
			    "`specdiff diff CHECKPOINT RESTORE` shows the nodes.", paths);
	}
	if (rel && e->kind == SD_RUNSC_MISMATCH)
		add_line(f, "Upgrade runsc to %s or later, which %s.", rel, info->tolerance);
	if (e->kind == SD_RUNSC_MISMATCH || e->kind == SD_RUNSC_DUP_DEVICE)
		add_line(f, "Where your runsc has the --restore-spec-validation flag (see `runsc help`), "
			    "--restore-spec-validation=warning logs the mismatch and restores anyway.");
}

/* s with every 0xc[0-9a-f]+ address written 0xADDR (the corpus's rule),
 * so two runs' addresses do not make equal texts look different. */
static char *scrub_addresses(const char *s)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_grow(&b, strlen(s));
	while (*s) {
		if (s[0] == '0' && s[1] == 'x' && s[2] == 'c' && hexval(s[3]) >= 0 &&
		    !(s[3] >= 'A' && s[3] <= 'F')) {
			s += 3;
			while ((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))
				s++;
			sd_buf_adds(&b, "0xADDR");
		} else {
			sd_buf_addc(&b, *s++);
		}
	}
	return sd_buf_detach(&b, NULL);
}

static bool print_alike(const sd_runsc_error *e)
{
	if (!e->restore || e->kind == SD_RUNSC_ARGS_WARN)
		return false;
	char *a = scrub_addresses(e->checkpoint), *b = scrub_addresses(e->restore);
	bool same = strcmp(a, b) == 0;
	free(a);
	free(b);
	return same;
}

void sd_explain(const sd_runsc_error *e, sd_explanation *out)
{
	strlist reasons = { 0 }, fixes = { 0 };
	char paths[512];

	memset(out, 0, sizeof *out);
	join_paths(e->info, paths, sizeof paths);
	if (!paths[0])
		snprintf(paths, sizeof paths, "the field %s", e->field ? e->field : "?");
	if (e->kind == SD_RUNSC_RESOURCES_WARN)
		add_line(&reasons, "This is a warning, not the failure: from %s runsc logs resource differences and restores anyway. "
				   "If the restore failed, another line holds the error.",
			 first_release("gvisor-20241217") ? first_release("gvisor-20241217") : "release-20241217.0");
	if (e->kind == SD_RUNSC_ARGS_WARN)
		add_line(&reasons, "This is a warning, not the failure: from %s runsc compares argv[0] by its basename and "
				   "only logs when the directories differ (%s vs %s); the restore goes on.",
			 first_release("gvisor-20260202") ? first_release("gvisor-20260202") : "release-20260202.0",
			 e->checkpoint, e->restore);
	if (e->kind == SD_RUNSC_DUP_DEVICE)
		add_line(&reasons, "The checkpointed spec lists the same device (path and type) twice in linux.devices; "
				   "runsc refuses it before comparing anything.");
	out->alike = print_alike(e);
	if (out->alike)
		explain_alike(e, paths, out, &reasons);
	else if (e->format == SD_RUNSC_FMT_GOSYNTAX && e->restore)
		explain_gosyntax(e, out, &reasons);
	explain_got(e, &reasons);
	if (e->info && e->info->note)
		add_line(&reasons, "Note: %s.", e->info->note);
	if (!e->info)
		add_line(&reasons, "specdiff does not know the field %s: it may come from a runsc newer than the modelled profiles.",
			 e->field ? e->field : "?");
	explain_fixes(e, out, paths, &fixes);
	out->reasons = reasons.v;
	out->nreasons = reasons.n;
	out->fixes = fixes.v;
	out->nfixes = fixes.n;
}

void sd_explanation_release(sd_explanation *x)
{
	for (size_t i = 0; i < x->nreasons; i++)
		free(x->reasons[i]);
	for (size_t i = 0; i < x->nfixes; i++)
		free(x->fixes[i]);
	free(x->reasons);
	free(x->fixes);
	memset(x, 0, sizeof *x);
}
