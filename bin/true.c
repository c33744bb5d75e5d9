/*
 * true - do nothing, successfully. Operands and options are ignored.
 */
#include "qu.h"

QU_USAGE("Usage: true\n"
         "Exits with status 0.\n");

int main(void)
{
	return 0;
}
