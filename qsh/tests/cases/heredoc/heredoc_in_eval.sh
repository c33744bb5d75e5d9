eval 'cat <<EOF
evald
EOF'
