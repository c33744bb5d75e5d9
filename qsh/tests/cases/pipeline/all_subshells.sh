x=0
echo 1 | x=1
echo x=$x
echo a | read y
echo "y=[$y]"
# mksh and POSIX disagree: POSIX lets the last pipeline element run in the current shell (ksh does); mksh runs every element in a subshell (mksh is followed)
