f1() { :; }
f2() { :; }
typeset +f
