set -u
[[ -o nounset ]] && echo nounset-on
[[ -o pipefail ]] || echo pipefail-off
