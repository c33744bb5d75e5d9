echo $LINENO

echo $LINENO; echo $LINENO
f() { echo $LINENO; }

f
{
echo $LINENO
}
# mksh and POSIX disagree: diagnostics use the line where parsing of the command ended, LINENO the command's own line (mksh is followed)
