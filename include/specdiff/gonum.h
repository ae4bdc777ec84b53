/*
 * gonum.h - Go's number formatting, byte for byte.
 *
 * sd_go_format_float is strconv.FormatFloat(f, fmt, -1, 64) for fmt 'e',
 * 'f' and 'g': the shortest decimal digits that read back as the same
 * float64, laid out as Go does ('e' writes at least two exponent digits:
 * 1e+21; 'g' switches to 'e' when the exponent is below -4 or at least 6
 * in shortest mode (1e+06); NaN, +Inf, -Inf).
 * sd_go_json_float is encoding/json's float64 encoding: 'f', or 'e' when
 * abs < 1e-6 or abs >= 1e21, with e-09 shortened to e-9.  Not defined for
 * NaN or infinities (json.Marshal refuses them; "NaN"/"+Inf" are written).
 */
#ifndef SPECDIFF_GONUM_H
#define SPECDIFF_GONUM_H

#include "specdiff/util.h"

void sd_go_format_float(sd_buf *out, double f, char fmt);
void sd_go_json_float(sd_buf *out, double f);

#endif
