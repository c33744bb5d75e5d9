while getopts abc o -abc -ca; do printf '%s' "$o"; done
echo
