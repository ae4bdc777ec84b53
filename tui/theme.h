/* theme.h - the explorer reads colour roles and themes from core. */
#ifndef SPECDIFF_TUI_THEME_FWD_H
#define SPECDIFF_TUI_THEME_FWD_H
#include "specdiff/theme.h"
#endif
