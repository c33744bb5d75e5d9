whence -v cd echo getopts kill let print pwd read test true umask wait
