alias sub='echo from alias'
(sub)
x=$(sub); echo "$x"
