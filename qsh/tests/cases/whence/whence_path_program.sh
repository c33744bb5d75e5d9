whence -p sh >/dev/null && echo found-sh
whence -v sh | sed 's|/.*||'
