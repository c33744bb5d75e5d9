for w in foo bar baz; do
case $w in
foo) echo F ;;
ba[rz]) echo B ;;
esac
done
