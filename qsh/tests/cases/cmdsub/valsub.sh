x=${|REPLY=computed; }
echo "[$x]"
