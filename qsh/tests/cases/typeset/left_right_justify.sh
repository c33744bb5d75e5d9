typeset -L5 l=ab
typeset -R5 r=ab
typeset -Z5 z=42
echo "[$l] [$r] [$z]"
l=abcdefgh
r=abcdefgh
echo "[$l] [$r]"
