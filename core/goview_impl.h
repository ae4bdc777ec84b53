/*
 * goview_impl.h - what goview_decode.c, goview_ops.c and gomarshal.c share:
 * the sd_goview layout and zero values.  Not part of the public API.
 */
#ifndef SPECDIFF_GOVIEW_IMPL_H
#define SPECDIFF_GOVIEW_IMPL_H

#include "specdiff/arena.h"
#include "specdiff/goview.h"

struct sd_goview {
	sd_arena *arena;      /* every sd_gv, array and replaced string */
	const sd_doc *doc;    /* borrowed */
	sd_gv root;
	const char *error;    /* arena; NULL when the decode was clean */
	bool lazy;            /* interface{} of a JSON doc, not decoded yet:
				 sd_goview_root() decodes it on first use */
};

sd_goview *sdp_goview_alloc(const sd_doc *doc);
/* Go's zero value of type t (structs get their fields allocated). */
void sdp_gv_zero(sd_arena *a, sd_gv *gv, const sd_type *t);

/*
 * Lazy views (big JSON documents decoded as interface{}): the Go value of
 * a JSON value in interface{} is a pure function of its node, so the
 * comparison can work on the nodes (diff_nodes.c) and make sd_gv values
 * only for what it reports.
 */
bool sdp_goview_is_lazy(const sd_goview *v);
const sd_type *sd_goview_root_type(const sd_goview *v); /* never decodes */
/* The interface{} value Go holds for JSON node n, allocated in a. */
sd_gv *sdp_gv_decode_iface_node(sd_arena *a, const sd_doc *doc, const sd_node *n);
/* The string Go holds for the bytes s[0..len) (invalid UTF-8 becomes
 * U+FFFD); s itself when valid, else a copy in a. */
const char *sdp_gv_go_string(sd_arena *a, const char *s, size_t len, size_t *out_len);
/* strconv.ParseFloat(s, 64) on a JSON number's text; false when out of range. */
bool sdp_gv_parse_float(const char *s, size_t len, double *out);
/* A Go string (valid UTF-8) as json.Marshal writes it (gomarshal.c). */
void sdp_gv_marshal_string(sd_buf *out, const char *s, size_t len);
/* The Go value at the JSON Pointer path[0..len) below v (struct fields by
 * JSON name, map keys, list indexes; pointers followed), or NULL. */
const sd_gv *sdp_gv_at(const sd_gv *v, const char *path, size_t len);

#endif
