/*
 * doc_impl.h - what the loaders (json_load.c, yaml_load.c, input.c) share
 * with doc.c: the sd_doc layout and the allocators that build a tree.
 * Not part of the public API.
 *
 * Memory: a document may be hundreds of megabytes, so nodes come from slabs
 * (24 bytes each, no per-node header or alignment padding) and short texts
 * from a byte-granular pool, both carved from the document's arena.
 */
#ifndef SPECDIFF_DOC_IMPL_H
#define SPECDIFF_DOC_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/arena.h"
#include "specdiff/doc.h"
#include "specdiff/error.h"

#define SD_DOC_MAX_NOTES 64

struct sd_doc {
	sd_arena *arena;
	const sd_node *root;
	sd_format format;
	char *name;               /* arena */
	char *path;               /* arena */
	unsigned stream_count;
	size_t source_bytes;
	const char *container;    /* arena; images only */
	const char *runsc_version;
	char *owned_src;          /* malloc'd source buffer, freed with the doc */
	sd_error *notes;          /* malloc'd */
	size_t nnotes, notes_dropped;
	bool yaml_comments;       /* the YAML source had # comments (not kept) */
	/* node slab */
	sd_node *slab;
	size_t slab_left;
	/* text pool */
	char *pool;
	size_t pool_left;
	/* item and member arrays: 8-byte aligned, not the arena's 16 */
	char *apool;
	size_t apool_left, apool_chunk;
};

sd_doc *sdp_doc_new(const char *name);
sd_node *sdp_doc_node(sd_doc *d, sd_kind k, uint32_t line, uint32_t col);
/* n bytes from the text pool (not aligned, not zeroed). */
char *sdp_doc_text(sd_doc *d, size_t n);
char *sdp_doc_textdup(sd_doc *d, const char *s, size_t n); /* NUL-terminated */
/* An array of count items or members (size a multiple of 8), 8-byte
 * aligned and not zeroed: a 40-byte member array of odd length would waste
 * 8 bytes to the arena's 16-byte alignment, millions of times over. */
void *sdp_doc_array(sd_doc *d, size_t count, size_t size);
void sdp_doc_add_note(sd_doc *d, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Marks later members whose key repeats an earlier one; returns true if any. */
bool sdp_doc_mark_duplicates(sd_member *m, size_t n);

/* Resolves an RFC 6901 pointer; on failure *deepest is the last node
 * reached (for a positioned error). */
const sd_node *sdp_node_at_pointer_partial(const sd_node *root, const char *ptr,
					  const sd_node **deepest);

/* Parses JSON text in src[0..len) (src[len] must be NUL).  No node points
 * into src, and the parser gives whole pages of it that it has read back
 * to the system (madvise): src must be a heap buffer that d owns and that
 * nothing reads after the call (sdp_doc_load_owned frees it). */
const sd_node *sdp_json_parse(sd_doc *d, char *src, size_t len,
			     const sd_load_opts *o, sd_error *err);
const sd_node *sdp_yaml_parse(sd_doc *d, const char *src, size_t len,
			     const sd_load_opts *o, sd_error *err);

/* True when yaml.v3 would read the plain scalar s[0..n) as a string (not
 * null, bool or number) - the YAML writer quotes everything else. */
bool sdp_yaml_plain_is_string(const char *s, size_t n);

/* Loads from a malloc'd buffer of len+1 bytes that the document takes over
 * (freed with it, or on failure). */
sd_doc *sdp_doc_load_owned(const char *name, char *buf, size_t len,
			  const sd_load_opts *opts, sd_error *err);

#endif
