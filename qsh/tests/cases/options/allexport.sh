set -a
myvar=exported
sh -c 'echo "child sees: $myvar"'
set +a
other=notexp
sh -c 'echo "child sees: [$other]"'
