/*
 * image.h - gVisor checkpoint images as input (DESIGN section 2).
 *
 * A checkpoint image (checkpoint.img, or the image directory holding it)
 * begins with the 8 bytes "gVisorSF", a big-endian uint64 length, and that
 * many bytes of JSON: a map of string to string.  Its key "container_specs"
 * holds the JSON text of a map from container name to spec: the copy runsc
 * compares at restore.  Only the header is read (bounded by
 * SD_IMAGE_MAX_HEADER), never the memory image behind it.
 */
#ifndef SPECDIFF_IMAGE_H
#define SPECDIFF_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "specdiff/error.h"

#define SD_IMAGE_MAGIC "gVisorSF"
#define SD_IMAGE_MAX_HEADER ((size_t)64 << 20)

typedef struct sd_image sd_image;

/* True when the first bytes are the image magic. */
bool sd_image_sniff(const void *bytes, size_t len);
/* True when path is a regular file starting with the magic, or a directory
 * holding such a checkpoint.img.  Reads at most 8 bytes: call it before
 * reading a whole input, since images are usually gigabytes. */
bool sd_image_sniff_path(const char *path);

/*
 * Reads the header of the image at path (a file, or a directory holding
 * checkpoint.img).  Returns NULL and fills *err for a missing, truncated,
 * foreign or corrupt image.  Caller frees with sd_image_free().
 */
sd_image *sd_image_open(const char *path, sd_error *err);
void sd_image_free(sd_image *img);

const char *sd_image_path(const sd_image *img);            /* the file actually read */
const char *sd_image_runsc_version(const sd_image *img);   /* NULL when absent */
size_t sd_image_container_count(const sd_image *img);
const char *sd_image_container_name(const sd_image *img, size_t i); /* sorted */
/*
 * The JSON text of one container's stored spec (borrowed; valid until
 * sd_image_free), for name, or for the only container when name is NULL.
 * NULL with *err filled when the name is unknown, or when name is NULL and
 * there are several (the message lists them).
 */
const char *sd_image_spec_json(const sd_image *img, const char *name,
			       size_t *len, const char **chosen, sd_error *err);

#endif
