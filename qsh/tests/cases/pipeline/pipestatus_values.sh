(exit 1) | (exit 2) | (exit 0)
echo ${PIPESTATUS[*]}
