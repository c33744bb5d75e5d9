echo a > /nonexistent/f
echo b
cat < /nonexistent/g
echo c
