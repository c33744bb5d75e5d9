printf '%s-%s\n' a b
printf '%d %5d|%-5d|%05d\n' 42 7 7 7
printf '%x %X %o %c\n' 255 255 8 xyz
printf '%.3s|%10.2f\n' abcdef 3.14159
