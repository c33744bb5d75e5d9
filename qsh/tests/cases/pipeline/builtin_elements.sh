echo one two | { read a b; echo "$b $a"; }
