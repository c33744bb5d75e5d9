f() { break; }
for i in 1 2; do f; echo $i; done
# mksh and POSIX disagree: POSIX leaves break in a function outside the loop unspecified; mksh warns and continues (mksh is followed)
