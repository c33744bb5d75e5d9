n=0
while [ $n -lt 3000 ]; do
  echo "line $n of the heredoc with some padding text to make it longer"
  n=$((n+1))
done > "$TMPDIR/gen.sh"
{ echo 'cat <<EOF'; cat "$TMPDIR/gen.sh"; echo EOF; } > "$TMPDIR/big.sh"
. "$TMPDIR/big.sh" | wc -l
. "$TMPDIR/big.sh" | tail -1
