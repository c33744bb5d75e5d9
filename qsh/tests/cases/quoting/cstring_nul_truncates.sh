printf '%s|\n' $'ab\0cd' $'\x00x'
