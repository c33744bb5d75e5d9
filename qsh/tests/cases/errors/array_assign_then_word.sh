a=(1 2) echo hi
