x=world
cat <<'EOF'
no $x expansion $(echo no) \$
EOF
cat <<"E2"
also $x literal
E2
cat <<\E3
escaped $x marker
E3
