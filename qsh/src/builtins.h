/*
 * builtins.h - entry points of the builtin utilities (one family per file:
 * bi_core.c, bi_var.c, bi_io.c, bi_printf.c, bi_test.c, bi_job.c,
 * bi_misc.c, bi_set.c).
 */
#ifndef QSH_BUILTINS_H
#define QSH_BUILTINS_H

int b_alias(int argc, char **argv);
int b_bg(int argc, char **argv);
int b_bind(int argc, char **argv);
int b_break(int argc, char **argv);
int b_builtin(int argc, char **argv);
int b_cd(int argc, char **argv);
int b_command(int argc, char **argv);
int b_continue(int argc, char **argv);
int b_dot(int argc, char **argv);
int b_echo(int argc, char **argv);
int b_eval(int argc, char **argv);
int b_exec(int argc, char **argv);
int b_exit(int argc, char **argv);
int b_export(int argc, char **argv);
int b_false(int argc, char **argv);
int b_fc(int argc, char **argv);
int b_fg(int argc, char **argv);
int b_getopts(int argc, char **argv);
int b_jobs(int argc, char **argv);
int b_kill(int argc, char **argv);
int b_let(int argc, char **argv);
int b_print(int argc, char **argv);
int b_printf(int argc, char **argv);
int b_pwd(int argc, char **argv);
int b_read(int argc, char **argv);
int b_readonly(int argc, char **argv);
int b_realpath(int argc, char **argv);
int b_rename(int argc, char **argv);
int b_return(int argc, char **argv);
int b_set(int argc, char **argv);
int b_shift(int argc, char **argv);
int b_source(int argc, char **argv);
int b_suspend(int argc, char **argv);
int b_test(int argc, char **argv);
int b_times(int argc, char **argv);
int b_trap(int argc, char **argv);
int b_true(int argc, char **argv);
int b_typeset(int argc, char **argv);
int b_ulimit(int argc, char **argv);
int b_umask(int argc, char **argv);
int b_unalias(int argc, char **argv);
int b_unset(int argc, char **argv);
int b_wait(int argc, char **argv);
int b_whence(int argc, char **argv);

void bi_getopt_reset(void);

#endif
