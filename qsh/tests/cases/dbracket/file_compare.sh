cd "$TMPDIR"
touch a
ln a b
[[ a -ef b ]] && echo same
[[ a -nt nonexist ]] && echo newer-than-missing
[[ nonexist -ot a ]] && echo older-missing
