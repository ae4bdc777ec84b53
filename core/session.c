/* session.c - one comparison's sides, root type and checks (see session.h). */
#include "specdiff/session.h"

#include <string.h>

#include "specdiff/base.h"
#include "specdiff/gvisor.h"
#include "specdiff/schema.h"

void sd_session_init(sd_session *s, const sd_session_opts *o)
{
	memset(s, 0, sizeof(*s));
	s->opts = *o;
}

/* null, or an object with no members */
static bool null_or_empty(const sd_node *n)
{
	return n->kind == SD_NULL || (n->kind == SD_OBJECT && n->len == 0);
}

const sd_type *sd_session_pick_type(const sd_doc *a, const sd_doc *b, sd_schema_choice c,
				    const sd_type *oci)
{
	const sd_type *spec = oci ? oci : sd_schema_oci();
	const sd_doc *doc[2] = { a, b };
	size_t loaded = 0, empty = 0;
	if (c != SD_SCHEMA_AUTO)
		return sd_goview_pick_type_in(a ? a : b, c, oci);
	for (int i = 0; i < 2; i++) {
		if (!doc[i])
			continue;
		const sd_node *root = sd_doc_root(doc[i]);
		loaded++;
		if (null_or_empty(root))
			empty++;
		else if (root->kind != SD_OBJECT)
			return sd_schema_iface();
	}
	for (int i = 0; i < 2; i++)
		if (doc[i] && sd_schema_is_oci(sd_goview_pick_type_in(doc[i], c, oci)))
			return spec;
	return loaded && empty == loaded ? spec : sd_schema_iface();
}

/* d's document as Go decodes it into the pair's root type */
static void decode_side(const sd_session *s, sd_session_side *d)
{
	sd_error derr;
	sd_error_clear(&derr);
	d->view = sd_goview_decode(d->doc, s->root, &derr);
	d->decode_failed = sd_goview_error(d->view) != NULL;
	if (d->decode_failed)
		d->err = derr;
}

void sd_session_decode(sd_session *s)
{
	s->root = sd_session_pick_type(s->side[0].doc, s->side[1].doc, s->opts.schema,
				       s->opts.oci_types);
	for (int i = 0; i < 2; i++)
		if (s->side[i].doc && !s->side[i].view)
			decode_side(s, &s->side[i]);
	s->checks_done = false;
}

bool sd_session_is_oci(const sd_session *s)
{
	return s->root && sd_schema_is_oci(s->root);
}

const char *sd_session_container(const sd_session *s)
{
	const char *image = s->side[0].doc ? sd_doc_container(s->side[0].doc) : NULL;
	if (s->opts.load.container)
		return s->opts.load.container;
	return image ? image : "__no_name_0";
}

const char *sd_session_runsc_version(const sd_session *s)
{
	return s->side[0].doc ? sd_doc_runsc_version(s->side[0].doc) : NULL;
}

void sd_session_describe_runsc(const sd_session *s, sd_buf *out)
{
	const char *v = sd_session_runsc_version(s);
	if (!v)
		return;
	const sd_profile *p = sd_gvisor_profile_for_release(v);
	sd_buf_adds(out, "runsc ");
	sd_buf_add_safe(out, v, strlen(v), false);   /* from the image: may be anything */
	sd_buf_adds(out, " wrote the checkpoint");
	if (!p)
		sd_buf_adds(out, " (not a release tag specdiff knows: no profile)");
	else if (sd_gvisor_release_beyond(v))
		sd_buf_addf(out, " (newer than every profile: %s is the nearest)", p->name);
	else
		sd_buf_addf(out, " (profile %s)", p->name);
}

void sd_session_describe_image(const sd_session *s, sd_buf *out)
{
	if (!s->side[0].doc || !sd_doc_container(s->side[0].doc))
		return;
	size_t at = out->len;
	sd_session_describe_runsc(s, out);
	const char *c = sd_session_container(s);
	sd_buf_adds(out, out->len > at ? ", container " : "container ");
	sd_buf_add_safe(out, c, strlen(c), false);
}

bool sd_session_roundtrip(const sd_session *s)
{
	/* an image holds runsc's stored copy: it went through the trip */
	return !s->opts.as_given && !(s->side[0].doc && sd_doc_container(s->side[0].doc));
}

const sd_checks *sd_session_checks(sd_session *s)
{
	if (s->checks_done)
		return &s->checks;
	sd_checks_release(&s->checks);
	if (sd_session_is_oci(s))
		sd_checks_run(&s->checks, s->side[0].doc, s->side[1].doc,
			      (const sd_goview *const[]){ s->side[0].view, s->side[1].view },
			      sd_session_roundtrip(s), sd_session_container(s));
	s->checks_done = true;
	return &s->checks;
}

void sd_session_replace(sd_session *s, int side, sd_doc *doc)
{
	sd_session_side *d = &s->side[side];
	sd_goview_free(d->view);
	sd_doc_free(d->doc);
	d->doc = doc;
	sd_error_clear(&d->err);
	decode_side(s, d);
	s->checks_done = false;
}

void sd_session_close(sd_session *s)
{
	for (int i = 0; i < 2; i++) {
		sd_goview_free(s->side[i].view);
		sd_doc_free(s->side[i].doc);
	}
	sd_checks_release(&s->checks);
	memset(s, 0, sizeof(*s));
}
