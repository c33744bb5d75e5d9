cd "$TMPDIR"
echo 'sourced_var=42; echo "in dot $1"' > inc.sh
. ./inc.sh arg1
echo $sourced_var
