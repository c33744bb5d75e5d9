cat 3<<EOF <&3
via fd three
EOF
