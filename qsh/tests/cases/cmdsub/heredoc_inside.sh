x=$(cat <<EOF
in heredoc
EOF
)
echo "$x"
