/* TEMPORARY stub: replaced by the helper implementing 'specdiff explain'. */
#include <stdio.h>
#include "commands.h"
int sd_cmd_explain(int argc, char **argv)
{
	(void)argc; (void)argv;
	fputs("specdiff explain: not built yet\n", stderr);
	return 2;
}
