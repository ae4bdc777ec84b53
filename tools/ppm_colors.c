/* ppm_colors.c - prints how many distinct colours a binary PPM (P6, maxval
 * 255) on standard input holds, and its size: "COLOURS WIDTHxHEIGHT".
 * The HTML page's browser test uses it to tell a rendered screenshot from
 * a blank one (convert FILE.png ppm:- | ppm_colors). */
#include <stdio.h>
#include <stdlib.h>

static int header_number(FILE *f, long *out)
{
	int c;
	do {   /* whitespace and # comments */
		c = getc(f);
		if (c == '#')
			while ((c = getc(f)) != '\n' && c != EOF)
				;
	} while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	if (c < '0' || c > '9')
		return -1;
	long v = 0;
	for (; c >= '0' && c <= '9'; c = getc(f))
		if ((v = v * 10 + (c - '0')) > 100000)
			return -1;
	*out = v;
	return 0;
}

int main(void)
{
	long w, h, max;
	if (getc(stdin) != 'P' || getc(stdin) != '6' || header_number(stdin, &w) ||
	    header_number(stdin, &h) || header_number(stdin, &max) || max != 255) {
		fprintf(stderr, "ppm_colors: expected a P6 PPM with maxval 255\n");
		return 2;
	}
	unsigned char *seen = calloc(1u << 21, 1);   /* one bit per 24-bit colour */
	if (!seen)
		return 2;
	long n = 0;
	for (long i = 0; i < w * h; i++) {
		int r = getc(stdin), g = getc(stdin), b = getc(stdin);
		if (b == EOF) {
			fprintf(stderr, "ppm_colors: short image\n");
			free(seen);
			return 2;
		}
		unsigned long c = (unsigned long)r << 16 | (unsigned long)g << 8 | (unsigned long)b;
		if (!(seen[c >> 3] & (1u << (c & 7)))) {
			seen[c >> 3] |= (unsigned char)(1u << (c & 7));
			n++;
		}
	}
	free(seen);
	printf("%ld %ldx%ld\n", n, w, h);
	return 0;
}
