'if' 2>/dev/null; echo $?
"echo" quoted command
\echo escaped
