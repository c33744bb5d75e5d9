cat <<EOF
never closed
