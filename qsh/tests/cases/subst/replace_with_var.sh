x=path/to/file
sep=::
echo ${x//\//$sep} "${x//\//$sep}"
