set -e
(( 0 )) || echo handled
(( 0 ))
echo never
