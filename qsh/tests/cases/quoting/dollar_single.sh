echo $'tab\there' $'nl\nx' $'q\'q' $'\x41\102\u0043'
echo $'\e' | od -An -c | tr -s ' '
