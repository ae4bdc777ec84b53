/*
 * yaml_events.c - the libyaml floor for the benchmark suite.
 *
 *   yaml_events FILE...
 *
 * Runs libyaml's event parser over each file and throws the events away:
 * no tree, no comparison, nothing built.  A JSON document is YAML flow
 * style, so this is the least work any YAML-capable loader must do to read
 * the inputs; specdiff's load + diff is reported as a multiple of it.
 * Prints the number of events per file; exits 1 on a parse error.
 */
#include <stdbool.h>
#include <stdio.h>
#include <yaml.h>

static int parse_file(const char *path, unsigned long long *events)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	int rc = 0;
	for (bool done = false; !done;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "%s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
				parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "parse error");
			rc = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		(*events)++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	int status = 0;
	if (argc < 2) {
		fputs("usage: yaml_events FILE...\n", stderr);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		unsigned long long events = 0;
		if (parse_file(argv[i], &events) < 0)
			status = 1;
		else
			printf("%s: %llu events\n", argv[i], events);
	}
	return status;
}
