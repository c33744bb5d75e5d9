echo a ((b))
