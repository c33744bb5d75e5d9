_a=1 A_b2=2 __=3
echo $_a $A_b2 $__
