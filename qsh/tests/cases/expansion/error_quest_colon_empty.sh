e=
echo "${e:?}"
echo after
