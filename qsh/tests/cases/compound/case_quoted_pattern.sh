v='*'
case x in "$v") echo literal;; *) echo star;; esac
case x in $v) echo unquoted;; esac
