/*
 * arena.h - a bump allocator that owns every allocation of one document,
 * Go view or diff, and frees them as a unit.
 *
 * Memory from an arena is zeroed and aligned for any scalar type.  Nothing
 * allocated from an arena is freed individually; sd_arena_free() releases
 * all of it.  Allocation failure exits (see util.h).
 */
#ifndef SPECDIFF_ARENA_H
#define SPECDIFF_ARENA_H

#include <stddef.h>

typedef struct sd_arena sd_arena;

sd_arena *sd_arena_new(void);
void sd_arena_free(sd_arena *a);                 /* NULL is fine */
void *sd_arena_alloc(sd_arena *a, size_t n);      /* zeroed */
void *sd_arena_array(sd_arena *a, size_t count, size_t size); /* overflow-checked */
char *sd_arena_strndup(sd_arena *a, const char *s, size_t n); /* NUL-terminated copy */
char *sd_arena_strdup(sd_arena *a, const char *s);
char *sd_arena_printf(sd_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
size_t sd_arena_bytes(const sd_arena *a);         /* bytes reserved from the system */

#endif
