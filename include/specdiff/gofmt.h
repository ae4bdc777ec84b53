/*
 * gofmt.h - Go's fmt rendering of decoded spec values, exactly as Go prints
 * them: %v (structs {f1 f2} in declaration order, &{...} for a top-level
 * pointer to struct, nested non-nil pointers as 0xADDR, <nil>, map[k:v]
 * with sorted keys, [a b]) and %#v (map[string]string(nil) vs
 * map[string]string{}, specs.Root{Path:"rootfs", Readonly:true} ...).
 *
 * Addresses: Go prints nested pointers as 0xc000123456; the corpus replaces
 * every match of 0xc[0-9a-f]+ with "0xADDR", so these functions print
 * "0xADDR" directly.
 */
#ifndef SPECDIFF_GOFMT_H
#define SPECDIFF_GOFMT_H

#include "specdiff/goview.h"
#include "specdiff/util.h"

/* fmt.Sprintf("%v", v) where v is the value itself (top level). */
void sd_gofmt_v(sd_buf *out, const sd_gv *v);
/* fmt.Sprintf("%#v", v). */
void sd_gofmt_sharp_v(sd_buf *out, const sd_gv *v);
/* %v of a Go string (as fmt prints a string: raw bytes). */
void sd_gofmt_quote(sd_buf *out, const char *s, size_t n);  /* strconv.Quote */
/* strconv.FormatFloat(f, fmt, -1, 64) for fmt in 'e', 'f', 'g'; and the
 * %v rendering of a float64 ('g' with the %v exponent threshold of 21). */
void sd_gofmt_float(sd_buf *out, double f, char fmt);
void sd_gofmt_float_v(sd_buf *out, double f);

#endif
