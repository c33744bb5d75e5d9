x=global
f() { local x=loc; unset x; echo "[${x-unset}]"; }
f
echo $x
