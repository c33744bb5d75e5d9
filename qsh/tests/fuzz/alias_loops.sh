alias a=b b=c c=a x="x "
a
x x x x
alias y="y;y"
y 2>/dev/null
echo done
