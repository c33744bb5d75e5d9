echo a#b "#" \# x#
