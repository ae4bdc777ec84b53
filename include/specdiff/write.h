/*
 * write.h - JSON and YAML writers that keep key order and exact number text,
 * and atomic file replacement.
 *
 * Output of sd_write_node() loads back (doc.h) to a tree equal to the input
 * by sd_node_equal(), except in YAML output: it cannot keep invalid UTF-8
 * (written as U+FFFD with a note; JSON output keeps the bytes), and a JSON
 * number beyond float64 range (1e400) is written as a quoted string with
 * the same text, since YAML readers (yaml.v3, ours) read it as a string
 * whatever its spelling (see sd_write_yaml_number_strings).
 */
#ifndef SPECDIFF_WRITE_H
#define SPECDIFF_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/doc.h"
#include "specdiff/error.h"
#include "specdiff/util.h"

/* The string escaping of Go's encoding/json, by release. */
typedef enum sd_json_escape {
	SD_JSON_ESCAPE_WRITER,   /* not Go's: lossless (see sd_write_opts) */
	SD_JSON_ESCAPE_GO_1_0,   /* Go 1.0 to 1.21: \u0008, \u000c */
	SD_JSON_ESCAPE_GO_1_22,  /* Go 1.22 and later: \b, \f */
} sd_json_escape;
#define SD_JSON_ESCAPE_GO_NEWEST SD_JSON_ESCAPE_GO_1_22

typedef struct sd_write_opts {
	sd_format to;       /* JSON or YAML (AUTO means JSON) */
	unsigned indent;    /* spaces per level; 0 means 2 */
	/* JSON output of YAML numbers: false keeps their text (so the tree
	 * loads back equal); true writes what sigs.k8s.io/yaml's YAML->JSON
	 * step writes (sd_number_go_text: 4096.0 -> 4096, 1e3 -> 1000), so
	 * the JSON means to Go what the YAML did -- in JSON 4096.0 cannot
	 * fill an integer field. */
	bool go_numbers;
	/* JSON string bytes: the lossless writer style (the default: \b, \f,
	 * \u007f, invalid UTF-8 kept), or a Go release's json.Marshal (what
	 * runsc stores: --roundtrip and checkpoint images). */
	sd_json_escape json_escape;
} sd_write_opts;

/* The quoting flags (base.h SD_JSON_*) of an escape mode; 0 for the
 * writer style. */
unsigned sd_json_escape_flags(sd_json_escape e);
/* The escape mode of the json.Marshal of a Go release: "go1.21.5",
 * "1.22" ...; NULL or an unknown spelling gives the newest. */
sd_json_escape sd_json_escape_for_go(const char *go_version);

/* A source file's shape, so that a one-field fix written back is a
 * one-line diff of a hand-kept file. */
typedef struct sd_write_shape {
	unsigned indent;       /* spaces per level; 0: as sd_write_opts says */
	bool tabs;             /* JSON: one tab per level (YAML cannot: 2 spaces) */
	bool crlf;             /* line ends \r\n */
	bool no_final_newline; /* the source did not end with a newline */
} sd_write_shape;

/* The shape of a JSON or YAML text: the first indented line gives the
 * indentation (a tab, or N spaces), the first line end CRLF or LF, the
 * last byte the final newline.  A text without an indented line, or JSON
 * whose first line does not end right after its opening bracket (laid out
 * by hand), gets indent 0 (the writer's default). */
void sd_write_detect_shape(const char *text, size_t len, sd_write_shape *sh);
/* The same from the head and the last byte of the file at path; returns
 * false (*sh zeroed: the canonical shape) when it is not a regular file
 * (a FIFO or /dev/stdin was read already) or cannot be read. */
bool sd_write_detect_file_shape(const char *path, sd_write_shape *sh);

/* Appends the serialisation of root (ending with a newline) to out. */
void sd_write_node(sd_buf *out, const sd_node *root, const sd_write_opts *o);
/* The same in shape sh (NULL: the canonical one). */
void sd_write_node_shaped(sd_buf *out, const sd_node *root, const sd_write_opts *o,
			  const sd_write_shape *sh);

/* True when YAML output of root cannot keep every string exactly (invalid
 * UTF-8 is written as U+FFFD): the caller should say so.  JSON numbers
 * from YAML that JSON cannot spell (0x1F, 1_000) are written in Go's JSON
 * form; .inf and .nan, which JSON has no form for, are written as strings. */
bool sd_write_yaml_lossy(const sd_node *root);

/* True when YAML output of root writes numbers as strings: JSON numbers
 * beyond float64 range (1e400), which yaml.v3 resolves as strings (and
 * rejects with a !!float tag), are written quoted and load back as strings
 * with the same text.  Go fails to decode such a number from JSON anyway;
 * from YAML it gets the string.  The caller should say so. */
bool sd_write_yaml_number_strings(const sd_node *root);

/* What sd_write_file did besides writing (for the caller's notes). */
typedef struct sd_write_info {
	bool followed_links;     /* path was a symbolic link: real is written */
	bool wrote_stdout;       /* path named standard output: written there */
	unsigned long links;     /* hard links the replaced file had (0: new) */
	char real[4096];         /* the file written, when followed_links */
} sd_write_info;

/*
 * Writes data to the file path names, atomically: a temporary file
 * ".NAME.XXXXXX" next to the real file, written, fsync'ed, then renamed
 * over it.  A symbolic link is followed (the link stays, the file it names
 * is replaced); the old file's mode is kept, and its owner and group when
 * running as root.  A directory, FIFO, device or socket is refused, except
 * the file standard output is open on, which is written in place.  A file
 * with several hard links is replaced for this name only (info->links says
 * so; the caller should tell the user).  On any failure the original is
 * untouched, the temporary removed (also on SIGINT, SIGTERM, SIGHUP while
 * it exists; SIGXFSZ is ignored meanwhile, so a file size limit is an
 * error), and -1 returned with *err saying why.  info may be NULL.
 */
int sd_write_file(const char *path, const void *data, size_t len, sd_write_info *info,
		  sd_error *err);
/* sd_write_file without the info. */
int sd_write_file_atomic(const char *path, const void *data, size_t len, sd_error *err);

/*
 * PATH.orig before PATH is replaced (normalize --in-place, the explorer's
 * w): a hard link to the original (no copy, so it cannot fail for lack of
 * space), else a copy of orig, its content.  An existing PATH.orig holding
 * something else is never replaced (-1, *err says so).  *made tells whether
 * this call created it (so a failed write can remove it again).
 */
int sd_write_backup(const char *path, const sd_buf *orig, bool *made, sd_error *err);

#endif
