f() { typeset -g gv=global_from_f; typeset lv=local; }
f
echo "[$gv] [$lv]"
