for i in 1 2; do
  case $i in
  1) if true; then while false; do :; done; echo one; fi ;;
  2) { for j in x; do echo two$j; done; } ;;
  esac
done
