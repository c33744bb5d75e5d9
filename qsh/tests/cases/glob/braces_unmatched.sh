echo x{a}{b,c} {x{b,c} {x,y{b,c} a}b{c,d} {a,b}{c {,}x {a,}
