echo a # comment
echo b#notcomment
echo 'c # quoted' # real
# echo never
x=1 # trailing
echo $x
