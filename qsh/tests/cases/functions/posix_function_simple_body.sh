f() echo simple-body
f
g() [[ -n x ]]
g && echo dbracket-body
