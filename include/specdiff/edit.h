/*
 * edit.h - the explorer's edits (DESIGN section 7) as document
 * transformations, and the undo history that holds their results.
 *
 * Documents stay immutable: every edit returns a NEW document (doc.h
 * builder, a deep copy of the old one with the change made), so the
 * history can keep whole states and undo/redo only switches between them.
 * Nodes copied from the other side lose their source positions (line 0):
 * they have no line in this side's file.
 *
 * Nothing here prints; what to tell the user comes back in sd_edit.msg.
 */
#ifndef SPECDIFF_EDIT_H
#define SPECDIFF_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "specdiff/diff.h"
#include "specdiff/doc.h"
#include "specdiff/error.h"
#include "specdiff/goview.h"

/* ---- document level: locations are child indexes from the root ---------
 * loc[i] is a member index in an object or an item index in an array;
 * n == 0 is the root.  Each returns a new document (named like d, same
 * format) or NULL when loc does not lead anywhere. */

/* The node at loc replaced by a copy of value (a member keeps its key). */
sd_doc *sd_doc_edit_replace(const sd_doc *d, const size_t *loc, size_t n, const sd_node *value,
			    bool keep_positions);
/* A copy of value inserted into the container at loc, at index (clamped to
 * its length); key (key_len bytes) for an object, NULL for an array. */
sd_doc *sd_doc_edit_insert(const sd_doc *d, const size_t *loc, size_t n, size_t index,
			   const char *key, size_t key_len, const sd_node *value,
			   bool keep_positions);
/* The member or item at loc removed (n >= 1). */
sd_doc *sd_doc_edit_remove(const sd_doc *d, const size_t *loc, size_t n);
/* Locates node (by identity) under d's root; returns its depth, with up to
 * max indexes in loc, or -1 when node is not in d. */
long sd_doc_locate(const sd_doc *d, const sd_node *node, size_t *loc, size_t max);

/* ---- pair level: what the keys do ------------------------------------- */

typedef struct sd_edit {
	sd_doc *doc;        /* the new document (caller owns); NULL when refused */
	int side;           /* the side doc replaces: 0 left, 1 right */
	char path[512];     /* JSON Pointer of the node changed (for the cursor) */
	char msg[300];      /* what was done, or why nothing was */
} sd_edit;

/*
 * `>` (from 0) and `<` (from 1): make the other side hold a copy of this
 * side's node.  A node missing on the other side is inserted at the
 * matching position (after the nearest earlier sibling present there);
 * when its container is missing too, the outermost missing container is
 * copied.  On a filler row of side `from` (nothing to copy), the node that
 * exists is copied across instead and msg says so.  docs are the documents
 * p's diff was computed on.  Returns 0, or -1 with msg saying why not.
 */
int sd_edit_copy(const sd_doc *const docs[2], const sd_pair *p, int from, sd_edit *e);

/*
 * `x`: toggles side's node between nil and empty where Go has a map, slice
 * or pointer (p->type): {} or [] (or a pointer's {}) becomes absent (a list
 * element becomes null); absent or null becomes {} / [].  Other kinds, and
 * non-empty values, are refused with the reason.
 */
int sd_edit_toggle_empty(const sd_doc *const docs[2], const sd_pair *p, int side, sd_edit *e);

/* `dd`: removes side's member or list element at p. */
int sd_edit_delete(const sd_doc *const docs[2], const sd_pair *p, int side, sd_edit *e);

/* ---- history: states of both sides, for undo and redo ------------------
 * A state is a pair of (document, Go view) entries; entries are shared
 * between states and freed when no state holds them.  Entries given as
 * borrowed (owned false) are never freed.  The history keeps at most
 * SD_HISTORY_MAX_STATES states and drops the oldest while the documents it
 * holds exceed SD_HISTORY_MAX_NODES nodes in all (always keeping the
 * current state and one before it). */
#define SD_HISTORY_MAX_STATES 200
#define SD_HISTORY_MAX_NODES ((size_t)20000000)

typedef struct sd_history sd_history;

/* The starting state; root types come from the views (their roots). */
sd_history *sd_history_new(sd_doc *const docs[2], sd_goview *const views[2], bool owned);
void sd_history_free(sd_history *h);

const sd_doc *sd_history_doc(const sd_history *h, int side);
const sd_goview *sd_history_view(const sd_history *h, int side);

/* Records a new state where side's document is doc (taken over; decoded
 * here with the side's root type), made by an edit at path (JSON Pointer,
 * copied; may be NULL).  Redo states after the current one are dropped.
 * Returns Go's decode error text or NULL. */
const char *sd_history_push(sd_history *h, int side, sd_doc *doc, const char *path);
/* The path of the edit that made the current state (NULL for the first):
 * where undo and redo put the cursor, as vim does. */
const char *sd_history_path(const sd_history *h);
bool sd_history_undo(sd_history *h);   /* false at the oldest state */
bool sd_history_redo(sd_history *h);   /* false at the newest */
size_t sd_history_position(const sd_history *h);  /* states before the current */
size_t sd_history_count(const sd_history *h);     /* states held */

/* Does side differ from its last saved (or loaded) state? */
bool sd_history_modified(const sd_history *h, int side);
/* The current state of side is what its file holds now. */
void sd_history_mark_saved(sd_history *h, int side);
/* Replaces side's document in the current state (a reload of the file
 * just written, so positions match it) and marks it saved; earlier
 * states stay for undo.  Takes doc and view. */
void sd_history_replace(sd_history *h, int side, sd_doc *doc, sd_goview *view);
/* Drops every state and starts over from docs (owned) as saved. */
void sd_history_reset(sd_history *h, sd_doc *const docs[2], sd_goview *const views[2]);

#endif
