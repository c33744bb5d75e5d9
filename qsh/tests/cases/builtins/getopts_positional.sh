set -- -x -y arg
while getopts xy o; do echo $o; done
shift $((OPTIND-1))
echo "rest: $*"
