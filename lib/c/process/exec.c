/*
 * exec.c - fork() and the exec family. QSOE has neither: a process is
 * always created from a program by taskman (posix_spawn, spawn), and a
 * process image is never replaced. Every call fails with ENOSYS, so
 * ported code takes its error path; use posix_spawn() (then exit) instead.
 */
#include <unistd.h>
#include "qsoe_os.h"

pid_t fork(void)
{
	return (pid_t)__qsoe_ret(-ENOSYS);
}

pid_t vfork(void)
{
	return (pid_t)__qsoe_ret(-ENOSYS);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path, (void)argv, (void)envp;
	return (int)__qsoe_ret(-ENOSYS);
}

int execv(const char *path, char *const argv[])
{
	(void)path, (void)argv;
	return (int)__qsoe_ret(-ENOSYS);
}

int execvp(const char *file, char *const argv[])
{
	(void)file, (void)argv;
	return (int)__qsoe_ret(-ENOSYS);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	(void)file, (void)argv, (void)envp;
	return (int)__qsoe_ret(-ENOSYS);
}

int fexecve(int fd, char *const argv[], char *const envp[])
{
	(void)fd, (void)argv, (void)envp;
	return (int)__qsoe_ret(-ENOSYS);
}

int execl(const char *path, const char *arg, ...)
{
	(void)path, (void)arg;
	return (int)__qsoe_ret(-ENOSYS);
}

int execle(const char *path, const char *arg, ...)
{
	(void)path, (void)arg;
	return (int)__qsoe_ret(-ENOSYS);
}

int execlp(const char *file, const char *arg, ...)
{
	(void)file, (void)arg;
	return (int)__qsoe_ret(-ENOSYS);
}
