IFS=x
v=axbxxc
set -- $v
echo $#; for w in "$@"; do echo "[$w]"; done
