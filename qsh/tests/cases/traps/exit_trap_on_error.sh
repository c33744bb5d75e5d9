trap 'echo cleanup' EXIT
echo ${undefined?boom}
