set -A arr a b c
typeset -i num=5
typeset -u up=x
(echo ${arr[1]} ${#arr[@]}; num=num+1; echo $num; up=abc; echo $up)
