cat <<EOF
"$HOME-unset" "a\"b"
EOF
