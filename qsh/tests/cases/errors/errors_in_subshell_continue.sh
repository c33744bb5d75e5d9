(nosuch_in_sub)
echo "after $?"
( echo ${u?sub-err} )
echo "after2 $?"
