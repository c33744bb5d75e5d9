x=abcabc
echo ${x#?b} ${x%[bc]} ${x##*(abc)} ${x#@(ab|abc)} ${x%%+(c)}
