for w in apple banana cherry '*'; do
case $w in
a*) echo "$w: a";;
*an*) echo "$w: an";;
\*) echo "$w: star";;
[cd]h*) echo "$w: ch";;
esac
done
