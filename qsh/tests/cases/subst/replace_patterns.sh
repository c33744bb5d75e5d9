x=file.tar.gz
echo ${x/.*/} ${x//[.]/_} ${x/t?r/TAR} ${x//@(tar|gz)/X}
