/* checks.h - the explorer shows the restore checks core runs. */
#ifndef SPECDIFF_TUI_CHECKS_FWD_H
#define SPECDIFF_TUI_CHECKS_FWD_H
#include "specdiff/checks.h"
#endif
