cat <<< "here string"
x=val
cat <<<$x
tr a-z A-Z <<< 'up me'
