x='a*b*c'
echo "${x#a\*}" "${x#"a*"}" "${x%'*c'}" ${x#a*}
