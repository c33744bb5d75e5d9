typeset -a arr
arr[1]=x
typeset -p arr
