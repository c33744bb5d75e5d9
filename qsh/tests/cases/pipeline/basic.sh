echo hello | tr a-z A-Z
printf '3\n1\n2\n' | sort | tr '\n' ' '; echo
