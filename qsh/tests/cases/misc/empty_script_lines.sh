

echo only-line
