#!/usr/bin/env python3
"""mkbad.py - make the malformed images of the taskman tests.

    mkbad.py GOOD_PROGRAM GOOD_LIBRARY OUTDIR

From a good PIE (tmtest_dynmin, linked against libtmt.so with a GNU hash
table) and a good library (libtmt.so), writes into OUTDIR one file per
kind of damage; taskman must refuse each with ENOEXEC and go on:

    tmbad_trunc     the program cut short inside its last loadable segment
    tmbad_phdr      e_phoff points far past the end of the file
    tmbad_dyn       DT_STRSZ says the string table is 2 GiB long
    tmbad_reloc     the first relocation has type 99
    tmbad_relocoff  the first relocation writes far outside the program
    tmbad_sym       it calls a function no library defines (tmt_lib_adX)
    tmbad_hash      DT_GNU_HASH has an impossible bloom shift
    tmbad_needlib   it needs libtmb.so, which is malformed (lib/libtmb.so)
    tmbad_nolib     it needs libtmx.so, which does not exist
    tmbad_text      plain text, neither ELF nor "#!"
    tmbad_shebang   a "#!" line longer than taskman accepts
    lib/libtmb.so   libtmt.so cut short inside its last loadable segment
"""
import os
import struct
import sys

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_STRTAB, DT_STRSZ, DT_RELA, DT_RELASZ, DT_JMPREL, DT_GNU_HASH = 0, 5, 10, 7, 8, 23, 0x6ffffef5


class Elf:
    def __init__(self, data):
        self.d = bytearray(data)
        (self.phoff,) = struct.unpack_from("<Q", self.d, 32)
        (self.phnum,) = struct.unpack_from("<H", self.d, 56)
        self.loads, self.dyn = [], None
        for i in range(self.phnum):
            off = self.phoff + 56 * i
            typ, _flags, poff, vaddr, _pa, filesz = struct.unpack_from("<IIQQQQ", self.d, off)
            if typ == PT_LOAD:
                self.loads.append((vaddr, poff, filesz))
            elif typ == PT_DYNAMIC:
                self.dyn = (poff, filesz)

    def load_end(self):
        """File offset where the last loadable segment's bytes end."""
        return max(o + n for _v, o, n in self.loads)

    def off(self, vaddr):
        for v, o, n in self.loads:
            if v <= vaddr < v + n:
                return o + vaddr - v
        raise ValueError("address 0x%x not in the file" % vaddr)

    def dynamic(self):
        """(file offset of the entry, tag, value) for each dynamic entry."""
        poff, size = self.dyn
        for i in range(size // 16):
            tag, val = struct.unpack_from("<qQ", self.d, poff + 16 * i)
            if tag == DT_NULL:
                return
            yield poff + 16 * i, tag, val

    def tag(self, want):
        for off, tag, val in self.dynamic():
            if tag == want:
                return off, val
        raise ValueError("no dynamic tag 0x%x" % want)

    def first_rela(self):
        for tag in (DT_RELA, DT_JMPREL):
            try:
                return self.off(self.tag(tag)[1])
            except ValueError:
                continue
        raise ValueError("no relocations")

    def rename(self, old, new):
        """Replaces a string of the dynamic string table (same length)."""
        start = self.off(self.tag(DT_STRTAB)[1])
        size = self.tag(DT_STRSZ)[1]
        i = self.d.find(old + b"\0", start, start + size)
        if i < 0 or len(old) != len(new):
            raise ValueError("cannot rename %r" % old)
        self.d[i:i + len(old)] = new
        return self


def main():
    prog, lib, out = sys.argv[1:4]
    good = open(prog, "rb").read()
    libdata = open(lib, "rb").read()
    os.makedirs(os.path.join(out, "lib"), exist_ok=True)
    files = {}

    files["tmbad_trunc"] = good[: Elf(good).load_end() - 16]
    e = Elf(good)
    struct.pack_into("<Q", e.d, 32, 0xfffffff0)
    files["tmbad_phdr"] = e.d
    e = Elf(good)
    struct.pack_into("<Q", e.d, e.tag(DT_STRSZ)[0] + 8, 0x7fffffff)
    files["tmbad_dyn"] = e.d
    e = Elf(good)
    r = e.first_rela()
    struct.pack_into("<Q", e.d, r + 8, 99)  # r_info: symbol 0, type 99
    files["tmbad_reloc"] = e.d
    e = Elf(good)
    r = e.first_rela()
    struct.pack_into("<Q", e.d, r, 0x7fff0000)  # r_offset
    files["tmbad_relocoff"] = e.d
    files["tmbad_sym"] = Elf(good).rename(b"tmt_lib_add", b"tmt_lib_adX").d
    e = Elf(good)
    g = e.off(e.tag(DT_GNU_HASH)[1])
    struct.pack_into("<I", e.d, g + 12, 99)  # bloom shift
    files["tmbad_hash"] = e.d
    files["tmbad_needlib"] = Elf(good).rename(b"libtmt.so", b"libtmb.so").d
    files["tmbad_nolib"] = Elf(good).rename(b"libtmt.so", b"libtmx.so").d
    files["tmbad_text"] = b"this is neither an ELF image nor a script\n"
    files["tmbad_shebang"] = b"#!" + b"/x" * 1000 + b"\n"
    files["lib/libtmb.so"] = libdata[: Elf(libdata).load_end() - 16]

    for name, data in files.items():
        path = os.path.join(out, name)
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.chmod(path + ".tmp", 0o755)
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
