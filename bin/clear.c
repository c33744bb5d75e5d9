/*
 * clear - clear the terminal screen (ANSI/VT100 sequences: home, erase the
 * screen, erase the scroll-back), as QSOE's consoles understand them.
 */
#include "qu.h"

QU_USAGE("Usage: clear\n"
         "Clears the terminal screen.\n");

int main(int argc, char **argv)
{
	qu_init(argv[0]);
	qu_getopt(argc, argv, "x");
	fputs("\033[H\033[2J\033[3J", stdout);
	return 0;
}
