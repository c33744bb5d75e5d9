cd "$TMPDIR"
{ echo e >&2; } 2>&1 >/dev/null | cat
{ echo e2 >&2; } >/dev/null 2>&1 | cat
echo done
