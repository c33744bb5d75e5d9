echo start | cat | cat | cat | cat | tr s S
