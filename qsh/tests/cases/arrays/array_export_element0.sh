a=(first second)
export a
sh -c 'echo "child: $a"'
