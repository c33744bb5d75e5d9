print -A 65 66 67
