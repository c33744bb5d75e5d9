echo 'AB' | { read -a codes; echo ${codes[@]}; }
# mksh and POSIX disagree: read -a is mksh's array of character codes (not bash's word array, which mksh spells -A) (mksh is followed)
