x=$(cat <<EOF
inside cmdsub
EOF
)
echo "[$x]"
