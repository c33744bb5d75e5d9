v=abc
cat <<EOF
${v#a} ${#v} ${v:-x} $(( ${#v} * 2 ))
EOF
