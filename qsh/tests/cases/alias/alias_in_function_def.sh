alias say='echo said'
f() { say inside; }
unalias say
f
