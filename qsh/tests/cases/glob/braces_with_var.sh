v=1,2
echo {$v} {a,$v}
