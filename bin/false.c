/*
 * false - do nothing, unsuccessfully. Operands and options are ignored.
 */
#include "qu.h"

QU_USAGE("Usage: false\n"
         "Exits with status 1.\n");

int main(void)
{
	return 1;
}
