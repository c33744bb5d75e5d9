x=$(cat <<EOF
$(cat <<INNER
inner
INNER
)
EOF
)
echo "$x"
