i=0
while [ $i -lt 300 ]; do eval "var_$i=value_$i"; i=$((i+1)); done
(echo $var_0 $var_150 $var_299)
