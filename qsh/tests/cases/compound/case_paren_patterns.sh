case x in
(x|y) echo paren ;;
esac
case y in x|y) echo bar;; esac
