cd "$TMPDIR"
echo .* | wc -w
# mksh and POSIX disagree: POSIX .* matches . and ..; mksh never generates them (mksh is followed)
