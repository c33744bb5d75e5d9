/*
 * nop.c - /bin/ubench-nop, the trivial program whose spawn and wait
 * ubench measures (spawn_wait_trivial): a dynamically linked C program
 * that returns at once.
 */
int main(void)
{
	return 0;
}
