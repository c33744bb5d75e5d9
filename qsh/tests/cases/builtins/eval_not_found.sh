eval nosuchcmd_xyz
echo status $?
