function g {
  typeset opt
  while getopts ab opt; do echo "opt $opt"; done
  echo "OPTIND=$OPTIND"
}
g -a -b
echo "outer OPTIND=$OPTIND"
