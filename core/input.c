/*
 * input.c - an input as the command line names it: a path, "-" (standard
 * input), "PATH#/json/pointer", or a gVisor checkpoint image.
 *
 * Files are read with read(2) into one buffer of the right size, which the
 * document then owns: a 170 MB spec is held once, not copied.
 */
#include "doc_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "specdiff/base.h"
#include "specdiff/image.h"
#include "specdiff/util.h"

/* Reads all of fd; NULL with *err filled on failure.  known is the size
 * fstat reported for a regular file (0 otherwise), to detect shrinking. */
static char *read_all(int fd, const char *name, size_t known, size_t max, size_t *len,
		      sd_error *err)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_grow(&b, known ? known + 1 : 64 * 1024);
	if (sd_read_fd(fd, max, &b) != 0) {
		if (errno == EFBIG)
			sd_error_set(err, name, 0, 0, "input is larger than the limit of %zu bytes", max);
		else
			sd_error_set(err, name, 0, 0, "cannot read: %s", strerror(errno));
		sd_buf_release(&b);
		return NULL;
	}
	if (known && b.len < known) {
		sd_error_set(err, name, 0, 0, "the file shrank while it was read (%zu of %zu "
			     "bytes); is something writing it?", b.len, known);
		sd_buf_release(&b);
		return NULL;
	}
	return sd_buf_detach(&b, len);
}

static bool is_dir_with_image(const char *path)
{
	sd_buf b = SD_BUF_INIT;
	sd_buf_addf(&b, "%s/checkpoint.img", path);
	struct stat st;
	bool ok = stat(b.data, &st) == 0 && S_ISREG(st.st_mode);
	sd_buf_release(&b);
	return ok;
}

static sd_doc *load_image(const char *path, const sd_load_opts *o, sd_error *err)
{
	sd_image *img = sd_image_open(path, err);
	if (!img)
		return NULL;
	size_t len = 0;
	const char *chosen = NULL;
	const char *json = sd_image_spec_json(img, o->container, &len, &chosen, err);
	if (!json) {
		sd_image_free(img);
		return NULL;
	}
	sd_buf name = SD_BUF_INIT;
	sd_buf_addf(&name, "%s:%s", path, chosen ? chosen : "");
	sd_load_opts jo = *o;
	jo.format = SD_FORMAT_JSON;
	sd_doc *d = sd_doc_load_bytes(name.data, json, len, &jo, err);
	if (d) {
		d->path = sd_arena_strdup(d->arena, path);
		d->container = sd_arena_strdup(d->arena, chosen ? chosen : "");
		const char *v = sd_image_runsc_version(img);
		d->runsc_version = v ? sd_arena_strdup(d->arena, v) : NULL;
	}
	sd_buf_release(&name);
	sd_image_free(img);
	return d;
}

static sd_doc *load_path(const char *path, const char *name, const sd_load_opts *o,
			 sd_error *err)
{
	size_t max = o->max_bytes ? o->max_bytes : SD_DEFAULT_MAX_BYTES;
	bool std_in = strcmp(path, "-") == 0;
	int fd = std_in ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sd_error_set(err, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		sd_error_set(err, path, 0, 0, "cannot stat: %s", strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!std_in)
			close(fd);
		if (is_dir_with_image(path))
			return load_image(path, o, err);
		sd_error_set(err, path, 0, 0, "is a directory (expected a spec file, or a "
			     "checkpoint image directory holding checkpoint.img)");
		return NULL;
	}
	/* A checkpoint image is gigabytes of memory image behind a small
	 * header: look at the magic before reading anything else. */
	if (S_ISREG(st.st_mode) && !std_in && sd_image_sniff_path(path)) {
		close(fd);
		return load_image(path, o, err);
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		sd_error_set(err, path, 0, 0, "input is %jd bytes, above the limit of %zu bytes",
			     (intmax_t)st.st_size, max);
		goto fail;
	}
	size_t len;
	char *buf = read_all(fd, std_in ? "-" : path, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0,
			     max, &len, err);
	if (!std_in)
		close(fd);
	if (!buf)
		return NULL;
	if (sd_image_sniff(buf, len)) {
		free(buf);
		if (std_in) {
			sd_error_set(err, "-", 0, 0, "a checkpoint image cannot be read from standard "
				     "input: name the file");
			return NULL;
		}
		return load_image(path, o, err);
	}
	sd_doc *d = sdp_doc_load_owned(name, buf, len, o, err);
	if (d)
		d->path = sd_arena_strdup(d->arena, path);
	return d;
fail:
	if (!std_in)
		close(fd);
	return NULL;
}

/* Where the file part of "PATH#/pointer" ends: the first '#' followed by
 * '/' or by nothing, unless the whole text names an existing file. */
static const char *pointer_start(const char *spec)
{
	struct stat st;
	if (stat(spec, &st) == 0)
		return NULL;
	for (const char *h = strchr(spec, '#'); h; h = strchr(h + 1, '#'))
		if (h[1] == '/' || h[1] == '\0')
			return h;
	return NULL;
}

static sd_doc *select_pointer(sd_doc *d, const char *ptr, sd_error *err)
{
	const sd_node *deepest = NULL;
	const sd_node *n = sdp_node_at_pointer_partial(d->root, ptr, &deepest);
	if (n) {
		d->root = n;
		return d;
	}
	/* An escape other than ~0 and ~1 is the pointer's fault, not the data's. */
	sd_ptr_iter it;
	const char *raw;
	size_t rlen, bad = 0;
	sd_buf seg = SD_BUF_INIT;
	sd_ptr_iter_init(&it, ptr, strlen(ptr));
	while (sd_ptr_next(&it, &raw, &rlen))
		if (!sd_ptr_unescape(&seg, raw, rlen, &bad)) {
			sd_error_set(err, d->name, 0, 0, "JSON pointer %s has an invalid escape '~%.1s' "
				     "(RFC 6901 has only ~0 for '~' and ~1 for '/')", ptr,
				     bad + 1 < rlen ? raw + bad + 1 : "");
			sd_buf_release(&seg);
			sd_doc_free(d);
			return NULL;
		}
	sd_buf_release(&seg);
	/* Name the first segment that failed, at the last node reached. */
	sd_error_set(err, d->name, deepest ? deepest->line : 0, deepest ? deepest->col : 0,
		     "JSON pointer %s does not resolve: the %s here has no %s", ptr,
		     deepest ? sd_kind_name((sd_kind)deepest->kind) : "document",
		     deepest && deepest->kind == SD_ARRAY ? "such index"
		     : deepest && deepest->kind == SD_OBJECT ? "such member"
							    : "members");
	sd_doc_free(d);
	return NULL;
}

sd_doc *sd_doc_load_input(const char *spec, const sd_load_opts *opts, sd_error *err)
{
	sd_load_opts o = opts ? *opts : (sd_load_opts){ 0 };
	const char *hash = pointer_start(spec);
	if (!hash)
		return load_path(spec, spec, &o, err);
	char *path = sd_xstrndup(spec, (size_t)(hash - spec));
	sd_doc *d = load_path(path, spec, &o, err);
	if (d) {
		d->path = sd_arena_strdup(d->arena, path);
		d = select_pointer(d, hash + 1, err);
	}
	free(path);
	return d;
}
