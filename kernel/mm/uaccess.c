/*
 * uaccess.c - checked access to user memory (see uaccess.h).
 *
 * Same address space: direct loads and stores with sstatus.SUM set, inside
 * the fault-fixup window of usercopy.S. This needs no lock: an unmap on
 * another hart clears the PTE and flushes every hart's TLB before it frees
 * the page, so the copy either sees the old page or faults with EFAULT.
 *
 * Another address space: its page table is walked under its lock and the
 * bytes move through the physmap, a page at a time; the lock keeps the
 * pages from being freed under the copy.
 */
#include <skimmer/cpu.h>
#include <skimmer/kstring.h>
#include <skimmer/thread.h>
#include <skimmer/proc.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <arch/arch.h>
#include <arch/mmu.h>

long __copy_user(void *dst, const void *src, size_t n);
long __strnlen_user(const char *s, size_t max);

int copyin(void *dst, uaddr_t src, size_t n)
{
	if (n == 0)
		return 0;
	if (!user_range_ok(src, n) || src < USER_BASE)
		return -EFAULT;
	csr_set(sstatus, SSTATUS_SUM);
	long r = __copy_user(dst, (const void *)src, n);
	csr_clear(sstatus, SSTATUS_SUM);
	return (int)r;
}

int copyout(uaddr_t dst, const void *src, size_t n)
{
	if (n == 0)
		return 0;
	if (!user_range_ok(dst, n) || dst < USER_BASE)
		return -EFAULT;
	csr_set(sstatus, SSTATUS_SUM);
	long r = __copy_user((void *)dst, src, n);
	csr_clear(sstatus, SSTATUS_SUM);
	return (int)r;
}

long copyinstr(char *dst, uaddr_t src, size_t max)
{
	if (max == 0)
		return -ENAMETOOLONG;
	if (src < USER_BASE || src >= USER_TOP)
		return -EFAULT;
	size_t lim = MIN(max, USER_TOP - src);
	csr_set(sstatus, SSTATUS_SUM);
	long len = __strnlen_user((const char *)src, lim);
	csr_clear(sstatus, SSTATUS_SUM);
	if (len < 0)
		return len;
	if ((size_t)len >= max)
		return -ENAMETOOLONG;
	if ((size_t)len == lim)
		return -EFAULT; /* ran into the end of user space */
	int r = copyin(dst, src, (size_t)len + 1);
	if (r < 0)
		return r;
	dst[len] = 0;
	return len;
}

/*
 * Kernel address of user address va in as, if the page permits 'need'
 * (PTE_R or PTE_W); NULL otherwise. Caller holds as->lock.
 */
static void *user_kva(struct aspace *as, uaddr_t va, pte_t need)
{
	pte_t *pte = mmu_walk(as->root, va, false);

	if (pte == NULL || !(*pte & PTE_V) || !(*pte & PTE_U) || (*pte & need) != need)
		return NULL;
	return (char *)pa_to_kva(pte_pa(*pte)) + (va & (PAGE_SIZE - 1));
}

static void lock_pair(struct aspace *a, struct aspace *b)
{
	if (a == b) {
		spin_lock(&a->lock);
	} else if (a < b) {
		spin_lock(&a->lock);
		spin_lock(&b->lock);
	} else {
		spin_lock(&b->lock);
		spin_lock(&a->lock);
	}
}

static void unlock_pair(struct aspace *a, struct aspace *b)
{
	if (a != b)
		spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

long as_copy(struct aspace *das, uaddr_t dst, struct aspace *sas, uaddr_t src, size_t n,
             bool *fault_dst)
{
	*fault_dst = false;
	if (n == 0)
		return 0;
	if (!user_range_ok(dst, n) || dst < USER_BASE) {
		*fault_dst = true;
		return -EFAULT;
	}
	if (!user_range_ok(src, n) || src < USER_BASE)
		return -EFAULT;
	lock_pair(das, sas);
	size_t done = 0;
	while (done < n) {
		uaddr_t s = src + done, d = dst + done;
		size_t chunk =
		        MIN(PAGE_SIZE - (s & (PAGE_SIZE - 1)), PAGE_SIZE - (d & (PAGE_SIZE - 1)));
		chunk = MIN(chunk, n - done);
		void *sk = user_kva(sas, s, PTE_R);
		if (sk == NULL) {
			unlock_pair(das, sas);
			return -EFAULT;
		}
		void *dk = user_kva(das, d, PTE_W);
		if (dk == NULL) {
			unlock_pair(das, sas);
			*fault_dst = true;
			return -EFAULT;
		}
		memcpy(dk, sk, chunk);
		done += chunk;
	}
	unlock_pair(das, sas);
	return (long)n;
}

int as_write(struct aspace *as, uaddr_t dst, const void *src, size_t n)
{
	if (!user_range_ok(dst, n) || dst < USER_BASE)
		return -EFAULT;
	spin_lock(&as->lock);
	for (size_t done = 0; done < n;) {
		size_t chunk = MIN(PAGE_SIZE - ((dst + done) & (PAGE_SIZE - 1)), n - done);
		void *k = user_kva(as, dst + done, PTE_W);
		if (k == NULL) {
			spin_unlock(&as->lock);
			return -EFAULT;
		}
		memcpy(k, (const char *)src + done, chunk);
		done += chunk;
	}
	spin_unlock(&as->lock);
	return 0;
}

int as_read(struct aspace *as, void *dst, uaddr_t src, size_t n)
{
	if (!user_range_ok(src, n) || src < USER_BASE)
		return -EFAULT;
	spin_lock(&as->lock);
	for (size_t done = 0; done < n;) {
		size_t chunk = MIN(PAGE_SIZE - ((src + done) & (PAGE_SIZE - 1)), n - done);
		void *k = user_kva(as, src + done, PTE_R);
		if (k == NULL) {
			spin_unlock(&as->lock);
			return -EFAULT;
		}
		memcpy((char *)dst + done, k, chunk);
		done += chunk;
	}
	spin_unlock(&as->lock);
	return 0;
}
