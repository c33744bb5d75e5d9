set -o | head -1
set -o pipefail -o noglob
set +o
