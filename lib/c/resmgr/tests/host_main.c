/*
 * host_main.c - glibc entry point of a host test whose body is QSOE code
 * (renamed to q_*): calls QSOE_HOST_ENTRY and returns its result.
 */
int QSOE_HOST_ENTRY(void);

int main(void)
{
	return QSOE_HOST_ENTRY();
}
