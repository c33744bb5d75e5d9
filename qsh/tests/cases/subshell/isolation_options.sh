(set -e; set -o | grep errexit)
set -o | grep errexit
