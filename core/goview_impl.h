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
};

sd_goview *sd_goview_alloc(const sd_doc *doc);
/* Go's zero value of type t (structs get their fields allocated). */
void sd_gv_zero(sd_arena *a, sd_gv *gv, const sd_type *t);

#endif
