echo a{b,c,d}e {x,y}{1,2} {single} {}
