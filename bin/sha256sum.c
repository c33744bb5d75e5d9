/*
 * sha256sum - print or check SHA-256 checksums (see lib/shasum.c).
 */
#include "qu.h"
#include "shasum.h"

QU_USAGE("Usage: sha256sum [-bt] [file...]\n"
         "       sha256sum -c [file...]\n"
         "  -b  binary mode mark (*)   -t  text mode (default)\n"
         "  -c  read checksums from the files and check them\n");

int main(int argc, char **argv)
{
	return qu_shasum_main(argc, argv, 256);
}
