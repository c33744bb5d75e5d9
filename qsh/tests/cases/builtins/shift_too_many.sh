set -- a
shift 2
echo not reached
