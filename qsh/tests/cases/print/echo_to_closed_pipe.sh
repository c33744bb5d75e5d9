echo line | true
echo done
