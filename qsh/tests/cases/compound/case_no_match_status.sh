false
case z in a) echo a;; esac
echo $?
