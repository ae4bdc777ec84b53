/* rows.h - the explorer draws the row model core builds. */
#ifndef SPECDIFF_TUI_ROWS_FWD_H
#define SPECDIFF_TUI_ROWS_FWD_H
#include "specdiff/rows.h"
#endif
