HOME=/h
[[ ~ = /h ]] && echo tilde
