echo ${1:=a}
