# leading comment
echo a # trailing
for i in 1; do # after do
  echo $i # in body
done # after done
case x in # after in
x) echo x ;; # after item
esac
