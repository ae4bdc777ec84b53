/* TEMPORARY stub: replaced by the helper implementing 'specdiff diff'. */
#include <stdio.h>
#include "commands.h"
int sd_cmd_diff(int argc, char **argv)
{
	(void)argc; (void)argv;
	fputs("specdiff diff: not built yet\n", stderr);
	return 2;
}
