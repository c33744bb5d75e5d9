x=1 nosuch_after_assign
echo "$? x=[$x]"
