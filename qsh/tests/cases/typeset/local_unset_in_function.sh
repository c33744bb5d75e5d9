f() { typeset v; echo "[${v-unset}]"; }
v=outer
f
