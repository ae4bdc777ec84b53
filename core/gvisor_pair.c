/*
 * gvisor_pair.c - a checkpoint/restore pair decoded once per specs-go
 * version, so that every profile judges it with the types its runsc was
 * built with (a v1.1.0-rc.1 runsc drops linux.timeOffsets as unknown, a
 * v1.2.1 one decodes and compares it).
 */
#include <stdlib.h>
#include <string.h>

#include "gvisor_impl.h"
#include "specdiff/schema.h"
#include "specdiff/util.h"

enum { MAX_VERSIONS = 16 };

typedef struct pair_views {
	const sd_type *types;
	sd_goview *checkpoint, *restore, *stored;  /* stored: checkpoint after the round trip */
	bool lent;                                 /* checkpoint and restore are the caller's */
} pair_views;

struct sd_gvisor_pair {
	const sd_doc *checkpoint, *restore;
	bool roundtrip;
	pair_views v[MAX_VERSIONS];
	size_t n;
};

sd_gvisor_pair *sd_gvisor_pair_new(const sd_doc *checkpoint, const sd_doc *restore, bool roundtrip)
{
	sd_gvisor_pair *p = sd_xcalloc(1, sizeof *p);
	p->checkpoint = checkpoint;
	p->restore = restore;
	p->roundtrip = roundtrip;
	return p;
}

static pair_views *add_views(sd_gvisor_pair *p, const sd_type *types)
{
	if (p->n == MAX_VERSIONS)
		abort();  /* more specs-go versions than tables: cannot happen */
	pair_views *v = &p->v[p->n++];
	v->types = types;
	return v;
}

static void make_stored(const sd_gvisor_pair *p, pair_views *v)
{
	if (p->roundtrip && !sd_goview_error(v->checkpoint))
		v->stored = sd_goview_roundtrip(v->checkpoint);
}

static pair_views *views_for(sd_gvisor_pair *p, const sd_type *types)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].types == types)
			return &p->v[i];
	pair_views *v = add_views(p, types);
	sd_error e;
	v->checkpoint = sd_goview_decode(p->checkpoint, types, &e);
	v->restore = sd_goview_decode(p->restore, types, &e);
	make_stored(p, v);
	return v;
}

void sd_gvisor_pair_lend(sd_gvisor_pair *p, const sd_goview *checkpoint, const sd_goview *restore)
{
	const sd_type *types = sd_goview_root_type(checkpoint);
	if (types != sd_goview_root_type(restore) || !sd_schema_is_oci(types))
		return;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].types == types)
			return;
	pair_views *v = add_views(p, types);
	/* only read, never freed: lent */
	v->checkpoint = (sd_goview *)checkpoint;
	v->restore = (sd_goview *)restore;
	v->lent = true;
	make_stored(p, v);
}

static char *error_copy(const sd_goview *v)
{
	return sd_goview_error(v) ? sd_xstrdup(sd_goview_error(v)) : NULL;
}

void sd_gvisor_pair_check(sd_gvisor_pair *pair, const sd_profile *p, const char *cname,
			  sd_check_result *out)
{
	pair_views *v = views_for(pair, sd_gvisor_profile_types(p));
	if (sd_goview_error(v->checkpoint) || sd_goview_error(v->restore)) {
		memset(out, 0, sizeof *out);
		out->decode_checkpoint = error_copy(v->checkpoint);
		out->decode_restore = error_copy(v->restore);
		return;
	}
	const sd_goview *old = v->stored ? v->stored : v->checkpoint;
	sd_gvisor_run(p, sd_goview_root(old), sd_goview_root(v->restore), cname, out);
}

void sd_gvisor_pair_free(sd_gvisor_pair *pair)
{
	if (!pair)
		return;
	for (size_t i = 0; i < pair->n; i++) {
		if (!pair->v[i].lent) {
			sd_goview_free(pair->v[i].checkpoint);
			sd_goview_free(pair->v[i].restore);
		}
		sd_goview_free(pair->v[i].stored);
	}
	free(pair);
}
