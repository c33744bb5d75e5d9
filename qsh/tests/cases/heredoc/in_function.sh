f() {
	cat <<EOF
in function $1
EOF
}
f arg1
f arg2
