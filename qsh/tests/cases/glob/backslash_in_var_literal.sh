cd "$TMPDIR"
touch 'q*' qa
v='q\*'
echo $v
