echo a | grep -q a && echo found || echo missing
echo a | grep -q b && echo found || echo missing
