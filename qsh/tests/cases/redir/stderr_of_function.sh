f() { echo fout; echo ferr >&2; }
f 2>/dev/null
f >/dev/null 2>&1
echo end
