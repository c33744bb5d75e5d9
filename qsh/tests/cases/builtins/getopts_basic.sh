while getopts ab:c opt -a -b val -c rest; do
  echo "opt=$opt arg=${OPTARG-}"
done
echo "OPTIND=$OPTIND"
