function kf { echo "kf called with $# args: $*"; }
kf a b c
