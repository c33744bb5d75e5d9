x=$(i=0; while [ $i -lt 5000 ]; do echo "line $i"; i=$((i+1)); done)
echo ${#x}
