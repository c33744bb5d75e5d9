aa=1 aa=2 env | grep '^aa='
