typeset -r ok=1 'bad name' later=2
echo "[$ok] [${later-unset}]"
