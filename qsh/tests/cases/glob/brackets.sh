cd "$TMPDIR"
touch a1 a2 a3 b1 c-1 A9
echo a[12] a[!1] a[^2] [ab]1 [a-c]1 *[-]* [[:upper:]]*
# mksh and POSIX disagree: a leading ^ in a bracket expression is unspecified in POSIX; mksh does not treat it as negation (mksh is followed)
