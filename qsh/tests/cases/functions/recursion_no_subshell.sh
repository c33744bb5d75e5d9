count=0
down() { count=$((count+1)); [ $1 -gt 0 ] && down $(($1-1)); }
down 50
echo $count
