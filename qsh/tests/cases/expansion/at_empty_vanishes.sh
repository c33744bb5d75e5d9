set --
n=0; for w in "$@"; do n=$((n+1)); done; echo $n
set -- ""
n=0; for w in "$@"; do n=$((n+1)); done; echo $n
# POSIX behaviour (mksh agrees), kept as a reference
