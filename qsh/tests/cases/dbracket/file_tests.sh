cd "$TMPDIR"
touch f; mkdir d; ln -s f l
[[ -e f && -f f && ! -d f ]] && echo file
[[ -d d ]] && echo dir
[[ -L l && -h l ]] && echo link
[[ -s f ]] || echo empty
echo x > f
[[ -s f ]] && echo nonempty
[[ -r f && -w f ]] && echo rw
[[ -e nonexist ]] || echo missing
