/*
 * signame.h - signal names for kill and slay.
 */
#ifndef QU_SIGNAME_H
#define QU_SIGNAME_H

/* The signal number for a name ("TERM", "SIGTERM", "term", "0") or a
 * decimal number 0..255, or -1. */
int qu_sig_lookup(const char *s);
/* The name of signal n without "SIG", or NULL. */
const char *qu_sig_name(int n);

#endif /* QU_SIGNAME_H */
