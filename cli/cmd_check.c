/* TEMPORARY stub: replaced by the helper implementing 'specdiff check'. */
#include <stdio.h>
#include "commands.h"
int sd_cmd_check(int argc, char **argv)
{
	(void)argc; (void)argv;
	fputs("specdiff check: not built yet\n", stderr);
	return 2;
}
