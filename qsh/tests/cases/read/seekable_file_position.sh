cd "$TMPDIR"
printf 'one\ntwo\nthree\n' > f
{ read a; cat; } < f
