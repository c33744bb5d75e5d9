echo $(( $(echo 6) * $(echo 7) ))
