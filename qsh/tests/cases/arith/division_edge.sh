echo $((-2147483648/-1)) $((-2147483648%-1)) $((7/-2)) $((-7%3))
# mksh and POSIX disagree: POSIX leaves INT_MIN/-1 undefined; mksh defines it (wrap-around) (mksh is followed)
