/*
 * sha512sum - print or check SHA-512 checksums (see lib/shasum.c).
 */
#include "qu.h"
#include "shasum.h"

QU_USAGE("Usage: sha512sum [-bt] [file...]\n"
         "       sha512sum -c [file...]\n"
         "  -b  binary mode mark (*)   -t  text mode (default)\n"
         "  -c  read checksums from the files and check them\n");

int main(int argc, char **argv)
{
	return qu_shasum_main(argc, argv, 512);
}
