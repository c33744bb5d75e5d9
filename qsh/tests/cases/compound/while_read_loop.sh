printf 'x\ny\n' | while read l; do echo "got $l"; done
