getopts ab opt -x
echo "$opt [${OPTARG-unset}]"
OPTIND=1
getopts a: opt -a
echo "$opt"
