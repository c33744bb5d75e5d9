/*
 * shasum.h - the common implementation of sha256sum and sha512sum.
 */
#ifndef QU_SHASUM_H
#define QU_SHASUM_H

/* Runs the utility with the digest of 256 or 512 bits; returns the exit status. */
int qu_shasum_main(int argc, char **argv, int bits);

#endif /* QU_SHASUM_H */
