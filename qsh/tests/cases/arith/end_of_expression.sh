echo $(( 3 + ))
