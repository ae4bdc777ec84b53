/*
 * doc.h - the document model: one tree for JSON and YAML.
 *
 * A loaded document (sd_doc) owns one arena holding every node and string
 * (texts are copied out of the source, which is not kept); sd_doc_free()
 * releases all of it.  Nodes are read-only
 * after loading and stay valid until their document is freed.
 *
 * Model (DESIGN section 3):
 *   - object members keep source order; a repeated key is kept as a second
 *     member with SD_MEMBER_DUPLICATE set, and the object gets SD_NODE_DUPKEYS;
 *   - numbers keep their exact source text (18446744073709551615 and
 *     -9223372036854775808 survive byte-for-byte);
 *   - strings are decoded UTF-8 bytes (escapes resolved) and may contain
 *     U+0000; invalid UTF-8 bytes from a JSON source are kept as they are
 *     (Go replaces them with U+FFFD when decoding, see goview.h); a lone
 *     surrogate escape (\ud800) is stored as U+FFFD, exactly as Go stores it,
 *     and the node gets SD_NODE_LOSSY so writers can say so;
 *   - "absent" is not a node; null is.
 * Every node and member key knows its source line and column (from 1).
 */
#ifndef SPECDIFF_DOC_H
#define SPECDIFF_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "specdiff/error.h"

typedef enum sd_kind {
	SD_NULL,
	SD_BOOL,
	SD_NUMBER,
	SD_STRING,
	SD_ARRAY,
	SD_OBJECT,
} sd_kind;

typedef enum sd_format {
	SD_FORMAT_AUTO,
	SD_FORMAT_JSON,
	SD_FORMAT_YAML,
} sd_format;

/* sd_node.flags */
enum {
	SD_NODE_DUPKEYS = 1 << 0,  /* object: some member key repeats */
	SD_NODE_ESCAPED = 1 << 1,  /* string or key: source text had escapes */
	SD_NODE_LOSSY = 1 << 2,    /* string: a lone surrogate became U+FFFD */
	SD_NODE_BADUTF8 = 1 << 3,  /* string: holds invalid UTF-8 bytes */
	SD_NODE_QUOTED = 1 << 4,   /* YAML scalar written quoted or block */
	SD_NODE_NUM_ALT = 1 << 5,  /* number: has a separate Go JSON text (YAML) */
	SD_NODE_NUM_NOJSON = 1 << 6, /* number: YAML .inf/.nan, no JSON form */
	SD_NODE_FLOW = 1 << 7,     /* YAML collection written in flow style */
};

/* sd_member.flags */
enum {
	SD_MEMBER_DUPLICATE = 1 << 0, /* an earlier member has the same key */
};

typedef struct sd_node sd_node;
typedef struct sd_member sd_member;

struct sd_node {
	uint8_t kind;    /* sd_kind */
	uint8_t flags;   /* SD_NODE_* */
	/* In a member's value: how many lines the member's key is above it
	 * (sd_member_key_line; it keeps members at 40 bytes).  Unused
	 * elsewhere. */
	int16_t key_above;
	uint32_t line, col;
	uint32_t len;    /* string bytes, number text bytes, array items, object members */
	union {
		bool boolean;
		const char *str;        /* SD_STRING: decoded bytes, NUL-terminated */
		const char *num;        /* SD_NUMBER: source text, NUL-terminated */
		sd_node *items;         /* SD_ARRAY: len nodes, side by side */
		sd_member *members;     /* SD_OBJECT */
	} u;
};

/* Items and member values are held in place, not behind pointers: a
 * document of millions of nodes then costs 24 bytes per item and 40 per
 * member (DESIGN: peak memory at most 2.5x the inputs).  Take a child's
 * address (&n->u.items[i], &m->value); it stays valid as long as the
 * document, except in a built document whose container is edited. */
struct sd_member {
	const char *key;   /* decoded bytes, NUL-terminated (may hold NULs: use key_len) */
	uint32_t key_len;
	uint32_t key_col : 30;   /* saturates at SD_KEY_COL_MAX (inputs over 1 GiB) */
	uint32_t flags : 2;      /* SD_MEMBER_* */
	sd_node value;     /* value.key_above holds the key's line: see below */
};

#define SD_KEY_COL_MAX ((1u << 30) - 1)

/* A member key's line, kept as its distance above the value's line (one
 * line or none nearly always: 40 bytes a member, not 48).  The distance
 * saturates at 32767 lines (a YAML alias whose anchor is further away
 * from the key), so the line is then approximate.  Set the line after the
 * value: assigning m->value replaces it. */
static inline uint32_t sd_member_key_line(const sd_member *m)
{
	return (uint32_t)((int64_t)m->value.line - m->value.key_above);
}

static inline void sd_member_set_key_line(sd_member *m, uint32_t line)
{
	int64_t d = (int64_t)m->value.line - line;
	m->value.key_above = (int16_t)(d > INT16_MAX ? INT16_MAX : d < INT16_MIN ? INT16_MIN : d);
}

static inline void sd_member_set_key_col(sd_member *m, uint32_t col)
{
	m->key_col = col < SD_KEY_COL_MAX ? col : SD_KEY_COL_MAX;
}

/*
 * The JSON number text Go's decoder sees for a number node.  For JSON it is
 * the source text.  For YAML it is what sigs.k8s.io/yaml's YAML->JSON step
 * writes (yaml.v3 resolves 0x1F, 0o17, 4096.0, 1_000 ...; floats are
 * re-printed the way Go marshals a float64); NULL for .inf/.nan
 * (SD_NODE_NUM_NOJSON).  *len receives the length.
 */
const char *sd_number_go_text(const sd_node *n, size_t *len);

