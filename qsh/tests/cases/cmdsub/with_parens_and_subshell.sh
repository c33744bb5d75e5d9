echo $( (echo in-sub) )
echo $(echo ')' "(")
