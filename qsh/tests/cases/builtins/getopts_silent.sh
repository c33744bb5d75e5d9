OPTIND=1
getopts :ab: opt -z
echo "$opt $OPTARG"
OPTIND=1
getopts :b: opt -b
echo "$opt $OPTARG"
