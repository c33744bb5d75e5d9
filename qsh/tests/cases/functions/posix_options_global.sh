p() { set -u; }
p
echo ${undefined_var-ok}
echo ${also_undefined}
echo not reached
