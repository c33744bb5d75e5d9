echo $'\u00e9\U0001F600' | od -An -tx1 | tr -s ' '