/* Loading limits; zero fields take the documented defaults. */
typedef struct sd_load_opts {
	sd_format format;        /* SD_FORMAT_AUTO: extension, then content */
	unsigned doc_index;      /* YAML stream: which document (0 = first) */
	size_t max_bytes;        /* default SD_DEFAULT_MAX_BYTES */
	unsigned max_depth;      /* default SD_DEFAULT_MAX_DEPTH */
	size_t max_alias_nodes;  /* default SD_DEFAULT_MAX_ALIAS_NODES */
	const char *container;   /* checkpoint image: which container (NULL: the only one) */
} sd_load_opts;

#define SD_DEFAULT_MAX_BYTES ((size_t)1 << 30)       /* 1 GiB */
#define SD_DEFAULT_MAX_DEPTH 10000u
#define SD_DEFAULT_MAX_ALIAS_NODES ((size_t)1000000) /* nodes created by alias expansion */

typedef struct sd_doc sd_doc;

/*
 * Loads bytes (copied into the document's arena).  name is used in error
 * messages and for format detection by extension.  Returns NULL and fills
 * *err on failure (position of the problem where there is one).
 */
sd_doc *sd_doc_load_bytes(const char *name, const char *bytes, size_t len,
			  const sd_load_opts *opts, sd_error *err);

/*
 * Loads an input as the command line names it: a path, "-" for standard
 * input, "PATH#/json/pointer" to select a subtree (RFC 6901, ~0 and ~1), or
 * a gVisor checkpoint image (a file starting with "gVisorSF", or a directory
 * holding checkpoint.img; see image.h), whose stored spec for
 * opts->container (or the only container) is loaded.
 */
sd_doc *sd_doc_load_input(const char *spec, const sd_load_opts *opts, sd_error *err);

void sd_doc_free(sd_doc *d);                 /* NULL is fine */

const sd_node *sd_doc_root(const sd_doc *d);  /* never NULL for a loaded doc */
sd_format sd_doc_format(const sd_doc *d);     /* JSON or YAML, never AUTO */
const char *sd_doc_name(const sd_doc *d);     /* as given, e.g. "a.json#/x" */
const char *sd_doc_path(const sd_doc *d);     /* file part of the name */
unsigned sd_doc_stream_count(const sd_doc *d); /* YAML documents in the stream; 1 for JSON */
size_t sd_doc_source_bytes(const sd_doc *d);  /* input size */
/* Checkpoint images: the container whose spec this is and the image's
 * runsc_version; NULL for ordinary files. */
const char *sd_doc_container(const sd_doc *d);
const char *sd_doc_runsc_version(const sd_doc *d);

/* True when YAML input had '#' comments, which the model does not keep
 * (libyaml drops them): writers of a normalized copy should say so. */
bool sd_doc_yaml_had_comments(const sd_doc *d);

/* Notes: things worth telling the user that are not errors ("yes" stays a
 * string, more documents in the stream, comments dropped ...). */
size_t sd_doc_note_count(const sd_doc *d);
const sd_error *sd_doc_note(const sd_doc *d, size_t i);

/* Lookup helpers. */
const sd_node *sd_node_get(const sd_node *obj, const char *key); /* last member with that exact key, or NULL */
/* Resolves an RFC 6901 pointer ("" is the root).  NULL when absent. */
const sd_node *sd_node_at_pointer(const sd_node *root, const char *ptr);
bool sd_node_equal(const sd_node *a, const sd_node *b);  /* exact: kinds, texts, member order */
const char *sd_kind_name(sd_kind k);

/*
 * Building documents (doc_build.c): a new, empty document whose nodes the
 * caller creates and links.  Nodes of a built document are mutable until
 * it is freed; every node, string and array lives in the document's arena
 * (sd_doc_free releases them).  Built nodes have line and col 0 unless
 * copied from a loaded document (sd_build_copy keeps positions and flags).
 * Nodes must only be linked into the document that created them.
 */
sd_doc *sd_doc_build_new(const char *name, sd_format format);
/* Sets the root and recomputes the duplicate-key flags of every object under
 * it (call again after editing a tree in place, before decoding it). */
void sd_doc_set_root(sd_doc *d, sd_node *root);
sd_node *sd_build_null(sd_doc *d);
sd_node *sd_build_bool(sd_doc *d, bool v);
/* text must be a number as a loader would keep it (not checked). */
sd_node *sd_build_number(sd_doc *d, const char *text, size_t len);
/* Copies s; flags SD_NODE_BADUTF8 when s is not valid UTF-8. */
sd_node *sd_build_string(sd_doc *d, const char *s, size_t len);
sd_node *sd_build_object(sd_doc *d);
sd_node *sd_build_array(sd_doc *d);
/* Appends (or inserts at index, 0..len) a member; the key is copied, and
 * so is *value (members and items hold their node in place): build a
 * value before linking it, and reach it afterwards through the container
 * (the returned member's value).  Inserting moves the container's later
 * children.  Duplicate-key flags are set by sd_doc_set_root. */
sd_member *sd_build_append_member(sd_doc *d, sd_node *obj, const char *key, size_t key_len,
				  sd_node *value);
sd_member *sd_build_insert_member(sd_doc *d, sd_node *obj, size_t index, const char *key,
				  size_t key_len, sd_node *value);
void sd_build_remove_member(sd_node *obj, size_t index);
/* Items too are copied in (*item); see above. */
void sd_build_append_item(sd_doc *d, sd_node *arr, sd_node *item);
void sd_build_insert_item(sd_doc *d, sd_node *arr, size_t index, sd_node *item);
void sd_build_remove_item(sd_node *arr, size_t index);
/* Deep copy of src (from any document) into d. */
sd_node *sd_build_copy(sd_doc *d, const sd_node *src);

#endif
