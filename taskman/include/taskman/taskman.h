/*
 * taskman.h - taskman's internal interfaces (kernel independent).
 */
#ifndef TASKMAN_TASKMAN_H
#define TASKMAN_TASKMAN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TM_STACK_SIZE   (256 * 1024) /* main-thread stack of a spawned program */
#define TM_DEFAULT_PRIO 10

/* log.c: formatted output on the console, prefixed "taskman: ". */
void tm_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* bootfs.c: the boot archive (newc cpio) taskman was given. */
void bootfs_init(const void *archive, size_t size);
/* Finds a file; 0 and its bytes, or -ENOENT / -EIO (corrupt archive). */
int bootfs_lookup(const char *path, const void **data, size_t *size);

/* loader.c: building a process from an executable image. */
struct tm_exec {
	uintptr_t entry;
	uintptr_t phdr; /* program headers in the child (0 if not loaded) */
	unsigned phnum;
};

/*
 * Loads the ELF image into process pid. On failure returns a negative
 * errno (-ENOEXEC for anything that is not a loadable RISC-V program) and
 * sets *why to a human-readable reason.
 */
int tm_load_elf(pid_t pid, const void *image, size_t size, struct tm_exec *ex, const char **why);

/*
 * Spawns the program at path (from the boot archive) with argv/envp.
 * Returns 0 and its pid, or a negative errno.
 */
int tm_spawn(const char *path, char *const argv[], char *const envp[], pid_t *pid);

#endif
