x=world
cat <<EOF
hello $x ${x}s $(echo cmd) $((1+1)) \$x \\ \`
"quotes" 'single'
EOF
