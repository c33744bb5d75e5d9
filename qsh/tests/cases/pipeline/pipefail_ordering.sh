set -o pipefail
(exit 3) | (exit 5) | true; echo $?
