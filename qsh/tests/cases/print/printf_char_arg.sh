printf '%d %d\n' "'A" '"B'
