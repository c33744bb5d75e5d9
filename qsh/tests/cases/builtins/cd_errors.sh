cd /nonexistent_dir_xyz
echo status $?
cd a b c
echo status $?
HOME=
unset HOME
cd
echo status $?
