/*
 * tmtest_dyn - a position-independent program (ET_DYN) linked against
 * libtmt.so (which needs libtmt2.so): checks what taskman's loader did
 * (relocations of every kind, symbol lookup order, interposition, weak
 * references) and, with a child of its own, that the libraries' text is
 * shared between processes (VmPhys gives the same physical page) while
 * their data is not.
 */
#include "tmt.h"

extern int tmt_lib_counter;
extern const char *tmt_lib_name;
extern int (*tmt_lib_fp)(int);
extern int *tmt_lib_data_ptr;
extern int tmt_lib2_data[4];
int tmt_lib_add(int a, int b);
int tmt_lib_get_counter(void);
int tmt_lib_call_interposed(void);
int tmt_lib_weak(void);
void *tmt_lib_text(void);
extern int tmt_nowhere(void) __attribute__((weak));

/* Interposes libtmt.so's definition. */
int tmt_interposed(void)
{
	return 2;
}

struct pages {
	uint64_t text, data;
};

static void where(struct pages *p)
{
	uint64_t pa = 0;
	VmPhys_r(tmt_lib_text(), &pa, NULL);
	p->text = pa & ~0xfffULL;
	VmPhys_r(&tmt_lib_counter, &pa, NULL);
	p->data = pa & ~0xfffULL;
}

static void checks(void)
{
	int (*volatile nowhere)(void) = tmt_nowhere;

	KT_EQ(tmt_lib_add(2, 3), 7);
	KT_EQ(tmt_lib_counter, 5);
	tmt_lib_counter = 6;
	KT_EQ(tmt_lib_get_counter(), 6); /* one variable */
	KT_CHECK(strcmp(tmt_lib_name, "libtmt") == 0);
	KT_EQ(tmt_lib_fp(21), 42);
	KT_EQ(*tmt_lib_data_ptr, 3);
	KT_CHECK(tmt_lib_data_ptr == &tmt_lib2_data[2]);
	KT_EQ(tmt_lib_call_interposed(), 2);
	KT_EQ(tmt_lib_weak(), 0);
	KT_CHECK(nowhere == 0);
	KT_CHECK((uintptr_t)&checks >= 0x40000000 && (uintptr_t)&checks < 0x1000000000);
	KT_CHECK((uintptr_t)tmt_lib_text() >= 0x1000000000);
}

int kt_main(int argc, char **argv)
{
	checks();
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		struct pages p;
		where(&p);
		int coid = ConnectAttach_r(0, (pid_t)tmt_atol(argv[2]), (int)tmt_atol(argv[3]),
		                           _NTO_SIDE_CHANNEL, 0);
		KT_CHECK(coid > 0);
		KT_EQ(MsgSend_r(coid, &p, sizeof(p), NULL, 0), 0);
		return kt_failures ? 1 : 0;
	}
	int chid = ChannelCreate_r(0);
	char spid[16], schid[16];
	tmt_ltoa(getpid_kt(), spid);
	tmt_ltoa(chid, schid);
	long pid = tmt_spawnl("/tmtest_dyn", 0, "tmtest_dyn", "child", spid, schid, NULL);
	KT_CHECK(pid > 0);
	if (pid <= 0) {
		kt_printf("tmtest_dyn: spawn failed: %ld\n", pid);
		return 1;
	}
	struct pages theirs, mine;
	rcvid_t rcvid = MsgReceive_r(chid, &theirs, sizeof(theirs), NULL);
	KT_CHECK(rcvid > 0);
	MsgReply_r(rcvid, 0, NULL, 0);
	where(&mine);
	KT_CHECK(mine.text != 0 && mine.text == theirs.text); /* shared text */
	KT_CHECK(mine.data != theirs.data);                   /* private data */
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	kt_printf("tmtest_dyn: library text at physical 0x%lx in both processes\n",
	          (unsigned long)mine.text);
	kt_printf("tmtest_dyn: %d failure(s)\n", kt_failures);
	return kt_failures ? 1 : 0;
}
