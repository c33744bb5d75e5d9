echo first-line
if true; then
  echo inside
else
fi
