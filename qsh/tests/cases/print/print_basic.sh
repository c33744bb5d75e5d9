print hello world
print -n no-nl; print
print -r 'raw\t'
print -R -n raw2; print
print -- -dash
print - -dash2
