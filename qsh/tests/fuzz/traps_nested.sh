trap "echo \$?" ERR EXIT USR1
kill -USR1 $$
false
eval "eval \"eval false\""
