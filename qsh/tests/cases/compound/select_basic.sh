printf '2\n' | { select x in alpha beta gamma; do echo "picked $x ($REPLY)"; break; done; }
