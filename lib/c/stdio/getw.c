/*
 * getw.c - the old SVID getw/putw: one int in the machine's byte order.
 */
#include "stdio_impl.h"

/* The next int of f, or EOF (check feof/ferror: EOF is also a valid value). */
int getw(FILE *f)
{
	int v;

	return fread(&v, sizeof(v), 1, f) == 1 ? v : EOF;
}

/* Writes w to f; 0, or EOF on error. */
int putw(int w, FILE *f)
{
	return fwrite(&w, sizeof(w), 1, f) == 1 ? 0 : EOF;
}
