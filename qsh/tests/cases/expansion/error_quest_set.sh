s=val
echo "${s?not shown}" "${s:?no}"
