/* checks.c - restore-check verdicts for the explorer (see checks.h). */
#include "specdiff/checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "specdiff/explain.h"
#include "specdiff/gvisor.h"
#include "specdiff/schema.h"

/* A finding as core reports it: the field is data, never read back from
 * the message text. */
static void keep(sd_check_error *e, const char *text, const char *field, bool warning, bool next)
{
	const sd_explain_field *f = sd_explain_field_find(field);
	memset(e, 0, sizeof(*e));
	e->text = sd_xstrdup(text);
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	e->paths = f ? f->paths : NULL;
	e->warning = warning;
	e->next = next;
}

/* A side this profile's types cannot decode: runsc refuses the spec before
 * any validator runs, and that refusal is the finding. */
static bool keep_decode_failure(sd_profile_verdict *pv, const sd_check_result *r)
{
	const char *which = r->decode_checkpoint ? "checkpoint" : "restore";
	const char *why = r->decode_checkpoint ? r->decode_checkpoint : r->decode_restore;
	if (!why)
		return false;
	char text[1024];
	snprintf(text, sizeof text, "the %s spec does not decode with specs-go %s: %s", which,
		 pv->profile->specs_go, why);
	pv->pass = false;
	pv->nfirst = pv->nerrors = 1;
	pv->errors = sd_xcalloc(1, sizeof(*pv->errors));
	keep(&pv->errors[0], text, "decoding", false, false);
	return true;
}

static void keep_result(sd_profile_verdict *pv, const sd_check_result *r)
{
	size_t n = r->nerrors + r->nwarnings + r->nnext, k = 0;
	if (keep_decode_failure(pv, r))
		return;
	pv->pass = r->pass;
	pv->nfirst = r->nerrors;
	pv->errors = sd_xcalloc(n ? n : 1, sizeof(*pv->errors));
	for (size_t j = 0; j < r->nerrors; j++)
		keep(&pv->errors[k++], r->errors[j], r->error_fields[j], false, false);
	for (size_t j = 0; j < r->nwarnings; j++)
		keep(&pv->errors[k++], r->warnings[j], r->warning_fields[j], true, false);
	for (size_t j = 0; j < r->nnext; j++)
		keep(&pv->errors[k++], r->next[j], r->next_fields[j], r->next_is_warning[j], true);
	pv->nerrors = k;
}

void sd_checks_run(sd_checks *c, const sd_doc *checkpoint, const sd_doc *restore,
		   const sd_goview *const view[2], bool roundtrip, const char *container)
{
	memset(c, 0, sizeof(*c));
	if (!checkpoint || !restore)
		return;
	sd_gvisor_pair *pair = sd_gvisor_pair_new(checkpoint, restore, roundtrip);
	if (view && view[0] && view[1])
		sd_gvisor_pair_lend(pair, view[0], view[1]);
	c->ran = true;
	c->roundtrip = roundtrip;
	c->n = sd_gvisor_profile_count();
	c->v = sd_xcalloc(c->n, sizeof(*c->v));
	for (size_t i = 0; i < c->n; i++) {
		sd_check_result r;
		c->v[i].profile = sd_gvisor_profile_at(i);
		sd_gvisor_pair_check(pair, c->v[i].profile, container, &r);
		keep_result(&c->v[i], &r);
		sd_check_result_release(&r);
	}
	sd_gvisor_pair_free(pair);
}

void sd_checks_release(sd_checks *c)
{
	for (size_t i = 0; i < c->n; i++) {
		for (size_t j = 0; j < c->v[i].nerrors; j++)
			free(c->v[i].errors[j].text);
		free(c->v[i].errors);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

static bool same_outcome(const sd_profile_verdict *a, const sd_profile_verdict *b)
{
	if (a->pass != b->pass)
		return false;
	if (a->pass)
		return true;
	const char *fa = a->nfirst ? a->errors[0].field : "";
	const char *fb = b->nfirst ? b->errors[0].field : "";
	return !strcmp(fa, fb);
}

void sd_checks_summary(const sd_checks *c, sd_buf *out)
{
	if (!c->ran) {
		sd_buf_adds(out, "restore checks: not an OCI spec");
		return;
	}
	for (size_t i = 0; i < c->n;) {
		size_t j = i + 1;
		while (j < c->n && same_outcome(&c->v[i], &c->v[j]))
			j++;
		const sd_profile_verdict *pv = &c->v[i];
		if (i)
			sd_buf_adds(out, " · ");
		sd_buf_adds(out, pv->profile->name);
		if (j == c->n && j - i > 1)
			sd_buf_addc(out, '+');
		else if (j - i > 1)
			sd_buf_addf(out, "..%s", c->v[j - 1].profile->name + (strncmp(c->v[j - 1].profile->name, "gvisor-", 7) ? 0 : 7));
		if (pv->pass)
			sd_buf_adds(out, ": pass");
		else
			sd_buf_addf(out, ": FAIL %s", pv->nfirst && pv->errors[0].field[0] ? pv->errors[0].field : "");
		i = j;
	}
}

/* Is a a prefix of b at a segment boundary? */
static bool path_under(const char *b, const char *a)
{
	size_t n = strlen(a);
	return !strncmp(a, b, n) && (b[n] == '\0' || b[n] == '/' || n == 0);
}

bool sd_check_error_covers(const sd_check_error *e, const char *path)
{
	if (!e->paths)
		return false;
	if (!strcmp(path, "/"))
		path = "";
	for (const char *const *p = e->paths; *p; p++)
		if (path_under(path, *p) || path_under(*p, path))
			return true;
	return false;
}

static bool error_marks(const sd_check_error *e, const char *path, bool folded, bool differs)
{
	for (const char *const *p = e->paths; p && *p; p++) {
		if (!strcmp(path, *p))
			return true;
		if (differs && path_under(path, *p))
			return true;
		if (folded && path_under(*p, path))
			return true;
	}
	return false;
}

bool sd_checks_mark_row(const sd_checks *c, const char *path, bool folded, bool differs)
{
	if (!c->ran || !path)
		return false;
	if (!strcmp(path, "/"))
		path = "";
	/* every finding: runsc's first error, its warnings and what it would
	 * report next once that is fixed */
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->v[i].nerrors; j++)
			if ((!c->v[i].pass || c->v[i].errors[j].warning) &&
			    error_marks(&c->v[i].errors[j], path, folded, differs))
				return true;
	return false;
}
