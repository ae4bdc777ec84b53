/* TEMPORARY stub: replaced by the explorer. */
#include "explorer.h"
#include "../cli/commands.h"
int sd_explorer_main(int argc, char **argv)
{
	argv[0] = "diff";
	return sd_cmd_diff(argc, argv);
}
