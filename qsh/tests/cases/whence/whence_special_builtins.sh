whence -v . : eval exec exit export readonly return set shift trap unset
