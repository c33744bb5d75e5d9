set -e
[ -o errexit ] && echo on
[ -o noglob ] || echo off
test -o nosuch || echo none
[[ -o !noglob ]] && echo negated
