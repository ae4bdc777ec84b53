/* TEMPORARY stub: replaced by the helper implementing 'specdiff normalize'. */
#include <stdio.h>
#include "commands.h"
int sd_cmd_normalize(int argc, char **argv)
{
	(void)argc; (void)argv;
	fputs("specdiff normalize: not built yet\n", stderr);
	return 2;
}
