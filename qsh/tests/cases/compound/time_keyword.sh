{ time true; } 2>/dev/null
{ time -p true; } 2>/dev/null
{ time; } 2>/dev/null
echo timed $?
