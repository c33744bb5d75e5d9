case abc in
a*) echo first ;|
*b*) echo second ;|
*z*) echo no ;;
*c) echo third ;;
esac
