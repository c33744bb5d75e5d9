x=abcabc
echo ${x/#abc/X} ${x/%abc/X} ${x/#bc/X} ${x/%ab/X}
