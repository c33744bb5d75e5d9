zz=1 aa=2 MM=3 env | grep -E '^(zz|aa|MM|PATH)='
