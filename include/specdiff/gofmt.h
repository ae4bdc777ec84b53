/*
 * gofmt.h - Go's fmt rendering of decoded spec values (sd_gv), exactly as
 * fmt.Sprintf("%v", x) and fmt.Sprintf("%#v", x) print them when x is the
 * value itself (the top-level argument, depth 0 in fmt/print.go).
 *
 * %v:  structs {f1 f2} in declaration order (an embedded struct, such as
 *      LinuxBlockIODevice in weightDevice entries, prints as its own {..}),
 *      &{...} for a top-level pointer to struct/slice/map, nested non-nil
 *      pointers as addresses, <nil>, [a b] (nil or empty: []), map[k:v] with
 *      sorted keys, strings raw, floats as strconv 'g' shortest (1e+06),
 *      fs.FileMode through its String method (-rw-rw-rw-), also through a
 *      pointer, since fmt calls Stringers at every depth.
 * %#v: specs.Root{Path:"rootfs", Readonly:true}, &specs.Root{...} at top
 *      level, map[string]string(nil) vs map[string]string{}, []string(nil),
 *      []string{"a", "b"}, (*specs.Hooks)(nil), (*int64)(0xADDR),
 *      interface {}(nil), unsigned integers in hex (0x3e8), strings quoted
 *      by strconv.Quote rules; named string types print as plain strings.
 *
 * Addresses: Go prints them as 0xc000123456; the corpus replaces every match
 * of 0xc[0-9a-f]+ with "0xADDR", so these functions print "0xADDR".
 *
 * All functions append to out (caller-owned) and never fail.
 */
#ifndef SPECDIFF_GOFMT_H
#define SPECDIFF_GOFMT_H

#include <stddef.h>
#include <stdint.h>

#include "specdiff/goview.h"
#include "specdiff/schema.h"
#include "specdiff/util.h"

/* fmt.Sprintf("%v", v). */
void sd_gofmt_v(sd_buf *out, const sd_gv *v);
/* fmt.Sprintf("%#v", v). */
void sd_gofmt_sharp_v(sd_buf *out, const sd_gv *v);
/* strconv.Quote(s): "..." with Go escapes (\x00, \u2028, \xff for invalid
 * UTF-8 bytes, printable runes kept as they are). */
void sd_gofmt_quote(sd_buf *out, const char *s, size_t n);
/* %v of a float64: strconv.FormatFloat(f, 'g', -1, 64) ("1e+06", "0.5",
 * "+Inf", "NaN"). */
void sd_gofmt_float_v(sd_buf *out, double f);
/* fs.FileMode.String(): "-rw-rw-rw-", "drwxr-xr-x", "Dcrw-------". */
void sd_gofmt_filemode(sd_buf *out, uint32_t mode);
/* The struct t embeds in its first *nfields (flattened) fields, as Go
 * spells its type ("specs.LinuxBlockIODevice"), or NULL when none. */
const char *sd_gofmt_embedded(const sd_type *t, size_t *nfields);
/* reflect.Type.String() of t: "map[string]interface {}", "*specs.Hooks". */
void sd_gofmt_type_name(sd_buf *out, const sd_type *t);

#endif
