echo -
echo --
echo -n
echo "-n"x
