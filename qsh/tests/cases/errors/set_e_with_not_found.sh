set -e
nosuch_cmd_e
echo never
