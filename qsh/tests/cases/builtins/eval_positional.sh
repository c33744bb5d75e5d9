set -- one two
eval 'echo $2 $1'
