if true
then
echo multi
fi; for i in 1
do echo $i; done
