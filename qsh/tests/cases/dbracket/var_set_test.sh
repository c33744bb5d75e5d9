x=1
[[ -v x ]] && echo set
[[ -v y ]] || echo unset
a[2]=v
[[ -v a[2] ]] && echo elem
