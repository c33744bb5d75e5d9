/*
 * usage.h - the usage text of a utility, embedded in its ELF file.
 *
 * Each utility says QU_USAGE("Usage: prog [-ab] [file...]\n" "more lines...\n").
 * The text is placed in the section .qsoe_usage so that `use prog` can read
 * it from the program file without running it; the utility prints its first
 * line on a bad option and the whole text for `use`. The first line is the
 * synopsis.
 */
#ifndef QU_USAGE_H
#define QU_USAGE_H

extern const char qu_usage_text[];

#define QU_USAGE(text) \
	__attribute__((section(".qsoe_usage"), used, aligned(1))) const char qu_usage_text[] = text

#endif /* QU_USAGE_H */
