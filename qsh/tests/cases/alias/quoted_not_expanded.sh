alias q='echo expanded'
\q 2>/dev/null || echo "escaped: $?"
'q' 2>/dev/null || echo "quoted: $?"
