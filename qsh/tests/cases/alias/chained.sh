alias a1=a2 a2='echo chained'
a1 ok
