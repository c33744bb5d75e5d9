cat <<-EOF
	tab indented
		two tabs
	EOF
echo done
