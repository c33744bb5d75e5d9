cd "$TMPDIR"
exec 3> fdout
(echo via-fd3 >&3)
exec 3>&-
cat fdout
